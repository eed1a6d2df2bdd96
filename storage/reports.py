"""The numbers staff read about the bank: the daily report, and a transfer looked up for a correction.

Pure reads: nothing here changes a row. A day is a window [start, end) in
UTC that the caller cuts from the local calendar day; counts that describe a
state (open alerts, the pool's balance) are taken as of the window's end, so
the report on a past day reads the same whenever it is asked for.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime, time, timedelta, tzinfo
from types import MappingProxyType

from sqlalchemy import and_, case, distinct, func, or_, select

from storage.alert_tables import OPEN as ALERT_OPEN, AlertRow
from storage.db import Sessions
from storage.ledger.reading import pool_balance_in
from storage.members.tables import MemberRow
from storage.tasks.tables import CANCELLED, DONE, EXPIRED, REQUESTER, RatingRow, ServiceRequestRow, TaskEventRow
from storage.tasks.transitions import ACCEPT, POSTED

VERY_SATISFIED, SATISFIED = 5, 4  # the survey's scale: 5 very satisfied, 4 satisfied, 3 or fewer not satisfied

# How each count of requests is read from the task history: distinct requests with such an event in the day.
REQUEST_COUNTS = {
    "posted": TaskEventRow.event == POSTED,
    "accepted": TaskEventRow.event == ACCEPT,
    "done": TaskEventRow.to_status == DONE,
    "cancelled": TaskEventRow.to_status == CANCELLED,
    "expired": TaskEventRow.to_status == EXPIRED,
}


@dataclass(frozen=True)
class RequestCounts:
    posted: int
    accepted: int
    done: int
    cancelled: int
    expired: int


@dataclass(frozen=True)
class Ratings:
    """The elders' side's ratings of the services finished: the survey's satisfaction breakdown."""

    count: int
    average_stars: float | None
    very_satisfied: int
    satisfied: int
    not_satisfied: int


@dataclass(frozen=True)
class DailyReport:
    day: date
    start: datetime
    end: datetime  # the day's end, or the moment asked when the day is not over
    new_members: Mapping[str, int]  # role → registered in the window
    requests: RequestCounts
    minutes_by_service: Mapping[str, int]  # service code → planned minutes of the requests done in the window
    ratings: Ratings
    open_alerts: int
    pool_balance_min: int


def day_window(day: date, zone: tzinfo, now: datetime) -> tuple[datetime, datetime]:
    """The local calendar day as a UTC window, cut short at `now` while the day is under way."""
    start = datetime.combine(day, time(0), tzinfo=zone)
    return start, min(start + timedelta(days=1), now)


async def daily_report(sessions: Sessions, day: date, *, zone: tzinfo, now: datetime) -> DailyReport:
    start, end = day_window(day, zone, now)
    async with sessions() as session:
        async def rows(query):
            return (await session.execute(query)).all()

        new_members = await rows(select(MemberRow.role, func.count()).where(
            MemberRow.created_at >= start, MemberRow.created_at < end).group_by(MemberRow.role))
        in_window = and_(TaskEventRow.at >= start, TaskEventRow.at < end)
        counts = (await rows(select(*(
            func.count(distinct(case((condition, TaskEventRow.request_id)))) for condition in REQUEST_COUNTS.values()
        )).where(in_window)))[0]
        done_in_window = select(TaskEventRow.request_id).where(in_window, TaskEventRow.to_status == DONE)
        minutes = await rows(select(ServiceRequestRow.service_code, func.sum(ServiceRequestRow.duration_min))
                             .where(ServiceRequestRow.id.in_(done_in_window))
                             .group_by(ServiceRequestRow.service_code).order_by(ServiceRequestRow.service_code))
        stars = await rows(select(RatingRow.stars, func.count()).where(
            RatingRow.side == REQUESTER, RatingRow.at >= start, RatingRow.at < end).group_by(RatingRow.stars))
        open_alerts = await _open_alerts_at(session, end)
        pool = await pool_balance_in(session, end)
    return DailyReport(
        day=day, start=start, end=end,
        new_members=MappingProxyType({role: count for role, count in new_members}),
        requests=RequestCounts(*counts),
        minutes_by_service=MappingProxyType({code: int(total) for code, total in minutes}),
        ratings=_ratings(dict(stars)), open_alerts=open_alerts, pool_balance_min=pool)


async def open_alert_count(sessions: Sessions, at: datetime | None = None) -> int:
    """Alerts raised before `at` and not yet handled then (by default: open now), the length of the staff's queue."""
    async with sessions() as session:
        if at is None:
            return (await session.execute(select(func.count()).select_from(AlertRow).where(
                AlertRow.status == ALERT_OPEN))).scalar_one()
        return await _open_alerts_at(session, at)


async def _open_alerts_at(session, at: datetime) -> int:
    return (await session.execute(select(func.count()).select_from(AlertRow).where(
        AlertRow.created_at < at, or_(AlertRow.status == ALERT_OPEN, AlertRow.handled_at >= at)))).scalar_one()


def _ratings(by_stars: dict[int, int]) -> Ratings:
    count = sum(by_stars.values())
    total = sum(stars * n for stars, n in by_stars.items())
    return Ratings(
        count=count, average_stars=round(total / count, 2) if count else None,
        very_satisfied=by_stars.get(VERY_SATISFIED, 0), satisfied=by_stars.get(SATISFIED, 0),
        not_satisfied=sum(n for stars, n in by_stars.items() if stars < SATISFIED))
