"""Staff actions on a member's standing: verification, suspension, need, and staff rights themselves."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import select

from storage import audit
from storage.base import utcnow
from storage.db import Sessions
from storage.members.access import authorize
from storage.members.errors import InvalidValue
from storage.members.rows import as_member, lock_member
from storage.members.tables import MemberRow
from storage.members.values import ACTIVE, SUSPENDED, SYSTEM, VOLUNTEER, Actor, Member


async def _staff_action(sessions: Sessions, action: str, member_id: int, by: Actor,
                        change: Callable[[MemberRow, str], None], reason: str | None = None) -> Member:
    async with sessions.begin() as session:
        actor = await authorize(session, by, action, member_id)
        row = await lock_member(session, member_id, open_only=True)
        change(row, actor)
        await audit.record(session, actor=actor, action=action, subject_id=row.id, reason=reason)
        return as_member(row)


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


async def staff_openids(sessions: Sessions) -> tuple[str, ...]:
    """Where staff alerts go: every active staff member who can be reached in WeChat."""
    async with sessions() as session:
        return tuple((await session.execute(
            select(MemberRow.openid).where(MemberRow.is_staff, MemberRow.status == ACTIVE,
                                           MemberRow.openid.is_not(None), ~MemberRow.pushes_stopped)
            .order_by(MemberRow.id)
        )).scalars())


async def promote_configured_staff(sessions: Sessions, openids: Iterable[str],
                                   admins: Iterable[str] = ()) -> list[Member]:
    """Make the members behind the configured staff OpenIDs staff, and those behind `admins` admins (as
    SYSTEM, audited); idempotent.

    Called at start-up and when a configured OpenID first uses a staff command,
    as staff often register only after the bot is running. An OpenID with no
    active member is skipped: staff acts are recorded under a member's id.
    """
    admins = tuple(dict.fromkeys(admins))
    wanted = {**dict.fromkeys(openids, False), **dict.fromkeys(admins, True)}
    promoted = []
    for openid, admin in wanted.items():
        member = await appoint(sessions, openid, admin=admin)
        if member is not None and member[1]:
            promoted.append(member[0])
    return promoted


async def appoint(sessions: Sessions, openid: str, *, admin: bool = False) -> tuple[Member, bool] | None:
    """The active member behind `openid` made staff (or admin) by SYSTEM, and whether that changed anything;
    None when no active member has that OpenID. For `timebank staff add`: the first admin has nobody to appoint
    them."""
    async with sessions() as session:
        row = (await session.execute(select(MemberRow).where(
            MemberRow.openid == openid, MemberRow.status == ACTIVE))).scalar_one_or_none()
        if row is None:
            return None
        if row.is_staff and (row.is_admin or not admin):
            return as_member(row), False
        member_id = row.id
    return await make_staff(sessions, member_id, SYSTEM, admin=admin), True


async def staff_members(sessions: Sessions) -> list[Member]:
    """Everyone with staff rights, active or not, in the order they joined."""
    async with sessions() as session:
        rows = (await session.execute(select(MemberRow).where(MemberRow.is_staff).order_by(MemberRow.id))).scalars()
        return [as_member(row) for row in rows]
