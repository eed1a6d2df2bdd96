"""verify: recompute everything from the history and name what disagrees."""

from datetime import timedelta

from sqlalchemy import insert, text

from storage.ledger import LedgerRules
from storage.ledger.models import HoldResolutionRow, TransferRow


async def _write(bank, statement):
    async with bank.sessions.begin() as session:
        await session.execute(statement)


def _transfer_row(bank, **values):
    row = dict(idempotency_key="injected", cap_overflow=False, kind="service", actor="intruder",
               overdraft_approved=False, created_at=bank.now)
    return insert(TransferRow).values({**row, **values})


async def test_a_ledger_used_only_through_its_api_verifies_clean(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    held = await bank.hold(elder, volunteer, 60)
    await bank.pay(elder, volunteer, 60)
    await bank.post(held.hold_id, 30)
    report = await bank.verify()
    assert report.ok and report.problems == ()


async def test_verify_catches_a_cached_balance_changed_behind_the_ledgers_back(bank):
    elder = await bank.member("elder", funded=600)
    await _write(bank, text(f"UPDATE ledger_accounts SET credits_posted = credits_posted + 60 WHERE id = {elder}"))
    report = await bank.verify()
    assert not report.ok
    assert f"account {elder}: cached credits_posted 660 but history says 600" in report.problems
    assert "cached posted balances sum to 60, not zero" in report.problems


async def test_verify_catches_a_transfer_written_outside_the_api(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    await _write(bank, _transfer_row(bank, debit_account_id=elder, credit_account_id=volunteer, amount_min=60))
    problems = (await bank.verify()).problems
    assert f"account {elder}: cached debits_posted 0 but history says 60" in problems
    assert any("written outside the ledger API" in problem for problem in problems)


async def test_verify_catches_a_reversal_larger_than_its_original(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    paid = await bank.pay(elder, volunteer, 60)
    await _write(bank, _transfer_row(bank, kind="reversal", reversal_of_id=paid.transfer_id,
                                     debit_account_id=volunteer, credit_account_id=elder, amount_min=90))
    assert f"transfer {paid.transfer_id}: reversed 90 min of 60" in (await bank.verify()).problems


async def test_verify_catches_a_hold_both_voided_and_posted(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    held = await bank.hold(elder, volunteer, 60)
    await bank.void(held.hold_id)
    await _write(bank, _transfer_row(bank, hold_id=held.hold_id, debit_account_id=elder, credit_account_id=volunteer,
                                     amount_min=60))
    problems = (await bank.verify()).problems
    assert any(f"hold {held.hold_id}: posted by transfer" in problem and "voided" in problem for problem in problems)


async def test_verify_catches_a_hold_expired_before_its_deadline(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    held = await bank.hold(elder, volunteer, 60, ttl=timedelta(hours=2))
    await _write(bank, insert(HoldResolutionRow).values(hold_id=held.hold_id, outcome="expired", posted_min=0,
                                                        actor="intruder", resolved_at=bank.now))
    await _write(bank, text(f"UPDATE ledger_accounts SET debits_pending = 0 WHERE id = {elder}"))
    await _write(bank, text(f"UPDATE ledger_accounts SET credits_pending = 0 WHERE id = {volunteer}"))
    assert (await bank.verify()).problems == (f"hold {held.hold_id}: expired before its deadline",)


async def test_verify_reports_members_outside_the_rules_it_is_given(bank_with_rules):
    bank = bank_with_rules(LedgerRules(overdraft_min=30))
    rich, broke = await bank.member("rich", funded=700), await bank.member("broke")
    await bank.pay(broke, rich, 30)
    strict = bank_with_rules(LedgerRules(cap_min=600, overdraft_min=0))
    problems = (await strict.verify()).problems
    assert f"member account {rich}: posted 730 is above the cap 600" in problems
    assert f"member account {broke}: available -30 is below its floor 0" in problems


async def test_verify_catches_a_reversal_that_names_no_original(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    await _write(bank, _transfer_row(bank, kind="reversal", debit_account_id=volunteer, credit_account_id=elder,
                                     amount_min=60))
    problems = (await bank.verify()).problems
    assert any("a reversal without its original" in problem for problem in problems)
