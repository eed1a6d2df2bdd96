"""What members and auditors read: the paged statement and the CSV export."""

import csv
import io

import pytest

from storage import ledger
from storage.ledger import AccountNotFound


async def test_a_member_pages_through_their_history_newest_first_with_the_balance_after_each_line(bank):
    volunteer, elder = await bank.member("volunteer", funded=100), await bank.member("elder", funded=600)
    for minutes in (60, 90, 30):
        await bank.pay(elder, volunteer, minutes)
    await bank.pay(volunteer, elder, 20)

    first = await ledger.statement(bank.sessions, volunteer, limit=3)
    assert [(entry.amount_min, entry.balance_after_min) for entry in first.entries] == [(-20, 260), (30, 280), (90, 250)]
    assert first.entries[0].counterparty_account_id == elder
    rest = await ledger.statement(bank.sessions, volunteer, limit=3, before_id=first.next_before_id)
    assert [(entry.amount_min, entry.balance_after_min) for entry in rest.entries] == [(60, 160), (100, 100)]
    assert rest.next_before_id is None


async def test_a_statement_of_an_account_without_history_is_empty(bank):
    page = await ledger.statement(bank.sessions, await bank.member("new"))
    assert page.entries == () and page.next_before_id is None
    with pytest.raises(AccountNotFound):
        await ledger.statement(bank.sessions, 999)


async def test_an_auditor_exports_one_account_with_its_running_balance_in_shanghai_time(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    paid = await bank.pay(elder, volunteer, 60, task_ref="task:5", reason="陪伴聊天")
    await bank.reverse(paid.transfer_id)
    out = io.StringIO()
    assert await ledger.export_csv(bank.sessions, out, account=volunteer) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert [(row["kind"], row["amount_min"], row["balance_after_min"]) for row in rows] == [
        ("service", "60", "60"), ("reversal", "60", "0")]
    assert rows[0]["time"] == "2026-11-28T10:00:00+08:00"
    assert (rows[0]["debit_account"], rows[0]["credit_account"]) == ("member/member:elder", "member/member:volunteer")
    assert (rows[0]["task_ref"], rows[0]["reason"], rows[0]["actor"]) == ("task:5", "陪伴聊天", "test")
    assert (rows[1]["reversal_of"], rows[1]["actor"]) == (str(paid.transfer_id), "staff:wang")


async def test_the_whole_ledger_exports_every_transfer_without_a_running_balance(bank):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    await bank.pay(elder, volunteer, 60, key="task:5:done")
    out = io.StringIO()
    assert await ledger.export_csv(bank.sessions, out) == 2
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert "balance_after_min" not in rows[0]
    assert rows[0]["debit_account"] == "issuance"
    assert rows[1]["idempotency_key"] == "task:5:done"


@pytest.mark.parametrize("reason", ["=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tcmd", "\r=1"])
async def test_a_reason_a_spreadsheet_would_run_as_a_formula_is_exported_as_plain_text(bank, reason):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    await bank.pay(elder, volunteer, 60, reason=reason)
    out = io.StringIO()
    await ledger.export_csv(bank.sessions, out, account=elder)
    rows = list(csv.DictReader(io.StringIO(out.getvalue())))
    assert rows[-1]["reason"] == "'" + reason
    assert rows[-1]["balance_after_min"] == "540"



async def test_a_negative_running_balance_stays_a_number(bank):
    await bank.member("elder", funded=600)
    out = io.StringIO()
    await ledger.export_csv(bank.sessions, out, account=await bank.system(ledger.ISSUANCE))
    assert list(csv.DictReader(io.StringIO(out.getvalue())))[-1]["balance_after_min"] == "-600"
