"""Ledger throughput and latency, uncontended and on one hot account, on SQLite and PostgreSQL.

    .venv/bin/python bench/ledger.py [--transfers 2000] [--concurrency 16] [--connections N] [--seconds 30]
                                     [--postgres postgresql+asyncpg://postgres@127.0.0.1:5432/postgres]

SQLite runs in a temporary file. PostgreSQL runs only with --postgres, in a
fresh `bench_ledger` database created on that server and dropped afterwards;
it is skipped with a note when the server does not answer. Each scenario stops
at --transfers transfers or --seconds, whichever comes first, and ends with a
`verify` of the whole ledger.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from sqlalchemy import text  # noqa: E402
from sqlalchemy.engine import make_url  # noqa: E402
from sqlalchemy.ext.asyncio import create_async_engine  # noqa: E402

from storage import ledger  # noqa: E402
from storage.db import create_engine, session_factory  # noqa: E402
from storage.ledger import GRANT, SERVICE, TransferRequest  # noqa: E402
from storage.migrate import upgrade  # noqa: E402
from storage.privacy import KeyRing  # noqa: E402

BENCH_DATABASE = "bench_ledger"
FUNDING_MIN = 60_000


@dataclass(frozen=True)
class Figures:
    backend: str
    scenario: str
    transfers: int
    seconds: float
    p50_ms: float
    p99_ms: float
    verified: bool

    @property
    def per_second(self) -> float:
        return self.transfers / self.seconds


def percentile(sorted_values: list[float], share: float) -> float:
    return sorted_values[min(len(sorted_values) - 1, int(share * len(sorted_values)))]


async def run_scenario(url: str, backend: str, scenario: str, transfers: int, concurrency: int,
                       time_limit: float, connections: int | None) -> Figures:
    engine = create_engine(url, pool_size=connections, keyring=KeyRing.generate())
    sessions = session_factory(engine)
    keys = itertools.count()
    try:
        issuance = (await ledger.system_account(sessions, ledger.ISSUANCE)).id

        async def member(name: str) -> int:
            account = (await ledger.open_member_account(sessions, f"member:{scenario}:{name}")).id
            await ledger.transfer(sessions, TransferRequest(issuance, account, FUNDING_MIN, GRANT,
                                                            f"fund:{scenario}:{name}", "bench"))
            return account

        receivers = [await member(f"receiver{worker}") for worker in range(concurrency)]
        # Uncontended: each worker pays from its own account; contended: everyone pays from one hot account.
        payers = ([await member(f"payer{worker}") for worker in range(concurrency)] if scenario == "uncontended"
                  else [await member("hot")] * concurrency)
        latencies: list[float] = []
        deadline = time.perf_counter() + time_limit

        async def worker(index: int) -> None:
            while (number := next(keys)) < transfers and time.perf_counter() < deadline:
                request = TransferRequest(payers[index], receivers[index], 1, SERVICE, f"{scenario}:{number}", "bench")
                started = time.perf_counter()
                await ledger.transfer(sessions, request)
                latencies.append(time.perf_counter() - started)

        started = time.perf_counter()
        await asyncio.gather(*(worker(index) for index in range(concurrency)))
        elapsed = time.perf_counter() - started
        verified = (await ledger.verify(sessions)).ok
    finally:
        await engine.dispose()
    latencies.sort()
    return Figures(backend, scenario, len(latencies), elapsed, percentile(latencies, 0.50) * 1000,
                   percentile(latencies, 0.99) * 1000, verified)


async def bench_backend(url: str, backend: str, args) -> list[Figures]:
    await upgrade(url)
    return [await run_scenario(url, backend, scenario, args.transfers, args.concurrency, args.seconds,
                               args.connections)
            for scenario in ("uncontended", "contended")]


async def with_postgres(server_url: str, args) -> list[Figures] | str:
    admin_url = make_url(server_url).set(database="postgres")
    admin = create_async_engine(admin_url, isolation_level="AUTOCOMMIT")
    try:
        async with asyncio.timeout(5):
            async with admin.connect() as connection:
                await connection.execute(text(f"DROP DATABASE IF EXISTS {BENCH_DATABASE}"))
                await connection.execute(text(f"CREATE DATABASE {BENCH_DATABASE}"))
    except (OSError, TimeoutError, Exception) as error:  # any failure to reach the server means: skip
        await admin.dispose()
        return f"PostgreSQL skipped: {type(error).__name__}: {error}"
    try:
        bench_url = make_url(server_url).set(database=BENCH_DATABASE).render_as_string(hide_password=False)
        return await bench_backend(bench_url, "postgresql", args)
    finally:
        async with admin.connect() as connection:
            await connection.execute(text(f"DROP DATABASE IF EXISTS {BENCH_DATABASE} WITH (FORCE)"))
        await admin.dispose()


def print_table(rows: list[Figures], args) -> None:
    print(f"{args.transfers} transfers of 1 min per scenario (at most {args.seconds:g} s), "
          f"{args.concurrency} concurrent callers, "
          f"{args.connections or 'the bot’s default number of'} connection(s) per database")
    print(f"{'backend':<11} {'scenario':<12} {'transfers':>9} {'per s':>8} {'p50 ms':>8} {'p99 ms':>8}  verify")
    for row in rows:
        print(f"{row.backend:<11} {row.scenario:<12} {row.transfers:>9} {row.per_second:>8.0f} "
              f"{row.p50_ms:>8.1f} {row.p99_ms:>8.1f}  {'ok' if row.verified else 'FAILED'}")


async def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--transfers", type=int, default=2000)
    parser.add_argument("--concurrency", type=int, default=16)
    parser.add_argument("--connections", type=int, help="pool size (default: the bot's, 1 for SQLite, 10 for PostgreSQL); "
                                                        "as many as --concurrency shows SQLite's busy-wait")
    parser.add_argument("--seconds", type=float, default=30.0, help="time limit per scenario")
    parser.add_argument("--postgres", metavar="URL", help="a PostgreSQL server (postgresql+asyncpg://...)")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as directory:
        rows = await bench_backend(f"sqlite+aiosqlite:///{directory}/bench.sqlite3", "sqlite", args)
    notes = []
    if args.postgres:
        outcome = await with_postgres(args.postgres, args)
        rows += outcome if isinstance(outcome, list) else []
        notes += [outcome] if isinstance(outcome, str) else []
    print_table(rows, args)
    for note in notes:
        print(note)


if __name__ == "__main__":
    asyncio.run(main())
