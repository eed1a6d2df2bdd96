"""A durable outbox of messages to push to members through the WeChat API.

Replies that missed WeChat's 5 s window, the continuation of long replies,
and notifications (a task offer, a reminder, an SOS alert…) are written here
first, then sent by a worker. A row is claimed with a lease, so several worker
processes never send it twice at once and a crashed worker's row is picked up
again when its lease ends. Every attempt, on whichever channel, is recorded.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Mapping

from sqlalchemy import JSON, ForeignKey, Integer, String, Text, and_, or_, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, UTCDateTime, utcnow
from storage.db import Sessions
from storage.privacy import KeyRing, decrypt, encrypt

PENDING, SENDING, SENT, FAILED = "pending", "sending", "sent", "failed"
SKIPPED = "skipped"  # as a message status and an attempt's result: the member unfollowed, nothing was sent
# No window and no template: kept for the member's next message, then sent in one digest ("您有2条新消息：…").
HELD = "held"
CUSTOMER_SERVICE, TEMPLATE, NO_CHANNEL, DIGEST = "customer_service", "template", "none", "digest"
# The classic template layout: first (our title), keyword1..3, remark.
NOTICE_FIELDS = ("title", "keyword1", "keyword2", "keyword3", "remark")
KIND_LENGTH = 32


class OutboundMessage(Base):
    __tablename__ = "outbound_messages"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    openid: Mapped[str] = mapped_column(String(64), index=True)
    # Makes enqueueing idempotent: the same reply for the same inbound message is queued once.
    dedupe_key: Mapped[str | None] = mapped_column(String(200), unique=True)
    reason: Mapped[str] = mapped_column(String(32))
    body: Mapped[str] = mapped_column(Text, info={"sealed": "outbound_messages:<openid>:body"})
    status: Mapped[str] = mapped_column(String(16), default=PENDING, index=True)
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    next_attempt_at: Mapped[datetime] = mapped_column(UTCDateTime())
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    last_error: Mapped[str | None] = mapped_column(String(500))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    sent_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # A notification (not a reply): its kind picks the template used outside WeChat's 48-hour window,
    # and `notice` holds the template's fields.
    kind: Mapped[str | None] = mapped_column(String(KIND_LENGTH))
    notice: Mapped[dict | None] = mapped_column(JSON, info={"sealed": "outbound_messages:<openid>:notice"})


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
    """A claimed message, as the worker needs it to pick a channel and send."""

    id: int
    openid: str
    body: str
    attempts: int
    kind: str | None = None  # None: a reply or its continuation, always a customer-service message
    notice: Mapping[str, str] | None = None


@dataclass(frozen=True)
class Attempt:
    """One try on one channel and what came of it."""

    channel: str  # CUSTOMER_SERVICE, TEMPLATE, NO_CHANNEL
    result: str  # SENT, FAILED, SKIPPED
    errcode: int | None = None
    error: str | None = None

    def describe(self) -> str:
        code = f"errcode={self.errcode} " if self.errcode is not None else ""
        return f"{code}{self.error or ''}".strip()[:500]


@dataclass(frozen=True)
class DeliveryAttempt:
    message_id: int
    openid: str
    kind: str | None
    channel: str
    result: str
    errcode: int | None
    error: str | None
    at: datetime


@dataclass(frozen=True)
class Notification:
    id: int
    openid: str
    kind: str
    status: str
    body: str  # erased once delivered or given up
    notice: Mapping[str, str] | None
    attempts: int
    last_error: str | None
    next_attempt_at: datetime
    created_at: datetime
    sent_at: datetime | None


# ---- queueing -----------------------------------------------------------------


async def enqueue_text(sessions: Sessions, keyring: KeyRing, openid: str, body: str, reason: str,
                       dedupe_key: str | None = None, not_before: datetime | None = None) -> None:
    """A reply or a continuation: idempotent on dedupe_key (the same reply for the same inbound message once)."""
    async with sessions.begin() as session:
        await _insert_once(session, _row(keyring, openid, body, reason, dedupe_key, not_before))


async def notify(sessions: Sessions, keyring: KeyRing, openid: str, *, kind: str, body: str,
                 notice: Mapping[str, str] | None = None, dedupe_key: str | None = None,
                 not_before: datetime | None = None) -> None:
    """A notification to one member; see notify_in."""
    async with sessions.begin() as session:
        await notify_in(session, keyring, openid, kind=kind, body=body, notice=notice, dedupe_key=dedupe_key,
                        not_before=not_before)


async def notify_each(sessions: Sessions, keyring: KeyRing, recipients: Mapping[str, str], *, kind: str,
                      body: str) -> None:
    """One notification to each recipient (openid → dedupe key), queued in one statement."""
    _check_kind(kind)
    rows = [{**_row(keyring, openid, body, "notification", dedupe_key, None), "kind": kind, "notice": None}
            for openid, dedupe_key in recipients.items()]
    async with sessions.begin() as session:
        await _insert_once(session, rows)


async def notify_in(session: AsyncSession, keyring: KeyRing, openid: str, *, kind: str, body: str,
                    notice: Mapping[str, str] | None = None, dedupe_key: str | None = None,
                    not_before: datetime | None = None) -> None:
    """A notification queued inside the caller's transaction, so it goes out only if what it announces commits.

    `body` is the customer-service text (inside the member's 48-hour window);
    `notice` fills the template sent outside it: title, keyword1..3, remark.
    Idempotent on dedupe_key: queueing it again changes nothing.
    """
    _check_kind(kind)
    unknown = set(notice or {}) - set(NOTICE_FIELDS)
    if unknown:
        raise ValueError(f"unknown template fields {sorted(unknown)}; use {', '.join(NOTICE_FIELDS)}")
    row = _row(keyring, openid, body, "notification", dedupe_key, not_before)
    await _insert_once(session, {**row, "kind": kind, "notice": _seal_notice(keyring, openid, notice)})


def _check_kind(kind: str) -> None:
    if not kind or len(kind) > KIND_LENGTH:
        raise ValueError(f"notification kind must be 1 to {KIND_LENGTH} characters")


# A pending message can name people (an SOS gives an address): body and notice are sealed like
# personal data, bound to their recipient, until they are sent and erased.

def _row(keyring: KeyRing, openid: str, body: str, reason: str, dedupe_key: str | None,
         not_before: datetime | None) -> dict:
    now = utcnow()
    return dict(openid=openid, dedupe_key=dedupe_key, reason=reason, body=encrypt(keyring, body, _bound(openid, "body")),
                status=PENDING, attempts=0, next_attempt_at=not_before or now, created_at=now)


def _bound(openid: str, column: str) -> str:
    return f"outbound_messages:{openid}:{column}"


def _seal_notice(keyring: KeyRing, openid: str, notice: Mapping[str, str] | None) -> dict | None:
    if not notice:
        return None
    return {"sealed": encrypt(keyring, json.dumps(dict(notice), ensure_ascii=False), _bound(openid, "notice"))}


def _open_body(keyring: KeyRing, openid: str, stored: str) -> str:
    return decrypt(keyring, stored, _bound(openid, "body")) if stored else ""


def _open_notice(keyring: KeyRing, openid: str, stored: Mapping | None) -> Mapping[str, str] | None:
    if not stored:
        return None
    return json.loads(decrypt(keyring, stored["sealed"], _bound(openid, "notice")))


async def _insert_once(session: AsyncSession, rows: dict | list[dict]) -> None:
    """One row, or several in one statement; a row whose dedupe key is queued already is left out."""
    # ON CONFLICT DO NOTHING rather than catching the IntegrityError: that would spoil a caller's transaction.
    # Rows without a dedupe key never conflict (NULLs are distinct in the unique index).
    dialect = (await session.connection()).dialect.name
    statement = _DIALECT_INSERTS[dialect](OutboundMessage).values(rows).on_conflict_do_nothing()
    await session.execute(statement)


_DIALECT_INSERTS = {"postgresql": postgresql_insert, "sqlite": sqlite_insert}


# ---- the worker's side ----------------------------------------------------------


async def claim_due(sessions: Sessions, keyring: KeyRing, lease: timedelta, limit: int = 20) -> list[Delivery]:
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
        delivery = await _claim_one(sessions, keyring, message_id, due, now + lease)
        if delivery:
            claimed.append(delivery)
    return claimed


async def _claim_one(sessions: Sessions, keyring: KeyRing, message_id: int, due, lease_end: datetime) -> Delivery | None:
    async with sessions.begin() as session:
        result = await session.execute(
            update(OutboundMessage)
            .where(OutboundMessage.id == message_id, due)
            .values(status=SENDING, claimed_until=lease_end, attempts=OutboundMessage.attempts + 1)
            .returning(OutboundMessage.id, OutboundMessage.openid, OutboundMessage.body, OutboundMessage.attempts,
                       OutboundMessage.kind, OutboundMessage.notice)
        )
        row = result.first()
    if row is None:
        return None
    return Delivery(row.id, row.openid, _open_body(keyring, row.openid, row.body), row.attempts, row.kind,
                    _open_notice(keyring, row.openid, row.notice))


async def record_attempt(sessions: Sessions, message_id: int, attempt: Attempt) -> None:
    """An attempt that settles nothing yet, e.g. a customer-service message refused before the template goes."""
    async with sessions.begin() as session:
        session.add(_attempt_row(message_id, attempt))


async def mark_sent(sessions: Sessions, message_id: int, attempt: Attempt) -> None:
    # The text is dropped once delivered: the outbox is a delivery record, not a message archive.
    await _finish(sessions, message_id, attempt, status=SENT, sent_at=utcnow(), **_ERASED)


async def mark_retry(sessions: Sessions, message_id: int, attempt: Attempt, retry_at: datetime) -> None:
    await _finish(sessions, message_id, attempt, status=PENDING, next_attempt_at=retry_at)


async def mark_failed(sessions: Sessions, message_id: int, attempt: Attempt) -> None:
    await _finish(sessions, message_id, attempt, status=FAILED, **_ERASED)


async def mark_skipped(sessions: Sessions, message_id: int, attempt: Attempt) -> None:
    await _finish(sessions, message_id, attempt, status=SKIPPED, **_ERASED)


_ERASED = {"body": "", "notice": None}


async def mark_held(sessions: Sessions, message_id: int, attempt: Attempt) -> None:
    """Nothing can reach the member now: the text is kept (sealed) for their next message."""
    await _finish(sessions, message_id, attempt, status=HELD)


async def release_held(sessions: Sessions, keyring: KeyRing, openid: str, digest) -> int:
    """The member wrote again: every notice held for them goes in one message, `digest(bodies)`; returns how many.

    Keyed by the first held message, so two deliveries of the same turn queue one digest.
    """
    async with sessions.begin() as session:
        rows = (await session.execute(select(OutboundMessage).where(
            OutboundMessage.openid == openid, OutboundMessage.status == HELD).order_by(OutboundMessage.id)
            .with_for_update())).scalars().all()
        if not rows:
            return 0
        bodies = [_open_body(keyring, openid, row.body) for row in rows]
        await _insert_once(session, _row(keyring, openid, digest(bodies), "held_digest", f"held:{openid}:{rows[0].id}",
                                         None))
        for row in rows:
            session.add(_attempt_row(row.id, Attempt(DIGEST, SENT)))
            row.status, row.sent_at, row.body, row.notice, row.last_error = SENT, utcnow(), "", None, None
        return len(rows)


async def _finish(sessions: Sessions, message_id: int, attempt: Attempt, **values) -> None:
    last_error = attempt.describe() if attempt.result != SENT else None
    async with sessions.begin() as session:
        session.add(_attempt_row(message_id, attempt))
        await session.execute(update(OutboundMessage).where(OutboundMessage.id == message_id)
                              .values(claimed_until=None, last_error=last_error, **values))


def _attempt_row(message_id: int, attempt: Attempt) -> DeliveryAttemptRow:
    return DeliveryAttemptRow(message_id=message_id, channel=attempt.channel, result=attempt.result,
                              errcode=attempt.errcode, error=attempt.error and attempt.error[:500], at=utcnow())


# ---- reading, for staff and tests ---------------------------------------------------


async def delivery_attempts(sessions: Sessions, message_id: int | None = None,
                            openid: str | None = None) -> list[DeliveryAttempt]:
    """Every attempt, oldest first, for one message or one member (or all)."""
    query = (select(DeliveryAttemptRow, OutboundMessage.openid, OutboundMessage.kind)
             .join(OutboundMessage, OutboundMessage.id == DeliveryAttemptRow.message_id)
             .order_by(DeliveryAttemptRow.id))
    if message_id is not None:
        query = query.where(DeliveryAttemptRow.message_id == message_id)
    if openid is not None:
        query = query.where(OutboundMessage.openid == openid)
    async with sessions() as session:
        rows = (await session.execute(query)).all()
    return [DeliveryAttempt(row.message_id, member, kind, row.channel, row.result, row.errcode, row.error, row.at)
            for row, member, kind in rows]


async def notifications_to(sessions: Sessions, keyring: KeyRing, openid: str) -> list[Notification]:
    """The notifications queued for one member, oldest first (replies are not notifications)."""
    async with sessions() as session:
        rows = (await session.execute(
            select(OutboundMessage)
            .where(OutboundMessage.openid == openid, OutboundMessage.kind.is_not(None))
            .order_by(OutboundMessage.id)
        )).scalars().all()
    return [Notification(row.id, row.openid, row.kind, row.status, _open_body(keyring, openid, row.body),
                         _open_notice(keyring, openid, row.notice), row.attempts, row.last_error,
                         row.next_attempt_at, row.created_at, row.sent_at) for row in rows]


async def queued(sessions: Sessions, dedupe_key: str) -> bool:
    """Whether a message under this key was ever queued (sent ones keep their key, with their text erased)."""
    async with sessions() as session:
        return (await session.execute(select(OutboundMessage.id).where(OutboundMessage.dedupe_key == dedupe_key)
                                      .limit(1))).first() is not None
