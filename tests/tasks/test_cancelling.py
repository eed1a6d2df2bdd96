"""Plans change: the elder cancels, or the volunteer hands the task back."""

from datetime import timedelta

import pytest

from storage import alerts, tasks
from tests.tasks.helpers import holds, open_alerts_of


async def test_the_elder_cancels_before_anyone_accepted_and_nothing_moves(desk):
    elder = await desk.elder(funded=600)
    posted = await desk.post(elder)

    cancelled = await desk.cancel(posted.id, elder.actor, "不需要了")

    assert cancelled.status == tasks.CANCELLED
    assert await holds(desk.sessions) == [] and (await desk.balance(elder.id)).available == 600
    assert (await tasks.history(desk.sessions, posted.id))[-1].reason == "不需要了"


async def test_the_daughter_cancels_after_acceptance_and_the_hold_is_voided(desk, town):
    mother, volunteer = await desk.elder(funded=600), await desk.volunteer()
    daughter = await town.family()
    await town.bound(daughter, mother)
    accepted = await desk.accepted_task(mother, volunteer)

    cancelled = await desk.cancel(accepted.id, daughter.actor)

    assert cancelled.status == tasks.CANCELLED and cancelled.volunteer_id == volunteer.id  # so they can be told
    assert (await desk.balance(mother.id)).available == 600 and (await desk.balance(mother.id)).held == 0
    assert (await desk.verify()).ok


async def test_the_volunteer_hands_back_a_task_in_good_time_and_it_reopens(desk):
    elder, volunteer, next_one = await desk.elder(funded=600), await desk.volunteer(), await desk.volunteer()
    accepted = await desk.accepted_task(elder, volunteer, starts_in=timedelta(days=3))

    reopened = await desk.cancel(accepted.id, volunteer.actor, "临时出差")

    assert reopened.status == tasks.OPEN and reopened.volunteer_id is None and reopened.hold_id is None
    assert (await desk.balance(elder.id)).held == 0
    last = (await tasks.history(desk.sessions, accepted.id))[-1]
    assert (last.event, last.volunteer_id, last.late) == ("volunteer_cancelled", volunteer.id, False)
    assert await open_alerts_of(desk.sessions, alerts.LATE_CANCEL) == []
    again = await desk.accept(accepted.id, next_one)
    assert again.acceptance_no == 2 and (await desk.balance(elder.id)).held == 120
    assert [hold.idempotency_key for hold in await holds(desk.sessions)] == [
        f"request:{accepted.id}:hold:1", f"request:{accepted.id}:hold:2"]


async def test_a_late_hand_back_is_counted_and_staff_are_told(desk):
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    accepted = await desk.accepted_task(elder, volunteer, starts_in=timedelta(hours=5))

    await desk.cancel(accepted.id, volunteer.actor)

    [alert] = await open_alerts_of(desk.sessions, alerts.LATE_CANCEL)
    assert (alert.member_id, alert.request_id) == (volunteer.id, accepted.id)
    record = await tasks.volunteer_record(desk.sessions, volunteer.id, now=desk.now, rules=desk.rules)
    assert record.late_cancellations == 1


async def test_nobody_else_cancels_and_nothing_is_cancelled_twice(desk, town):
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    accepted = await desk.accepted_task(elder, volunteer)
    for stranger in ((await desk.volunteer()).actor, (await town.family()).actor):
        with pytest.raises(tasks.NotYourTask):
            await desk.cancel(accepted.id, stranger)
    await desk.cancel(accepted.id, elder.actor)
    with pytest.raises(tasks.IllegalTransition):
        await desk.cancel(accepted.id, elder.actor)
    assert len(await tasks.history(desk.sessions, accepted.id)) == 3


async def test_a_started_service_is_disputed_not_cancelled(desk):
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    started = await desk.task_in_service(elder, volunteer)
    for actor in (elder.actor, volunteer.actor):
        with pytest.raises(tasks.IllegalTransition):
            await desk.cancel(started.id, actor)
    assert (await desk.balance(elder.id)).held == 120
