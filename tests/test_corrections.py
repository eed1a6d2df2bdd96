"""storage.corrections on its own: adjustments both ways, the daily cap, and the same act raced from two places."""

import asyncio
import dataclasses
from datetime import datetime, timezone

import pytest
from sqlalchemy import select

from storage import audit, corrections, free_text, ledger, members
from storage.corrections.tables import CorrectionRow
from storage.members import SYSTEM
from storage.privacy import KeyRing
from tests.members.helpers import Town

NOW = datetime(2026, 12, 4, 2, 0, tzinfo=timezone.utc)
RULES = corrections.DEFAULT_CORRECTION_RULES


@pytest.fixture
def town(sessions):
    return Town(sessions, KeyRing.generate("k1"))


@pytest.fixture
async def people(town, sessions):
    qian = await members.make_staff(sessions, (await town.staff()).id, SYSTEM, admin=True)
    return qian, await town.volunteer()


async def act(sessions, name, staff, *args, rules=RULES, **kwargs):
    return await getattr(corrections, name)(sessions, staff.actor, *args, rules=rules,
                                            ledger_rules=ledger.DEFAULT_RULES, now=NOW, **kwargs)


async def available(sessions, member) -> int:
    account = await ledger.open_member_account(sessions, members.ledger_ref(member.id))
    return (await ledger.balance(sessions, account.id, now=NOW)).available


async def test_an_adjustment_goes_up_or_down_against_the_adjustment_account(sessions, people):
    qian, liu = people
    up = await act(sessions, "adjust", qian, liu.id, 90, "线下服务补记", "a:1")
    down = await act(sessions, "adjust", qian, liu.id, -30, "多记了", "a:2")
    assert (up.notices, down.notices) == ((corrections.Notice(liu.id, 90),), (corrections.Notice(liu.id, -30),))
    assert await available(sessions, liu) == 60
    assert (await ledger.verify(sessions)).ok


async def test_the_same_act_raced_from_two_places_moves_once(sessions, people):
    qian, liu = people
    both = await asyncio.gather(act(sessions, "grant", qian, liu.id, 60, "补记", "race:1"),
                                act(sessions, "grant", qian, liu.id, 60, "补记", "race:1"))
    assert {done.id for done in both} == {both[0].id}
    assert await available(sessions, liu) == 60
    assert len(await audit.entries(sessions, action="ledger_grant")) == 1


async def test_one_staff_member_moves_at_most_the_daily_cap(sessions, people):
    qian, liu = people
    rules = dataclasses.replace(RULES, max_per_day_min=100, approval_over_min=1000)
    await act(sessions, "grant", qian, liu.id, 60, "补记", "d:1", rules=rules)
    with pytest.raises(corrections.CorrectionRefused) as refused:
        await act(sessions, "grant", qian, liu.id, 60, "补记", "d:2", rules=rules)
    assert refused.value.code == "over_day_cap"


async def test_staff_may_grant_when_config_says_so_but_never_to_themselves(sessions, people, town):
    _, liu = people
    zhao = await members.make_staff(sessions, (await town.staff()).id, SYSTEM)
    with pytest.raises(corrections.CorrectionRefused, match="not_allowed"):
        await act(sessions, "grant", zhao, liu.id, 60, "补记", "s:1")
    rules = dataclasses.replace(RULES, grant_by=corrections.STAFF)
    assert (await act(sessions, "grant", zhao, liu.id, 60, "补记", "s:2", rules=rules)).status == corrections.POSTED
    with pytest.raises(corrections.CorrectionRefused, match="own_account"):
        await act(sessions, "grant", zhao, zhao.id, 60, "补记", "s:3", rules=rules)


async def test_a_correction_needs_a_whole_amount_and_a_reason(sessions, people):
    qian, liu = people
    for amount, reason in ((0, "x"), (-5, "x"), (60, " ")):
        with pytest.raises(corrections.CorrectionRefused, match="invalid"):
            await act(sessions, "grant", qian, liu.id, amount, reason, f"i:{amount}:{reason!r}")


async def test_erasing_a_member_erases_what_staff_wrote_of_their_corrections(sessions, people):
    qian, liu = people
    await act(sessions, "grant", qian, liu.id, 60, "刘芳（13944443333）补记上周陪诊", "erase:1")
    await free_text.erase_about(sessions, liu.id)
    async with sessions() as session:
        reasons = (await session.execute(select(CorrectionRow.reason))).scalars().all()
    assert reasons == [free_text.ERASED]
