"""Key rotation: re-encrypting personal data under the keyring's current key."""

from __future__ import annotations

from storage.db import Sessions
from storage.members.places import reseal_home_points
from storage.members.tables import MemberRow
from storage.members.values import PERSONAL_FIELDS
from storage.privacy import KeyRing
from storage.rotation import rotate_sealed


async def rotate(sessions: Sessions, keyring: KeyRing, batch_size: int = 100) -> int:
    """Re-encrypt every value not under the current key; returns how many. Idempotent, resumable."""
    return (await rotate_sealed(sessions, keyring, MemberRow, PERSONAL_FIELDS, batch_size)
            + await reseal_home_points(sessions, keyring))
