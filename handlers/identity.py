"""Who is talking: the member behind an OpenID, their ledger account, and the gates flows put up."""

from __future__ import annotations

from handlers.context import Context
from handlers.types import Incoming, Outcome, Reply
from storage import ledger, members
from storage.members import Member


async def member_of(incoming: Incoming, ctx: Context) -> Member | None:
    member = await members.member_by_openid(ctx.bank.sessions, incoming.openid)
    return member if member is not None and member.is_active else None


async def account_of(member: Member, ctx: Context) -> ledger.Account:
    return await ledger.open_member_account(ctx.bank.sessions, member.ledger_ref)


def age_of(member: Member, incoming: Incoming, ctx: Context) -> int | None:
    return member.age_on(ctx.local(incoming.received_at).date())


async def registered_only(incoming: Incoming, ctx: Context) -> Outcome | None:
    """A flow gate: the people who have not registered yet are told how."""
    if await member_of(incoming, ctx) is None:
        return Outcome(Reply(ctx.text("not_registered")), "not_registered")
    return None
