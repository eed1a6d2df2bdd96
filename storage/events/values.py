"""Events and places at them as the rest of the bot sees them: frozen values, never rows."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from storage.events.tables import EventRow, TRAINING

MAX_TITLE, MAX_PLACE, MAX_CAPACITY = 64, 100, 2000
# Attendance is taken from a little before the start until the day is over; staff may mark it later too.
ATTENDANCE_OPENS = timedelta(hours=2)
ATTENDANCE_CLOSES = timedelta(hours=12)


@dataclass(frozen=True)
class Event:
    id: int
    kind: str
    title: str
    place: str
    starts_at: datetime
    capacity: int
    seats_taken: int
    audience: str
    community: str | None
    service_code: str | None
    certificate_months: int | None
    created_by: int
    qr_ticket: str | None

    @property
    def seats_left(self) -> int:
        return self.capacity - self.seats_taken

    @property
    def certifies(self) -> bool:
        return self.kind == TRAINING and self.service_code is not None

    def open_to(self, community: str | None) -> bool:
        return self.audience != "community" or self.community is None or self.community == community

    def taking_attendance(self, now: datetime) -> bool:
        return self.starts_at - ATTENDANCE_OPENS <= now <= self.starts_at + ATTENDANCE_CLOSES


def as_event(row: EventRow) -> Event:
    return Event(row.id, row.kind, row.title, row.place, row.starts_at, row.capacity, row.seats_taken, row.audience,
                 row.community, row.service_code, row.certificate_months, row.created_by, row.qr_ticket)


@dataclass(frozen=True)
class Place:
    """A member's place at an event: a seat, or the n-th in the queue (`waiting_place`)."""

    event: Event
    status: str  # SEATED, WAITING or CANCELLED
    waiting_place: int = 0
    attended: bool = False


@dataclass(frozen=True)
class SignUp:
    """What a sign-up did: `code` is "" when it did something, else why not (not_found, over, not_open)."""

    code: str
    place: Place | None = None
    again: bool = False  # the member already held this place: a resend, or a second ask


@dataclass(frozen=True)
class Cancelled:
    code: str  # "", not_found, over, not_signed_up
    was: str = ""  # SEATED or WAITING
    moved_up: int | None = None  # the member who took the freed seat


@dataclass(frozen=True)
class Attendance:
    code: str  # "", not_found, not_now, not_seated
    first: bool = False  # this call recorded it (a second scan records nothing)
    certify: bool = False  # a training: the caller records the certificate (claimed, at most once)
    place: Place | None = None
