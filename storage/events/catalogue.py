"""Creating events and finding them: one event by number, the upcoming ones a member may join."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import or_, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert

from storage import audit
from storage.db import Sessions
from storage.events.tables import AUDIENCES, COMMUNITY, EVERYONE, KINDS, TRAINING, EventRow
from storage.events.values import MAX_CAPACITY, MAX_PLACE, MAX_TITLE, Event, as_event
from storage.members import Actor
from storage.members.access import authorize


async def create_event(sessions: Sessions, *, request_key: str, kind: str, title: str, place: str,
                       starts_at: datetime, capacity: int, audience: str, community: str | None,
                       service_code: str | None, certificate_months: int | None, by: Actor,
                       now: datetime) -> Event:
    """Staff only (checked again here); idempotent on `request_key`: the same form or "是" twice makes one event."""
    title, place = title.strip()[:MAX_TITLE], place.strip()[:MAX_PLACE]
    if kind not in KINDS or audience not in AUDIENCES or not title or not place:
        raise ValueError("an event needs a known kind and audience, a title and a place")
    if not 1 <= capacity <= MAX_CAPACITY or starts_at <= now:
        raise ValueError("an event needs 1 to 2000 places and a start ahead")
    certifies = kind == TRAINING and service_code is not None
    async with sessions.begin() as session:
        actor = await authorize(session, by, "certificate")  # staff only, as certifying is
        insert = postgresql_insert if (await session.connection()).dialect.name == "postgresql" else sqlite_insert
        values = dict(request_key=request_key, kind=kind, title=title, place=place, starts_at=starts_at,
                      capacity=capacity, seats_taken=0, audience=audience, community=community,
                      service_code=service_code if certifies else None,
                      certificate_months=certificate_months if certifies else None,
                      created_by=by.member_id, created_at=now)
        made = (await session.execute(insert(EventRow).values(**values).on_conflict_do_nothing()
                                      .returning(EventRow.id))).scalar_one_or_none()
        row = (await session.execute(select(EventRow).where(EventRow.request_key == request_key))).scalar_one()
        if made is not None:
            await audit.record(session, actor=actor, action="event_created",
                               detail={"event_id": row.id, "kind": kind, "capacity": capacity}, at=now)
        return as_event(row)


async def event(sessions: Sessions, event_id: int) -> Event | None:
    async with sessions() as session:
        row = await session.get(EventRow, event_id)
    return None if row is None else as_event(row)


async def upcoming(sessions: Sessions, now: datetime, *, community: str | None = None, everything: bool = False,
                   limit: int = 10) -> list[Event]:
    """Events not begun, soonest first: those open to a member of `community`, or all of them (`everything`)."""
    query = select(EventRow).where(EventRow.starts_at > now).order_by(EventRow.starts_at, EventRow.id).limit(limit)
    if not everything:
        query = query.where(or_(EventRow.audience == EVERYONE, EventRow.community.is_(None),
                                (EventRow.audience == COMMUNITY) & (EventRow.community == community)))
    async with sessions() as session:
        rows = (await session.execute(query)).scalars().all()
    return [as_event(row) for row in rows]


async def recent(sessions: Sessions, since: datetime, limit: int = 50) -> list[Event]:
    """Events starting from `since` on, latest first: the console's list."""
    async with sessions() as session:
        rows = (await session.execute(select(EventRow).where(EventRow.starts_at >= since)
                                      .order_by(EventRow.starts_at.desc(), EventRow.id.desc()).limit(limit))
                ).scalars().all()
    return [as_event(row) for row in rows]


async def set_qr_ticket(sessions: Sessions, event_id: int, ticket: str) -> None:
    async with sessions.begin() as session:
        await session.execute(update(EventRow).where(EventRow.id == event_id).values(qr_ticket=ticket))
