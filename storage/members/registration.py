"""Registering members, and finding them by id, WeChat openid or phone."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import or_, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit
from storage.base import utcnow
from storage.db import Sessions, one_statement
from storage.members.access import actor_ref, actor_row
from storage.members.errors import AlreadyRegistered, ConsentRequired, InvalidValue, NotAllowed
from storage.members.rows import as_member
from storage.members.sealing import write_personal
from storage.members.tables import MemberRow
from storage.members.validation import (clean_availability, clean_birth_year, clean_community, clean_skills,
                                        normalized_personal)
from storage.members.values import ACTIVE, ROLES, Actor, Consent, Member, PersonalData
from storage.privacy import KeyRing, phone_hash


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
    cleaned = normalized_personal(vars(personal))
    hashed = cleaned["phone"] and phone_hash(keyring, cleaned["phone"])
    profile = dict(community=clean_community(community), birth_year=clean_birth_year(birth_year),
                   skills=clean_skills(skills), availability=clean_availability(availability))
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
            write_personal(row, keyring, cleaned)  # with the phone hash: a rival insert fails at commit
            await audit.record(session, actor=registrar or audit.member_actor(row.id), action="register",
                               subject_id=row.id, detail={"role": role, "consent_version": consent.version,
                                                          "fields": sorted(f for f, v in cleaned.items() if v)})
            return as_member(row)
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
        return as_member(same[0])
    if rows:
        raise AlreadyRegistered("openid" if openid and rows[0].openid == openid else "phone", rows[0].id)
    return None


async def _registrar(session: AsyncSession, registered_by: Actor | None) -> str | None:
    if registered_by is None:
        return None
    row = await actor_row(session, registered_by)
    if row is not None and row.status != ACTIVE:
        raise NotAllowed("register", "the registering member is not active")
    return actor_ref(row)


async def member_by_id(sessions: Sessions, member_id: int) -> Member | None:
    async with one_statement(sessions) as session:
        row = await session.get(MemberRow, member_id)
    return None if row is None else as_member(row)


async def members_by_ids(sessions: Sessions, member_ids: Iterable[int]) -> list[Member]:
    """Those of them who exist, in id order: one query for the several people a notice goes to."""
    wanted = set(member_ids)
    if not wanted:
        return []
    async with one_statement(sessions) as session:
        rows = (await session.execute(
            select(MemberRow).where(MemberRow.id.in_(wanted)).order_by(MemberRow.id))).scalars().all()
    return [as_member(row) for row in rows]


async def member_by_openid(sessions: Sessions, openid: str) -> Member | None:
    return await _member_where(sessions, MemberRow.openid == openid)


async def member_by_phone(sessions: Sessions, keyring: KeyRing, phone: str) -> Member | None:
    """By the keyed hash of the normalized phone; raises InvalidPhone for something that is not one."""
    return await _member_where(sessions, MemberRow.phone_hash == phone_hash(keyring, phone))


async def _member_where(sessions: Sessions, condition) -> Member | None:
    async with one_statement(sessions) as session:
        row = (await session.execute(select(MemberRow).where(condition))).scalar_one_or_none()
    return None if row is None else as_member(row)
