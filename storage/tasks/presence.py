"""Check-in and check-out: actual times and the distance to the place, far ones flagged for staff (not refused).

A refused move raises after the alert was added: the transaction rolls back, alert and all.
"""

from __future__ import annotations

import math
from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from storage import alerts
from storage.db import Sessions
from storage.ledger import in_transaction
from storage.members import Actor
from storage.members.tables import HomePointRow
from storage.privacy import KeyRing
from storage.tasks.errors import CheckInTooLate, IllegalTransition
from storage.tasks.parties import the_volunteer
from storage.tasks.sealing import home_point, request_point
from storage.tasks.tables import ACCEPTED, ServiceRequestRow
from storage.tasks.transitions import CHECK_IN, CHECK_OUT, lock_request, move
from storage.tasks.values import CheckIn, Point, TaskRules, as_task
from storage.tasks.windows import check_in_window, check_out_window, is_short, served_min

EARTH_RADIUS_M = 6_371_000


def distance_m(a: Point, b: Point) -> int:
    """Great-circle (haversine) distance in whole metres."""
    lat1, lat2 = math.radians(a.latitude), math.radians(b.latitude)
    dlat, dlon = lat2 - lat1, math.radians(b.longitude - a.longitude)
    h = math.sin(dlat / 2) ** 2 + math.cos(lat1) * math.cos(lat2) * math.sin(dlon / 2) ** 2
    return round(2 * EARTH_RADIUS_M * math.asin(math.sqrt(h)))


async def place_point(session: AsyncSession, keyring: KeyRing, request: ServiceRequestRow) -> Point | None:
    """The point sent with the request, else the elder's home point on file, else unknown."""
    return request_point(keyring, request) or home_point(keyring, await session.get(HomePointRow, request.requester_id))


async def _measure(session: AsyncSession, keyring: KeyRing, request: ServiceRequestRow, point: Point | None,
                   which: str, rules: TaskRules, now: datetime) -> tuple[int | None, bool]:
    place = None if point is None else await place_point(session, keyring, request)
    distance = None if place is None else distance_m(point, place)
    far = distance is not None and distance > rules.far_check_in_m
    if far:
        await alerts.raise_in(session, alerts.FAR_CHECK_IN, member_id=request.volunteer_id, request_id=request.id,
                              community=request.community, detail={"which": which, "distance_m": distance}, now=now)
    return distance, far


async def check_in(sessions: Sessions, keyring: KeyRing, request_id: int, volunteer: Actor, point: Point | None, *,
                   rules: TaskRules, now: datetime) -> CheckIn:
    """accepted → in_service, inside the check-in window; a late one is refused and staff are told."""

    async def work(session: AsyncSession) -> CheckIn:
        request = await lock_request(session, request_id)
        actor = await the_volunteer(session, volunteer, request)
        if request.status == ACCEPTED:
            check_in_window(request.starts_at, rules, now)
        distance, far = await _measure(session, keyring, request, point, CHECK_IN, rules, now)
        await move(session, request, CHECK_IN, actor, now, detail={"distance_m": distance, "far": far})
        request.checked_in_at, request.check_in_distance_m = now, distance
        return CheckIn(as_task(request), distance, far)

    try:
        return await in_transaction(sessions, work)
    except CheckInTooLate:
        # The refusal rolled its transaction back: staff hear of it in one of their own.
        async with sessions() as session:
            request = await session.get(ServiceRequestRow, request_id)
        await alerts.raise_alert(sessions, alerts.LATE_CHECK_IN, member_id=volunteer.member_id, request_id=request_id,
                                 community=request.community, detail={"starts_at": request.starts_at.isoformat()},
                                 now=now)
        raise


async def check_out(sessions: Sessions, keyring: KeyRing, request_id: int, volunteer: Actor, point: Point | None, *,
                    rules: TaskRules, now: datetime, sure: bool = False) -> CheckIn:
    """Stays in_service; once. A visit shorter than the minimum needs `sure` and is flagged to staff."""

    async def work(session: AsyncSession) -> CheckIn:
        request = await lock_request(session, request_id)
        actor = await the_volunteer(session, volunteer, request)
        if request.checked_out_at is not None:
            raise IllegalTransition(request.status, CHECK_OUT)
        if request.checked_in_at is not None:
            check_out_window(request.checked_in_at, rules, now, sure=sure)
            if is_short(request.checked_in_at, now, rules):
                await alerts.raise_in(session, alerts.SHORT_VISIT, member_id=request.volunteer_id,
                                      request_id=request.id, community=request.community,
                                      detail={"served_min": served_min(request.checked_in_at, now)}, now=now)
        distance, far = await _measure(session, keyring, request, point, CHECK_OUT, rules, now)
        await move(session, request, CHECK_OUT, actor, now, detail={"distance_m": distance, "far": far})
        request.checked_out_at, request.check_out_distance_m = now, distance
        return CheckIn(as_task(request), distance, far)

    return await in_transaction(sessions, work)
