"""Reversals: the only way to correct a posted transfer."""

import dataclasses

import pytest
from sqlalchemy import select

from storage import ledger
from storage.ledger import (REVERSAL, InsufficientCredit, InvalidRequest, ReversalExceedsRemainder,
                            TransferNotFound)
from storage.ledger.models import TransferRow


async def test_a_mistaken_payment_is_undone_by_a_reversal_that_names_the_original_reason_and_staff(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    paid = await bank.pay(elder, volunteer, 60, task_ref="task:9")
    undone = await bank.reverse(paid.transfer_id)
    assert (undone.debit_account_id, undone.credit_account_id, undone.credited_min) == (volunteer, elder, 60)
    async with bank.sessions() as session:
        row = await session.get(TransferRow, undone.transfer_id)
    assert (row.kind, row.reversal_of_id, row.actor, row.reason, row.task_ref) == (
        REVERSAL, paid.transfer_id, "staff:wang", "entered twice by mistake", "task:9")
    assert (await bank.available(elder), await bank.available(volunteer)) == (600, 0)
    assert (await bank.verify()).ok


async def test_the_original_transfer_is_never_changed_by_its_reversal(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    paid = await bank.pay(elder, volunteer, 60)
    async with bank.sessions() as session:
        before = (await session.execute(select(TransferRow.__table__).where(TransferRow.id == paid.transfer_id))).one()
    await bank.reverse(paid.transfer_id)
    async with bank.sessions() as session:
        after = (await session.execute(select(TransferRow.__table__).where(TransferRow.id == paid.transfer_id))).one()
    assert before == after


async def test_a_partial_reversal_leaves_the_rest_reversible_and_no_more(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    paid = await bank.pay(elder, volunteer, 120)
    await bank.reverse(paid.transfer_id, 30)
    with pytest.raises(ReversalExceedsRemainder) as refused:
        await bank.reverse(paid.transfer_id, 91)
    assert refused.value.remaining_min == 90
    rest = await bank.reverse(paid.transfer_id)
    assert rest.credited_min == 90
    with pytest.raises(ReversalExceedsRemainder):
        await bank.reverse(paid.transfer_id)
    assert (await bank.available(elder), await bank.available(volunteer)) == (600, 0)
    assert (await bank.verify()).ok


async def test_a_reversal_that_would_take_a_member_below_zero_needs_staff_to_allow_it(bank):
    elder, volunteer, shop = (await bank.member("elder", funded=600), await bank.member("volunteer"),
                              await bank.member("neighbour"))
    paid = await bank.pay(elder, volunteer, 60)
    await bank.pay(volunteer, shop, 50)
    with pytest.raises(InsufficientCredit):
        await bank.reverse(paid.transfer_id)
    await bank.reverse(paid.transfer_id, allow_negative=True)
    assert await bank.available(volunteer) == -50
    report = await bank.verify()
    assert report.ok, report.problems
    with pytest.raises(InsufficientCredit):
        await bank.pay(volunteer, shop, 1)


async def test_a_refund_to_a_member_at_the_cap_overflows_to_the_pool_like_any_credit(small_cap_bank):
    bank = small_cap_bank
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    paid = await bank.pay(elder, volunteer, 100)
    await bank.fund(elder, 100)
    undone = await bank.reverse(paid.transfer_id)
    assert (undone.credited_min, undone.cap_overflow_min) == (0, 100)
    assert await bank.available(elder) == 600
    assert (await bank.verify()).ok


async def test_earned_and_spent_totals_do_not_count_corrected_mistakes(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    await bank.pay(elder, volunteer, 60)
    mistake = await bank.pay(elder, volunteer, 60)
    await bank.reverse(mistake.transfer_id)
    volunteer_balance, elder_balance = await bank.balance(volunteer), await bank.balance(elder)
    assert (volunteer_balance.earned_total, volunteer_balance.spent_total) == (60, 0)
    assert (elder_balance.earned_total, elder_balance.spent_total) == (600, 60)


async def test_replaying_a_reversal_returns_the_first_result(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    paid = await bank.pay(elder, volunteer, 60)
    first = await bank.reverse(paid.transfer_id, key="fix:1")
    again = await bank.reverse(paid.transfer_id, key="fix:1")
    assert dataclasses.replace(again, replayed=False) == first


async def test_a_reversal_needs_an_existing_transfer_and_a_reason(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    paid = await bank.pay(elder, volunteer, 60)
    with pytest.raises(TransferNotFound):
        await bank.reverse(999)
    with pytest.raises(InvalidRequest):
        await ledger.reverse(bank.sessions, paid.transfer_id, "  ", "staff:wang", "fix:2")
