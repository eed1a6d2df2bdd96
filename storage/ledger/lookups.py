"""Read-only questions the chat asks of the ledger: whose account is this, how much went out today."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Select, select

from storage.db import Sessions
from storage.ledger.errors import AccountNotFound
from storage.ledger.models import AccountRow, HoldResolutionRow, IdempotencyKeyRow, TransferRow
from storage.ledger.txn import minutes_total
from storage.ledger.types import Account
from storage.ledger.validation import check_aware


async def account_by_id(sessions: Sessions, account_id: int) -> Account:
    async with sessions() as session:
        row = await session.get(AccountRow, account_id)
    if row is None:
        raise AccountNotFound(f"no ledger account {account_id}")
    return Account(row.id, row.kind, row.owner_ref)


async def debited_since(sessions: Sessions, account_id: int, kind: str, since: datetime) -> int:
    """Minutes moved out of the account by transfers of this kind since a moment (e.g. gifts today)."""
    check_aware(since, "since")
    async with sessions() as session:
        return (await session.execute(
            select(minutes_total(TransferRow.amount_min))
            .where(TransferRow.debit_account_id == account_id, TransferRow.kind == kind,
                   TransferRow.created_at >= since)
        )).scalar_one()


async def posted_by_hold(sessions: Sessions, hold_ids: Select) -> dict[int, int]:
    """Minutes each resolved hold paid out; a hold still open, or unknown, is absent.

    `hold_ids`: a query of the holds asked about, so that a long history is never a long list of parameters.
    """
    async with sessions() as session:
        rows = (await session.execute(select(HoldResolutionRow.hold_id, HoldResolutionRow.posted_min)
                                      .where(HoldResolutionRow.hold_id.in_(hold_ids)))).all()
    return dict(rows)


async def key_used(sessions: Sessions, idempotency_key: str) -> bool:
    """Whether an operation under this key has already taken effect (its replay would return the first result)."""
    async with sessions() as session:
        return await session.get(IdempotencyKeyRow, idempotency_key) is not None
