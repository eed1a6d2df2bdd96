"""Who is talking: the member behind an OpenID, their ledger account, and the gates flows put up."""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from typing import Iterator

from handlers.context import Context
from handlers.types import Incoming, Outcome, Reply
from storage import ledger, members
from storage.members import Member


# The sender's record as first read in this turn. The gate, the handler and its checks all ask who is
# talking; one read answers them (a balance turn read it three times). Only a member found is kept: someone
# who registers in this turn is read afresh afterwards.
_senders_this_turn: ContextVar[dict[str, Member] | None] = ContextVar("senders_this_turn", default=None)


@contextmanager
def one_turn() -> Iterator[None]:
    """Within it, member_of reads the sender once; outside (jobs, the console) it always reads."""
    token = _senders_this_turn.set({})
    try:
        yield
    finally:
        _senders_this_turn.reset(token)


def forget_sender() -> None:
    """After changing the sender's own record, so the rest of the turn reads it anew."""
    if (seen := _senders_this_turn.get()) is not None:
        seen.clear()


async def member_of(incoming: Incoming, ctx: Context) -> Member | None:
    seen = _senders_this_turn.get()
    if seen is not None and incoming.openid in seen:
        return seen[incoming.openid]
    member = await members.member_by_openid(ctx.bank.sessions, incoming.openid)
    if member is None or not member.is_active:
        return None
    if seen is not None:
        seen[incoming.openid] = member
    return member


async def account_of(member: Member, ctx: Context) -> ledger.Account:
    return await ledger.open_member_account(ctx.bank.sessions, member.ledger_ref)


def age_of(member: Member, incoming: Incoming, ctx: Context) -> int | None:
    return member.age_on(ctx.local(incoming.received_at).date())


async def registered_only(incoming: Incoming, ctx: Context) -> Outcome | None:
    """A flow gate: the people who have not registered yet are told how."""
    if await member_of(incoming, ctx) is None:
        return Outcome(Reply(ctx.text("not_registered")), "not_registered")
    return None
