"""How the ledger talks to the database: one transaction per operation, row locks, bounded retries.

PostgreSQL runs at READ COMMITTED; an operation first locks the account rows
it will change with SELECT ... FOR UPDATE in ascending id order (so two
operations never wait on each other in a cycle), then reads everything it
decides on. Each later statement sees what committed before the lock was
granted. SQLite has one writer at a time: storage.db begins every transaction
with BEGIN IMMEDIATE, and FOR UPDATE is not rendered there.

A deadlock, a serialization failure, a busy SQLite file, a connection the
server dropped or a unique-key race (two new requests under one idempotency key) rolls the whole transaction back
and runs it again from the start, a bounded number of times.
"""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterable
from contextlib import asynccontextmanager
from typing import TypeVar

from sqlalchemy import BigInteger, cast, func, select
from sqlalchemy.exc import DBAPIError, IntegrityError, OperationalError
from sqlalchemy.ext.asyncio import AsyncSession

from storage.backoff import FULL_JITTER, backoff_s
from storage.db import Sessions
from storage.ledger.errors import AccountNotFound, LedgerBusy
from storage.ledger.models import AccountRow

T = TypeVar("T")

MAX_ATTEMPTS = 8
FIRST_BACKOFF_S = 0.005
# No new attempt once this much time has gone: a member is waiting, and SQLite's busy timeout has
# already waited inside each attempt (a lock held that long is an outage, not a race).
RETRY_BUDGET_S = 5.0
RETRYABLE_SQLSTATES = {"40001", "40P01"}  # serialization failure, deadlock detected
UNIQUE_VIOLATION = "23505"
SQLITE_BUSY_WORDS = ("database is locked", "database is busy")


def _is_retryable(error: DBAPIError) -> bool:
    if error.connection_invalidated:
        # The server dropped the connection (a restart, a failover) and the pool has been emptied: the next
        # attempt gets a fresh one. Transfers and holds are keyed, so a COMMIT that did land is replayed, not repeated.
        return True
    if isinstance(error, IntegrityError):
        # Only unique races: the retry finds the winner's row (an account, a key) and answers from it.
        # Any other integrity error is a bug to surface, not to retry.
        return getattr(error.orig, "sqlstate", None) == UNIQUE_VIOLATION or "UNIQUE constraint failed" in str(error.orig)
    if getattr(error.orig, "sqlstate", None) in RETRYABLE_SQLSTATES:
        return True
    return isinstance(error, OperationalError) and any(word in str(error.orig) for word in SQLITE_BUSY_WORDS)


async def in_transaction(sessions: Sessions, work: Callable[[AsyncSession], Awaitable[T]]) -> T:
    """Run `work` in its own transaction, again from scratch after a retryable failure."""
    started = time.monotonic()
    for attempt in range(MAX_ATTEMPTS):
        try:
            async with sessions.begin() as session:
                return await work(session)
        except DBAPIError as error:
            if not _is_retryable(error):
                raise
            if attempt == MAX_ATTEMPTS - 1 or time.monotonic() - started > RETRY_BUDGET_S:
                raise LedgerBusy(f"gave up after {attempt + 1} attempt(s): {error.orig}") from error
            await asyncio.sleep(backoff_s(FIRST_BACKOFF_S, attempt + 1, FULL_JITTER))
    raise AssertionError("unreachable")


def minutes_total(expression):
    """SUM in whole minutes, 0 over no rows; the cast keeps PostgreSQL from answering in NUMERIC (Decimal)."""
    return func.coalesce(cast(func.sum(expression), BigInteger), 0)


def dialect_name(sessions: Sessions) -> str:
    return sessions.kw["bind"].dialect.name


@asynccontextmanager
async def read_snapshot(sessions: Sessions) -> AsyncIterator[AsyncSession]:
    """A read-only transaction whose statements all see one consistent state of the ledger."""
    # Closing the session ends (rolls back) the transaction; loaded rows stay readable afterwards.
    async with sessions() as session:
        if dialect_name(sessions) == "postgresql":
            await session.connection(execution_options={"isolation_level": "REPEATABLE READ"})
        yield session


async def lock_accounts(session: AsyncSession, account_ids: Iterable[int]) -> dict[int, AccountRow]:
    """Lock (on PostgreSQL) and load the given accounts, lowest id first; refuse unknown ids."""
    wanted = sorted(set(account_ids))
    rows = (await session.execute(
        select(AccountRow).where(AccountRow.id.in_(wanted)).order_by(AccountRow.id)
        .with_for_update().execution_options(populate_existing=True)
    )).scalars().all()
    found = {row.id: row for row in rows}
    missing = [account_id for account_id in wanted if account_id not in found]
    if missing:
        raise AccountNotFound(f"no ledger account {missing[0]}")
    return found
