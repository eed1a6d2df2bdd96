"""The tables of events: the events staff create and each member's place at one.

Migration 0012_events creates exactly these.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, UTCDateTime

TRAINING, LECTURE, OPEN_DAY, ACTIVITY = "training", "lecture", "open_day", "activity"
KINDS = (TRAINING, LECTURE, OPEN_DAY, ACTIVITY)
COMMUNITY, EVERYONE = "community", "all"  # who may sign up: the organiser's community, or anyone
AUDIENCES = (COMMUNITY, EVERYONE)
# A member's place: a seat, a place in the queue for one, or given up.
SEATED, WAITING, CANCELLED = "seated", "waiting", "cancelled"
SIGNUP_STATUSES = (SEATED, WAITING, CANCELLED)
SCAN, STAFF_MARK = "scan", "staff"  # how attendance was taken
ATTENDANCE_WAYS = (SCAN, STAFF_MARK)


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


class EventRow(Base):
    __tablename__ = "events"
    __table_args__ = (
        CheckConstraint(_one_of("kind", KINDS), name="known_kind"),
        CheckConstraint(_one_of("audience", AUDIENCES), name="known_audience"),
        # The one rule capacity rests on: a seat is taken only by an update that keeps this true.
        CheckConstraint("seats_taken >= 0 AND seats_taken <= capacity", name="seats_within_capacity"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    request_key: Mapped[str] = mapped_column(String(100), unique=True)  # the creating conversation or form
    kind: Mapped[str] = mapped_column(String(16))
    title: Mapped[str] = mapped_column(String(64))
    place: Mapped[str] = mapped_column(String(100))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    capacity: Mapped[int] = mapped_column(Integer)
    seats_taken: Mapped[int] = mapped_column(Integer, default=0)
    audience: Mapped[str] = mapped_column(String(16))
    community: Mapped[str | None] = mapped_column(String(50))  # the organiser's
    # A training whose attendance certifies a service, valid this many months (None: no end).
    service_code: Mapped[str | None] = mapped_column(String(32))
    certificate_months: Mapped[int | None] = mapped_column(Integer)
    created_by: Mapped[int] = mapped_column(ForeignKey("members.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    qr_ticket: Mapped[str | None] = mapped_column(String(200))  # the venue's temporary QR code
    day_reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    hour_reminded_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class EventSignupRow(Base):
    """One member at one event; signing up again after cancelling replaces the cancelled row (the queue is in id
    order)."""

    __tablename__ = "event_signups"
    __table_args__ = (
        UniqueConstraint("event_id", "member_id"),
        CheckConstraint(_one_of("status", SIGNUP_STATUSES), name="known_status"),
        CheckConstraint(f"attended_how IS NULL OR {_one_of('attended_how', ATTENDANCE_WAYS)}", name="known_way"),
        Index("ix_event_signups_event_id_status", "event_id", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    event_id: Mapped[int] = mapped_column(ForeignKey("events.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    status: Mapped[str] = mapped_column(String(16))
    signed_up_at: Mapped[datetime] = mapped_column(UTCDateTime())
    moved_up_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    attended_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    attended_how: Mapped[str | None] = mapped_column(String(16))
    certified_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
