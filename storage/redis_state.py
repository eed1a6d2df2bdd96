"""Short-lived shared state in Redis: message de-duplication, per-member locks, dialogue state."""

from __future__ import annotations

import asyncio
import json
import time
from contextlib import asynccontextmanager
from typing import AsyncIterator

from redis.asyncio import Redis
from redis.exceptions import LockError, RedisError

from storage.privacy import KeyRing, UndecryptableValue, decrypt, encrypt

IN_PROGRESS = "\x00in-progress"


def dedupe_key(message_key: str) -> str:
    return f"dedupe:{message_key}"


class Deduplicator:
    """Remembers each inbound message and the reply it got.

    WeChat resends a message it got no answer to within 5 s, up to three
    times. The first delivery claims the key (storage/arrival.py); a resend
    waits for the first one's reply instead of running the handler again.
    """

    def __init__(self, redis: Redis, keyring: KeyRing, *, reply_ttl_s: int = 300, poll_s: float = 0.05):
        self._redis = redis
        self._keyring = keyring  # replies can carry a member's own details: sealed like the database
        self._reply_ttl_s = reply_ttl_s
        self._poll_s = poll_s

    async def remember(self, message_key: str, reply: str) -> None:
        sealed = encrypt(self._keyring, reply, dedupe_key(message_key))
        await self._redis.set(dedupe_key(message_key), sealed, ex=self._reply_ttl_s)

    async def wait_for_reply(self, message_key: str, timeout_s: float) -> str | None:
        """The first delivery's reply, or None if it is not ready in time."""
        deadline = time.monotonic() + timeout_s
        while True:
            value = await self._redis.get(dedupe_key(message_key))
            if value is not None and value != IN_PROGRESS:
                try:
                    return decrypt(self._keyring, value, dedupe_key(message_key))
                except UndecryptableValue:
                    return None  # sealed under a key this process no longer has: answer `success`
            if time.monotonic() >= deadline:
                return None
            await asyncio.sleep(self._poll_s)


class MemberBusy(Exception):
    """Another message from the same member held the lock for too long."""


MEMBER_LOCK_HOLD_S = 10


def member_lock_key(openid: str) -> str:
    return f"lock:member:{openid}"


@asynccontextmanager
async def member_lock(redis: Redis, openid: str, *, hold_s: float = MEMBER_LOCK_HOLD_S, wait_s: float = 10,
                      taken_with: str | None = None) -> AsyncIterator[None]:
    """Serialize one member's messages across processes, so their dialogue state never races.

    The lease is short and renewed while the turn runs: a process killed mid-turn frees the
    member within `hold_s`, yet a slow turn keeps its lock as long as it needs. `taken_with`: the
    token the lease was already taken with (storage/arrival.py takes it with the message's claim).
    """
    lock = redis.lock(member_lock_key(openid), timeout=hold_s, blocking_timeout=wait_s, sleep=0.02)
    if taken_with is not None:
        lock.local.token = redis.connection_pool.get_encoder().encode(taken_with)
    elif not await lock.acquire():
        raise MemberBusy(openid)
    keeper = asyncio.create_task(_keep_leased(lock, hold_s / 3))
    try:
        yield
    finally:
        keeper.cancel()
        try:
            await lock.release()
        except (LockError, RedisError):
            # Expired while we worked, or Redis is gone: either way the lease ends by itself,
            # and the member's finished turn must not be reported as a failure.
            pass


async def _keep_leased(lock, every_s: float) -> None:
    while True:
        await asyncio.sleep(every_s)
        try:
            await lock.reacquire()
        except (LockError, RedisError):
            return  # lost: the turn finishes anyway, and its work is idempotent or guarded in SQL


class DialogueStore:
    """Each member's place in a conversation, forgotten after a quiet spell (TTL)."""

    def __init__(self, redis: Redis, keyring: KeyRing, *, ttl_s: int = 600):
        self._redis = redis
        self._keyring = keyring  # half-filled forms hold names and phone numbers: sealed like the database
        self._ttl_s = ttl_s

    @staticmethod
    def _key(openid: str) -> str:
        return f"dialogue:{openid}"

    async def load(self, openid: str) -> dict | None:
        return await self._get(self._key(openid))

    async def save(self, openid: str, state: dict) -> None:
        await self._set(self._key(openid), state, self._ttl_s)

    async def forget(self, openid: str) -> None:
        await self._redis.delete(self._key(openid))

    async def note(self, openid: str, name: str, value, ttl_s: int) -> None:
        """A small fact to remember between turns outside any flow, e.g. where a statement page ended."""
        await self._set(f"memo:{openid}:{name}", value, ttl_s)

    async def recall(self, openid: str, name: str):
        return await self._get(f"memo:{openid}:{name}")

    async def take(self, openid: str, name: str):
        """Recall and forget in one step: of two turns settling the same fact, only one gets it."""
        key = f"memo:{openid}:{name}"
        return self._opened(key, await self._redis.getdel(key))

    async def _set(self, key: str, value, ttl_s: int) -> None:
        sealed = encrypt(self._keyring, json.dumps(value, ensure_ascii=False), key)
        await self._redis.set(key, sealed, ex=ttl_s)

    async def _get(self, key: str):
        return self._opened(key, await self._redis.get(key))

    def _opened(self, key: str, sealed):
        if not sealed:
            return None
        try:
            return json.loads(decrypt(self._keyring, sealed, key))
        except (UndecryptableValue, ValueError):
            return None  # sealed under a key since retired, or not ours: start afresh
