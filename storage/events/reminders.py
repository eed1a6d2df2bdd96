"""Which events are due a reminder: each reminder of each event is claimed once, by one sweep, however many run."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import func, select, update

from storage.db import Sessions
from storage.events.tables import SEATED, EventRow, EventSignupRow
from storage.events.values import Event, as_event

DAY, HOUR = "day", "hour"
# The nearest first: an event an hour away is claimed for both, so a late sign-up is not told twice at once.
REMINDERS = ((HOUR, timedelta(hours=1), EventRow.hour_reminded_at), (DAY, timedelta(days=1), EventRow.day_reminded_at))


@dataclass(frozen=True)
class Due:
    which: str  # DAY or HOUR
    event: Event
    member_ids: tuple[int, ...]  # the seat-holders


async def claim_reminders(sessions: Sessions, now: datetime) -> list[Due]:
    due: list[Due] = []
    for which, ahead, column in REMINDERS:
        async with sessions() as session:
            ids = (await session.execute(select(EventRow.id).where(
                column.is_(None), EventRow.starts_at > now, EventRow.starts_at <= now + ahead))).scalars().all()
        for event_id in ids:
            if (claimed := await _claim(sessions, event_id, which, column, now)) is not None:
                due.append(claimed)
    return due


async def _claim(sessions: Sessions, event_id: int, which: str, column, now: datetime) -> Due | None:
    async with sessions.begin() as session:
        values = {column.key: now}
        if which == HOUR:
            values[EventRow.day_reminded_at.key] = func.coalesce(EventRow.day_reminded_at, now)
        claimed = await session.execute(update(EventRow).where(EventRow.id == event_id, column.is_(None))
                                        .values(**values))
        if claimed.rowcount != 1:
            return None
        row = await session.get(EventRow, event_id)
        seated = (await session.execute(select(EventSignupRow.member_id).where(
            EventSignupRow.event_id == event_id, EventSignupRow.status == SEATED)
            .order_by(EventSignupRow.id))).scalars().all()
        return Due(which, as_event(row), tuple(seated))
