"""`ledger verify`'s look at services: every confirmed service was paid what its recorded times pay, no more.

Only confirmations (by the elder's side or automatic) follow the payment
rule; a dispute settled by staff pays what staff decided, and is audited.
"""

from __future__ import annotations

from sqlalchemy import select

from storage.db import Sessions
from storage.ledger.lookups import posted_by_hold
from storage.tasks.tables import DONE, ServiceRequestRow, TaskEventRow
from storage.tasks.transitions import AUTO_CONFIRM, CONFIRM
from storage.tasks.values import TaskRules
from storage.tasks.windows import pay_for


async def payment_problems(sessions: Sessions, rules: TaskRules) -> tuple[str, ...]:
    confirmed = (select(ServiceRequestRow)
                 .join(TaskEventRow, (TaskEventRow.request_id == ServiceRequestRow.id)
                       & TaskEventRow.event.in_((CONFIRM, AUTO_CONFIRM)))
                 .where(ServiceRequestRow.status == DONE))
    async with sessions() as session:
        rows = (await session.execute(confirmed.order_by(ServiceRequestRow.id))).scalars().all()
    posted = await posted_by_hold(sessions, confirmed.with_only_columns(ServiceRequestRow.hold_id))
    return tuple(problem for row in rows for problem in _problems(row, posted.get(row.hold_id, 0), rules))


def _problems(row: ServiceRequestRow, posted_min: int, rules: TaskRules) -> list[str]:
    problems = []
    if row.finished_at is None or row.finished_at < row.starts_at:
        problems.append(f"request {row.id}: paid before its planned start")
    expected = pay_for(row, rules, row.finished_at or row.starts_at).credits_min
    if posted_min != expected:
        problems.append(f"request {row.id}: paid {posted_min} min but its recorded times pay {expected}")
    return problems
