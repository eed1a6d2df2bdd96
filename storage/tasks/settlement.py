"""Finishing a task: the requester's confirmation posts the hold, a dispute freezes it, staff decide disputes.

The credits move in the transaction that changes the status, so a task is
never done without its payment nor paid without being done.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from storage import alerts, audit, ledger
from storage.db import Sessions
from storage.ledger import LedgerRules, TransferResult, in_transaction
from storage.members import Actor
from storage.tasks.errors import InvalidTask, TooEarly
from storage.tasks.parties import active_staff, not_own, requester_side
from storage.tasks.payment import post_key, resolve_key, settled_transfer, void_key
from storage.tasks.tables import DONE, ServiceRequestRow
from storage.tasks.transitions import (AUTO_CONFIRM, CONFIRM, DISPUTE, RESOLVE_PART, RESOLVE_PAY, RESOLVE_REFUND,
                                       lock_request, move, target)
from storage.tasks.values import DEFAULT_TASK_RULES, Settlement, Task, TaskRules, as_task
from storage.tasks.windows import pay_for


async def settle_in(session: AsyncSession, request: ServiceRequestRow, actor: str, event: str,
                    ledger_rules: LedgerRules, rules: TaskRules, now: datetime) -> Settlement:
    """Done, and the served minutes paid from the hold (the rest released); never before the planned start."""
    target(request.status, event)
    if now < request.starts_at:
        raise TooEarly(f"request {request.id} has not started yet")
    pay = pay_for(request, rules, now)
    await move(session, request, event, actor, now, detail={
        "planned_min": pay.planned_min, "served_min": pay.served_min, "paid_service_min": pay.paid_service_min})
    request.finished_at = now
    if pay.credits_min <= 0:
        await ledger.void_hold_in(session, request.hold_id, void_key(request.id, request.acceptance_no), actor,
                                  "nothing served", now)
        return Settlement(as_task(request), None)
    transfer = await ledger.post_hold_in(session, request.hold_id, post_key(request.id), actor,
                                         amount_min=pay.credits_min, rules=ledger_rules, now=now)
    return Settlement(as_task(request), transfer)


async def confirm_done(sessions: Sessions, request_id: int, actor: Actor, *, ledger_rules: LedgerRules,
                       rules: TaskRules = DEFAULT_TASK_RULES, now: datetime) -> Settlement:
    """By the requester side, or SYSTEM (auto-confirmation). Confirming a done task returns its settlement."""

    async def work(session: AsyncSession) -> Settlement:
        request = await lock_request(session, request_id)
        ref = await requester_side(session, actor, request.requester_id, system_ok=True)
        if request.status == DONE:
            return Settlement(as_task(request), await settled_transfer(session, request_id))
        if actor.member_id is not None and actor.member_id == request.volunteer_id:
            not_own(request, actor.member_id, "confirm")
        event = AUTO_CONFIRM if actor.member_id is None else CONFIRM
        return await settle_in(session, request, ref, event, ledger_rules, rules, now)

    return await in_transaction(sessions, work)


async def dispute(sessions: Sessions, request_id: int, actor: Actor, reason: str, *, now: datetime) -> Task:
    """accepted/in_service → disputed: the hold stays as it is until staff decide; staff are alerted.

    `reason` is what the member chose (有问题 / 没来), kept in the task's history: not free text.
    """

    async def work(session: AsyncSession) -> Task:
        request = await lock_request(session, request_id)
        ref = await requester_side(session, actor, request.requester_id)
        await move(session, request, DISPUTE, ref, now, reason=reason)
        await alerts.raise_in(session, alerts.DISPUTE, member_id=request.requester_id, request_id=request.id,
                              community=request.community,
                              detail={"volunteer_id": request.volunteer_id, "by": ref}, now=now)
        return as_task(request)

    return await in_transaction(sessions, work)


@dataclass(frozen=True)
class _Decision:
    event: str
    pays: bool  # posts (all or part of) the hold; else voids it


DECISIONS = {"PAY": _Decision(RESOLVE_PAY, True), "PART": _Decision(RESOLVE_PART, True),
             "REFUND": _Decision(RESOLVE_REFUND, False)}


def _part_amount(decision: str, amount_min: int | None, cost_min: int) -> int | None:
    if decision != "PART":
        return None
    if amount_min is None or not 0 < amount_min < cost_min:
        raise InvalidTask(f"a part payment is between 1 and {cost_min - 1} minutes, got {amount_min!r}")
    return amount_min


async def resolve_dispute(sessions: Sessions, request_id: int, staff: Actor, decision: str, reason: str, *,
                          amount_min: int | None = None, ledger_rules: LedgerRules, now: datetime) -> Settlement:
    """Staff decide a dispute: PAY (all), PART (amount_min, the rest released) or REFUND; the why is audited."""
    if decision not in DECISIONS:
        raise InvalidTask(f"decision is one of {sorted(DECISIONS)}, got {decision!r}")
    if not reason or not reason.strip():
        raise InvalidTask("a dispute decision needs its reason")

    async def work(session: AsyncSession) -> Settlement:
        request = await lock_request(session, request_id)
        ref = await active_staff(session, staff)
        not_own(request, staff.member_id, "settle")
        chosen = DECISIONS[decision]
        amount = _part_amount(decision, amount_min, request.cost_min)
        await move(session, request, chosen.event, ref, now, reason=reason)
        transfer: TransferResult | None = None
        if chosen.pays:
            transfer = await ledger.post_hold_in(session, request.hold_id, resolve_key(request.id), ref,
                                                 amount_min=amount, rules=ledger_rules, now=now)
        else:
            await ledger.void_hold_in(session, request.hold_id, void_key(request.id, request.acceptance_no), ref,
                                      reason, now)
        request.finished_at = now
        await alerts.close_dispute_in(session, request.id, ref, reason, now)
        await audit.record(session, actor=ref, action="resolve_dispute", subject_id=request.requester_id,
                           reason=reason, at=now,
                           detail={"request_id": request.id, "decision": decision, "volunteer_id": request.volunteer_id,
                                   "posted_min": transfer and transfer.requested_min, "cost_min": request.cost_min})
        return Settlement(as_task(request), transfer)

    return await in_transaction(sessions, work)
