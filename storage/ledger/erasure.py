"""Erasing what was typed on a member's ledger entries: the reasons of their transfers, holds and resolutions.

The amounts stay: the ledger is append-only and its sums must still balance; only the words go.
"""

from __future__ import annotations

from sqlalchemy import Select, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage.ledger.models import AccountRow, HoldResolutionRow, HoldRow, TransferRow


def transfer_ids_of(owner_ref: str) -> Select:
    """A query of every transfer into or out of the owner's accounts."""
    accounts = _accounts_of(owner_ref)
    return select(TransferRow.id).where(or_(TransferRow.debit_account_id.in_(accounts),
                                            TransferRow.credit_account_id.in_(accounts)))


async def erase_reasons_in(session: AsyncSession, owner_ref: str, erased: str) -> int:
    """Sets every reason on the owner's transfers and holds to `erased`; returns how many rows. Idempotent."""
    accounts = _accounts_of(owner_ref)
    holds = select(HoldRow.id).where(or_(HoldRow.debit_account_id.in_(accounts), HoldRow.credit_account_id.in_(accounts)))
    reasons = (
        (TransferRow.reason, TransferRow.id.in_(transfer_ids_of(owner_ref))),
        (HoldRow.reason, HoldRow.id.in_(holds)),
        (HoldResolutionRow.reason, HoldResolutionRow.hold_id.in_(holds)),
    )
    count = 0
    for column, about in reasons:
        result = await session.execute(update(column.class_).where(about, column.is_not(None))
                                       .values({column.key: erased}).execution_options(synchronize_session=False))
        count += result.rowcount
    return count


def _accounts_of(owner_ref: str) -> Select:
    return select(AccountRow.id).where(AccountRow.owner_ref == owner_ref)
