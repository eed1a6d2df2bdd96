"""The audit entry of a staff act that storage does not log by itself (a ledger correction made in chat).

The ledger keeps its own append-only record of who moved what and why; this
adds the act to the audit log staff read, once per act: the entry is named by
the act's idempotency key, so a confirmation said twice, or retried after a
failure between the ledger and the log, still leaves exactly one entry.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import datetime

from sqlalchemy import select

from storage import audit
from storage.db import Sessions

KEY_FIELD = "key"


async def record_once(sessions: Sessions, *, key: str, actor: str, action: str, subject_id: int | None,
                      detail: Mapping, reason: str, now: datetime) -> bool:
    """Append the entry unless one for this action and key exists; True if appended now."""
    marker = json.dumps({KEY_FIELD: key}, ensure_ascii=False)[1:-1]  # '"key": "…"', as audit.record writes it
    async with sessions.begin() as session:
        seen = (await session.execute(select(audit.AuditRow.id).where(
            audit.AuditRow.action == action, audit.AuditRow.detail.contains(marker, autoescape=True)).limit(1))).scalar()
        if seen is not None:
            return False
        await audit.record(session, actor=actor, action=action, subject_id=subject_id,
                           detail={**detail, KEY_FIELD: key}, reason=reason, at=now)
    return True
