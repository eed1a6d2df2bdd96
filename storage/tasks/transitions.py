"""The state machine: which event may move a request from which status, and the one function that moves it.

Every change of status goes through `move`: checked against TRANSITIONS,
`version` bumped, `updated_at` set, one TaskEventRow appended, all in the
caller's transaction. A refused move raises before touching anything.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.tasks.errors import IllegalTransition, TaskNotFound
from storage.tasks.tables import (ACCEPTED, CANCELLED, DISPUTED, DONE, EXPIRED, IN_SERVICE, OPEN, ServiceRequestRow,
                                  TaskEventRow)

POSTED = "posted"
ACCEPT, CHECK_IN, CHECK_OUT = "accepted", "checked_in", "checked_out"
CONFIRM, AUTO_CONFIRM, DISPUTE = "confirmed", "auto_confirmed", "disputed"
CANCEL, VOLUNTEER_CANCEL, NO_SHOW, EXPIRE = "cancelled", "volunteer_cancelled", "no_show", "expired"
RESOLVE_PAY, RESOLVE_PART, RESOLVE_REFUND = "resolved_pay", "resolved_part", "resolved_refund"

TRANSITIONS: dict[tuple[str, str], str] = {
    (OPEN, ACCEPT): ACCEPTED,
    (OPEN, CANCEL): CANCELLED,
    (OPEN, EXPIRE): EXPIRED,
    (ACCEPTED, CHECK_IN): IN_SERVICE,
    (ACCEPTED, CONFIRM): DONE,  # the elder confirms without the volunteer having checked in
    (ACCEPTED, DISPUTE): DISPUTED,
    (ACCEPTED, CANCEL): CANCELLED,
    (ACCEPTED, VOLUNTEER_CANCEL): OPEN,
    (ACCEPTED, NO_SHOW): OPEN,
    (IN_SERVICE, CHECK_OUT): IN_SERVICE,
    (IN_SERVICE, CONFIRM): DONE,
    (IN_SERVICE, AUTO_CONFIRM): DONE,
    (IN_SERVICE, DISPUTE): DISPUTED,
    (DISPUTED, RESOLVE_PAY): DONE,
    (DISPUTED, RESOLVE_PART): DONE,
    (DISPUTED, RESOLVE_REFUND): CANCELLED,
}
EVENTS = tuple(sorted({event for _, event in TRANSITIONS}))


def target(status: str, event: str) -> str:
    """The status `event` leads to from `status`; IllegalTransition when it does not apply."""
    try:
        return TRANSITIONS[(status, event)]
    except KeyError:
        raise IllegalTransition(status, event) from None


async def lock_request(session: AsyncSession, request_id: int) -> ServiceRequestRow:
    """The request row, locked first (PostgreSQL) so that ledger account locks always come after it."""
    row = (await session.execute(
        select(ServiceRequestRow).where(ServiceRequestRow.id == request_id).with_for_update()
        .execution_options(populate_existing=True))).scalar_one_or_none()
    if row is None:
        raise TaskNotFound(f"no request {request_id}")
    return row


async def move(session: AsyncSession, row: ServiceRequestRow, event: str, actor: str, now: datetime, *,
               reason: str | None = None, volunteer_id: int | None = None, late: bool = False,
               detail: dict | None = None) -> str:
    """Apply `event` to the locked row; returns the new status."""
    before = row.status
    row.status = target(before, event)
    row.version += 1
    row.updated_at = now
    await append_event(session, row.id, before, row.status, event, actor, now, reason=reason,
                       volunteer_id=volunteer_id if volunteer_id is not None else row.volunteer_id,
                       late=late, detail=detail)
    return row.status


async def append_event(session: AsyncSession, request_id: int, before: str | None, after: str, event: str,
                       actor: str, now: datetime, *, reason: str | None = None, volunteer_id: int | None = None,
                       late: bool = False, detail: dict | None = None) -> None:
    session.add(TaskEventRow(request_id=request_id, from_status=before, to_status=after, event=event, actor=actor,
                             volunteer_id=volunteer_id, late=late,
                             reason=None if reason is None else reason[:500], detail=detail or {}, at=now))
