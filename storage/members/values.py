"""The frozen values members functions take and return, and the names and limits they use."""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, fields as dataclass_fields
from datetime import date, datetime

from sqlalchemy.ext.asyncio import AsyncSession

from storage.members.errors import InvalidValue

ELDER, VOLUNTEER, FAMILY = "elder", "volunteer", "family"
ROLES = (ELDER, VOLUNTEER, FAMILY)
ACTIVE, SUSPENDED, CLOSED = "active", "suspended", "closed"
STATUSES = (ACTIVE, SUSPENDED, CLOSED)
PENDING, CONFIRMED = "pending", "confirmed"
BINDING_STATUSES = (PENDING, CONFIRMED)

REF_LENGTH = 100
OPENID_LENGTH = 64
SERVICE_CODE = re.compile(r"[a-z][a-z0-9_]{0,31}")
MAX_AVAILABILITY_CHARS = 200
MAX_RELATION_CHARS = 16
EARLIEST_BIRTH_YEAR = 1900


@dataclass(frozen=True)
class Actor:
    """Who acts: a member by id, or SYSTEM (member_id None)."""

    member_id: int | None


SYSTEM = Actor(None)


@dataclass(frozen=True)
class Consent:
    """The privacy notice a person agreed to, and when: nothing personal is stored without it."""

    version: str
    at: datetime

    def __post_init__(self):
        if not self.version or len(self.version) > 32:
            raise InvalidValue("consent version must be 1 to 32 characters")
        if self.at.tzinfo is None:
            raise InvalidValue("consent time must be timezone-aware")


@dataclass(frozen=True)
class PersonalData:
    """Plaintext personal data: given to register and update, returned (only what was asked) by reveal."""

    real_name: str | None = None
    phone: str | None = None
    address: str | None = None
    emergency_name: str | None = None
    emergency_phone: str | None = None
    id_number: str | None = None


PERSONAL_FIELDS = tuple(field.name for field in dataclass_fields(PersonalData))


@dataclass(frozen=True)
class Member:
    id: int
    openid: str | None
    role: str
    is_staff: bool
    is_admin: bool
    status: str
    community: str | None
    birth_year: int | None
    in_need: bool
    skills: tuple[str, ...]
    availability: str | tuple[str, ...] | None
    verified_at: datetime | None
    verified_by: str | None
    consent: Consent
    created_at: datetime
    registered_by: str | None
    broadcasts_opted_out: bool
    pushes_stopped: bool
    erased_at: datetime | None
    offers_paused_until: datetime | None = None  # 暂停接单

    @property
    def is_active(self) -> bool:
        return self.status == ACTIVE

    @property
    def is_verified(self) -> bool:
        return self.verified_at is not None

    @property
    def can_accept_tasks(self) -> bool:
        """Unverified volunteers may browse requests but not accept them."""
        return self.is_active and self.role == VOLUNTEER and self.is_verified

    @property
    def ledger_ref(self) -> str:
        return ledger_ref(self.id)

    @property
    def actor(self) -> Actor:
        return Actor(self.id)

    def age_on(self, day: date) -> int | None:
        """Age reached in that calendar year: only the birth year is kept, not the birthday."""
        return None if self.birth_year is None else day.year - self.birth_year


@dataclass(frozen=True)
class Binding:
    id: int
    family_member_id: int
    elder_id: int
    relation: str
    status: str
    requested_at: datetime
    confirmed_at: datetime | None
    confirmed_by: str | None

    @property
    def is_confirmed(self) -> bool:
        return self.status == CONFIRMED


@dataclass(frozen=True)
class Certificate:
    id: int
    member_id: int
    service_code: str
    issuer: str
    issued_on: date
    expires_on: date | None
    recorded_by: str
    recorded_at: datetime

    def valid_on(self, day: date) -> bool:
        return self.issued_on <= day and (self.expires_on is None or day <= self.expires_on)


@dataclass(frozen=True)
class Erasure:
    """What the caller needs to finish an erasure: the ledger account whose credits go to the pool."""

    member_id: int
    ledger_ref: str
    erased_at: datetime


@dataclass(frozen=True)
class Purpose:
    """Why personal data is read: a short code for the log, and the task when a volunteer reads."""

    reason: str
    task_id: int | None = None

    def __post_init__(self):
        if not self.reason.strip():
            raise InvalidValue("a reveal needs a reason for the log")

    @classmethod
    def for_task(cls, task_id: int) -> Purpose:
        return cls("task_contact", task_id)


# The caller's word that the reader is the accepted volunteer of the purpose's active task:
# a decision, or a check awaited inside reveal's own transaction.
Vouch = bool | Callable[[AsyncSession], Awaitable[bool]]


def ledger_ref(member_id: int) -> str:
    return f"member:{member_id}"


def member_id_of(ref: str) -> int | None:
    """The inverse of ledger_ref: the member behind a ledger account's owner, or None for the bank's own."""
    kind, _, number = ref.partition(":")
    return int(number) if kind == "member" and number.isdigit() else None
