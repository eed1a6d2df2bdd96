"""Reading personal data unmasked: who may see what, and that every attempt is in the audit log."""

import pytest
from sqlalchemy import text

from storage import audit, members
from storage.members import SYSTEM, Actor, InvalidValue, MemberNotFound, Purpose, RevealRefused
from tests.members.helpers import raw_dump

CONTACT = ("real_name", "phone", "address")


async def _reveal(town, reader, subject, fields=CONTACT, purpose=Purpose("case_review"), allowed=False):
    reader = reader if isinstance(reader, Actor) else reader.actor
    return await members.reveal(town.sessions, town.keyring, reader, subject.id, fields, purpose, allowed)


async def _last_entry(sessions, subject):
    return (await audit.entries(sessions, subject=subject.id, limit=1))[0]


async def test_members_see_all_their_own_data(town):
    elder = await town.elder(name="王小明")
    revealed = await _reveal(town, elder, elder, members.PERSONAL_FIELDS, Purpose("own_profile"))
    assert revealed.real_name == "王小明" and revealed.phone.startswith("1391234")
    entry = await _last_entry(town.sessions, elder)
    assert (entry.action, entry.actor, entry.reason) == ("reveal", f"member:{elder.id}", "own_profile")
    assert entry.detail["relations"] == ["self"]


async def test_only_the_asked_fields_are_returned(town):
    elder = await town.elder()
    revealed = await _reveal(town, elder, elder, ["phone"])
    assert revealed.phone and revealed.real_name is None and revealed.address is None


async def test_staff_see_everything_and_the_log_names_them_as_staff(town):
    elder, staff = await town.elder(), await town.staff()
    revealed = await _reveal(town, staff, elder, members.PERSONAL_FIELDS, Purpose("emergency"))
    assert revealed.id_number and revealed.emergency_phone
    entry = await _last_entry(town.sessions, elder)
    assert (entry.action, entry.actor, entry.reason) == ("reveal", f"staff:{staff.id}", "emergency")


async def test_family_see_a_bound_elder_once_the_binding_is_confirmed_but_not_the_id_number(town):
    elder, daughter = await town.elder(), await town.family()
    binding = await members.request_binding(town.sessions, daughter.id, elder.id, "女儿")
    with pytest.raises(RevealRefused):
        await _reveal(town, daughter, elder)
    assert (await _last_entry(town.sessions, elder)).action == "reveal_refused"

    await members.confirm_binding(town.sessions, binding.id, elder.actor)
    assert (await _reveal(town, daughter, elder)).address.startswith("东湖区")
    with pytest.raises(RevealRefused):
        await _reveal(town, daughter, elder, ["id_number"])


async def test_the_accepted_volunteer_of_an_active_task_sees_what_the_visit_needs(town):
    elder, volunteer = await town.elder(), await town.volunteer(verified=True)
    revealed = await _reveal(town, volunteer, elder, CONTACT, Purpose.for_task(17), allowed=True)
    assert revealed.phone and revealed.address
    entry = await _last_entry(town.sessions, elder)
    assert (entry.reason, entry.detail["task_id"], entry.detail["relations"]) == (
        "task_contact", 17, ["task_volunteer"])

    for fields in (["id_number"], ["emergency_phone"], ["phone", "id_number"]):
        with pytest.raises(RevealRefused):
            await _reveal(town, volunteer, elder, fields, Purpose.for_task(17), allowed=True)


async def test_a_volunteer_whose_task_the_caller_does_not_vouch_for_sees_nothing(town):
    elder, volunteer = await town.elder(), await town.volunteer(verified=True)
    with pytest.raises(RevealRefused):
        await _reveal(town, volunteer, elder, ["phone"], Purpose.for_task(17), allowed=False)
    entry = await _last_entry(town.sessions, elder)
    assert (entry.action, entry.detail["fields"], entry.detail["relations"]) == ("reveal_refused", ["phone"], [])


async def test_a_vouching_check_runs_inside_the_reveal_transaction(town):
    elder, volunteer = await town.elder(), await town.volunteer(verified=True)
    seen = []

    async def task_is_active(session):
        # A real check reads the task's state with this session, in the transaction that logs the reveal.
        seen.append((session.in_transaction(), (await session.execute(text("SELECT 1"))).scalar_one()))
        return True

    assert (await _reveal(town, volunteer, elder, ["phone"], Purpose.for_task(3), allowed=task_is_active)).phone
    assert seen == [(True, 1)]


async def test_strangers_suspended_staff_and_the_system_are_refused_and_logged(town):
    elder, stranger, staff = await town.elder(), await town.volunteer(), await town.staff()
    await members.suspend_member(town.sessions, staff.id, SYSTEM, "left the job")
    for reader in (stranger, staff, SYSTEM):
        with pytest.raises(RevealRefused):
            await _reveal(town, reader, elder, ["phone"])
    refused = await audit.entries(town.sessions, subject=elder.id, action="reveal_refused")
    assert [entry.actor for entry in refused] == ["system", f"staff:{staff.id}", f"member:{stranger.id}"]


async def test_the_log_of_reveals_holds_field_names_never_values(town):
    elder, staff = await town.elder(name="赵桂兰"), await town.staff()
    await _reveal(town, staff, elder, members.PERSONAL_FIELDS)
    with pytest.raises(RevealRefused):
        await _reveal(town, await town.volunteer(), elder, members.PERSONAL_FIELDS)
    dump = await raw_dump(town.sessions)
    assert "赵桂兰" not in dump and "1391234" not in dump and "彭家桥" not in dump


async def test_mistakes_in_the_call_are_errors_not_refusals(town):
    elder = await town.elder()
    with pytest.raises(InvalidValue):
        await _reveal(town, elder, elder, ["salary"])
    with pytest.raises(InvalidValue):
        await _reveal(town, elder, elder, [])
    with pytest.raises(InvalidValue):  # vouching needs the task it vouches for
        await _reveal(town, elder, elder, ["phone"], Purpose("own_profile"), allowed=True)
    with pytest.raises(MemberNotFound):
        await members.reveal(town.sessions, town.keyring, elder.actor, 999, ["phone"], Purpose("x"))
    assert await audit.entries(town.sessions, action="reveal") == []
