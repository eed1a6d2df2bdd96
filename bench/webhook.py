"""The WeChat endpoint under load, against the protocol floor, on loopback.

    .venv/bin/python bench/webhook.py [--concurrency 64] [--seconds 20] [--messages 20000] [--members 300]
                                      [--safe] [--workers N] [--postgres URL --redis URL]

One run starts, as separate processes: the WeChat API sandbox, the bot
(`timebank serve`, with --workers N processes sharing the port) and the
protocol floor (a bare aiohttp endpoint that checks the signature, decrypts in
safe mode, parses with wechatpy and returns a fixed reply; as many processes
as the bot). This process is the load generator: simulated members post
signed (with --safe, AES-encrypted) WeChat XML at --concurrency connections.
A member never has two messages in flight, as on a phone.

Phases, each bounded by --seconds and --messages:
  floor   the same text messages to the floor
  read    balance, my_orders, list_tasks, help
  write   multi-turn post_request conversations (4 turns), each followed by an accept race of 3 volunteers
  mixed   both at once, about 3 reads to 1 write turn
It prints throughput, p50/p95/p99 and errors per message kind, the CPU time
the bot (or the floor) spent per turn, which varies far less between runs
than throughput on a shared machine, the ratios bot/floor for read and write
turns, and the load average (other work on the
machine shows in the figures). On SQLite the data lives in a temporary
directory with the embedded Redis; --postgres resets that database's schema.
"""

from __future__ import annotations

import argparse
import asyncio
import itertools
import os
import random
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import aiohttp  # noqa: E402
from aiohttp import web  # noqa: E402

TOKEN = "benchtoken"
APP_ID = "wx_bench_app"
APP_SECRET = "bench-secret"
AES_KEY = "kWxPEV2UEDyxWpmPdKC3F4dgPDmOvfKX1HGnEUDS1aR"
COMMUNITY = "青山湖社区"
HOME = (28.6820, 115.9380)
READS = {"balance": "余额", "my_orders": "我的订单", "list_tasks": "有什么任务", "help": "帮助"}
POST_TURNS = (("post_request", "明天下午三点找人陪我聊聊天，两个小时", "在哪里"),
              ("post_place", "1", "交代"),
              ("post_notes", "没有", "费用"),
              ("post_confirm", "是", "单号 #"))
FAILURE_MARKS = ("系统繁忙", "出了点问题")
# Right answers to an accept: won, lost the race, or refused by the rules (this volunteer is busy then).
ACCEPT_ANSWERS = ("接单成功", "接走", "已经有别的单")
READ_KINDS = frozenset(READS)
WRITE_KINDS = frozenset({turn[0] for turn in POST_TURNS} | {"accept"})


# ---- the protocol floor -------------------------------------------------------------------------------------

def floor_app(aes_key: str) -> web.Application:
    """What any WeChat bot must do for a message: check, (decrypt,) parse, answer. Nothing else."""
    from wechatpy import create_reply, parse_message
    from wechatpy.crypto import WeChatCrypto
    from wechatpy.utils import check_signature

    crypto = WeChatCrypto(TOKEN, aes_key, APP_ID) if aes_key else None

    async def receive(request: web.Request) -> web.Response:
        query, body = request.query, await request.read()
        check_signature(TOKEN, query["signature"], query["timestamp"], query["nonce"])
        xml = body.decode()
        if crypto is not None:
            xml = crypto.decrypt_message(xml, query["msg_signature"], query["timestamp"], query["nonce"])
        reply = create_reply("好的", parse_message(xml)).render()
        if crypto is not None:
            reply = crypto.encrypt_message(reply, query["nonce"], query["timestamp"])
        return web.Response(text=reply, content_type="application/xml")

    app = web.Application()
    app.router.add_post("/wechat", receive)
    return app


async def serve_floor(port: int, aes_key: str, reuse_port: bool) -> None:
    runner = web.AppRunner(floor_app(aes_key), access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", port, reuse_port=reuse_port or None).start()
    stop = asyncio.Event()
    asyncio.get_running_loop().add_signal_handler(signal.SIGTERM, stop.set)
    await stop.wait()
    await runner.cleanup()


# ---- the community the members belong to ----------------------------------------------------------------------

def write_config(directory: Path, *, sandbox_url: str, database_url: str, redis_url: str, safe: bool) -> Path:
    from storage.privacy import KeyRing

    keys = KeyRing.generate().to_config()
    path = directory / "config.toml"
    path.write_text(f"""
[server]
host = "127.0.0.1"
# The bench sends far more per member than a person can; the counter is still paid for.
member_messages_per_minute = 100000
[wechat]
app_id = "{APP_ID}"
app_secret = "{APP_SECRET}"
token = "{TOKEN}"
encoding_aes_key = "{AES_KEY if safe else ''}"
api_base_url = "{sandbox_url}"
[data]
dir = "{directory / 'var'}"
[database]
url = "{database_url}"
[redis]
url = "{redis_url}"
[log]
level = "INFO"
[privacy]
current_key_id = "k1"
keys = {{ k1 = "{keys['keys']['k1']}" }}
lookup_key = "{keys['lookup_key']}"
""", encoding="utf-8")
    return path


async def prepare_database(url: str) -> None:
    from sqlalchemy import text

    from storage.db import create_engine, is_sqlite
    from storage.migrate import upgrade

    if not is_sqlite(url):
        engine = create_engine(url)
        async with engine.begin() as connection:
            await connection.execute(text("DROP SCHEMA public CASCADE"))
            await connection.execute(text("CREATE SCHEMA public"))
        await engine.dispose()
    await upgrade(url)


async def seed(config_path: Path, elders: int, volunteers: int) -> tuple[list[str], list[str]]:
    """Registered elders (over 80: their help is sponsored) with a home, and verified volunteers."""
    from bot.config import load_config
    from storage import ledger, members
    from storage.base import utcnow
    from storage.db import create_engine, session_factory
    from storage.members import Consent, PersonalData

    config = load_config(config_path, environ={})
    engine = create_engine(config.database_url, keyring=config.privacy)
    sessions, keyring = session_factory(engine), config.privacy
    numbers = itertools.count(1)

    async def person(role: str, openid: str, born: int, skills=()) -> members.Member:
        n = next(numbers)
        member = await members.register_member(
            sessions, keyring, role=role, openid=openid, community=COMMUNITY, birth_year=born,
            consent=Consent("2026-11", utcnow()), skills=skills,
            personal=PersonalData(real_name=f"成员{n}", phone=f"138{n:08d}", address=f"青山湖小区{n}栋"))
        await ledger.open_member_account(sessions, member.ledger_ref)
        return member

    try:
        elder_ids = []
        for n in range(elders):
            elder = await person(members.ELDER, f"o_bench_elder_{n:05d}", 1940)
            await members.set_home_point(sessions, keyring, elder.id, *HOME, by=elder.actor)
            elder_ids.append(elder.openid)
        volunteer_ids = []
        for n in range(volunteers):
            volunteer = await person(members.VOLUNTEER, f"o_bench_vol_{n:05d}", 1965, skills=("companionship",))
            await members.verify_volunteer(sessions, volunteer.id, members.SYSTEM)
            volunteer_ids.append(volunteer.openid)
    finally:
        await engine.dispose()
    return elder_ids, volunteer_ids


# ---- processes --------------------------------------------------------------------------------------------------

def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Processes:
    """Children started here and stopped here, by pid."""

    def __init__(self, log_dir: Path):
        self._log_dir = log_dir
        self._children: list[tuple[subprocess.Popen, int]] = []

    def start(self, name: str, command: list[str], stop_with: int = signal.SIGTERM,
              environment: dict[str, str] | None = None) -> subprocess.Popen:
        log = open(self._log_dir / f"{name}.log", "wb")
        child = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=self._log_dir,
                                 env={**os.environ, **(environment or {})})
        self._children.append((child, stop_with))
        return child

    def stop_all(self) -> None:
        for child, stop_with in reversed(self._children):  # the bot before the sandbox it sends to
            if child.poll() is None:
                child.send_signal(stop_with)
            try:
                child.wait(timeout=30)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()


def cpu_seconds(pids: list[int]) -> float:
    """User + system CPU of these processes and all their descendants, from /proc (Linux)."""
    ticks, parents = os.sysconf("SC_CLK_TCK"), {}
    stats = {}
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            fields = (entry / "stat").read_text().rsplit(")", 1)[1].split()
        except (OSError, IndexError):
            continue
        stats[int(entry.name)] = fields
        parents.setdefault(int(fields[1]), []).append(int(entry.name))
    total, todo = 0, list(pids)
    while todo:
        pid = todo.pop()
        if pid in stats:
            total += int(stats[pid][11]) + int(stats[pid][12])  # utime, stime
        todo += parents.get(pid, [])
    return total / ticks


async def wait_until_up(http: aiohttp.ClientSession, url: str, child: subprocess.Popen, timeout_s: float = 60) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if child.poll() is not None:
            raise SystemExit(f"{child.args} exited with {child.returncode}")
        try:
            async with http.get(url) as response:
                if response.status < 500:
                    return
        except aiohttp.ClientError:
            pass
        await asyncio.sleep(0.2)
    raise SystemExit(f"{url} did not come up in {timeout_s} s")


# ---- the load -----------------------------------------------------------------------------------------------------

@dataclass
class Tally:
    latencies: dict[str, list[float]] = field(default_factory=lambda: defaultdict(list))
    errors: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    examples: dict[str, str] = field(default_factory=dict)  # kind → the first wrong reply, for the report
    seconds: float = 0.0
    server_cpu_s: float = 0.0  # CPU time of the answering processes (the bot or the floor) during the phase

    def record(self, kind: str, seconds: float, ok: bool, reply: str = "") -> None:
        self.latencies[kind].append(seconds)
        if not ok:
            self.errors[kind] += 1
            self.examples.setdefault(kind, reply.replace("\n", " ")[:70] or "(no reply: success or HTTP error)")

    def turns(self, kinds=None) -> int:
        return sum(len(values) for kind, values in self.latencies.items() if kinds is None or kind in kinds)


class Members:
    """Posts as WeChat would; hands out members so that none has two messages in flight."""

    def __init__(self, http: aiohttp.ClientSession, url: str, safe: bool):
        from bot.config import WeChatConfig
        from bot.simulator import SimulatedWeChat

        wechat = WeChatConfig(app_id=APP_ID, app_secret=APP_SECRET, token=TOKEN,
                              encoding_aes_key=AES_KEY if safe else "", api_base_url="http://unused")
        self.wechat = SimulatedWeChat(http, url, wechat)
        self._ids = itertools.count(1)

    async def says(self, openid: str, text: str) -> tuple[bool, str]:
        try:
            answer = await self.wechat.post(self.wechat.text(openid, text, msg_id=next(self._ids)))
        except aiohttp.ClientError:
            return False, ""
        return answer.status == 200, answer.text


class Idle:
    """A pool of members not in the middle of a message."""

    def __init__(self, openids: list[str]):
        self._queue: asyncio.Queue[str] = asyncio.Queue()
        for openid in random.sample(openids, len(openids)):
            self._queue.put_nowait(openid)

    async def take(self) -> str:
        return await self._queue.get()

    def give_back(self, openid: str) -> None:
        self._queue.put_nowait(openid)


class Load:
    def __init__(self, members: Members, elders: list[str], volunteers: list[str], tally: Tally,
                 messages: int, seconds: float):
        self.members, self.tally = members, tally
        # One pool per role, shared by reads and writes: an elder half-way through a request is not also reading.
        self.elders, self.volunteers = Idle(elders), Idle(volunteers)
        self._reader_pools = [self.elders] * len(elders) + [self.volunteers] * len(volunteers)
        self._budget, self._deadline = messages, time.perf_counter() + seconds

    def more(self) -> bool:
        return self._budget > 0 and time.perf_counter() < self._deadline

    async def turn(self, kind: str, openid: str, text: str, expect: str = "") -> str | None:
        self._budget -= 1
        started = time.perf_counter()
        ok, reply = await self.members.says(openid, text)
        ok = ok and bool(reply) and (not expect or expect in reply) and not any(m in reply for m in FAILURE_MARKS)
        self.tally.record(kind, time.perf_counter() - started, ok, reply)
        return reply if ok else None

    async def _timed(self, openid: str, text: str) -> tuple[float, bool, str]:
        started = time.perf_counter()
        ok, reply = await self.members.says(openid, text)
        return time.perf_counter() - started, ok, reply

    async def read(self) -> None:
        pool = random.choice(self._reader_pools)  # members of either role, as many as there are
        openid = await pool.take()
        try:
            kind = random.choice(list(READS))
            await self.turn(kind, openid, READS[kind])
        finally:
            pool.give_back(openid)

    async def write(self) -> None:
        """An elder asks for company in four turns; three volunteers race to accept it."""
        elder = await self.elders.take()
        try:
            reply = ""
            for kind, text, expect in POST_TURNS:
                reply = await self.turn(kind, elder, text, expect)
                if reply is None:
                    return  # the next conversation of this elder starts over from whatever state this left
        finally:
            self.elders.give_back(elder)
        task_id = reply.split("#")[1].split("。")[0].split("，")[0].strip()
        racers = [await self.volunteers.take() for _ in range(3)]
        try:
            answers = await asyncio.gather(*(self._timed(openid, f"接单 {task_id}") for openid in racers))
            won = sum("接单成功" in text for _, _, text in answers)
            for seconds, ok, text in answers:  # each accept is one turn; exactly one may win
                self.tally.record("accept", seconds, ok and any(a in text for a in ACCEPT_ANSWERS) and won <= 1, text)
            self._budget -= len(racers)
        finally:
            for openid in racers:
                self.volunteers.give_back(openid)


async def run_phase(load: Load, concurrency: int, work) -> None:
    async def connection() -> None:
        while load.more():
            await work(load)

    started = time.perf_counter()
    await asyncio.gather(*(connection() for _ in range(concurrency)))
    load.tally.seconds = time.perf_counter() - started


def read_work(load: Load):
    return load.read()


def write_work(load: Load):
    return load.write()


def mixed_work(load: Load):
    # A write conversation is 4 elder turns and 3 accepts: 1 in 10 picks gives about 3 reads per write turn.
    return load.write() if random.random() < 0.1 else load.read()


async def floor_work(load: Load):
    openid = await load.elders.take()
    try:
        await load.turn("floor", openid, "余额")
    finally:
        load.elders.give_back(openid)


# ---- the report ------------------------------------------------------------------------------------------------------

def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] * 1000 if ordered else float("nan")


def print_phase(name: str, tally: Tally) -> None:
    rows = sorted(tally.latencies.items())
    total = tally.turns()
    everything = [value for _, values in rows for value in values]
    for kind, values in rows + [("(all)", everything)]:
        count = len(values) if kind != "(all)" else total
        errors = sum(tally.errors.values()) if kind == "(all)" else tally.errors.get(kind, 0)
        print(f"{name:<6} {kind:<13} {count:>7} {errors:>6} {count / tally.seconds:>9.1f} "
              f"{percentile(values, .50):>8.1f} {percentile(values, .95):>8.1f} {percentile(values, .99):>8.1f}")


def rate(tally: Tally, kinds=None) -> float:
    return tally.turns(kinds) / tally.seconds if tally.seconds else 0.0


async def bench(args) -> None:
    from storage.db import is_sqlite

    work_dir = Path(tempfile.mkdtemp(prefix="bench-webhook-"))
    processes = Processes(work_dir)
    timebank = [sys.executable, "-m", "bot.cli"]
    sandbox_port, bot_port, floor_port = free_port(), free_port(), free_port()
    database_url = args.postgres or f"sqlite+aiosqlite:///{work_dir / 'var' / 'timebank.sqlite3'}"
    config = write_config(work_dir, sandbox_url=f"http://127.0.0.1:{sandbox_port}", database_url=database_url,
                          redis_url=args.redis if args.postgres else "", safe=args.safe)
    if args.redis and args.postgres:
        import redis.asyncio as aioredis

        client = aioredis.from_url(args.redis)
        await client.flushdb()
        await client.aclose()
    await prepare_database(database_url)
    elders, volunteers = await seed(config, args.members * 2 // 3, args.members - args.members * 2 // 3)
    try:
        sandbox = processes.start("sandbox", [*timebank, "sandbox", "--config", str(config),
                                              "--port", str(sandbox_port)])
        profiler = [args.py_spy, "record", "--format", "raw", "--subprocesses", "-o", str(work_dir / "bot.profile"),
                    "--"] if args.py_spy else []
        bot = processes.start("bot", [*profiler, *timebank, "serve", "--config", str(config), "--port", str(bot_port),
                                      "--workers", str(args.workers)],
                              stop_with=signal.SIGINT if args.py_spy else signal.SIGTERM)
        floors = [processes.start(f"floor{n}", [sys.executable, __file__, "--floor", str(floor_port),
                                                *(["--safe"] if args.safe else []),
                                                *(["--reuse-port"] if args.workers > 1 else [])])
                  for n in range(args.workers)]
        connector = aiohttp.TCPConnector(limit=args.concurrency)
        async with aiohttp.ClientSession(connector=connector) as http:
            await wait_until_up(http, f"http://127.0.0.1:{sandbox_port}/sandbox/messages?openid=x", sandbox)
            await wait_until_up(http, f"http://127.0.0.1:{bot_port}/healthz", bot)
            await asyncio.sleep(1.0 if args.workers > 1 else 0)  # every child listening, not just the first
            for floor in floors:
                await wait_until_up(http, f"http://127.0.0.1:{floor_port}/", floor)
            bot_members = Members(http, f"http://127.0.0.1:{bot_port}/wechat", args.safe)
            floor_members = Members(http, f"http://127.0.0.1:{floor_port}/wechat", args.safe)
            backend = "SQLite + embedded Redis" if is_sqlite(database_url) else "PostgreSQL + Redis"
            print(f"webhook bench: {backend}, {args.workers} bot process(es), {'AES' if args.safe else 'plaintext'}, "
                  f"{args.concurrency} connections, {len(elders)} elders + {len(volunteers)} volunteers, "
                  f"≤{args.seconds:g} s / ≤{args.messages} messages per phase; load before {_load()}")
            # Warm-up: every member once, so first-touch costs (jieba, pools, caches) stay out of the figures.
            warm = Load(bot_members, elders, volunteers, Tally(), len(elders) + len(volunteers), 60)
            await run_phase(warm, args.concurrency, read_work)
            tallies = {}
            for name, members, work in (("floor", floor_members, floor_work), ("read", bot_members, read_work),
                                        ("write", bot_members, write_work), ("mixed", bot_members, mixed_work)):
                if name not in args.phases:
                    continue
                tallies[name] = Tally()
                servers = [floor.pid for floor in floors] if name == "floor" else [bot.pid]
                cpu_before = cpu_seconds(servers)
                await run_phase(Load(members, elders, volunteers, tallies[name], args.messages, args.seconds),
                                args.concurrency, work)
                tallies[name].server_cpu_s = cpu_seconds(servers) - cpu_before
        print(f"{'phase':<6} {'kind':<13} {'turns':>7} {'errors':>6} {'turns/s':>9} {'p50 ms':>8} {'p95 ms':>8} "
              f"{'p99 ms':>8}")
        for name, tally in tallies.items():
            print_phase(name, tally)
        for name, tally in tallies.items():
            print(f"{name:<6} CPU of the answering process(es): {tally.server_cpu_s * 1000 / max(tally.turns(), 1):.2f} "
                  f"ms a turn ({tally.server_cpu_s:.1f} s)")
        for name, tally in tallies.items():
            for kind, example in tally.examples.items():
                print(f"first error: {name}/{kind}: {example}")
        if {"floor", "read", "write"} <= set(tallies):
            floor_rate = rate(tallies["floor"])
            read_rate, write_rate = rate(tallies["read"], READ_KINDS), rate(tallies["write"], WRITE_KINDS)
            print(f"bot/floor: read turns {read_rate / floor_rate:.0%} (goal ≥50%), write turns "
                  f"{write_rate / floor_rate:.0%} (goal ≥25%)")
        print(f"load after {_load()}")
    finally:
        processes.stop_all()
        if args.keep:
            print(f"logs and data kept in {work_dir}")


def _load() -> str:
    return " ".join(f"{value:.2f}" for value in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=20.0, help="per phase")
    parser.add_argument("--messages", type=int, default=20_000, help="per phase")
    parser.add_argument("--members", type=int, default=300)
    parser.add_argument("--safe", action="store_true", help="AES-encrypted messages (safe mode)")
    parser.add_argument("--workers", type=int, default=1, help="bot processes (timebank serve --workers N)")
    parser.add_argument("--postgres", help="postgresql+asyncpg://… (its public schema is dropped and recreated)")
    parser.add_argument("--redis", help="redis://… for the PostgreSQL run (that db is flushed)")
    parser.add_argument("--phases", default="floor,read,write,mixed", type=lambda text: text.split(","))
    parser.add_argument("--keep", action="store_true", help="keep the logs and data directory")
    parser.add_argument("--py-spy", metavar="PATH", help="profile the bot with this py-spy binary (bot.profile, raw)")
    parser.add_argument("--floor", type=int, metavar="PORT", help=argparse.SUPPRESS)  # run as the floor server
    parser.add_argument("--reuse-port", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.floor:
        asyncio.run(serve_floor(args.floor, AES_KEY if args.safe else "", args.reuse_port))
    else:
        asyncio.run(bench(args))


if __name__ == "__main__":
    main()
