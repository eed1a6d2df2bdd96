"""A durable outbox of messages to push to members through the WeChat API.

Replies that missed WeChat's 5 s window, the continuation of long replies,
and later notifications are written here first, then sent by a worker. A row
is claimed with a lease, so several worker processes never send it twice at
once and a crashed worker's row is picked up again when its lease ends.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, and_, insert, or_, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, UTCDateTime, utcnow
from storage.db import Sessions

PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"


class OutboundMessage(Base):
    __tablename__ = "outbound_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    openid: Mapped[str] = mapped_column(String(64), index=True)
    # Makes enqueueing idempotent: the same reply for the same inbound message is queued once.
    dedupe_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    reason: Mapped[str] = mapped_column(String(32))
    body: Mapped[str] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16), default=PENDING, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime())
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # A notification (not a reply): its kind picks the template used outside WeChat's 48-hour window,
    # and `notice` holds the template's fields.
    kind: Mapped[str | None] = mapped_column(String(32))
    notice: Mapped[dict | None] = mapped_column(JSON)


class DeliveryAttemptRow(Base):
    """Each try at delivering an outbound message, and what WeChat said."""

    __tablename__ = "delivery_attempts"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    message_id: Mapped[int] = mapped_column(ForeignKey("outbound_messages.id"), index=True)
    channel: Mapped[str] = mapped_column(String(16))  # customer_service, template, none
    result: Mapped[str] = mapped_column(String(16))  # sent, failed, skipped
    errcode: Mapped[int | None] = mapped_column(Integer)
    error: Mapped[str | None] = mapped_column(String(500))
    at: Mapped[datetime] = mapped_column(UTCDateTime())


@dataclass(frozen=True)
class Delivery:
    id: int
    openid: str
    body: str
    attempts: int




async def enqueue_text(sessions: Sessions, openid: str, body: str, reason: str, dedupe_key: str | None = None,
                       not_before: datetime | None = None) -> None:
    now = utcnow()
    row = dict(openid=openid, dedupe_key=dedupe_key, reason=reason, body=body, status=PENDING,
               attempts=0, next_attempt_at=not_before or now, created_at=now)
    try:
        async with sessions.begin() as session:
            await session.execute(insert(OutboundMessage), [row])
    except IntegrityError:
        if dedupe_key is None:
            raise
        # Already queued by an earlier attempt of the same inbound message.


async def claim_due(sessions: Sessions, lease: timedelta, limit: int = 20) -> list[Delivery]:
    now = utcnow()
    due = or_(
        and_(OutboundMessage.status == PENDING, OutboundMessage.next_attempt_at <= now),
        and_(OutboundMessage.status == SENDING, OutboundMessage.claimed_until < now),
    )
    async with sessions() as session:
        candidates = (await session.execute(
            select(OutboundMessage.id).where(due).order_by(OutboundMessage.id).limit(limit)
        )).scalars().all()
    claimed = []
    for message_id in candidates:
        delivery = await _claim_one(sessions, message_id, due, now + lease)
        if delivery:
            claimed.append(delivery)
    return claimed


async def _claim_one(sessions: Sessions, message_id: int, due, lease_end: datetime) -> Delivery | None:
    async with sessions.begin() as session:
        result = await session.execute(
            update(OutboundMessage)
            .where(OutboundMessage.id == message_id, due)
            .values(status=SENDING, claimed_until=lease_end, attempts=OutboundMessage.attempts + 1)
            .returning(OutboundMessage.id, OutboundMessage.openid, OutboundMessage.body, OutboundMessage.attempts)
        )
        row = result.first()
    return Delivery(*row) if row else None


async def mark_sent(sessions: Sessions, message_id: int) -> None:
    # The text is dropped once delivered: the outbox is a delivery record, not a message archive.
    await _finish(sessions, message_id, status=SENT, sent_at=utcnow(), body="", claimed_until=None)


async def mark_retry(sessions: Sessions, message_id: int, error: str, retry_at: datetime) -> None:
    await _finish(sessions, message_id, status=PENDING, next_attempt_at=retry_at,
                  last_error=error[:500], claimed_until=None)


async def mark_failed(sessions: Sessions, message_id: int, error: str) -> None:
    await _finish(sessions, message_id, status=FAILED, last_error=error[:500], claimed_until=None, body="")


async def _finish(sessions: Sessions, message_id: int, **values) -> None:
    async with sessions.begin() as session:
        await session.execute(update(OutboundMessage).where(OutboundMessage.id == message_id).values(**values))

