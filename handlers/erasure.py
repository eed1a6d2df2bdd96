"""`删除我的信息`: a member erases their personal data and closes their account, told first where the credits go."""

from __future__ import annotations

import re

from handlers.context import Context
from handlers.flow import Flow
from handlers.identity import account_of, member_of, registered_only
from handlers.types import Incoming, Outcome, Reply
from storage import ledger, members
from storage.exchange import format_minutes

ERASE_COMMAND = re.compile(r"^\s*(删除|注销)(我的)?(个人)?(信息|资料|账户|账号)\s*$")
FLOW_NAME = "erase_me"


async def say_what_happens(slots: dict, incoming: Incoming, ctx: Context) -> str:
    member = await member_of(incoming, ctx)
    balance = await ledger.balance(ctx.bank.sessions, (await account_of(member, ctx)).id)
    return ctx.text("erase_confirm", credits=format_minutes(balance.available))


async def erase(slots: dict, incoming: Incoming, ctx: Context) -> Outcome:
    member = await member_of(incoming, ctx)
    account = await account_of(member, ctx)
    available = (await ledger.balance(ctx.bank.sessions, account.id)).available
    if available > 0:  # as said up front: what is left helps other elders
        pool = await ledger.system_account(ctx.bank.sessions, ledger.POOL)
        await ledger.transfer(ctx.bank.sessions, ledger.TransferRequest(
            debit_account_id=account.id, credit_account_id=pool.id, amount_min=available, kind=ledger.DONATION,
            idempotency_key=f"erase:{slots['run_id']}", actor=member.ledger_ref, reason="account closed"),
            ctx.bank.rules)
    await members.erase_member(ctx.bank.sessions, member.id, member.actor)
    return Outcome(Reply(ctx.text("erase_done")), FLOW_NAME)


FLOW = Flow(
    name=FLOW_NAME,
    title="删除我的信息",
    ready=registered_only,
    slots=(),
    confirm=say_what_happens,
    finish=erase,
)
