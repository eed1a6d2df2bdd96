"""The volunteer shows up and does it; the elder confirms and credits move; or something went wrong and staff decide."""

from datetime import timedelta

import pytest

from storage import alerts, audit, ledger, tasks
from storage.ledger import LedgerRules
from storage.members import SYSTEM
from storage.tasks import Point
from tests.tasks.helpers import HOME, holds, open_alerts_of

NEXT_STREET = Point(28.6845, 115.858)  # about 280 m north of HOME
ACROSS_TOWN = Point(28.70, 115.88)  # about 3 km away


async def test_check_in_near_the_place_starts_the_service(desk):
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    accepted = await desk.accepted_task(elder, volunteer, place_point=HOME)
    desk.later(days=1, minutes=-5)

    checked = await desk.check_in(accepted.id, volunteer, NEXT_STREET)

    assert checked.task.status == tasks.IN_SERVICE and checked.task.checked_in_at == desk.now
    assert 250 < checked.distance_m < 300 and not checked.far
    assert checked.task.check_in_distance_m == checked.distance_m
    assert await open_alerts_of(desk.sessions, alerts.FAR_CHECK_IN) == []


async def test_a_far_away_check_in_is_kept_and_flagged_for_staff(desk):
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    accepted = await desk.accepted_task(elder, volunteer, place_point=HOME)

    checked = await desk.check_in(accepted.id, volunteer, ACROSS_TOWN)

    assert checked.far and checked.task.status == tasks.IN_SERVICE
    [flag] = await open_alerts_of(desk.sessions, alerts.FAR_CHECK_IN)
    assert (flag.request_id, flag.member_id, flag.detail["which"]) == (accepted.id, volunteer.id, "checked_in")
    assert flag.detail["distance_m"] == checked.distance_m


async def test_without_a_point_the_distance_is_unknown_not_refused(desk):
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    accepted = await desk.accepted_task(elder, volunteer)  # no place point, no home point on file
    checked = await desk.check_in(accepted.id, volunteer, HOME)
    assert checked.distance_m is None and not checked.far


async def test_check_out_is_recorded_once(desk):
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    started = await desk.task_in_service(elder, volunteer, place_point=HOME)
    desk.later(hours=2)

    out = await desk.check_out(started.id, volunteer, ACROSS_TOWN)

    assert out.task.status == tasks.IN_SERVICE and out.task.checked_out_at == desk.now and out.far
    with pytest.raises(tasks.IllegalTransition):
        await desk.check_out(started.id, volunteer)


async def test_only_the_tasks_volunteer_checks_in(desk):
    elder, volunteer, other = await desk.elder(funded=600), await desk.volunteer(), await desk.volunteer()
    accepted = await desk.accepted_task(elder, volunteer)
    with pytest.raises(tasks.NotYourTask) as refused:
        await desk.check_in(accepted.id, other)
    assert refused.value.code == "not_yours"


async def test_the_elder_confirms_and_the_volunteer_is_paid(desk):
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    started = await desk.task_in_service(elder, volunteer, duration=120)
    desk.later(days=1, hours=2)

    settled = await desk.confirm(started.id, elder.actor)

    assert settled.task.status == tasks.DONE and settled.task.finished_at == desk.now
    assert settled.transfer.credited_min == 120
    assert (await desk.balance(elder.id)).posted == 480 and (await desk.balance(elder.id)).held == 0
    assert (await desk.balance(volunteer.id)).posted == 120

    again = await desk.confirm(started.id, elder.actor)  # a second tap on 完成 changes nothing
    assert again.task == settled.task and again.transfer.transfer_id == settled.transfer.transfer_id
    assert (await desk.balance(volunteer.id)).posted == 120
    assert (await desk.verify()).ok


async def test_a_volunteer_at_the_cap_earns_up_to_it_and_the_rest_goes_to_the_pool(desk):
    desk.ledger_rules = LedgerRules(cap_min=600)
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    await desk.grant(volunteer.id, 550)
    started = await desk.task_in_service(elder, volunteer, duration=120)
    desk.later(minutes=120)

    settled = await desk.confirm(started.id, elder.actor)

    assert (settled.transfer.credited_min, settled.transfer.cap_overflow_min) == (50, 70)
    assert (await desk.balance(volunteer.id)).posted == 600
    assert (await desk.system_balance(ledger.POOL)).posted == 70
    assert (await desk.balance(elder.id)).posted == 480


async def test_the_elder_may_confirm_without_a_check_in_but_not_before_the_start(desk):
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    accepted = await desk.accepted_task(elder, volunteer)
    with pytest.raises(tasks.TooEarly):
        await desk.confirm(accepted.id, elder.actor)
    desk.later(days=1, minutes=10)
    assert (await desk.confirm(accepted.id, elder.actor)).task.status == tasks.DONE


async def test_nobody_else_confirms(desk, town):
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    started = await desk.task_in_service(elder, volunteer)
    for stranger in (volunteer.actor, (await town.family()).actor):
        with pytest.raises(tasks.NotYourTask):
            await desk.confirm(started.id, stranger)
    assert (await desk.task(started.id)).status == tasks.IN_SERVICE


async def test_a_dispute_freezes_the_hold_and_alerts_staff(desk):
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    started = await desk.task_in_service(elder, volunteer)

    disputed = await desk.dispute(started.id, elder.actor, "有问题")

    assert disputed.status == tasks.DISPUTED
    assert (await desk.balance(elder.id)).held == 120 and (await desk.balance(volunteer.id)).posted == 0
    [alert] = await open_alerts_of(desk.sessions, alerts.DISPUTE)
    assert (alert.request_id, alert.member_id, alert.detail["volunteer_id"]) == (started.id, elder.id, volunteer.id)
    with pytest.raises(tasks.IllegalTransition):
        await desk.confirm(started.id, elder.actor)  # staff decide now
    assert (await desk.task(started.id)).status == tasks.DISPUTED


@pytest.mark.parametrize("decision, amount, paid, status", [
    ("PAY", None, 120, tasks.DONE), ("PART", 45, 45, tasks.DONE), ("REFUND", None, 0, tasks.CANCELLED)])
async def test_staff_resolve_a_dispute_with_a_recorded_reason(desk, town, decision, amount, paid, status):
    elder, volunteer, staff = await desk.elder(funded=600), await desk.volunteer(), await town.staff()
    started = await desk.task_in_service(elder, volunteer, duration=120)
    await desk.dispute(started.id, elder.actor)

    settled = await desk.resolve(started.id, staff.actor, decision, "电话核实：只做了一半", amount=amount)

    assert settled.task.status == status
    assert (await desk.balance(volunteer.id)).posted == paid
    assert (await desk.balance(elder.id)).posted == 600 - paid and (await desk.balance(elder.id)).held == 0
    assert (settled.transfer is None) == (decision == "REFUND")
    [entry] = await audit.entries(desk.sessions, action="resolve_dispute")
    assert (entry.actor, entry.reason, entry.subject_id) == (f"staff:{staff.id}", "电话核实：只做了一半", elder.id)
    assert entry.detail["decision"] == decision and entry.detail["request_id"] == started.id
    [hold] = await holds(desk.sessions)
    assert (await desk.verify()).ok and hold.id == started.hold_id


async def test_only_active_staff_resolve_and_always_with_a_reason(desk, town):
    elder, volunteer, staff = await desk.elder(funded=600), await desk.volunteer(), await town.staff()
    started = await desk.task_in_service(elder, volunteer, duration=120)
    await desk.dispute(started.id, elder.actor)

    for nobody in (SYSTEM, elder.actor, volunteer.actor):
        with pytest.raises(tasks.NotYourTask):
            await desk.resolve(started.id, nobody, "PAY")
    with pytest.raises(tasks.InvalidTask):
        await desk.resolve(started.id, staff.actor, "PAY", reason=" ")
    with pytest.raises(tasks.InvalidTask):
        await desk.resolve(started.id, staff.actor, "PART", amount=120)  # a part is less than the whole
    assert (await desk.task(started.id)).status == tasks.DISPUTED
    assert await audit.entries(desk.sessions, action="resolve_dispute") == []
    assert (await desk.balance(elder.id)).held == 120


async def test_the_whole_day_in_order(desk, town):
    mother, volunteer = await desk.elder(funded=600), await desk.volunteer()
    daughter = await town.family()
    await town.bound(daughter, mother)
    posted = await desk.post(mother, actor=daughter.actor, place_point=HOME)
    await desk.accept(posted.id, volunteer)
    desk.later(days=1, minutes=-3)
    await desk.check_in(posted.id, volunteer)
    desk.later(hours=2)
    await desk.check_out(posted.id, volunteer)
    await desk.confirm(posted.id, daughter.actor)

    events = [(e.event, e.to_status, e.actor) for e in await tasks.history(desk.sessions, posted.id)]
    assert events == [("posted", "open", f"member:{daughter.id}"), ("accepted", "accepted", f"member:{volunteer.id}"),
                      ("checked_in", "in_service", f"member:{volunteer.id}"),
                      ("checked_out", "in_service", f"member:{volunteer.id}"),
                      ("confirmed", "done", f"member:{daughter.id}")]
    final = await desk.task(posted.id)
    assert final.version == 4 and final.checked_out_at - final.checked_in_at == timedelta(hours=2)
