"""Hours of service a volunteer gave, read from the ledger's service payments: the one count of them.

A service payment posts the hold a task reserved into the volunteer's account (and, above the credit cap,
the rest into the pool: both legs carry the hold). Credits are weighted by the unified exchange standard
(an hour of 助浴 earns 1.5), while the star ratings and proofs of service count hours served; so each payment,
net of what staff reversed of it, is turned back into service minutes at its request's own price
(duration ÷ cost), and counted in the period it was paid.

The request rows are read here, beside the ledger's: the payment names its request (`task_ref`), and only
the request knows its service and price. Imported by callers as `storage.ledger.served_hours`, never through
`storage.ledger` itself, which `storage.tasks` imports in turn.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from fractions import Fraction
from types import MappingProxyType

from sqlalchemy import func, select
from sqlalchemy.orm import aliased

from storage.db import Sessions
from storage.ledger.models import AccountRow, HoldRow, TransferRow
from storage.ledger.types import MEMBER, SERVICE
from storage.ledger.validation import check_aware
from storage.tasks.tables import ServiceRequestRow

TASK_REF_PREFIX = "request:"  # storage.tasks.payment.task_ref


@dataclass(frozen=True)
class ServedMinutes:
    """Minutes of service paid in a period, in all and by service code."""

    total: int = 0
    by_service: Mapping[str, int] = field(default_factory=lambda: MappingProxyType({}))


@dataclass(frozen=True)
class _Payment:
    owner_ref: str
    request_id: int
    credited_min: int  # net of reversals


async def served_minutes(sessions: Sessions, member_ref: str, *, since: datetime | None = None,
                         until: datetime | None = None) -> ServedMinutes:
    """One member's served minutes paid in [since, until) (either end open when None)."""
    return (await served_minutes_of(sessions, (member_ref,), since=since, until=until))[member_ref]


async def served_minutes_of(sessions: Sessions, member_refs: Iterable[str], *, since: datetime | None = None,
                            until: datetime | None = None) -> dict[str, ServedMinutes]:
    """Served minutes paid in [since, until) for each member ledger ref asked about ("member:42")."""
    refs = tuple(dict.fromkeys(member_refs))
    for moment, name in ((since, "since"), (until, "until")):
        if moment is not None:
            check_aware(moment, name)
    async with sessions() as session:
        payments = await _payments(session, refs, since, until)
        prices = await _prices(session, {payment.request_id for payment in payments})
    per_member: dict[str, dict[str, int]] = {ref: {} for ref in refs}
    for payment in payments:
        if payment.request_id not in prices:
            continue
        service, duration, cost = prices[payment.request_id]
        minutes = _half_up(Fraction(payment.credited_min * duration, cost))
        services = per_member[payment.owner_ref]
        services[service] = services.get(service, 0) + minutes
    return {ref: ServedMinutes(sum(services.values()), MappingProxyType(services))
            for ref, services in per_member.items()}


async def _payments(session, refs: tuple[str, ...], since: datetime | None, until: datetime | None) -> list[_Payment]:
    if not refs:
        return []
    reversal = aliased(TransferRow)
    reversed_min = (select(func.coalesce(func.sum(reversal.amount_min), 0))
                    .where(reversal.reversal_of_id == TransferRow.id).scalar_subquery())
    query = (select(AccountRow.owner_ref, TransferRow.task_ref, TransferRow.amount_min - reversed_min)
             .join(HoldRow, TransferRow.hold_id == HoldRow.id)
             .join(AccountRow, HoldRow.credit_account_id == AccountRow.id)
             .where(TransferRow.kind == SERVICE, TransferRow.task_ref.like(f"{TASK_REF_PREFIX}%"),
                    AccountRow.kind == MEMBER, AccountRow.owner_ref.in_(refs)))
    if since is not None:
        query = query.where(TransferRow.created_at >= since)
    if until is not None:
        query = query.where(TransferRow.created_at < until)
    rows = (await session.execute(query)).all()
    return [_Payment(ref, int(task_ref.removeprefix(TASK_REF_PREFIX)), int(net))
            for ref, task_ref, net in rows if net > 0 and task_ref.removeprefix(TASK_REF_PREFIX).isdigit()]


async def _prices(session, request_ids: set[int]) -> dict[int, tuple[str, int, int]]:
    """request id → (service code, planned minutes, agreed credits)."""
    if not request_ids:
        return {}
    rows = (await session.execute(select(
        ServiceRequestRow.id, ServiceRequestRow.service_code, ServiceRequestRow.duration_min,
        ServiceRequestRow.cost_min).where(ServiceRequestRow.id.in_(request_ids)))).all()
    return {request_id: (service, duration, cost) for request_id, service, duration, cost in rows}


def _half_up(value: Fraction) -> int:
    return math.floor(value + Fraction(1, 2))
