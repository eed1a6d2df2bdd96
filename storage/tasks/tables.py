"""The tables of service requests and what happens to them; migration 0005_service_requests creates them."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, UTCDateTime
from storage.sealed_text import SealedText

OPEN, ACCEPTED, IN_SERVICE, DONE, DISPUTED, CANCELLED, EXPIRED = (
    "open", "accepted", "in_service", "done", "disputed", "cancelled", "expired")
STATUSES = (OPEN, ACCEPTED, IN_SERVICE, DONE, DISPUTED, CANCELLED, EXPIRED)
REQUESTER, VOLUNTEER = "requester", "volunteer"  # the two sides of a task, e.g. in ratings
ACTOR_LENGTH = 100


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


class ServiceRequestRow(Base):
    """One request for help, `#id` in chat; once accepted it is also the volunteer's task."""

    __tablename__ = "service_requests"
    __table_args__ = (
        CheckConstraint(_one_of("status", STATUSES), name="known_status"),
        CheckConstraint("duration_min > 0 AND cost_min > 0", name="positive_amounts"),
        CheckConstraint("volunteer_id IS NOT NULL OR status IN ('open', 'cancelled', 'expired')",
                        name="taken_has_volunteer"),
        Index("ix_service_requests_status_starts_at", "status", "starts_at"),
        Index("ix_service_requests_volunteer_id_status", "volunteer_id", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    request_key: Mapped[str] = mapped_column(String(100), unique=True)  # the posting conversation's run id
    requester_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)  # the elder served
    posted_by: Mapped[str] = mapped_column(String(ACTOR_LENGTH))  # audit-style ref: the elder, family or staff
    service_code: Mapped[str] = mapped_column(String(32))
    community: Mapped[str | None] = mapped_column(String(32))
    starts_at: Mapped[datetime] = mapped_column(UTCDateTime())
    duration_min: Mapped[int] = mapped_column(Integer)
    cost_min: Mapped[int] = mapped_column(Integer)
    # Sealed like members' personal data; NULL place: the elder's home address on file.
    place_enc: Mapped[str | None] = mapped_column(Text)
    place_point_enc: Mapped[str | None] = mapped_column(Text)  # "lat,lon" of a location message
    notes_enc: Mapped[str | None] = mapped_column(Text)
    status: Mapped[str] = mapped_column(String(16))
    volunteer_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    acceptance_no: Mapped[int] = mapped_column(Integer, default=0)  # bumps on each acceptance: keys its hold
    payer: Mapped[str | None] = mapped_column(String(16))  # storage.exchange REQUESTER / POOL / ISSUANCE
    hold_id: Mapped[int | None] = mapped_column(Integer)
    accepted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    checked_in_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    check_in_distance_m: Mapped[int | None] = mapped_column(Integer)
    checked_out_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    check_out_distance_m: Mapped[int | None] = mapped_column(Integer)
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())  # an open request not taken by then expires
    # How far the escalation ladder got (storage.tasks.escalation); kept here so a restarted worker goes on.
    escalation_step: Mapped[int] = mapped_column(Integer, default=0, server_default="0")
    staff_alerted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    staff_called_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # staff phoned the elder about it
    version: Mapped[int] = mapped_column(Integer, default=0)  # every transition bumps it
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())


class TaskEventRow(Base):
    """Every transition of a request, append-only: who moved it from what to what, when and why."""

    __tablename__ = "task_events"
    # A volunteer's recent cancellations (storage.tasks.flip_flops), read on every accept and in matching.
    __table_args__ = (Index("ix_task_events_volunteer_id_at", "volunteer_id", "at"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("service_requests.id"), index=True)
    from_status: Mapped[str | None] = mapped_column(String(16))
    to_status: Mapped[str] = mapped_column(String(16))
    event: Mapped[str] = mapped_column(String(32))  # posted, accepted, checked_in, no_show, volunteer_cancelled…
    actor: Mapped[str] = mapped_column(String(ACTOR_LENGTH))
    volunteer_id: Mapped[int | None] = mapped_column(Integer)  # the volunteer the event concerns, if any
    late: Mapped[bool] = mapped_column(Boolean, default=False)  # a cancellation close to the start time
    reason: Mapped[str | None] = mapped_column(SealedText("task_events.reason"))  # a dispute can name people
    detail: Mapped[dict] = mapped_column(JSON, default=dict)
    at: Mapped[datetime] = mapped_column(UTCDateTime())


class TaskOfferRow(Base):
    """A volunteer told about an open request by matching: each is told once per request."""

    __tablename__ = "task_offers"
    __table_args__ = (UniqueConstraint("request_id", "volunteer_id"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("service_requests.id"))
    volunteer_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    rank: Mapped[int] = mapped_column(Integer)
    offered_at: Mapped[datetime] = mapped_column(UTCDateTime())


class RatingRow(Base):
    __tablename__ = "task_ratings"
    __table_args__ = (
        UniqueConstraint("request_id", "side"),
        CheckConstraint("stars BETWEEN 1 AND 5", name="one_to_five"),
        CheckConstraint(_one_of("side", (REQUESTER, VOLUNTEER)), name="known_side"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    request_id: Mapped[int] = mapped_column(ForeignKey("service_requests.id"))
    side: Mapped[str] = mapped_column(String(16))  # who rated: the requester's side or the volunteer
    rater_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    ratee_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    stars: Mapped[int] = mapped_column(Integer)
    comment_enc: Mapped[str | None] = mapped_column(Text)  # free text can name people: sealed
    at: Mapped[datetime] = mapped_column(UTCDateTime())
