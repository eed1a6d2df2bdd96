"""Idempotency keys: the same key twice gives the first result; another request under it is an error.

The request is stored as canonical JSON of the fields that decide what moves
(accounts, amount, kind, task, actor, target). Free text (reason) and the
time-dependent hold deadline are left out, so a retry that rebuilt them a
moment later still counts as the same request.
"""

from __future__ import annotations

import dataclasses
import json
import typing
from datetime import datetime
from typing import TypeVar

from sqlalchemy import insert, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.ledger.errors import IdempotencyKeyReused, InvalidRequest
from storage.ledger.models import KEY_LENGTH, IdempotencyKeyRow

R = TypeVar("R")


def check_key(key: str) -> None:
    if not key or len(key) > KEY_LENGTH:
        raise InvalidRequest(f"an idempotency key must be 1 to {KEY_LENGTH} characters, got {key!r}")


def describe(operation: str, **fields) -> str:
    return json.dumps({"operation": operation, **fields}, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


async def replay(session: AsyncSession, key: str, request: str, result_type: type[R]) -> R | None:
    """The first result given under this key, or None when the key is new."""
    row = (await session.execute(select(IdempotencyKeyRow).where(IdempotencyKeyRow.key == key))).scalar_one_or_none()
    if row is None:
        return None
    if row.request != request:
        raise IdempotencyKeyReused(key, row.request, request)
    return dataclasses.replace(_decode(result_type, row.result), replayed=True)


async def remember(session: AsyncSession, key: str, operation: str, request: str, result, now: datetime) -> None:
    # A concurrent first use of the key fails here on the primary key; the retry then replays theirs.
    await session.execute(insert(IdempotencyKeyRow).values(
        key=key, operation=operation, request=request, result=_encode(result), created_at=now))


def _encode(result) -> str:
    return json.dumps(dataclasses.asdict(result), default=datetime.isoformat, sort_keys=True)


def _decode(result_type: type[R], text: str) -> R:
    data = json.loads(text)
    hints = typing.get_type_hints(result_type)
    for name, hint in hints.items():
        if hint is datetime and data.get(name) is not None:
            data[name] = datetime.fromisoformat(data[name])
    return result_type(**data)
