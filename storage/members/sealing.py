"""Personal values in and out of their ciphertext columns.

Each ciphertext is bound to its member and field, so a value copied to
another row or column fails to decrypt.
"""

from __future__ import annotations

from storage.members.tables import MemberRow
from storage.privacy import KeyRing, decrypt, encrypt, phone_hash


def _associated(member_id: int, field: str) -> str:
    return f"members:{member_id}:{field}"


def seal(keyring: KeyRing, member_id: int, field: str, value: str | None) -> str | None:
    return None if value is None else encrypt(keyring, value, _associated(member_id, field))


def unseal(keyring: KeyRing, row: MemberRow, field: str) -> str | None:
    stored = getattr(row, f"{field}_enc")
    return None if stored is None else decrypt(keyring, stored, _associated(row.id, field))


def write_personal(row: MemberRow, keyring: KeyRing, cleaned: dict[str, str | None]) -> None:
    for field, value in cleaned.items():
        setattr(row, f"{field}_enc", seal(keyring, row.id, field, value))
    if "phone" in cleaned:
        row.phone_hash = None if cleaned["phone"] is None else phone_hash(keyring, cleaned["phone"])
