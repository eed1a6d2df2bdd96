"""Family proxy (亲情代理): a family member asks, the elder or staff confirms, then they may act for the elder."""

import asyncio

import pytest

from storage import audit, members
from storage.members import BindingNotFound, InvalidValue, NotAllowed


async def test_a_binding_is_pending_until_the_elder_confirms_it(town):
    elder, son = await town.elder(), await town.family()
    binding = await members.request_binding(town.sessions, son.id, elder.id, "儿子")
    assert (binding.status, binding.relation, binding.is_confirmed) == ("pending", "儿子", False)
    assert not await members.is_bound(town.sessions, son.id, elder.id)
    assert await members.bound_elders(town.sessions, son.id) == []
    assert await members.family_of(town.sessions, elder.id, include_pending=True) == [binding]

    confirmed = await members.confirm_binding(town.sessions, binding.id, elder.actor)
    assert confirmed.is_confirmed and confirmed.confirmed_by == f"member:{elder.id}"
    assert await members.is_bound(town.sessions, son.id, elder.id)
    assert await members.bound_elders(town.sessions, son.id) == [confirmed]
    assert await members.family_of(town.sessions, elder.id) == [confirmed]
    assert [entry.action for entry in await audit.entries(town.sessions, subject=elder.id)] == [
        "confirm_binding", "bind", "register"]


async def test_staff_confirm_for_an_elder_without_wechat_and_are_recorded(town):
    elder, daughter, staff = await town.elder(openid=None), await town.family(), await town.staff()
    binding = await members.request_binding(town.sessions, daughter.id, elder.id, "女儿")
    confirmed = await members.confirm_binding(town.sessions, binding.id, staff.actor)
    assert confirmed.confirmed_by == f"staff:{staff.id}"


async def test_nobody_else_can_confirm_not_even_the_requester(town):
    elder, daughter, stranger = await town.elder(), await town.family(), await town.volunteer()
    binding = await members.request_binding(town.sessions, daughter.id, elder.id, "女儿")
    for someone in (daughter, stranger):
        with pytest.raises(NotAllowed):
            await members.confirm_binding(town.sessions, binding.id, someone.actor)
    assert not await members.is_bound(town.sessions, daughter.id, elder.id)


async def test_asking_again_even_at_the_same_moment_gives_the_one_binding(town):
    elder, daughter = await town.elder(), await town.family()
    bindings = await asyncio.gather(*(members.request_binding(town.sessions, daughter.id, elder.id, "女儿")
                                      for _ in range(5)))
    assert len({binding.id for binding in bindings}) == 1
    confirmed = await members.confirm_binding(town.sessions, bindings[0].id, elder.actor)
    assert await members.request_binding(town.sessions, daughter.id, elder.id, "女儿") == confirmed
    assert await members.confirm_binding(town.sessions, confirmed.id, elder.actor) == confirmed
    assert len(await audit.entries(town.sessions, subject=elder.id, action="bind")) == 1


async def test_one_family_member_may_act_for_several_elders(town):
    mother, father, daughter = await town.elder(), await town.elder(), await town.family()
    await town.bound(daughter, mother, "女儿")
    await town.bound(daughter, father, "女儿")
    assert [binding.elder_id for binding in await members.bound_elders(town.sessions, daughter.id)] == [
        mother.id, father.id]


async def test_a_binding_ended_by_the_elder_is_gone_and_can_be_asked_for_again(town):
    elder, son = await town.elder(), await town.family()
    binding = await town.bound(son, elder)
    await members.end_binding(town.sessions, binding.id, elder.actor)
    assert not await members.is_bound(town.sessions, son.id, elder.id)
    with pytest.raises(BindingNotFound):
        await members.confirm_binding(town.sessions, binding.id, elder.actor)
    again = await members.request_binding(town.sessions, son.id, elder.id, "儿子")
    assert again.status == "pending"
    await members.end_binding(town.sessions, again.id, son.actor)  # the family member may step back too
    assert [entry.action for entry in await audit.entries(town.sessions, subject=elder.id, limit=2)] == [
        "end_binding", "bind"]


async def test_only_elders_can_be_bound_and_not_to_themselves(town):
    elder, volunteer, daughter = await town.elder(), await town.volunteer(), await town.family()
    with pytest.raises(InvalidValue):
        await members.request_binding(town.sessions, daughter.id, volunteer.id, "女儿")
    with pytest.raises(InvalidValue):
        await members.request_binding(town.sessions, elder.id, elder.id, "本人")
    with pytest.raises(InvalidValue):
        await members.request_binding(town.sessions, daughter.id, elder.id, " ")
    with pytest.raises(NotAllowed):
        await members.end_binding(town.sessions, (await town.bound(daughter, elder)).id, volunteer.actor)


async def test_a_bound_family_member_may_edit_the_elders_profile_a_stranger_may_not(town):
    elder, daughter, stranger = await town.elder(), await town.family(), await town.family()
    await town.bound(daughter, elder)
    updated = await members.update_profile(town.sessions, town.keyring, elder.id, daughter.actor,
                                           emergency_phone="138 0000 1111", community="yangming")
    assert updated.community == "yangming"
    with pytest.raises(NotAllowed):
        await members.update_profile(town.sessions, town.keyring, elder.id, stranger.actor, community="x")
    masked = await members.masked_profile(town.sessions, town.keyring, elder.id)
    assert masked.emergency_phone == "138****1111"
