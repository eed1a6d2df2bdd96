"""Real processes for the fault-injection stories: the bot as `timebank serve`, a Redis we can stop, a database
connection we can cut.

The bot runs as a child process started from the test's config file (the `bot_config` fixture's, on the test
database and Redis), so a SIGKILL, a stopped Redis or a lost database hit it exactly as they would in production.
The test talks to it over loopback as WeChat does; the sandbox and the in-process `runtime` (for seeding and for
reading what happened) live in the test.
"""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import aiohttp
import pytest
import redis
import redis.asyncio as aioredis

from bot.embedded_redis import redis_server_binary
from bot.simulator import SandboxInbox, SimulatedWeChat, Speaker
from storage.clock import CLOCK

START_TIMEOUT_S = 30


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class BotProcess:
    """`timebank serve` (or `--workers N`) in a child process, stopped by its pid."""

    def __init__(self, config_path: Path, log_path: Path, *, environment: dict[str, str] | None = None,
                 workers: int = 1, jobs: bool = False):
        self.config_path, self.log_path = config_path, log_path
        self.jobs = jobs
        self.environment = {**os.environ, **(environment or {})}
        self.workers = workers
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def start(self) -> "BotProcess":
        log = open(self.log_path, "ab")
        command = [sys.executable, "-m", "bot.cli", "serve", "--config", str(self.config_path),
                   "--port", str(self.port), *([] if self.jobs else ["--no-jobs"]), *(["--workers", str(self.workers)] if self.workers > 1 else [])]
        self.process = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, cwd=self.config_path.parent,
                                        env=self.environment)
        await self._wait_until_listening()
        return self

    async def _wait_until_listening(self) -> None:
        deadline = asyncio.get_running_loop().time() + START_TIMEOUT_S
        async with aiohttp.ClientSession() as http:
            while asyncio.get_running_loop().time() < deadline:
                assert self.process.poll() is None, f"the bot exited at start:\n{self.log()}"
                try:
                    async with http.get(f"{self.url}/healthz") as response:
                        if response.status in (200, 503):  # 503: up, with a store down on purpose
                            if self.workers > 1:
                                await asyncio.sleep(1.0)  # the other children bind a moment later
                            return
                except aiohttp.ClientError:
                    pass
                await asyncio.sleep(0.1)
        raise AssertionError(f"the bot did not start in {START_TIMEOUT_S} s:\n{self.log()}")

    def kill(self) -> None:
        """SIGKILL: no shutdown handler runs, nothing is flushed, in-flight transactions die with the process."""
        self.process.send_signal(signal.SIGKILL)
        self.process.wait()

    async def stop(self) -> None:
        if self.process is not None and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                await asyncio.to_thread(self.process.wait, 30)
            except subprocess.TimeoutExpired:
                self.kill()

    @property
    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def log(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")

    def resident_kib(self) -> int:
        for line in Path(f"/proc/{self.process.pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
        raise AssertionError("no VmRSS")


@pytest.fixture(autouse=True)
def business_clock():
    """The bots here are other processes, on the real clock: the stories that talk to them keep it too."""
    CLOCK.reset()
    yield CLOCK


@pytest.fixture
async def start_bot(bot_config, tmp_path):
    """start_bot(environment=..., workers=N, jobs=True) → a running BotProcess on the test's config, stopped
    afterwards. Without `jobs`, no job worker runs in it (the stories here do not wait for the clock)."""
    started: list[BotProcess] = []

    async def start(*, environment: dict[str, str] | None = None, workers: int = 1, jobs: bool = False) -> BotProcess:
        bot = BotProcess(tmp_path / "config.toml", tmp_path / f"bot{len(started)}.log", environment=environment,
                         workers=workers, jobs=jobs)
        started.append(bot)
        return await bot.start()

    yield start
    for bot in started:
        await bot.stop()


class WeChatTo:
    """WeChat posting to a bot process: one member's message, and the same message delivered again.

    `says` is tests/conftest.py's member: the passive reply, or the push a reply that missed the deadline
    became (the bot process pushes through the test's sandbox). Stories about the deadline itself read
    `wechat.post(...)` and its `success` directly."""

    def __init__(self, http: aiohttp.ClientSession, bot: BotProcess, bot_config):
        self.bot = bot
        self.wechat = SimulatedWeChat(http, f"{bot.url}{bot_config.server.path}", bot_config.wechat)
        self.inbox = SandboxInbox(http, bot_config.wechat.api_base_url)

    async def says(self, openid: str, text: str, at=None) -> str:
        """`at`: the time WeChat stamps on the message (a story on the day of a service); else now."""
        return await Speaker(self.wechat, self.inbox, openid).says(text, at)


@pytest.fixture
async def http():
    # A fresh connection per request: with --workers the kernel then spreads deliveries across the processes.
    async with aiohttp.ClientSession(connector=aiohttp.TCPConnector(force_close=True)) as session:
        yield session


class OwnRedis:
    """A redis-server on a free TCP port, persisting every write, that a test can stop and start again."""

    def __init__(self, directory: Path):
        self.directory = directory
        self.port = free_port()
        self.process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self) -> "OwnRedis":
        self.directory.mkdir(parents=True, exist_ok=True)
        self.process = subprocess.Popen(
            [redis_server_binary(), "--port", str(self.port), "--bind", "127.0.0.1", "--dir", str(self.directory),
             "--appendonly", "yes", "--appendfsync", "always", "--save", ""],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        client = redis.Redis(port=self.port, socket_timeout=1)
        for _ in range(200):
            try:
                if client.ping():
                    return self
            except (redis.ConnectionError, redis.BusyLoadingError):
                pass
            time.sleep(0.02)
        raise AssertionError("redis-server did not start")

    def stop(self) -> None:
        if self.process is None or self.process.poll() is not None:
            return
        self.process.send_signal(signal.SIGTERM)  # redis saves (AOF is already on disk) and exits
        self.process.wait(timeout=10)

    def client(self) -> aioredis.Redis:
        return aioredis.from_url(self.url, decode_responses=True)


@pytest.fixture
def own_redis(tmp_path):
    server = OwnRedis(tmp_path / "own-redis").start()
    yield server
    server.stop()


async def ledger_verify_cli(config_path: Path) -> tuple[int, str]:
    """`timebank ledger verify`, as an operator runs it after an incident."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "ledger", "verify", "--config", str(config_path),
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    output, _ = await process.communicate()
    return process.returncode, output.decode()


@pytest.fixture
def community(runtime):
    from tests.service_requests.conftest import Community

    return Community(runtime)


class CuttableProxy:
    """A TCP relay to the database that the test can cut (every connection dropped, new ones refused) and mend."""

    def __init__(self, target_host: str, target_port: int):
        self.target = (target_host, target_port)
        self.port = free_port()
        self._server: asyncio.AbstractServer | None = None
        self._links: set[asyncio.StreamWriter] = set()

    async def start(self) -> "CuttableProxy":
        self._server = await asyncio.start_server(self._relay, "127.0.0.1", self.port)
        return self

    async def _relay(self, client_reader, client_writer) -> None:
        try:
            server_reader, server_writer = await asyncio.open_connection(*self.target)
        except OSError:
            client_writer.close()
            return
        self._links |= {client_writer, server_writer}
        await asyncio.gather(_copy(client_reader, server_writer), _copy(server_reader, client_writer))

    async def cut(self) -> None:
        self._server.close()
        for writer in self._links:
            writer.transport.abort()
        self._links.clear()
        await self._server.wait_closed()

    async def mend(self) -> None:
        await self.start()


async def _copy(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    try:
        while data := await reader.read(65536):
            writer.write(data)
            await writer.drain()
    except (ConnectionError, OSError):
        pass
    finally:
        writer.transport.abort()


@pytest.fixture
async def fuzzed_bot(start_bot, http, bot_config):
    """One bot process for all of a property test's examples."""
    bot = await start_bot()
    return bot, WeChatTo(http, bot, bot_config)
