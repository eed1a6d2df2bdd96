"""Holds: reserve when a task is accepted, then exactly one of post, void or expiry."""

import dataclasses
from datetime import timedelta

import pytest

from storage import ledger
from storage.ledger import (EXPIRED, POOL, VOIDED, HoldExpired, HoldNotFound, HoldNotOpen, InsufficientCredit,
                            InvalidRequest, PostExceedsHold)


async def test_a_hold_reserves_credits_so_they_cannot_be_spent_twice(bank):
    elder, volunteer = await bank.member("elder", funded=180), await bank.member("volunteer")
    await bank.hold(elder, volunteer, 120)
    balance = await bank.balance(elder)
    assert (balance.posted, balance.held, balance.available) == (180, 120, 60)
    with pytest.raises(InsufficientCredit):
        await bank.pay(elder, volunteer, 61)
    with pytest.raises(InsufficientCredit):
        await bank.hold(elder, volunteer, 61)
    assert (await bank.verify()).ok


async def test_posting_a_hold_moves_the_credits_and_releases_the_reservation(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    held = await bank.hold(elder, volunteer, 120)
    result = await bank.post(held.hold_id)
    assert (result.credited_min, result.hold_id) == (120, held.hold_id)
    assert (await bank.balance(elder)).held == 0
    assert await bank.available(elder) == 480
    assert await bank.available(volunteer) == 120
    assert (await bank.verify()).ok


async def test_posting_less_than_was_held_releases_the_rest(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    held = await bank.hold(elder, volunteer, 120)
    await bank.post(held.hold_id, 90)
    assert await bank.available(elder) == 510
    assert await bank.available(volunteer) == 90
    assert (await bank.verify()).ok


async def test_posting_more_than_was_held_is_refused(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    held = await bank.hold(elder, volunteer, 120)
    with pytest.raises(PostExceedsHold):
        await bank.post(held.hold_id, 121)
    assert (await bank.balance(elder)).held == 120


async def test_voiding_a_hold_gives_everything_back(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    held = await bank.hold(elder, volunteer, 120)
    outcome = await bank.void(held.hold_id)
    assert (outcome.outcome, outcome.released_min) == (VOIDED, 120)
    assert await bank.available(elder) == 600
    assert (await bank.verify()).ok


async def test_a_hold_has_exactly_one_outcome(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    posted, voided = await bank.hold(elder, volunteer, 60), await bank.hold(elder, volunteer, 60)
    await bank.post(posted.hold_id)
    await bank.void(voided.hold_id)
    with pytest.raises(HoldNotOpen, match="posted"):
        await bank.void(posted.hold_id)
    with pytest.raises(HoldNotOpen, match="voided"):
        await bank.post(voided.hold_id)
    assert await bank.available(elder) == 540
    assert (await bank.verify()).ok


async def test_a_hold_past_its_deadline_holds_nothing_even_before_the_sweeper_runs(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    await bank.hold(elder, volunteer, 120, ttl=timedelta(hours=2))
    bank.now += timedelta(hours=2)
    assert await bank.available(elder) == 600
    await bank.pay(elder, volunteer, 600)
    assert (await bank.verify()).ok


async def test_a_hold_past_its_deadline_cannot_be_posted(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    held = await bank.hold(elder, volunteer, 120, ttl=timedelta(hours=2))
    bank.now += timedelta(hours=3)
    with pytest.raises(HoldExpired):
        await bank.post(held.hold_id)
    assert await bank.available(volunteer) == 0


async def test_the_sweeper_records_each_overdue_hold_once(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    soon = await bank.hold(elder, volunteer, 60, ttl=timedelta(hours=1))
    later = await bank.hold(elder, volunteer, 60, ttl=timedelta(hours=5))
    bank.now += timedelta(hours=2)
    assert await ledger.expire_holds(bank.sessions, now=bank.now) == (soon.hold_id,)
    assert await ledger.expire_holds(bank.sessions, now=bank.now) == ()
    with pytest.raises(HoldNotOpen, match=EXPIRED):
        await bank.void(soon.hold_id)
    assert (await bank.balance(elder)).held == 60
    await bank.post(later.hold_id)
    assert (await bank.verify()).ok


async def test_a_hold_posted_to_a_volunteer_near_the_cap_sends_the_overflow_to_the_pool(small_cap_bank):
    bank = small_cap_bank
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer", funded=580)
    held = await bank.hold(elder, volunteer, 60)
    result = await bank.post(held.hold_id)
    assert (result.credited_min, result.cap_overflow_min) == (20, 40)
    assert await bank.available(elder) == 540
    assert (await bank.balance(await bank.system(POOL))).posted == 40
    assert (await bank.verify()).ok


async def test_replaying_a_post_returns_the_first_result(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    held = await bank.hold(elder, volunteer, 120)
    first = await bank.post(held.hold_id, 90, key="task:3:done")
    again = await bank.post(held.hold_id, 90, key="task:3:done")
    assert dataclasses.replace(again, replayed=False) == first
    assert await bank.available(volunteer) == 90


async def test_replaying_a_hold_returns_the_first_hold(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    first = await bank.hold(elder, volunteer, 120, key="task:4:accept")
    # A retry a minute later computes a later deadline; it is still the same request.
    bank.now += timedelta(minutes=1)
    again = await bank.hold(elder, volunteer, 120, key="task:4:accept")
    assert (again.hold_id, again.expires_at, again.replayed) == (first.hold_id, first.expires_at, True)
    assert (await bank.balance(elder)).held == 120


async def test_a_hold_needs_a_deadline_in_the_future_and_an_existing_hold_to_post(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    with pytest.raises(InvalidRequest):
        await bank.hold(elder, volunteer, 60, ttl=timedelta(0))
    with pytest.raises(HoldNotFound):
        await bank.post(12345)
