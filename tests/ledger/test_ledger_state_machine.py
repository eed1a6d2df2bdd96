"""Random stories against a model: transfers, holds, posts (smaller too), voids, expiries, reversals.

After every step the ledger must agree with a plain in-memory model of the
same rules, and its own invariants must hold: sum zero, no member below their
floor or above the cap, cached totals equal to the recomputed ones, verify clean.
"""

from __future__ import annotations

import asyncio
import dataclasses
import itertools
from dataclasses import dataclass
from datetime import datetime, timedelta

from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, precondition, rule, run_state_machine_as_test

from sqlalchemy import select

from storage import ledger
from storage.ledger.accounts import live_held
from storage.ledger.rules import posted_balance
from storage.ledger.txn import read_snapshot
from storage.ledger import (GRANT, ISSUANCE, MEMBER, POOL, SERVICE, CapReached, HoldExpired, HoldNotOpen,
                            HoldRequest, InsufficientCredit, LedgerRules, PostExceedsHold, ReversalExceedsRemainder,
                            SameAccount, TransferRequest)
from storage.ledger.models import AccountRow
from tests.hypothesis_profiles import examples

RULES = LedgerRules(cap_min=600, overdraft_min=30)
ACCOUNT_NAMES = ("issuance", "pool", "m0", "m1", "m2", "m3")
STARTING_BALANCE = 300
T0 = datetime(2026, 11, 28, 2, 0).astimezone()


@dataclass
class ModelHold:
    debit: int
    credit: int
    amount: int
    expires_at: datetime
    outcome: str | None = None


@dataclass
class ModelTransfer:
    debit: int
    credit: int
    amount: int
    reversed: int = 0


class LedgerModel:
    """The rules, written as simply as possible."""

    def __init__(self, kinds: dict[int, str], pool: int):
        self.kinds, self.pool = kinds, pool
        self.posted = {account: 0 for account in kinds}
        self.approved = {account: 0 for account in kinds}
        self.holds: dict[int, ModelHold] = {}
        self.transfers: dict[int, ModelTransfer] = {}
        self.now = T0

    def held(self, account: int) -> int:
        return sum(h.amount for h in self.holds.values()
                   if h.debit == account and h.outcome is None and self.now < h.expires_at)

    def available(self, account: int) -> int:
        return self.posted[account] - self.held(account)

    def below_floor(self, account: int, amount: int) -> bool:
        return self.kinds[account] == MEMBER and self.available(account) - amount < -RULES.overdraft_min

    def split(self, debit: int, credit: int, amount: int) -> tuple[int, int]:
        if self.kinds[credit] != MEMBER:
            return amount, 0
        credited = min(amount, max(0, RULES.cap_min - self.posted[credit]))
        if amount > credited and debit == self.pool and credited == 0:
            raise CapReached()
        return credited, amount - credited

    def post(self, debit: int, credit: int, amount: int, result: ledger.TransferResult) -> None:
        credited, overflow = self.split(debit, credit, amount)
        assert (result.credited_min, result.cap_overflow_min) == (credited, overflow)
        legs = [(result.transfer_id, credit, credited)]
        if overflow and debit != self.pool:
            legs.append((result.overflow_transfer_id, self.pool, overflow))
        for transfer_id, to, minutes in legs:
            if minutes:
                self.transfers[transfer_id] = ModelTransfer(debit, to, minutes)
                self.posted[debit] -= minutes
                self.posted[to] += minutes


def expect(outcome, error: type[Exception] | None):
    """Compare what the ledger did with what the model says it should have done."""
    if error is None:
        assert not isinstance(outcome, Exception), outcome
    else:
        assert isinstance(outcome, error), f"expected {error.__name__}, got {outcome!r}"


class LedgerMachine(RuleBasedStateMachine):
    fresh_database = None  # set by the test: an async factory of empty migrated databases

    def __init__(self):
        super().__init__()
        self.loop = asyncio.new_event_loop()
        self.engine, self.sessions = None, None
        self.keys = itertools.count()
        self.replayable: list[tuple[TransferRequest, ledger.TransferResult]] = []
        self.run(self._open())

    async def _open(self):
        from storage.db import create_engine, session_factory
        from storage.privacy import KeyRing

        self.engine = create_engine(await self.fresh_database(), keyring=KeyRing.generate())
        self.sessions = session_factory(self.engine)
        ids = [(await ledger.system_account(self.sessions, ISSUANCE)).id, (await ledger.system_account(self.sessions, POOL)).id]
        ids += [(await ledger.open_member_account(self.sessions, f"member:{name}")).id for name in ACCOUNT_NAMES[2:]]
        self.ids = ids
        self.model = LedgerModel({ids[0]: ISSUANCE, ids[1]: POOL, **{i: MEMBER for i in ids[2:]}}, pool=ids[1])
        for member in ids[2:]:  # members start half-way to the cap, so refusals and overflows both come up
            request = TransferRequest(ids[0], member, STARTING_BALANCE, GRANT, self.key("start"), "machine")
            self.model.post(ids[0], member, STARTING_BALANCE, await ledger.transfer(self.sessions, request, RULES, now=T0))

    def run(self, coroutine):
        return self.loop.run_until_complete(coroutine)

    def attempt(self, coroutine):
        try:
            return self.run(coroutine)
        except ledger.LedgerError as error:
            return error

    def key(self, what: str) -> str:
        return f"{what}-{next(self.keys)}"

    def teardown(self):
        if self.engine is not None:
            self.run(self.engine.dispose())
        self.loop.close()

    # ------------------------------------------------------------ steps

    @rule(debit=st.integers(0, 5), credit=st.integers(0, 5), amount=st.integers(1, 400))
    def transfer(self, debit, credit, amount):
        debit, credit, model = self.ids[debit], self.ids[credit], self.model
        request = TransferRequest(debit, credit, amount, GRANT if debit == self.ids[0] else SERVICE,
                                  self.key("pay"), "machine")
        outcome = self.attempt(ledger.transfer(self.sessions, request, RULES, now=model.now))
        if debit == credit:
            return expect(outcome, SameAccount)
        if model.below_floor(debit, amount):
            return expect(outcome, InsufficientCredit)
        try:
            model.split(debit, credit, amount)
        except CapReached:
            return expect(outcome, CapReached)
        expect(outcome, None)
        model.post(debit, credit, amount, outcome)
        self.replayable.append((request, outcome))

    @precondition(lambda self: self.replayable)
    @rule(pick=st.integers(0, 10**6))
    def replay(self, pick):
        request, first = self.replayable[pick % len(self.replayable)]
        again = self.run(ledger.transfer(self.sessions, request, RULES, now=self.model.now))
        assert again == dataclasses.replace(first, replayed=True)

    @rule(debit=st.integers(0, 5), credit=st.integers(0, 5), amount=st.integers(1, 300),
          ttl=st.integers(1, 180))
    def hold(self, debit, credit, amount, ttl):
        debit, credit, model = self.ids[debit], self.ids[credit], self.model
        expires_at = model.now + timedelta(minutes=ttl)
        request = HoldRequest(debit, credit, amount, SERVICE, self.key("hold"), "machine", expires_at)
        outcome = self.attempt(ledger.hold(self.sessions, request, RULES, now=model.now))
        if debit == credit:
            return expect(outcome, SameAccount)
        if model.below_floor(debit, amount):
            return expect(outcome, InsufficientCredit)
        expect(outcome, None)
        model.holds[outcome.hold_id] = ModelHold(debit, credit, amount, expires_at)

    @precondition(lambda self: self.model.holds)
    @rule(pick=st.integers(0, 10**6), quarters=st.integers(1, 4))
    def post(self, pick, quarters):
        model = self.model
        hold_id = sorted(model.holds)[pick % len(model.holds)]
        held = model.holds[hold_id]
        amount = None if quarters == 4 else max(1, held.amount * quarters // 4)
        outcome = self.attempt(ledger.post_hold(self.sessions, hold_id, self.key("post"), "machine",
                                                amount_min=amount, rules=RULES, now=model.now))
        if held.outcome is not None:
            return expect(outcome, HoldNotOpen)
        if model.now >= held.expires_at:
            return expect(outcome, HoldExpired)
        try:
            model.split(held.debit, held.credit, amount or held.amount)
        except CapReached:
            return expect(outcome, CapReached)
        expect(outcome, None)
        held.outcome = "posted"
        model.post(held.debit, held.credit, amount or held.amount, outcome)

    @precondition(lambda self: self.model.holds)
    @rule(pick=st.integers(0, 10**6))
    def post_too_much(self, pick):
        hold_id = sorted(self.model.holds)[pick % len(self.model.holds)]
        held = self.model.holds[hold_id]
        outcome = self.attempt(ledger.post_hold(self.sessions, hold_id, self.key("post"), "machine",
                                                amount_min=held.amount + 1, rules=RULES, now=self.model.now))
        if held.outcome is not None:
            return expect(outcome, HoldNotOpen)
        if self.model.now >= held.expires_at:
            return expect(outcome, HoldExpired)
        expect(outcome, PostExceedsHold)

    @precondition(lambda self: self.model.holds)
    @rule(pick=st.integers(0, 10**6))
    def void(self, pick):
        hold_id = sorted(self.model.holds)[pick % len(self.model.holds)]
        held = self.model.holds[hold_id]
        outcome = self.attempt(ledger.void_hold(self.sessions, hold_id, self.key("void"), "machine", now=self.model.now))
        if held.outcome is not None:
            return expect(outcome, HoldNotOpen)
        expect(outcome, None)
        held.outcome = "voided"

    @rule(minutes=st.integers(10, 180))
    def time_passes(self, minutes):
        self.model.now += timedelta(minutes=minutes)

    @rule()
    def sweep(self):
        model = self.model
        expired = self.run(ledger.expire_holds(self.sessions, now=model.now))
        due = {hold_id for hold_id, h in model.holds.items() if h.outcome is None and model.now >= h.expires_at}
        assert set(expired) == due
        for hold_id in due:
            model.holds[hold_id].outcome = "expired"

    @precondition(lambda self: self.model.transfers)
    @rule(pick=st.integers(0, 10**6), part=st.one_of(st.none(), st.integers(1, 200)), allow_negative=st.booleans())
    def reverse(self, pick, part, allow_negative):
        model = self.model
        transfer_id = sorted(model.transfers)[pick % len(model.transfers)]
        original = model.transfers[transfer_id]
        outcome = self.attempt(ledger.reverse(self.sessions, transfer_id, "machine correction", "staff:machine",
                                              self.key("rev"), amount_min=part, allow_negative=allow_negative,
                                              rules=RULES, now=model.now))
        remaining = original.amount - original.reversed
        amount = remaining if part is None else part
        if amount > remaining or amount == 0:
            return expect(outcome, ReversalExceedsRemainder)
        payer, payee = original.credit, original.debit
        below = model.below_floor(payer, amount)
        if below and not allow_negative:
            return expect(outcome, InsufficientCredit)
        try:
            model.split(payer, payee, amount)
        except CapReached:
            return expect(outcome, CapReached)
        expect(outcome, None)
        if below:
            model.approved[payer] += amount
        original.reversed += amount
        model.post(payer, payee, amount, outcome)
        for leg_id in (outcome.transfer_id, outcome.overflow_transfer_id):
            if leg_id in model.transfers:
                model.transfers[leg_id].reversed = 0

    # ------------------------------------------------------------ invariants

    @invariant()
    def ledger_agrees_with_the_model_and_verifies_clean(self):
        model = self.model
        for account, (posted, held) in self.run(self._balances()).items():
            assert (posted, held) == (model.posted[account], model.held(account)), account
            if model.kinds[account] == MEMBER:
                assert posted - held >= -RULES.overdraft_min - model.approved[account]
                assert posted <= RULES.cap_min
        assert sum(model.posted.values()) == 0
        report = self.run(ledger.verify(self.sessions, RULES, now=model.now))
        assert report.ok, report.problems

    async def _balances(self) -> dict[int, tuple[int, int]]:
        """Posted and held of every account from one snapshot, the way `balance` computes them;
        one connection instead of six keeps a hundred stories within seconds."""
        async with read_snapshot(self.sessions) as session:
            accounts = (await session.execute(select(AccountRow))).scalars().all()
            return {account.id: (posted_balance(account), await live_held(session, account, self.model.now))
                    for account in accounts}


def test_random_stories_keep_the_ledger_equal_to_its_model(fresh_database):
    LedgerMachine.fresh_database = staticmethod(fresh_database)
    run_state_machine_as_test(LedgerMachine, settings=settings(
        max_examples=examples(30), stateful_step_count=25, deadline=None, database=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much]))
