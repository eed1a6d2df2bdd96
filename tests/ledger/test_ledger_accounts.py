"""Opening accounts: one per member, one of each singleton system account."""

import asyncio

import pytest

from storage import ledger
from storage.ledger import ISSUANCE, PARTNER, POOL, InvalidRequest


async def test_opening_a_members_account_twice_gives_the_same_account(sessions):
    first = await ledger.open_member_account(sessions, "member:42")
    again = await ledger.open_member_account(sessions, "member:42")
    assert first == again
    assert (first.kind, first.owner_ref) == ("member", "member:42")


async def test_twenty_concurrent_openings_of_one_member_make_one_account(sessions):
    accounts = await asyncio.gather(*(ledger.open_member_account(sessions, "member:7") for _ in range(20)))
    assert len({account.id for account in accounts}) == 1


async def test_system_accounts_are_singletons_except_one_per_partner(sessions):
    pool = await ledger.system_account(sessions, POOL)
    assert pool == await ledger.system_account(sessions, POOL)
    assert pool != await ledger.system_account(sessions, ISSUANCE)
    bakery = await ledger.system_account(sessions, PARTNER, "partner:bakery")
    barber = await ledger.system_account(sessions, PARTNER, "partner:barber")
    assert bakery.id != barber.id


@pytest.mark.parametrize("kind, ref", [(PARTNER, None), (POOL, "pool:2"), ("member", "member:1"), ("bank", None)])
async def test_system_account_refuses_a_wrong_kind_or_ref(sessions, kind, ref):
    with pytest.raises(InvalidRequest):
        await ledger.system_account(sessions, kind, ref)


async def test_a_new_account_holds_nothing(bank):
    balance = await bank.balance(await bank.member("new"))
    assert (balance.posted, balance.held, balance.available, balance.earned_total, balance.spent_total) == (0, 0, 0, 0, 0)


async def test_balance_of_an_unknown_account_is_refused(bank):
    with pytest.raises(ledger.AccountNotFound):
        await bank.balance(999)
