"""Where an elder's home is on the map: a point sent as a WeChat location, sealed like the address.

The point only ever feeds distance checks (a volunteer's check-in far from
home is flagged for staff); it is never shown, so it is read without `reveal`.
"""

from __future__ import annotations

from sqlalchemy import select

from storage import audit
from storage.base import utcnow
from storage.db import Sessions
from storage.members.access import actor_ref, actor_row, relations_between
from storage.members.errors import InvalidValue, NotAllowed
from storage.members.profile import PROFILE_EDITORS
from storage.members.rows import lock_member
from storage.members.tables import HomePointRow
from storage.members.values import Actor
from storage.privacy import KeyRing, decrypt, encrypt, key_id_of


def _associated(member_id: int) -> str:
    return f"member_home_points:{member_id}:point"


def _checked(latitude: float, longitude: float) -> str:
    if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
        raise InvalidValue(f"not a point on Earth: {latitude},{longitude}")
    return f"{latitude:.6f},{longitude:.6f}"


async def set_home_point(sessions: Sessions, keyring: KeyRing, member_id: int, latitude: float, longitude: float,
                         by: Actor) -> None:
    """Keep (or move) the member's home point; by the member, bound family or staff, logged."""
    point = _checked(latitude, longitude)
    async with sessions.begin() as session:
        member = await lock_member(session, member_id, open_only=True)
        editor = await actor_row(session, by)
        if not await relations_between(session, editor, member) & PROFILE_EDITORS:
            raise NotAllowed("home_point", "only the member, bound family or staff")
        row = await session.get(HomePointRow, member_id)
        if row is None:
            row = HomePointRow(member_id=member_id)
            session.add(row)
        row.point_enc, row.updated_at = encrypt(keyring, point, _associated(member_id)), utcnow()
        await audit.record(session, actor=actor_ref(editor), action="update_profile", subject_id=member_id,
                           detail={"fields": ["home_point"]})


async def home_point(sessions: Sessions, keyring: KeyRing, member_id: int) -> tuple[float, float] | None:
    """(latitude, longitude) for distance checks, or None when the member never sent one."""
    async with sessions() as session:
        row = await session.get(HomePointRow, member_id)
    if row is None:
        return None
    latitude, longitude = decrypt(keyring, row.point_enc, _associated(member_id)).split(",")
    return float(latitude), float(longitude)


async def reseal_home_points(sessions: Sessions, keyring: KeyRing) -> int:
    """Key rotation for home points: re-encrypt those not under the current key; returns how many."""
    async with sessions.begin() as session:
        rows = (await session.execute(select(HomePointRow).with_for_update())).scalars().all()
        stale = [row for row in rows if key_id_of(row.point_enc) != keyring.current_key_id]
        for row in stale:
            associated = _associated(row.member_id)
            row.point_enc = encrypt(keyring, decrypt(keyring, row.point_enc, associated), associated)
    return len(stale)
