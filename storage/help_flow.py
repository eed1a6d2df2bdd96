"""How long help takes: per community and service, the requests posted in a window and what became of them.

Pure reads. A request belongs to the window it was posted in; what happened to it is counted up to the
window's end, so a past window reads the same whenever it is asked for. Time to acceptance runs from
posting to the first acceptance; its median is the middle value (the mean of the two middle ones for an
even count) and its 90th percentile the nearest-rank one (the smallest value with at least 90 % of the
values at or below it). "Needed staff": staff were alerted that nobody took it, or nobody was in reach.
"""

from __future__ import annotations

import math
import statistics
from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select

from storage.alert_tables import NOBODY_IN_REACH, UNANSWERED, AlertRow
from storage.db import Sessions
from storage.tasks.tables import EXPIRED, OPEN, ServiceRequestRow, TaskEventRow, TaskOfferRow
from storage.tasks.transitions import ACCEPT

STAFF_ALERTS = (NOBODY_IN_REACH, UNANSWERED)


@dataclass(frozen=True)
class HelpFlow:
    community: str | None
    service_code: str
    posted: int
    accepted: int
    median_to_accept_min: float | None  # None: none accepted
    p90_to_accept_min: float | None
    needed_staff: int
    expired: int


@dataclass(frozen=True)
class Waiting:
    """An open request nobody has taken, for the console's list by closeness to its start."""

    id: int
    community: str | None
    service_code: str
    starts_at: datetime
    created_at: datetime
    escalation_step: int
    asked: int
    staff_alerted_at: datetime | None
    staff_called_at: datetime | None


def percentile(values: list[float], share: float) -> float:
    """Nearest rank: the ceil(share × n)-th smallest value."""
    ordered = sorted(values)
    return ordered[max(1, math.ceil(share * len(ordered))) - 1]


async def help_flow(sessions: Sessions, start: datetime, end: datetime) -> tuple[HelpFlow, ...]:
    async with sessions() as session:
        requests = (await session.execute(select(
            ServiceRequestRow.id, ServiceRequestRow.community, ServiceRequestRow.service_code,
            ServiceRequestRow.created_at).where(ServiceRequestRow.created_at >= start,
                                                ServiceRequestRow.created_at < end))).all()
        ids = [row.id for row in requests]
        first_accepted = dict((await session.execute(select(TaskEventRow.request_id, func.min(TaskEventRow.at)).where(
            TaskEventRow.request_id.in_(ids), TaskEventRow.event == ACCEPT, TaskEventRow.at < end)
            .group_by(TaskEventRow.request_id))).all())
        expired = set((await session.execute(select(TaskEventRow.request_id).where(
            TaskEventRow.request_id.in_(ids), TaskEventRow.to_status == EXPIRED, TaskEventRow.at < end)))
            .scalars().all())
        needed_staff = set((await session.execute(select(AlertRow.request_id).where(
            AlertRow.request_id.in_(ids), AlertRow.kind.in_(STAFF_ALERTS), AlertRow.created_at < end)))
            .scalars().all())
    groups: dict[tuple, list] = defaultdict(list)
    for row in requests:
        groups[(row.community, row.service_code)].append(row)
    return tuple(_flow(key, rows, first_accepted, expired, needed_staff)
                 for key, rows in sorted(groups.items(), key=lambda item: (item[0][0] or "", item[0][1])))


def _flow(key, rows, first_accepted, expired, needed_staff) -> HelpFlow:
    waits = [(first_accepted[row.id] - row.created_at).total_seconds() / 60
             for row in rows if row.id in first_accepted]
    return HelpFlow(
        community=key[0], service_code=key[1], posted=len(rows), accepted=len(waits),
        median_to_accept_min=statistics.median(waits) if waits else None,
        p90_to_accept_min=percentile(waits, 0.9) if waits else None,
        needed_staff=sum(row.id in needed_staff for row in rows), expired=sum(row.id in expired for row in rows))


async def waiting(sessions: Sessions, now: datetime, *, limit: int = 100) -> tuple[Waiting, ...]:
    """Open requests with nobody assigned, the soonest start first."""
    async with sessions() as session:
        asked = (select(func.count()).where(TaskOfferRow.request_id == ServiceRequestRow.id)
                 .correlate(ServiceRequestRow).scalar_subquery())
        rows = (await session.execute(select(ServiceRequestRow, asked).where(
            ServiceRequestRow.status == OPEN, ServiceRequestRow.volunteer_id.is_(None),
            ServiceRequestRow.starts_at > now).order_by(ServiceRequestRow.starts_at, ServiceRequestRow.id)
            .limit(limit))).all()
    return tuple(Waiting(row.id, row.community, row.service_code, row.starts_at, row.created_at,
                         row.escalation_step, count, row.staff_alerted_at, row.staff_called_at)
                 for row, count in rows)
