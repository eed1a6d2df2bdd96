"""Protecting personal data: encryption at rest, keyed lookup hashes, phone numbers, masking.

Pure functions over values; nothing here touches the database. See docs/privacy.md.

A stored value looks like ``"k2:" + base64(nonce + ciphertext)``: AES-256-GCM
with a fresh random 96-bit nonce per value, and the id of the key that sealed
it in front, so keys can be rotated while old values stay readable. The
caller binds each value to where it lives (``associated``, e.g.
``"members:42:phone"``) so a ciphertext copied to another row or column fails
to open instead of quietly showing someone else's data.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import os
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass, field

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

KEY_BYTES = 32
NONCE_BYTES = 12
KEY_ID_PATTERN = re.compile(r"[A-Za-z0-9-]{1,16}")
CONFIG_SECTION = "privacy"


class PrivacyError(Exception):
    code = "privacy_error"


class PrivacyConfigError(PrivacyError, ValueError):
    code = "privacy_config"


class UndecryptableValue(PrivacyError):
    """Tampered, moved to another row, or sealed with a key the ring no longer has."""

    code = "undecryptable"


class InvalidPhone(PrivacyError, ValueError):
    code = "invalid_phone"


# ---- keys ----

@dataclass(frozen=True)
class KeyRing:
    """The encryption keys by id (the current one seals, any opens) and the separate lookup-hash key."""

    current_key_id: str
    keys: dict[str, bytes] = field(repr=False)
    lookup_key: bytes = field(repr=False)

    def __post_init__(self):
        for key_id, key in self.keys.items():
            _check_key_id(key_id)
            _check_length(f"keys.{key_id}", key)
        _check_length("lookup_key", self.lookup_key)
        if self.current_key_id not in self.keys:
            raise PrivacyConfigError(f"{CONFIG_SECTION}.current_key_id: {self.current_key_id!r} "
                                     f"is not among {CONFIG_SECTION}.keys")

    @classmethod
    def from_config(cls, config: Mapping) -> KeyRing:
        """From ``{"current_key_id": "k1", "keys": {"k1": "<base64>"}, "lookup_key": "<base64>"}``."""
        keys = _required(config, "keys")
        if not isinstance(keys, Mapping) or not keys:
            raise PrivacyConfigError(f"{CONFIG_SECTION}.keys: give at least one key, as id = \"<base64>\"")
        return cls(
            current_key_id=str(_required(config, "current_key_id")),
            keys={str(key_id): _decode_key(f"keys.{key_id}", value) for key_id, value in keys.items()},
            lookup_key=_decode_key("lookup_key", _required(config, "lookup_key")),
        )

    @classmethod
    def generate(cls, key_id: str = "k1") -> KeyRing:
        """Fresh random keys, for development and tests; production keys come from the config."""
        return cls(key_id, {key_id: os.urandom(KEY_BYTES)}, os.urandom(KEY_BYTES))

    def to_config(self) -> dict:
        """The inverse of from_config, to paste into a config file."""
        return {"current_key_id": self.current_key_id,
                "keys": {key_id: _encode_key(key) for key_id, key in self.keys.items()},
                "lookup_key": _encode_key(self.lookup_key)}


def _required(config: Mapping, name: str):
    if name not in config:
        raise PrivacyConfigError(f"{CONFIG_SECTION}.{name}: missing")
    return config[name]


def _encode_key(key: bytes) -> str:
    return base64.b64encode(key).decode("ascii")


def _decode_key(name: str, value) -> bytes:
    try:
        return base64.b64decode(str(value), validate=True)
    except (binascii.Error, ValueError):
        raise PrivacyConfigError(f"{CONFIG_SECTION}.{name}: not valid base64") from None


def _check_key_id(key_id: str) -> None:
    # The id is written in front of every ciphertext, before a ':'.
    if not KEY_ID_PATTERN.fullmatch(key_id):  # never printed: a key pasted without its id would be
        raise PrivacyConfigError(f"{CONFIG_SECTION}.keys: a key id is 1-16 letters, digits or '-' (k1 = \"…\")")


def _check_length(name: str, key: bytes) -> None:
    if len(key) != KEY_BYTES:
        raise PrivacyConfigError(f"{CONFIG_SECTION}.{name}: must be {KEY_BYTES} bytes, got {len(key)}")


# ---- encryption ----

def encrypt(keyring: KeyRing, plaintext: str, associated: str) -> str:
    nonce = os.urandom(NONCE_BYTES)
    sealed = AESGCM(keyring.keys[keyring.current_key_id]).encrypt(nonce, plaintext.encode(), associated.encode())
    return f"{keyring.current_key_id}:{base64.b64encode(nonce + sealed).decode('ascii')}"


def decrypt(keyring: KeyRing, stored: str, associated: str) -> str:
    key_id, _, payload = stored.partition(":")
    key = keyring.keys.get(key_id)
    if key is None:
        raise UndecryptableValue(f"no key {key_id!r} in the key ring for {associated}")
    try:
        raw = base64.b64decode(payload, validate=True)
        return AESGCM(key).decrypt(raw[:NONCE_BYTES], raw[NONCE_BYTES:], associated.encode()).decode()
    except (binascii.Error, ValueError, InvalidTag):
        raise UndecryptableValue(f"the value for {associated} does not open: tampered or moved") from None


def key_id_of(stored: str) -> str:
    return stored.partition(":")[0]


# ---- phone numbers and lookup hashes ----

MOBILE = re.compile(r"1[3-9]\d{9}")
COUNTRY_PREFIXES = ("+86", "0086", "86")
SEPARATORS = re.compile(r"[\s\-()]")


def normalize_phone(raw: str) -> str:
    """A mainland mobile number as its 11 digits: full-width digits, +86, spaces and dashes accepted."""
    text = SEPARATORS.sub("", unicodedata.normalize("NFKC", raw))
    for prefix in COUNTRY_PREFIXES:
        # "86" alone only as a country code: an 11-digit number never starts with 86.
        if text.startswith(prefix) and len(text) == len(prefix) + 11:
            text = text[len(prefix):]
            break
    if not MOBILE.fullmatch(text):
        raise InvalidPhone(f"not a mainland mobile number ({len(text)} characters after cleaning)")
    return text


def lookup_hash(keyring: KeyRing, kind: str, normalized: str) -> str:
    """A keyed hash to find a row by a value without storing the value.

    Keyed, because the space of phone numbers is small enough to hash in full:
    a plain SHA-256 column would be a phone book to anyone who reads the table.
    ``kind`` separates the domains, so one value hashed as two kinds never matches.
    """
    return hmac.new(keyring.lookup_key, f"{kind}:{normalized}".encode(), hashlib.sha256).hexdigest()


def phone_hash(keyring: KeyRing, raw_phone: str) -> str:
    return lookup_hash(keyring, "phone", normalize_phone(raw_phone))


# ---- masking ----

HIDDEN = "*"
# An address is shown down to the community: that much locates a request, not a door.
ADDRESS_LANDMARKS = ("社区", "小区", "村")
ADDRESS_VISIBLE_CHARS = 6
ADDRESS_TAIL = "****"


def mask_phone(phone: str) -> str:
    try:
        digits = normalize_phone(phone)
    except InvalidPhone:
        return HIDDEN * 4
    return f"{digits[:3]}****{digits[-4:]}"


def mask_name(name: str) -> str:
    """The surname only: 王小明 → 王**, 王明 → 王*."""
    name = name.strip()
    if len(name) < 2:
        return HIDDEN
    return name[0] + HIDDEN * (len(name) - 1)


def mask_address(address: str) -> str:
    address = address.strip()
    ends = [address.find(landmark) + len(landmark) for landmark in ADDRESS_LANDMARKS if landmark in address]
    visible = min(ends) if ends else min(ADDRESS_VISIBLE_CHARS, len(address) // 2)
    return address[:visible] + (ADDRESS_TAIL if visible < len(address) else "")


def mask_id_number(number: str) -> str:
    number = number.strip()
    if len(number) < 4:
        return HIDDEN * len(number)
    return number[0] + HIDDEN * (len(number) - 2) + number[-1]


MOBILE_IN_TEXT = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")


def mask_phones_in(text: str) -> str:
    """Free text as a list shows it: any mobile number in it masked (the words can still be opened one by one)."""
    return MOBILE_IN_TEXT.sub(lambda found: mask_phone(found.group()), text)
