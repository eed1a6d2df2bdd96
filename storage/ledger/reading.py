"""The ledger's read API: what other modules may ask of its tables, one way to compute each figure.

Dashboard, reports, console queries and task payment read through these
instead of querying the ledger's tables themselves. The `_in` forms take the
caller's session (a snapshot already open); the others open their own.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import ColumnElement, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import Sessions
from storage.ledger.accounts import SINGLETON_REF
from storage.ledger.models import AccountRow, IdempotencyKeyRow, TransferRow
from storage.ledger.transfers import reversed_so_far
from storage.ledger.txn import minutes_total
from storage.ledger.types import MEMBER, POOL, TransferResult
from storage.ledger.validation import check_aware


@dataclass(frozen=True)
class TransferLine:
    """One transfer as staff read it: the accounts labelled `kind` or `kind/owner`."""

    id: int
    at: datetime
    kind: str
    debit_account: str
    credit_account: str
    amount_min: int
    actor: str
    reason: str | None
    task_ref: str | None
    reversal_of_id: int | None


@dataclass(frozen=True)
class TransferView:
    """A ledger transfer as staff see it before reversing it: no personal data, owners by ledger ref."""

    id: int
    kind: str
    amount_min: int
    reversed_min: int
    debit_owner: str  # a member's ledger ref ("member:42"), or the kind of a bank account ("issuance", "partner" …)
    credit_owner: str
    created_at: datetime
    reversal_of_id: int | None

    @property
    def remaining_min(self) -> int:
        return self.amount_min - self.reversed_min


async def transfer_view_in(session: AsyncSession, transfer_id: int) -> TransferView | None:
    row = await session.get(TransferRow, transfer_id)
    if row is None:
        return None
    owners = dict((await session.execute(select(AccountRow.id, AccountRow).where(
        AccountRow.id.in_((row.debit_account_id, row.credit_account_id))))).all())
    return TransferView(row.id, row.kind, row.amount_min, await reversed_so_far(session, transfer_id),
                        _owner(owners[row.debit_account_id]), _owner(owners[row.credit_account_id]), row.created_at,
                        row.reversal_of_id)


async def transfer_view(sessions: Sessions, transfer_id: int) -> TransferView | None:
    async with sessions() as session:
        return await transfer_view_in(session, transfer_id)


def _owner(account: AccountRow) -> str:
    return account.owner_ref if account.kind == MEMBER else account.kind


async def net_before_in(session: AsyncSession, account_id: int, at: datetime) -> int:
    """Posted into the account minus posted out of it before `at`: history, not the cached totals."""
    check_aware(at, "at")

    async def moved(column) -> int:
        return (await session.execute(select(minutes_total(TransferRow.amount_min)).where(
            column == account_id, TransferRow.created_at < at))).scalar_one()

    return await moved(TransferRow.credit_account_id) - await moved(TransferRow.debit_account_id)


async def system_account_id_in(session: AsyncSession, kind: str) -> int | None:
    """The one account of a system kind (pool, issuance), None before it was first used."""
    return (await session.execute(select(AccountRow.id).where(
        AccountRow.kind == kind, AccountRow.owner_ref == SINGLETON_REF))).scalar()


async def pool_balance_in(session: AsyncSession, at: datetime) -> int:
    pool_id = await system_account_id_in(session, POOL)
    return 0 if pool_id is None else await net_before_in(session, pool_id, at)


async def moved_per_day_in(session: AsyncSession, account_id: int, *, out: bool, start: datetime, end: datetime,
                           day_of: Callable[[ColumnElement], ColumnElement]) -> dict[str, int]:
    """Minutes moved out of (or into) an account in [start, end), by the day `day_of` reads from a moment."""
    side = TransferRow.debit_account_id if out else TransferRow.credit_account_id
    day = day_of(TransferRow.created_at)
    rows = (await session.execute(
        select(day, minutes_total(TransferRow.amount_min)).where(
            side == account_id, TransferRow.created_at >= start, TransferRow.created_at < end)
        .group_by(day))).all()
    return {str(found): minutes for found, minutes in rows}


async def pool_balance(sessions: Sessions, at: datetime) -> int:
    async with sessions() as session:
        return await pool_balance_in(session, at)


async def transfers_page(sessions: Sessions, *, account_id: int | None = None, owner_ref: str | None = None,
                         limit: int = 50) -> list[TransferLine]:
    """The newest transfers, of one account (by id, or by its owner, e.g. a member's ledger ref) if asked."""
    async with sessions() as session:
        if owner_ref is not None:
            account_id = (await session.execute(select(AccountRow.id).where(
                AccountRow.kind == MEMBER, AccountRow.owner_ref == owner_ref))).scalar()
            if account_id is None:
                return []
        query = select(TransferRow).order_by(TransferRow.id.desc()).limit(limit)
        if account_id is not None:
            query = query.where(or_(TransferRow.debit_account_id == account_id,
                                    TransferRow.credit_account_id == account_id))
        rows = (await session.execute(query)).scalars().all()
        labels = {row.id: f"{row.kind}/{row.owner_ref}" if row.owner_ref else row.kind
                  for row in (await session.execute(select(AccountRow))).scalars()}
    return [TransferLine(row.id, row.created_at, row.kind, labels[row.debit_account_id],
                         labels[row.credit_account_id], row.amount_min, row.actor, row.reason, row.task_ref,
                         row.reversal_of_id) for row in rows]


async def settled_in(session: AsyncSession, key: str) -> TransferResult | None:
    """What the ledger first answered under this key (a replay), or None if nothing was done under it."""
    row = await session.get(IdempotencyKeyRow, key)
    if row is None:
        return None
    return dataclasses.replace(TransferResult(**json.loads(row.result)), replayed=True)


async def settled(sessions: Sessions, key: str) -> TransferResult | None:
    async with sessions() as session:
        return await settled_in(session, key)
