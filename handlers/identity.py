"""About the sender: their ledger account, their age, and the gate flows put up for members only.

Who the sender is comes with the message: `Turn.member()` (handlers/turn.py).
"""

from __future__ import annotations

from handlers.context import Context
from handlers.turn import Turn
from handlers.types import Outcome, Reply
from storage import ledger
from storage.members import Member


async def account_of(member: Member, ctx: Context) -> ledger.Account:
    return await ledger.open_member_account(ctx.bank.sessions, member.ledger_ref)


def age_of(member: Member, turn: Turn) -> int | None:
    return member.age_on(turn.ctx.local(turn.incoming.received_at).date())


async def registered_only(turn: Turn) -> Outcome | None:
    """A flow gate: the people who have not registered yet are told how."""
    if await turn.member() is None:
        return Outcome(Reply(turn.ctx.text("not_registered")), "not_registered")
    return None
