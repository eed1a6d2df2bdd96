"""Spending credits at partner businesses: choose an item, get a code, the partner completes it."""

from __future__ import annotations

import re

from handlers.context import Context
from handlers.flow import Choice, Flow, Slot
from handlers.identity import account_of, age_of
from handlers.routes import Command
from handlers.turn import Turn
from handlers.types import Outcome, Reply
from storage import ledger, redemptions
from storage.exchange import format_minutes, may_spend_on_self

COMPLETE_COMMAND = re.compile(r"^\s*核销\s*([A-Za-z0-9]{6})\s*$")
ANY_PARTNER = "*"


async def may_redeem(turn: Turn) -> Outcome | None:
    ctx = turn.ctx
    member = await turn.member()
    if member is None:
        return Outcome(Reply(ctx.text("not_registered")), "redeem")
    if not may_spend_on_self(age_of(member, turn) or 0, ctx.bank.policy).allowed:
        return Outcome(Reply(ctx.text("redeem_too_young", age=str(ctx.bank.policy.self_spend_age))), "redeem")
    if not [item for item in await redemptions.catalogue(ctx.bank.sessions) if item.stock > 0]:
        return Outcome(Reply(ctx.text("redeem_nothing")), "redeem")
    return None


async def items_in_stock(turn: Turn) -> tuple[Choice, ...]:
    ctx = turn.ctx
    return tuple(Choice(item.id, f"{item.name}（{item.partner_name}）{format_minutes(item.price_min)}")
                 for item in await redemptions.catalogue(ctx.bank.sessions) if item.stock > 0)


async def _item(item_id: int, ctx: Context) -> redemptions.PartnerItem | None:
    return next((item for item in await redemptions.catalogue(ctx.bank.sessions) if item.id == item_id), None)


async def confirm_redemption(turn: Turn) -> str:
    ctx, slots = turn.ctx, turn.slots
    item = await _item(slots["item"], ctx)
    if item is None:  # withdrawn since it was offered; confirming then gets the sold-out answer
        return ctx.text("redeem_withdrawn")
    return ctx.text("redeem_confirm", price=format_minutes(item.price_min), item=item.name, partner=item.partner_name)


async def redeem(turn: Turn) -> Outcome:
    ctx, slots = turn.ctx, turn.slots
    member = await turn.member()
    try:
        ticket = await redemptions.redeem(ctx.bank.sessions, (await account_of(member, ctx)).id, slots["item"],
                                          f"redeem:{slots['run_id']}", actor=member.ledger_ref, rules=ctx.bank.rules)
    except (redemptions.OutOfStock, redemptions.UnknownItem):
        return Outcome(Reply(ctx.text("redeem_sold_out")), "redeem")
    except ledger.InsufficientCredit:
        return Outcome(Reply(ctx.text("redeem_insufficient")), "redeem")
    if ticket.status != redemptions.HELD:  # asked again after it was refused: the refusal stands
        return Outcome(Reply(ctx.text("redeem_insufficient")), "redeem")
    until = ctx.local(ticket.expires_at)
    return Outcome(Reply(ctx.text("redeem_done", code=ticket.code, item=ticket.item.name,
                                  partner=ticket.item.partner_name, until=f"{until.month}月{until.day}日")), "redeem")


REDEEM = Flow(
    name="redeem",
    title="兑换",
    ready=may_redeem,
    slots=(Slot("item", "您想换哪一样？", expecting="choice", offer=items_in_stock),),
    confirm=confirm_redemption,
    finish=redeem,
)


async def complete_code(turn: Turn) -> Outcome:
    """`核销 CODE` from a partner's cashier or staff: the item is handed over, the partner is paid."""
    incoming, ctx, code = turn.incoming, turn.ctx, turn.argument
    partners = await _partners_served_by(turn)
    if not partners:  # nothing about a code is said to someone who may not complete codes
        return Outcome(Reply(ctx.text("complete_not_allowed")), "complete")
    try:
        ticket = await redemptions.ticket(ctx.bank.sessions, code)
    except redemptions.UnknownCode:
        return Outcome(Reply(ctx.text("complete_unknown")), "complete")
    if ANY_PARTNER not in partners and ticket.item.partner_code not in partners:
        return Outcome(Reply(ctx.text("complete_not_allowed")), "complete")
    if ticket.status == redemptions.COMPLETED:
        return Outcome(Reply(ctx.text("complete_completed")), "complete")
    try:
        done = await redemptions.complete(ctx.bank.sessions, code, actor=f"wechat:{incoming.openid}")
    except redemptions.CodeNotOpen as closed:
        return Outcome(Reply(ctx.text(f"complete_{closed.status}")), "complete")
    return Outcome(Reply(ctx.text("complete_done", item=done.item.name, price=format_minutes(done.price_min))),
                   "complete")


async def _partners_served_by(turn: Turn) -> set[str]:
    """The partners whose codes this sender may complete: staff, any; a cashier, their own shop's."""
    incoming, ctx = turn.incoming, turn.ctx
    member = await turn.member()
    if incoming.openid in ctx.bank.staff_openids or (member is not None and member.is_staff):
        return {ANY_PARTNER}
    return {partner for partner, openids in ctx.bank.partner_operators.items() if incoming.openid in openids}


ROUTES = (REDEEM, Command(COMPLETE_COMMAND, complete_code))
