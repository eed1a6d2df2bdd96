"""Rotating the encryption key: old values stay readable, rotation rewrites them all, and only once."""

from storage import members
from storage.members import Actor, Purpose
from storage.privacy import KeyRing, UndecryptableValue
from tests.members.helpers import raw_rows


def _next_ring(old: KeyRing) -> KeyRing:
    """What the operator configures: a new current key, the old one kept, the same lookup key."""
    fresh = KeyRing.generate("k2")
    return KeyRing("k2", {**old.keys, **fresh.keys}, old.lookup_key)


async def _key_ids(sessions) -> set[str]:
    rows = await raw_rows(sessions, "members")
    return {row[f"{field}_enc"].partition(":")[0] for row in rows for field in members.PERSONAL_FIELDS
            if row[f"{field}_enc"]}


async def _own_phone(sessions, keyring, member) -> str:
    revealed = await members.reveal(sessions, keyring, member.actor, member.id, ["phone"], Purpose("own_profile"))
    return revealed.phone


async def test_rotation_re_encrypts_everything_and_the_old_key_can_then_go(sessions, keyring, town):
    people = [await town.elder() for _ in range(7)]
    old_phones = [await _own_phone(sessions, keyring, person) for person in people]
    rotated = _next_ring(keyring)

    # Before rotation, values under k1 read through the new ring; new writes go under k2.
    assert [await _own_phone(sessions, rotated, person) for person in people] == old_phones
    await members.update_profile(sessions, rotated, people[0].id, people[0].actor, address="阳明小区3栋")
    assert await _key_ids(sessions) == {"k1", "k2"}

    # Small batches: several transactions, each picking up where the last stopped.
    assert await members.rotate(sessions, rotated, batch_size=3) == 7 * 6 - 1
    assert await _key_ids(sessions) == {"k2"}
    assert await members.rotate(sessions, rotated) == 0

    only_new = KeyRing("k2", {"k2": rotated.keys["k2"]}, keyring.lookup_key)
    assert [await _own_phone(sessions, only_new, person) for person in people] == old_phones
    assert await members.member_by_phone(sessions, only_new, old_phones[3]) == people[3]


async def test_without_the_key_a_value_was_sealed_with_it_does_not_read(sessions, keyring, town):
    elder = await town.elder()
    stranger_ring = KeyRing.generate("k2")
    try:
        await _own_phone(sessions, stranger_ring, elder)
    except UndecryptableValue as error:
        assert "k1" in str(error)
    else:
        raise AssertionError("read a value without its key")


async def test_rotation_leaves_erased_members_and_empty_fields_alone(sessions, keyring, town):
    erased, sparse = await town.elder(), await town.elder()
    await members.erase_member(sessions, erased.id, Actor(erased.id))
    await members.update_profile(sessions, keyring, sparse.id, sparse.actor, id_number=None, address="")
    assert await members.rotate(sessions, _next_ring(keyring)) == 4
