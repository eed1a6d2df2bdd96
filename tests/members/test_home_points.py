"""An elder's home on the map: sealed, kept apart, moved by the right people, rotated and erased with the rest."""

import pytest

from storage import members
from storage.privacy import KeyRing
from tests.members.helpers import raw_rows


async def test_a_home_point_is_sealed_to_its_member_and_read_back(sessions, keyring, town):
    elder = await town.elder()
    assert await members.home_point(sessions, keyring, elder.id) is None
    await members.set_home_point(sessions, keyring, elder.id, 28.6812, 115.8921, by=elder.actor)
    await members.set_home_point(sessions, keyring, elder.id, 28.6813, 115.8922, by=elder.actor)  # she moved
    assert await members.home_point(sessions, keyring, elder.id) == (28.6813, 115.8922)
    [row] = await raw_rows(sessions, "member_home_points")
    assert "28.68" not in repr(row) and "115.89" not in repr(row)


async def test_only_the_member_bound_family_or_staff_may_set_it(sessions, keyring, town):
    elder, daughter, stranger, staff = await town.elder(), await town.family(), await town.volunteer(), await town.staff()
    await town.bound(daughter, elder)
    await members.set_home_point(sessions, keyring, elder.id, 28.1, 115.1, by=daughter.actor)
    await members.set_home_point(sessions, keyring, elder.id, 28.2, 115.2, by=staff.actor)
    with pytest.raises(members.NotAllowed):
        await members.set_home_point(sessions, keyring, elder.id, 0.0, 0.0, by=stranger.actor)
    with pytest.raises(members.InvalidValue):
        await members.set_home_point(sessions, keyring, elder.id, 91.0, 0.0, by=elder.actor)
    assert await members.home_point(sessions, keyring, elder.id) == (28.2, 115.2)


async def test_key_rotation_reseals_home_points(sessions, keyring, town):
    elder = await town.elder()
    await members.set_home_point(sessions, keyring, elder.id, 28.6812, 115.8921, by=elder.actor)
    fresh = KeyRing.generate("k2")
    rotated = KeyRing("k2", {**keyring.keys, **fresh.keys}, keyring.lookup_key)
    assert await members.rotate(sessions, rotated) == 6 + 1
    [row] = await raw_rows(sessions, "member_home_points")
    assert row["point_enc"].startswith("k2:")
    assert await members.home_point(sessions, KeyRing("k2", fresh.keys, keyring.lookup_key), elder.id) \
        == (28.6812, 115.8921)


async def test_erasure_deletes_the_home_point(sessions, keyring, town):
    elder = await town.elder()
    await members.set_home_point(sessions, keyring, elder.id, 28.6812, 115.8921, by=elder.actor)
    await members.erase_member(sessions, elder.id, elder.actor)
    assert await raw_rows(sessions, "member_home_points") == []
