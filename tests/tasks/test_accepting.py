"""A volunteer takes a task: one winner, the payer's credits held, and every way of being turned away."""

import asyncio
from datetime import timedelta

import pytest

from storage import members, tasks
from storage.exchange import POOL, REQUESTER
from storage.members import SYSTEM
from tests.tasks.helpers import holds

RACERS = 20


async def test_accepting_holds_the_elders_credits_for_the_volunteer(desk):
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    posted = await desk.post(elder, duration=120)

    accepted = await desk.accept(posted.id, volunteer)

    assert accepted.status == tasks.ACCEPTED and accepted.volunteer_id == volunteer.id
    assert accepted.acceptance_no == 1 and accepted.accepted_at == desk.now and accepted.payer == REQUESTER
    assert (await desk.balance(elder.id)).available == 480 and (await desk.balance(elder.id)).held == 120
    assert (await desk.balance(volunteer.id)).posted == 0  # nothing earned before the work is done
    [hold] = await holds(desk.sessions)
    assert (hold.id, hold.amount_min, hold.task_ref, hold.idempotency_key) == (
        accepted.hold_id, 120, f"request:{posted.id}", f"request:{posted.id}:hold:1")
    assert hold.expires_at == accepted.ends_at + timedelta(days=30)
    assert [e.event for e in await tasks.history(desk.sessions, posted.id)] == ["posted", "accepted"]


async def test_the_payer_is_decided_again_at_acceptance(desk):
    elder, volunteer = await desk.elder(funded=120), await desk.volunteer()
    posted = await desk.post(elder, duration=120)
    assert posted.payer == REQUESTER
    await desk.accepted_task(elder, await desk.volunteer(), duration=120)  # spends the elder's 120 on another task
    await desk.fund_pool(500)

    accepted = await desk.accept(posted.id, volunteer)

    assert accepted.payer == POOL and (await desk.system_balance("pool")).held == 120


async def test_twenty_volunteers_race_for_one_task_and_exactly_one_wins(desk):
    elder = await desk.elder(funded=600)
    racers = [await desk.volunteer() for _ in range(RACERS)]
    posted = await desk.post(elder)

    outcomes = await asyncio.gather(*(desk.accept(posted.id, racer) for racer in racers), return_exceptions=True)

    winners = [outcome for outcome in outcomes if isinstance(outcome, tasks.Task)]
    losers = [outcome for outcome in outcomes if not isinstance(outcome, tasks.Task)]
    assert len(winners) == 1 and all(isinstance(loser, tasks.TaskTaken) for loser in losers), losers
    final = await desk.task(posted.id)
    assert final.volunteer_id == winners[0].volunteer_id and final.version == 1
    assert len(await holds(desk.sessions)) == 1
    assert (await desk.balance(elder.id)).held == 120
    assert [e.event for e in await tasks.history(desk.sessions, posted.id)] == ["posted", "accepted"]
    assert (await desk.verify()).ok


async def test_accepting_again_is_harmless_for_the_winner_and_taken_for_others(desk):
    elder, volunteer, latecomer = await desk.elder(funded=600), await desk.volunteer(), await desk.volunteer()
    accepted = await desk.accepted_task(elder, volunteer)

    assert await desk.accept(accepted.id, volunteer) == accepted
    with pytest.raises(tasks.TaskTaken) as taken:
        await desk.accept(accepted.id, latecomer)
    assert taken.value.code == "taken"
    assert len(await holds(desk.sessions)) == 1


async def test_a_cancelled_request_cannot_be_accepted(desk):
    elder, volunteer = await desk.elder(funded=600), await desk.volunteer()
    posted = await desk.post(elder)
    await desk.cancel(posted.id, elder.actor)
    with pytest.raises(tasks.IllegalTransition) as refused:
        await desk.accept(posted.id, volunteer)
    assert refused.value.code == "wrong_state" and refused.value.status == "cancelled"


@pytest.mark.parametrize("who, code", [
    ("unverified", "unverified"), ("uncertified", "uncertified"), ("elder", "not_volunteer"),
    ("suspended", "suspended"), ("busy", "busy"), ("own", "own_request"), ("system", "not_volunteer"),
])
async def test_who_is_turned_away_and_why(desk, town, who, code):
    elder = await desk.elder(funded=3000)
    staff = await town.staff()
    posted = await desk.post(elder, "bathing", duration=60)
    if who == "unverified":
        actor = (await desk.volunteer(skills=("bathing",), certified=("bathing",), verified=False)).actor
    elif who == "uncertified":
        actor = (await desk.volunteer(skills=("bathing",))).actor
    elif who == "elder":
        actor = (await desk.elder()).actor
    elif who == "suspended":
        volunteer = await desk.volunteer(skills=("bathing",), certified=("bathing",))
        await members.suspend_member(desk.sessions, volunteer.id, staff.actor, "投诉核实中")
        actor = volunteer.actor
    elif who == "busy":
        volunteer = await desk.volunteer(skills=("bathing", "shopping"), certified=("bathing",))
        await desk.accepted_task(elder, volunteer, starts_in=timedelta(days=1, minutes=30))
        actor = volunteer.actor
    elif who == "own":  # a volunteer of 64 asks for help too, and cannot serve himself
        volunteer = await desk.volunteer(skills=("bathing",), certified=("bathing",))
        await desk.grant(volunteer.id, 600)
        posted = await desk.post(volunteer, "bathing", duration=60)
        actor = volunteer.actor
    else:
        actor = SYSTEM

    with pytest.raises(tasks.NotEligible) as refused:
        await desk.accept(posted.id, actor)

    assert refused.value.code == code
    assert (await desk.task(posted.id)).status == tasks.OPEN


async def test_nobody_able_to_pay_leaves_the_request_open(desk):
    elder, volunteer = await desk.elder(funded=120, birth_year=1960), await desk.volunteer()
    posted = await desk.post(elder, duration=120)  # 66 years old: pays for herself, is not sponsored
    await desk.accepted_task(elder, await desk.volunteer(), duration=120)  # her 120 minutes go elsewhere

    with pytest.raises(tasks.CannotPay):
        await desk.accept(posted.id, volunteer)

    assert (await desk.task(posted.id)).status == tasks.OPEN
    assert len(await holds(desk.sessions)) == 1
