"""Star levels and milestones, by hours served: pure rules, no database.

The steps are the national volunteer star rating's (1★ 100 h … 5★ 1,500 h) unless `[engagement]` says
otherwise; the milestones before them (the first service, 10 h, 50 h) are congratulated too. A step of
0 hours is the first service: reached by any served minute.
"""

from __future__ import annotations

from dataclasses import dataclass

MINUTES_PER_HOUR = 60
FIRST_SERVICE, MILESTONE, STAR = "first_service", "milestone", "star"


@dataclass(frozen=True)
class StarRules:
    star_hours: tuple[int, ...] = (100, 300, 600, 1000, 1500)  # hours for 1★, 2★ …
    milestone_hours: tuple[int, ...] = (0, 10, 50)  # 0: the first service


DEFAULT_STAR_RULES = StarRules()


@dataclass(frozen=True)
class Step:
    """One thing worth a congratulation: what it is, and the served minutes that reach it."""

    kind: str  # FIRST_SERVICE, MILESTONE, STAR
    hours: int
    stars: int = 0  # for a STAR step, the level it gives

    @property
    def minutes(self) -> int:
        return self.hours * MINUTES_PER_HOUR

    def reached_by(self, served_min: int) -> bool:
        return served_min > 0 and served_min >= self.minutes


@dataclass(frozen=True)
class Standing:
    """Where a volunteer stands: stars, and how far to the next."""

    served_min: int
    stars: int
    next_stars: int | None  # None at the top
    to_next_min: int  # 0 at the top


def steps(rules: StarRules) -> tuple[Step, ...]:
    """Every step, lowest first; a milestone that is also a star's hours is the star."""
    stars = {hours: level for level, hours in enumerate(rules.star_hours, start=1)}
    milestones = (Step(FIRST_SERVICE if hours == 0 else MILESTONE, hours)
                  for hours in rules.milestone_hours if hours not in stars)
    ordered = sorted((*milestones, *(Step(STAR, hours, level) for hours, level in stars.items())),
                     key=lambda step: step.hours)
    return tuple(ordered)


def highest_reached(served_min: int, rules: StarRules) -> Step | None:
    reached = [step for step in steps(rules) if step.reached_by(served_min)]
    return reached[-1] if reached else None


def stars_for(served_min: int, rules: StarRules) -> int:
    return sum(1 for hours in rules.star_hours if served_min >= hours * MINUTES_PER_HOUR)


def standing(served_min: int, rules: StarRules) -> Standing:
    stars = stars_for(served_min, rules)
    if stars >= len(rules.star_hours):
        return Standing(served_min, stars, None, 0)
    return Standing(served_min, stars, stars + 1, rules.star_hours[stars] * MINUTES_PER_HOUR - served_min)
