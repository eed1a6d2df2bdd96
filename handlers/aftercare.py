"""After the visit: the elder's side confirms or disputes, both sides rate, staff settle disputes; and cancelling."""

from __future__ import annotations

import re
from datetime import datetime, timedelta

import nlu
from handlers.contact_window import opens_at, tell_of_a_pause
from handlers.numbers import record_number
from handlers.context import Context
from handlers.flow import Choice, Flow, Slot
from handlers.notices import tell_member, tell_requester_side, tell_staff
from handlers.orders import as_volunteer, on_requester_side, pick, refusal, whose_orders
from handlers.requests import offer_to_volunteers
from handlers.staff import staff_member
from handlers.stars import after_payment
from handlers.task_words import STATUS_NAMES, describe, numbered, when
from handlers.routes import Command, Intent
from handlers.turn import Turn
from handlers.types import Outcome, Reply
from storage import members, tasks
from storage.exchange import format_minutes

DISPUTE_COMMAND = re.compile(r"^\s*(?:有问题|没来|没有来|人没来|投诉)\s*#?\s*(\d*)\s*(.*)$", re.S)
NO_SHOW_WORDS = re.compile(r"^\s*(?:没来|没有来|人没来)")
RESOLVE_COMMAND = re.compile(r"^\s*处理\s*#?\s*(\d+)\s*(全付|部分|退回)\s*(.*)$", re.S)
# A "reason" that is the rest of the usage line copied ("全付/部分 1小时/退回 原因"): never a decision.
MISREAD_REASON = re.compile(r"^[/／、（(]")
# How staff say each decision, and the storage.tasks.DECISIONS name for it.
DECISIONS = {"全付": "PAY", "部分": "PART", "退回": "REFUND"}
DECISION_TEXTS = {"PAY": "decision_pay", "PART": "decision_part", "REFUND": "decision_refund"}
LOW_STARS = 2
# Stars that say "it went well": while the visit still awaits the elder's side, they confirm it as well.
SATISFIED_STARS = 4


async def _acting(turn: Turn) -> tuple[members.Member, members.Member] | Reply:
    """(whose orders, who acts): staff acting for an elder act as themselves on the elder's orders."""
    ctx = turn.ctx
    actor = await turn.member()
    if actor is None:
        return Reply(ctx.text("not_registered"))
    return await whose_orders(turn), actor


# ---- done ---------------------------------------------------------------------------

async def confirm_done(turn: Turn) -> Outcome:
    acting = await _acting(turn)
    if isinstance(acting, Reply):
        return Outcome(acting, "confirm_done")
    owner, _ = acting
    task = await pick(turn.slots, owner, turn.ctx, on_requester_side(tasks.IN_SERVICE, tasks.ACCEPTED), "确认完成")
    if isinstance(task, Reply):
        return Outcome(task, "confirm_done")
    return Outcome(await _confirm(task, "confirm_done", turn), "confirm_done")


async def _confirm(task: tasks.Task, sentence: str, turn: Turn) -> Reply:
    """The visit confirmed done and the volunteer paid; `sentence` says so (with the minutes), else the refusal."""
    incoming, ctx = turn.incoming, turn.ctx
    _, actor = await _acting(turn)
    try:
        settled = await tasks.confirm_done(ctx.bank.sessions, task.id, actor.actor, ledger_rules=ctx.bank.rules,
                                           rules=ctx.bank.task_rules, now=incoming.received_at)
    except tasks.TaskError as error:
        return refusal(error, task.id, ctx)
    await _tell_volunteer_paid(settled, ctx)
    pay = tasks.pay_for(settled.task, ctx.bank.task_rules, settled.task.finished_at or incoming.received_at)
    return Reply(ctx.text(sentence, id=str(task.id), planned=format_minutes(pay.planned_min),
                          served=format_minutes(pay.served_min),
                          amount=format_minutes(settled.transfer.requested_min if settled.transfer else 0)))


def _awaits_confirmation(task: tasks.Task, member_id: int) -> bool:
    """The volunteer has checked out; the elder's side has not yet said it was done."""
    return on_requester_side(tasks.IN_SERVICE)(task, member_id) and task.checked_out_at is not None


async def _under_way(owner: members.Member, ctx: Context) -> tasks.Task | None:
    """The one visit of this member's side in service (the volunteer there, or gone and awaiting a word)."""
    visits = [task for task in await tasks.tasks_of(ctx.bank.sessions, owner.id)
              if on_requester_side(tasks.IN_SERVICE)(task, owner.id)]
    return visits[0] if len(visits) == 1 else None


async def _awaiting(owner: members.Member, ctx: Context) -> tasks.Task | None:
    """The one visit of this member's side that waits for their confirmation; None when none, or several."""
    waiting = [task for task in await tasks.tasks_of(ctx.bank.sessions, owner.id)
               if _awaits_confirmation(task, owner.id)]
    return waiting[0] if len(waiting) == 1 else None


async def confirm_awaited(turn: Turn) -> Outcome | None:
    """"好的" or "做完了" from the elder's side while one visit waits for them: its confirmation. None otherwise,
    and always for a volunteer still on a visit of their own, whose "做完了" is their check-out."""
    acting = await _acting(turn)
    if isinstance(acting, Reply):
        return None
    owner, actor = acting
    task = await _awaiting(owner, turn.ctx)
    if task is None or await _on_duty(actor, turn.ctx):
        return None
    return await confirm_done(turn.with_slots({"task_id": task.id}))


async def _on_duty(member: members.Member, ctx: Context) -> bool:
    return any(as_volunteer(tasks.IN_SERVICE)(task, member.id) and task.checked_out_at is None
               for task in await tasks.tasks_of(ctx.bank.sessions, member.id))


async def _tell_volunteer_paid(settled: tasks.Settlement, ctx: Context) -> None:
    # What reached the volunteer: above the credit cap the rest went to the community pool.
    credited = settled.transfer.credited_min if settled.transfer else 0
    await tell_member(ctx, settled.task.volunteer_id, "task_done", ctx.text(
        "done_told_volunteer", id=str(settled.task.id), amount=format_minutes(credited)), f"done:{settled.task.id}")
    if settled.transfer is not None:
        await after_payment(ctx, settled.task.volunteer_id, settled.task.finished_at)


async def tell_auto_confirmed(settled: tasks.Settlement, ctx: Context) -> None:
    task = settled.task
    await _tell_volunteer_paid(settled, ctx)
    await tell_requester_side(ctx, task, "task_done", ctx.text("auto_done_told_requester", id=str(task.id)),
                              f"done:{task.id}")


# ---- something went wrong ------------------------------------------------------------------

async def dispute(turn: Turn) -> Outcome | None:
    """"有问题 …" / "没来" about a visit on the elder's side; None (not a dispute) when no visit is on."""
    incoming, ctx, number = turn.incoming, turn.ctx, turn.argument
    acting = await _acting(turn)
    if isinstance(acting, Reply):
        return None
    owner, actor = acting
    visit_on = on_requester_side(tasks.ACCEPTED, tasks.IN_SERVICE)
    if not number and not any(visit_on(task, owner.id) for task in await tasks.tasks_of(ctx.bank.sessions, owner.id)):
        return None
    task = await pick({"task_id": record_number(number)} if number else {}, owner, ctx, visit_on, "有问题")
    if isinstance(task, Reply):
        return Outcome(task, "dispute")
    if NO_SHOW_WORDS.match(incoming.text) and not _past_no_show_time(task, turn):
        return Outcome(Reply(ctx.text("dispute_not_due_yet", id=str(task.id), when=when(task.starts_at, ctx))),
                       "dispute")
    reason = incoming.text.strip()
    try:
        await tasks.dispute(ctx.bank.sessions, task.id, actor.actor, reason, now=incoming.received_at)
    except tasks.TaskError as error:
        return Outcome(refusal(error, task.id, ctx), "dispute")
    await tell_staff(ctx, "dispute", ctx.text("dispute_told_staff", id=str(task.id), reason=reason),
                     f"dispute:{task.id}")
    await tell_member(ctx, task.volunteer_id, "dispute", ctx.text("dispute_told_volunteer", id=str(task.id)),
                      f"dispute:{task.id}")
    return Outcome(Reply(ctx.text("dispute_done", id=str(task.id))), "dispute")


def _past_no_show_time(task: tasks.Task, turn: Turn) -> bool:
    """A no-show exists only once the start, the grace and the late check-in window have passed without a check-in."""
    incoming, ctx = turn.incoming, turn.ctx
    grace = timedelta(minutes=ctx.bank.task_rules.no_show_after_min)
    return task.status != tasks.ACCEPTED or incoming.received_at >= task.starts_at + grace


async def resolve(turn: Turn) -> Outcome:
    incoming, ctx, number = turn.incoming, turn.ctx, turn.argument
    staff = await staff_member(turn)
    if staff is None:
        return Outcome(Reply(ctx.text("staff_only")), "resolve_dispute")
    found = RESOLVE_COMMAND.match(incoming.text)
    amount = part_amount(found.group(3), incoming.received_at, ctx) if found.group(2) == "部分" else None
    reason = found.group(3).strip().partition(" ")[2].strip() if found.group(2) == "部分" else found.group(3).strip()
    _, sentence = await settle_dispute(ctx, staff.actor, record_number(number), DECISIONS[found.group(2)], amount,
                                       reason, incoming.received_at)
    return Outcome(Reply(sentence), "resolve_dispute")


async def settle_dispute(ctx: Context, staff: members.Actor, task_id: int, decision: str, amount: int | None,
                         reason: str, now: datetime) -> tuple[bool, str]:
    """A dispute decided and both sides told, or refused; and the sentence for staff. Chat's `处理 N …` and the
    console's form alike, so both follow the same rules (storage.tasks.resolve_dispute also closes the alert)."""
    if not reason or MISREAD_REASON.match(reason) or decision not in DECISION_TEXTS or (decision == "PART" and not amount):
        return False, ctx.text("resolve_usage")
    try:
        settled = await tasks.resolve_dispute(ctx.bank.sessions, task_id, staff, decision, reason,
                                              amount_min=amount, ledger_rules=ctx.bank.rules, now=now)
    except tasks.TaskError as error:
        return False, refusal(error, task_id, ctx).text
    words = ctx.text(DECISION_TEXTS[decision], amount=format_minutes(amount or 0))
    told = ctx.text("resolve_told", id=str(task_id), decision=words)
    await tell_requester_side(ctx, settled.task, "dispute_resolved", told, f"resolved:{task_id}")
    await tell_member(ctx, settled.task.volunteer_id, "dispute_resolved", told, f"resolved:{task_id}")
    if settled.transfer is not None:
        await after_payment(ctx, settled.task.volunteer_id, now)
    return True, ctx.text("resolve_done", id=str(task_id), decision=words)


def part_amount(words: str, now: datetime, ctx: Context) -> int | None:
    """The minutes a part payment pays: the first word of "1小时 只做了一半"."""
    amount = words.strip().partition(" ")[0]
    return nlu.parse(amount, now=ctx.local(now), expecting="amount").slots.get("amount_min")


# ---- ratings -----------------------------------------------------------------------------

def _rateable(task: tasks.Task, member_id: int) -> bool:
    return task.status == tasks.DONE


async def rate(turn: Turn) -> Outcome:
    ctx, slots = turn.ctx, turn.slots
    acting = await _acting(turn)
    if isinstance(acting, Reply):
        return Outcome(acting, "rate")
    owner, _ = acting
    task = await _latest_unrated(slots, owner, ctx)
    if "score" not in slots:
        # praise or blame without a score ("人是挺好的 就是来晚了"): asked for one only where there is a visit to rate
        nothing_to_rate = isinstance(task, Reply) and await _under_way(owner, ctx) is None
        return Outcome(task if nothing_to_rate else Reply(ctx.text("rate_ask_score")), "rate")
    # No finished visit waits for a rating, but one is under way: "很满意" or "不满意" is about that one.
    if "task_id" not in slots and not await _waits_for_rating(task, owner, ctx) \
            and (visit := await _under_way(owner, ctx)) is not None:
        if slots["score"] < SATISFIED_STARS or visit.checked_out_at is not None:
            return await _rate_before_confirming(visit, turn)
    if isinstance(task, Reply):
        return Outcome(task, "rate")
    return Outcome(await _record_rating(task, turn) or Reply(ctx.text("rate_done")), "rate")


async def _rate_before_confirming(task: tasks.Task, turn: Turn) -> Outcome:
    """"很满意" to "满意的话回复“确认完成”": done, paid and rated at once. A low score pays nobody: it asks whether
    something went wrong, which is a dispute for staff, not a rating."""
    ctx = turn.ctx
    if turn.slots["score"] < SATISFIED_STARS:
        return Outcome(Reply(ctx.text("rate_confirm_first", id=str(task.id))), "rate")
    confirmed = await _confirm(task, "confirm_done_and_rated", turn)
    done = await tasks.task(ctx.bank.sessions, task.id)
    if done.status != tasks.DONE:  # refused: its own sentence alone
        return Outcome(confirmed, "rate")
    return Outcome(await _record_rating(done, turn) or confirmed, "rate")


async def _waits_for_rating(task: tasks.Task | Reply, member: members.Member, ctx: Context) -> bool:
    if isinstance(task, Reply):
        return False
    side = tasks.VOLUNTEER if task.volunteer_id == member.id else tasks.REQUESTER
    return await tasks.rating_of(ctx.bank.sessions, task.id, side) is None


async def _record_rating(task: tasks.Task, turn: Turn) -> Reply | None:
    """None when recorded; else the refusal to say."""
    incoming, ctx, slots = turn.incoming, turn.ctx, turn.slots
    _, actor = await _acting(turn)
    try:
        rating = await tasks.rate(ctx.bank.sessions, ctx.bank.keyring, task.id, actor.actor, slots["score"],
                                  incoming.text.strip() or None, now=incoming.received_at)
    except tasks.TaskError as error:
        return refusal(error, task.id, ctx)
    if rating.stars <= LOW_STARS:
        await tell_staff(ctx, "low_rating", ctx.text("rate_low_told_staff", id=str(task.id), stars=str(rating.stars)),
                         f"low_rating:{rating.id}")
    return None


async def _latest_unrated(slots: dict, member: members.Member, ctx: Context) -> tasks.Task | Reply:
    """The task named, else the newest finished one this side has not rated (else the newest, to say so)."""
    if "task_id" in slots:
        return await pick(slots, member, ctx, _rateable, "评价")
    finished = [task for task in await tasks.tasks_of(ctx.bank.sessions, member.id) if task.status == tasks.DONE]
    for task in finished:
        side = tasks.VOLUNTEER if task.volunteer_id == member.id else tasks.REQUESTER
        if await tasks.rating_of(ctx.bank.sessions, task.id, side) is None:
            return task
    return finished[0] if finished else Reply(ctx.text("no_task_to_act_on"))


# ---- cancelling ----------------------------------------------------------------------------

def _cancellable(task: tasks.Task, member_id: int) -> bool:
    return (on_requester_side(tasks.OPEN, tasks.ACCEPTED)(task, member_id)
            or as_volunteer(tasks.ACCEPTED)(task, member_id))


async def cancellable(turn: Turn) -> tuple[Choice, ...]:
    ctx = turn.ctx
    owner = await whose_orders(turn)
    mine = await tasks.tasks_of(ctx.bank.sessions, owner.id)
    return tuple(Choice(task.id, numbered(task, ctx)) for task in mine if _cancellable(task, owner.id))


async def one_of_mine(task_id: int, turn: Turn) -> str | None:
    ctx = turn.ctx
    owner = await whose_orders(turn)
    try:
        task = await tasks.task(ctx.bank.sessions, task_id)
    except tasks.TaskNotFound:
        return ctx.text("no_such_task", id=str(task_id))
    mine = {t.id for t in await tasks.tasks_of(ctx.bank.sessions, owner.id, limit=50)}
    if task.id not in mine:
        return ctx.text("refusal_not_yours", id=str(task_id))
    if _cancellable(task, owner.id):
        return None
    return ctx.text("refusal_wrong_state", id=str(task_id), status=STATUS_NAMES[task.status])


async def something_to_cancel(turn: Turn) -> Outcome | None:
    ctx = turn.ctx
    owner = await whose_orders(turn)
    if owner is None:
        return Outcome(Reply(ctx.text("not_registered")), "cancel")
    return None if await cancellable(turn) else Outcome(Reply(ctx.text("nothing_to_cancel")), "cancel")


async def the_only_one(turn: Turn) -> dict:
    choices = await cancellable(turn)
    return {"task_id": choices[0].value} if len(choices) == 1 else {}


async def cancel_summary(turn: Turn) -> str:
    incoming, ctx, slots = turn.incoming, turn.ctx, turn.slots
    owner = await whose_orders(turn)
    task = await tasks.task(ctx.bank.sessions, slots["task_id"])
    values = {"id": str(task.id), "task": describe(task, ctx)}
    if task.volunteer_id == owner.id:
        late = task.starts_at - incoming.received_at < _late_window(ctx)
        note = ctx.text("cancel_late_note", hours=str(ctx.bank.task_rules.late_cancel_min // 60)) if late else ""
        return ctx.text("cancel_confirm_volunteer", **values) + note
    return ctx.text("cancel_confirm_accepted" if task.status == tasks.ACCEPTED else "cancel_confirm_open", **values)


def _late_window(ctx: Context) -> timedelta:
    return timedelta(minutes=ctx.bank.task_rules.late_cancel_min)


async def cancel(turn: Turn) -> Outcome:
    incoming, ctx, slots = turn.incoming, turn.ctx, turn.slots
    actor = await turn.member()
    before = await tasks.task(ctx.bank.sessions, slots["task_id"])
    try:
        after = await tasks.cancel(ctx.bank.sessions, before.id, actor.actor, reason=None,
                                   rules=ctx.bank.task_rules, now=incoming.received_at)
    except tasks.TaskError as error:
        return Outcome(refusal(error, before.id, ctx), "cancel")
    values = {"id": str(before.id), "task": describe(before, ctx)}
    if before.volunteer_id is not None and before.volunteer_id == actor.id:
        if incoming.received_at >= opens_at(before, ctx):  # before the window the elder was not told of it yet
            await tell_requester_side(ctx, before, "volunteer_cancelled",
                                      ctx.text("volunteer_cancel_told_requester", **values),
                                      f"volunteer_cancelled:{before.id}:{before.acceptance_no}")
        await offer_to_volunteers(after, ctx, incoming.received_at)
        paused = await tell_of_a_pause(actor.id, before, ctx, incoming.received_at)
        return Outcome(Reply(ctx.text("volunteer_cancel_done", **values) + paused), "cancel")
    if before.volunteer_id is not None:
        await tell_member(ctx, before.volunteer_id, "request_cancelled", ctx.text("cancel_told_volunteer", **values),
                          f"cancelled:{before.id}")
        return Outcome(Reply(ctx.text("cancel_released", **values)), "cancel")
    return Outcome(Reply(ctx.text("cancel_done", **values)), "cancel")


CANCEL = Flow(
    name="cancel",
    title="取消订单",
    ready=something_to_cancel,
    prefill=the_only_one,
    slots=(Slot("task_id", lambda slots, ctx: ctx.text("cancel_which"), expecting="choice", offer=cancellable,
                check=one_of_mine),),
    confirm=cancel_summary,
    finish=cancel,
)


ROUTES = (
    Intent("confirm_done", confirm_done, title="确认完成"),
    Intent("rate", rate, title="评价"),
    CANCEL,
    # "有问题" is everyday speech too: while a flow waits for words it is those words, not a dispute.
    Command(DISPUTE_COMMAND, dispute, everyday=True),
    Command(RESOLVE_COMMAND, resolve, staff=True),
)
