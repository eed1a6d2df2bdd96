"""What the background jobs do on a clock: reopen no-shows, auto-confirm, expire stale requests, find reminders.

Each sweep lists candidates in a read, then handles each in its own
transaction that locks the row and checks the condition again, so two
sweepers at once (or a sweeper and a member) change each task once; the
loser finds nothing to do and reports nothing.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import datetime, timedelta
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import alerts, audit
from storage.db import Sessions
from storage.ledger import LedgerRules, in_transaction
from storage.tasks.cancelling import reopen
from storage.tasks.settlement import settle_in
from storage.tasks.tables import ACCEPTED, IN_SERVICE, OPEN, ServiceRequestRow
from storage.tasks.transitions import AUTO_CONFIRM, EXPIRE, NO_SHOW, lock_request, move
from storage.tasks.values import NoShow, Settlement, Task, TaskRules, as_task
from storage.tasks.windows import broke_windows

R = TypeVar("R")
BATCH = 200


def is_no_show(row: ServiceRequestRow, rules: TaskRules, now: datetime) -> bool:
    return (row.status == ACCEPTED and row.checked_in_at is None
            and now >= row.starts_at + timedelta(minutes=rules.no_show_after_min))


def is_due_for_auto_confirm(row: ServiceRequestRow, rules: TaskRules, now: datetime) -> bool:
    """Checked out within the windows, and long enough after the later of the planned end and the check-out.

    Anything a person should look at (no check-out, a short visit, far from the place) waits for the elder or staff.
    """
    if row.status != IN_SERVICE or broke_windows(row.checked_in_at, row.checked_out_at, row.check_in_distance_m,
                                                 row.check_out_distance_m, rules):
        return False
    finished = max(row.checked_out_at, row.starts_at + timedelta(minutes=row.duration_min))
    return finished + timedelta(minutes=rules.auto_confirm_after_min) <= now


def is_stale(row: ServiceRequestRow, now: datetime) -> bool:
    return row.status == OPEN and row.expires_at <= now


async def _ids(sessions: Sessions, *where) -> list[int]:
    """A first cut in SQL; each item is checked exactly (`due`) again under its lock."""
    async with sessions() as session:
        return list((await session.execute(select(ServiceRequestRow.id).where(*where)
                                           .order_by(ServiceRequestRow.id).limit(BATCH))).scalars().all())


async def _each(sessions: Sessions, ids: list[int], due: Callable[[ServiceRequestRow], bool],
                change: Callable[[AsyncSession, ServiceRequestRow], Awaitable[R]]) -> tuple[R, ...]:
    async def one(request_id: int) -> R | None:
        async def work(session: AsyncSession) -> R | None:
            row = await lock_request(session, request_id)
            return await change(session, row) if due(row) else None
        return await in_transaction(sessions, work)

    done = [await one(request_id) for request_id in ids]
    return tuple(result for result in done if result is not None)


async def reopen_no_shows(sessions: Sessions, *, rules: TaskRules, now: datetime) -> tuple[NoShow, ...]:
    """Accepted, nobody checked in by start + grace: open again, hold voided, staff alerted."""
    def due(row):
        return is_no_show(row, rules, now)

    async def change(session: AsyncSession, row: ServiceRequestRow) -> NoShow:
        volunteer_id = await reopen(session, row, NO_SHOW, audit.SYSTEM, now)
        await alerts.raise_in(session, alerts.NO_SHOW, member_id=volunteer_id, request_id=row.id,
                              community=row.community, detail={"requester_id": row.requester_id}, now=now)
        return NoShow(as_task(row), volunteer_id)

    grace = timedelta(minutes=rules.no_show_after_min)
    ids = await _ids(sessions, ServiceRequestRow.status == ACCEPTED, ServiceRequestRow.starts_at <= now - grace)
    return await _each(sessions, ids, due, change)


async def auto_confirm(sessions: Sessions, *, rules: TaskRules, ledger_rules: LedgerRules,
                       now: datetime) -> tuple[Settlement, ...]:
    """In service, no dispute, and long enough after check-out (or the planned end): done and paid."""
    def due(row):
        return is_due_for_auto_confirm(row, rules, now)

    async def change(session: AsyncSession, row: ServiceRequestRow) -> Settlement:
        return await settle_in(session, row, audit.SYSTEM, AUTO_CONFIRM, ledger_rules, rules, now)

    since = now - timedelta(minutes=rules.auto_confirm_after_min)
    # Checked out that long ago at least, and started that long ago (the planned end is later than the start).
    ids = await _ids(sessions, ServiceRequestRow.status == IN_SERVICE, ServiceRequestRow.checked_out_at <= since,
                     ServiceRequestRow.starts_at <= since)
    return await _each(sessions, ids, due, change)


async def expire_stale(sessions: Sessions, *, now: datetime) -> tuple[Task, ...]:
    """Open past expires_at: expired. An open request holds no credits, so nothing moves."""
    def due(row):
        return is_stale(row, now)

    async def change(session: AsyncSession, row: ServiceRequestRow) -> Task:
        await move(session, row, EXPIRE, audit.SYSTEM, now)
        return as_task(row)

    ids = await _ids(sessions, ServiceRequestRow.status == OPEN, ServiceRequestRow.expires_at <= now)
    return await _each(sessions, ids, due, change)


async def reminders_due(sessions: Sessions, *, now: datetime, within: timedelta) -> tuple[Task, ...]:
    """Accepted tasks starting within `within` from now; the job keys each reminder, so asking twice is harmless."""
    async with sessions() as session:
        rows = (await session.execute(select(ServiceRequestRow).where(
            ServiceRequestRow.status == ACCEPTED, ServiceRequestRow.starts_at > now,
            ServiceRequestRow.starts_at <= now + within).order_by(ServiceRequestRow.starts_at))).scalars().all()
    return tuple(as_task(row) for row in rows)
