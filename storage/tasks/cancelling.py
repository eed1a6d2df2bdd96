"""Cancelling: the requester side ends the request; the volunteer hands the task back and it reopens.

Either way after acceptance the hold is voided in the same transaction, so
no credits stay reserved for a task nobody will do.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from storage import alerts, ledger
from storage.db import Sessions
from storage.ledger import in_transaction
from storage.members import Actor
from storage.tasks.errors import NotYourTask
from storage.tasks.flip_flops import count_cancel
from storage.tasks.parties import requester_side, the_volunteer
from storage.tasks.payment import void_key
from storage.tasks.tables import ServiceRequestRow
from storage.tasks.transitions import CANCEL, VOLUNTEER_CANCEL, lock_request, move
from storage.tasks.values import Task, TaskRules, as_task

REOPEN_AT_LEAST = timedelta(hours=1)  # a reopened request stays takeable a while, even past its start


async def void_current_hold(session: AsyncSession, request: ServiceRequestRow, actor: str, reason: str,
                            now: datetime) -> None:
    if request.hold_id is not None:
        await ledger.void_hold_in(session, request.hold_id, void_key(request.id, request.acceptance_no), actor,
                                  reason, now)


async def reopen(session: AsyncSession, request: ServiceRequestRow, event: str, actor: str, now: datetime, *,
                 reason: str | None = None, late: bool = False) -> int:
    """accepted → open without its volunteer or hold; returns the volunteer who had it."""
    volunteer_id = request.volunteer_id
    await move(session, request, event, actor, now, reason=reason, volunteer_id=volunteer_id, late=late,
               detail={"hold_id": request.hold_id})
    await void_current_hold(session, request, actor, event, now)
    request.volunteer_id = request.hold_id = request.payer = request.accepted_at = None
    request.expires_at = max(request.expires_at, now + REOPEN_AT_LEAST)
    return volunteer_id


async def cancel(sessions: Sessions, request_id: int, actor: Actor, *, reason: str | None, rules: TaskRules,
                 now: datetime) -> Task:
    """The task's volunteer: accepted → open (late ones counted and alerted). The requester side: → cancelled."""

    async def work(session: AsyncSession) -> Task:
        request = await lock_request(session, request_id)
        if actor.member_id is not None and actor.member_id == request.volunteer_id:
            await _volunteer_cancels(session, request, actor, reason, rules, now)
        else:
            await _requester_cancels(session, request, actor, reason, now)
        return as_task(request)

    return await in_transaction(sessions, work)


async def _requester_cancels(session: AsyncSession, request: ServiceRequestRow, actor: Actor, reason: str | None,
                             now: datetime) -> None:
    try:
        ref = await requester_side(session, actor, request.requester_id)
    except NotYourTask:
        raise NotYourTask(f"request {request.id} is neither this member's request nor their task") from None
    await move(session, request, CANCEL, ref, now, reason=reason, detail={"hold_id": request.hold_id})
    await void_current_hold(session, request, ref, reason or CANCEL, now)


async def _volunteer_cancels(session: AsyncSession, request: ServiceRequestRow, actor: Actor, reason: str | None,
                             rules: TaskRules, now: datetime) -> None:
    ref = await the_volunteer(session, actor, request)
    late = request.starts_at - now < timedelta(minutes=rules.late_cancel_min)
    volunteer_id = await reopen(session, request, VOLUNTEER_CANCEL, ref, now, reason=reason, late=late)
    if late:
        await alerts.raise_in(session, alerts.LATE_CANCEL, member_id=volunteer_id, request_id=request.id,
                              community=request.community, detail={"starts_at": request.starts_at.isoformat()},
                              now=now)
    await count_cancel(session, volunteer_id, request.id, request.community, rules, now)
