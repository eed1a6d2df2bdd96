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
from datetime import datetime, timedelta

from sqlalchemy import func, select

from storage.alert_tables import WAITING_FOR_A_VOLUNTEER, AlertRow
from storage.db import Sessions
from storage.tasks.tables import CANCELLED, EXPIRED, OPEN, ServiceRequestRow, TaskEventRow, TaskOfferRow
from storage.tasks.transitions import ACCEPT

RESPONSIVENESS_DAYS = 30


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
            AlertRow.request_id.in_(ids), AlertRow.kind.in_(WAITING_FOR_A_VOLUNTEER), AlertRow.created_at < end)))
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


@dataclass(frozen=True)
class Responsiveness:
    """What a volunteer did with the offers they received in a window.

    ignored: offers of requests nobody took at all (they expired, or are still waiting), not counting those
    the elder's side cancelled first; an offer another volunteer took first was not ignored.
    """

    volunteer_id: int
    offered: int
    accepted: int
    taken_by_others: int
    ignored: int


async def answers_of(sessions: Sessions, volunteer_id: int, now: datetime) -> Responsiveness:
    """One volunteer's answers to the offers of the last RESPONSIVENESS_DAYS."""
    rows = await responsiveness(sessions, now - timedelta(days=RESPONSIVENESS_DAYS), now, volunteer_id=volunteer_id)
    return rows[0] if rows else Responsiveness(volunteer_id, 0, 0, 0, 0)


async def responsiveness(sessions: Sessions, start: datetime, end: datetime, *,
                         volunteer_id: int | None = None) -> tuple[Responsiveness, ...]:
    """Every volunteer offered something in [start, end) (or only the one named), the most ignored first."""
    async with sessions() as session:
        offers = (await session.execute(select(TaskOfferRow.volunteer_id, TaskOfferRow.request_id).where(
            TaskOfferRow.offered_at >= start, TaskOfferRow.offered_at < end,
            *([TaskOfferRow.volunteer_id == volunteer_id] if volunteer_id is not None else ())))).all()
        requests = {offer.request_id for offer in offers}
        accepted_by = defaultdict(set)
        for request_id, volunteer_id in (await session.execute(select(TaskEventRow.request_id,
                                                                      TaskEventRow.volunteer_id).where(
                TaskEventRow.request_id.in_(requests), TaskEventRow.event == ACCEPT))).all():
            accepted_by[request_id].add(volunteer_id)
        cancelled = set((await session.execute(select(ServiceRequestRow.id).where(
            ServiceRequestRow.id.in_(requests), ServiceRequestRow.status == CANCELLED))).scalars().all())
    tally: dict[int, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for volunteer_id, request_id in offers:
        counts = tally[volunteer_id]
        counts[0] += 1
        takers = accepted_by.get(request_id, set())
        if volunteer_id in takers:
            counts[1] += 1
        elif takers:
            counts[2] += 1
        elif request_id not in cancelled:
            counts[3] += 1
    rows = [Responsiveness(volunteer_id, *counts) for volunteer_id, counts in tally.items()]
    return tuple(sorted(rows, key=lambda row: (-row.ignored, -row.offered, row.volunteer_id)))
