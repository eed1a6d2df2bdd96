"""Holds (two-phase transfers): reserve now, then exactly one of post, void or expiry.

A hold row is never changed. Its outcome is a row in ledger_hold_resolutions,
unique per hold, so a second outcome cannot be written even by a buggy caller.
A hold counts as held only while open and before its deadline: balances stop
counting it the moment the deadline passes, before `expire_holds` records it.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import exists, insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.base import utcnow
from storage.db import Sessions
from storage.ledger.accounts import live_available
from storage.ledger.errors import HoldExpired, HoldNotFound, HoldNotOpen, InvalidRequest, PostExceedsHold
from storage.ledger.idempotency import check_key, describe, remember, replay
from storage.ledger.models import AccountRow, HoldResolutionRow, HoldRow
from storage.ledger.postings import LegFields, accounts_to_lock, post_legs
from storage.ledger.rules import ensure_can_debit
from storage.ledger.txn import in_transaction, lock_accounts, read_snapshot
from storage.ledger.types import (DEFAULT_RULES, EXPIRED, POSTED, VOIDED, HoldOutcome, HoldRequest, HoldResult,
                                  LedgerRules, TransferResult)
from storage.ledger.validation import check_actor, check_amount, check_aware, check_movement

EXPIRY_ACTOR = "ledger:expiry"


async def hold(sessions: Sessions, request: HoldRequest, rules: LedgerRules = DEFAULT_RULES,
               now: datetime | None = None) -> HoldResult:
    return await in_transaction(sessions, lambda session: hold_in(session, request, rules, now))


async def post_hold(sessions: Sessions, hold_id: int, idempotency_key: str, actor: str, *,
                    amount_min: int | None = None, rules: LedgerRules = DEFAULT_RULES,
                    now: datetime | None = None) -> TransferResult:
    """Post the hold in full, or a smaller amount (the rest is released); refused once past its deadline."""
    return await in_transaction(sessions, lambda session: post_hold_in(
        session, hold_id, idempotency_key, actor, amount_min=amount_min, rules=rules, now=now))


async def void_hold(sessions: Sessions, hold_id: int, idempotency_key: str, actor: str, reason: str | None = None,
                    now: datetime | None = None) -> HoldOutcome:
    return await in_transaction(sessions, lambda session: void_hold_in(
        session, hold_id, idempotency_key, actor, reason, now))


# The same operations inside a caller's transaction (see storage.ledger.txn.in_transaction), so that
# a change elsewhere, e.g. a task accepted or finished, commits or rolls back with its credits.

async def hold_in(session: AsyncSession, request: HoldRequest, rules: LedgerRules = DEFAULT_RULES,
                  now: datetime | None = None) -> HoldResult:
    check_movement(request.debit_account_id, request.credit_account_id, request.amount_min,
                   request.kind, request.idempotency_key, request.actor)
    check_aware(request.expires_at, "expires_at")
    now = now or utcnow()
    if request.expires_at <= now:
        raise InvalidRequest("a hold's deadline must be in the future")
    described = describe("hold", debit=request.debit_account_id, credit=request.credit_account_id,
                         amount=request.amount_min, kind=request.kind, task=request.task_ref, actor=request.actor)
    accounts = await lock_accounts(session, [request.debit_account_id, request.credit_account_id])
    if first := await replay(session, request.idempotency_key, described, HoldResult):
        return first
    debit, credit = accounts[request.debit_account_id], accounts[request.credit_account_id]
    ensure_can_debit(debit, await live_available(session, debit, now), request.amount_min, rules)
    hold_id = (await session.execute(insert(HoldRow).values(
        idempotency_key=request.idempotency_key, kind=request.kind, debit_account_id=debit.id,
        credit_account_id=credit.id, amount_min=request.amount_min, actor=request.actor,
        task_ref=request.task_ref, reason=request.reason, expires_at=request.expires_at, created_at=now,
    ).returning(HoldRow.id))).scalar_one()
    debit.debits_pending += request.amount_min
    credit.credits_pending += request.amount_min
    result = HoldResult(hold_id=hold_id, debit_account_id=debit.id, credit_account_id=credit.id,
                        amount_min=request.amount_min, expires_at=request.expires_at)
    await remember(session, request.idempotency_key, "hold", described, result, now)
    return result


async def post_hold_in(session: AsyncSession, hold_id: int, idempotency_key: str, actor: str, *,
                       amount_min: int | None = None, rules: LedgerRules = DEFAULT_RULES,
                       now: datetime | None = None) -> TransferResult:
    check_key(idempotency_key)
    check_actor(actor)
    if amount_min is not None:
        check_amount(amount_min)
    now = now or utcnow()
    described = describe("post", hold=hold_id, amount=amount_min, actor=actor)
    held = await _hold(session, hold_id)
    amount = held.amount_min if amount_min is None else amount_min
    accounts = await lock_accounts(session, await accounts_to_lock(
        session, held.debit_account_id, held.credit_account_id, amount, rules, now))
    if first := await replay(session, idempotency_key, described, TransferResult):
        return first
    await _ensure_open(session, held)
    if now >= held.expires_at:
        raise HoldExpired(f"hold {hold_id} passed its deadline {held.expires_at.isoformat()}")
    if amount > held.amount_min:
        raise PostExceedsHold(f"hold {hold_id} reserved {held.amount_min} min, cannot post {amount}")
    _release(accounts, held)
    fields = LegFields(kind=held.kind, idempotency_key=idempotency_key, actor=actor, created_at=now,
                       task_ref=held.task_ref, reason=held.reason, hold_id=held.id)
    result = await post_legs(session, accounts, held.debit_account_id, held.credit_account_id, amount, rules, fields)
    await _resolve(session, held, POSTED, actor, now, posted_min=_moved(result))
    await remember(session, idempotency_key, "post", described, result, now)
    return result


async def void_hold_in(session: AsyncSession, hold_id: int, idempotency_key: str, actor: str,
                       reason: str | None = None, now: datetime | None = None) -> HoldOutcome:
    check_key(idempotency_key)
    check_actor(actor)
    now = now or utcnow()
    described = describe("void", hold=hold_id, actor=actor)
    held = await _hold(session, hold_id)
    accounts = await lock_accounts(session, [held.debit_account_id, held.credit_account_id])
    if first := await replay(session, idempotency_key, described, HoldOutcome):
        return first
    await _ensure_open(session, held)
    _release(accounts, held)
    await _resolve(session, held, VOIDED, actor, now, reason=reason)
    result = HoldOutcome(hold_id=hold_id, outcome=VOIDED, released_min=held.amount_min)
    await remember(session, idempotency_key, "void", described, result, now)
    return result


async def expire_holds(sessions: Sessions, now: datetime | None = None, limit: int = 1000) -> tuple[int, ...]:
    """Record every open hold past its deadline as expired; returns the ids this call expired.

    Each hold is settled in its own short transaction under its accounts' locks,
    so several sweepers at once (and a concurrent post or void) settle each hold once.
    """
    now = now or utcnow()
    async with read_snapshot(sessions) as session:
        overdue = (await session.execute(
            select(HoldRow.id).where(HoldRow.expires_at <= now, ~_resolved(HoldRow.id))
            .order_by(HoldRow.id).limit(limit)
        )).scalars().all()
    expired = [hold_id for hold_id in overdue if await _expire_one(sessions, hold_id, now)]
    return tuple(expired)


async def _expire_one(sessions: Sessions, hold_id: int, now: datetime) -> bool:
    async def work(session: AsyncSession) -> bool:
        held = await _hold(session, hold_id)
        accounts = await lock_accounts(session, [held.debit_account_id, held.credit_account_id])
        if await _outcome(session, hold_id) is not None:
            return False
        _release(accounts, held)
        await _resolve(session, held, EXPIRED, EXPIRY_ACTOR, now)
        return True

    return await in_transaction(sessions, work)


async def _hold(session: AsyncSession, hold_id: int) -> HoldRow:
    held = await session.get(HoldRow, hold_id)
    if held is None:
        raise HoldNotFound(f"no hold {hold_id}")
    return held


def _resolved(hold_id_column):
    return exists().where(HoldResolutionRow.hold_id == hold_id_column)


async def _outcome(session: AsyncSession, hold_id: int) -> str | None:
    return (await session.execute(
        select(HoldResolutionRow.outcome).where(HoldResolutionRow.hold_id == hold_id)
    )).scalar_one_or_none()


async def _ensure_open(session: AsyncSession, held: HoldRow) -> None:
    if (outcome := await _outcome(session, held.id)) is not None:
        raise HoldNotOpen(held.id, outcome)


def _release(accounts: dict[int, AccountRow], held: HoldRow) -> None:
    accounts[held.debit_account_id].debits_pending -= held.amount_min
    accounts[held.credit_account_id].credits_pending -= held.amount_min


async def _resolve(session: AsyncSession, held: HoldRow, outcome: str, actor: str, now: datetime,
                   posted_min: int = 0, reason: str | None = None) -> None:
    await session.execute(insert(HoldResolutionRow).values(
        hold_id=held.id, outcome=outcome, posted_min=posted_min, actor=actor, reason=reason, resolved_at=now))


def _moved(result: TransferResult) -> int:
    """Minutes that left the payer: the cap overflow counts when it went on to the pool."""
    return result.credited_min + (result.cap_overflow_min if result.overflow_transfer_id else 0)
