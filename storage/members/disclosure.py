"""Showing personal data: masked to anyone, unmasked only through `reveal`, which checks and logs."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit
from storage.db import Sessions
from storage.members.access import (FAMILY_OF, SELF, STAFF, TASK_VOLUNTEER, actor_ref, actor_row, is_active,
                                    relations_between)
from storage.members.errors import InvalidValue, RevealRefused
from storage.members.rows import member_row
from storage.members.sealing import unseal
from storage.members.values import PERSONAL_FIELDS, Actor, PersonalData, Purpose, Vouch
from storage.privacy import KeyRing, mask_address, mask_id_number, mask_name, mask_phone

MASK = {
    "real_name": mask_name,
    "phone": mask_phone,
    "address": mask_address,
    "emergency_name": mask_name,
    "emergency_phone": mask_phone,
    "id_number": mask_id_number,
}

ALL_FIELDS = frozenset(PERSONAL_FIELDS)
# Who may see which unmasked fields. A volunteer gets what it takes to find and call the elder, no more.
REVEAL_RIGHTS: dict[str, frozenset[str]] = {
    SELF: ALL_FIELDS,
    STAFF: ALL_FIELDS,
    FAMILY_OF: ALL_FIELDS - {"id_number"},
    TASK_VOLUNTEER: frozenset({"real_name", "phone", "address"}),
}


def _known_fields(fields: Iterable[str]) -> frozenset[str]:
    wanted = frozenset(fields)
    if not wanted or not wanted <= ALL_FIELDS:
        raise InvalidValue(f"fields must be a non-empty subset of {PERSONAL_FIELDS}, got {sorted(wanted)}")
    return wanted


async def masked_profile(sessions: Sessions, keyring: KeyRing, member_id: int) -> PersonalData:
    """Personal data as it may be shown to anyone the caller shows the member to: masked, not logged."""
    async with sessions() as session:
        row = await member_row(session, member_id)
    opened = {field: unseal(keyring, row, field) for field in PERSONAL_FIELDS}
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
        subject = await member_row(session, member_id)
        reader_row = await actor_row(session, reader)
        relations = await relations_between(session, reader_row, subject)
        if is_active(reader_row) and purpose.task_id is not None and await _vouched(allowed, session):
            relations.add(TASK_VOLUNTEER)
        permitted = frozenset().union(*(REVEAL_RIGHTS[relation] for relation in relations))
        granted = wanted <= permitted
        await audit.record(session, actor=actor_ref(reader_row), action="reveal" if granted else "reveal_refused",
                           subject_id=member_id, reason=purpose.reason,
                           detail={"fields": sorted(wanted), "relations": sorted(relations),
                                   "task_id": purpose.task_id})
        values = {field: unseal(keyring, subject, field) for field in wanted} if granted else None
    if values is None:
        raise RevealRefused("reveal", f"{sorted(wanted - permitted)} not open to this reader")
    return PersonalData(**values)


async def _vouched(allowed: Vouch, session: AsyncSession) -> bool:
    return await allowed(session) if callable(allowed) else bool(allowed)
