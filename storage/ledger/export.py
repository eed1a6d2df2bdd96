"""CSV statements for auditors: every transfer, oldest first, times in Asia/Shanghai."""

from __future__ import annotations

import csv
from typing import TextIO
from zoneinfo import ZoneInfo

from sqlalchemy import or_, select

from storage.db import Sessions
from storage.ledger.errors import AccountNotFound
from storage.ledger.models import AccountRow, TransferRow
from storage.ledger.txn import read_snapshot

SHANGHAI = ZoneInfo("Asia/Shanghai")
COLUMNS = (
    "transfer_id", "time", "kind", "debit_account_id", "debit_account", "credit_account_id", "credit_account",
    "amount_min", "task_ref", "reason", "actor", "reversal_of", "hold_id", "cap_overflow", "idempotency_key",
)
RUNNING_BALANCE = "balance_after_min"
# A spreadsheet runs a cell starting with one of these as a formula (CSV injection): a reason typed by
# staff, or an account label, could then fetch a URL or run a command on the auditor's machine.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


async def export_csv(sessions: Sessions, out: TextIO, account: int | None = None) -> int:
    """Write the statement of one account (with its running balance) or of the whole ledger; returns rows written."""
    writer = csv.writer(out)
    writer.writerow(COLUMNS + ((RUNNING_BALANCE,) if account is not None else ()))
    query = select(TransferRow).order_by(TransferRow.id)
    if account is not None:
        query = query.where(or_(TransferRow.debit_account_id == account, TransferRow.credit_account_id == account))
    written = running = 0
    async with read_snapshot(sessions) as session:
        labels = await _account_labels(session)
        if account is not None and account not in labels:
            raise AccountNotFound(f"no ledger account {account}")
        async for row in (await session.stream(query.execution_options(yield_per=500))).scalars():
            line = _line(row, labels)
            if account is not None:
                running += row.amount_min if row.credit_account_id == account else -row.amount_min
                line.append(running)
            writer.writerow([_inert(cell) for cell in line])
            written += 1
    return written


async def _account_labels(session) -> dict[int, str]:
    rows = (await session.execute(select(AccountRow.id, AccountRow.kind, AccountRow.owner_ref))).all()
    return {account_id: f"{kind}/{ref}" if ref else kind for account_id, kind, ref in rows}


def _line(row: TransferRow, labels: dict[int, str]) -> list:
    return [
        row.id, row.created_at.astimezone(SHANGHAI).isoformat(timespec="seconds"), row.kind,
        row.debit_account_id, labels[row.debit_account_id], row.credit_account_id, labels[row.credit_account_id],
        row.amount_min, row.task_ref or "", row.reason or "", row.actor, row.reversal_of_id or "",
        row.hold_id or "", "yes" if row.cap_overflow else "", row.idempotency_key,
    ]


def _inert(cell):
    """A text cell a spreadsheet would run as a formula is prefixed with ' and shown as typed; numbers stay numbers."""
    if isinstance(cell, str) and cell.startswith(FORMULA_STARTS):
        return "'" + cell
    return cell
