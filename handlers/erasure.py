"""`删除我的信息`: a member erases their personal data and closes their account, told first where the credits go."""

from __future__ import annotations

import re

from handlers.flow import Flow
from handlers.identity import account_of, registered_only
from handlers.routes import Command
from handlers.turn import Turn
from handlers.types import Outcome, Reply
from storage import free_text, ledger, members, tasks
from storage.exchange import format_minutes

ERASE_COMMAND = re.compile(r"^\s*(删除|注销)(我的)?(个人)?(信息|资料|账户|账号)\s*$")
FLOW_NAME = "erase_me"
# A service under way needs the member's contact until it ends: erasure waits for it.
UNDER_WAY = (tasks.ACCEPTED, tasks.IN_SERVICE, tasks.DISPUTED)


async def nothing_under_way(turn: Turn) -> Outcome | None:
    ctx = turn.ctx
    if refusal := await registered_only(turn):
        return refusal
    member = await turn.member()
    busy = [task for task in await tasks.tasks_of(ctx.bank.sessions, member.id, limit=50) if task.status in UNDER_WAY]
    if busy:
        return Outcome(Reply(ctx.text("erase_task_under_way", id=str(busy[0].id))), FLOW_NAME)
    return None


async def say_what_happens(turn: Turn) -> str:
    ctx = turn.ctx
    member = await turn.member()
    balance = await ledger.balance(ctx.bank.sessions, (await account_of(member, ctx)).id)
    return ctx.text("erase_confirm", credits=format_minutes(balance.available))


async def erase(turn: Turn) -> Outcome:
    incoming, ctx, slots = turn.incoming, turn.ctx, turn.slots
    member = await turn.member()
    for waiting in await tasks.tasks_of(ctx.bank.sessions, member.id, limit=50):
        if waiting.status == tasks.OPEN and waiting.requester_id == member.id:  # nobody will come for a closed account
            await tasks.cancel(ctx.bank.sessions, waiting.id, member.actor, reason="account closed",
                               rules=ctx.bank.task_rules, now=incoming.received_at)
    account = await account_of(member, ctx)
    available = (await ledger.balance(ctx.bank.sessions, account.id)).available
    if available > 0:  # as said up front: what is left helps other elders
        pool = await ledger.system_account(ctx.bank.sessions, ledger.POOL)
        await ledger.transfer(ctx.bank.sessions, ledger.TransferRequest(
            debit_account_id=account.id, credit_account_id=pool.id, amount_min=available, kind=ledger.DONATION,
            idempotency_key=f"erase:{slots['run_id']}", actor=member.ledger_ref, reason="account closed"),
            ctx.bank.rules)
    await members.erase_member(ctx.bank.sessions, member.id, member.actor)
    await free_text.erase_about(ctx.bank.sessions, member.id)
    turn.sender_changed()
    return Outcome(Reply(ctx.text("erase_done")), FLOW_NAME)


FLOW = Flow(
    name=FLOW_NAME,
    title="删除我的信息",
    ready=nothing_under_way,
    slots=(),
    confirm=say_what_happens,
    finish=erase,
)


ROUTES = (FLOW, Command(ERASE_COMMAND, flow=FLOW_NAME))
