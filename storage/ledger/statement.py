"""A member's history, newest first, a page at a time, with the balance after each line."""

from __future__ import annotations

from sqlalchemy import case, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import Sessions
from storage.ledger.errors import AccountNotFound, InvalidRequest
from storage.ledger.models import AccountRow, TransferRow
from storage.ledger.txn import minutes_total, read_snapshot
from storage.ledger.types import StatementEntry, StatementPage

MAX_PAGE = 200


def _touches(account_id: int):
    return or_(TransferRow.debit_account_id == account_id, TransferRow.credit_account_id == account_id)


def _signed(account_id: int):
    return case((TransferRow.credit_account_id == account_id, TransferRow.amount_min), else_=-TransferRow.amount_min)


async def statement(sessions: Sessions, account_id: int, limit: int = 20, before_id: int | None = None) -> StatementPage:
    """Transfers touching the account with id < before_id; pass the page's next_before_id to go on."""
    if not 1 <= limit <= MAX_PAGE:
        raise InvalidRequest(f"limit must be 1 to {MAX_PAGE}")
    async with read_snapshot(sessions) as session:
        if await session.get(AccountRow, account_id) is None:
            raise AccountNotFound(f"no ledger account {account_id}")
        query = select(TransferRow).where(_touches(account_id)).order_by(TransferRow.id.desc()).limit(limit + 1)
        if before_id is not None:
            query = query.where(TransferRow.id < before_id)
        rows = (await session.execute(query)).scalars().all()
        page = rows[:limit]
        running = await _balance_through(session, account_id, page[0].id) if page else 0
    entries = []
    for row in page:
        signed = row.amount_min if row.credit_account_id == account_id else -row.amount_min
        entries.append(StatementEntry(
            transfer_id=row.id, at=row.created_at, kind=row.kind, amount_min=signed,
            counterparty_account_id=row.debit_account_id if signed > 0 else row.credit_account_id,
            balance_after_min=running, task_ref=row.task_ref, reason=row.reason,
            reversal_of_id=row.reversal_of_id, cap_overflow=row.cap_overflow,
        ))
        running -= signed
    return StatementPage(entries=tuple(entries), next_before_id=page[-1].id if len(rows) > limit else None)


async def _balance_through(session: AsyncSession, account_id: int, transfer_id: int) -> int:
    return (await session.execute(
        select(minutes_total(_signed(account_id)))
        .where(_touches(account_id), TransferRow.id <= transfer_id)
    )).scalar_one()
