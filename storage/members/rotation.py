"""Key rotation: re-encrypting personal data under the keyring's current key."""

from __future__ import annotations

from sqlalchemy import or_, select

from storage.members.places import reseal_home_points
from storage.members.sealing import seal, unseal
from storage.members.tables import MemberRow
from storage.members.values import PERSONAL_FIELDS, Sessions
from storage.privacy import KeyRing, key_id_of


async def rotate(sessions: Sessions, keyring: KeyRing, batch_size: int = 100) -> int:
    """Re-encrypt every value not under the current key; returns how many. Idempotent, resumable.

    One transaction per batch of rows, each locked while it is rewritten, so
    a concurrent profile update is neither lost nor overwritten.
    """
    prefix = f"{keyring.current_key_id}:"
    columns = [getattr(MemberRow, f"{field}_enc") for field in PERSONAL_FIELDS]
    stale = or_(*(column.is_not(None) & ~column.startswith(prefix, autoescape=True) for column in columns))
    rewritten, rows = 0, True
    while rows:
        async with sessions.begin() as session:
            rows = (await session.execute(select(MemberRow).where(stale).order_by(MemberRow.id).limit(batch_size)
                                          .with_for_update().execution_options(populate_existing=True))
                    ).scalars().all()
            for row in rows:
                rewritten += _reseal(row, keyring)
    return rewritten + await reseal_home_points(sessions, keyring)


def _reseal(row: MemberRow, keyring: KeyRing) -> int:
    stale = [field for field in PERSONAL_FIELDS
             if (stored := getattr(row, f"{field}_enc")) and key_id_of(stored) != keyring.current_key_id]
    for field in stale:
        setattr(row, f"{field}_enc", seal(keyring, row.id, field, unseal(keyring, row, field)))
    return len(stale)
