"""Volunteer star levels, milestones and the monthly honour roll, on the hours the ledger's service payments
record (storage.ledger.served_hours). See docs/engagement.md."""

from storage.stars.honour_roll import RollLine, choice_of, honour_roll, set_choice
from storage.stars.levels import (DEFAULT_STAR_RULES, FIRST_SERVICE, MILESTONE, STAR, Standing, StarRules, Step,
                                  highest_reached, standing, stars_for, steps)
from storage.stars.milestones import NOTICE_KIND, congratulate_once
from storage.stars.tables import HonourRollChoiceRow, StarMilestoneRow

__all__ = [
    "StarRules", "DEFAULT_STAR_RULES", "Step", "Standing", "steps", "highest_reached", "standing", "stars_for",
    "FIRST_SERVICE", "MILESTONE", "STAR",
    "congratulate_once", "NOTICE_KIND",
    "RollLine", "honour_roll", "choice_of", "set_choice",
    "HonourRollChoiceRow", "StarMilestoneRow",
]
