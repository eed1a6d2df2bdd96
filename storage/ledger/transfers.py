"""Transfers between two accounts, and their reversal."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.base import utcnow
from storage.db import Sessions
from storage.ledger.accounts import live_available
from storage.ledger.errors import InvalidRequest, ReversalExceedsRemainder, TransferNotFound
from storage.ledger.idempotency import check_key, describe, remember, replay
from storage.ledger.models import TransferRow
from storage.ledger.postings import LegFields, accounts_to_lock, post_legs
from storage.ledger.rules import ensure_can_debit, would_go_below_floor
from storage.ledger.txn import in_transaction, lock_accounts, minutes_total
from storage.ledger.types import DEFAULT_RULES, REVERSAL, LedgerRules, TransferRequest, TransferResult
from storage.ledger.validation import check_actor, check_amount, check_movement


async def transfer(sessions: Sessions, request: TransferRequest, rules: LedgerRules = DEFAULT_RULES,
                   now: datetime | None = None) -> TransferResult:
    check_movement(request.debit_account_id, request.credit_account_id, request.amount_min,
                   request.kind, request.idempotency_key, request.actor)
    now = now or utcnow()
    described = describe("transfer", debit=request.debit_account_id, credit=request.credit_account_id,
                         amount=request.amount_min, kind=request.kind, task=request.task_ref, actor=request.actor)
    fields = LegFields(kind=request.kind, idempotency_key=request.idempotency_key, actor=request.actor,
                       created_at=now, task_ref=request.task_ref, reason=request.reason)

    async def work(session: AsyncSession) -> TransferResult:
        debit_id, credit_id, amount = request.debit_account_id, request.credit_account_id, request.amount_min
        accounts = await lock_accounts(session, await accounts_to_lock(session, debit_id, credit_id, amount, rules, now))
        if first := await replay(session, request.idempotency_key, described, TransferResult):
            return first
        debit = accounts[debit_id]
        ensure_can_debit(debit, await live_available(session, debit, now), amount, rules)
        result = await post_legs(session, accounts, debit_id, credit_id, amount, rules, fields)
        await remember(session, request.idempotency_key, "transfer", described, result, now)
        return result

    return await in_transaction(sessions, work)


async def reverse(sessions: Sessions, transfer_id: int, reason: str, staff_actor: str, idempotency_key: str, *,
                  amount_min: int | None = None, allow_negative: bool = False, rules: LedgerRules = DEFAULT_RULES,
                  now: datetime | None = None) -> TransferResult:
    """Undo all (default) or part of what a transfer has left to reverse, by the opposite transfer.

    A member whose available balance would fall below their floor is refused
    (InsufficientCredit) unless staff pass allow_negative=True; the reversal is
    then marked overdraft_approved and verify accepts that much below the floor.
    """
    if not reason or not reason.strip():
        raise InvalidRequest("a reversal needs a reason")
    check_actor(staff_actor)
    check_key(idempotency_key)
    if amount_min is not None:
        check_amount(amount_min)
    now = now or utcnow()
    described = describe("reverse", transfer=transfer_id, amount=amount_min, allow_negative=allow_negative,
                         actor=staff_actor)

    async def work(session: AsyncSession) -> TransferResult:
        original = await session.get(TransferRow, transfer_id)
        if original is None:
            raise TransferNotFound(f"no transfer {transfer_id}")
        payer, payee = original.credit_account_id, original.debit_account_id
        accounts = await lock_accounts(session, await accounts_to_lock(
            session, payer, payee, amount_min or original.amount_min, rules, now))
        if first := await replay(session, idempotency_key, described, TransferResult):
            return first
        remaining = original.amount_min - await reversed_so_far(session, transfer_id)
        amount = remaining if amount_min is None else amount_min
        if amount > remaining or amount <= 0:
            raise ReversalExceedsRemainder(transfer_id, remaining, amount)
        debit = accounts[payer]
        available = await live_available(session, debit, now)
        ensure_can_debit(debit, available, amount, rules, overdraft_approved=allow_negative)
        fields = LegFields(kind=REVERSAL, idempotency_key=idempotency_key, actor=staff_actor, created_at=now,
                           task_ref=original.task_ref, reason=reason, reversal_of_id=transfer_id,
                           overdraft_approved=would_go_below_floor(debit, available, amount, rules))
        result = await post_legs(session, accounts, payer, payee, amount, rules, fields)
        await remember(session, idempotency_key, "reverse", described, result, now)
        return result

    return await in_transaction(sessions, work)


async def reversed_so_far(session: AsyncSession, transfer_id: int) -> int:
    return (await session.execute(
        select(minutes_total(TransferRow.amount_min)).where(TransferRow.reversal_of_id == transfer_id)
    )).scalar_one()
