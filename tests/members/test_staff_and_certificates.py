"""Staff-only and admin-only actions, volunteer verification, training certificates by date."""

from datetime import date

import pytest

from storage import audit, members
from storage.members import SYSTEM, InvalidValue, NotAllowed

JAN_1, JUN_30, JUL_1 = date(2026, 1, 1), date(2026, 6, 30), date(2026, 7, 1)


async def test_an_unverified_volunteer_may_browse_but_not_accept_until_staff_verify(town):
    volunteer, staff = await town.volunteer(), await town.staff()
    assert volunteer.is_active and not volunteer.can_accept_tasks
    verified = await members.verify_volunteer(town.sessions, volunteer.id, staff.actor)
    assert verified.can_accept_tasks and verified.verified_by == f"staff:{staff.id}"
    again = await members.verify_volunteer(town.sessions, volunteer.id, (await town.staff()).actor)
    assert again.verified_at == verified.verified_at and again.verified_by == verified.verified_by


async def test_only_volunteers_are_verified(town):
    with pytest.raises(InvalidValue):
        await members.verify_volunteer(town.sessions, (await town.elder()).id, SYSTEM)


@pytest.mark.parametrize("action", [
    lambda s, member, by: members.verify_volunteer(s, member.id, by),
    lambda s, member, by: members.suspend_member(s, member.id, by, "complaint"),
    lambda s, member, by: members.reinstate_member(s, member.id, by),
    lambda s, member, by: members.set_in_need(s, member.id, by, True),
    lambda s, member, by: members.record_certificate(s, member.id, "bathing", "红十字会", JAN_1, None, by=by),
])
async def test_staff_only_actions_refuse_members_and_suspended_staff(town, action):
    volunteer, plain, staff = await town.volunteer(), await town.family(), await town.staff()
    await members.suspend_member(town.sessions, staff.id, SYSTEM, "on leave")
    for not_staff in (plain, volunteer, staff):
        with pytest.raises(NotAllowed):
            await action(town.sessions, volunteer, not_staff.actor)
    await action(town.sessions, volunteer, (await town.staff()).actor)


async def test_suspension_needs_a_reason_and_is_logged_with_it(town):
    elder, staff = await town.elder(), await town.staff()
    with pytest.raises(InvalidValue):
        await members.suspend_member(town.sessions, elder.id, staff.actor, "  ")
    suspended = await members.suspend_member(town.sessions, elder.id, staff.actor, "repeated no-shows")
    assert suspended.status == members.SUSPENDED and not suspended.is_active
    entry, = await audit.entries(town.sessions, subject=elder.id, action="suspend")
    assert (entry.actor, entry.reason) == (f"staff:{staff.id}", "repeated no-shows")
    assert (await members.reinstate_member(town.sessions, elder.id, staff.actor)).is_active


async def test_staff_mark_an_elder_in_need(town):
    elder, staff = await town.elder(), await town.staff()
    assert not elder.in_need
    assert (await members.set_in_need(town.sessions, elder.id, staff.actor, True, "低保户")).in_need


async def test_only_admins_make_or_revoke_staff(town):
    volunteer, staff, admin = await town.volunteer(), await town.staff(), await town.staff(admin=True)
    with pytest.raises(NotAllowed):
        await members.make_staff(town.sessions, volunteer.id, staff.actor)
    with pytest.raises(NotAllowed):
        await members.make_staff(town.sessions, volunteer.id, volunteer.actor)
    promoted = await members.make_staff(town.sessions, volunteer.id, admin.actor)
    assert promoted.is_staff and not promoted.is_admin
    assert (await audit.entries(town.sessions, subject=volunteer.id, limit=1))[0].actor == f"staff:{admin.id}"

    with pytest.raises(NotAllowed):
        await members.revoke_staff(town.sessions, volunteer.id, staff.actor)
    demoted = await members.revoke_staff(town.sessions, volunteer.id, admin.actor)
    assert not demoted.is_staff


async def test_the_first_admin_comes_from_the_system(town):
    first = await town.volunteer()
    admin = await members.make_staff(town.sessions, first.id, SYSTEM, admin=True)
    assert admin.is_staff and admin.is_admin


async def test_a_certificate_is_valid_from_its_issue_through_its_expiry_day(town):
    volunteer, staff = await town.volunteer(verified=True), await town.staff()
    certificate = await members.record_certificate(town.sessions, volunteer.id, "bathing", "东湖区红十字会",
                                                   JAN_1, JUN_30, by=staff.actor)
    assert certificate.recorded_by == f"staff:{staff.id}"
    validity = {day: await members.is_certified(town.sessions, volunteer.id, "bathing", day)
                for day in (date(2025, 12, 31), JAN_1, JUN_30, JUL_1)}
    assert validity == {date(2025, 12, 31): False, JAN_1: True, JUN_30: True, JUL_1: False}
    assert not await members.is_certified(town.sessions, volunteer.id, "haircut", JUN_30)


async def test_a_renewed_or_open_ended_certificate_extends_validity(town):
    volunteer = await town.volunteer(verified=True)
    await members.record_certificate(town.sessions, volunteer.id, "haircut", "美发协会", JAN_1, JUN_30, by=SYSTEM)
    await members.record_certificate(town.sessions, volunteer.id, "haircut", "美发协会", JUL_1, None, by=SYSTEM)
    assert await members.is_certified(town.sessions, volunteer.id, "haircut", date(2040, 1, 1))
    assert len(await members.certificates_of(town.sessions, volunteer.id)) == 2


@pytest.mark.parametrize("code, issuer, issued, expires", [
    ("Bathing", "红十字会", JAN_1, None),
    ("bathing", " ", JAN_1, None),
    ("bathing", "红十字会", JUL_1, JUN_30),
])
async def test_a_malformed_certificate_is_refused(town, code, issuer, issued, expires):
    volunteer = await town.volunteer()
    with pytest.raises(InvalidValue):
        await members.record_certificate(town.sessions, volunteer.id, code, issuer, issued, expires, by=SYSTEM)
