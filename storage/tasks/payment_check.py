"""`ledger verify`'s look at services: every confirmed service was paid what its recorded times pay, no more.

Only confirmations (by the elder's side or automatic) follow the payment
rule; a dispute settled by staff pays what staff decided, and is audited.
"""

from __future__ import annotations

from sqlalchemy import select

from storage.db import Sessions
from storage.ledger.models import HoldResolutionRow
from storage.tasks.tables import DONE, ServiceRequestRow, TaskEventRow
from storage.tasks.transitions import AUTO_CONFIRM, CONFIRM
from storage.tasks.values import TaskRules
from storage.tasks.windows import pay_for


async def payment_problems(sessions: Sessions, rules: TaskRules) -> tuple[str, ...]:
    async with sessions() as session:
        rows = (await session.execute(
            select(ServiceRequestRow, HoldResolutionRow.posted_min)
            .join(TaskEventRow, (TaskEventRow.request_id == ServiceRequestRow.id)
                  & TaskEventRow.event.in_((CONFIRM, AUTO_CONFIRM)))
            .outerjoin(HoldResolutionRow, HoldResolutionRow.hold_id == ServiceRequestRow.hold_id)
            .where(ServiceRequestRow.status == DONE).order_by(ServiceRequestRow.id))).all()
    return tuple(problem for row, posted in rows for problem in _problems(row, posted or 0, rules))


def _problems(row: ServiceRequestRow, posted_min: int, rules: TaskRules) -> list[str]:
    problems = []
    if row.finished_at is None or row.finished_at < row.starts_at:
        problems.append(f"request {row.id}: paid before its planned start")
    expected = pay_for(row, rules, row.finished_at or row.starts_at).credits_min
    if posted_min != expected:
        problems.append(f"request {row.id}: paid {posted_min} min but its recorded times pay {expected}")
    return problems
