"""A customer-service fan-out broadcast to many members, against the sandbox: time, memory, exactly once.

    .venv/bin/python bench/broadcast.py [--recipients 100000] [--per-second 1000] [--workers 1] [--minutes 30]
                                        [--postgres URL --redis URL]

Starts, as separate processes, the WeChat API sandbox, the bot (`timebank serve --no-jobs`, idle but alive, as
during a real broadcast) and --workers job workers (`timebank worker`). Seeds the members straight into the
database with their 48-hour windows open, confirms one fan-out broadcast to everyone and lets the workers send
it at `[broadcast] fanout_per_second` = --per-second (WeChat itself allows no more than its API frequency; the
default config sends 20 a second). Prints the time to finish, the peak resident memory (VmHWM) of every
process, and checks in the sandbox that every member got exactly one message. Run it at two sizes: the peak
memory should not grow with the number of recipients.
"""

from __future__ import annotations

import argparse
import asyncio
import collections
import os
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402

from bench.webhook import Processes, free_port, prepare_database, wait_until_up, write_config  # noqa: E402

CONTENT = "【社区通知】本周六上午九点，社区活动中心义诊，欢迎参加。"
CHUNK = 5_000


def peak_kib(pid: int) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0


async def seed(config_path: Path, recipients: int):
    """Members inserted in bulk (registration has its own benchmarks), their windows open; a staff author."""
    import redis.asyncio as aioredis
    from sqlalchemy import insert

    from bot.config import load_config
    from storage import members
    from storage.base import utcnow
    from storage.contact_window import window_key
    from storage.db import create_engine, session_factory
    from storage.members import Consent, MemberRow

    config = load_config(config_path, environ={})
    engine = create_engine(config.database_url, keyring=config.privacy)
    sessions = session_factory(engine)
    now = utcnow()
    staff = await members.register_member(sessions, config.privacy, role=members.VOLUNTEER, openid="o_bench_staff",
                                          community="青山湖社区", birth_year=1990, consent=Consent("2026-11", now))
    staff = await members.make_staff(sessions, staff.id, members.SYSTEM)
    for start in range(0, recipients, CHUNK):
        rows = [dict(openid=f"o_bench_{n:07d}", role=members.ELDER if n % 3 else members.VOLUNTEER,
                     status=members.ACTIVE, community="青山湖社区", skills=[], consent_version="2026-11",
                     consent_at=now, created_at=now, is_staff=False, is_admin=False, in_need=False,
                     broadcasts_opted_out=False, pushes_stopped=False)
                for n in range(start, min(start + CHUNK, recipients))]
        async with sessions.begin() as session:
            await session.execute(insert(MemberRow), rows)
    await engine.dispose()
    redis = aioredis.from_url(config.redis_url or _embedded_url(config), decode_responses=True)
    for start in range(0, recipients, CHUNK):
        async with redis.pipeline(transaction=False) as pipe:
            for n in range(start, min(start + CHUNK, recipients)):
                pipe.set(window_key(f"o_bench_{n:07d}"), 0, px=int(timedelta(hours=47).total_seconds() * 1000))
            await pipe.execute()
    await redis.aclose()
    return staff


def _embedded_url(config) -> str:
    return f"unix://{config.data_dir / 'redis' / 'redis.sock'}"


async def confirm_broadcast(config_path: Path, staff) -> int:
    from bot.config import load_config
    from storage import broadcasts
    from storage.base import utcnow
    from storage.db import create_engine, session_factory
    from storage.job_queue import JobQueue

    config = load_config(config_path, environ={})
    engine = create_engine(config.database_url, keyring=config.privacy)
    broadcast = await broadcasts.create(session_factory(engine), author=staff.actor, content=CONTENT,
                                        audience=broadcasts.ALL, channel=broadcasts.FANOUT,
                                        request_key="bench-broadcast", now=utcnow())
    await engine.dispose()
    queue = JobQueue.from_url(config.redis_url or _embedded_url(config))
    await queue.enqueue("send_broadcast", broadcast.id, job_id=f"broadcast:{broadcast.id}")
    await queue.close()
    return broadcast.id


async def until_finished(config_path: Path, broadcast_id: int, limit_s: float, watched) -> tuple[object, float]:
    from bot.config import load_config
    from storage import broadcasts
    from storage.db import create_engine, session_factory

    config = load_config(config_path, environ={})
    engine = create_engine(config.database_url, keyring=config.privacy)
    sessions = session_factory(engine)
    started = time.perf_counter()
    try:
        while time.perf_counter() - started < limit_s:
            broadcast = await broadcasts.get(sessions, broadcast_id)
            if broadcast.status not in (broadcasts.SCHEDULED, broadcasts.SENDING):
                return broadcast, time.perf_counter() - started
            for child in watched:
                if child.poll() is not None:
                    raise SystemExit(f"{child.args} exited with {child.returncode}")
            await asyncio.sleep(0.5)
        return await broadcasts.get(sessions, broadcast_id), time.perf_counter() - started
    finally:
        await engine.dispose()


async def bench(args) -> None:
    work_dir = Path(tempfile.mkdtemp(prefix="bench-broadcast-"))
    processes = Processes(work_dir)
    timebank = [sys.executable, "-m", "bot.cli"]
    sandbox_port, bot_port = free_port(), free_port()
    database_url = args.postgres or f"sqlite+aiosqlite:///{work_dir / 'var' / 'timebank.sqlite3'}"
    config = write_config(work_dir, sandbox_url=f"http://127.0.0.1:{sandbox_port}", database_url=database_url,
                          redis_url=args.redis if args.postgres else "", safe=False)
    with config.open("a", encoding="utf-8") as file:
        file.write(f'\n[broadcast]\nchannel = "fanout"\nfanout_per_second = {args.per_second}\n')
    if args.postgres and args.redis:
        import redis.asyncio as aioredis

        client = aioredis.from_url(args.redis)
        await client.flushdb()
        await client.aclose()
    await prepare_database(database_url)
    try:
        sandbox = processes.start("sandbox", [*timebank, "sandbox", "--config", str(config), "--port",
                                              str(sandbox_port)])
        # The bot owns the embedded Redis on SQLite: it starts first, the workers use its socket.
        bot = processes.start("bot", [*timebank, "serve", "--config", str(config), "--port", str(bot_port),
                                      "--no-jobs"])
        async with aiohttp.ClientSession() as http:
            await wait_until_up(http, f"http://127.0.0.1:{sandbox_port}/sandbox/calls", sandbox)
            await wait_until_up(http, f"http://127.0.0.1:{bot_port}/healthz", bot)
            seeded = time.perf_counter()
            staff = await seed(config, args.recipients)
            print(f"broadcast bench: {args.recipients} recipients seeded in {time.perf_counter() - seeded:.0f} s; "
                  f"{'PostgreSQL + Redis' if args.postgres else 'SQLite + embedded Redis'}, {args.workers} worker(s), "
                  f"fanout_per_second={args.per_second:g}; load {_load()}", flush=True)
            from bot.config import load_config

            environment = {} if args.postgres else {"TIMEBANK_REDIS_URL": _embedded_url(load_config(config))}
            workers = [processes.start(f"worker{n}", [*timebank, "worker", "--config", str(config)],
                                       environment=environment) for n in range(args.workers)]
            broadcast_id = await confirm_broadcast(config, staff)
            broadcast, seconds = await until_finished(config, broadcast_id, args.minutes * 60, [bot, *workers])
            peaks = {"worker" if len(workers) == 1 else f"worker{n}": peak_kib(worker.pid)
                     for n, worker in enumerate(workers)}
            peaks.update(bot=peak_kib(bot.pid), sandbox=peak_kib(sandbox.pid))
            async with http.get(f"http://127.0.0.1:{sandbox_port}/sandbox/messages") as response:
                sent = (await response.json())["messages"]
        per_member = collections.Counter(message["openid"] for message in sent if message["text"] == CONTENT)
        expected = {f"o_bench_{n:07d}" for n in range(args.recipients)}
        twice = sum(1 for count in per_member.values() if count > 1)
        missing = len(expected - set(per_member))
        print(f"{'recipients':>10} {'status':>8} {'seconds':>8} {'msgs/s':>8} {'sent':>8} {'skipped':>8} "
              f"{'failed':>7} {'missing':>8} {'twice':>6}  peak resident memory (MiB)")
        print(f"{args.recipients:>10} {broadcast.status:>8} {seconds:>8.0f} {len(sent) / seconds:>8.0f} "
              f"{broadcast.sent:>8} {broadcast.skipped:>8} {broadcast.failed:>7} {missing:>8} {twice:>6}  "
              + ", ".join(f"{name} {kib / 1024:.0f}" for name, kib in peaks.items()))
        print(f"exactly once: {'yes' if not missing and not twice else 'NO'}; load after {_load()}")
    finally:
        processes.stop_all()


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--recipients", type=int, default=100_000)
    parser.add_argument("--per-second", type=float, default=1000.0, help="[broadcast] fanout_per_second (≤1000)")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--minutes", type=float, default=30.0, help="give up after this long")
    parser.add_argument("--postgres", help="postgresql+asyncpg://… (its public schema is dropped and recreated)")
    parser.add_argument("--redis", help="redis://… for the PostgreSQL run (that db is flushed)")
    asyncio.run(bench(parser.parse_args()))


if __name__ == "__main__":
    main()
