"""After the work: both sides rate once; a poor rating reaches staff."""

from datetime import timedelta

import pytest

from storage import alerts, tasks
from tests.tasks.helpers import open_alerts_of


async def finished(desk, elder, volunteer):
    started = await desk.task_in_service(elder, volunteer, starts_in=timedelta(hours=1))
    desk.later(hours=4)
    await desk.confirm(started.id, elder.actor)
    return started


async def test_each_side_rates_once(desk, town):
    mother, volunteer = await desk.elder(funded=600), await desk.volunteer()
    daughter = await town.family()
    await town.bound(daughter, mother)
    done = await finished(desk, mother, volunteer)

    by_family = await desk.rate(done.id, daughter.actor, 5, "很耐心")
    by_volunteer = await desk.rate(done.id, volunteer.actor, 4)

    assert (by_family.side, by_family.rater_id, by_family.ratee_id) == (tasks.REQUESTER, daughter.id, volunteer.id)
    assert (by_volunteer.side, by_volunteer.ratee_id) == (tasks.VOLUNTEER, mother.id)
    assert await tasks.rating_of(desk.sessions, done.id, tasks.REQUESTER) == by_family
    with pytest.raises(tasks.AlreadyRated) as twice:
        await desk.rate(done.id, mother.actor, 3)  # the elder herself: same side as her daughter
    assert twice.value.code == "already_rated"
    record = await tasks.volunteer_record(desk.sessions, volunteer.id, now=desk.now, rules=desk.rules)
    assert (record.done, record.average_stars) == (1, 5.0)
    assert await open_alerts_of(desk.sessions, alerts.LOW_RATING) == []


async def test_a_low_rating_alerts_staff(desk):
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    done = await finished(desk, elder, volunteer)
    await desk.rate(done.id, elder.actor, 2, "迟到了很久")
    [alert] = await open_alerts_of(desk.sessions, alerts.LOW_RATING)
    assert (alert.member_id, alert.request_id, alert.detail["stars"]) == (volunteer.id, done.id, 2)


async def test_no_rating_before_the_end_nor_by_strangers_nor_off_the_scale(desk, town):
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    started = await desk.task_in_service(elder, volunteer)
    with pytest.raises(tasks.NotFinished):
        await desk.rate(started.id, elder.actor, 5)
    desk.later(days=2)
    await desk.confirm(started.id, elder.actor)
    with pytest.raises(tasks.NotYourTask):
        await desk.rate(started.id, (await town.family()).actor, 5)
    for stars in (0, 6):
        with pytest.raises(tasks.InvalidTask):
            await desk.rate(started.id, elder.actor, stars)
    assert await tasks.rating_of(desk.sessions, started.id, tasks.REQUESTER) is None
