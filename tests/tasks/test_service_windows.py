"""Credits only for service that happened: the check-in window, short visits, and paying the minutes served.

The stories of issue 14's first paragraph, each told against real storage with the test's clock.
"""

import contextlib
import dataclasses
from datetime import date, timedelta

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st

from storage import alerts, members, tasks
from storage.tasks.windows import PAY_STEP_MIN, Pay, pay_for
from tests.hypothesis_profiles import examples
from tests.tasks.helpers import HOME, open_alerts_of

DAY_AFTER_TOMORROW = timedelta(days=2)


async def test_a_check_in_35_hours_early_is_refused_saying_when_it_opens(desk):
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    accepted = await desk.accepted_task(elder, volunteer, starts_in=DAY_AFTER_TOMORROW, duration=60)
    desk.now = accepted.starts_at - timedelta(hours=35)

    with pytest.raises(tasks.CheckInTooEarly) as refused:
        await desk.check_in(accepted.id, volunteer, on_time=False)

    assert refused.value.at == accepted.starts_at - timedelta(minutes=30)
    assert (await desk.task(accepted.id)).status == tasks.ACCEPTED
    desk.now = refused.value.at
    assert (await desk.check_in(accepted.id, volunteer, on_time=False)).task.status == tasks.IN_SERVICE


async def test_check_in_then_check_out_a_minute_apart_never_pays_the_planned_hour(desk):
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    accepted = await desk.accepted_task(elder, volunteer, starts_in=DAY_AFTER_TOMORROW, duration=60)
    await desk.check_in(accepted.id, volunteer)
    desk.later(minutes=1)

    with pytest.raises(tasks.ShortVisit) as asked:  # "确定做完了吗？"
        await desk.check_out(accepted.id, volunteer, full=False)
    assert asked.value.minutes == 1
    await desk.check_out(accepted.id, volunteer, full=False, sure=True)
    [flag] = await open_alerts_of(desk.sessions, alerts.SHORT_VISIT)
    assert flag.request_id == accepted.id

    desk.later(days=3)
    assert await tasks.auto_confirm(desk.sessions, rules=desk.rules, ledger_rules=desk.ledger_rules,
                                    now=desk.now) == ()
    settled = await desk.confirm(accepted.id, elder.actor)  # the elder's word: paid what was served, nothing
    assert settled.transfer is None and settled.task.status == tasks.DONE
    assert (await desk.balance(volunteer.id)).posted == 0
    assert (await desk.balance(elder.id)).available == 600
    assert (await desk.verify()).ok


async def test_a_late_check_in_is_refused_and_staff_are_told(desk):
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    accepted = await desk.accepted_task(elder, volunteer)
    desk.now = accepted.starts_at + timedelta(minutes=61)

    with pytest.raises(tasks.CheckInTooLate):
        await desk.check_in(accepted.id, volunteer, on_time=False)

    [late] = await open_alerts_of(desk.sessions, alerts.LATE_CHECK_IN)
    assert (late.member_id, late.request_id) == (volunteer.id, accepted.id)


async def test_no_show_waits_until_the_late_check_in_window_has_closed(desk):
    desk.rules = dataclasses.replace(desk.rules, no_show_grace_min=30, check_in_late_min=90)
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    accepted = await desk.accepted_task(elder, volunteer)
    desk.now = accepted.starts_at + timedelta(minutes=89)

    assert await tasks.reopen_no_shows(desk.sessions, rules=desk.rules, now=desk.now) == ()
    assert (await desk.check_in(accepted.id, volunteer, on_time=False)).task.status == tasks.IN_SERVICE


@pytest.mark.parametrize("served, paid", [(47, 45), (90, 90), (120, 120), (200, 120)])
async def test_the_volunteer_is_paid_the_minutes_served_capped_at_the_plan(desk, served, paid):
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    started = await desk.task_in_service(elder, volunteer, duration=120)
    desk.later(minutes=served)
    await desk.check_out(started.id, volunteer, full=False)

    settled = await desk.confirm(started.id, elder.actor)

    assert settled.transfer.requested_min == paid  # shopping weighs 1: minutes served are credits
    assert (await desk.balance(elder.id)).available == 600 - paid
    assert (await desk.verify()).ok


async def test_a_tolerance_pays_a_little_over_the_plan_and_no_more(desk):
    desk.rules = dataclasses.replace(desk.rules, pay_tolerance_min=15)
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    started = await desk.task_in_service(elder, volunteer, duration=60)
    desk.later(minutes=200)
    await desk.check_out(started.id, volunteer, full=False)

    assert (await desk.confirm(started.id, elder.actor)).transfer.requested_min == 75


async def test_a_far_check_in_waits_for_the_elder_not_the_clock(desk):
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    accepted = await desk.accepted_task(elder, volunteer, place_point=HOME)
    await desk.check_in(accepted.id, volunteer, tasks.Point(28.70, 115.88))  # about 3 km away
    await desk.check_out(accepted.id, volunteer)
    desk.later(days=3)
    assert await tasks.auto_confirm(desk.sessions, rules=desk.rules, ledger_rules=desk.ledger_rules,
                                    now=desk.now) == ()


async def test_request_timing_is_storage_s_rule_for_every_front_end(desk):
    elder = await desk.elder(funded=600)
    for starts_in, duration in ((timedelta(minutes=30), 60), (timedelta(days=61), 60), (timedelta(days=1), 5),
                                (timedelta(days=1), 9 * 60)):
        with pytest.raises(tasks.InvalidTask):
            await desk.post(elder, starts_in=starts_in, duration=duration)


# ---- separation of duties ----------------------------------------------------------

async def test_staff_who_posted_for_an_elder_cannot_take_serve_or_confirm_it(desk, town):
    elder = await desk.elder(funded=600)
    staff = await town.staff()
    staff = await members.verify_volunteer(desk.sessions, staff.id, members.SYSTEM)
    posted = await desk.post(elder, actor=staff.actor)

    with pytest.raises(tasks.NotEligible) as refused:
        await desk.accept(posted.id, staff)
    assert refused.value.code == "own_task"


async def test_the_volunteer_who_is_also_staff_cannot_confirm_their_own_service(desk, town):
    elder = await desk.elder(funded=600)
    staff = await members.verify_volunteer(desk.sessions, (await town.staff()).id, members.SYSTEM)
    started = await desk.task_in_service(elder, staff)
    desk.later(minutes=120)
    with pytest.raises(tasks.OwnTask):
        await desk.confirm(started.id, staff.actor)


# ---- the property: never more than served, never before the start ----------------------

minutes = st.integers(min_value=-60, max_value=600)


@settings(max_examples=examples(60), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(check_in=st.one_of(st.none(), minutes), stay=st.one_of(st.none(), st.integers(0, 600)),
       confirm=minutes, tolerance=st.integers(0, 60), duration=st.integers(15, 480))
def test_no_times_pay_more_than_served_plus_tolerance_or_before_the_start(check_in, stay, confirm, tolerance,
                                                                         duration):
    from tests.tasks.helpers import T0
    rules = dataclasses.replace(tasks.DEFAULT_TASK_RULES, pay_tolerance_min=tolerance)
    start = T0 + timedelta(days=1)
    checked_in = None if check_in is None else start + timedelta(minutes=check_in)
    checked_out = None if checked_in is None or stay is None else checked_in + timedelta(minutes=stay)
    now = start + timedelta(minutes=confirm)
    if checked_out is not None:
        now = max(now, checked_out)
    row = _Row(start, duration, duration, checked_in, checked_out)

    pay = pay_for(row, rules, now)

    began = checked_in or start
    elapsed = max(0, int(((checked_out or now) - began).total_seconds() // 60))
    assert 0 <= pay.paid_service_min <= min(elapsed, duration + tolerance)
    assert pay.paid_service_min % PAY_STEP_MIN == 0
    assert isinstance(pay, Pay)


@dataclasses.dataclass
class _Row:
    starts_at: object
    duration_min: int
    cost_min: int
    checked_in_at: object
    checked_out_at: object


async def test_staff_never_verify_or_certify_themselves(desk, town):
    staff = await town.staff()
    with pytest.raises(members.NotAllowed):
        await members.verify_volunteer(desk.sessions, staff.id, staff.actor)
    with pytest.raises(members.NotAllowed):
        await members.record_certificate(desk.sessions, staff.id, "bathing", "红十字会", date(2026, 1, 1), None,
                                         by=staff.actor)
    other = await town.staff()
    assert (await members.verify_volunteer(desk.sessions, staff.id, other.actor)).verified_at is not None


async def test_ledger_verify_checks_each_service_payment_against_its_recorded_times(desk):
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    started = await desk.task_in_service(elder, volunteer, duration=120)
    desk.later(minutes=47)
    await desk.check_out(started.id, volunteer, full=False)
    await desk.confirm(started.id, elder.actor)
    assert await tasks.payment_problems(desk.sessions, desk.rules) == ()

    # Someone moves the recorded check-out behind everyone's back: the payment no longer matches the times.
    async with desk.sessions.begin() as session:
        row = await session.get(tasks.ServiceRequestRow, started.id)
        row.checked_out_at = row.checked_in_at + timedelta(minutes=20)
    assert await tasks.payment_problems(desk.sessions, desk.rules) == (
        f"request {started.id}: paid 45 min but its recorded times pay 20",)


async def test_any_sequence_through_storage_pays_no_more_than_served_and_never_before_the_start(desk):
    """Real storage, many orders of events: each step may be refused, none may overpay or pay early."""
    import random
    chance = random.Random(14)
    desk.rules = dataclasses.replace(desk.rules, pay_tolerance_min=10)
    for _ in range(12):
        elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
        accepted = await desk.accepted_task(elder, volunteer, starts_in=timedelta(hours=chance.randint(2, 48)),
                                            duration=chance.choice((30, 60, 120)))
        start = accepted.starts_at
        desk.now = start + timedelta(minutes=chance.randint(-120, 90))
        with contextlib.suppress(tasks.TaskError):
            await desk.check_in(accepted.id, volunteer, on_time=False)
        desk.later(minutes=chance.randint(0, 240))
        with contextlib.suppress(tasks.TaskError):
            await desk.check_out(accepted.id, volunteer, full=False, sure=True)
        desk.later(minutes=chance.randint(-300, 3000))
        with contextlib.suppress(tasks.TaskError):
            if chance.random() < 0.5:
                await desk.confirm(accepted.id, elder.actor)
            else:
                await tasks.auto_confirm(desk.sessions, rules=desk.rules, ledger_rules=desk.ledger_rules, now=desk.now)
        task = await desk.task(accepted.id)
        paid = (await desk.balance(volunteer.id)).posted
        if task.status != tasks.DONE:
            assert paid == 0
            continue
        assert task.finished_at >= start
        began = task.checked_in_at or start
        served = int(((task.checked_out_at or task.finished_at) - began).total_seconds() // 60)
        assert paid <= min(max(served, 0), task.duration_min + 10)
    assert (await desk.verify()).ok
    assert await tasks.payment_problems(desk.sessions, desk.rules) == ()
