"""What the ledger paid a member for services: the one source of "hours served" (proofs, star levels).

A service payment is a `service` transfer to the member's account; the part of it that overflowed the member's
cap went to the pool under the same idempotency key and still counts, since it was served. Reversals of those
transfers are taken off, whenever they were made: a figure read now is net of every correction so far.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import func, select

from storage.db import Sessions
from storage.ledger.models import AccountRow, TransferRow
from storage.ledger.types import MEMBER, SERVICE
from storage.ledger.validation import check_aware


async def service_minutes_by_task(sessions: Sessions, member_ref: str, *, since: datetime | None = None,
                                  until: datetime | None = None) -> dict[str, int]:
    """Minutes paid to the member for each task (its `task_ref`), paid in [since, until), net of reversals.

    Tasks whose payment was reversed in full are left out.
    """
    for moment, name in ((since, "since"), (until, "until")):
        if moment is not None:
            check_aware(moment, name)
    own = (select(TransferRow.idempotency_key)
           .join(AccountRow, AccountRow.id == TransferRow.credit_account_id)
           .where(AccountRow.kind == MEMBER, AccountRow.owner_ref == member_ref, TransferRow.kind == SERVICE))
    if since is not None:
        own = own.where(TransferRow.created_at >= since)
    if until is not None:
        own = own.where(TransferRow.created_at < until)
    paid = select(TransferRow.id, TransferRow.task_ref, TransferRow.amount_min).where(
        TransferRow.kind == SERVICE, TransferRow.idempotency_key.in_(own)).subquery()
    reversed_ = (select(TransferRow.reversal_of_id.label("id"), func.sum(TransferRow.amount_min).label("minutes"))
                 .where(TransferRow.reversal_of_id.in_(select(paid.c.id))).group_by(TransferRow.reversal_of_id)
                 .subquery())
    net = paid.c.amount_min - func.coalesce(reversed_.c.minutes, 0)
    query = (select(paid.c.task_ref, func.sum(net)).outerjoin(reversed_, reversed_.c.id == paid.c.id)
             .group_by(paid.c.task_ref))
    async with sessions() as session:
        rows = (await session.execute(query)).all()
    return {task_ref: int(minutes) for task_ref, minutes in rows if task_ref and minutes > 0}
