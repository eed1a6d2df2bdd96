"""Members and their personal data: registration, roles, family bindings, training certificates, consent.

Every function takes the app's `async_sessionmaker`, runs its own transaction
and returns frozen values, never ORM rows. Personal data (see
`PERSONAL_FIELDS`) is stored only encrypted (storage.privacy), found by a
keyed hash, shown masked (`masked_profile`), and read in the clear only
through `reveal`, which checks the reader's right and writes the audit log in
the same transaction. See docs/privacy.md.

Acting members are named by `Actor`. `SYSTEM` is the operator's CLI and the
background jobs: trusted for staff and admin actions, but nobody's self,
family or staff, so it neither reads nor edits anyone's personal data.
"""

from __future__ import annotations

import re
from collections.abc import Awaitable, Callable, Iterable
from dataclasses import dataclass, fields as dataclass_fields
from datetime import date, datetime

from sqlalchemy import (JSON, Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text,
                        UniqueConstraint, delete, or_, select)
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession, async_sessionmaker
from sqlalchemy.orm import Mapped, mapped_column

from storage import audit
from storage.base import Base, UTCDateTime, utcnow
from storage.privacy import (KeyRing, decrypt, encrypt, key_id_of, mask_address, mask_id_number, mask_name,
                             mask_phone, normalize_phone, phone_hash)

Sessions = async_sessionmaker[AsyncSession]

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


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


# ---------------------------------------------------------------- tables

class MemberRow(Base):
    __tablename__ = "members"
    __table_args__ = (
        CheckConstraint(_one_of("role", ROLES), name="known_role"),
        CheckConstraint(_one_of("status", STATUSES), name="known_status"),
        CheckConstraint("is_staff OR NOT is_admin", name="admin_is_staff"),
        # An erased row keeps nothing that points at a person; the database holds us to it.
        CheckConstraint(
            "erased_at IS NULL OR (openid IS NULL AND phone_hash IS NULL AND real_name_enc IS NULL"
            " AND phone_enc IS NULL AND address_enc IS NULL AND emergency_name_enc IS NULL"
            " AND emergency_phone_enc IS NULL AND id_number_enc IS NULL)",
            name="erased_holds_nothing"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # NULL for an elder that staff registered without WeChat, and after erasure.
    openid: Mapped[str | None] = mapped_column(String(OPENID_LENGTH), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    is_staff: Mapped[bool] = mapped_column(Boolean, default=False)
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16), default=ACTIVE)
    community: Mapped[str | None] = mapped_column(String(32), index=True)
    birth_year: Mapped[int | None] = mapped_column(Integer)
    in_need: Mapped[bool] = mapped_column(Boolean, default=False)
    skills: Mapped[list] = mapped_column(JSON)
    # Free text ("weekday mornings") or a list of slots; storage keeps whichever was given.
    availability: Mapped[str | list | None] = mapped_column(JSON)
    verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    verified_by: Mapped[str | None] = mapped_column(String(REF_LENGTH))
    # Personal data: "<key id>:<base64 nonce+ciphertext>", see storage.privacy.
    real_name_enc: Mapped[str | None] = mapped_column(Text)
    phone_enc: Mapped[str | None] = mapped_column(Text)
    address_enc: Mapped[str | None] = mapped_column(Text)
    emergency_name_enc: Mapped[str | None] = mapped_column(Text)
    emergency_phone_enc: Mapped[str | None] = mapped_column(Text)
    id_number_enc: Mapped[str | None] = mapped_column(Text)
    # HMAC of the normalized phone: finds a member by phone, and makes one phone one member.
    phone_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    consent_version: Mapped[str] = mapped_column(String(32))
    consent_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    registered_by: Mapped[str | None] = mapped_column(String(REF_LENGTH))
    broadcasts_opted_out: Mapped[bool] = mapped_column(Boolean, default=False)
    pushes_stopped: Mapped[bool] = mapped_column(Boolean, default=False)
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class FamilyBindingRow(Base):
    __tablename__ = "family_bindings"
    __table_args__ = (
        UniqueConstraint("family_member_id", "elder_id"),
        CheckConstraint("family_member_id <> elder_id", name="two_members"),
        CheckConstraint(_one_of("status", BINDING_STATUSES), name="known_status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    family_member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    elder_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    relation: Mapped[str] = mapped_column(String(MAX_RELATION_CHARS))
    status: Mapped[str] = mapped_column(String(16))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime())
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    confirmed_by: Mapped[str | None] = mapped_column(String(REF_LENGTH))


class CertificateRow(Base):
    __tablename__ = "member_certificates"
    __table_args__ = (
        CheckConstraint("expires_on IS NULL OR expires_on >= issued_on", name="expires_after_issue"),
        Index("ix_member_certificates_member_id_service_code", "member_id", "service_code"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    service_code: Mapped[str] = mapped_column(String(32))
    issuer: Mapped[str] = mapped_column(String(100))
    issued_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date)  # NULL: does not expire
    recorded_by: Mapped[str] = mapped_column(String(REF_LENGTH))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())


# ---------------------------------------------------------------- values

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


# ---------------------------------------------------------------- errors

class MemberError(Exception):
    code = "member_error"


class InvalidValue(MemberError, ValueError):
    code = "invalid_value"


class ConsentRequired(MemberError):
    code = "consent_required"


class MemberNotFound(MemberError, LookupError):
    code = "member_not_found"


class MemberClosed(MemberError):
    code = "member_closed"


class AlreadyRegistered(MemberError):
    """The openid or phone belongs to another member (`field` says which)."""

    code = "already_registered"

    def __init__(self, field: str, member_id: int):
        super().__init__(f"this {field} is already registered to member {member_id}")
        self.field = field
        self.member_id = member_id


class NotAllowed(MemberError, PermissionError):
    code = "not_allowed"

    def __init__(self, action: str, why: str):
        super().__init__(f"{action}: {why}")
        self.action = action


class RevealRefused(NotAllowed):
    code = "reveal_refused"


class BindingNotFound(MemberError, LookupError):
    code = "binding_not_found"


# ---------------------------------------------------------------- rules as tables

def _text(limit: int) -> Callable[[str], str]:
    def clean(value: str) -> str:
        text = " ".join(value.split())
        if len(text) > limit:
            raise InvalidValue(f"at most {limit} characters")
        return text
    return clean


def _id_number(value: str) -> str:
    return _text(32)("".join(value.split()).upper())


NORMALIZE = {
    "real_name": _text(50),
    "phone": normalize_phone,
    "address": _text(200),
    "emergency_name": _text(50),
    "emergency_phone": normalize_phone,
    "id_number": _id_number,
}
MASK = {
    "real_name": mask_name,
    "phone": mask_phone,
    "address": mask_address,
    "emergency_name": mask_name,
    "emergency_phone": mask_phone,
    "id_number": mask_id_number,
}

SELF, STAFF, FAMILY_OF, TASK_VOLUNTEER = "self", "staff", "family", "task_volunteer"
ALL_FIELDS = frozenset(PERSONAL_FIELDS)
# Who may see which unmasked fields. A volunteer gets what it takes to find and call the elder, no more.
REVEAL_RIGHTS: dict[str, frozenset[str]] = {
    SELF: ALL_FIELDS,
    STAFF: ALL_FIELDS,
    FAMILY_OF: ALL_FIELDS - {"id_number"},
    TASK_VOLUNTEER: frozenset({"real_name", "phone", "address"}),
}
PROFILE_EDITORS = frozenset({SELF, STAFF, FAMILY_OF})

STAFF_ONLY, ADMIN_ONLY = "staff", "admin"
# Actions on someone else's standing, and the right each needs. None is SYSTEM, trusted with all of them.
NEEDS: dict[str, str] = {
    "verify": STAFF_ONLY, "suspend": STAFF_ONLY, "reinstate": STAFF_ONLY, "set_in_need": STAFF_ONLY,
    "certificate": STAFF_ONLY, "confirm_binding": STAFF_ONLY, "end_binding": STAFF_ONLY,
    "make_staff": ADMIN_ONLY, "revoke_staff": ADMIN_ONLY,
}
HOLDS_RIGHT: dict[str, Callable[[MemberRow], bool]] = {
    STAFF_ONLY: lambda row: row.status == ACTIVE and row.is_staff,
    ADMIN_ONLY: lambda row: row.status == ACTIVE and row.is_admin,
}


# ---------------------------------------------------------------- shared helpers

def _associated(member_id: int, field: str) -> str:
    return f"members:{member_id}:{field}"


def _seal(keyring: KeyRing, member_id: int, field: str, value: str | None) -> str | None:
    return None if value is None else encrypt(keyring, value, _associated(member_id, field))


def _open(keyring: KeyRing, row: MemberRow, field: str) -> str | None:
    stored = getattr(row, f"{field}_enc")
    return None if stored is None else decrypt(keyring, stored, _associated(row.id, field))


def _normalized_personal(values: dict[str, str | None]) -> dict[str, str | None]:
    return {field: _normalized(field, value) for field, value in values.items()}


def _normalized(field: str, value: str | None) -> str | None:
    """The stored form of one personal value; an empty one is no value."""
    if not value:
        return None
    try:
        return NORMALIZE[field](value) or None
    except ValueError as error:
        raise InvalidValue(f"{field}: {error}") from None


def _write_personal(row: MemberRow, keyring: KeyRing, cleaned: dict[str, str | None]) -> None:
    for field, value in cleaned.items():
        setattr(row, f"{field}_enc", _seal(keyring, row.id, field, value))
    if "phone" in cleaned:
        row.phone_hash = None if cleaned["phone"] is None else phone_hash(keyring, cleaned["phone"])


def _skills(skills: Iterable[str]) -> list[str]:
    codes = list(dict.fromkeys(skills))
    bad = [code for code in codes if not isinstance(code, str) or not SERVICE_CODE.fullmatch(code)]
    if bad:
        raise InvalidValue(f"not service codes: {bad}")
    return codes


def _availability(value: str | Iterable[str] | None) -> str | list[str] | None:
    clean = _text(MAX_AVAILABILITY_CHARS)
    if value is None or isinstance(value, str):
        return clean(value or "") or None
    return [slot for slot in map(clean, value) if slot] or None


def _birth_year(year: int | None) -> int | None:
    if year is not None and not EARLIEST_BIRTH_YEAR <= year <= utcnow().year:
        raise InvalidValue(f"birth year {year} is out of range")
    return year


def _community(code: str | None) -> str | None:
    return _text(32)(code or "") or None


# Profile fields besides personal data that update_profile may change, with their cleaners.
PROFILE_FIELDS: dict[str, Callable] = {
    "community": _community,
    "birth_year": _birth_year,
    "skills": _skills,
    "availability": _availability,
    "broadcasts_opted_out": bool,
}


def _member(row: MemberRow) -> Member:
    availability = row.availability
    return Member(
        id=row.id, openid=row.openid, role=row.role, is_staff=row.is_staff, is_admin=row.is_admin,
        status=row.status, community=row.community, birth_year=row.birth_year, in_need=row.in_need,
        skills=tuple(row.skills or ()),
        availability=tuple(availability) if isinstance(availability, list) else availability,
        verified_at=row.verified_at, verified_by=row.verified_by,
        consent=Consent(row.consent_version, row.consent_at), created_at=row.created_at,
        registered_by=row.registered_by, broadcasts_opted_out=row.broadcasts_opted_out,
        pushes_stopped=row.pushes_stopped, erased_at=row.erased_at)


def _binding(row: FamilyBindingRow) -> Binding:
    return Binding(row.id, row.family_member_id, row.elder_id, row.relation, row.status,
                   row.requested_at, row.confirmed_at, row.confirmed_by)


def _certificate(row: CertificateRow) -> Certificate:
    return Certificate(row.id, row.member_id, row.service_code, row.issuer, row.issued_on, row.expires_on,
                       row.recorded_by, row.recorded_at)


async def _lock_member(session: AsyncSession, member_id: int, *, open_only: bool = False) -> MemberRow:
    """The member's row, locked against concurrent changes until commit (PostgreSQL; SQLite has one writer)."""
    row = (await session.execute(
        select(MemberRow).where(MemberRow.id == member_id).with_for_update()
        .execution_options(populate_existing=True))).scalar_one_or_none()
    if row is None:
        raise MemberNotFound(f"no member {member_id}")
    if open_only and row.status == CLOSED:
        raise MemberClosed(f"member {member_id} is closed")
    return row


async def _member_row(session: AsyncSession, member_id: int) -> MemberRow:
    row = await session.get(MemberRow, member_id)
    if row is None:
        raise MemberNotFound(f"no member {member_id}")
    return row


async def _actor_row(session: AsyncSession, actor: Actor) -> MemberRow | None:
    return None if actor.member_id is None else await _member_row(session, actor.member_id)


def _actor_ref(row: MemberRow | None) -> str:
    return audit.SYSTEM if row is None else audit.member_actor(row.id, row.is_staff)


async def _authorize(session: AsyncSession, actor: Actor, action: str) -> str:
    """The actor's audit ref, if they hold the right the action needs (read now, not from a stale value)."""
    row = await _actor_row(session, actor)
    if row is not None and not HOLDS_RIGHT[NEEDS[action]](row):
        raise NotAllowed(action, f"{NEEDS[action]} only")
    return _actor_ref(row)


async def _confirmed_binding_exists(session: AsyncSession, family_member_id: int, elder_id: int) -> bool:
    found = await session.execute(select(FamilyBindingRow.id).where(
        FamilyBindingRow.family_member_id == family_member_id, FamilyBindingRow.elder_id == elder_id,
        FamilyBindingRow.status == CONFIRMED))
    return found.first() is not None


def _is_active(row: MemberRow | None) -> bool:
    return row is not None and row.status == ACTIVE


async def _relations(session: AsyncSession, reader: MemberRow | None, subject: MemberRow) -> set[str]:
    """What the reader is to the subject, as far as the members' own tables can tell."""
    if not _is_active(reader):
        return set()
    relations = set()
    if reader.id == subject.id:
        relations.add(SELF)
    if reader.is_staff:
        relations.add(STAFF)
    if await _confirmed_binding_exists(session, reader.id, subject.id):
        relations.add(FAMILY_OF)
    return relations


# ---------------------------------------------------------------- registration and lookups

async def register_member(sessions: Sessions, keyring: KeyRing, *, role: str, consent: Consent | None,
                          personal: PersonalData = PersonalData(), openid: str | None = None,
                          community: str | None = None, birth_year: int | None = None,
                          skills: Iterable[str] = (), availability: str | Iterable[str] | None = None,
                          registered_by: Actor | None = None) -> Member:
    """A new member; the same registration sent again returns the member it made.

    Raises ConsentRequired without consent, AlreadyRegistered when the openid
    or phone is another member's (also when a concurrent registration won).
    """
    if consent is None:
        raise ConsentRequired("no personal data is stored without consent to the privacy notice")
    if role not in ROLES:
        raise InvalidValue(f"role must be one of {ROLES}, got {role!r}")
    cleaned = _normalized_personal(vars(personal))
    hashed = cleaned["phone"] and phone_hash(keyring, cleaned["phone"])
    profile = dict(community=_community(community), birth_year=_birth_year(birth_year),
                   skills=_skills(skills), availability=_availability(availability))
    try:
        async with sessions.begin() as session:
            existing = await _registered(session, openid, hashed)
            if existing is not None:
                return existing
            registrar = await _registrar(session, registered_by)
            row = MemberRow(openid=openid, role=role, is_staff=False, is_admin=False, status=ACTIVE,
                            in_need=False, consent_version=consent.version, consent_at=consent.at,
                            created_at=utcnow(), registered_by=registrar, broadcasts_opted_out=False,
                            pushes_stopped=False, **profile)
            session.add(row)
            await session.flush()  # the id, which every ciphertext is bound to
            _write_personal(row, keyring, cleaned)  # with the phone hash: a rival insert fails at commit
            await audit.record(session, actor=registrar or audit.member_actor(row.id), action="register",
                               subject_id=row.id, detail={"role": role, "consent_version": consent.version,
                                                          "fields": sorted(f for f, v in cleaned.items() if v)})
            return _member(row)
    except IntegrityError:
        # A concurrent registration took the openid or the phone between our check and our insert.
        async with sessions() as session:
            existing = await _registered(session, openid, hashed)
        if existing is None:
            raise
        return existing


async def _registered(session: AsyncSession, openid: str | None, hashed: str | None) -> Member | None:
    """The member this registration repeats; AlreadyRegistered if it collides with a different one."""
    keys = [column == value for column, value in ((MemberRow.openid, openid), (MemberRow.phone_hash, hashed)) if value]
    if not keys:
        return None
    rows = (await session.execute(select(MemberRow).where(or_(*keys)).order_by(MemberRow.id))).scalars().all()
    same = [row for row in rows if row.openid == openid and row.phone_hash == hashed]
    if same:
        return _member(same[0])
    if rows:
        raise AlreadyRegistered("openid" if openid and rows[0].openid == openid else "phone", rows[0].id)
    return None


async def _registrar(session: AsyncSession, registered_by: Actor | None) -> str | None:
    if registered_by is None:
        return None
    row = await _actor_row(session, registered_by)
    if row is not None and row.status != ACTIVE:
        raise NotAllowed("register", "the registering member is not active")
    return _actor_ref(row)


async def member_by_id(sessions: Sessions, member_id: int) -> Member | None:
    async with sessions() as session:
        row = await session.get(MemberRow, member_id)
    return None if row is None else _member(row)


async def member_by_openid(sessions: Sessions, openid: str) -> Member | None:
    return await _member_where(sessions, MemberRow.openid == openid)


async def member_by_phone(sessions: Sessions, keyring: KeyRing, phone: str) -> Member | None:
    """By the keyed hash of the normalized phone; raises InvalidPhone for something that is not one."""
    return await _member_where(sessions, MemberRow.phone_hash == phone_hash(keyring, phone))


async def _member_where(sessions: Sessions, condition) -> Member | None:
    async with sessions() as session:
        row = (await session.execute(select(MemberRow).where(condition))).scalar_one_or_none()
    return None if row is None else _member(row)


# ---------------------------------------------------------------- profile and following

async def update_profile(sessions: Sessions, keyring: KeyRing, member_id: int, by: Actor, **changes) -> Member:
    """Change personal data and profile fields; None clears one. By the member, bound family or staff.

    Personal fields are PERSONAL_FIELDS; the others are PROFILE_FIELDS.
    """
    unknown = set(changes) - set(PERSONAL_FIELDS) - set(PROFILE_FIELDS)
    if unknown:
        raise InvalidValue(f"not profile fields: {sorted(unknown)}")
    personal = _normalized_personal({f: v for f, v in changes.items() if f in NORMALIZE})
    profile = {f: PROFILE_FIELDS[f](v) for f, v in changes.items() if f in PROFILE_FIELDS}
    try:
        async with sessions.begin() as session:
            row = await _lock_member(session, member_id, open_only=True)
            editor = await _actor_row(session, by)
            if not await _relations(session, editor, row) & PROFILE_EDITORS:
                raise NotAllowed("update_profile", "only the member, bound family or staff")
            _write_personal(row, keyring, personal)
            for field, value in profile.items():
                setattr(row, field, value)
            await audit.record(session, actor=_actor_ref(editor), action="update_profile", subject_id=row.id,
                               detail={"fields": sorted(changes)})
            return _member(row)
    except IntegrityError:
        # phone_hash is the only unique value a profile update can collide on.
        owner = personal.get("phone") and await member_by_phone(sessions, keyring, personal["phone"])
        if not owner:
            raise
        raise AlreadyRegistered("phone", owner.id) from None


async def set_following(sessions: Sessions, openid: str, following: bool) -> Member | None:
    """Unfollow stops pushes. Following again restores nothing by itself: see reattach_openid."""
    async with sessions.begin() as session:
        row = (await session.execute(select(MemberRow).where(MemberRow.openid == openid).with_for_update())
               ).scalar_one_or_none()
        if row is None:
            return None
        if not following:
            row.pushes_stopped = True
        return _member(row)


async def reattach_openid(sessions: Sessions, member_id: int, openid: str) -> Member:
    """Link a WeChat account to a member and restore pushes, once the caller has confirmed who it is.

    For a follower coming back, a member on a new WeChat account, or an elder
    whom staff registered without one. The identity check (the registered
    phone, better with a code sent to it) is the caller's; the log keeps the link.
    """
    try:
        async with sessions.begin() as session:
            holder = (await session.execute(select(MemberRow.id).where(MemberRow.openid == openid))).scalar()
            if holder is not None and holder != member_id:
                raise AlreadyRegistered("openid", holder)
            row = await _lock_member(session, member_id, open_only=True)
            row.openid, row.pushes_stopped = openid, False
            await audit.record(session, actor=audit.member_actor(member_id), action="reattach", subject_id=member_id)
            return _member(row)
    except IntegrityError:
        holder = await member_by_openid(sessions, openid)
        raise AlreadyRegistered("openid", holder.id if holder else 0) from None


# ---------------------------------------------------------------- staff actions

async def _staff_action(sessions: Sessions, action: str, member_id: int, by: Actor,
                        change: Callable[[MemberRow, str], None], reason: str | None = None) -> Member:
    async with sessions.begin() as session:
        actor = await _authorize(session, by, action)
        row = await _lock_member(session, member_id, open_only=True)
        change(row, actor)
        await audit.record(session, actor=actor, action=action, subject_id=row.id, reason=reason)
        return _member(row)


def _verify(row: MemberRow, actor: str) -> None:
    if row.role != VOLUNTEER:
        raise InvalidValue(f"member {row.id} is not a volunteer")
    if row.verified_at is None:  # the first verification stands
        row.verified_at, row.verified_by = utcnow(), actor


async def verify_volunteer(sessions: Sessions, member_id: int, by: Actor) -> Member:
    return await _staff_action(sessions, "verify", member_id, by, _verify)


async def suspend_member(sessions: Sessions, member_id: int, by: Actor, reason: str) -> Member:
    if not reason.strip():
        raise InvalidValue("a suspension needs a reason")
    return await _staff_action(sessions, "suspend", member_id, by,
                               lambda row, _: setattr(row, "status", SUSPENDED), reason)


async def reinstate_member(sessions: Sessions, member_id: int, by: Actor, reason: str | None = None) -> Member:
    return await _staff_action(sessions, "reinstate", member_id, by,
                               lambda row, _: setattr(row, "status", ACTIVE), reason)


async def set_in_need(sessions: Sessions, member_id: int, by: Actor, in_need: bool,
                      reason: str | None = None) -> Member:
    return await _staff_action(sessions, "set_in_need", member_id, by,
                               lambda row, _: setattr(row, "in_need", in_need), reason)


def _promote(admin: bool) -> Callable[[MemberRow, str], None]:
    def change(row: MemberRow, _actor: str) -> None:
        row.is_staff, row.is_admin = True, row.is_admin or admin
    return change


def _demote(row: MemberRow, _actor: str) -> None:
    row.is_staff = row.is_admin = False


async def make_staff(sessions: Sessions, member_id: int, by: Actor, *, admin: bool = False) -> Member:
    """Admins only (or SYSTEM, for the first admin from the CLI)."""
    return await _staff_action(sessions, "make_staff", member_id, by, _promote(admin))


async def revoke_staff(sessions: Sessions, member_id: int, by: Actor) -> Member:
    return await _staff_action(sessions, "revoke_staff", member_id, by, _demote)


# ---------------------------------------------------------------- training certificates

async def record_certificate(sessions: Sessions, member_id: int, service_code: str, issuer: str, issued_on: date,
                             expires_on: date | None, *, by: Actor) -> Certificate:
    """Staff record a training certificate; expires_on None never expires, else it is valid through that day."""
    _skills([service_code])
    issuer = _text(100)(issuer)
    if not issuer:
        raise InvalidValue("a certificate needs its issuer")
    if expires_on is not None and expires_on < issued_on:
        raise InvalidValue("a certificate cannot expire before it is issued")
    async with sessions.begin() as session:
        actor = await _authorize(session, by, "certificate")
        await _lock_member(session, member_id, open_only=True)
        row = CertificateRow(member_id=member_id, service_code=service_code, issuer=issuer, issued_on=issued_on,
                             expires_on=expires_on, recorded_by=actor, recorded_at=utcnow())
        session.add(row)
        await session.flush()
        await audit.record(session, actor=actor, action="certificate", subject_id=member_id,
                           detail={"certificate_id": row.id, "service_code": service_code})
        return _certificate(row)


async def certificates_of(sessions: Sessions, member_id: int) -> list[Certificate]:
    async with sessions() as session:
        rows = (await session.execute(select(CertificateRow).where(CertificateRow.member_id == member_id)
                                      .order_by(CertificateRow.id))).scalars().all()
    return [_certificate(row) for row in rows]


async def is_certified(sessions: Sessions, member_id: int, service_code: str, on_date: date) -> bool:
    return any(certificate.valid_on(on_date) for certificate in await certificates_of(sessions, member_id)
               if certificate.service_code == service_code)


# ---------------------------------------------------------------- family proxy (亲情代理)

async def request_binding(sessions: Sessions, family_member_id: int, elder_id: int, relation: str) -> Binding:
    """A family member asks to act for an elder; pending until the elder or staff confirms.

    Asking again returns the binding already there. Any active member may ask:
    a volunteer is often someone's child too.
    """
    relation = _text(MAX_RELATION_CHARS)(relation)
    if not relation:
        raise InvalidValue("say how the family member is related, e.g. 女儿")
    if family_member_id == elder_id:
        raise InvalidValue("a member cannot bind to themself")
    try:
        async with sessions.begin() as session:
            existing = await _binding_between(session, family_member_id, elder_id)
            if existing is not None:
                return _binding(existing)
            family = await _member_row(session, family_member_id)
            elder = await _member_row(session, elder_id)
            if family.status != ACTIVE or elder.status == CLOSED:
                raise NotAllowed("bind", "both members must be open, the requester active")
            if elder.role != ELDER:
                raise InvalidValue(f"member {elder_id} is not an elder")
            row = FamilyBindingRow(family_member_id=family_member_id, elder_id=elder_id, relation=relation,
                                   status=PENDING, requested_at=utcnow())
            session.add(row)
            await session.flush()
            await audit.record(session, actor=_actor_ref(family), action="bind", subject_id=elder_id,
                               detail={"binding_id": row.id, "family_member_id": family_member_id})
            return _binding(row)
    except IntegrityError:
        # The same request, sent twice at once: the other one made the row.
        async with sessions() as session:
            existing = await _binding_between(session, family_member_id, elder_id)
        if existing is None:
            raise
        return _binding(existing)


async def _binding_between(session: AsyncSession, family_member_id: int, elder_id: int) -> FamilyBindingRow | None:
    return (await session.execute(select(FamilyBindingRow).where(
        FamilyBindingRow.family_member_id == family_member_id, FamilyBindingRow.elder_id == elder_id))
    ).scalar_one_or_none()


async def _lock_binding(session: AsyncSession, binding_id: int) -> FamilyBindingRow:
    row = (await session.execute(select(FamilyBindingRow).where(FamilyBindingRow.id == binding_id)
                                 .with_for_update())).scalar_one_or_none()
    if row is None:
        raise BindingNotFound(f"no binding {binding_id}")
    return row


async def _party_or_staff(session: AsyncSession, actor: Actor, parties: tuple[int, ...], action: str, *,
                          party_must_be_active: bool) -> str:
    """The audit ref of an actor who is one of the parties, or who holds the right the action needs."""
    if actor.member_id not in parties:
        return await _authorize(session, actor, action)
    row = await _actor_row(session, actor)
    if party_must_be_active and row.status != ACTIVE:
        raise NotAllowed(action, "the account is not active")
    return _actor_ref(row)


async def confirm_binding(sessions: Sessions, binding_id: int, confirmer: Actor) -> Binding:
    """By the elder themself or by staff; records who. Confirming again changes nothing."""
    async with sessions.begin() as session:
        row = await _lock_binding(session, binding_id)
        actor = await _party_or_staff(session, confirmer, (row.elder_id,), "confirm_binding",
                                      party_must_be_active=True)
        if row.status == PENDING:
            row.status, row.confirmed_at, row.confirmed_by = CONFIRMED, utcnow(), actor
            await audit.record(session, actor=actor, action="confirm_binding", subject_id=row.elder_id,
                               detail={"binding_id": row.id, "family_member_id": row.family_member_id})
        return _binding(row)


async def end_binding(sessions: Sessions, binding_id: int, by: Actor) -> None:
    """The elder, the family member or staff ends a binding; it is deleted, the log keeps that it was."""
    async with sessions.begin() as session:
        row = await _lock_binding(session, binding_id)
        # Withdrawing access is always open to either party, whatever their standing.
        actor = await _party_or_staff(session, by, (row.elder_id, row.family_member_id), "end_binding",
                                      party_must_be_active=False)
        await session.delete(row)
        await audit.record(session, actor=actor, action="end_binding", subject_id=row.elder_id,
                           detail={"binding_id": row.id, "family_member_id": row.family_member_id})


async def _bindings(sessions: Sessions, *conditions) -> list[Binding]:
    async with sessions() as session:
        rows = (await session.execute(select(FamilyBindingRow).where(*conditions)
                                      .order_by(FamilyBindingRow.id))).scalars().all()
    return [_binding(row) for row in rows]


async def bound_elders(sessions: Sessions, family_member_id: int) -> list[Binding]:
    """The confirmed bindings of a family member: the elders they may act for."""
    return await _bindings(sessions, FamilyBindingRow.family_member_id == family_member_id,
                           FamilyBindingRow.status == CONFIRMED)


async def family_of(sessions: Sessions, elder_id: int, *, include_pending: bool = False) -> list[Binding]:
    statuses = BINDING_STATUSES if include_pending else (CONFIRMED,)
    return await _bindings(sessions, FamilyBindingRow.elder_id == elder_id, FamilyBindingRow.status.in_(statuses))


async def is_bound(sessions: Sessions, family_member_id: int, elder_id: int) -> bool:
    async with sessions() as session:
        return await _confirmed_binding_exists(session, family_member_id, elder_id)


# ---------------------------------------------------------------- reading personal data

def _known_fields(fields: Iterable[str]) -> frozenset[str]:
    wanted = frozenset(fields)
    if not wanted or not wanted <= ALL_FIELDS:
        raise InvalidValue(f"fields must be a non-empty subset of {PERSONAL_FIELDS}, got {sorted(wanted)}")
    return wanted


async def masked_profile(sessions: Sessions, keyring: KeyRing, member_id: int) -> PersonalData:
    """Personal data as it may be shown to anyone the caller shows the member to: masked, not logged."""
    async with sessions() as session:
        row = await _member_row(session, member_id)
    opened = {field: _open(keyring, row, field) for field in PERSONAL_FIELDS}
    return PersonalData(**{field: value and MASK[field](value) for field, value in opened.items()})


async def reveal(sessions: Sessions, keyring: KeyRing, reader: Actor, member_id: int, fields: Iterable[str],
                 purpose: Purpose, allowed: Vouch = False) -> PersonalData:
    """The one way to read personal data unmasked: checked against REVEAL_RIGHTS, logged either way.

    The member's own tables tell self, staff and confirmed family apart.
    Whether the reader is the accepted volunteer of an active task they do not
    know: the caller names the task in `purpose` and vouches with `allowed`.
    Only the asked fields are filled in. A refusal is logged, then raised as
    RevealRefused.
    """
    wanted = _known_fields(fields)
    if allowed is not False and purpose.task_id is None:
        raise InvalidValue("`allowed` vouches for a task: name it with Purpose.for_task(task_id)")
    async with sessions.begin() as session:
        subject = await _member_row(session, member_id)
        reader_row = await _actor_row(session, reader)
        relations = await _relations(session, reader_row, subject)
        if _is_active(reader_row) and purpose.task_id is not None and await _vouched(allowed, session):
            relations.add(TASK_VOLUNTEER)
        permitted = frozenset().union(*(REVEAL_RIGHTS[relation] for relation in relations))
        granted = wanted <= permitted
        await audit.record(session, actor=_actor_ref(reader_row), action="reveal" if granted else "reveal_refused",
                           subject_id=member_id, reason=purpose.reason,
                           detail={"fields": sorted(wanted), "relations": sorted(relations),
                                   "task_id": purpose.task_id})
        values = {field: _open(keyring, subject, field) for field in wanted} if granted else None
    if values is None:
        raise RevealRefused("reveal", f"{sorted(wanted - permitted)} not open to this reader")
    return PersonalData(**values)


async def _vouched(allowed: Vouch, session: AsyncSession) -> bool:
    return await allowed(session) if callable(allowed) else bool(allowed)


# ---------------------------------------------------------------- erasure

async def erase_member(sessions: Sessions, member_id: int, actor: Actor) -> Erasure:
    """Erase all personal data and close the account, by the member or staff; idempotent.

    The row stays, pseudonymous, so the ledger's `member:<id>` account and the
    audit log still point somewhere. Its bindings and certificates go. Moving
    the remaining credits to the pool is the caller's, with the returned ledger_ref.
    """
    async with sessions.begin() as session:
        row = await _lock_member(session, member_id)
        eraser = await _actor_row(session, actor)
        # Erasure is the member's own right, whatever their standing; otherwise it is staff's.
        if eraser is not None and eraser.id != member_id and not HOLDS_RIGHT[STAFF_ONLY](eraser):
            raise NotAllowed("erase", "only the member themself or staff")
        if row.erased_at is None:
            _wipe(row)
            await session.execute(delete(FamilyBindingRow).where(
                or_(FamilyBindingRow.family_member_id == member_id, FamilyBindingRow.elder_id == member_id)))
            await session.execute(delete(CertificateRow).where(CertificateRow.member_id == member_id))
            await audit.record(session, actor=_actor_ref(eraser), action="erase", subject_id=member_id)
        return Erasure(member_id, ledger_ref(member_id), row.erased_at)


def _wipe(row: MemberRow) -> None:
    for field in PERSONAL_FIELDS:
        setattr(row, f"{field}_enc", None)
    row.phone_hash = row.openid = row.birth_year = row.availability = None
    row.skills = []
    row.is_staff = row.is_admin = row.in_need = False
    row.broadcasts_opted_out = row.pushes_stopped = True
    row.status, row.erased_at = CLOSED, utcnow()


# ---------------------------------------------------------------- key rotation

async def rotate(sessions: Sessions, keyring: KeyRing, batch_size: int = 100) -> int:
    """Re-encrypt every value not under the current key; returns how many. Idempotent, resumable.

    One transaction per batch of rows, each locked while it is rewritten, so
    a concurrent profile update is neither lost nor overwritten.
    """
    prefix = f"{keyring.current_key_id}:"
    columns = [getattr(MemberRow, f"{field}_enc") for field in PERSONAL_FIELDS]
    stale = or_(*(column.is_not(None) & ~column.startswith(prefix, autoescape=True) for column in columns))
    rewritten = 0
    while True:
        async with sessions.begin() as session:
            rows = (await session.execute(select(MemberRow).where(stale).order_by(MemberRow.id).limit(batch_size)
                                          .with_for_update().execution_options(populate_existing=True))
                    ).scalars().all()
            if not rows:
                return rewritten
            for row in rows:
                rewritten += _reseal(row, keyring)


def _reseal(row: MemberRow, keyring: KeyRing) -> int:
    stale = [field for field in PERSONAL_FIELDS
             if (stored := getattr(row, f"{field}_enc")) and key_id_of(stored) != keyring.current_key_id]
    for field in stale:
        setattr(row, f"{field}_enc", _seal(keyring, row.id, field, _open(keyring, row, field)))
    return len(stale)
