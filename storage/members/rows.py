"""Reading and locking rows inside a transaction, and turning them into frozen values."""

from __future__ import annotations

import dataclasses

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.members.errors import MemberClosed, MemberNotFound
from storage.members.tables import CertificateRow, FamilyBindingRow, MemberRow
from storage.members.values import CLOSED, CONFIRMED, Binding, Certificate, Consent, Member


def as_member(row: MemberRow) -> Member:
    availability = row.availability
    return Member(
        id=row.id, openid=row.openid, role=row.role, is_staff=row.is_staff, is_admin=row.is_admin,
        status=row.status, community=row.community, birth_year=row.birth_year, in_need=row.in_need,
        skills=tuple(row.skills or ()),
        availability=tuple(availability) if isinstance(availability, list) else availability,
        verified_at=row.verified_at, verified_by=row.verified_by,
        consent=Consent(row.consent_version, row.consent_at), created_at=row.created_at,
        registered_by=row.registered_by, broadcasts_opted_out=row.broadcasts_opted_out,
        pushes_stopped=row.pushes_stopped, erased_at=row.erased_at,
        offers_paused_until=row.offers_paused_until)


def as_binding(row: FamilyBindingRow) -> Binding:
    return Binding(**dataclasses.asdict(row))


def as_certificate(row: CertificateRow) -> Certificate:
    return Certificate(**dataclasses.asdict(row))


async def lock_member(session: AsyncSession, member_id: int, *, open_only: bool = False) -> MemberRow:
    """The member's row, locked against concurrent changes until commit (PostgreSQL; SQLite has one writer)."""
    row = (await session.execute(
        select(MemberRow).where(MemberRow.id == member_id).with_for_update()
        .execution_options(populate_existing=True))).scalar_one_or_none()
    if row is None:
        raise MemberNotFound(f"no member {member_id}")
    if open_only and row.status == CLOSED:
        raise MemberClosed(f"member {member_id} is closed")
    return row


async def member_row(session: AsyncSession, member_id: int) -> MemberRow:
    row = await session.get(MemberRow, member_id)
    if row is None:
        raise MemberNotFound(f"no member {member_id}")
    return row


async def confirmed_binding_exists(session: AsyncSession, family_member_id: int, elder_id: int) -> bool:
    found = await session.execute(select(FamilyBindingRow.id).where(
        FamilyBindingRow.family_member_id == family_member_id, FamilyBindingRow.elder_id == elder_id,
        FamilyBindingRow.status == CONFIRMED))
    return found.first() is not None
