"""A volunteer's side of a task: finding open requests, taking one, arriving and finishing."""

from __future__ import annotations

import re

from handlers.contact_window import contact_lines, masked_lines, not_yet, opens_at, tell_accepted
from handlers.numbers import record_number
from handlers.context import Context
from handlers.notices import tell_requester_side, tell_staff
from handlers.orders import as_volunteer, pick, refusal
from handlers.task_words import describe, numbered, when
from handlers.routes import Command, Intent
from handlers.turn import Turn
from handlers.types import Choice, Outcome, Reply
from storage import members, tasks
from storage.exchange import format_minutes

TASKS_LISTED = 10
SURE_WORDS = ("确定", "确定做完了", "做完了", "是", "是的", "对")
CONTACT_COMMAND = re.compile(r"^\s*(?:联系方式|老人电话|老人地址|地址电话)\s*#?\s*(\d*)\s*$")


async def _volunteer(turn: Turn) -> members.Member | Reply:
    ctx = turn.ctx
    member = await turn.member()
    if member is None:
        return Reply(ctx.text("not_registered"))
    if member.role != members.VOLUNTEER:
        return Reply(ctx.text("tasks_volunteers_only"))
    return member


async def list_tasks(turn: Turn) -> Outcome:
    incoming, ctx, slots = turn.incoming, turn.ctx, turn.slots
    member = await _volunteer(turn)
    if isinstance(member, Reply):
        return Outcome(member, "list_tasks")
    waiting = await tasks.open_requests(ctx.bank.sessions, community=member.community,
                                        service_code=slots.get("service"), now=incoming.received_at,
                                        limit=TASKS_LISTED)
    if not waiting:
        return Outcome(Reply(ctx.text("tasks_none")), "list_tasks")
    lines = "\n".join(f"{numbered(task, ctx)} {task.community or ''}".rstrip() for task in waiting)
    reply = ctx.text("tasks_list", lines=lines, first=str(waiting[0].id))
    if not member.is_verified:
        reply += ctx.text("tasks_unverified_note")
    # "接这个" names the one task listed; its number ("12", "#12") names a task of a longer list.
    offered = tuple(Choice({"intent": "accept_task", "slots": {"task_id": task.id}}, f"#{task.id}",
                           words=(str(task.id), f"#{task.id}")) for task in waiting)
    return Outcome(Reply(reply), "list_tasks", choices=offered)


async def accept_task(turn: Turn) -> Outcome:
    incoming, ctx, slots = turn.incoming, turn.ctx, turn.slots
    member = await _volunteer(turn)
    if isinstance(member, Reply):
        return Outcome(member, "accept_task")
    if "task_id" not in slots:
        return await list_tasks(turn)
    task_id = slots["task_id"]
    try:
        task = await tasks.accept(ctx.bank.sessions, task_id, member.actor, catalogue=ctx.bank.catalogue,
                                  policy=ctx.bank.policy, ledger_rules=ctx.bank.rules, rules=ctx.bank.task_rules,
                                  now=incoming.received_at)
        contact = await tasks.contact_for_volunteer(ctx.bank.sessions, ctx.bank.keyring, task_id, member.actor,
                                                    incoming.received_at, ctx.bank.task_rules)
    except tasks.ContactNotYet:
        # Days ahead: where, roughly, and whom; the rest when the window opens (handlers.contact_window).
        return Outcome(Reply(ctx.text("accept_done_early", id=str(task.id), task=describe(task, ctx),
                                      place=await masked_lines(task, ctx),
                                      opens=when(opens_at(task, ctx), ctx))), "accept_task")
    except tasks.TaskError as error:
        return Outcome(refusal(error, task_id, ctx), "accept_task")
    await tell_accepted(task, ctx)
    return Outcome(Reply(ctx.text("accept_done", id=str(task.id), task=describe(task, ctx),
                                  contact=contact_lines(contact, ctx))), "accept_task")


async def show_contact(turn: Turn) -> Outcome:
    """The accepted volunteer asks again where to go and whom to call; only while the task is on."""
    incoming, ctx, number = turn.incoming, turn.ctx, turn.argument
    member = await _volunteer(turn)
    if isinstance(member, Reply):
        return Outcome(member, "contact")
    task = await pick({"task_id": record_number(number)} if number else {}, member, ctx,
                      as_volunteer(tasks.ACCEPTED, tasks.IN_SERVICE), "联系方式")
    if isinstance(task, Reply):
        return Outcome(task, "contact")
    try:
        contact = await tasks.contact_for_volunteer(ctx.bank.sessions, ctx.bank.keyring, task.id, member.actor,
                                                    incoming.received_at, ctx.bank.task_rules)
    except tasks.ContactNotYet:
        return Outcome(not_yet(task, ctx), "contact")
    except tasks.TaskError as error:
        return Outcome(refusal(error, task.id, ctx), "contact")
    return Outcome(Reply(f"#{task.id} {describe(task, ctx)}\n{contact_lines(contact, ctx)}"), "contact")


async def _duty(turn: Turn, wanted, example: str, intent: str) -> tuple[members.Member, tasks.Task] | Outcome:
    """The volunteer and the one task of theirs this arrival or departure is about, or what to say instead."""
    ctx, slots = turn.ctx, turn.slots
    member = await _volunteer(turn)
    if isinstance(member, Reply):
        return Outcome(member, intent)
    task = await pick(slots, member, ctx, wanted, example)
    return Outcome(task, intent) if isinstance(task, Reply) else (member, task)


async def _flag_if_far(presence: tasks.CheckIn, task: tasks.Task, moment: str, ctx: Context) -> None:
    if presence.far:
        await tell_staff(ctx, "far_check_in", ctx.text("far_told_staff", id=str(task.id), moment=moment,
                                                       distance=str(presence.distance_m)),
                         f"far:{task.id}:{task.acceptance_no}:{moment}")


async def check_in(turn: Turn, point: tasks.Point | None = None) -> Outcome:
    incoming, ctx = turn.incoming, turn.ctx
    on_duty = await _duty(turn, as_volunteer(tasks.ACCEPTED), "签到", "check_in")
    if isinstance(on_duty, Outcome):
        return on_duty
    member, task = on_duty
    try:
        arrived = await tasks.check_in(ctx.bank.sessions, ctx.bank.keyring, task.id, member.actor, point,
                                       rules=ctx.bank.task_rules, now=incoming.received_at)
    except tasks.CheckInTooLate as error:
        await tell_staff(ctx, "late_check_in", ctx.text("late_check_in_told_staff", id=str(task.id)),
                         f"late:{task.id}:{task.acceptance_no}")
        return Outcome(refusal(error, task.id, ctx), "check_in")
    except tasks.TaskError as error:
        return Outcome(refusal(error, task.id, ctx), "check_in")
    await tell_requester_side(ctx, task, "task_started", ctx.text("check_in_told_requester", id=str(task.id)),
                              f"checked_in:{task.id}:{task.acceptance_no}")
    await _flag_if_far(arrived, task, "签到", ctx)
    reply = ctx.text("check_in_done", id=str(task.id))
    if arrived.far:
        reply += ctx.text("check_in_far_note", distance=str(arrived.distance_m))
    return Outcome(Reply(reply), "check_in")


def _in_service_not_left(task: tasks.Task, member_id: int) -> bool:
    return as_volunteer(tasks.IN_SERVICE)(task, member_id) and not task.checked_out_at


async def check_out(turn: Turn, point: tasks.Point | None = None) -> Outcome:
    incoming, ctx, slots = turn.incoming, turn.ctx, turn.slots
    on_duty = await _duty(turn, _in_service_not_left, "签退", "check_out")
    if isinstance(on_duty, Outcome):
        return on_duty
    member, task = on_duty
    try:
        left = await tasks.check_out(ctx.bank.sessions, ctx.bank.keyring, task.id, member.actor, point,
                                     rules=ctx.bank.task_rules, now=incoming.received_at,
                                     sure=bool(slots.get("sure")))
    except tasks.ShortVisit as error:
        # Asked once; "确定" checks out anyway, and staff are told of the short visit.
        sure = Choice({"intent": "check_out", "slots": {"task_id": task.id, "sure": True}}, "确定",
                      words=SURE_WORDS)
        return Outcome(refusal(error, task.id, ctx), "check_out", choices=(sure,))
    except tasks.TaskError as error:
        return Outcome(refusal(error, task.id, ctx), "check_out")
    hours = str(ctx.bank.task_rules.auto_confirm_after_min // 60)
    pay = tasks.pay_for(left.task, ctx.bank.task_rules, incoming.received_at)
    await tell_requester_side(ctx, task, "task_finished",
                              ctx.text("check_out_told_requester", id=str(task.id), hours=hours,
                                       planned=format_minutes(pay.planned_min), served=format_minutes(pay.served_min),
                                       amount=format_minutes(pay.credits_min)),
                              f"checked_out:{task.id}:{task.acceptance_no}")
    await _flag_if_far(left, task, "签退", ctx)
    if slots.get("sure"):
        served = tasks.pay_for(left.task, ctx.bank.task_rules, incoming.received_at).served_min
        await tell_staff(ctx, "short_visit", ctx.text("short_visit_told_staff", id=str(task.id), minutes=str(served)),
                         f"short:{task.id}:{task.acceptance_no}")
    return Outcome(Reply(ctx.text("check_out_done", id=str(task.id))), "check_out")


async def arrived_or_left(turn: Turn) -> Outcome | None:
    """A location sent by a volunteer on duty signs in (or, once in service, out); None if it is not that."""
    incoming, ctx = turn.incoming, turn.ctx
    member = await turn.member()
    if member is None or member.role != members.VOLUNTEER or incoming.location is None:
        return None
    point = tasks.Point(incoming.location.latitude, incoming.location.longitude)
    mine = await tasks.tasks_of(ctx.bank.sessions, member.id)
    if any(_in_service_not_left(task, member.id) for task in mine):
        return await check_out(turn, point)
    if any(as_volunteer(tasks.ACCEPTED)(task, member.id) for task in mine):
        return await check_in(turn, point)
    return None


ROUTES = (
    Intent("list_tasks", list_tasks, title="看看有什么任务"),
    Intent("accept_task", accept_task, title="接单"),
    Intent("check_in", check_in, title="签到"),
    Intent("check_out", check_out, title="签退"),
    Command(CONTACT_COMMAND, show_contact),
)
