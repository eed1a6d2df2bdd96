"""The escalation ladder of a request nobody takes: wider offers, then staff, each step once.

A request climbs BEST (its best-matched volunteers were told at posting) → COMMUNITY (every eligible
volunteer of its community) → NEIGHBOURS (those of the other communities) → STAFF (an `unanswered`
alert). How far it got is kept on the row, so a restarted worker goes on where the last one stopped.
The caller tells people first and records the step after (`record_step`): a crash in between tells
nobody twice (offers and notices are deduplicated) and the step is simply taken again.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import alerts, audit
from storage.db import Sessions
from storage.ledger import in_transaction
from storage.tasks.matching import _offered
from storage.exchange import Catalogue
from storage.members.rows import member_row
from storage.tasks.errors import IllegalTransition, NotEligible
from storage.tasks.flip_flops import ensure_not_paused
from storage.tasks.rules import ensure_eligible
from storage.tasks.tables import OPEN, ServiceRequestRow, TaskOfferRow
from storage.tasks.transitions import lock_request
from storage.tasks.values import Task, TaskRules, as_task

BEST, COMMUNITY, NEIGHBOURS, STAFF = 0, 1, 2, 3
BATCH = 200


def staff_due_at(row: ServiceRequestRow | Task, rules: TaskRules) -> datetime:
    """A day before the start by default; half the lead time for a request posted at shorter notice."""
    lead = row.starts_at - row.created_at
    return row.starts_at - min(timedelta(minutes=rules.staff_before_min), lead / 2)


def step_due(row: ServiceRequestRow, rules: TaskRules, now: datetime) -> int:
    """The highest step whose time has come; the ladder's times are read from the row, not from memory."""
    waited = now - row.created_at
    due = ((STAFF, now >= staff_due_at(row, rules)),
           (NEIGHBOURS, waited >= timedelta(minutes=rules.neighbours_after_min)),
           (COMMUNITY, waited >= timedelta(minutes=rules.widen_after_min)))
    return next((step for step, reached in due if reached), BEST)


def _climbing(row: ServiceRequestRow, rules: TaskRules, now: datetime) -> bool:
    return (row.status == OPEN and row.volunteer_id is None and row.starts_at > now
            and step_due(row, rules, now) > row.escalation_step)


async def due(sessions: Sessions, *, rules: TaskRules, now: datetime) -> tuple[tuple[Task, int, int], ...]:
    """Open requests with a step to take: (task, the step it is on, the step due)."""
    async with sessions() as session:
        rows = (await session.execute(select(ServiceRequestRow).where(
            ServiceRequestRow.status == OPEN, ServiceRequestRow.starts_at > now,
            ServiceRequestRow.escalation_step < STAFF).order_by(ServiceRequestRow.starts_at)
            .limit(BATCH))).scalars().all()
        return tuple((as_task(row), row.escalation_step, step_due(row, rules, now))
                     for row in rows if _climbing(row, rules, now))


async def record_step(sessions: Sessions, request_id: int, step: int, *, rules: TaskRules,
                      now: datetime) -> bool:
    """Moves the request up to `step` once; reaching STAFF raises the alert in the same transaction.

    False: another worker got there first, or the request was taken or cancelled meanwhile.
    """

    async def work(session: AsyncSession) -> bool:
        row = await lock_request(session, request_id)
        if not (row.status == OPEN and row.volunteer_id is None and step > row.escalation_step):
            return False
        row.escalation_step = step
        if step == STAFF:
            row.staff_alerted_at = now
            asked = len(await _offered(session, request_id))
            await alerts.raise_in(session, alerts.UNANSWERED, member_id=row.requester_id, request_id=row.id,
                                  community=row.community, detail={"asked": asked}, now=now)
        return True

    return await in_transaction(sessions, work)


async def assign(sessions: Sessions, request_id: int, volunteer_id: int, *, catalogue: Catalogue, rules: TaskRules,
                 actor: str, now: datetime) -> Task:
    """Staff ask one volunteer to take an open request (`指派`); they still accept it themselves, as anyone does.

    Only someone who could accept it now is asked, by the rules of accepting (NotEligible, PausedFromAccepting),
    and not someone away (暂停接单: NotEligible "away"). IllegalTransition when the request is no longer open.
    """

    async def work(session: AsyncSession) -> Task:
        row = await lock_request(session, request_id)
        if row.status != OPEN:
            raise IllegalTransition(row.status, "assigned")
        volunteer = await member_row(session, volunteer_id)
        await ensure_eligible(session, volunteer, row, catalogue)
        await ensure_not_paused(session, volunteer_id, rules, now)
        if volunteer.offers_paused_until is not None and volunteer.offers_paused_until > now:
            raise NotEligible("away")
        if volunteer_id not in await _offered(session, request_id):
            rank = len(await _offered(session, request_id))
            await session.execute(insert(TaskOfferRow).values(
                request_id=request_id, volunteer_id=volunteer_id, rank=rank, offered_at=now))
        await audit.record(session, actor=actor, action="assign_volunteer", subject_id=volunteer_id,
                           detail={"request": request_id}, at=now)
        return as_task(row)

    return await in_transaction(sessions, work)


async def mark_called(sessions: Sessions, request_id: int, *, actor: str, now: datetime) -> Task:
    """Staff phoned the elder about this request; the first time is kept, every call is in the audit log."""

    async def work(session: AsyncSession) -> Task:
        row = await lock_request(session, request_id)
        row.staff_called_at = row.staff_called_at or now
        await audit.record(session, actor=actor, action="staff_called_elder", subject_id=row.requester_id,
                           detail={"request": request_id}, at=now)
        return as_task(row)

    return await in_transaction(sessions, work)
