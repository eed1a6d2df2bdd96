"""退订 and 订阅: a member stops or restarts publicity (broadcasts), never the news of their own requests.

Opting out takes the member off every broadcast tag (through a tag sync) and
out of customer-service fan-out (which reads `broadcasts_opted_out`).
"""

from __future__ import annotations

from handlers.context import Context
from handlers.routes import Intent
from handlers.turn import Turn
from handlers.types import Incoming, Outcome, Reply
from storage import members


async def unsubscribe(turn: Turn) -> Outcome:
    return await _choose(turn, opted_out=True)


async def subscribe(turn: Turn) -> Outcome:
    return await _choose(turn, opted_out=False)


async def _choose(turn: Turn, *, opted_out: bool) -> Outcome:
    """A suspended member may opt out too: the record is read as it is, not as `turn.member()` (active only)."""
    incoming, ctx = turn.incoming, turn.ctx
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


ROUTES = (
    Intent("unsubscribe", unsubscribe, title="退订消息"),
    Intent("subscribe", subscribe, title="订阅消息"),
)
