"""Profile changes, and what unfollowing and following again do to pushes."""

from datetime import date

import pytest

from storage import audit, members
from storage.members import AlreadyRegistered, InvalidValue, Purpose


async def test_a_member_changes_their_own_profile_and_the_log_names_only_the_fields(town):
    volunteer = await town.volunteer()
    updated = await members.update_profile(
        town.sessions, town.keyring, volunteer.id, volunteer.actor, phone="+86 150 0000 0001",
        skills=["shopping", "digital_help", "shopping"], availability=["周一上午", "周三下午"],
        broadcasts_opted_out=True)
    assert updated.skills == ("shopping", "digital_help")
    assert updated.availability == ("周一上午", "周三下午") and updated.broadcasts_opted_out
    assert await members.member_by_phone(town.sessions, town.keyring, "15000000001") == updated
    entry = (await audit.entries(town.sessions, subject=volunteer.id, limit=1))[0]
    assert entry.detail == {"fields": ["availability", "broadcasts_opted_out", "phone", "skills"]}

    free_text = await members.update_profile(town.sessions, town.keyring, volunteer.id, volunteer.actor,
                                             availability="周末都有空", phone=None)
    assert free_text.availability == "周末都有空"
    assert await members.member_by_phone(town.sessions, town.keyring, "15000000001") is None


async def test_a_phone_already_someone_elses_is_refused(town):
    first, second = await town.elder(), await town.elder()
    phone = (await members.reveal(town.sessions, town.keyring, first.actor, first.id, ["phone"],
                                  Purpose("own_profile"))).phone
    with pytest.raises(AlreadyRegistered) as refused:
        await members.update_profile(town.sessions, town.keyring, second.id, second.actor, phone=phone)
    assert refused.value.member_id == first.id


async def test_unknown_or_invalid_fields_are_refused(town):
    elder = await town.elder()
    for change in ({"role": "volunteer"}, {"is_staff": True}, {"phone": "12345"}, {"birth_year": 3000}):
        with pytest.raises(InvalidValue):
            await members.update_profile(town.sessions, town.keyring, elder.id, elder.actor, **change)


async def test_age_follows_the_birth_year(town):
    elder = await town.elder(birth_year=1946)
    assert elder.age_on(date(2026, 1, 1)) == 80
    assert (await town.elder(birth_year=None)).age_on(date(2026, 1, 1)) is None


async def test_unfollowing_stops_pushes_and_following_again_waits_for_the_phone_check(town):
    elder = await town.elder(openid="o-zhao")
    assert (await members.set_following(town.sessions, "o-zhao", False)).pushes_stopped
    back = await members.set_following(town.sessions, "o-zhao", True)
    assert back.id == elder.id and back.pushes_stopped  # the caller now asks for the registered phone
    restored = await members.reattach_openid(town.sessions, elder.id, "o-zhao")
    assert not restored.pushes_stopped
    assert await members.set_following(town.sessions, "o-unknown", False) is None


async def test_a_member_on_a_new_wechat_account_is_reattached_and_the_old_openid_released(town):
    elder = await town.elder(openid="o-old-phone")
    moved = await members.reattach_openid(town.sessions, elder.id, "o-new-phone")
    assert moved.openid == "o-new-phone"
    assert await members.member_by_openid(town.sessions, "o-old-phone") is None
    assert (await audit.entries(town.sessions, subject=elder.id, limit=1))[0].action == "reattach"


async def test_an_openid_that_is_another_members_is_not_reattached(town):
    first, second = await town.elder(openid="o-first"), await town.elder(openid=None)
    with pytest.raises(AlreadyRegistered) as refused:
        await members.reattach_openid(town.sessions, second.id, "o-first")
    assert refused.value.member_id == first.id
