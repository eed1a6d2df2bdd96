"""A local spool of SOS alerts, so a cry for help outlives the process that heard it.

The webhook answers an SOS at once, with nothing but the text table; the
alert (database row, then pushes through the outbox) follows as a task. The
spool file is written before the reply and removed only once every push is
queued in the outbox, which survives a crash by itself. Anything left over,
by a killed process or a database that was down, is replayed at start-up and
every few seconds after. A file is locked (flock) while its alert is being
raised, so another process of the group never raises it twice, and a lock
dies with its process.

A file holds the sender, the moment, and once raised the alert's id: a
replay of an alert already in the database only re-queues its pushes, which
the outbox ignores when they are already there.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Iterator

log = logging.getLogger("timebank.sos")

SUFFIX = ".sos"
SOS_SPOOL_DIR = "sos-spool"  # under [data] dir


@dataclass
class SpoolEntry:
    path: Path
    openid: str
    received_at: datetime
    alert_id: int | None
    _fd: int
    replayed: bool = False  # taken from the spool, not written just now

    def raised(self, alert_id: int) -> None:
        """Remember the alert's id, so a replay does not count the same cry as a repeat."""
        self.alert_id = alert_id
        try:
            _write(self._fd, self._record())
        except OSError:  # the pushes go on; a replay would only count one repeat too many
            log.exception("could not note alert #%d in the SOS spool", alert_id)

    def done(self) -> None:
        """Every push is queued: the outbox has it from here."""
        self.path.unlink(missing_ok=True)
        self.release()

    def release(self) -> None:
        """Not done: leave the file for the next replay."""
        if self._fd >= 0:
            os.close(self._fd)
            self._fd = -1

    def _record(self) -> dict:
        return {"openid": self.openid, "received_at": self.received_at.isoformat(), "alert_id": self.alert_id}


class SosSpool:
    def __init__(self, directory: Path):
        self.directory = Path(directory)

    def record(self, openid: str, received_at: datetime) -> SpoolEntry | None:
        """Written and flushed to disk before the reply; None (and a log line) when the disk refuses."""
        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            name = uuid.uuid4().hex
            path, writing = self.directory / f"{name}{SUFFIX}", self.directory / f"{name}.writing"
            # Written and locked under a name no replayer looks for, then renamed (the lock stays with the file):
            # a replayer in another process never finds it empty and unlocked in between.
            fd = os.open(writing, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o600)
            fcntl.flock(fd, fcntl.LOCK_EX)
            entry = SpoolEntry(path, openid, received_at, None, fd)
            _write(fd, entry._record())
            os.rename(writing, path)
            _sync_directory(self.directory)  # the rename itself survives a power cut
            return entry
        except OSError:
            log.exception("SOS could not be written to the spool; it is alerted from memory only")
            return None

    def leftovers(self) -> Iterator[SpoolEntry]:
        """Spooled alerts no live process is working on, each locked for the caller."""
        if not self.directory.is_dir():
            return
        for path in sorted(self.directory.glob(f"*{SUFFIX}")):
            entry = _take(path)
            if entry is not None:
                yield entry


def _take(path: Path) -> SpoolEntry | None:
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:  # finished by its process just now
        return None
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        os.close(fd)
        return None
    try:
        record = json.loads(os.pread(fd, 4096, 0) or b"null")
        entry = SpoolEntry(path, record["openid"], datetime.fromisoformat(record["received_at"]),
                           record.get("alert_id"), fd, replayed=True)
    except (ValueError, TypeError, KeyError):
        # Empty: the process died between creating and writing it, before any reply went out.
        os.close(fd)
        if not path.exists() or path.stat().st_size == 0:
            path.unlink(missing_ok=True)
        else:
            log.error("unreadable SOS spool file %s left for an operator", path.name)
        return None
    if not path.exists():  # finished between our open and our lock
        entry.release()
        return None
    return entry


def _write(fd: int, record: dict) -> None:
    data = json.dumps(record).encode("utf-8")
    os.ftruncate(fd, 0)
    os.pwrite(fd, data, 0)
    os.fsync(fd)


def _sync_directory(directory: Path) -> None:
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
