"""Who to tell about an open request: eligible volunteers, ranked; and who has already been told."""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy import func, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import Sessions
from storage.exchange import Catalogue
from storage.ledger import in_transaction
from storage.ledger.txn import read_snapshot
from storage.members import ACTIVE, VOLUNTEER
from storage.members.tables import MemberRow
from storage.tasks.flip_flops import paused_among
from storage.tasks.errors import TaskNotFound
from storage.tasks.rules import busy_volunteers, certified_on, service_day
from storage.tasks.tables import ACCEPTED, DONE, IN_SERVICE, REQUESTER, RatingRow, ServiceRequestRow, TaskOfferRow
from storage.tasks.values import TaskRules

UNRATED_STARS = 4.0  # a newcomer ranks with the good, not below everyone


async def _request(session: AsyncSession, request_id: int) -> ServiceRequestRow:
    row = await session.get(ServiceRequestRow, request_id)
    if row is None:
        raise TaskNotFound(f"no request {request_id}")
    return row


async def _offered(session: AsyncSession, request_id: int) -> list[int]:
    return list((await session.execute(select(TaskOfferRow.volunteer_id).where(TaskOfferRow.request_id == request_id)
                                       .order_by(TaskOfferRow.rank, TaskOfferRow.id))).scalars().all())


async def average_stars(session: AsyncSession, member_ids: list[int]) -> dict[int, float]:
    """Stars the requesters' side gave each volunteer; unrated ones are absent."""
    rows = await session.execute(select(RatingRow.ratee_id, func.avg(RatingRow.stars)).where(
        RatingRow.ratee_id.in_(member_ids), RatingRow.side == REQUESTER).group_by(RatingRow.ratee_id))
    return {member_id: float(stars) for member_id, stars in rows}


async def recent_tasks(session: AsyncSession, member_ids: list[int], since: datetime) -> dict[int, int]:
    rows = await session.execute(select(ServiceRequestRow.volunteer_id, func.count()).where(
        ServiceRequestRow.volunteer_id.in_(member_ids), ServiceRequestRow.accepted_at >= since,
        ServiceRequestRow.status.in_((ACCEPTED, IN_SERVICE, DONE))).group_by(ServiceRequestRow.volunteer_id))
    return dict(rows.all())


async def _eligible(session: AsyncSession, request: ServiceRequestRow, catalogue: Catalogue,
                    now: datetime) -> list[MemberRow]:
    volunteers = (await session.execute(select(MemberRow).where(
        MemberRow.role == VOLUNTEER, MemberRow.status == ACTIVE, MemberRow.verified_at.is_not(None),
        MemberRow.pushes_stopped.is_(False), MemberRow.id != request.requester_id,
        # 暂停接单: away for a while, so offers wait instead of being ignored
        or_(MemberRow.offers_paused_until.is_(None), MemberRow.offers_paused_until <= now)))).scalars().all()
    excluded = await busy_volunteers(session, request) | set(await _offered(session, request.id))
    needs_certificate = catalogue[request.service_code].needs_certified
    day = service_day(request)
    return [volunteer for volunteer in volunteers
            if request.service_code in (volunteer.skills or ()) and volunteer.id not in excluded
            and (not needs_certificate or await certified_on(session, volunteer.id, request.service_code, day))]


async def candidates(sessions: Sessions, request_id: int, *, catalogue: Catalogue, rules: TaskRules,
                     now: datetime, limit: int | None = None, own_community_only: bool = False) -> tuple[int, ...]:
    """Same community first, then better rated, then fewer recent tasks (fairness), then the longest registered."""
    async with read_snapshot(sessions) as session:
        request = await _request(session, request_id)
        eligible = [volunteer for volunteer in await _eligible(session, request, catalogue, now)
                    if not own_community_only or volunteer.community == request.community]
        paused = await paused_among(session, [volunteer.id for volunteer in eligible], rules, now)
        eligible = [volunteer for volunteer in eligible if volunteer.id not in paused]  # they could not accept it
        ids = [volunteer.id for volunteer in eligible]
        stars = await average_stars(session, ids)
        recent = await recent_tasks(session, ids, now - timedelta(days=rules.fairness_days))

    def rank(volunteer: MemberRow):
        return (volunteer.community != request.community, -stars.get(volunteer.id, UNRATED_STARS),
                recent.get(volunteer.id, 0), volunteer.id)

    ranked = tuple(volunteer.id for volunteer in sorted(eligible, key=rank))
    return ranked if limit is None else ranked[:limit]


async def record_offers(sessions: Sessions, request_id: int, volunteer_ids, now: datetime) -> tuple[int, ...]:
    """Remember who was told, in the order given; returns those told for the first time."""
    wanted = list(dict.fromkeys(volunteer_ids))

    async def work(session: AsyncSession) -> tuple[int, ...]:
        await _request(session, request_id)
        already = set(await _offered(session, request_id))
        new = [volunteer_id for volunteer_id in wanted if volunteer_id not in already]
        for rank, volunteer_id in enumerate(new, start=len(already)):
            await session.execute(insert(TaskOfferRow).values(
                request_id=request_id, volunteer_id=volunteer_id, rank=rank, offered_at=now))
        return tuple(new)

    # A concurrent recorder's insert makes ours fail on (request, volunteer); the retry skips theirs.
    return await in_transaction(sessions, work)


async def offered_to(sessions: Sessions, request_id: int) -> tuple[int, ...]:
    async with sessions() as session:
        return tuple(await _offered(session, request_id))
