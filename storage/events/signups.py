"""Signing up, cancelling and the waiting list, safe under concurrency.

A seat is taken only by `UPDATE events SET seats_taken = seats_taken + 1 WHERE
seats_taken < capacity`, and a member holds one row per event (a unique pair),
so however many sign up at once the seats never exceed the capacity and a
resent message signs up once. A freed seat goes to the first on the waiting
list in the same transaction, so free seats and a waiting list never coexist:
a newcomer never jumps the queue.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, delete, func, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import Sessions
from storage.events.tables import CANCELLED, SEATED, WAITING, EventRow, EventSignupRow
from storage.events.values import ATTENDANCE_CLOSES, Cancelled, Place, SignUp, as_event

INSERTS = {"postgresql": postgresql_insert, "sqlite": sqlite_insert}


async def sign_up(sessions: Sessions, event_id: int, member_id: int, now: datetime,
                  community: str | None = None) -> SignUp:
    """A seat if one is free, else the end of the waiting list; the same place again if already held."""
    async with sessions.begin() as session:
        row = await _locked(session, event_id)
        if row is None:
            return SignUp("not_found")
        if row.starts_at <= now:
            return SignUp("over")
        if not as_event(row).open_to(community):
            return SignUp("not_open")
        if not await _join_queue(session, event_id, member_id, now):
            return SignUp("", await place_in(session, event_id, member_id), again=True)
        seated = await _take_seat(session, event_id)
        if seated:
            await session.execute(update(EventSignupRow).where(member_is(event_id, member_id)).values(status=SEATED))
        return SignUp("", await place_in(session, event_id, member_id))


async def _locked(session: AsyncSession, event_id: int) -> EventRow | None:
    """The event, locked until the transaction ends (PostgreSQL; SQLite has one writer at a time anyway): a
    sign-up that finds the seats full and a cancel that frees one take turns, so the cancel sees the queue
    the sign-up joined and no seat is left free beside a waiting member."""
    return await session.get(EventRow, event_id, with_for_update=True, populate_existing=True)


async def _join_queue(session: AsyncSession, event_id: int, member_id: int, now: datetime) -> bool:
    """The member's row, waiting, at the end of the queue; False if already in it (or seated).

    The queue's order is the rows' ids, given in the order the sign-ups commit (writes take their turn), so the
    place told is the place held. A cancelled row is replaced, so signing up again joins at the end."""
    await session.execute(delete(EventSignupRow).where(member_is(event_id, member_id),
                                                       EventSignupRow.status == CANCELLED))
    insert = INSERTS[(await session.connection()).dialect.name]
    made = (await session.execute(insert(EventSignupRow).values(
        event_id=event_id, member_id=member_id, status=WAITING, signed_up_at=now,
    ).on_conflict_do_nothing().returning(EventSignupRow.id))).scalar_one_or_none()
    return made is not None


async def _take_seat(session: AsyncSession, event_id: int) -> bool:
    taken = await session.execute(update(EventRow).where(EventRow.id == event_id,
                                                         EventRow.seats_taken < EventRow.capacity)
                                  .values(seats_taken=EventRow.seats_taken + 1))
    return taken.rowcount == 1


async def cancel(sessions: Sessions, event_id: int, member_id: int, now: datetime) -> Cancelled:
    """Gives up a seat or a place in the queue; a freed seat goes at once to the first waiting, if anyone."""
    async with sessions.begin() as session:
        row = await _locked(session, event_id)
        if row is None:
            return Cancelled("not_found")
        if row.starts_at <= now:
            return Cancelled("over")
        for was in (SEATED, WAITING):
            left = await session.execute(update(EventSignupRow).where(member_is(event_id, member_id),
                                                                      EventSignupRow.status == was)
                                         .values(status=CANCELLED))
            if left.rowcount == 1:
                moved_up = await _move_up(session, event_id, now) if was == SEATED else None
                return Cancelled("", was, moved_up)
        return Cancelled("not_signed_up")


async def _move_up(session: AsyncSession, event_id: int, now: datetime) -> int | None:
    """The freed seat to the first waiting (who is moved up); with nobody waiting, the seat is free again."""
    while (first := (await session.execute(
            select(EventSignupRow.id, EventSignupRow.member_id).where(EventSignupRow.event_id == event_id,
                                                                      EventSignupRow.status == WAITING)
            .order_by(EventSignupRow.id).limit(1))).first()) is not None:
        moved = await session.execute(update(EventSignupRow).where(EventSignupRow.id == first.id,
                                                                   EventSignupRow.status == WAITING)
                                      .values(status=SEATED, moved_up_at=now))
        if moved.rowcount == 1:
            return first.member_id
    await session.execute(update(EventRow).where(EventRow.id == event_id, EventRow.seats_taken > 0)
                          .values(seats_taken=EventRow.seats_taken - 1))
    return None


async def place_of(sessions: Sessions, event_id: int, member_id: int) -> Place | None:
    async with sessions() as session:
        return await place_in(session, event_id, member_id)


async def places_of(sessions: Sessions, member_id: int, now: datetime) -> list[Place]:
    """The member's seats and queue places at events not yet over, soonest first."""
    async with sessions() as session:
        rows = (await session.execute(
            select(EventSignupRow.event_id).join(EventRow, EventRow.id == EventSignupRow.event_id)
            .where(EventSignupRow.member_id == member_id, EventSignupRow.status.in_((SEATED, WAITING)),
                   EventRow.starts_at > now - ATTENDANCE_CLOSES)
            .order_by(EventRow.starts_at, EventRow.id))).scalars().all()
        return [await place_in(session, event_id, member_id) for event_id in rows]


async def place_in(session: AsyncSession, event_id: int, member_id: int) -> Place | None:
    found = (await session.execute(select(EventSignupRow, EventRow)
                                   .join(EventRow, EventRow.id == EventSignupRow.event_id)
                                   .where(member_is(event_id, member_id)))).first()
    if found is None:
        return None
    signup, event_row = found
    ahead = 0
    if signup.status == WAITING:
        ahead = (await session.execute(select(func.count()).select_from(EventSignupRow).where(
            EventSignupRow.event_id == event_id, EventSignupRow.status == WAITING,
            EventSignupRow.id < signup.id))).scalar_one()
    return Place(as_event(event_row), signup.status, ahead + 1 if signup.status == WAITING else 0,
                 signup.attended_at is not None)


def member_is(event_id: int, member_id: int):
    return and_(EventSignupRow.event_id == event_id, EventSignupRow.member_id == member_id)
