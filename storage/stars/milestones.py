"""Congratulating a volunteer on a step once, however many payments race or repeat.

The caller works out the highest step the volunteer's served hours reach (storage.stars.levels) after a
payment has committed; the step is recorded with its push in one transaction, and the unique
(member, step) pair lets exactly one of two racing payments record it. Lower steps passed on the way are
not told afterwards: a volunteer who already had 500 hours when this began hears of 1★, not of their first
service.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select

from storage import outbox
from storage.db import Sessions
from storage.privacy import KeyRing
from storage.stars.levels import Step
from storage.stars.tables import StarMilestoneRow
from storage.stars.upsert import insert_for

NOTICE_KIND = "star"


def dedupe_key(member_id: int, step: Step) -> str:
    return f"star:{member_id}:{step.hours}"


async def congratulate_once(sessions: Sessions, keyring: KeyRing, member_id: int, step: Step, *,
                            openid: str | None, body: str, first_time: str = "", now: datetime) -> bool:
    """Records the step and queues `body` to `openid` (None: nobody to push to), with `first_time` added when it
    is the member's first congratulation; False if this step was told before."""
    async with sessions.begin() as session:
        told_before = (await session.execute(select(StarMilestoneRow.id).where(
            StarMilestoneRow.member_id == member_id).limit(1))).first() is not None
        statement = (await insert_for(session, StarMilestoneRow)).values(
            member_id=member_id, step_hours=step.hours, reached_at=now).on_conflict_do_nothing()
        if (await session.execute(statement)).rowcount != 1:
            return False
        if openid:
            await outbox.notify_in(session, keyring, openid, kind=NOTICE_KIND,
                                   body=body if told_before else body + first_time,
                                   dedupe_key=dedupe_key(member_id, step))
        return True
