"""Races over real concurrent connections (one per session), on SQLite and on PostgreSQL."""

import asyncio
import dataclasses
from datetime import timedelta

from sqlalchemy import func, select

from storage import ledger
from storage.ledger import POOL, HoldNotOpen, InsufficientCredit
from storage.ledger.models import TransferRow


async def _race(*calls):
    return await asyncio.gather(*calls, return_exceptions=True)


def _wins(outcomes):
    unexpected = [outcome for outcome in outcomes
                  if isinstance(outcome, BaseException) and not isinstance(outcome, (InsufficientCredit, HoldNotOpen))]
    assert not unexpected, unexpected
    return [outcome for outcome in outcomes if not isinstance(outcome, BaseException)]


async def _transfer_count(bank) -> int:
    async with bank.sessions() as session:
        return (await session.execute(select(func.count()).select_from(TransferRow))).scalar_one()


async def test_fifty_volunteers_racing_to_spend_ten_hours_exactly_ten_succeed(bank):
    elder = await bank.member("elder", funded=600)
    volunteers = [await bank.member(f"volunteer{i}") for i in range(50)]
    before = await _transfer_count(bank)
    outcomes = await _race(*(bank.pay(elder, volunteer, 60) for volunteer in volunteers))
    assert len(_wins(outcomes)) == 10
    assert await _transfer_count(bank) == before + 10
    assert await bank.available(elder) == 0
    assert sum([await bank.available(volunteer) for volunteer in volunteers]) == 600
    assert (await bank.verify()).ok


async def test_fifty_concurrent_holds_on_ten_hours_reserve_exactly_ten(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    outcomes = await _race(*(bank.hold(elder, volunteer, 60) for _ in range(50)))
    assert len(_wins(outcomes)) == 10
    balance = await bank.balance(elder)
    assert (balance.held, balance.available) == (600, 0)
    assert (await bank.verify()).ok


async def test_post_and_void_racing_on_one_hold_exactly_one_wins(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    holds = [await bank.hold(elder, volunteer, 60) for _ in range(10)]
    outcomes = await _race(*(call for held in holds for call in (bank.post(held.hold_id), bank.void(held.hold_id))))
    assert len(_wins(outcomes)) == 10
    posted = sum(1 for outcome in outcomes if isinstance(outcome, ledger.TransferResult))
    assert await bank.available(volunteer) == 60 * posted
    assert await bank.available(elder) == 600 - 60 * posted
    assert (await bank.balance(elder)).held == 0
    assert (await bank.verify()).ok


async def test_the_same_key_from_twenty_concurrent_callers_moves_credits_once(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    outcomes = await _race(*(bank.pay(elder, volunteer, 60, key="task:77:done") for _ in range(20)))
    results = _wins(outcomes)
    assert len(results) == 20
    assert len({dataclasses.replace(result, replayed=False) for result in results}) == 1
    assert sum(not result.replayed for result in results) == 1
    assert await bank.available(volunteer) == 60
    assert (await bank.verify()).ok


async def test_payments_crossing_in_both_directions_all_complete(bank):
    alice, bob = await bank.member("alice", funded=600), await bank.member("bob", funded=600)
    outcomes = await _race(*(bank.pay(alice, bob, 10) for _ in range(25)), *(bank.pay(bob, alice, 10) for _ in range(25)))
    assert len(_wins(outcomes)) == 50
    assert (await bank.available(alice), await bank.available(bob)) == (600, 600)
    assert (await bank.verify()).ok


async def test_many_elders_paying_one_volunteer_near_the_cap_never_push_them_over(small_cap_bank):
    bank = small_cap_bank
    volunteer = await bank.member("volunteer", funded=500)
    elders = [await bank.member(f"elder{i}", funded=60) for i in range(20)]
    _wins(await _race(*(bank.pay(elder, volunteer, 60) for elder in elders)))
    assert await bank.available(volunteer) == 600
    assert (await bank.balance(await bank.system(POOL))).posted == 20 * 60 - 100
    assert (await bank.verify()).ok


async def test_several_sweepers_and_late_posts_settle_every_hold_once(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    holds = [await bank.hold(elder, volunteer, 30, ttl=timedelta(hours=1)) for _ in range(20)]
    bank.now += timedelta(hours=1)
    outcomes = await _race(*(ledger.expire_holds(bank.sessions, now=bank.now) for _ in range(4)),
                           *(bank.void(held.hold_id) for held in holds[:5]))
    expired = [hold_id for outcome in outcomes[:4] for hold_id in outcome]
    voided = _wins(outcomes[4:])
    assert len(expired) + len(voided) == 20
    assert len(set(expired)) == len(expired)
    assert (await bank.balance(elder)).held == 0
    assert (await bank.verify()).ok
