"""Giving credits away: to the community pool, or to a registered relative old enough to use them."""

from __future__ import annotations

from datetime import datetime, time

from handlers.context import LOCAL_TIME, Context
from handlers.flow import Choice, Flow, Slot
from handlers.family_words import elder_seen_by_family, family_seen_by_elder
from handlers.identity import account_of, age_of, registered_only
from handlers.turn import Turn
from handlers.types import Outcome, Reply
from storage import ledger, members, outbox
from storage.exchange import NOT_A_RELATIVE, RECIPIENT_TOO_YOUNG, format_minutes, may_give
from storage.privacy import InvalidPhone

BY_PHONE = "by_phone"
GIFT_REFUSALS = {NOT_A_RELATIVE: "give_no_such_relative", RECIPIENT_TOO_YOUNG: "give_recipient_too_young"}


async def within_balance(minutes: int, turn: Turn) -> str | None:
    ctx = turn.ctx
    return await _affordable(minutes, await _own_account_id(turn), ctx)


async def within_daily_limit(minutes: int, turn: Turn) -> str | None:
    ctx = turn.ctx
    account_id = await _own_account_id(turn)
    if complaint := await _affordable(minutes, account_id, ctx):
        return complaint
    given = await ledger.debited_since(ctx.bank.sessions, account_id, ledger.GIFT, _start_of_today(turn))
    left = ctx.bank.daily_transfer_limit_min - given
    if minutes <= left:
        return None
    return ctx.text("give_daily_limit", left=format_minutes(left)) if left > 0 else ctx.text("give_daily_limit_reached")


async def _own_account_id(turn: Turn) -> int:
    ctx = turn.ctx
    return (await account_of(await turn.member(), ctx)).id


async def _affordable(minutes: int, account_id: int, ctx: Context) -> str | None:
    if minutes <= 0:
        return ctx.text("give_positive")
    available = (await ledger.balance(ctx.bank.sessions, account_id)).available
    if minutes > available:
        return ctx.text("give_insufficient", available=format_minutes(available))
    return None


def _start_of_today(turn: Turn) -> datetime:
    incoming, ctx = turn.incoming, turn.ctx
    return datetime.combine(ctx.local(incoming.received_at).date(), time(0), tzinfo=LOCAL_TIME)


# ---- to the pool ---------------------------------------------------------------


async def donate(turn: Turn) -> Outcome:
    ctx, slots = turn.ctx, turn.slots
    member = await turn.member()
    pool = await ledger.system_account(ctx.bank.sessions, ledger.POOL)
    try:
        await ledger.transfer(ctx.bank.sessions, ledger.TransferRequest(
            debit_account_id=(await account_of(member, ctx)).id, credit_account_id=pool.id,
            amount_min=slots["amount_min"], kind=ledger.DONATION, idempotency_key=f"donate:{slots['run_id']}",
            actor=member.ledger_ref), ctx.bank.rules)
    except ledger.InsufficientCredit:  # spent elsewhere since the amount was checked
        return Outcome(Reply(ctx.text("give_spent_meanwhile")), "donate")
    return Outcome(Reply(ctx.text("donate_done", amount=format_minutes(slots["amount_min"]))), "donate")


async def confirm_donation(turn: Turn) -> str:
    ctx, slots = turn.ctx, turn.slots
    return ctx.text("donate_confirm", amount=format_minutes(slots["amount_min"]))


DONATE = Flow(
    name="donate",
    title="捐时间币",
    ready=registered_only,
    slots=(Slot("amount_min", "您想捐多少？比如“1小时”或“30分钟”。", expecting="amount", check=within_balance),),
    confirm=confirm_donation,
    finish=donate,
)


# ---- to a relative -------------------------------------------------------------


async def relatives(turn: Turn) -> tuple[Choice, ...]:
    """The giver's confirmed family in either direction, masked, then "someone else, by phone"."""
    ctx = turn.ctx
    member = await turn.member()
    sessions = ctx.bank.sessions
    # A binding's relation is the family member's side ("儿子"): each is shown as the giver sees the other.
    bindings = [(b.elder_id, b.relation, elder_seen_by_family) for b in await members.bound_elders(sessions, member.id)]
    bindings += [(b.family_member_id, b.relation, family_seen_by_elder)
                 for b in await members.family_of(sessions, member.id)]
    choices = []
    for relative_id, relation, label in bindings:
        name = (await members.masked_profile(sessions, ctx.bank.keyring, relative_id)).real_name or ""
        choices.append(Choice(relative_id, label(relation, name)))
    return (*choices, Choice(BY_PHONE, "其他亲人（发手机号）"))


async def a_relative_who_can_use_it(recipient, turn: Turn) -> str | None:
    ctx = turn.ctx
    if recipient == BY_PHONE:
        return None
    giver = await turn.member()
    relative = await members.member_by_id(ctx.bank.sessions, recipient)
    if relative is None or not relative.is_active or relative.id == giver.id:
        return ctx.text("give_no_such_relative")
    decision = may_give(age_of(relative, turn) or 0, await _related(giver.id, relative.id, ctx),
                        ctx.bank.policy)
    if decision.allowed:
        return None
    return ctx.text(GIFT_REFUSALS[decision.reason], age=str(ctx.bank.policy.gift_recipient_age))


async def _related(first: int, second: int, ctx: Context) -> bool:
    sessions = ctx.bank.sessions
    return await members.is_bound(sessions, first, second) or await members.is_bound(sessions, second, first)


async def a_relatives_phone(phone: str, turn: Turn) -> str | None:
    ctx = turn.ctx
    try:
        relative = await members.member_by_phone(ctx.bank.sessions, ctx.bank.keyring, phone)
    except InvalidPhone:
        return ctx.text("register_bad_phone")
    if relative is None:
        # Said exactly as for a member who is not a relative, so nobody can test whose number is registered.
        return ctx.text("give_no_such_relative")
    return await a_relative_who_can_use_it(relative.id, turn)


def asks_by_phone(slots: dict) -> bool:
    return slots.get("relative") == BY_PHONE


async def _recipient(slots: dict, ctx: Context) -> members.Member:
    if slots["relative"] == BY_PHONE:
        return await members.member_by_phone(ctx.bank.sessions, ctx.bank.keyring, slots["relative_phone"])
    return await members.member_by_id(ctx.bank.sessions, slots["relative"])


async def confirm_gift(turn: Turn) -> str:
    ctx, slots = turn.ctx, turn.slots
    recipient = await _recipient(slots, ctx)
    name = (await members.masked_profile(ctx.bank.sessions, ctx.bank.keyring, recipient.id)).real_name or ""
    return ctx.text("give_confirm", name=name, amount=format_minutes(slots["amount_min"]))


async def give(turn: Turn) -> Outcome:
    ctx, slots = turn.ctx, turn.slots
    giver, recipient = await turn.member(), await _recipient(slots, ctx)
    if recipient is None:
        return Outcome(Reply(ctx.text("give_no_such_relative")), "transfer")
    key = f"gift:{slots['run_id']}"
    # Checked again, as the answers may be minutes old; but not when this very gift already went
    # through and only its notice failed: then the ledger's replay is the answer.
    if not await ledger.key_used(ctx.bank.sessions, key):
        refusal = (await a_relative_who_can_use_it(recipient.id, turn)
                   or await within_daily_limit(slots["amount_min"], turn))
        if refusal:
            return Outcome(Reply(refusal), "transfer")
    try:
        result = await ledger.transfer(ctx.bank.sessions, ledger.TransferRequest(
            debit_account_id=(await account_of(giver, ctx)).id, credit_account_id=(await account_of(recipient, ctx)).id,
            amount_min=slots["amount_min"], kind=ledger.GIFT, idempotency_key=key,
            actor=giver.ledger_ref), ctx.bank.rules)
    except ledger.InsufficientCredit:
        return Outcome(Reply(ctx.text("give_spent_meanwhile")), "transfer")
    giver_name = (await members.masked_profile(ctx.bank.sessions, ctx.bank.keyring, giver.id)).real_name or ""
    if recipient.openid and not recipient.pushes_stopped:
        await outbox.enqueue_text(ctx.bank.sessions, ctx.bank.keyring, recipient.openid, dedupe_key=f"gift:{slots['run_id']}:notice",
                                  reason="gift", body=ctx.text("gift_received", giver=giver_name,
                                                                amount=format_minutes(result.credited_min)))
    reply = ctx.text("give_done", amount=format_minutes(slots["amount_min"]))
    if result.cap_overflow_min:
        reply += ctx.text("give_over_cap", overflow=format_minutes(result.cap_overflow_min))
    return Outcome(Reply(reply), "transfer")


TRANSFER = Flow(
    name="transfer",
    title="送时间币给亲人",
    ready=registered_only,
    slots=(
        Slot("relative", "送给谁？", expecting="choice", offer=relatives, check=a_relative_who_can_use_it),
        Slot("relative_phone", "请发这位亲人注册时用的手机号。", expecting="phone", check=a_relatives_phone,
             when=asks_by_phone),
        Slot("amount_min", "送多少？比如“2小时”或“30分钟”。", expecting="amount", check=within_daily_limit),
    ),
    confirm=confirm_gift,
    finish=give,
)


ROUTES = (DONATE, TRANSFER)
