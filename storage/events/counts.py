"""Numbers about events for staff: one event's sign-ups and attendance, and a day's, by community."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import case, func, select

from storage.db import Sessions
from storage.events.tables import CANCELLED, SEATED, WAITING, EventSignupRow
from storage.members.tables import MemberRow

NO_COMMUNITY = ""


@dataclass(frozen=True)
class Tally:
    seated: int = 0
    waiting: int = 0
    attended: int = 0


@dataclass(frozen=True)
class DayCounts:
    signed_up: int
    attended: int
    by_community: dict[str, tuple[int, int]]  # community ("" none) → (signed up, attended)


@dataclass(frozen=True)
class Attendee:
    member_id: int
    status: str
    signed_up_at: datetime
    attended_at: datetime | None
    attended_how: str | None
    community: str


def _counts():
    return (func.count(case((EventSignupRow.status == SEATED, 1))),
            func.count(case((EventSignupRow.status == WAITING, 1))),
            func.count(EventSignupRow.attended_at))


async def tallies(sessions: Sessions, event_ids: list[int]) -> dict[int, Tally]:
    async with sessions() as session:
        rows = (await session.execute(select(EventSignupRow.event_id, *_counts())
                                      .where(EventSignupRow.event_id.in_(event_ids))
                                      .group_by(EventSignupRow.event_id))).all()
    return {event_id: Tally(seated, waiting, attended) for event_id, seated, waiting, attended in rows}


async def by_community(sessions: Sessions, event_id: int) -> dict[str, Tally]:
    """One event's seats, queue and attendance by the members' communities."""
    async with sessions() as session:
        rows = (await session.execute(select(MemberRow.community, *_counts())
                                      .join(MemberRow, MemberRow.id == EventSignupRow.member_id)
                                      .where(EventSignupRow.event_id == event_id)
                                      .group_by(MemberRow.community).order_by(MemberRow.community))).all()
    return {community or NO_COMMUNITY: Tally(seated, waiting, attended) for community, seated, waiting, attended in rows}


async def attendees(sessions: Sessions, event_id: int) -> list[Attendee]:
    """Everyone holding a seat or waiting, seats first, then the queue in its order."""
    async with sessions() as session:
        rows = (await session.execute(
            select(EventSignupRow, MemberRow.community).join(MemberRow, MemberRow.id == EventSignupRow.member_id)
            .where(EventSignupRow.event_id == event_id, EventSignupRow.status != CANCELLED)
            .order_by(case((EventSignupRow.status == SEATED, 0), else_=1), EventSignupRow.id))).all()
    return [Attendee(row.member_id, row.status, row.signed_up_at, row.attended_at, row.attended_how,
                     community or NO_COMMUNITY) for row, community in rows]


async def day_counts(sessions: Sessions, start: datetime, end: datetime) -> DayCounts:
    """Sign-ups made (first sign-ups, kept or not) and attendance taken in [start, end), by community."""
    signed = (EventSignupRow.signed_up_at >= start) & (EventSignupRow.signed_up_at < end)
    came = (EventSignupRow.attended_at >= start) & (EventSignupRow.attended_at < end)
    async with sessions() as session:
        rows = (await session.execute(
            select(MemberRow.community, func.count(case((signed, 1))), func.count(case((came, 1))))
            .join(MemberRow, MemberRow.id == EventSignupRow.member_id).where(signed | came)
            .group_by(MemberRow.community).order_by(MemberRow.community))).all()
    places = {community or NO_COMMUNITY: (signed_up, attended) for community, signed_up, attended in rows}
    return DayCounts(sum(s for s, _ in places.values()), sum(a for _, a in places.values()), places)
