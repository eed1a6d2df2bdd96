"""Who is acting on a task, read inside the transaction from the members' tables, never trusted from the caller.

The requester side is the elder served, a family member with a confirmed
binding to them, or active staff acting for them. SYSTEM (background jobs)
is nobody's side unless an operation says it may act.
"""

from __future__ import annotations

import logging

from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit
from storage.members import Actor
from storage.members.access import actor_ref, actor_row, is_active
from storage.members.rows import confirmed_binding_exists
from storage.members.tables import MemberRow
from storage.tasks.errors import NotYourTask, OwnTask
from storage.tasks.tables import ServiceRequestRow

log = logging.getLogger(__name__)


async def is_requester_side(session: AsyncSession, row: MemberRow | None, requester_id: int) -> bool:
    if not is_active(row):
        return False
    return row.id == requester_id or row.is_staff or await confirmed_binding_exists(session, row.id, requester_id)


async def requester_side(session: AsyncSession, actor: Actor, requester_id: int, *, system_ok: bool = False) -> str:
    """The actor's audit ref if they may act for the requester; NotYourTask otherwise."""
    if actor.member_id is None:
        if system_ok:
            return audit.SYSTEM
        raise NotYourTask("the system acts for nobody here")
    row = await actor_row(session, actor)
    if not await is_requester_side(session, row, requester_id):
        raise NotYourTask(f"member {actor.member_id} does not act for member {requester_id}")
    return actor_ref(row)


async def the_volunteer(session: AsyncSession, actor: Actor, request: ServiceRequestRow) -> str:
    """The actor's audit ref if they are this task's volunteer; NotYourTask otherwise."""
    if actor.member_id is None or actor.member_id != request.volunteer_id:
        raise NotYourTask(f"request {request.id} is not this member's task")
    if asked_for_it(request, actor.member_id):
        raise OwnTask(f"member {actor.member_id} asked for request {request.id} and may not serve it")
    return actor_ref(await actor_row(session, actor))


async def active_staff(session: AsyncSession, actor: Actor) -> str:
    row = await actor_row(session, actor)
    if not (is_active(row) and row.is_staff):
        raise NotYourTask("staff only")
    return actor_ref(row)


def poster_id(request: ServiceRequestRow) -> int | None:
    """The member who posted the request (the elder, family, or staff acting for the elder)."""
    kind, _, number = request.posted_by.partition(":")
    return int(number) if kind in ("member", "staff") and number.isdigit() else None


def asked_for_it(request: ServiceRequestRow, member_id: int | None) -> bool:
    return member_id is not None and member_id in (request.requester_id, poster_id(request))


def not_own(request: ServiceRequestRow, member_id: int | None, act: str) -> None:
    """Separation of duties: whoever asked for a task never serves it, and whoever serves never confirms it."""
    if asked_for_it(request, member_id) or (member_id is not None and member_id == request.volunteer_id):
        log.warning("refused: member %s may not %s request %s (separation of duties)", member_id, act, request.id)
        raise OwnTask(f"member {member_id} may not {act} request {request.id}: they asked for it or served it")
