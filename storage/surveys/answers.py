"""A survey recorded and sent, whom it asked, and their answers: one per member and survey.

An answer is recorded as soon as its score is given (the note after it is optional and may never come),
keyed by (survey, member): a resend, a second answer or two racing messages record it once, and the
first answer stands. Every function runs its own transaction.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, insert, or_, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from storage import audit
from storage.db import Sessions
from storage.ledger import in_transaction
from storage.members import MemberRow
from storage.publicity_tables import BroadcastRecipientRow, BroadcastRow, SENT
from storage.surveys.tables import SurveyAnswerRow, SurveyRow
from storage.tasks import DONE, ServiceRequestRow


@dataclass(frozen=True)
class Survey:
    id: int
    kind: str
    community: str | None
    days: int | None
    created_at: datetime
    closes_at: datetime
    broadcast_key: str


@dataclass(frozen=True)
class Invitation:
    """An open survey that asked this member."""

    survey_id: int
    kind: str
    delivered_at: datetime | None  # when the question reached their WeChat; None: not sent to them (yet)
    answered: bool


def _survey(row: SurveyRow) -> Survey:
    return Survey(row.id, row.kind, row.community, row.days, row.created_at, row.closes_at, row.broadcast_key)


async def open_survey(sessions: Sessions, *, kind: str, author_id: int, community: str | None, days: int | None,
                      since: datetime | None, now: datetime, closes_at: datetime, request_key: str,
                      broadcast_key: str) -> Survey:
    """The survey, recorded once per `request_key` (the conversation that composed it), audited."""
    async def work(session: AsyncSession) -> Survey:
        found = (await session.execute(select(SurveyRow).where(SurveyRow.request_key == request_key))).scalar_one_or_none()
        if found is not None:
            return _survey(found)
        survey_id = (await session.execute(insert(SurveyRow).values(
            request_key=request_key, broadcast_key=broadcast_key, kind=kind, author_id=author_id, community=community,
            days=days, served_since=since, created_at=now, closes_at=closes_at).returning(SurveyRow.id))).scalar_one()
        await audit.record(session, actor=audit.member_actor(author_id, is_staff=True), action="survey_created", at=now,
                           detail={"survey_id": survey_id, "kind": kind, "community": community, "days": days})
        return _survey(await session.get(SurveyRow, survey_id))
    return await in_transaction(sessions, work)


async def survey(sessions: Sessions, survey_id: int) -> Survey | None:
    async with sessions() as session:
        row = await session.get(SurveyRow, survey_id)
    return None if row is None else _survey(row)


async def surveys(sessions: Sessions, *, until: datetime | None = None, limit: int = 20) -> list[Survey]:
    """Newest first; only those created by `until` when given."""
    query = select(SurveyRow).order_by(SurveyRow.id.desc()).limit(limit)
    if until is not None:
        query = query.where(SurveyRow.created_at <= until)
    async with sessions() as session:
        return [_survey(row) for row in (await session.execute(query)).scalars()]


async def invitations(sessions: Sessions, member_id: int, now: datetime) -> list[Invitation]:
    """The open surveys whose broadcast had this member among its recipients, newest first."""
    answer = SurveyAnswerRow
    query = (select(SurveyRow.id, SurveyRow.kind, BroadcastRecipientRow.status, BroadcastRecipientRow.at, answer.id)
             .join(BroadcastRow, BroadcastRow.request_key == SurveyRow.broadcast_key)
             .join(BroadcastRecipientRow, BroadcastRecipientRow.broadcast_id == BroadcastRow.id)
             .outerjoin(answer, (answer.survey_id == SurveyRow.id) & (answer.member_id == member_id))
             .where(BroadcastRecipientRow.member_id == member_id, SurveyRow.closes_at > now)
             .order_by(SurveyRow.id.desc()))
    async with sessions() as session:
        rows = (await session.execute(query)).all()
    return [Invitation(survey_id, kind, at if status == SENT else None, answer_id is not None)
            for survey_id, kind, status, at, answer_id in rows]


async def last_visit_at(sessions: Sessions, member_id: int) -> datetime | None:
    """When the member's latest visit (served or serving) was finished: its rating was asked then."""
    async with sessions() as session:
        return (await session.execute(select(func.max(ServiceRequestRow.finished_at)).where(
            ServiceRequestRow.status == DONE,
            or_(ServiceRequestRow.requester_id == member_id, ServiceRequestRow.volunteer_id == member_id)))).scalar()


async def record(sessions: Sessions, survey_id: int, member_id: int, *, now: datetime, rating: str | None = None,
                 wishes: list[int] | None = None) -> bool:
    """The member's answer; False when one was already recorded (it stands). Safe under racing messages:
    the unique (survey, member) decides, and the loser's retry finds the winner's row."""
    async def work(session: AsyncSession) -> bool:
        if await _answer_id(session, survey_id, member_id) is not None:
            return False
        community = (await session.execute(select(MemberRow.community).where(MemberRow.id == member_id))).scalar()
        await session.execute(insert(SurveyAnswerRow).values(
            survey_id=survey_id, member_id=member_id, community=community, rating=rating, wishes=wishes,
            answered_at=now))
        return True
    return await in_transaction(sessions, work)


async def add_note(sessions: Sessions, survey_id: int, member_id: int, note: str | None, now: datetime) -> bool:
    """The optional words after the score (None: "没有"); once: False when the note question was answered already."""
    async with sessions.begin() as session:
        return bool((await session.execute(
            update(SurveyAnswerRow).where(SurveyAnswerRow.survey_id == survey_id,
                                          SurveyAnswerRow.member_id == member_id, SurveyAnswerRow.noted_at.is_(None))
            .values(note=note or None, noted_at=now).execution_options(synchronize_session=False))).rowcount)


async def _answer_id(session: AsyncSession, survey_id: int, member_id: int) -> int | None:
    return (await session.execute(select(SurveyAnswerRow.id).where(
        SurveyAnswerRow.survey_id == survey_id, SurveyAnswerRow.member_id == member_id))).scalar()
