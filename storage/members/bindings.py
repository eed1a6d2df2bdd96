"""Family proxy (亲情代理): a family member acts for an elder once the elder or staff confirms."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit
from storage.base import utcnow
from storage.db import Sessions
from storage.members.access import actor_ref, actor_row, authorize
from storage.members.errors import BindingNotFound, InvalidValue, NotAllowed
from storage.members.rows import as_binding, confirmed_binding_exists, member_row
from storage.members.tables import FamilyBindingRow
from storage.members.validation import clean_text
from storage.members.values import (ACTIVE, BINDING_STATUSES, CLOSED, CONFIRMED, ELDER, MAX_RELATION_CHARS, PENDING,
                                    Actor, Binding)


async def request_binding(sessions: Sessions, family_member_id: int, elder_id: int, relation: str) -> Binding:
    """A family member asks to act for an elder; pending until the elder or staff confirms.

    Asking again returns the binding already there. Any active member may ask:
    a volunteer is often someone's child too.
    """
    relation = clean_text(MAX_RELATION_CHARS)(relation)
    if not relation:
        raise InvalidValue("say how the family member is related, e.g. 女儿")
    if family_member_id == elder_id:
        raise InvalidValue("a member cannot bind to themself")
    try:
        async with sessions.begin() as session:
            existing = await _binding_between(session, family_member_id, elder_id)
            if existing is not None:
                return as_binding(existing)
            family = await member_row(session, family_member_id)
            elder = await member_row(session, elder_id)
            if family.status != ACTIVE or elder.status == CLOSED:
                raise NotAllowed("bind", "both members must be open, the requester active")
            if elder.role != ELDER:
                raise InvalidValue(f"member {elder_id} is not an elder")
            row = FamilyBindingRow(family_member_id=family_member_id, elder_id=elder_id, relation=relation,
                                   status=PENDING, requested_at=utcnow())
            session.add(row)
            await session.flush()
            await audit.record(session, actor=actor_ref(family), action="bind", subject_id=elder_id,
                               detail={"binding_id": row.id, "family_member_id": family_member_id})
            return as_binding(row)
    except IntegrityError:
        # The same request, sent twice at once: the other one made the row.
        async with sessions() as session:
            existing = await _binding_between(session, family_member_id, elder_id)
        if existing is None:
            raise
        return as_binding(existing)


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
        return await authorize(session, actor, action)
    row = await actor_row(session, actor)
    if party_must_be_active and row.status != ACTIVE:
        raise NotAllowed(action, "the account is not active")
    return actor_ref(row)


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
        return as_binding(row)


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
    return [as_binding(row) for row in rows]


async def bound_elders(sessions: Sessions, family_member_id: int, *, include_pending: bool = False) -> list[Binding]:
    """The confirmed bindings of a family member: the elders they may act for (and, if asked, those awaited)."""
    statuses = BINDING_STATUSES if include_pending else (CONFIRMED,)
    return await _bindings(sessions, FamilyBindingRow.family_member_id == family_member_id,
                           FamilyBindingRow.status.in_(statuses))


async def family_of(sessions: Sessions, elder_id: int, *, include_pending: bool = False) -> list[Binding]:
    statuses = BINDING_STATUSES if include_pending else (CONFIRMED,)
    return await _bindings(sessions, FamilyBindingRow.elder_id == elder_id, FamilyBindingRow.status.in_(statuses))


async def is_bound(sessions: Sessions, family_member_id: int, elder_id: int) -> bool:
    async with sessions() as session:
        return await confirmed_binding_exists(session, family_member_id, elder_id)
