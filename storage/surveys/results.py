"""What a survey found: how many it asked and reached, the answers per community and overall, the notes.

The counts carry no one's name. The notes are members' own words, opened only for staff who ask to read
them, and each reading is audited.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import func, select

from storage import audit
from storage.db import Sessions
from storage.publicity_tables import BroadcastRecipientRow, BroadcastRow, SENT
from storage.surveys.answers import Survey
from storage.surveys.tables import RATINGS, WISHES, SurveyAnswerRow

NO_COMMUNITY = ""  # answers of members with no community on file


@dataclass(frozen=True)
class Tally:
    """The answers of one group: ratings by RATINGS name, or wishes by option number."""

    answered: int = 0
    ratings: dict[str, int] = field(default_factory=dict)
    wishes: dict[int, int] = field(default_factory=dict)

    def share(self, rating: str) -> int | None:
        """Percent of the answers with this rating, rounded; None when nobody answered."""
        return round(100 * self.ratings.get(rating, 0) / self.answered) if self.answered else None


@dataclass(frozen=True)
class Results:
    survey: Survey
    asked: int  # the broadcast's audience
    reached: int  # the question delivered to their WeChat
    overall: Tally
    by_community: dict[str, Tally]
    notes: int  # answers with words after the score


def _tally(rows: list[tuple[str | None, list | None]]) -> Tally:
    ratings = Counter(rating for rating, _ in rows if rating)
    wishes = Counter(number for _, picked in rows for number in picked or ())
    return Tally(len(rows), {name: ratings.get(name, 0) for name in RATINGS},
                 {number: wishes.get(number, 0) for number in WISHES})


async def results(sessions: Sessions, survey: Survey, *, until: datetime | None = None) -> Results:
    """The answers given by `until` (all when None): a past day's report reads the same whenever asked."""
    answers = select(SurveyAnswerRow.community, SurveyAnswerRow.rating, SurveyAnswerRow.wishes,
                     SurveyAnswerRow.note.is_not(None)).where(
        SurveyAnswerRow.survey_id == survey.id)
    if until is not None:
        answers = answers.where(SurveyAnswerRow.answered_at <= until)
    recipients = (select(BroadcastRecipientRow.status, func.count())
                  .join(BroadcastRow, BroadcastRow.id == BroadcastRecipientRow.broadcast_id)
                  .where(BroadcastRow.request_key == survey.broadcast_key).group_by(BroadcastRecipientRow.status))
    async with sessions() as session:
        rows = (await session.execute(answers)).all()
        statuses = dict((await session.execute(recipients)).all())
    groups: dict[str, list] = {}
    for community, rating, wishes, _ in rows:
        groups.setdefault(community or NO_COMMUNITY, []).append((rating, wishes))
    return Results(survey, sum(statuses.values()), statuses.get(SENT, 0),
                   _tally([(rating, wishes) for _, rating, wishes, _ in rows]),
                   {name: _tally(group) for name, group in sorted(groups.items())},
                   sum(1 for *_, has_note in rows if has_note))


@dataclass(frozen=True)
class Note:
    community: str
    rating: str | None
    wishes: tuple[int, ...]
    words: str
    at: datetime


async def read_notes(sessions: Sessions, survey_id: int, *, reader_id: int, now: datetime) -> list[Note]:
    """The words members added, without their names, oldest first; the reading audited under the reader."""
    async with sessions.begin() as session:
        rows = (await session.execute(select(SurveyAnswerRow).where(
            SurveyAnswerRow.survey_id == survey_id, SurveyAnswerRow.note.is_not(None))
            .order_by(SurveyAnswerRow.id))).scalars().all()
        await audit.record(session, actor=audit.member_actor(reader_id, is_staff=True), action="survey_notes_read",
                           at=now, detail={"survey_id": survey_id, "notes": len(rows)})
        return [Note(row.community or NO_COMMUNITY, row.rating, tuple(row.wishes or ()), row.note, row.answered_at)
                for row in rows]
