"""Seats under a crowd: many members signing up at once on real connections never exceed the capacity, and one
member's sign-ups at once hold one place."""

import asyncio
from datetime import timedelta

from storage import events, members
from storage.base import utcnow
from storage.members import Consent, PersonalData


async def _people(sessions, keyring, count: int) -> list[members.Member]:
    return [await members.register_member(
        sessions, keyring, role="volunteer", openid=f"o_racer_{n}", community="青山湖社区", birth_year=1970,
        consent=Consent("2026-11", utcnow()), personal=PersonalData(real_name=f"志愿者{n}", phone=f"1360000{n:04d}"))
        for n in range(count)]


async def _event(sessions, organiser, capacity: int) -> events.Event:
    return await events.create_event(
        sessions, request_key="race", kind=events.ACTIVITY, title="包饺子", place="活动室",
        starts_at=utcnow() + timedelta(days=1), capacity=capacity, audience=events.EVERYONE, community="青山湖社区",
        service_code=None, certificate_months=None, by=organiser.actor, now=utcnow())


async def test_a_crowd_signing_up_at_once_never_exceeds_the_capacity(sessions, keyring):
    crowd = await _people(sessions, keyring, 30)
    organiser = await members.make_staff(sessions, crowd[0].id, members.SYSTEM)
    event = await _event(sessions, organiser, capacity=5)

    results = await asyncio.gather(*(events.sign_up(sessions, event.id, member.id, utcnow()) for member in crowd))

    seated = [done for done in results if done.place.status == events.SEATED]
    waiting = sorted(done.place.waiting_place for done in results if done.place.status == events.WAITING)
    assert len(seated) == 5 and waiting == list(range(1, 26))
    assert (await events.event(sessions, event.id)).seats_taken == 5


async def test_one_member_signing_up_many_times_at_once_holds_one_place(sessions, keyring):
    crowd = await _people(sessions, keyring, 2)
    organiser = await members.make_staff(sessions, crowd[0].id, members.SYSTEM)
    event = await _event(sessions, organiser, capacity=3)

    results = await asyncio.gather(*(events.sign_up(sessions, event.id, crowd[1].id, utcnow()) for _ in range(12)))

    assert sum(not done.again for done in results) == 1
    assert {done.place.status for done in results} == {events.SEATED}
    assert (await events.event(sessions, event.id)).seats_taken == 1


async def test_cancellations_and_sign_ups_racing_keep_seats_and_queue_in_step(sessions, keyring):
    crowd = await _people(sessions, keyring, 12)
    organiser = await members.make_staff(sessions, crowd[0].id, members.SYSTEM)
    event = await _event(sessions, organiser, capacity=4)
    first, rest = crowd[:6], crowd[6:]
    for member in first:
        await events.sign_up(sessions, event.id, member.id, utcnow())

    await asyncio.gather(*(events.cancel(sessions, event.id, member.id, utcnow()) for member in first[:3]),
                         *(events.sign_up(sessions, event.id, member.id, utcnow()) for member in rest))

    tally = (await events.tallies(sessions, [event.id]))[event.id]
    assert tally.seated == 4 and tally.waiting == 5
    assert (await events.event(sessions, event.id)).seats_taken == 4
