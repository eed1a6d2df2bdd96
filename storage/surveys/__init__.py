"""Satisfaction surveys: staff ask the elders served in a window (or the volunteers) by a broadcast, and
each answers once: a score, then optional words, sealed. See docs/engagement.md, "Satisfaction surveys".

Sending is the broadcast machinery's (audience `survey:<id>`, storage.surveys.invited_by); whom a survey
reached is its broadcast's recipients.
"""

from dataclasses import dataclass

from storage.surveys.answers import (Invitation, Survey, add_note, invitations, last_visit_at, open_survey, record,
                                     survey, surveys)
from storage.surveys.audience import invited_by, invited_now
from storage.surveys.results import NO_COMMUNITY, Note, Results, Tally, read_notes, results
from storage.surveys.tables import (BASELINE, DISTANCE, ELDER_SURVEY, KINDS, MODERATE, NOT_SATISFIED, OTHER, RATINGS,
                                    RECOGNITION, TIME, TRAINING, VERY, VOLUNTEER_SURVEY, WISHES, SurveyAnswerRow,
                                    SurveyRow)


@dataclass(frozen=True)
class SurveyRules:
    """From `[surveys]` in the configuration."""

    default_days: int = 30  # `发问卷` alone: the elders served in the last 30 days
    open_days: int = 14  # a survey takes answers this long after it was sent


DEFAULT_SURVEY_RULES = SurveyRules()

__all__ = [
    "SurveyRules", "DEFAULT_SURVEY_RULES", "Survey", "Invitation", "open_survey", "survey", "surveys", "invitations",
    "last_visit_at", "record", "add_note", "invited_by", "invited_now", "Results", "Tally", "Note", "NO_COMMUNITY",
    "results", "read_notes", "ELDER_SURVEY", "VOLUNTEER_SURVEY", "KINDS", "VERY", "MODERATE", "NOT_SATISFIED",
    "RATINGS", "BASELINE", "TIME", "TRAINING", "RECOGNITION", "DISTANCE", "OTHER", "WISHES", "SurveyRow",
    "SurveyAnswerRow",
]
