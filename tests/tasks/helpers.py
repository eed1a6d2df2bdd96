"""Tasks test helpers: a `Desk` where elders post, volunteers take tasks, and the clock is the test's.

People come from tests.members.helpers.Town (real registration, verification
and certificates); credits from real ledger grants.
"""

from __future__ import annotations

import itertools
from datetime import date, datetime, timedelta, timezone

from sqlalchemy import select, text

from storage import alerts, ledger, members, tasks
from storage.ledger import models as ledger_tables  # the ledger's own rows, read to check what it wrote
from storage.exchange import DEFAULT_CATALOGUE, DEFAULT_POLICY
from storage.ledger import GRANT, LedgerRules, TransferRequest
from storage.members import SYSTEM, Member
from storage.privacy import KeyRing
from storage.tasks import Point, TaskRules
from tests.members.helpers import Town

T0 = datetime(2026, 11, 28, 2, 0, tzinfo=timezone.utc)  # 10:00 in Shanghai
HOME = Point(28.682, 115.858)  # where the elders' requests take place
TASK_TABLES = ("service_requests", "task_events", "task_offers", "task_ratings", "alerts", "audit_log")


class Desk:
    """storage.tasks with the test's defaults: one catalogue, policy and rules, and a clock it sets."""

    def __init__(self, sessions, keyring: KeyRing, town: Town):
        self.sessions, self.keyring, self.town = sessions, keyring, town
        self.now = T0
        self.rules = TaskRules()
        self.ledger_rules = LedgerRules()
        self._keys = itertools.count(1)

    # ---- people and credits

    async def elder(self, funded: int = 0, **overrides) -> Member:
        elder = await self.town.elder(**overrides)
        if funded:
            await self.grant(elder.id, funded)
        return elder

    async def volunteer(self, skills=("shopping",), certified=(), verified: bool = True, **overrides) -> Member:
        volunteer = await self.town.volunteer(verified=verified, skills=list(skills), **overrides)
        for service in certified:
            await members.record_certificate(self.sessions, volunteer.id, service, "红十字会",
                                             date(2026, 1, 1), None, by=SYSTEM)
        return volunteer

    async def account(self, member_id: int) -> int:
        return (await ledger.open_member_account(self.sessions, members.ledger_ref(member_id))).id

    async def system(self, kind: str) -> int:
        return (await ledger.system_account(self.sessions, kind)).id

    async def grant(self, member_id: int, minutes: int, *, to_pool: bool = False) -> None:
        target = await self.system(ledger.POOL) if to_pool else await self.account(member_id)
        await ledger.transfer(self.sessions, TransferRequest(await self.system(ledger.ISSUANCE), target, minutes,
                                                             GRANT, f"grant-{next(self._keys)}", "test"),
                              self.ledger_rules, now=self.now)

    async def fund_pool(self, minutes: int) -> None:
        await self.grant(0, minutes, to_pool=True)

    async def balance(self, member_id: int) -> ledger.Balance:
        return await ledger.balance(self.sessions, await self.account(member_id), now=self.now)

    async def system_balance(self, kind: str) -> ledger.Balance:
        return await ledger.balance(self.sessions, await self.system(kind), now=self.now)

    async def verify(self) -> ledger.VerifyReport:
        return await ledger.verify(self.sessions, self.ledger_rules, now=self.now)

    # ---- the life of a request

    async def post(self, elder: Member, service: str = "shopping", *, starts_in: timedelta = timedelta(days=1),
                   duration: int = 120, actor: members.Actor | None = None, key: str | None = None,
                   **extra) -> tasks.Task:
        return await tasks.post_request(
            self.sessions, self.keyring, request_key=key or f"post-{next(self._keys)}", requester_id=elder.id,
            actor=actor or elder.actor, service_code=service, starts_at=self.now + starts_in, duration_min=duration,
            catalogue=DEFAULT_CATALOGUE, policy=DEFAULT_POLICY, rules=self.rules, now=self.now, **extra)

    async def quote(self, elder: Member, service: str = "shopping", duration: int = 120) -> tasks.Quote:
        return await tasks.quote(self.sessions, requester_id=elder.id, service_code=service, duration_min=duration,
                                 catalogue=DEFAULT_CATALOGUE, policy=DEFAULT_POLICY, now=self.now)

    async def candidates(self, request_id: int, limit: int | None = None) -> tuple[int, ...]:
        return await tasks.candidates(self.sessions, request_id, catalogue=DEFAULT_CATALOGUE, rules=self.rules,
                                      now=self.now, limit=limit)

    async def accept(self, request_id: int, volunteer: Member | members.Actor) -> tasks.Task:
        actor = volunteer if isinstance(volunteer, members.Actor) else volunteer.actor
        return await tasks.accept(self.sessions, request_id, actor, catalogue=DEFAULT_CATALOGUE,
                                  policy=DEFAULT_POLICY, ledger_rules=self.ledger_rules, rules=self.rules,
                                  now=self.now)

    async def check_in(self, request_id: int, volunteer: Member, point: Point | None = HOME, *,
                       on_time: bool = True) -> tasks.CheckIn:
        """on_time: the clock first moves to the planned start if it is earlier (a story about the day)."""
        if on_time:
            self.now = max(self.now, (await self.task(request_id)).starts_at)
        return await tasks.check_in(self.sessions, self.keyring, request_id, volunteer.actor, point,
                                    rules=self.rules, now=self.now)

    async def check_out(self, request_id: int, volunteer: Member, point: Point | None = HOME, *,
                        full: bool = True, sure: bool = False) -> tasks.CheckIn:
        """full: the clock first moves on to the end of a whole visit (check-in + planned duration)."""
        if full:
            task = await self.task(request_id)
            if task.checked_in_at is not None:
                self.now = max(self.now, task.checked_in_at + timedelta(minutes=task.duration_min))
        return await tasks.check_out(self.sessions, self.keyring, request_id, volunteer.actor, point,
                                     rules=self.rules, now=self.now, sure=sure)

    async def confirm(self, request_id: int, actor: members.Actor) -> tasks.Settlement:
        return await tasks.confirm_done(self.sessions, request_id, actor, ledger_rules=self.ledger_rules,
                                        rules=self.rules, now=self.now)

    async def dispute(self, request_id: int, actor: members.Actor, reason: str = "没来") -> tasks.Task:
        return await tasks.dispute(self.sessions, request_id, actor, reason, now=self.now)

    async def resolve(self, request_id: int, staff: members.Actor, decision: str, reason: str = "双方电话核实",
                      amount: int | None = None) -> tasks.Settlement:
        return await tasks.resolve_dispute(self.sessions, request_id, staff, decision, reason, amount_min=amount,
                                           ledger_rules=self.ledger_rules, now=self.now)

    async def cancel(self, request_id: int, actor: members.Actor, reason: str | None = None) -> tasks.Task:
        return await tasks.cancel(self.sessions, request_id, actor, reason=reason, rules=self.rules, now=self.now)

    async def rate(self, request_id: int, rater: members.Actor, stars: int, comment: str | None = None):
        return await tasks.rate(self.sessions, self.keyring, request_id, rater, stars, comment, now=self.now)

    async def accepted_task(self, elder: Member, volunteer: Member, **post) -> tasks.Task:
        posted = await self.post(elder, **post)
        return await self.accept(posted.id, volunteer)

    async def task_in_service(self, elder: Member, volunteer: Member, **post) -> tasks.Task:
        accepted = await self.accepted_task(elder, volunteer, **post)
        return (await self.check_in(accepted.id, volunteer)).task

    async def task(self, request_id: int) -> tasks.Task:
        return await tasks.task(self.sessions, request_id)

    def later(self, **delta) -> None:
        self.now += timedelta(**delta)


async def raw_rows(sessions, table: str) -> list[dict]:
    async with sessions() as session:
        return [dict(row._mapping) for row in await session.execute(text(f"SELECT * FROM {table}"))]


async def open_alerts_of(sessions, kind: str) -> list:
    return await alerts.open_alerts(sessions, (kind,))


async def holds(sessions) -> list[ledger_tables.HoldRow]:
    async with sessions() as session:
        return list((await session.execute(select(ledger_tables.HoldRow).order_by(ledger_tables.HoldRow.id))).scalars().all())
