"""Read-only views of tasks for chat and staff; none of them carries personal data."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import case, func, or_, select

from storage.db import Sessions, one_statement
from storage.members import CONFIRMED
from storage.members.tables import FamilyBindingRow
from storage.members.tables import MemberRow
from storage.tasks.errors import NotYourTask, TaskNotFound
from storage.tasks.matching import average_stars
from storage.tasks.parties import is_requester_side
from storage.tasks.tables import DONE, OPEN, ServiceRequestRow, TaskEventRow
from storage.tasks.transitions import NO_SHOW, VOLUNTEER_CANCEL
from storage.tasks.values import Task, TaskEvent, TaskRules, VolunteerRecord, as_task


async def task(sessions: Sessions, request_id: int) -> Task:
    async with sessions() as session:
        row = await session.get(ServiceRequestRow, request_id)
    if row is None:
        raise TaskNotFound(f"no request {request_id}")
    return as_task(row)


async def task_for(sessions: Sessions, request_id: int, member_id: int) -> Task:
    """The task named by its number, for a member it concerns: its volunteer, or the requester side (the elder,
    bound family, staff). Anyone else typing its number gets NotYourTask before anything of it is read out: its
    time, status and service tell when an elder expects a visitor."""
    async with sessions() as session:
        row = await session.get(ServiceRequestRow, request_id)
        if row is None:
            raise TaskNotFound(f"no request {request_id}")
        if row.volunteer_id != member_id and not await is_requester_side(
                session, await session.get(MemberRow, member_id), row.requester_id):
            raise NotYourTask(f"request {request_id} does not concern member {member_id}")
    return as_task(row)


async def open_requests(sessions: Sessions, *, community: str | None, service_code: str | None, now: datetime,
                        limit: int = 10) -> tuple[Task, ...]:
    """Open, not expired, starting after now; the volunteer's community first, then the soonest."""
    query = select(ServiceRequestRow).where(
        ServiceRequestRow.status == OPEN, ServiceRequestRow.expires_at > now, ServiceRequestRow.starts_at > now)
    if service_code is not None:
        query = query.where(ServiceRequestRow.service_code == service_code)
    elsewhere = case((ServiceRequestRow.community == community, 0), else_=1)
    async with one_statement(sessions) as session:
        rows = (await session.execute(query.order_by(elsewhere, ServiceRequestRow.starts_at, ServiceRequestRow.id)
                                      .limit(limit))).scalars().all()
    return tuple(as_task(row) for row in rows)


async def tasks_of(sessions: Sessions, member_id: int, *, limit: int = 10) -> tuple[Task, ...]:
    """The member's own requests, their bound elders' requests, and their tasks as a volunteer; newest first."""
    elders = select(FamilyBindingRow.elder_id).where(
        FamilyBindingRow.family_member_id == member_id, FamilyBindingRow.status == CONFIRMED)
    async with one_statement(sessions) as session:
        rows = (await session.execute(select(ServiceRequestRow).where(or_(
            ServiceRequestRow.requester_id == member_id, ServiceRequestRow.volunteer_id == member_id,
            ServiceRequestRow.requester_id.in_(elders))).order_by(ServiceRequestRow.id.desc()).limit(limit)
        )).scalars().all()
    return tuple(as_task(row) for row in rows)


async def volunteer_record(sessions: Sessions, volunteer_id: int, *, now: datetime,
                           rules: TaskRules) -> VolunteerRecord:
    """All-time counts up to now, for staff and for the volunteer's own page (`rules`: reserved for windows)."""
    def events(name: str, *where):
        return select(func.count()).select_from(TaskEventRow).where(
            TaskEventRow.event == name, TaskEventRow.volunteer_id == volunteer_id, TaskEventRow.at <= now, *where)

    async with sessions() as session:
        done = (await session.execute(select(func.count()).select_from(ServiceRequestRow).where(
            ServiceRequestRow.volunteer_id == volunteer_id, ServiceRequestRow.status == DONE))).scalar_one()
        late = (await session.execute(events(VOLUNTEER_CANCEL, TaskEventRow.late.is_(True)))).scalar_one()
        no_shows = (await session.execute(events(NO_SHOW))).scalar_one()
        stars = await average_stars(session, [volunteer_id])
    return VolunteerRecord(done, stars.get(volunteer_id), late, no_shows)


async def history(sessions: Sessions, request_id: int) -> tuple[TaskEvent, ...]:
    async with sessions() as session:
        rows = (await session.execute(select(TaskEventRow).where(TaskEventRow.request_id == request_id)
                                      .order_by(TaskEventRow.id))).scalars().all()
    return tuple(TaskEvent(row.at, row.event, row.from_status, row.to_status, row.actor, row.reason, row.late,
                           row.volunteer_id) for row in rows)
