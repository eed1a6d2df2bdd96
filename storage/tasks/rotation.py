"""Key rotation for what requests keep sealed: places, map points, notes and rating comments."""

from __future__ import annotations

from sqlalchemy import or_, select

from storage.db import Sessions
from storage.privacy import KeyRing, decrypt, encrypt, key_id_of
from storage.tasks.tables import RatingRow, ServiceRequestRow

SEALED_COLUMNS = ((ServiceRequestRow, ("place", "place_point", "notes")), (RatingRow, ("comment",)))


async def rotate(sessions: Sessions, keyring: KeyRing, batch_size: int = 100) -> int:
    """Re-encrypt every value not under the current key; returns how many. Idempotent, resumable."""
    return sum([await _rotate_table(sessions, keyring, table, columns, batch_size)
                for table, columns in SEALED_COLUMNS])


async def _rotate_table(sessions: Sessions, keyring: KeyRing, table, columns: tuple[str, ...], batch_size: int) -> int:
    prefix = f"{keyring.current_key_id}:"
    sealed = [getattr(table, f"{column}_enc") for column in columns]
    stale = or_(*(value.is_not(None) & ~value.startswith(prefix, autoescape=True) for value in sealed))
    rewritten, rows = 0, True
    while rows:
        async with sessions.begin() as session:
            rows = (await session.execute(select(table).where(stale).order_by(table.id).limit(batch_size)
                                          .with_for_update().execution_options(populate_existing=True))
                    ).scalars().all()
            for row in rows:
                rewritten += _reseal(row, keyring, columns)
    return rewritten


def _reseal(row, keyring: KeyRing, columns: tuple[str, ...]) -> int:
    changed = 0
    for column in columns:
        stored = getattr(row, f"{column}_enc")
        if stored and key_id_of(stored) != keyring.current_key_id:
            where = f"{row.__tablename__}:{row.id}:{column}"
            setattr(row, f"{column}_enc", encrypt(keyring, decrypt(keyring, stored, where), where))
            changed += 1
    return changed
