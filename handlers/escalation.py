"""No request left behind: the escalation ladder's steps as people hear them, and staff's part in it.

The sweep (run_sweeps, with the worker's `now`) tells people first, then records the step in storage, so a
worker that dies in between takes the step again and, offers and notices being deduplicated, tells nobody
twice. Staff answer an `unanswered` alert with `指派 N 手机号` (the volunteer is asked, and takes it with
`接单 N`: the same hold and rules as any acceptance) or `已联系 N` (they phoned the elder).
"""

from __future__ import annotations

import logging
import re
from datetime import datetime

from handlers.context import LOCAL_TIME, Context
from handlers.escalation_texts import ASSIGN_REFUSALS
from handlers.membership import who
from handlers.notices import tell_members, tell_requester_side, tell_staff
from handlers.numbers import record_number
from handlers.staff import staff_action
from handlers.task_words import describe
from handlers.routes import Command
from handlers.turn import Turn
from storage import audit, members, tasks
from storage.privacy import InvalidPhone
from storage.tasks import escalation

# The command word, then a number, a space or nothing: "已联系上了吗" still reaches the parser.
ASSIGN_COMMAND = re.compile(r"^\s*指派(?=[\s#\d]|$)\s*(.*)$", re.S)
CALLED_COMMAND = re.compile(r"^\s*已联系(?=[\s#\d]|$)\s*(.*)$", re.S)
log = logging.getLogger("timebank.escalation")

ASSIGN_PARTS = re.compile(r"^#?\s*(\d+)\s+([+\d\s-]+)$")
CALLED_PARTS = re.compile(r"^#?\s*(\d+)$")


async def climb(ctx: Context, now: datetime) -> int:
    """Every open request whose next step has come takes it; returns how many moved."""
    moved = 0
    for task, on, step in await escalation.due(ctx.bank.sessions, rules=ctx.bank.task_rules, now=now):
        try:
            moved += await _climb_one(task, on, step, ctx, now)
        except Exception:  # noqa: BLE001 — one request in trouble must not hold back the others; the next pass retries
            log.exception("escalation of request %d failed", task.id)
    return moved


async def _climb_one(task: tasks.Task, on: int, step: int, ctx: Context, now: datetime) -> bool:
    for reached in range(on + 1, step + 1):  # a short-notice request may pass several steps at once
        await STEPS[reached](task, ctx, now)
    return await escalation.record_step(ctx.bank.sessions, task.id, step, rules=ctx.bank.task_rules, now=now)


async def _offer_more(task: tasks.Task, ctx: Context, now: datetime, *, own_community_only: bool) -> None:
    ranked = await tasks.candidates(ctx.bank.sessions, task.id, catalogue=ctx.bank.catalogue,
                                    rules=ctx.bank.task_rules, now=now, own_community_only=own_community_only)
    newly = await tasks.record_offers(ctx.bank.sessions, task.id, ranked, now)
    body = ctx.text("task_offer", id=str(task.id), task=describe(task, ctx), area=task.community or ctx.community.name)
    await tell_members(ctx, newly, "task_offer", body, f"offer:{task.id}")


async def _community(task: tasks.Task, ctx: Context, now: datetime) -> None:
    await _offer_more(task, ctx, now, own_community_only=True)


async def _neighbours(task: tasks.Task, ctx: Context, now: datetime) -> None:
    await _offer_more(task, ctx, now, own_community_only=False)


async def _staff(task: tasks.Task, ctx: Context, now: datetime) -> None:
    asked = len(await tasks.offered_to(ctx.bank.sessions, task.id))
    await tell_staff(ctx, "unanswered", ctx.text("unanswered_told_staff", id=str(task.id), task=describe(task, ctx),
                                                 elder=await who(task.requester_id, ctx), asked=str(asked)),
                     f"unanswered:{task.id}")
    await tell_elder_still_looking(task, ctx, now)


async def tell_elder_still_looking(task: tasks.Task, ctx: Context, now: datetime) -> None:
    """The elder's side hears it at most once a (Beijing) day, whatever step brings it."""
    day = now.astimezone(LOCAL_TIME).date().isoformat()
    await tell_requester_side(ctx, task, "still_looking",
                              ctx.text("still_looking", id=str(task.id), task=describe(task, ctx)),
                              f"still_looking:{task.id}:{day}")


STEPS = {escalation.COMMUNITY: _community, escalation.NEIGHBOURS: _neighbours, escalation.STAFF: _staff}


async def tell_staff_expired(task: tasks.Task, ctx: Context) -> None:
    await tell_staff(ctx, "request_expired", ctx.text("expired_told_staff", id=str(task.id), task=describe(task, ctx),
                                                      elder=await who(task.requester_id, ctx)),
                     f"expired:{task.id}")


# ---- staff: 指派 N 手机号, 已联系 N -----------------------------------------------------------


@staff_action("assign_volunteer")
async def assign(staff, arguments: str, turn: Turn) -> str:
    incoming, ctx = turn.incoming, turn.ctx
    found = ASSIGN_PARTS.match(arguments)
    if not found:
        return ctx.text("assign_usage")
    request_id = record_number(found.group(1))
    try:
        volunteer = await members.member_by_phone(ctx.bank.sessions, ctx.bank.keyring, found.group(2))
    except InvalidPhone:
        return ctx.text("assign_usage")
    if volunteer is None or volunteer.status == members.CLOSED:
        return ctx.text("staff_member_not_found")
    task = await _task(request_id, ctx)
    if task is None:
        return ctx.text("assign_no_request", id=str(request_id))
    actor = audit.member_actor(staff.id, is_staff=True)
    try:
        await escalation.assign(ctx.bank.sessions, task.id, volunteer.id, catalogue=ctx.bank.catalogue,
                                rules=ctx.bank.task_rules, actor=actor, now=incoming.received_at)
    except tasks.IllegalTransition:
        return ctx.text("assign_not_open", id=str(task.id))
    except (tasks.NotEligible, tasks.PausedFromAccepting) as refused:
        why = ASSIGN_REFUSALS.get(refused.code, ASSIGN_REFUSALS["not_volunteer"])
        return ctx.text("assign_refused", id=str(task.id), who=await who(volunteer.id, ctx), why=why)
    body = ctx.text("assign_told_volunteer", id=str(task.id), task=describe(task, ctx),
                    area=task.community or ctx.community.name)
    await tell_members(ctx, (volunteer.id,), "task_assigned", body, f"assigned:{task.id}")
    return ctx.text("assign_asked", id=str(task.id), who=await who(volunteer.id, ctx))


@staff_action("staff_called_elder")
async def called(staff, arguments: str, turn: Turn) -> str:
    incoming, ctx = turn.incoming, turn.ctx
    found = CALLED_PARTS.match(arguments)
    if not found:
        return ctx.text("called_usage")
    request_id = record_number(found.group(1))
    if await _task(request_id, ctx) is None:
        return ctx.text("assign_no_request", id=str(request_id))
    await escalation.mark_called(ctx.bank.sessions, request_id, actor=audit.member_actor(staff.id, is_staff=True),
                                 now=incoming.received_at)
    return ctx.text("called_done", id=str(request_id))


async def _task(request_id: int | None, ctx: Context) -> tasks.Task | None:
    if request_id is None:
        return None
    try:
        return await tasks.task(ctx.bank.sessions, request_id)
    except tasks.TaskNotFound:
        return None


ROUTES = (
    Command(ASSIGN_COMMAND, assign, staff=True),
    Command(CALLED_COMMAND, called, staff=True),
)
