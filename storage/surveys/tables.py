"""The tables of satisfaction surveys; migration 0013_surveys creates exactly these."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, UTCDateTime
from storage.sealed_text import SealedText

# Who a survey asks: elders served in a window, or volunteers.
ELDER_SURVEY, VOLUNTEER_SURVEY = "elder", "volunteer"
KINDS = (ELDER_SURVEY, VOLUNTEER_SURVEY)
# The elder's answer, on the field study's scale (its baseline: 28% very satisfied, 63% moderately, 9% not).
VERY, MODERATE, NOT_SATISFIED = "very", "moderate", "not"
RATINGS = (VERY, MODERATE, NOT_SATISFIED)
BASELINE = {VERY: 28, MODERATE: 63, NOT_SATISFIED: 9}  # percent
# The volunteer's answer: what would make them help more, any of these (numbered as asked).
TIME, TRAINING, RECOGNITION, DISTANCE, OTHER = 1, 2, 3, 4, 5
WISHES = (TIME, TRAINING, RECOGNITION, DISTANCE, OTHER)


def _one_of(column: str, values: tuple) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


class SurveyRow(Base):
    """One survey staff sent: whom it asks (kind, community, the service window) and until when it is open.

    Its broadcast is the one whose request_key is `broadcast_key`; who received it is that broadcast's recipients.
    """

    __tablename__ = "surveys"
    __table_args__ = (CheckConstraint(_one_of("kind", KINDS), name="known_kind"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    request_key: Mapped[str] = mapped_column(String(100), unique=True)  # the composing conversation's run id
    broadcast_key: Mapped[str] = mapped_column(String(100), unique=True)  # its broadcast's request_key
    kind: Mapped[str] = mapped_column(String(16))
    author_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    community: Mapped[str | None] = mapped_column(String(32))  # None: every community
    days: Mapped[int | None] = mapped_column(Integer)  # elders served in the last `days` days; None: all volunteers
    served_since: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    closes_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SurveyAnswerRow(Base):
    """One member's answer to one survey: once, whatever WeChat resends or two messages race."""

    __tablename__ = "survey_answers"
    __table_args__ = (
        UniqueConstraint("survey_id", "member_id"),
        CheckConstraint(f"rating IS NULL OR {_one_of('rating', RATINGS)}", name="known_rating"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    survey_id: Mapped[int] = mapped_column(ForeignKey("surveys.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    community: Mapped[str | None] = mapped_column(String(32))  # the member's when answering: results per community
    rating: Mapped[str | None] = mapped_column(String(16))  # an elder survey's answer
    wishes: Mapped[list | None] = mapped_column(JSON)  # a volunteer survey's answer: the options picked
    note: Mapped[str | None] = mapped_column(SealedText("survey_answers.note"))  # "还有什么建议": member free text
    noted_at: Mapped[datetime | None] = mapped_column(UTCDateTime())  # the note question answered (perhaps "没有")
    answered_at: Mapped[datetime] = mapped_column(UTCDateTime())
