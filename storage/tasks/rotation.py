"""Key rotation for what requests keep sealed: places, map points, notes and rating comments."""

from __future__ import annotations

from storage.db import Sessions
from storage.privacy import KeyRing
from storage.rotation import rotate_sealed
from storage.tasks.tables import RatingRow, ServiceRequestRow

SEALED_COLUMNS = ((ServiceRequestRow, ("place", "place_point", "notes")), (RatingRow, ("comment",)))


async def rotate(sessions: Sessions, keyring: KeyRing, batch_size: int = 100) -> int:
    """Re-encrypt every value not under the current key; returns how many. Idempotent, resumable."""
    return sum([await rotate_sealed(sessions, keyring, table, columns, batch_size)
                for table, columns in SEALED_COLUMNS])
