"""A fan-out's recipients: frozen when sending starts, each claimed with a lease, sent, and marked.

Nobody is sent to twice by two workers: a recipient is claimed by a
conditional update, and only its lease running out (its worker died) lets
another worker claim it again. Nobody is skipped: a broadcast is done only
when no recipient is left pending or claimed.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import and_, case, func, insert, literal, null, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.base import UTCDateTime
from storage.broadcasts.audience import Reached, reachable
from storage.broadcasts.values import DONE, OPTED_OUT, SENDING, Broadcast, Recipient, Tally, as_broadcast
from storage.db import Sessions
from storage.publicity_tables import (CLAIMED, PENDING, SENT, SKIPPED, UNDELIVERED, BroadcastRecipientRow,
                                      BroadcastRow)

Row = BroadcastRecipientRow
# Updates by id of rows this process holds no objects for: the ORM need not find and refresh them in the session
# (its "evaluate" step was a fifth of a broadcast worker's time).
PLAIN = {"synchronize_session": False}


async def freeze_in(session: AsyncSession, broadcast_id: int, audience: str, now: datetime) -> tuple[int, int]:
    """Writes down who the broadcast goes to, as it stands now; returns (audience size, skipped as opted out).

    One INSERT ... SELECT: a city's members never pass through the worker's memory."""
    member = reachable(audience).subquery()
    opted_out = member.c.broadcasts_opted_out
    await session.execute(insert(Row).from_select(
        ["broadcast_id", "member_id", "openid", "status", "attempts", "reason", "at"],
        select(literal(broadcast_id), member.c.id, member.c.openid,
               case((opted_out, literal(SKIPPED)), else_=literal(PENDING)), literal(0),
               case((opted_out, literal(OPTED_OUT)), else_=null()),
               case((opted_out, literal(now, UTCDateTime())), else_=null())).order_by(member.c.id)))
    size, skipped = (await session.execute(
        select(func.count(), func.coalesce(func.sum(case((Row.status == SKIPPED, 1), else_=0)), 0))
        .where(Row.broadcast_id == broadcast_id))).one()
    return size, skipped


async def record_mass_recipients_in(session: AsyncSession, broadcast_id: int, audience: list[Reached],
                                    now: datetime) -> None:
    """Who a mass send reached, as far as we know: what the service account's per-follower quota counts."""
    if audience:
        await session.execute(insert(Row), [
            dict(broadcast_id=broadcast_id, member_id=member.member_id, openid=member.openid, status=SENT,
                 attempts=1, at=now) for member in audience])


def _claimable(now: datetime):
    return and_(Row.status.in_((PENDING, CLAIMED)), or_(Row.claimed_until.is_(None), Row.claimed_until <= now))


async def claim(sessions: Sessions, broadcast_id: int, now: datetime, lease: timedelta,
                limit: int = 20) -> list[Recipient]:
    async with sessions() as session:
        candidates = (await session.execute(
            select(Row.id).where(Row.broadcast_id == broadcast_id, _claimable(now)).order_by(Row.id).limit(limit)
        )).scalars().all()
    if not candidates:
        return []
    # One conditional update for the lot: a row another worker claimed meanwhile no longer matches.
    async with sessions.begin() as session:
        rows = (await session.execute(
            update(Row).where(Row.id.in_(candidates), _claimable(now))
            .values(status=CLAIMED, claimed_until=now + lease, attempts=Row.attempts + 1)
            .returning(Row.id, Row.broadcast_id, Row.member_id, Row.openid, Row.attempts)
            .execution_options(**PLAIN))).all()
    return sorted((Recipient(*row) for row in rows), key=lambda recipient: recipient.id)


async def mark(sessions: Sessions, recipient_id: int, status: str, now: datetime, reason: str | None = None) -> None:
    """Sent, failed or skipped: final."""
    assert status in (SENT, UNDELIVERED, SKIPPED)
    async with sessions.begin() as session:
        await session.execute(update(Row).where(Row.id == recipient_id, Row.status == CLAIMED)
                              .values(status=status, reason=reason, at=now, claimed_until=None)
                              .execution_options(**PLAIN))


async def retry_later(sessions: Sessions, recipient_id: int, retry_at: datetime, reason: str) -> None:
    """WeChat was busy: back to pending, claimable again from `retry_at`."""
    async with sessions.begin() as session:
        await session.execute(update(Row).where(Row.id == recipient_id, Row.status == CLAIMED)
                              .values(status=PENDING, claimed_until=retry_at, reason=reason)
                              .execution_options(**PLAIN))


async def tally(sessions: Sessions, broadcast_id: int) -> Tally:
    async with sessions() as session:
        counts = dict((await session.execute(
            select(Row.status, func.count()).where(Row.broadcast_id == broadcast_id).group_by(Row.status))).all())
    return Tally(sum(counts.values()), counts.get(SENT, 0), counts.get(UNDELIVERED, 0), counts.get(SKIPPED, 0))


async def next_claimable_at(sessions: Sessions, broadcast_id: int) -> datetime | None:
    """When the earliest recipient still to do (waiting on a lease or a retry) becomes claimable."""
    async with sessions() as session:
        return (await session.execute(select(func.min(Row.claimed_until)).where(
            Row.broadcast_id == broadcast_id, Row.status.in_((PENDING, CLAIMED))))).scalar()


async def finish_fanout(sessions: Sessions, broadcast_id: int, now: datetime) -> Broadcast | None:
    """Sending → done with its counts, once every recipient is settled; only the one caller that ends it gets it."""
    counts = await tally(sessions, broadcast_id)
    if not counts.finished:
        return None
    async with sessions.begin() as session:
        changed = (await session.execute(
            update(BroadcastRow).where(BroadcastRow.id == broadcast_id, BroadcastRow.status == SENDING)
            .values(status=DONE, finished_at=now, sent=counts.sent, failed=counts.failed, skipped=counts.skipped,
                    version=BroadcastRow.version + 1))).rowcount
        row = await session.get(BroadcastRow, broadcast_id) if changed else None
        return as_broadcast(row) if row is not None else None
