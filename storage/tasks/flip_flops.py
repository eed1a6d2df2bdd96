"""A volunteer who keeps accepting and cancelling: counted, paused from accepting for a while, staff alerted.

Accepting used to hand over the elder's name, phone and address; a volunteer who accepts and cancels
again and again collects them, or just unsettles the elder. Every volunteer cancellation counts, early or
late: `cancel_loop_count` of them within `cancel_loop_days` pauses the volunteer for `cancel_pause_days`
from their last one, and raises one `cancel_loop` alert.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import alerts
from storage.db import Sessions
from storage.tasks.errors import PausedFromAccepting
from storage.tasks.tables import TaskEventRow
from storage.tasks.transitions import VOLUNTEER_CANCEL
from storage.tasks.values import TaskRules


async def _cancels_since(session: AsyncSession, volunteer_id: int, since: datetime) -> list[datetime]:
    return list((await session.execute(select(TaskEventRow.at).where(
        TaskEventRow.event == VOLUNTEER_CANCEL, TaskEventRow.volunteer_id == volunteer_id, TaskEventRow.at > since)
        .order_by(TaskEventRow.at))).scalars())


def _loop_ends(cancels: list[datetime], rules: TaskRules) -> datetime | None:
    """When the latest pause ends: from the last cancel of any run of `count` within `days`."""
    span, count, ends = timedelta(days=rules.cancel_loop_days), rules.cancel_loop_count, None
    for index in range(count - 1, len(cancels)):
        if cancels[index] - cancels[index - count + 1] <= span:
            ends = cancels[index] + timedelta(days=rules.cancel_pause_days)
    return ends


async def paused_until(session: AsyncSession, volunteer_id: int, rules: TaskRules, now: datetime) -> datetime | None:
    """The end of the volunteer's pause from accepting, or None when they may accept."""
    if rules.cancel_loop_count < 1:
        return None
    lookback = timedelta(days=rules.cancel_loop_days + rules.cancel_pause_days)
    ends = _loop_ends(await _cancels_since(session, volunteer_id, now - lookback), rules)
    return ends if ends is not None and now < ends else None


async def paused_among(session: AsyncSession, volunteer_ids: list[int], rules: TaskRules, now: datetime) -> set[int]:
    """Which of these volunteers are paused now: one query for all, for matching."""
    if rules.cancel_loop_count < 1 or not volunteer_ids:
        return set()
    lookback = now - timedelta(days=rules.cancel_loop_days + rules.cancel_pause_days)
    cancels: dict[int, list[datetime]] = {}
    for volunteer_id, at in (await session.execute(select(TaskEventRow.volunteer_id, TaskEventRow.at).where(
            TaskEventRow.event == VOLUNTEER_CANCEL, TaskEventRow.volunteer_id.in_(volunteer_ids),
            TaskEventRow.at > lookback).order_by(TaskEventRow.at))).all():
        cancels.setdefault(volunteer_id, []).append(at)
    return {volunteer_id for volunteer_id, times in cancels.items()
            if (ends := _loop_ends(times, rules)) is not None and now < ends}


async def accepting_paused_until(sessions: Sessions, volunteer_id: int, rules: TaskRules,
                                 now: datetime) -> datetime | None:
    async with sessions() as session:
        return await paused_until(session, volunteer_id, rules, now)


async def ensure_not_paused(session: AsyncSession, volunteer_id: int, rules: TaskRules, now: datetime) -> None:
    until = await paused_until(session, volunteer_id, rules, now)
    if until is not None:
        raise PausedFromAccepting(until)


async def count_cancel(session: AsyncSession, volunteer_id: int, request_id: int, community: str | None,
                       rules: TaskRules, now: datetime) -> bool:
    """After a volunteer's cancellation (in its transaction): True when it starts a pause, with staff alerted."""
    if await paused_until(session, volunteer_id, rules, now) is None:
        return False
    recent = await _cancels_since(session, volunteer_id, now - timedelta(days=rules.cancel_loop_days))
    await alerts.raise_in(session, alerts.CANCEL_LOOP, member_id=volunteer_id, request_id=request_id,
                          community=community, detail={"cancellations": len(recent), "days": rules.cancel_loop_days},
                          now=now)
    return True
