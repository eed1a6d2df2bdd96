"""Key rotation for any table of sealed columns: re-encrypt what is not under the current key, in batches.

A sealed value in column `<name>_enc` of row `id` is bound to "<table>:<id>:<name>" (storage.privacy), so
one routine serves members, requests and ratings alike.
"""

from __future__ import annotations

from sqlalchemy import or_, select

from storage.db import Sessions
from storage.privacy import KeyRing, decrypt, encrypt, key_id_of


async def rotate_sealed(sessions: Sessions, keyring: KeyRing, table, columns: tuple[str, ...],
                        batch_size: int = 100) -> int:
    """Re-encrypt every value not under the current key; returns how many. Idempotent, resumable.

    One transaction per batch of rows, each locked while it is rewritten, so a
    concurrent update is neither lost nor overwritten.
    """
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
