"""A volunteer's history of service, paid through storage as the days went by, for the star and roll stories."""

from __future__ import annotations

import itertools
from datetime import datetime, timedelta

import pytest

from storage import tasks
from storage.clock import CLOCK
from tests.service_requests.conftest import COMMUNITY, Community  # noqa: F401 — the stories' community

MONTH_BEFORE = datetime.fromisoformat("2026-10-01T09:00+08:00")


class History(Community):
    """Community, plus services done and paid in the past: posted, accepted, checked in and out, confirmed."""

    def __init__(self, runtime):
        super().__init__(runtime)
        self._keys = itertools.count(1)

    async def served(self, volunteer, elder, minutes: int, at: datetime, *, service: str = "companionship"):
        """One visit of `minutes` starting `at`, confirmed by the elder as it ended: the volunteer is paid (the
        settlement). The bot's clock is turned back to the visit meanwhile: its background sweeps would
        otherwise expire the hold of a request posted a month ago before the elder confirms it."""
        story_now = CLOCK.now()
        CLOCK.start_at(at - timedelta(hours=2))
        try:
            return await self._served(volunteer, elder, minutes, at, service)
        finally:
            CLOCK.start_at(story_now)

    async def _served(self, volunteer, elder, minutes: int, at: datetime, service: str):
        config = self.runtime.config
        posted = at - timedelta(hours=2)
        task = await tasks.post_request(
            self.sessions, self.keyring, request_key=f"history:{next(self._keys)}", requester_id=elder.id,
            actor=elder.actor, service_code=service, starts_at=at, duration_min=minutes,
            catalogue=config.catalogue, policy=config.exchange, now=posted)
        await self.accepted_by(volunteer, task, posted)
        await self.visit(volunteer, task)
        return await tasks.confirm_done(self.sessions, task.id, elder.actor, ledger_rules=config.ledger_rules,
                                        rules=config.task_rules, now=self.end_of(task))

    async def visit(self, volunteer, task):
        """Checked in at the start and out at the planned end: the elder's side is asked to confirm."""
        config = self.runtime.config
        await tasks.check_in(self.sessions, self.keyring, task.id, volunteer.actor, None, rules=config.task_rules,
                             now=task.starts_at)
        await tasks.check_out(self.sessions, self.keyring, task.id, volunteer.actor, None,
                              rules=config.task_rules, now=self.end_of(task))
        return task

    @staticmethod
    def end_of(task) -> datetime:
        return task.starts_at + timedelta(minutes=task.duration_min)

    async def hours_of_service(self, volunteer, elder, hours: int, *, starting: datetime = MONTH_BEFORE):
        """`hours` served in whole days of up to 8 hours, one day after another from `starting`."""
        day = starting
        while hours > 0:
            await self.served(volunteer, elder, min(hours, 8) * 60, day)
            hours -= 8
            day += timedelta(days=1)


@pytest.fixture
def community(runtime):
    return History(runtime)
