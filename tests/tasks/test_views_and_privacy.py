"""Who sees what: my orders, open requests, and the elder's contact only for the volunteer on the job."""

from datetime import timedelta

import pytest

from storage import audit, tasks
from tests.tasks.helpers import HOME, TASK_TABLES, raw_rows

PLACE, NOTES, COMMENT = "市第一医院门诊楼三楼", "带上医保卡和病历本", "张师傅人很好"


async def test_my_orders_show_my_requests_my_elders_requests_and_my_tasks(desk, town):
    mother, volunteer = await desk.elder(funded=900), await desk.volunteer()
    daughter = await town.family()
    await town.bound(daughter, mother)
    other_elder = await desk.elder(funded=600)
    first = await desk.post(mother)
    second = await desk.accepted_task(mother, volunteer)
    elsewhere = await desk.post(other_elder)

    assert [t.id for t in await tasks.tasks_of(desk.sessions, daughter.id)] == [second.id, first.id]
    assert [t.id for t in await tasks.tasks_of(desk.sessions, mother.id)] == [second.id, first.id]
    assert [t.id for t in await tasks.tasks_of(desk.sessions, volunteer.id)] == [second.id]
    assert [t.id for t in await tasks.tasks_of(desk.sessions, other_elder.id)] == [elsewhere.id]


async def test_open_requests_near_the_volunteer_come_first(desk):
    here, there = await desk.elder(funded=600), await desk.elder(funded=600, community="qingshan")
    far_soon = await desk.post(there, starts_in=timedelta(hours=2))
    near_later = await desk.post(here, starts_in=timedelta(days=2))
    bathing = await desk.post(here, "bathing", duration=60, starts_in=timedelta(days=1))

    listed = await tasks.open_requests(desk.sessions, community="pengjiaqiao", service_code=None, now=desk.now)
    assert [t.id for t in listed] == [bathing.id, near_later.id, far_soon.id]
    only_shopping = await tasks.open_requests(desk.sessions, community="pengjiaqiao", service_code="shopping",
                                              now=desk.now)
    assert [t.id for t in only_shopping] == [near_later.id, far_soon.id]


async def test_only_the_accepted_volunteer_sees_the_contact_while_the_task_lasts(desk):
    elder, volunteer, other = await desk.elder(funded=600), await desk.volunteer(), await desk.volunteer()
    posted = await desk.post(elder)

    async def contact(actor):
        return await tasks.contact_for_volunteer(desk.sessions, desk.keyring, posted.id, actor, desk.now)

    with pytest.raises(tasks.NotYourTask):
        await contact(volunteer.actor)  # not accepted yet
    await desk.accept(posted.id, volunteer)
    seen = await contact(volunteer.actor)
    assert (seen.real_name, seen.phone) == ("王小明", "13912340001") and seen.address.startswith("东湖区")
    for someone_else in (other.actor, elder.actor):
        with pytest.raises(tasks.NotYourTask):
            await contact(someone_else)
    desk.later(days=2)
    await desk.confirm(posted.id, elder.actor)
    with pytest.raises(tasks.NotYourTask):
        await contact(volunteer.actor)  # the task has ended

    log = [(e.action, e.actor, e.detail["task_id"]) for e in await audit.entries(desk.sessions, subject=elder.id)
           if e.action.startswith("reveal")]
    assert log == [  # newest first
        ("reveal_refused", f"member:{volunteer.id}", posted.id),
        ("reveal", f"member:{elder.id}", posted.id),  # her own data, on her own right; NotYourTask all the same
        ("reveal_refused", f"member:{other.id}", posted.id),
        ("reveal", f"member:{volunteer.id}", posted.id),
        ("reveal_refused", f"member:{volunteer.id}", posted.id)]


async def test_the_place_given_with_the_request_replaces_the_home_address(desk):
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    accepted = await desk.accepted_task(elder, volunteer, place=PLACE)
    seen = await tasks.contact_for_volunteer(desk.sessions, desk.keyring, accepted.id, volunteer.actor, desk.now)
    assert seen.address == PLACE


async def test_the_database_holds_no_plaintext_place_notes_or_comment(desk):
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    started = await desk.task_in_service(elder, volunteer, place=PLACE, place_point=HOME, notes=NOTES)
    await tasks.contact_for_volunteer(desk.sessions, desk.keyring, started.id, volunteer.actor, desk.now)
    desk.later(days=2)
    await desk.confirm(started.id, elder.actor)
    await desk.rate(started.id, elder.actor, 1, COMMENT)

    dump = repr([await raw_rows(desk.sessions, table) for table in TASK_TABLES])
    for secret in (PLACE, NOTES, COMMENT, "28.682", "115.858", "13912340001", "东湖区"):
        assert secret not in dump
    [row] = await raw_rows(desk.sessions, "service_requests")
    assert row["place_enc"].startswith("k1:") and row["notes_enc"].startswith("k1:")
