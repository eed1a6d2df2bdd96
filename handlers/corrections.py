"""What staff and members are told about a ledger correction, the same whether it was made in chat or the console.

storage.corrections decides; this only words its answers: the refusal, the
notice to each member whose balance changed, and the request for a second
pair of eyes when an act waits for approval.
"""

from __future__ import annotations

from handlers.context import Context
from handlers.membership import who
from handlers.notices import tell_member, tell_staff
from storage import corrections
from storage.exchange import format_minutes

NOTICES = {corrections.GRANT: "desk_grant_notice", corrections.REVERSE: "desk_reversal_notice",
           corrections.ADJUST: "correction_adjust_notice"}
ACT_NAMES = {corrections.GRANT: "发放", corrections.REVERSE: "冲正", corrections.ADJUST: "调整"}


def refusal(refused: corrections.CorrectionRefused, ctx: Context) -> str:
    return ctx.text(f"correction_{refused.code}")


def signed(minutes: int) -> str:
    return ("+" if minutes > 0 else "-") + format_minutes(abs(minutes))


async def announce(done: corrections.Correction, ctx: Context) -> str:
    """Tell whoever must know; returns what the staff member who acted is told."""
    if done.status == corrections.PENDING:
        await tell_staff(ctx, "approval", ctx.text(
            "correction_approval_told_staff", id=str(done.id), act=ACT_NAMES[done.act],
            amount=format_minutes(abs(done.amount_min or 0)), reason=done.reason), f"approval:{done.id}")
        return ctx.text("correction_waiting", id=str(done.id))
    for notice in done.notices:
        await tell_member(ctx, notice.member_id, "ledger_correction", ctx.text(
            NOTICES[done.act], change=signed(notice.change_min)[0], amount=format_minutes(abs(notice.change_min)),
            id=str(done.transfer_id or ""), reason=done.reason), done.key)
    return await _done_text(done, ctx)


async def _done_text(done: corrections.Correction, ctx: Context) -> str:
    amount = format_minutes(done.moved_min or 0)
    if done.act == corrections.REVERSE:
        return ctx.text("desk_reverse_done", id=str(done.transfer_id), amount=amount)
    name = await who(done.member_id, ctx)
    if done.act == corrections.ADJUST:
        return ctx.text("correction_adjust_done", who=name, change=signed(done.amount_min))
    reply = ctx.text("desk_grant_done", who=name, amount=amount)
    return reply + (ctx.text("desk_grant_over_cap", overflow=format_minutes(done.overflow_min))
                    if done.overflow_min else "")
