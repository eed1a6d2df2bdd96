"""Transfers: the rules every movement obeys, and idempotency."""

import dataclasses

import pytest

from storage import ledger
from storage.ledger import (DONATION, POOL, REVERSAL, CapReached, HoldRequest, IdempotencyKeyReused,
                            InsufficientCredit, InvalidRequest, LedgerRules, NonPositiveAmount, SameAccount,
                            TransferRequest)


async def test_an_hour_of_company_moves_sixty_minutes_from_elder_to_volunteer(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    result = await bank.pay(elder, volunteer, 60, task_ref="task:12")
    assert (result.requested_min, result.credited_min, result.cap_overflow_min) == (60, 60, 0)
    assert await bank.available(elder) == 540
    assert await bank.available(volunteer) == 60
    assert (await bank.verify()).ok


async def test_spending_more_than_is_available_is_refused_and_moves_nothing(bank):
    elder, volunteer = await bank.member("elder", funded=50), await bank.member("volunteer")
    with pytest.raises(InsufficientCredit) as refused:
        await bank.pay(elder, volunteer, 60)
    assert (refused.value.available_min, refused.value.needed_min, refused.value.code) == (50, 60, "insufficient_credit")
    assert await bank.available(elder) == 50
    assert await bank.available(volunteer) == 0


async def test_a_configured_overdraft_lets_a_member_go_that_far_below_zero_and_no_further(bank_with_rules):
    bank = bank_with_rules(LedgerRules(overdraft_min=30))
    elder, volunteer = await bank.member("elder", funded=30), await bank.member("volunteer")
    await bank.pay(elder, volunteer, 60)
    assert await bank.available(elder) == -30
    with pytest.raises(InsufficientCredit):
        await bank.pay(elder, volunteer, 1)
    assert (await bank.verify()).ok


@pytest.mark.parametrize("amount", [0, -60, 1.5, True, "60"])
async def test_an_amount_that_is_not_a_positive_whole_number_of_minutes_is_refused(bank, amount):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    with pytest.raises(InvalidRequest) as refused:
        await bank.pay(elder, volunteer, amount)
    if amount in (0, -60):
        assert isinstance(refused.value, NonPositiveAmount)


async def test_an_account_cannot_pay_itself(bank):
    elder = await bank.member("elder", funded=600)
    with pytest.raises(SameAccount):
        await bank.pay(elder, elder, 60)


async def test_a_reversal_can_only_be_made_by_reverse(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    with pytest.raises(InvalidRequest):
        await bank.pay(elder, volunteer, 60, kind=REVERSAL)


async def test_a_transfer_to_an_unknown_account_is_refused(bank):
    elder = await bank.member("elder", funded=600)
    with pytest.raises(ledger.AccountNotFound):
        await bank.pay(elder, 9999, 60)
    assert await bank.available(elder) == 600


async def test_system_accounts_may_go_negative(bank):
    volunteer = await bank.member("volunteer", funded=600)
    issuance = await bank.system(ledger.ISSUANCE)
    assert (await bank.balance(issuance)).posted == -600
    assert (await bank.balance(volunteer)).posted == 600


async def test_earnings_above_the_cap_go_to_the_pool_and_the_caller_is_told(small_cap_bank):
    bank = small_cap_bank
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer", funded=550)
    result = await bank.pay(elder, volunteer, 120)
    assert (result.credited_min, result.cap_overflow_min) == (50, 70)
    assert result.overflow_transfer_id is not None
    assert await bank.available(volunteer) == 600
    assert await bank.available(elder) == 480
    assert (await bank.balance(await bank.system(POOL))).posted == 70
    assert (await bank.verify()).ok


async def test_a_volunteer_already_at_the_cap_sends_the_whole_payment_to_the_pool(small_cap_bank):
    bank = small_cap_bank
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer", funded=600)
    result = await bank.pay(elder, volunteer, 60)
    assert (result.transfer_id, result.credited_min, result.cap_overflow_min) == (None, 0, 60)
    assert await bank.available(volunteer) == 600
    assert (await bank.balance(await bank.system(POOL))).posted == 60
    assert (await bank.verify()).ok


async def test_when_the_pool_pays_a_capped_member_the_overflow_simply_stays_in_the_pool(small_cap_bank):
    bank = small_cap_bank
    pool, elder = await bank.system(POOL), await bank.member("elder", funded=580)
    result = await bank.pay(pool, elder, 60)
    assert (result.credited_min, result.cap_overflow_min, result.overflow_transfer_id) == (20, 40, None)
    assert (await bank.balance(pool)).posted == -20
    with pytest.raises(CapReached):
        await bank.pay(pool, elder, 60)
    assert (await bank.verify()).ok


async def test_a_donation_to_the_pool_is_a_plain_transfer(bank):
    volunteer, pool = await bank.member("volunteer", funded=600), await bank.system(POOL)
    await bank.pay(volunteer, pool, 120, kind=DONATION)
    assert (await bank.balance(pool)).posted == 120
    assert (await bank.balance(volunteer)).spent_total == 120


async def test_the_same_key_twice_moves_credits_once_and_returns_the_first_result(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    first = await bank.pay(elder, volunteer, 60, key="task:12:done")
    again = await bank.pay(elder, volunteer, 60, key="task:12:done")
    assert not first.replayed and again.replayed
    assert dataclasses.replace(again, replayed=False) == first
    assert await bank.available(elder) == 540


async def test_a_replay_returns_the_first_result_even_when_the_payer_could_not_pay_again(small_cap_bank):
    bank = small_cap_bank
    elder, volunteer = await bank.member("elder", funded=100), await bank.member("volunteer", funded=550)
    first = await bank.pay(elder, volunteer, 100, key="task:1")
    again = await bank.pay(elder, volunteer, 100, key="task:1")
    assert (again.credited_min, again.cap_overflow_min) == (first.credited_min, first.cap_overflow_min) == (50, 50)
    assert await bank.available(elder) == 0


async def test_a_different_request_under_a_used_key_is_an_error(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    await bank.pay(elder, volunteer, 60, key="task:12:done")
    with pytest.raises(IdempotencyKeyReused) as refused:
        await bank.pay(elder, volunteer, 90, key="task:12:done")
    assert refused.value.code == "idempotency_key_reused"
    with pytest.raises(IdempotencyKeyReused):
        await ledger.hold(bank.sessions, HoldRequest(elder, volunteer, 60, "service", "task:12:done", "test",
                                                     bank.now.replace(year=2027)), now=bank.now)
    assert await bank.available(elder) == 540


async def test_the_reason_text_is_not_part_of_what_a_key_names(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    await bank.pay(elder, volunteer, 60, key="k1", reason="陪伴聊天")
    again = await bank.pay(elder, volunteer, 60, key="k1", reason="陪伴聊天 (resent)")
    assert again.replayed


async def test_an_empty_key_or_actor_is_refused(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    with pytest.raises(InvalidRequest):
        await ledger.transfer(bank.sessions, TransferRequest(elder, volunteer, 60, "service", "", "test"))
    with pytest.raises(InvalidRequest):
        await ledger.transfer(bank.sessions, TransferRequest(elder, volunteer, 60, "service", "k", ""))
