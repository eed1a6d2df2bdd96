"""Posting credits: the one place that writes transfer legs and moves the cached totals with them.

A member's posted balance never exceeds the cap. What would overflow it is
posted to the community pool as a second leg of the same request (same
idempotency key, cap_overflow=True), or simply stays in the pool when the pool
was paying.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

from sqlalchemy import insert
from sqlalchemy.ext.asyncio import AsyncSession

from storage.ledger.accounts import pool_account_id
from storage.ledger.errors import CapReached
from storage.ledger.models import AccountRow, TransferRow
from storage.ledger.rules import may_overflow, split_for_cap
from storage.ledger.txn import lock_accounts
from storage.ledger.types import LedgerRules, TransferResult


@dataclass(frozen=True)
class LegFields:
    """What every leg of one request shares."""

    kind: str
    idempotency_key: str
    actor: str
    created_at: datetime
    task_ref: str | None = None
    reason: str | None = None
    hold_id: int | None = None
    reversal_of_id: int | None = None
    overdraft_approved: bool = False


async def accounts_to_lock(session: AsyncSession, debit_id: int, credit_id: int, amount: int,
                           rules: LedgerRules, now: datetime) -> set[int]:
    """The two accounts, plus the pool when an unlocked look says the credit may overflow its cap,
    so that the pool is locked in id order with the others rather than late."""
    ids = {debit_id, credit_id}
    if may_overflow(await session.get(AccountRow, credit_id), amount, rules):
        ids.add(await pool_account_id(session, now))
    return ids


async def post_legs(session: AsyncSession, accounts: dict[int, AccountRow], debit_id: int, credit_id: int,
                    amount: int, rules: LedgerRules, fields: LegFields) -> TransferResult:
    credited, overflow = split_for_cap(accounts[credit_id], amount, rules)
    pool_id = await pool_account_id(session, fields.created_at) if overflow else None
    overflow_leg = bool(overflow) and pool_id != debit_id
    if overflow and not credited and not overflow_leg:
        raise CapReached(f"account {credit_id} is at its cap and the pool was paying")
    if overflow_leg and pool_id not in accounts:
        # The balance grew since the unlocked look; a late lock may deadlock, which the retry absorbs.
        accounts.update(await lock_accounts(session, [pool_id]))

    main_id = await _insert_leg(session, debit_id, credit_id, credited, fields, cap_overflow=False) if credited else None
    overflow_id = await _insert_leg(session, debit_id, pool_id, overflow, fields, cap_overflow=True) if overflow_leg else None
    accounts[debit_id].debits_posted += credited + (overflow if overflow_leg else 0)
    accounts[credit_id].credits_posted += credited
    if overflow_leg:
        accounts[pool_id].credits_posted += overflow
    return TransferResult(
        transfer_id=main_id, overflow_transfer_id=overflow_id,
        debit_account_id=debit_id, credit_account_id=credit_id,
        requested_min=amount, credited_min=credited, cap_overflow_min=overflow, hold_id=fields.hold_id,
    )


async def _insert_leg(session: AsyncSession, debit_id: int, credit_id: int, amount: int, fields: LegFields,
                      cap_overflow: bool) -> int:
    return (await session.execute(
        insert(TransferRow).values(debit_account_id=debit_id, credit_account_id=credit_id, amount_min=amount,
                                   cap_overflow=cap_overflow, **asdict(fields))
        .returning(TransferRow.id)
    )).scalar_one()
