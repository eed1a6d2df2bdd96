"""Who hears about a new request: the right volunteers, the fairest order, each told once."""

from datetime import date, timedelta

from storage import members, tasks
from storage.members import SYSTEM


async def test_candidates_are_verified_skilled_free_and_certified_where_needed(desk):
    elder = await desk.elder(funded=3000)
    bathing = await desk.post(elder, "bathing", duration=60)
    certified = await desk.volunteer(skills=("bathing",), certified=("bathing",))
    uncertified = await desk.volunteer(skills=("bathing",))
    unverified = await desk.volunteer(skills=("bathing",), certified=("bathing",), verified=False)
    unskilled = await desk.volunteer(skills=("shopping",), certified=("bathing",))
    quiet = await desk.volunteer(skills=("bathing",), certified=("bathing",))
    await members.set_following(desk.sessions, quiet.openid, False)  # unfollowed: no pushes
    expired = await desk.volunteer(skills=("bathing",))
    await members.record_certificate(desk.sessions, expired.id, "bathing", "红十字会", date(2024, 1, 1),
                                     date(2025, 1, 1), by=SYSTEM)

    assert await desk.candidates(bathing.id) == (certified.id,)
    assert not {uncertified.id, unverified.id, unskilled.id, quiet.id, expired.id} & set(
        await desk.candidates(bathing.id))


async def test_a_volunteer_busy_at_that_time_is_left_out(desk):
    elder = await desk.elder(funded=3000)
    busy, free = await desk.volunteer(), await desk.volunteer()
    await desk.accepted_task(elder, busy, starts_in=timedelta(days=1), duration=120)
    overlapping = await desk.post(elder, starts_in=timedelta(days=1, hours=1))
    later = await desk.post(elder, starts_in=timedelta(days=1, hours=2))

    assert await desk.candidates(overlapping.id) == (free.id,)
    assert set(await desk.candidates(later.id)) == {busy.id, free.id}


async def test_ranking_same_community_then_stars_then_fewer_recent_tasks(desk, town):
    elder = await desk.elder(funded=6000)
    far_away = await desk.volunteer(community="qingshan")
    newcomer = await desk.volunteer()  # unrated counts as 4 stars
    loved = await desk.volunteer()
    disliked = await desk.volunteer()
    busy_bee = await desk.volunteer()
    for volunteer, stars in ((loved, 5), (disliked, 3)):
        done = await desk.task_in_service(elder, volunteer, starts_in=timedelta(hours=1))
        desk.later(hours=4)
        await desk.confirm(done.id, elder.actor)
        await desk.rate(done.id, elder.actor, stars)
    for _ in range(2):
        done = await desk.task_in_service(elder, busy_bee, starts_in=timedelta(hours=1))
        desk.later(hours=4)
        await desk.confirm(done.id, elder.actor)
        await desk.rate(done.id, elder.actor, 4)

    request = await desk.post(elder)
    assert await desk.candidates(request.id) == (loved.id, newcomer.id, busy_bee.id, disliked.id, far_away.id)
    assert await desk.candidates(request.id, limit=2) == (loved.id, newcomer.id)


async def test_each_volunteer_is_offered_a_request_once(desk):
    elder = await desk.elder(funded=600)
    first, second, third = await desk.volunteer(), await desk.volunteer(), await desk.volunteer()
    request = await desk.post(elder)

    told = await tasks.record_offers(desk.sessions, request.id, (first.id, second.id), desk.now)
    again = await tasks.record_offers(desk.sessions, request.id, (second.id, third.id), desk.now)

    assert told == (first.id, second.id) and again == (third.id,)
    assert await tasks.offered_to(desk.sessions, request.id) == (first.id, second.id, third.id)
    assert await desk.candidates(request.id) == ()
