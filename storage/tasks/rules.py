"""Who may take a task: the checks as a table, read inside the transaction."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.exchange import Catalogue
from storage.members import ACTIVE, VOLUNTEER
from storage.members.rows import as_certificate
from storage.members.tables import CertificateRow, MemberRow
from storage.tasks.errors import NotEligible
from storage.tasks.parties import asked_for_it
from storage.tasks.tables import ACCEPTED, IN_SERVICE, ServiceRequestRow

LOCAL_TIME = ZoneInfo("Asia/Shanghai")  # certificates are valid through local calendar days

# In this order: the first failing check names the refusal.
STANDING: tuple[tuple[str, Callable[[MemberRow], bool]], ...] = (
    ("not_volunteer", lambda member: member.role == VOLUNTEER),
    ("suspended", lambda member: member.status == ACTIVE),
    ("unverified", lambda member: member.verified_at is not None),
)


def service_day(request: ServiceRequestRow) -> date:
    return request.starts_at.astimezone(LOCAL_TIME).date()


def ends_at(request: ServiceRequestRow) -> datetime:
    return request.starts_at + timedelta(minutes=request.duration_min)


async def certified_on(session: AsyncSession, member_id: int, service_code: str, day: date) -> bool:
    rows = (await session.execute(select(CertificateRow).where(
        CertificateRow.member_id == member_id, CertificateRow.service_code == service_code))).scalars().all()
    return any(as_certificate(row).valid_on(day) for row in rows)


async def busy_volunteers(session: AsyncSession, request: ServiceRequestRow) -> set[int]:
    """Volunteers with another accepted or in-service task overlapping this one's planned time."""
    others = (await session.execute(select(ServiceRequestRow).where(
        ServiceRequestRow.status.in_((ACCEPTED, IN_SERVICE)), ServiceRequestRow.id != request.id,
        ServiceRequestRow.starts_at < ends_at(request)))).scalars().all()
    return {other.volunteer_id for other in others if ends_at(other) > request.starts_at}


async def refusal(session: AsyncSession, volunteer: MemberRow, request: ServiceRequestRow,
                  catalogue: Catalogue) -> str | None:
    """Why this volunteer may not take this request, or None."""
    for code, holds in STANDING:
        if not holds(volunteer):
            return code
    if volunteer.id == request.requester_id:
        return "own_request"
    if asked_for_it(request, volunteer.id):
        return "own_task"
    if catalogue[request.service_code].needs_certified and not await certified_on(
            session, volunteer.id, request.service_code, service_day(request)):
        return "uncertified"
    if volunteer.id in await busy_volunteers(session, request):
        return "busy"
    return None


async def ensure_eligible(session: AsyncSession, volunteer: MemberRow, request: ServiceRequestRow,
                          catalogue: Catalogue) -> None:
    if (code := await refusal(session, volunteer, request, catalogue)) is not None:
        raise NotEligible(code)
