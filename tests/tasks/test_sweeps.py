"""What happens on the clock: no-shows reopen, quiet tasks confirm themselves, stale requests expire.

Each sweep runs twice at once, as two job workers would: each task changes once.
"""

import asyncio
import dataclasses
from datetime import timedelta

from storage import alerts, tasks
from tests.tasks.helpers import open_alerts_of


async def twice_at_once(sweep):
    first, second = await asyncio.gather(sweep(), sweep())
    return first + second


async def test_a_no_show_reopens_the_request_and_tells_staff(desk):
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    accepted = await desk.accepted_task(elder, volunteer, starts_in=timedelta(hours=2))

    def sweep():
        return tasks.reopen_no_shows(desk.sessions, rules=desk.rules, now=desk.now)

    desk.later(hours=2, minutes=59)
    assert await sweep() == ()  # the volunteer may still check in late (check_in_late_min)
    desk.later(minutes=1)
    [no_show] = await twice_at_once(sweep)

    assert no_show.volunteer_id == volunteer.id and no_show.task.status == tasks.OPEN
    assert no_show.task.volunteer_id is None and no_show.task.expires_at == desk.now + timedelta(hours=1)
    assert (await desk.balance(elder.id)).held == 0
    [alert] = await open_alerts_of(desk.sessions, alerts.NO_SHOW)
    assert (alert.member_id, alert.request_id) == (volunteer.id, accepted.id)
    assert (await tasks.volunteer_record(desk.sessions, volunteer.id, now=desk.now, rules=desk.rules)).no_shows == 1
    assert [e.event for e in await tasks.history(desk.sessions, accepted.id)] == ["posted", "accepted", "no_show"]
    assert (await desk.verify()).ok


async def test_a_task_nobody_disputes_is_confirmed_and_paid_after_the_wait(desk):
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    checked_out = await desk.task_in_service(elder, volunteer, starts_in=timedelta(hours=1))
    desk.later(hours=3)
    await desk.check_out(checked_out.id, volunteer)  # an hour after the planned end: paid the planned two hours

    def sweep():
        return tasks.auto_confirm(desk.sessions, rules=desk.rules, ledger_rules=desk.ledger_rules, now=desk.now)

    desk.later(hours=23, minutes=59)
    assert await sweep() == ()
    desk.later(minutes=1)
    [first] = await twice_at_once(sweep)
    assert first.task.id == checked_out.id and first.task.status == tasks.DONE

    assert (await desk.balance(volunteer.id)).posted == 120
    assert [e.actor for e in await tasks.history(desk.sessions, checked_out.id)][-1] == "system"
    assert (await tasks.history(desk.sessions, checked_out.id))[-1].event == "auto_confirmed"


async def test_without_a_check_out_nothing_is_paid_on_its_own(desk):
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    started = await desk.task_in_service(elder, volunteer, starts_in=timedelta(hours=2), duration=60)
    desk.later(days=5)
    assert await tasks.auto_confirm(desk.sessions, rules=desk.rules, ledger_rules=desk.ledger_rules,
                                    now=desk.now) == ()
    assert (await desk.task(started.id)).status == tasks.IN_SERVICE


async def test_a_disputed_task_is_never_auto_confirmed(desk):
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    started = await desk.task_in_service(elder, volunteer, starts_in=timedelta(hours=1))
    await desk.dispute(started.id, elder.actor)
    desk.later(days=5)
    assert await tasks.auto_confirm(desk.sessions, rules=desk.rules, ledger_rules=desk.ledger_rules,
                                    now=desk.now) == ()


async def test_an_open_request_nobody_took_expires_at_its_start(desk):
    elder = await desk.elder(funded=600)
    stale = await desk.post(elder, starts_in=timedelta(hours=3))
    fresh = await desk.post(elder, starts_in=timedelta(days=2))

    desk.later(hours=3)
    [expired] = await twice_at_once(lambda: tasks.expire_stale(desk.sessions, now=desk.now))

    assert expired.id == stale.id and expired.status == tasks.EXPIRED
    assert (await desk.task(fresh.id)).status == tasks.OPEN
    assert await tasks.open_requests(desk.sessions, community=None, service_code=None, now=desk.now) == (
        await desk.task(fresh.id),)


async def test_reminders_are_found_for_accepted_tasks_starting_soon(desk):
    desk.rules = dataclasses.replace(desk.rules, min_notice_min=30)
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    soon = await desk.accepted_task(elder, volunteer, starts_in=timedelta(minutes=50))
    await desk.accepted_task(elder, volunteer, starts_in=timedelta(days=2))
    await desk.post(elder, starts_in=timedelta(minutes=40))  # open: nobody to remind yet

    due = await tasks.reminders_due(desk.sessions, now=desk.now, within=timedelta(hours=1))

    assert [task.id for task in due] == [soon.id]
