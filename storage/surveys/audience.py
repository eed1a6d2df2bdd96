"""Whom a survey asks, as a query of member ids: what the broadcast that carries it reaches.

One builder for both moments: before the survey is recorded (the preview's numbers, from the values staff
chose) and after (the broadcast's audience `survey:<id>`, from the survey's row), so the two agree.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import String, literal, or_, select
from sqlalchemy.sql import ColumnElement, Select

from storage.base import UTCDateTime
from storage.members import MemberRow
from storage.surveys.tables import SurveyRow
from storage.tasks import DONE, ServiceRequestRow


def _invited(kind: ColumnElement, community: ColumnElement, since: ColumnElement, until: ColumnElement) -> Select:
    """Members of the kind, in the community (or any when None); when `since` is set, only those whose own
    visit was finished (done and paid) between `since` and `until`."""
    served = select(ServiceRequestRow.requester_id).where(
        ServiceRequestRow.status == DONE, ServiceRequestRow.finished_at >= since,
        ServiceRequestRow.finished_at <= until)
    return select(MemberRow.id).where(
        MemberRow.role == kind, or_(community.is_(None), MemberRow.community == community),
        or_(since.is_(None), MemberRow.id.in_(served)))


def invited_now(kind: str, community: str | None, since: datetime | None, until: datetime) -> Select:
    """Whom a survey with these values would ask, before it exists."""
    return _invited(literal(kind, String()), literal(community, String()), literal(since, UTCDateTime()),
                    literal(until, UTCDateTime()))


def invited_by(survey_id: int) -> Select:
    """Whom recorded survey `survey_id` asks, as of its creation."""
    def column(name: str):
        return select(getattr(SurveyRow, name)).where(SurveyRow.id == survey_id).scalar_subquery()
    return _invited(column("kind"), column("community"), column("served_since"), column("created_at"))
