"""Spending credits at a partner shop: codes, stock and holds stay in step, whatever happens."""

import asyncio
from datetime import timedelta

import pytest

from storage import ledger, redemptions
from storage.base import utcnow
from storage.redemptions import CatalogueEntry

RICE = CatalogueEntry("yonghui", "永辉超市", "rice_5kg", "大米5斤", price_min=120, stock=3)
HAIRCUT = CatalogueEntry("zhang_barber", "张师傅理发", "haircut", "理发一次", price_min=60, stock=1)


@pytest.fixture
async def shop(sessions):
    await redemptions.sync_catalogue(sessions, (RICE, HAIRCUT))
    return {item.item_code: item for item in await redemptions.catalogue(sessions)}


async def member_with(sessions, ref: str, minutes: int) -> int:
    account = await ledger.open_member_account(sessions, ref)
    if minutes:
        issuance = await ledger.system_account(sessions, ledger.ISSUANCE)
        await ledger.transfer(sessions, ledger.TransferRequest(issuance.id, account.id, minutes, ledger.GRANT,
                                                               f"seed:{ref}", "staff:1"))
    return account.id


async def stock_of(sessions, item_code: str) -> int:
    return {item.item_code: item.stock for item in await redemptions.catalogue(sessions)}[item_code]


async def test_a_volunteer_redeems_rice_and_the_shop_is_paid_when_it_hands_it_over(sessions, shop):
    volunteer = await member_with(sessions, "member:1", 300)
    ticket = await redemptions.redeem(sessions, volunteer, shop["rice_5kg"].id, "wx:msg:1", actor="member:1")
    assert len(ticket.code) == 6 and ticket.status == redemptions.HELD
    assert (await ledger.balance(sessions, volunteer)).available == 180
    assert await stock_of(sessions, "rice_5kg") == 2

    done = await redemptions.complete(sessions, ticket.code.lower(), actor="partner:yonghui")
    assert done.status == redemptions.COMPLETED
    assert (await ledger.balance(sessions, volunteer)).posted == 180
    partner = await ledger.system_account(sessions, ledger.PARTNER, "yonghui")
    assert (await ledger.balance(sessions, partner.id)).posted == 120
    with pytest.raises(redemptions.CodeNotOpen) as again:
        await redemptions.complete(sessions, ticket.code, actor="partner:yonghui")
    assert again.value.status == redemptions.COMPLETED
    assert (await ledger.verify(sessions)).ok


async def test_the_same_code_redeemed_at_once_from_chat_and_console_succeeds_once(sessions, shop):
    volunteer = await member_with(sessions, "member:1", 300)
    ticket = await redemptions.redeem(sessions, volunteer, shop["rice_5kg"].id, "wx:msg:race", actor="member:1")

    async def attempt(actor):
        try:
            return await redemptions.complete(sessions, ticket.code, actor=actor)
        except redemptions.CodeNotOpen as closed:
            return closed.status

    outcomes = await asyncio.gather(attempt("wechat:o_cashier"), attempt("staff:7"))

    assert sorted(o if isinstance(o, str) else "done" for o in outcomes) == ["completed", "done"]
    partner = await ledger.system_account(sessions, ledger.PARTNER, "yonghui")
    assert (await ledger.balance(sessions, partner.id)).posted == 120
    assert (await ledger.verify(sessions)).ok


async def test_asking_twice_gives_the_same_code_and_takes_stock_once(sessions, shop):
    volunteer = await member_with(sessions, "member:1", 300)
    first = await redemptions.redeem(sessions, volunteer, shop["rice_5kg"].id, "wx:msg:2", actor="member:1")
    again = await redemptions.redeem(sessions, volunteer, shop["rice_5kg"].id, "wx:msg:2", actor="member:1")
    assert first.code == again.code
    assert await stock_of(sessions, "rice_5kg") == 2


async def test_without_enough_credit_nothing_is_taken(sessions, shop):
    volunteer = await member_with(sessions, "member:1", 30)
    with pytest.raises(ledger.InsufficientCredit):
        await redemptions.redeem(sessions, volunteer, shop["rice_5kg"].id, "wx:msg:3", actor="member:1")
    assert await stock_of(sessions, "rice_5kg") == 3
    assert (await ledger.balance(sessions, volunteer)).available == 30
    again = await redemptions.redeem(sessions, volunteer, shop["rice_5kg"].id, "wx:msg:3", actor="member:1")
    assert again.status == redemptions.REFUSED  # the same request again: still refused, no code to use


async def test_the_last_haircut_goes_to_exactly_one_of_five_racing_members(sessions, shop):
    members = [await member_with(sessions, f"member:{n}", 120) for n in range(5)]
    results = await asyncio.gather(*(
        redemptions.redeem(sessions, account, shop["haircut"].id, f"race:{n}", actor=f"member:{n}")
        for n, account in enumerate(members)), return_exceptions=True)
    assert sum(isinstance(result, redemptions.Redemption) for result in results) == 1
    assert all(isinstance(result, (redemptions.Redemption, redemptions.OutOfStock)) for result in results)
    assert await stock_of(sessions, "haircut") == 0


async def test_an_unused_code_expires_and_everything_is_given_back(sessions, shop):
    volunteer = await member_with(sessions, "member:1", 300)
    ticket = await redemptions.redeem(sessions, volunteer, shop["rice_5kg"].id, "wx:msg:4", actor="member:1",
                                      validity=timedelta(seconds=30))
    assert await redemptions.expire_due(sessions, now=utcnow() + timedelta(minutes=1)) == 1
    assert await stock_of(sessions, "rice_5kg") == 3
    assert (await ledger.balance(sessions, volunteer)).available == 300
    with pytest.raises(redemptions.CodeNotOpen):
        await redemptions.complete(sessions, ticket.code, actor="partner:yonghui")


async def test_a_cancelled_redemption_returns_credit_and_stock(sessions, shop):
    volunteer = await member_with(sessions, "member:1", 300)
    ticket = await redemptions.redeem(sessions, volunteer, shop["rice_5kg"].id, "wx:msg:5", actor="member:1")
    assert (await redemptions.cancel(sessions, ticket.id, actor="member:1")).status == redemptions.VOIDED
    assert (await ledger.balance(sessions, volunteer)).available == 300
    assert await stock_of(sessions, "rice_5kg") == 3


async def test_an_unknown_code_is_refused(sessions, shop):
    with pytest.raises(redemptions.UnknownCode):
        await redemptions.complete(sessions, "ZZZZZZ", actor="partner:yonghui")


async def test_items_removed_from_the_configuration_are_no_longer_offered(sessions, shop):
    await redemptions.sync_catalogue(sessions, (RICE,))
    assert [item.item_code for item in await redemptions.catalogue(sessions)] == ["rice_5kg"]

