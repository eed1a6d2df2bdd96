"""Recompute the ledger from its history and report every disagreement or broken rule.

Reads one consistent snapshot. The history (transfers, holds, resolutions,
idempotency keys) is the truth; the cached totals on account rows and every
rule the write path enforces are checked against it.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime

from sqlalchemy import or_, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import aliased

from storage.base import utcnow
from storage.db import Sessions
from storage.ledger.models import AccountRow, HoldResolutionRow, HoldRow, IdempotencyKeyRow, TransferRow
from storage.ledger.txn import minutes_total, read_snapshot
from storage.ledger.types import DEFAULT_RULES, EXPIRED, MEMBER, POOL, POSTED, REVERSAL, LedgerRules, VerifyReport

CACHED_TOTALS = ("debits_posted", "credits_posted", "debits_pending", "credits_pending")


async def verify(sessions: Sessions, rules: LedgerRules = DEFAULT_RULES, now: datetime | None = None) -> VerifyReport:
    now = now or utcnow()
    async with read_snapshot(sessions) as session:
        accounts = list((await session.execute(select(AccountRow).order_by(AccountRow.id))).scalars())
        recomputed = await _recomputed_totals(session)
        pool = next((account.id for account in accounts if account.kind == POOL), None)
        problems = [
            *_cached_totals(accounts, recomputed),
            *await _member_rules(session, accounts, recomputed, rules, now),
            *await _malformed_transfers(session),
            *await _reversals(session, pool),
            *await _hold_posts(session, pool),
            *await _resolutions(session),
            *await _unregistered_keys(session),
        ]
    return VerifyReport(ok=not problems, problems=tuple(problems))


async def _sums(session: AsyncSession, group_column, amount_column, *where) -> dict[int, int]:
    rows = await session.execute(select(group_column, minutes_total(amount_column)).where(*where).group_by(group_column))
    return defaultdict(int, {account_id: total for account_id, total in rows.all()})


def _open(hold_id_column):
    return ~select(HoldResolutionRow.id).where(HoldResolutionRow.hold_id == hold_id_column).exists()


async def _recomputed_totals(session: AsyncSession) -> dict[str, dict[int, int]]:
    return {
        "debits_posted": await _sums(session, TransferRow.debit_account_id, TransferRow.amount_min),
        "credits_posted": await _sums(session, TransferRow.credit_account_id, TransferRow.amount_min),
        "debits_pending": await _sums(session, HoldRow.debit_account_id, HoldRow.amount_min, _open(HoldRow.id)),
        "credits_pending": await _sums(session, HoldRow.credit_account_id, HoldRow.amount_min, _open(HoldRow.id)),
    }


def _cached_totals(accounts: list[AccountRow], recomputed: dict[str, dict[int, int]]) -> list[str]:
    problems = [
        f"account {account.id}: cached {name} {getattr(account, name)} but history says {recomputed[name][account.id]}"
        for account in accounts for name in CACHED_TOTALS
        if getattr(account, name) != recomputed[name][account.id]
    ]
    posted_sum = sum(account.credits_posted - account.debits_posted for account in accounts)
    if posted_sum:
        problems.append(f"cached posted balances sum to {posted_sum}, not zero")
    pending_gap = sum(account.credits_pending - account.debits_pending for account in accounts)
    if pending_gap:
        problems.append(f"cached pending credits and debits differ by {pending_gap}")
    return problems


async def _member_rules(session: AsyncSession, accounts: list[AccountRow], recomputed: dict[str, dict[int, int]],
                        rules: LedgerRules, now: datetime) -> list[str]:
    live = await _sums(session, HoldRow.debit_account_id, HoldRow.amount_min, _open(HoldRow.id), HoldRow.expires_at > now)
    # Staff reversals with allow_negative may take a member below the floor, by at most their amount.
    approved = await _sums(session, TransferRow.debit_account_id, TransferRow.amount_min, TransferRow.overdraft_approved)
    problems = []
    for account in accounts:
        if account.kind != MEMBER:
            continue
        posted = recomputed["credits_posted"][account.id] - recomputed["debits_posted"][account.id]
        available, floor = posted - live[account.id], -rules.overdraft_min - approved[account.id]
        if available < floor:
            problems.append(f"member account {account.id}: available {available} is below its floor {floor}")
        if posted > rules.cap_min:
            problems.append(f"member account {account.id}: posted {posted} is above the cap {rules.cap_min}")
    return problems


async def _malformed_transfers(session: AsyncSession) -> list[str]:
    rows = await session.execute(select(TransferRow.id).where(or_(
        TransferRow.amount_min <= 0,
        TransferRow.debit_account_id == TransferRow.credit_account_id,
        (TransferRow.kind == REVERSAL) != TransferRow.reversal_of_id.is_not(None),
    )))
    return [f"transfer {transfer_id}: non-positive amount, one account on both sides, or a reversal without "
            "its original (or the other way round)" for transfer_id in rows.scalars()]


def _leg_problem(leg_id: int, debit: int, credit: int, cap_overflow: bool, payer: int, payee: int, pool: int | None,
                 what: str) -> str | None:
    expected_credit = pool if cap_overflow else payee
    if (debit, credit) != (payer, expected_credit):
        return f"transfer {leg_id}: moves {debit}->{credit}, but {what} calls for {payer}->{expected_credit}"
    return None


async def _reversals(session: AsyncSession, pool: int | None) -> list[str]:
    original = aliased(TransferRow)
    rows = (await session.execute(
        select(TransferRow.id, TransferRow.debit_account_id, TransferRow.credit_account_id, TransferRow.cap_overflow,
               TransferRow.amount_min, original.id, original.debit_account_id, original.credit_account_id,
               original.amount_min)
        .join(original, original.id == TransferRow.reversal_of_id).order_by(TransferRow.id)
    )).all()
    problems, reversed_total = [], defaultdict(int)
    for leg_id, debit, credit, overflow, amount, original_id, original_debit, original_credit, original_amount in rows:
        problem = _leg_problem(leg_id, debit, credit, overflow, original_credit, original_debit, pool,
                               f"reversing transfer {original_id}")
        problems += [problem] if problem else []
        reversed_total[original_id] += amount
        if reversed_total[original_id] > original_amount:
            problems.append(f"transfer {original_id}: reversed {reversed_total[original_id]} min of {original_amount}")
    return problems


async def _hold_posts(session: AsyncSession, pool: int | None) -> list[str]:
    rows = (await session.execute(
        select(TransferRow.id, TransferRow.debit_account_id, TransferRow.credit_account_id, TransferRow.cap_overflow,
               TransferRow.amount_min, HoldRow.id, HoldRow.debit_account_id, HoldRow.credit_account_id,
               HoldRow.amount_min, HoldResolutionRow.outcome, HoldResolutionRow.posted_min)
        .join(HoldRow, HoldRow.id == TransferRow.hold_id)
        .outerjoin(HoldResolutionRow, HoldResolutionRow.hold_id == HoldRow.id).order_by(TransferRow.id)
    )).all()
    problems, posted = [], defaultdict(int)
    for leg_id, debit, credit, overflow, amount, hold_id, payer, payee, held, outcome, posted_min in rows:
        problem = _leg_problem(leg_id, debit, credit, overflow, payer, payee, pool, f"hold {hold_id}")
        problems += [problem] if problem else []
        if outcome != POSTED:
            problems.append(f"hold {hold_id}: posted by transfer {leg_id} but its outcome is {outcome or 'open'}")
        posted[hold_id] += amount
        if posted[hold_id] > held:
            problems.append(f"hold {hold_id}: posted {posted[hold_id]} min of the {held} it held")
    resolved = (await session.execute(
        select(HoldResolutionRow.hold_id, HoldResolutionRow.posted_min).where(HoldResolutionRow.outcome == POSTED)
    )).all()
    problems += [f"hold {hold_id}: resolution says {posted_min} min posted, transfers say {posted[hold_id]}"
                 for hold_id, posted_min in resolved if posted_min != posted[hold_id]]
    return problems


async def _resolutions(session: AsyncSession) -> list[str]:
    early = await session.execute(
        select(HoldRow.id).join(HoldResolutionRow, HoldResolutionRow.hold_id == HoldRow.id)
        .where(HoldResolutionRow.outcome == EXPIRED, HoldResolutionRow.resolved_at < HoldRow.expires_at)
    )
    return [f"hold {hold_id}: expired before its deadline" for hold_id in early.scalars()]


async def _unregistered_keys(session: AsyncSession) -> list[str]:
    def unregistered(key_column):
        return ~select(IdempotencyKeyRow.key).where(IdempotencyKeyRow.key == key_column).exists()

    transfers = await session.execute(select(TransferRow.id).where(unregistered(TransferRow.idempotency_key)))
    holds = await session.execute(select(HoldRow.id).where(unregistered(HoldRow.idempotency_key)))
    return ([f"transfer {transfer_id}: written outside the ledger API (no idempotency record)"
             for transfer_id in transfers.scalars()]
            + [f"hold {hold_id}: written outside the ledger API (no idempotency record)" for hold_id in holds.scalars()])
