"""The staff alert queue: SOS, disputes, low ratings, no-shows, far-away check-ins, care calls; raised, listed,
handled.

Alerts are raised inside the transaction of what caused them (a dispute is
recorded with its alert or not at all); staff mark them handled with a note,
which lands in the audit log.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from types import MappingProxyType

from sqlalchemy import func, insert, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit
from storage.alert_tables import (APPROVAL, CANCEL_LOOP, CARE_CALL, DISPUTE, FAR_CHECK_IN, HANDLED, KINDS, LATE_CANCEL,
                                  LATE_CHECK_IN, LOW_RATING, NO_SHOW, NOBODY_IN_REACH, OPEN, SHORT_VISIT, SOS,
                                  UNANSWERED, WAITING_FOR_A_VOLUNTEER, AlertRow)
from storage.base import utcnow
from storage.db import Sessions

__all__ = ["Alert", "AlertNotFound", "DisputeStillOpen", "close_dispute_in", "close_waiting_in", "as_alert", "raise_in",
           "raise_alert", "raise_or_repeat", "note_all_clear", "open_alerts", "handle", "alert",
           "KINDS", "SOS", "DISPUTE", "LOW_RATING", "NO_SHOW", "FAR_CHECK_IN", "NOBODY_IN_REACH", "LATE_CANCEL",
           "LATE_CHECK_IN", "SHORT_VISIT", "APPROVAL", "CANCEL_LOOP", "UNANSWERED", "CARE_CALL",
           "OPEN", "HANDLED", "AlertRow"]


class AlertNotFound(LookupError):
    pass


class DisputeStillOpen(Exception):
    """A dispute's alert closes when the dispute is settled (storage.tasks.resolve_dispute), not before."""

    def __init__(self, request_id: int):
        super().__init__(f"request {request_id} is still disputed")
        self.request_id = request_id


@dataclass(frozen=True)
class Alert:
    id: int
    kind: str
    status: str
    member_id: int | None
    openid: str | None
    request_id: int | None
    community: str | None
    detail: Mapping
    created_at: datetime
    handled_at: datetime | None
    handled_by: str | None
    note: str | None


async def raise_in(session: AsyncSession, kind: str, *, member_id: int | None = None, openid: str | None = None,
                   request_id: int | None = None, community: str | None = None, detail: Mapping | None = None,
                   now: datetime | None = None) -> int:
    """Open an alert in the caller's transaction; returns its id."""
    if kind not in KINDS:
        raise ValueError(f"unknown alert kind {kind!r}")
    return (await session.execute(insert(AlertRow).values(
        kind=kind, status=OPEN, member_id=member_id, openid=openid, request_id=request_id, community=community,
        detail=dict(detail or {}), created_at=now or utcnow(),
    ).returning(AlertRow.id))).scalar_one()


async def raise_alert(sessions: Sessions, kind: str, **fields) -> int:
    async with sessions.begin() as session:
        return await raise_in(session, kind, **fields)


async def raise_or_repeat(sessions: Sessions, kind: str, *, within: timedelta, member_id: int | None = None,
                          openid: str | None = None, community: str | None = None,
                          now: datetime | None = None) -> tuple[int, bool]:
    """One alert per burst: returns (alert id, whether it was raised just now).

    While an open alert of this kind about the same member (or, for someone
    unregistered, the same openid) is younger than `within`, a new cause is
    counted on it (detail: repeats, last_repeat_at) instead of raising another.
    """
    if member_id is None and openid is None:
        raise ValueError("name the member, or the openid of someone unregistered")
    now = now or utcnow()
    async with sessions.begin() as session:
        await _one_at_a_time(session, f"{kind}:{member_id if member_id is not None else openid}")
        row = await _newest_open(session, kind, member_id, openid, since=now - within)
        if row is None:
            return await raise_in(session, kind, member_id=member_id, openid=openid, community=community,
                                  detail={"repeats": 0}, now=now), True
        detail = dict(row.detail or {})
        row.detail = {**detail, "repeats": detail.get("repeats", 0) + 1, "last_repeat_at": now.isoformat()}
        return row.id, False


async def note_all_clear(sessions: Sessions, kind: str, *, within: timedelta, member_id: int | None = None,
                         openid: str | None = None, said: str, now: datetime | None = None) -> int | None:
    """The member says they are safe after an alert about them was raised: the newest open alert of this kind
    younger than `within` keeps their words (detail: all_clear, all_clear_at) for staff, who still follow it
    up. Returns its id, or None when there is none."""
    now = now or utcnow()
    async with sessions.begin() as session:
        row = await _newest_open(session, kind, member_id, openid, since=now - within)
        if row is None:
            return None
        row.detail = {**dict(row.detail or {}), "all_clear": said, "all_clear_at": now.isoformat()}
        return row.id


async def _newest_open(session: AsyncSession, kind: str, member_id: int | None, openid: str | None, *,
                       since: datetime) -> AlertRow | None:
    """The newest open alert of this kind about the member (or, for someone unregistered, the openid) raised
    since then, locked for the caller's transaction."""
    about = AlertRow.member_id == member_id if member_id is not None else AlertRow.openid == openid
    return (await session.execute(
        select(AlertRow).where(AlertRow.kind == kind, AlertRow.status == OPEN, about, AlertRow.created_at >= since)
        .order_by(AlertRow.id.desc()).limit(1).with_for_update()
    )).scalar_one_or_none()


async def _one_at_a_time(session: AsyncSession, about: str) -> None:
    """Two processes raising for the same person wait for each other: FOR UPDATE locks no row that is not there
    yet. PostgreSQL: a transaction-scoped advisory lock; SQLite's transactions begin IMMEDIATE (storage.db),
    which already lets one writer in at a time."""
    if session.bind.dialect.name == "postgresql":
        await session.execute(select(func.pg_advisory_xact_lock(func.hashtext(about))))


async def open_alerts(sessions: Sessions, kinds: tuple[str, ...] = KINDS, limit: int = 50) -> list[Alert]:
    """Oldest first: the queue staff work through."""
    async with sessions() as session:
        rows = (await session.execute(
            select(AlertRow).where(AlertRow.status == OPEN, AlertRow.kind.in_(kinds)).order_by(AlertRow.id).limit(limit)
        )).scalars().all()
    return [as_alert(row) for row in rows]


async def alert(sessions: Sessions, alert_id: int) -> Alert:
    async with sessions() as session:
        row = await session.get(AlertRow, alert_id)
    if row is None:
        raise AlertNotFound(alert_id)
    return as_alert(row)


async def handle(sessions: Sessions, alert_id: int, actor: str, note: str, now: datetime | None = None) -> bool:
    """Mark an open alert handled; False if it already was (two staff at once: the first one's note stands)."""
    now = now or utcnow()
    async with sessions.begin() as session:
        row = await session.get(AlertRow, alert_id)
        if row is not None and row.kind == DISPUTE and row.request_id and await _still_disputed(session, row.request_id):
            raise DisputeStillOpen(row.request_id)
        changed = (await session.execute(
            update(AlertRow).where(AlertRow.id == alert_id, AlertRow.status == OPEN)
            .values(status=HANDLED, handled_at=now, handled_by=actor, note=note[:500])
        )).rowcount
        if changed:
            await audit.record(session, actor=actor, action="alert_handled", detail={"alert_id": alert_id},
                               reason=note, at=now)
        elif row is None:
            raise AlertNotFound(alert_id)
    return bool(changed)


TAKEN_NOTE = "已有志愿者接单"


async def close_dispute_in(session: AsyncSession, request_id: int, actor: str, note: str, now: datetime) -> None:
    """The dispute about this request is settled, in the caller's transaction: its open alerts are handled."""
    await _close_in(session, request_id, (DISPUTE,), actor, note, now)


async def close_waiting_in(session: AsyncSession, request_id: int, actor: str, now: datetime) -> None:
    """A volunteer took this request, in the caller's transaction: staff need not look for one any more."""
    await _close_in(session, request_id, WAITING_FOR_A_VOLUNTEER, actor, TAKEN_NOTE, now)


async def _close_in(session: AsyncSession, request_id: int, kinds: tuple[str, ...], actor: str, note: str,
                    now: datetime) -> None:
    await session.execute(
        update(AlertRow).where(AlertRow.kind.in_(kinds), AlertRow.request_id == request_id, AlertRow.status == OPEN)
        .values(status=HANDLED, handled_at=now, handled_by=actor, note=note[:500]))


async def _still_disputed(session: AsyncSession, request_id: int) -> bool:
    # Imported here: storage.tasks raises its alerts through this module, so it cannot be imported at the top.
    from storage.tasks.tables import DISPUTED, ServiceRequestRow

    status = (await session.execute(
        select(ServiceRequestRow.status).where(ServiceRequestRow.id == request_id))).scalar_one_or_none()
    return status == DISPUTED


def as_alert(row: AlertRow) -> Alert:
    return Alert(row.id, row.kind, row.status, row.member_id, row.openid, row.request_id, row.community,
                 MappingProxyType(dict(row.detail or {})), row.created_at, row.handled_at, row.handled_by, row.note)
