"""The staff web console's doors: one-time login links and server-side sessions, in Redis.

A link token and a session id are random secrets handed to one person; Redis
keeps only their SHA-256, so whoever reads Redis cannot log in with what is
there. A link is taken with GETDEL, so two clicks (or a chat app's link
preview and a person) never both get a session. Expiry is checked against
the caller's `now` as well as left to Redis's TTL, so tests control the clock.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from redis.asyncio import Redis

from storage import audit
from storage.db import Sessions

LINK_PREFIX, SESSION_PREFIX = "console:link:", "console:session:"
DEFAULT_LINK_TTL = timedelta(minutes=5)
DEFAULT_SESSION_TTL = timedelta(hours=8)
# Redis forgets a little after the deadline we check ourselves, never before it.
REDIS_SLACK_S = 60


@dataclass(frozen=True)
class LoginLink:
    token: str  # goes into the URL, and nowhere else
    member_id: int
    expires_at: datetime


@dataclass(frozen=True)
class ConsoleSession:
    session_id: str  # goes into the cookie, and nowhere else
    member_id: int
    csrf_token: str
    expires_at: datetime


def _digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def _ttl_s(expires_at: datetime, now: datetime) -> int:
    return max(1, int((expires_at - now).total_seconds())) + REDIS_SLACK_S


async def create_login_link(redis: Redis, member_id: int, *, now: datetime,
                            ttl: timedelta = DEFAULT_LINK_TTL) -> LoginLink:
    """A one-time link for a staff member; the caller has checked that they are staff."""
    token, expires_at = secrets.token_urlsafe(32), now + ttl
    value = json.dumps({"member_id": member_id, "expires_at": expires_at.isoformat()})
    await redis.set(LINK_PREFIX + _digest(token), value, ex=_ttl_s(expires_at, now))
    return LoginLink(token, member_id, expires_at)


async def consume_login_link(redis: Redis, token: str, *, now: datetime) -> int | None:
    """The member the link was made for, once; None if unknown, used already or expired."""
    if not token or len(token) > 100:
        return None
    raw = await redis.getdel(LINK_PREFIX + _digest(token))
    if raw is None:
        return None
    value = json.loads(raw)
    return value["member_id"] if now < datetime.fromisoformat(value["expires_at"]) else None


async def start_session(redis: Redis, member_id: int, *, now: datetime,
                        ttl: timedelta = DEFAULT_SESSION_TTL) -> ConsoleSession:
    session = ConsoleSession(secrets.token_urlsafe(32), member_id, secrets.token_urlsafe(32), now + ttl)
    value = json.dumps({"member_id": member_id, "csrf": session.csrf_token,
                        "expires_at": session.expires_at.isoformat()})
    await redis.set(SESSION_PREFIX + _digest(session.session_id), value, ex=_ttl_s(session.expires_at, now))
    return session


async def find_session(redis: Redis, session_id: str | None, *, now: datetime) -> ConsoleSession | None:
    if not session_id or len(session_id) > 100:
        return None
    raw = await redis.get(SESSION_PREFIX + _digest(session_id))
    if raw is None:
        return None
    value = json.loads(raw)
    expires_at = datetime.fromisoformat(value["expires_at"])
    if now >= expires_at:
        return None
    return ConsoleSession(session_id, value["member_id"], value["csrf"], expires_at)


async def end_session(redis: Redis, session_id: str) -> None:
    await redis.delete(SESSION_PREFIX + _digest(session_id))


async def record(sessions: Sessions, *, actor: str, action: str, subject_id: int | None = None,
                 detail: Mapping | None = None, reason: str | None = None, now: datetime | None = None) -> None:
    """An audit entry for a console act that no storage function already logs (logins, searches, exports)."""
    async with sessions.begin() as session:
        await audit.record(session, actor=actor, action=action, subject_id=subject_id, detail=detail, reason=reason,
                           at=now)
