"""`timebank serve --workers N`: N server processes on one port, and what they must share.

Python runs one event loop on one core; several processes use several. Each
child is an ordinary `timebank serve` bound with SO_REUSEPORT (the kernel
spreads new connections among them). Per-member locks, de-duplication and
dialogue state are in Redis and everything else in the database, so any child
can take any message.
"""

from __future__ import annotations

import asyncio
import logging
import os
import signal
import subprocess
import sys
from contextlib import asynccontextmanager
from typing import AsyncIterator

from bot.config import Config
from bot.embedded_redis import EmbeddedRedis

log = logging.getLogger("timebank.workers")

RESTART_PAUSE_S = 1.0
STOP_TIMEOUT_S = 20.0


class WorkerGroup:
    def __init__(self, config: Config, config_path: str | None, host: str, port: int, count: int, *,
                 run_jobs: bool):
        self._config = config
        self._command = [sys.executable, "-m", "bot.cli", "serve", "--in-group", "--host", host, "--port", str(port),
                         *(["--config", config_path] if config_path else []), *([] if run_jobs else ["--no-jobs"])]
        self._count = count
        self._environment = dict(os.environ)
        self._children: list[subprocess.Popen] = []

    @asynccontextmanager
    async def shared_stores(self) -> AsyncIterator[None]:
        """The embedded database migrated once, the embedded Redis started once: not by N racing children."""
        from bot.keys import development_keyring
        from storage import migrate

        if self._config.uses_default_database:
            await migrate.upgrade(self._config.database_url,
                                  keyring=self._config.privacy or development_keyring(self._config.data_dir))
        if not self._config.uses_embedded_redis:
            yield
            return
        server = await asyncio.to_thread(EmbeddedRedis(self._config.data_dir / "redis").start)
        self._environment["TIMEBANK_REDIS_URL"] = server.url
        try:
            yield
        finally:
            await asyncio.to_thread(server.stop)

    async def start(self) -> None:
        self._children = [self._spawn() for _ in range(self._count)]

    def _spawn(self) -> subprocess.Popen:
        # Their own session: a Ctrl-C reaches only the parent, which stops them in order, never a
        # child the parent would then take for dead and start again.
        return subprocess.Popen(self._command, env=self._environment, start_new_session=True)

    async def supervise(self, stopped: asyncio.Task) -> None:
        """Until `stopped` finishes: start again any child that died; then stop them all."""
        try:
            while not stopped.done():
                for number, child in enumerate(self._children):
                    if child.poll() is not None:
                        log.warning("server process %d exited with %s; starting another", child.pid, child.returncode)
                        self._children[number] = self._spawn()
                await asyncio.wait({stopped}, timeout=RESTART_PAUSE_S)
        finally:
            await asyncio.to_thread(self._stop_children)

    def _stop_children(self) -> None:
        for child in self._children:
            if child.poll() is None:
                child.send_signal(signal.SIGTERM)
        for child in self._children:
            try:
                child.wait(timeout=STOP_TIMEOUT_S)
            except subprocess.TimeoutExpired:
                child.kill()
                child.wait()
