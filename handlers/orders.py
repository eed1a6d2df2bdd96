"""One's own requests and tasks: listing them (`my_orders`), and finding the one a message is about."""

from __future__ import annotations

from collections.abc import Callable

from handlers.context import Context
from handlers.routes import Intent
from handlers.staff import acting_for
from handlers.task_words import STATUS_NAMES, numbered, with_status
from handlers.texts import has_text
from handlers.turn import Turn
from handlers.types import Outcome, Reply
from storage import members, tasks

ORDERS_SHOWN = 10
Wanted = Callable[[tasks.Task, int], bool]  # (task, the member's id) → is it one this message can be about


def on_requester_side(*statuses: str) -> Wanted:
    return lambda task, member_id: task.status in statuses and task.volunteer_id != member_id


def as_volunteer(*statuses: str) -> Wanted:
    return lambda task, member_id: task.status in statuses and task.volunteer_id == member_id


async def whose_orders(turn: Turn) -> members.Member | None:
    """Staff acting for an elder see and act on the elder's orders; everyone else on their own."""
    return await acting_for(turn) or await turn.member()


async def pick(slots: dict, member: members.Member, ctx: Context, wanted: Wanted, example: str) -> tasks.Task | Reply:
    """The task named by its number, or the member's only task that fits; else what to say instead."""
    if "task_id" in slots:
        try:
            return await tasks.task_for(ctx.bank.sessions, slots["task_id"], member.id)
        except tasks.TaskNotFound:
            return Reply(ctx.text("no_such_task", id=str(slots["task_id"])))
        except tasks.NotYourTask as error:  # someone else's number: nothing of it, not even its time, is told
            return refusal(error, slots["task_id"], ctx)
    fitting = [task for task in await tasks.tasks_of(ctx.bank.sessions, member.id, limit=ORDERS_SHOWN * 2)
               if wanted(task, member.id)]
    if len(fitting) == 1:
        return fitting[0]
    if not fitting:
        return Reply(ctx.text("no_task_to_act_on"))
    lines = "\n".join(numbered(task, ctx) for task in fitting[:ORDERS_SHOWN])
    return Reply(ctx.text("which_task", example=example, lines=lines))


def refusal(error: tasks.TaskError, task_id: int, ctx: Context) -> Reply:
    status = STATUS_NAMES.get(getattr(error, "status", ""), "")
    key = f"refusal_{error.code}" if has_text(f"refusal_{error.code}") else "refusal_task_error"
    at = getattr(error, "at", None)
    return Reply(ctx.text(key, id=str(task_id), status=status, minutes=str(getattr(error, "minutes", "")),
                          at=_moment(ctx, at)))


def _moment(ctx: Context, at) -> str:
    local = ctx.local(at) if at else None
    return f"{local.month}月{local.day}日 {local:%H:%M}" if local else ""


async def my_orders(turn: Turn) -> Outcome:
    ctx, member = turn.ctx, await whose_orders(turn)
    if member is None:
        return Outcome(Reply(ctx.text("not_registered")), "my_orders")
    mine = await tasks.tasks_of(ctx.bank.sessions, member.id, limit=ORDERS_SHOWN)
    if not mine:
        return Outcome(Reply(ctx.text("orders_none")), "my_orders")
    lines = "\n".join(with_status(task, ctx) for task in mine)
    return Outcome(Reply(ctx.text("orders", lines=lines)), "my_orders")


ROUTES = (Intent("my_orders", my_orders, title="查订单"),)
