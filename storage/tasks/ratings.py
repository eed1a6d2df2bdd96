"""Ratings: 1-5 stars and an optional sealed comment, once per finished task per side; low ones alert staff."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage import alerts
from storage.db import Sessions
from storage.ledger import in_transaction
from storage.members import Actor
from storage.members.access import actor_row
from storage.privacy import KeyRing
from storage.tasks.errors import AlreadyRated, InvalidTask, NotFinished, NotYourTask
from storage.tasks.parties import is_requester_side
from storage.tasks.sealing import seal_comment
from storage.tasks.tables import DONE, REQUESTER, VOLUNTEER, RatingRow, ServiceRequestRow
from storage.tasks.transitions import lock_request
from storage.tasks.values import Rating

STARS = range(1, 6)
LOW_STARS = 2  # at or below: staff look into it
MAX_COMMENT_CHARS = 300


def as_rating(row: RatingRow) -> Rating:
    return Rating(row.id, row.request_id, row.side, row.rater_id, row.ratee_id, row.stars, row.at)


async def _side(session: AsyncSession, rater: Actor, request: ServiceRequestRow) -> tuple[str, int]:
    """(side, ratee) for this rater: the task's volunteer rates the requester, the requester side the volunteer."""
    if rater.member_id is not None and rater.member_id == request.volunteer_id:
        return VOLUNTEER, request.requester_id
    if await is_requester_side(session, await actor_row(session, rater), request.requester_id):
        return REQUESTER, request.volunteer_id
    raise NotYourTask(f"member {rater.member_id} has no side in request {request.id}")


async def rate(sessions: Sessions, keyring: KeyRing, request_id: int, rater: Actor, stars: int,
               comment: str | None, *, now: datetime) -> Rating:
    if stars not in STARS or isinstance(stars, bool):
        raise InvalidTask(f"stars are 1 to 5, got {stars!r}")
    comment = (comment or "").strip()[:MAX_COMMENT_CHARS] or None

    async def work(session: AsyncSession) -> Rating:
        request = await lock_request(session, request_id)
        if rater.member_id is None:
            raise NotYourTask("the system does not rate")
        side, ratee = await _side(session, rater, request)
        if request.status != DONE:
            raise NotFinished(f"request {request_id} is {request.status}")
        if await rating_in(session, request_id, side) is not None:
            raise AlreadyRated(f"request {request_id} is already rated by the {side} side")
        row = RatingRow(request_id=request_id, side=side, rater_id=rater.member_id, ratee_id=ratee, stars=stars,
                        at=now)
        session.add(row)
        await session.flush()  # the id, which the comment's ciphertext is bound to
        seal_comment(keyring, row, comment)
        if stars <= LOW_STARS:
            await alerts.raise_in(session, alerts.LOW_RATING, member_id=ratee, request_id=request_id,
                                  community=request.community, detail={"side": side, "stars": stars}, now=now)
        return as_rating(row)

    return await in_transaction(sessions, work)


async def rating_in(session: AsyncSession, request_id: int, side: str) -> RatingRow | None:
    return (await session.execute(select(RatingRow).where(
        RatingRow.request_id == request_id, RatingRow.side == side))).scalar_one_or_none()


async def rating_of(sessions: Sessions, request_id: int, side: str) -> Rating | None:
    async with sessions() as session:
        row = await rating_in(session, request_id, side)
    return None if row is None else as_rating(row)
