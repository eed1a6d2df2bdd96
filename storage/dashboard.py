"""What the bank looks like over a window of days: the staff console's dashboard, as SQL aggregates.

Days are local days in Asia/Shanghai, which keeps no daylight saving: a
fixed +8 hours on the stored UTC time gives the local date on SQLite and
PostgreSQL alike. Nothing here carries personal data: counts and minutes.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import distinct, func, select, text
from sqlalchemy.ext.asyncio import AsyncSession

from storage import reports
from storage.base import utcnow
from storage.db import Sessions
from storage.ledger.reading import moved_per_day_in, net_before_in, pool_balance_in, system_account_id_in
from storage.ledger.txn import minutes_total, read_snapshot
from storage.ledger.types import ISSUANCE, POOL
from storage.members.tables import MemberRow
from storage.members.values import ACTIVE
from storage.tasks.tables import CANCELLED, DONE, REQUESTER, RatingRow, ServiceRequestRow, TaskEventRow
from storage.tasks.transitions import ACCEPT, NO_SHOW

LOCAL_OFFSET_HOURS = 8
# The survey's three answers, on the daily report's scale (storage.reports): 5 stars, 4, 3 or fewer.
VERY_SATISFIED, SATISFIED, NOT_SATISFIED = "very_satisfied", "satisfied", "not_satisfied"
SATISFACTION_ORDER = (VERY_SATISFIED, SATISFIED, NOT_SATISFIED)


def satisfaction_of(stars: int) -> str:
    return {reports.VERY_SATISFIED: VERY_SATISFIED, reports.SATISFIED: SATISFIED}.get(stars, NOT_SATISFIED)


@dataclass(frozen=True)
class Window:
    """Local days first..last, both included, and the UTC moments that bound them."""

    first: date
    last: date

    @classmethod
    def ending(cls, today: date, days: int) -> Window:
        return cls(today - timedelta(days=days - 1), today)

    @property
    def start(self) -> datetime:
        return _utc_of_local_midnight(self.first)

    @property
    def end(self) -> datetime:
        return _utc_of_local_midnight(self.last + timedelta(days=1))

    def days(self) -> list[date]:
        return [self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)]


def _utc_of_local_midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=timezone.utc) - timedelta(hours=LOCAL_OFFSET_HOURS)


@dataclass(frozen=True)
class RoleCount:
    community: str  # "" when the member named none
    role: str
    count: int


@dataclass(frozen=True)
class DayCounts:
    day: date
    posted: int
    done: int
    cancelled: int


@dataclass(frozen=True)
class Rates:
    finished: int  # done + cancelled in the window
    done: int
    accepted: int
    no_shows: int

    @property
    def completion(self) -> float | None:
        return self.done / self.finished if self.finished else None

    @property
    def no_show(self) -> float | None:
        return self.no_shows / self.accepted if self.accepted else None


@dataclass(frozen=True)
class ServiceMinutes:
    service_code: str
    minutes: int
    tasks: int


@dataclass(frozen=True)
class PoolDay:
    day: date
    pool_balance_min: int  # at the end of the day
    issued_min: int  # created by the issuance account that day


@dataclass(frozen=True)
class Dashboard:
    window: Window
    members: tuple[RoleCount, ...]
    requests_per_day: tuple[DayCounts, ...]
    rates: Rates
    hours_by_service: tuple[ServiceMinutes, ...]
    satisfaction: dict[str, int]
    pool: tuple[PoolDay, ...]
    pool_balance_min: int


def _local_day(session: AsyncSession, column):
    """The local calendar date of a UTC column, as 'YYYY-MM-DD' text on both databases."""
    if session.bind.dialect.name == "sqlite":
        return func.date(column, f"+{LOCAL_OFFSET_HOURS} hours")
    return func.to_char(column + text(f"interval '{LOCAL_OFFSET_HOURS} hours'"), "YYYY-MM-DD")


async def dashboard(sessions: Sessions, window: Window) -> Dashboard:
    async with read_snapshot(sessions) as session:
        pool_now, pool_days = await _pool(session, window)
        return Dashboard(
            window=window,
            members=await _members(session),
            requests_per_day=await _requests_per_day(session, window),
            rates=await _rates(session, window),
            hours_by_service=await _hours_by_service(session, window),
            satisfaction=await _satisfaction(session, window),
            pool=pool_days,
            pool_balance_min=pool_now,
        )


async def _members(session: AsyncSession) -> tuple[RoleCount, ...]:
    community = func.coalesce(MemberRow.community, "")
    rows = (await session.execute(
        select(community, MemberRow.role, func.count()).where(MemberRow.status == ACTIVE)
        .group_by(community, MemberRow.role).order_by(community, MemberRow.role))).all()
    return tuple(RoleCount(*row) for row in rows)


async def _requests_on_day(session: AsyncSession, window: Window, condition) -> dict[str, int]:
    """Distinct requests with such an event, per local day (as storage.reports counts one day)."""
    day = _local_day(session, TaskEventRow.at)
    rows = (await session.execute(
        select(day, func.count(distinct(TaskEventRow.request_id)))
        .where(TaskEventRow.at >= window.start, TaskEventRow.at < window.end, condition)
        .group_by(day))).all()
    return {str(found): count for found, count in rows}


async def _requests_per_day(session: AsyncSession, window: Window) -> tuple[DayCounts, ...]:
    posted, done, cancelled = [await _requests_on_day(session, window, reports.REQUEST_COUNTS[name])
                               for name in ("posted", "done", "cancelled")]
    return tuple(DayCounts(day, posted.get(key, 0), done.get(key, 0), cancelled.get(key, 0))
                 for day in window.days() for key in [day.isoformat()])


async def _count_events(session: AsyncSession, window: Window, *conditions) -> int:
    return (await session.execute(select(func.count()).select_from(TaskEventRow).where(
        TaskEventRow.at >= window.start, TaskEventRow.at < window.end, *conditions))).scalar_one()


async def _rates(session: AsyncSession, window: Window) -> Rates:
    done = await _count_events(session, window, TaskEventRow.to_status == DONE)
    cancelled = await _count_events(session, window, TaskEventRow.to_status == CANCELLED)
    accepted = await _count_events(session, window, TaskEventRow.event == ACCEPT)
    no_shows = await _count_events(session, window, TaskEventRow.event == NO_SHOW)
    return Rates(done + cancelled, done, accepted, no_shows)


async def _hours_by_service(session: AsyncSession, window: Window) -> tuple[ServiceMinutes, ...]:
    rows = (await session.execute(
        select(ServiceRequestRow.service_code, minutes_total(ServiceRequestRow.duration_min), func.count())
        .where(ServiceRequestRow.status == DONE, ServiceRequestRow.finished_at >= window.start,
               ServiceRequestRow.finished_at < window.end)
        .group_by(ServiceRequestRow.service_code).order_by(ServiceRequestRow.service_code))).all()
    return tuple(ServiceMinutes(*row) for row in rows)


async def _satisfaction(session: AsyncSession, window: Window) -> dict[str, int]:
    """How the served side rated the service, in the survey's three answers."""
    rows = (await session.execute(
        select(RatingRow.stars, func.count()).where(RatingRow.side == REQUESTER, RatingRow.at >= window.start,
                                                    RatingRow.at < window.end)
        .group_by(RatingRow.stars))).all()
    counts = dict.fromkeys(SATISFACTION_ORDER, 0)
    for stars, count in rows:
        counts[satisfaction_of(stars)] += count
    return counts


async def _per_day(session: AsyncSession, window: Window, account_id: int, *, out: bool) -> dict[str, int]:
    return await moved_per_day_in(session, account_id, out=out, start=window.start, end=window.end,
                                  day_of=lambda column: _local_day(session, column))


async def _pool(session: AsyncSession, window: Window) -> tuple[int, tuple[PoolDay, ...]]:
    """The pool's posted balance now, and day by day; what issuance created each day."""
    pool_id, issuance_id = await system_account_id_in(session, POOL), await system_account_id_in(session, ISSUANCE)
    issued = await _per_day(session, window, issuance_id, out=True) if issuance_id else {}
    if pool_id is None:
        return 0, tuple(PoolDay(day, 0, issued.get(day.isoformat(), 0)) for day in window.days())
    balance = await net_before_in(session, pool_id, window.start)
    into = await _per_day(session, window, pool_id, out=False)
    out = await _per_day(session, window, pool_id, out=True)
    days = []
    for day in window.days():
        key = day.isoformat()
        balance += into.get(key, 0) - out.get(key, 0)
        days.append(PoolDay(day, balance, issued.get(key, 0)))
    return await pool_balance_in(session, utcnow()), tuple(days)
