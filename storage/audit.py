"""The audit log: who did what to whose data, when, and why.

Append-only: rows are only inserted, and the migration adds database
triggers that refuse UPDATE and DELETE, so not even a bug can rewrite the
record. An entry is written with `record` inside the transaction of the
action it records, so an action and its entry commit or vanish together.

Entries never hold plaintext personal data: `detail` names fields and ids,
never their values. The reader of the log is staff, and the log outlives
erasure.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType

from sqlalchemy import Index, Integer, String, Text, insert, select
from sqlalchemy.ext.asyncio import AsyncSession
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, UTCDateTime, utcnow
from storage.db import Sessions
from storage.sealed_text import SealedText


SYSTEM = "system"
ACTOR_LENGTH = 100
REASON_LENGTH = 500
DEFAULT_LIMIT = 50


class AuditRow(Base):
    __tablename__ = "audit_log"
    __table_args__ = (
        # One member's history, newest first, is the usual question.
        Index("ix_audit_log_subject_id_id", "subject_id", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    at: Mapped[datetime] = mapped_column(UTCDateTime())
    # "member:<id>", "staff:<id>" or "system": the role at the time, which a later promotion does not rewrite.
    actor: Mapped[str] = mapped_column(String(ACTOR_LENGTH))
    action: Mapped[str] = mapped_column(String(32), index=True)
    # No foreign key: the log must accept an entry about any subject, and is read without joins.
    subject_id: Mapped[int | None] = mapped_column(Integer)
    detail: Mapped[str] = mapped_column(Text)
    reason: Mapped[str | None] = mapped_column(SealedText("audit_log.reason"))  # staff quote members


@dataclass(frozen=True)
class AuditEntry:
    id: int
    at: datetime
    actor: str
    action: str
    subject_id: int | None
    detail: Mapping
    reason: str | None


def member_actor(member_id: int, is_staff: bool = False) -> str:
    return f"{'staff' if is_staff else 'member'}:{member_id}"


async def record(session: AsyncSession, *, actor: str, action: str, subject_id: int | None = None,
                 detail: Mapping | None = None, reason: str | None = None, at: datetime | None = None) -> None:
    """Append one entry in the caller's transaction; it commits or rolls back with the action."""
    await session.execute(insert(AuditRow).values(
        at=at or utcnow(), actor=actor[:ACTOR_LENGTH], action=action, subject_id=subject_id,
        detail=json.dumps(dict(detail or {}), ensure_ascii=False, sort_keys=True, default=str),
        reason=None if reason is None else reason[:REASON_LENGTH]))


async def entries(sessions: Sessions, subject: int | None = None, limit: int = DEFAULT_LIMIT,
                  action: str | None = None, since: datetime | None = None) -> list[AuditEntry]:
    """Newest first; all subjects unless one is named; only from `since` if given."""
    query = select(AuditRow).order_by(AuditRow.id.desc()).limit(limit)
    if since is not None:
        query = query.where(AuditRow.at >= since)
    if subject is not None:
        query = query.where(AuditRow.subject_id == subject)
    if action is not None:
        query = query.where(AuditRow.action == action)
    async with sessions() as session:
        rows = (await session.execute(query)).scalars().all()
    return [_entry(row) for row in rows]


def _entry(row: AuditRow) -> AuditEntry:
    return AuditEntry(row.id, row.at, row.actor, row.action, row.subject_id,
                      MappingProxyType(json.loads(row.detail)), row.reason)
