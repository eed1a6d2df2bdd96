"""Ledger test helpers: a `bank` that opens and funds accounts in one line, and fresh databases on demand."""

from __future__ import annotations

import shutil
import uuid
from datetime import datetime, timedelta, timezone

import pytest
from sqlalchemy import text

from storage import ledger
from storage.db import create_engine, is_sqlite, session_factory
from storage.ledger import GRANT, SERVICE, HoldRequest, LedgerRules, TransferRequest
from storage.models import metadata
from storage.privacy import KeyRing

T0 = datetime(2026, 11, 28, 2, 0, tzinfo=timezone.utc)


def new_key(prefix: str = "k") -> str:
    return f"{prefix}-{uuid.uuid4().hex}"


class Bank:
    """The ledger API with test defaults: fresh keys, a fixed clock, rules from the test."""

    def __init__(self, sessions, rules: LedgerRules = ledger.DEFAULT_RULES, now: datetime = T0):
        self.sessions, self.rules, self.now = sessions, rules, now

    async def member(self, name: str, funded: int = 0) -> int:
        account = await ledger.open_member_account(self.sessions, f"member:{name}")
        if funded:
            await self.fund(account.id, funded)
        return account.id

    async def system(self, kind: str, ref: str | None = None) -> int:
        return (await ledger.system_account(self.sessions, kind, ref)).id

    async def fund(self, account_id: int, minutes: int):
        issuance = await self.system(ledger.ISSUANCE)
        return await self.pay(issuance, account_id, minutes, kind=GRANT)

    async def pay(self, debit: int, credit: int, minutes: int, key: str | None = None, kind: str = SERVICE,
                  actor: str = "test", task_ref: str | None = None, reason: str | None = None):
        request = TransferRequest(debit, credit, minutes, kind, key or new_key("pay"), actor, task_ref, reason)
        return await ledger.transfer(self.sessions, request, self.rules, now=self.now)

    async def hold(self, debit: int, credit: int, minutes: int, ttl: timedelta = timedelta(hours=2),
                   key: str | None = None):
        request = HoldRequest(debit, credit, minutes, SERVICE, key or new_key("hold"), "test", self.now + ttl)
        return await ledger.hold(self.sessions, request, self.rules, now=self.now)

    async def post(self, hold_id: int, minutes: int | None = None, key: str | None = None):
        return await ledger.post_hold(self.sessions, hold_id, key or new_key("post"), "test", amount_min=minutes,
                                      rules=self.rules, now=self.now)

    async def void(self, hold_id: int, key: str | None = None):
        return await ledger.void_hold(self.sessions, hold_id, key or new_key("void"), "test", now=self.now)

    async def reverse(self, transfer_id: int, minutes: int | None = None, allow_negative: bool = False,
                      key: str | None = None):
        return await ledger.reverse(self.sessions, transfer_id, "entered twice by mistake", "staff:wang",
                                    key or new_key("rev"), amount_min=minutes, allow_negative=allow_negative,
                                    rules=self.rules, now=self.now)

    async def balance(self, account_id: int):
        return await ledger.balance(self.sessions, account_id, now=self.now)

    async def available(self, account_id: int) -> int:
        return (await self.balance(account_id)).available

    async def verify(self):
        return await ledger.verify(self.sessions, self.rules, now=self.now)


@pytest.fixture
def bank(sessions) -> Bank:
    return Bank(sessions)


@pytest.fixture
def small_cap_bank(sessions) -> Bank:
    return Bank(sessions, LedgerRules(cap_min=600))


@pytest.fixture
def bank_with_rules(sessions):
    return lambda rules: Bank(sessions, rules)


async def truncate_all(url: str) -> None:
    engine = create_engine(url)
    tables = ", ".join(table.name for table in metadata.sorted_tables)
    async with engine.begin() as connection:
        await connection.execute(text(f"TRUNCATE {tables} RESTART IDENTITY CASCADE"))
    await engine.dispose()


@pytest.fixture
def fresh_database(migrated_database, tmp_path_factory):
    """A factory of empty migrated databases, for property tests that need one per example.

    On PostgreSQL there is only the test database, so each call empties it.
    """

    async def make() -> str:
        if not migrated_database.endswith(".sqlite3"):
            await truncate_all(migrated_database)
            return migrated_database
        copy = tmp_path_factory.mktemp("example") / "ledger.sqlite3"
        shutil.copyfile(migrated_database, copy)
        return f"sqlite+aiosqlite:///{copy}"

    return make


def open_sessions(url: str):
    engine = create_engine(url, pool_size=20, keyring=KeyRing.generate())  # racing real connections, on SQLite too
    return engine, session_factory(engine)


def on_sqlite_url(url: str) -> bool:
    return is_sqlite(url)
