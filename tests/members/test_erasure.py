"""Erasure: every personal value gone, the account closed, a pseudonymous row left for the ledger."""

from datetime import date

import pytest

from storage import audit, members
from storage.members import SYSTEM, NotAllowed, PersonalData, Purpose
from tests.members.helpers import raw_dump, raw_rows


async def test_an_erased_member_leaves_no_personal_data_and_a_closed_account(town):
    elder, daughter, staff = await town.elder(name="钱秀英"), await town.family(), await town.staff()
    await town.bound(daughter, elder)
    volunteer = await town.volunteer(verified=True)
    await members.record_certificate(town.sessions, volunteer.id, "bathing", "东湖区红十字会", date(2026, 1, 1),
                                     None, by=staff.actor)

    erasure = await members.erase_member(town.sessions, elder.id, staff.actor)
    await members.erase_member(town.sessions, volunteer.id, volunteer.actor)

    assert erasure.member_id == elder.id and erasure.ledger_ref == f"member:{elder.id}"
    row = next(row for row in await raw_rows(town.sessions, "members") if row["id"] == elder.id)
    personal_columns = [f"{field}_enc" for field in members.PERSONAL_FIELDS]
    assert all(row[column] is None for column in (*personal_columns, "phone_hash", "openid", "birth_year"))
    assert "钱秀英" not in await raw_dump(town.sessions)

    erased = await members.member_by_id(town.sessions, elder.id)
    assert erased.status == members.CLOSED and erased.erased_at == erasure.erased_at
    assert erased.openid is None and erased.pushes_stopped and erased.broadcasts_opted_out
    assert await members.masked_profile(town.sessions, town.keyring, elder.id) == PersonalData()
    assert await members.family_of(town.sessions, elder.id, include_pending=True) == []
    assert await members.certificates_of(town.sessions, volunteer.id) == []


async def test_after_erasure_the_phone_and_openid_are_free_for_someone_new(town):
    elder = await town.elder(openid="o-qian")
    phone = (await members.reveal(town.sessions, town.keyring, elder.actor, elder.id, ["phone"],
                                  Purpose("own_profile"))).phone
    await members.erase_member(town.sessions, elder.id, elder.actor)
    assert await members.member_by_phone(town.sessions, town.keyring, phone) is None
    assert await members.member_by_openid(town.sessions, "o-qian") is None
    newcomer = await town.elder(openid="o-qian")
    assert newcomer.id != elder.id


async def test_erasing_twice_is_the_same_erasure_logged_once(town):
    elder = await town.elder()
    first = await members.erase_member(town.sessions, elder.id, elder.actor)
    assert await members.erase_member(town.sessions, elder.id, SYSTEM) == first
    erasures = await audit.entries(town.sessions, subject=elder.id, action="erase")
    assert [entry.actor for entry in erasures] == [f"member:{elder.id}"]


async def test_only_the_member_or_staff_may_erase(town):
    elder, daughter = await town.elder(), await town.family()
    await town.bound(daughter, elder)
    with pytest.raises(NotAllowed):
        await members.erase_member(town.sessions, elder.id, daughter.actor)
    assert (await members.member_by_id(town.sessions, elder.id)).is_active


async def test_a_closed_account_cannot_be_changed_any_more(town):
    elder, staff = await town.elder(), await town.staff()
    await members.erase_member(town.sessions, elder.id, staff.actor)
    with pytest.raises(members.MemberClosed):
        await members.update_profile(town.sessions, town.keyring, elder.id, staff.actor, address="胜利路8号")
    with pytest.raises(members.MemberClosed):
        await members.reinstate_member(town.sessions, elder.id, staff.actor)
    with pytest.raises(members.MemberClosed):
        await members.reattach_openid(town.sessions, elder.id, "o-new")
