"""Taking a task: exactly one volunteer wins, and the payer's credits are held in the same transaction."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from storage import alerts, ledger
from storage.db import Sessions
from storage.exchange import Catalogue, ExchangePolicy
from storage.ledger import SERVICE, HoldRequest, LedgerRules, in_transaction
from storage.members import Actor
from storage.members.access import actor_ref, actor_row
from storage.members.rows import member_row
from storage.tasks.errors import CannotPay, NotEligible, TaskTaken
from storage.tasks.flip_flops import ensure_not_paused
from storage.tasks.payment import decide_payer_for, hold_key, member_account_id, payer_account_id, task_ref
from storage.tasks.rules import ends_at, ensure_eligible
from storage.tasks.tables import ACCEPTED, DISPUTED, DONE, IN_SERVICE
from storage.tasks.transitions import ACCEPT, lock_request, move
from storage.tasks.values import Task, TaskRules, as_task
from storage.tasks.windows import held_cost

TAKEN = (ACCEPTED, IN_SERVICE, DISPUTED, DONE)  # someone has it; cancelled and expired are refused as wrong_state


async def accept(sessions: Sessions, request_id: int, volunteer: Actor, *, catalogue: Catalogue,
                 policy: ExchangePolicy, ledger_rules: LedgerRules, rules: TaskRules, now: datetime) -> Task:
    """open → accepted, with the payer's hold; TaskTaken for everyone but the one who got there first."""

    async def work(session: AsyncSession) -> Task:
        # The row lock serializes the racers on PostgreSQL (SQLite has one writer): the first one's commit is
        # what every later one reads here.
        request = await lock_request(session, request_id)
        if volunteer.member_id is None:
            raise NotEligible("not_volunteer")
        if request.volunteer_id == volunteer.member_id and request.status in (ACCEPTED, IN_SERVICE):
            return as_task(request)
        if request.status in TAKEN:
            raise TaskTaken(f"request {request_id} is taken")
        person = await actor_row(session, volunteer)
        await ensure_eligible(session, person, request, catalogue)
        await ensure_not_paused(session, person.id, rules, now)
        payment = await decide_payer_for(session, await member_row(session, request.requester_id), request,
                                         policy, now)
        if not payment.allowed:
            raise CannotPay(payment.reason)
        actor = actor_ref(person)
        acceptance_no = request.acceptance_no + 1
        try:
            held = await ledger.hold_in(session, HoldRequest(
                debit_account_id=await payer_account_id(session, payment.payer, request.requester_id, now),
                credit_account_id=await member_account_id(session, person.id, now),
                amount_min=held_cost(request.cost_min, request.duration_min, rules), kind=SERVICE, idempotency_key=hold_key(request_id, acceptance_no),
                actor=actor, expires_at=ends_at(request) + timedelta(days=rules.hold_days),
                task_ref=task_ref(request_id)), ledger_rules, now)
        except ledger.InsufficientCredit:
            # The balance changed since the decision; the request stays open for another try.
            raise CannotPay("insufficient_balance") from None
        await move(session, request, ACCEPT, actor, now, volunteer_id=person.id,
                   detail={"hold_id": held.hold_id, "payer": payment.payer})
        request.volunteer_id, request.acceptance_no = person.id, acceptance_no
        request.payer, request.hold_id, request.accepted_at = payment.payer, held.hold_id, now
        request.checked_in_at = request.checked_out_at = None
        request.check_in_distance_m = request.check_out_distance_m = None
        await alerts.close_waiting_in(session, request_id, actor, now)
        return as_task(request)

    return await in_transaction(sessions, work)
