"""Changing a member's profile, and following their WeChat account as it unfollows, returns or changes."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.exc import IntegrityError

from storage import audit
from storage.db import Sessions
from storage.members.access import FAMILY_OF, SELF, STAFF, actor_ref, actor_row, relations_between
from storage.members.errors import AlreadyRegistered, InvalidValue, NotAllowed
from storage.members.registration import member_by_openid, member_by_phone
from storage.members.rows import as_member, lock_member
from storage.members.sealing import write_personal
from storage.members.tables import MemberRow
from storage.members.validation import NORMALIZE, PROFILE_FIELDS, normalized_personal
from storage.members.values import PERSONAL_FIELDS, Actor, Member
from storage.privacy import KeyRing

PROFILE_EDITORS = frozenset({SELF, STAFF, FAMILY_OF})


async def update_profile(sessions: Sessions, keyring: KeyRing, member_id: int, by: Actor, **changes) -> Member:
    """Change personal data and profile fields; None clears one. By the member, bound family or staff.

    Personal fields are PERSONAL_FIELDS; the others are PROFILE_FIELDS.
    """
    unknown = set(changes) - set(PERSONAL_FIELDS) - set(PROFILE_FIELDS)
    if unknown:
        raise InvalidValue(f"not profile fields: {sorted(unknown)}")
    personal = normalized_personal({f: v for f, v in changes.items() if f in NORMALIZE})
    profile = {f: PROFILE_FIELDS[f](v) for f, v in changes.items() if f in PROFILE_FIELDS}
    try:
        async with sessions.begin() as session:
            row = await lock_member(session, member_id, open_only=True)
            editor = await actor_row(session, by)
            if not await relations_between(session, editor, row) & PROFILE_EDITORS:
                raise NotAllowed("update_profile", "only the member, bound family or staff")
            write_personal(row, keyring, personal)
            for field, value in profile.items():
                setattr(row, field, value)
            await audit.record(session, actor=actor_ref(editor), action="update_profile", subject_id=row.id,
                               detail={"fields": sorted(changes)})
            return as_member(row)
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
        return as_member(row)


async def set_broadcasts_opted_out(sessions: Sessions, member_id: int, opted_out: bool) -> Member:
    """退订 / 订阅, said by the member themselves (suspended members too): audited; closed members refused."""
    async with sessions.begin() as session:
        row = await lock_member(session, member_id, open_only=True)
        if row.broadcasts_opted_out != opted_out:
            row.broadcasts_opted_out = opted_out
            await audit.record(session, actor=audit.member_actor(member_id, row.is_staff), subject_id=member_id,
                               action="broadcasts_opt_out" if opted_out else "broadcasts_opt_in")
        return as_member(row)


async def pause_offers(sessions: Sessions, member_id: int, until: datetime | None) -> Member:
    """暂停接单 until a time (None: 恢复接单), said by the volunteer themselves: audited."""
    async with sessions.begin() as session:
        row = await lock_member(session, member_id, open_only=True)
        row.offers_paused_until = until
        await audit.record(session, actor=audit.member_actor(member_id, row.is_staff), subject_id=member_id,
                           action="offers_paused" if until else "offers_resumed",
                           detail={"until": until.isoformat()} if until else None)
        return as_member(row)


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
            row = await lock_member(session, member_id, open_only=True)
            row.openid, row.pushes_stopped = openid, False
            await audit.record(session, actor=audit.member_actor(member_id), action="reattach", subject_id=member_id)
            return as_member(row)
    except IntegrityError:
        holder = await member_by_openid(sessions, openid)
        raise AlreadyRegistered("openid", holder.id if holder else 0) from None
