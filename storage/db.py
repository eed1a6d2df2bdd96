"""Database engine and sessions: one place that knows SQLite from PostgreSQL."""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from typing import AsyncIterator

from sqlalchemy import event
from sqlalchemy.engine import make_url
from sqlalchemy.ext.asyncio import AsyncEngine, AsyncSession, async_sessionmaker, create_async_engine

from storage.privacy import KeyRing
from storage.sealed_text import install_keyring

SQLITE_BUSY_TIMEOUT_MS = 10_000

Sessions = async_sessionmaker[AsyncSession]  # what every storage service takes


def is_sqlite(url: str) -> bool:
    return make_url(url).get_backend_name() == "sqlite"


def create_engine(url: str, *, pool_size: int | None = None, keyring: KeyRing | None = None) -> AsyncEngine:
    """`pool_size`: connections per process (SQLite default 1, PostgreSQL 10). `keyring`: what seals and
    opens free-text columns (storage.sealed_text); without it they can be neither written nor read."""
    engine = _engine(url, pool_size)
    if keyring is not None:
        install_keyring(engine, keyring)
    return engine


def _engine(url: str, pool_size: int | None) -> AsyncEngine:
    if is_sqlite(url):
        return _sqlite_engine(url, pool_size or 1)
    pool_size = pool_size or 10
    # hide_parameters: a failing statement's values (messages, sealed personal data) stay out of logs.
    # No pre-ping: asyncpg's is three round trips per checkout (without it, 124 read turns a second instead
    # of 108 in bench/webhook.py).
    # After a server restart the first use of a dead connection fails and empties the pool; the outbox
    # worker, which looks for due messages every second, is nearly always that first user, and
    # in_transaction runs a credit-moving transaction again on a fresh connection.
    return create_async_engine(url, pool_size=pool_size, max_overflow=pool_size, hide_parameters=True)


def _sqlite_engine(url: str, connections: int) -> AsyncEngine:
    _ensure_parent_directory(url)
    # SQLite lets one writer in at a time. With one connection per process the
    # others queue in the pool, first come first served, instead of in SQLite's
    # busy handler, whose growing sleeps gave a p99 of seconds under load
    # (bench/ledger.py). Tests pass more connections to race real ones.
    engine = create_async_engine(url, pool_size=connections, max_overflow=0, pool_timeout=60,
                                 hide_parameters=True, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})

    @event.listens_for(engine.sync_engine, "connect")
    def _configure(dbapi_connection, _record):
        # pysqlite's own transaction handling would delay BEGIN; we issue
        # BEGIN IMMEDIATE ourselves where a write lock is needed.
        dbapi_connection.isolation_level = None
        cursor = dbapi_connection.cursor()
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA synchronous=NORMAL")
        cursor.execute("PRAGMA foreign_keys=ON")
        cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cursor.close()

    @event.listens_for(engine.sync_engine, "begin")
    def _begin(connection):
        connection.exec_driver_sql("BEGIN IMMEDIATE")

    return engine


def _ensure_parent_directory(url: str) -> None:
    database = make_url(url).database
    if database and database != ":memory:":
        Path(database).expanduser().parent.mkdir(parents=True, exist_ok=True)


def session_factory(engine: AsyncEngine) -> Sessions:
    return async_sessionmaker(engine, expire_on_commit=False)


@asynccontextmanager
async def one_statement(sessions: Sessions) -> AsyncIterator[AsyncSession]:
    """A session for a read that is one statement, on every turn (who is talking, their tasks).

    On PostgreSQL it runs without BEGIN before and ROLLBACK after: two round trips fewer, and a single
    statement sees one consistent state anyway. SQLite's BEGIN costs no round trip, so it stays as it is.
    """
    async with sessions() as session:
        if sessions.kw["bind"].dialect.name == "postgresql":
            await session.connection(execution_options={"isolation_level": "AUTOCOMMIT"})
        yield session
