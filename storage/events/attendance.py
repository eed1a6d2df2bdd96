"""Attendance: a seat-holder scanned the venue's code or was marked by staff; a training then certifies, once."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import update

from storage import audit
from storage.db import Sessions
from storage.events.signups import member_is, place_in
from storage.events.tables import SCAN, SEATED, EventRow, EventSignupRow
from storage.events.values import ATTENDANCE_OPENS, Attendance, Event, as_event
from storage.members import Actor
from storage.members.access import authorize


def _open_for(event: Event, now: datetime, by_staff: bool) -> bool:
    """A scan counts while attendance is taken; staff may mark from its opening on (a list typed up later)."""
    return now >= event.starts_at - ATTENDANCE_OPENS if by_staff else event.taking_attendance(now)


async def attend(sessions: Sessions, event_id: int, member_id: int, now: datetime, *, how: str = SCAN,
                 by: Actor | None = None) -> Attendance:
    """Records that a seat-holder came; only the first record counts. `certify` tells the caller to record the
    training's certificate once `claim_certificate` lets it."""
    async with sessions.begin() as session:
        row = await session.get(EventRow, event_id)
        if row is None:
            return Attendance("not_found")
        event = as_event(row)
        if not _open_for(event, now, by is not None):
            return Attendance("not_now", place=await place_in(session, event_id, member_id))
        actor = await authorize(session, by, "certificate") if by is not None else audit.SYSTEM
        marked = await session.execute(update(EventSignupRow).where(
            member_is(event_id, member_id), EventSignupRow.status == SEATED, EventSignupRow.attended_at.is_(None),
        ).values(attended_at=now, attended_how=how))
        place = await place_in(session, event_id, member_id)
        if marked.rowcount != 1:
            return Attendance("" if place is not None and place.attended else "not_seated", place=place)
        await audit.record(session, actor=actor, action="event_attended", subject_id=member_id,
                           detail={"event_id": event_id, "how": how}, at=now)
        return Attendance("", first=True, certify=event.certifies, place=place)


async def claim_certificate(sessions: Sessions, event_id: int, member_id: int, now: datetime) -> bool:
    """True once per attendee: whoever wins records the certificate (a second scan or a race records none)."""
    async with sessions.begin() as session:
        claimed = await session.execute(update(EventSignupRow).where(
            member_is(event_id, member_id), EventSignupRow.attended_at.is_not(None),
            EventSignupRow.certified_at.is_(None)).values(certified_at=now))
        return claimed.rowcount == 1
