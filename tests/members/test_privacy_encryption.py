"""Encryption at rest: AES-GCM round trips, tampering, moved values, key ids, key configuration."""

import base64

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storage.privacy import (KeyRing, PrivacyConfigError, UndecryptableValue, decrypt, encrypt, key_id_of,
                             lookup_hash, phone_hash)

RING = KeyRing.generate("k1")
WHERE = "members:7:phone"


@given(st.text())
def test_any_text_comes_back_as_it_went_in(plaintext):
    assert decrypt(RING, encrypt(RING, plaintext, WHERE), WHERE) == plaintext


def test_a_stored_value_names_its_key_and_hides_its_plaintext():
    stored = encrypt(RING, "13812341234", WHERE)
    assert key_id_of(stored) == "k1"
    assert stored.startswith("k1:")
    assert "13812341234" not in stored


def test_the_same_value_encrypts_differently_each_time_because_the_nonce_is_fresh():
    assert encrypt(RING, "王小明", WHERE) != encrypt(RING, "王小明", WHERE)


def test_a_value_moved_to_another_row_or_field_does_not_open():
    stored = encrypt(RING, "13812341234", "members:7:phone")
    for elsewhere in ("members:8:phone", "members:7:emergency_phone"):
        with pytest.raises(UndecryptableValue):
            decrypt(RING, stored, elsewhere)


@pytest.mark.parametrize("position", [0, 11, 12, -1])  # in the nonce, at its end, in the ciphertext, in the tag
def test_any_flipped_bit_is_detected(position):
    key_id, _, payload = encrypt(RING, "东湖区彭家桥社区5栋", WHERE).partition(":")
    raw = bytearray(base64.b64decode(payload))
    raw[position] ^= 0x01
    with pytest.raises(UndecryptableValue):
        decrypt(RING, f"{key_id}:{base64.b64encode(bytes(raw)).decode()}", WHERE)


@pytest.mark.parametrize("garbage", ["k1:not base64!", "k1:", "k1:AAAA", "no-colon-at-all"])
def test_garbage_is_undecryptable_not_a_crash(garbage):
    with pytest.raises(UndecryptableValue):
        decrypt(RING, garbage, WHERE)


def test_a_value_under_a_key_the_ring_does_not_hold_is_undecryptable():
    other = KeyRing.generate("k9")
    with pytest.raises(UndecryptableValue, match="k9"):
        decrypt(RING, encrypt(other, "王小明", WHERE), WHERE)


def test_the_key_ring_survives_its_config_form():
    assert KeyRing.from_config(RING.to_config()) == RING


def test_keys_never_show_in_a_repr_or_a_log_line():
    shown = repr(RING)
    assert "k1" in shown
    for key in (*RING.keys.values(), RING.lookup_key):
        assert repr(key) not in shown and base64.b64encode(key).decode() not in shown


GOOD_KEY = base64.b64encode(bytes(32)).decode()
SHORT_KEY = base64.b64encode(bytes(16)).decode()


@pytest.mark.parametrize("config, names", [
    ({"keys": {"k1": GOOD_KEY}, "lookup_key": GOOD_KEY}, "privacy.current_key_id: missing"),
    ({"current_key_id": "k1", "keys": {"k1": "not base64!"}, "lookup_key": GOOD_KEY}, "privacy.keys.k1: not valid"),
    ({"current_key_id": "k1", "keys": {"k1": SHORT_KEY}, "lookup_key": GOOD_KEY}, "privacy.keys.k1: must be 32"),
    ({"current_key_id": "k1", "keys": {"k1": GOOD_KEY}, "lookup_key": SHORT_KEY}, "privacy.lookup_key: must be 32"),
    ({"current_key_id": "k1", "keys": {"k1": GOOD_KEY}}, "privacy.lookup_key: missing"),
    ({"current_key_id": "k2", "keys": {"k1": GOOD_KEY}, "lookup_key": GOOD_KEY}, "'k2' is not among privacy.keys"),
    ({"current_key_id": "k1", "keys": {}, "lookup_key": GOOD_KEY}, "privacy.keys: give at least one"),
    ({"current_key_id": "k:1", "keys": {"k:1": GOOD_KEY}, "lookup_key": GOOD_KEY}, "privacy.keys: a key id"),
])
def test_a_bad_key_configuration_is_refused_naming_the_key(config, names):
    with pytest.raises(PrivacyConfigError) as refused:
        KeyRing.from_config(config)
    assert names in str(refused.value)


def test_lookup_hashes_are_keyed_and_separated_by_kind():
    other = KeyRing.generate("k1")
    assert phone_hash(RING, "13812341234") == phone_hash(RING, "+86 138-1234-1234")
    assert phone_hash(RING, "13812341234") != phone_hash(other, "13812341234")
    assert lookup_hash(RING, "phone", "13812341234") != lookup_hash(RING, "id_number", "13812341234")
