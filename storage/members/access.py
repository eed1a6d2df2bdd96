"""Who may act on whom: the rights staff actions need, and what a reader is to a subject."""

from __future__ import annotations

import logging
from collections.abc import Callable

from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit
from storage.members.errors import NotAllowed
from storage.members.rows import confirmed_binding_exists, member_row
from storage.members.tables import MemberRow
from storage.members.values import ACTIVE, Actor

log = logging.getLogger(__name__)

SELF, STAFF, FAMILY_OF, TASK_VOLUNTEER = "self", "staff", "family", "task_volunteer"

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


async def actor_row(session: AsyncSession, actor: Actor) -> MemberRow | None:
    return None if actor.member_id is None else await member_row(session, actor.member_id)


def actor_ref(row: MemberRow | None) -> str:
    return audit.SYSTEM if row is None else audit.member_actor(row.id, row.is_staff)


# Separation of duties: staff never vouch for themselves.
NOT_ON_ONESELF = frozenset({"verify", "certificate"})


async def authorize(session: AsyncSession, actor: Actor, action: str, subject_id: int | None = None) -> str:
    """The actor's audit ref, if they hold the right the action needs (read now, not from a stale value)."""
    row = await actor_row(session, actor)
    if row is not None and not HOLDS_RIGHT[NEEDS[action]](row):
        raise NotAllowed(action, f"{NEEDS[action]} only")
    if action in NOT_ON_ONESELF and row is not None and row.id == subject_id:
        log.warning("refused: member %s may not %s themselves", row.id, action)
        raise NotAllowed(action, "not on oneself")
    return actor_ref(row)


def is_active(row: MemberRow | None) -> bool:
    return row is not None and row.status == ACTIVE


async def relations_between(session: AsyncSession, reader: MemberRow | None, subject: MemberRow) -> set[str]:
    """What the reader is to the subject, as far as the members' own tables can tell."""
    if not is_active(reader):
        return set()
    relations = set()
    if reader.id == subject.id:
        relations.add(SELF)
    if reader.is_staff:
        relations.add(STAFF)
    if await confirmed_binding_exists(session, reader.id, subject.id):
        relations.add(FAMILY_OF)
    return relations
