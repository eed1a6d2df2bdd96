"""退订 and 订阅: a member stops or restarts publicity (broadcasts), never the news of their own requests.

Opting out takes the member off every broadcast tag (through a tag sync) and
out of customer-service fan-out (which reads `broadcasts_opted_out`).
"""

from __future__ import annotations

from handlers.context import Context
from handlers.types import Incoming, Outcome, Reply
from storage import members


async def unsubscribe(incoming: Incoming, ctx: Context, slots: dict) -> Outcome:
    return await _choose(incoming, ctx, opted_out=True)


async def subscribe(incoming: Incoming, ctx: Context, slots: dict) -> Outcome:
    return await _choose(incoming, ctx, opted_out=False)


async def _choose(incoming: Incoming, ctx: Context, *, opted_out: bool) -> Outcome:
    intent = "unsubscribe" if opted_out else "subscribe"
    member = await members.member_by_openid(ctx.bank.sessions, incoming.openid)
    if member is None or member.status == members.CLOSED:
        return Outcome(Reply(ctx.text(f"{intent}_not_member")), intent)
    if member.broadcasts_opted_out == opted_out:
        return Outcome(Reply(ctx.text(f"{intent}_already")), intent)
    await members.set_broadcasts_opted_out(ctx.bank.sessions, member.id, opted_out)
    await tags_changed(ctx, member.id, incoming, intent)
    return Outcome(Reply(ctx.text(f"{intent}_done")), intent)


async def tags_changed(ctx: Context, member_id: int, incoming: Incoming, change: str) -> None:
    """Something WeChat's tags show changed for a member: a tag sync now (the ten-minute one would catch it).

    The job id names the change, so the same message handled twice enqueues one sync.
    """
    if ctx.bank.jobs is not None:
        moment = int(incoming.received_at.timestamp())
        await ctx.bank.jobs.enqueue("sync_tags", job_id=f"sync_tags:{change}:{member_id}:{moment}")
