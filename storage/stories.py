"""Success stories staff write, for the knowledge base and for publicity broadcasts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import insert, select, update

from storage import audit
from storage.base import utcnow
from storage.db import Sessions
from storage.members import Actor
from storage.publicity_tables import SuccessStoryRow

MAX_TITLE, MAX_BODY = 64, 1000


@dataclass(frozen=True)
class Story:
    id: int
    title: str
    body: str
    author_id: int
    created_at: datetime
    broadcast_id: int | None


async def add_story(sessions: Sessions, author: Actor, title: str, body: str) -> Story:
    """Staff only (checked by the caller's handler); audited. Titles and bodies are trimmed to their limits."""
    title, body = title.strip()[:MAX_TITLE], body.strip()[:MAX_BODY]
    if not title or not body:
        raise ValueError("a story needs a title and a body")
    now = utcnow()
    async with sessions.begin() as session:
        story_id = (await session.execute(insert(SuccessStoryRow).values(
            title=title, body=body, author_id=author.member_id, created_at=now,
        ).returning(SuccessStoryRow.id))).scalar_one()
        await audit.record(session, actor=f"staff:{author.member_id}", action="add_story",
                           detail={"story_id": story_id, "title": title}, at=now)
    return Story(story_id, title, body, author.member_id, now, None)


async def story(sessions: Sessions, story_id: int) -> Story | None:
    async with sessions() as session:
        row = await session.get(SuccessStoryRow, story_id)
    return None if row is None else _story(row)


async def stories(sessions: Sessions, limit: int = 10) -> list[Story]:
    """Newest first."""
    async with sessions() as session:
        rows = (await session.execute(
            select(SuccessStoryRow).order_by(SuccessStoryRow.id.desc()).limit(limit))).scalars().all()
    return [_story(row) for row in rows]


async def mark_pushed(sessions: Sessions, story_id: int, broadcast_id: int) -> None:
    async with sessions.begin() as session:
        await session.execute(update(SuccessStoryRow).where(SuccessStoryRow.id == story_id)
                              .values(broadcast_id=broadcast_id))


def _story(row: SuccessStoryRow) -> Story:
    return Story(row.id, row.title, row.body, row.author_id, row.created_at, row.broadcast_id)
