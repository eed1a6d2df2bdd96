"""A broadcast's life in the database: confirmed, started, sent or failed, cancelled; its history.

Every staff action is audited in the same transaction as the change. State
changes are conditional updates, so two workers (or a worker and a staff
member cancelling) never both win.
"""

from __future__ import annotations

from datetime import datetime
from typing import Mapping

from sqlalchemy import insert, or_, select, update
from sqlalchemy.exc import IntegrityError

from storage import audit
from storage.broadcasts.recipients import freeze_in, record_mass_recipients_in
from storage.broadcasts.values import (CANCELLED, DONE, FAILED, FANOUT, SCHEDULED, SENDING, Broadcast,
                                       as_broadcast)
from storage.db import Sessions
from storage.members import Actor
from storage.publicity_tables import BroadcastRow

SYSTEM_ACTOR = audit.SYSTEM


def _staff(actor: Actor) -> str:
    return audit.member_actor(actor.member_id, is_staff=True)


async def create(sessions: Sessions, *, author: Actor, content: str, audience: str, channel: str,
                 request_key: str, now: datetime, scheduled_at: datetime | None = None,
                 story_id: int | None = None) -> Broadcast:
    """A confirmed broadcast, waiting for the worker. Once per `request_key` (the conversation that composed it)."""
    values = dict(request_key=request_key, author_id=author.member_id, content=content, audience=audience,
                  channel=channel, status=SCHEDULED, scheduled_at=scheduled_at, created_at=now, confirmed_at=now,
                  audience_size=0, sent=0, failed=0, skipped=0, version=0,
                  result={"story_id": story_id} if story_id else {})
    try:
        async with sessions.begin() as session:
            broadcast_id = (await session.execute(
                insert(BroadcastRow).values(**values).returning(BroadcastRow.id))).scalar_one()
            await session.execute(update(BroadcastRow).where(BroadcastRow.id == broadcast_id)
                                  .values(clientmsgid=f"broadcast-{broadcast_id}"))
            await audit.record(session, actor=_staff(author), action="broadcast_confirmed", at=now, detail={
                "broadcast_id": broadcast_id, "audience": audience, "channel": channel,
                "scheduled_at": scheduled_at, "story_id": story_id})
    except IntegrityError:  # the same confirmation again: the broadcast it made
        async with sessions() as session:
            row = (await session.execute(select(BroadcastRow).where(BroadcastRow.request_key == request_key))
                   ).scalar_one()
        return as_broadcast(row)
    return await get(sessions, broadcast_id)


async def record_preview(sessions: Sessions, author: Actor, audience: str, now: datetime) -> None:
    async with sessions.begin() as session:
        await audit.record(session, actor=_staff(author), action="broadcast_preview", at=now,
                           detail={"audience": audience})


async def get(sessions: Sessions, broadcast_id: int) -> Broadcast | None:
    async with sessions() as session:
        row = await session.get(BroadcastRow, broadcast_id)
    return None if row is None else as_broadcast(row)


async def history(sessions: Sessions, limit: int = 10) -> list[Broadcast]:
    """Newest first."""
    async with sessions() as session:
        rows = (await session.execute(select(BroadcastRow).order_by(BroadcastRow.id.desc()).limit(limit))).scalars()
        return [as_broadcast(row) for row in rows]


async def cancel(sessions: Sessions, broadcast_id: int, by: Actor, now: datetime) -> Broadcast | None:
    """Cancels a broadcast that has not started; None when there is no such broadcast. Audited."""
    async with sessions.begin() as session:
        changed = (await session.execute(
            update(BroadcastRow).where(BroadcastRow.id == broadcast_id, BroadcastRow.status == SCHEDULED)
            .values(status=CANCELLED, finished_at=now, version=BroadcastRow.version + 1))).rowcount
        if changed:
            await audit.record(session, actor=_staff(by), action="broadcast_cancelled", at=now,
                               detail={"broadcast_id": broadcast_id})
    return await get(sessions, broadcast_id)


async def start(sessions: Sessions, broadcast_id: int, now: datetime) -> Broadcast | None:
    """Scheduled → sending; a fan-out's recipients are frozen in the same transaction.

    A broadcast already sending is returned as it is (a worker resuming after
    another died); one cancelled, done or failed gives None: nothing to do.
    """
    async with sessions.begin() as session:
        changed = (await session.execute(
            update(BroadcastRow).where(BroadcastRow.id == broadcast_id, BroadcastRow.status == SCHEDULED)
            .values(status=SENDING, started_at=now, version=BroadcastRow.version + 1))).rowcount
        row = await session.get(BroadcastRow, broadcast_id)
        if row is None or row.status != SENDING:
            return None
        if changed and row.channel == FANOUT:
            row.audience_size, row.skipped = await freeze_in(session, row.id, row.audience, now)
    return await get(sessions, broadcast_id)


async def mass_accepted(sessions: Sessions, broadcast: Broadcast, msg_id: str | None, audience: list,
                        now: datetime) -> None:
    """WeChat took the mass send: the broadcast is done; its counts come later with MASSSENDJOBFINISH."""
    async with sessions.begin() as session:
        changed = (await session.execute(
            update(BroadcastRow).where(BroadcastRow.id == broadcast.id, BroadcastRow.status == SENDING)
            .values(status=DONE, finished_at=now, wechat_msg_id=msg_id, audience_size=len(audience),
                    version=BroadcastRow.version + 1))).rowcount
        if changed:
            await record_mass_recipients_in(session, broadcast.id, audience, now)


async def fail(sessions: Sessions, broadcast_id: int, reason: str, now: datetime) -> bool:
    """Sending stopped for good (no quota, a refused tag…); False if it had already ended."""
    async with sessions.begin() as session:
        row = await session.get(BroadcastRow, broadcast_id)
        if row is None or row.status not in (SCHEDULED, SENDING):
            return False
        row.status, row.finished_at, row.version = FAILED, now, row.version + 1
        row.result = {**(row.result or {}), "error": reason}
        await audit.record(session, actor=SYSTEM_ACTOR, action="broadcast_failed", at=now,
                           detail={"broadcast_id": broadcast_id, "reason": reason})
    return True


async def note_retry(sessions: Sessions, broadcast_id: int, errcode: int | str) -> None:
    """Counts WeChat's busy answers (45009, -1…) per broadcast, for its history."""
    async with sessions.begin() as session:
        row = await session.get(BroadcastRow, broadcast_id, with_for_update=True)
        retries = dict((row.result or {}).get("retries", {}))
        retries[str(errcode)] = retries.get(str(errcode), 0) + 1
        row.result = {**(row.result or {}), "retries": retries}


async def record_mass_result(sessions: Sessions, msg_id: str, report: Mapping, now: datetime) -> Broadcast | None:
    """MASSSENDJOBFINISH: WeChat's own counts for a mass send, found by its msg_id; None if not ours."""
    async with sessions.begin() as session:
        row = (await session.execute(select(BroadcastRow).where(BroadcastRow.wechat_msg_id == str(msg_id))
                                     .with_for_update())).scalar_one_or_none()
        if row is None:
            return None
        total, filtered = int(report.get("total", 0)), int(report.get("filter", 0))
        row.sent, row.failed, row.skipped = int(report.get("sent", 0)), int(report.get("error", 0)), total - filtered
        row.result = {**(row.result or {}), "finish": dict(report)}
        await audit.record(session, actor=SYSTEM_ACTOR, action="broadcast_finished", at=now,
                           detail={"broadcast_id": row.id, **report})
    return await get(sessions, row.id)


async def sending(sessions: Sessions) -> list[Broadcast]:
    """Broadcasts under way: what a worker that starts resumes."""
    async with sessions() as session:
        rows = (await session.execute(select(BroadcastRow).where(BroadcastRow.status == SENDING))).scalars()
        return [as_broadcast(row) for row in rows]


async def due(sessions: Sessions, now: datetime) -> list[Broadcast]:
    """Confirmed broadcasts whose time has come and that have not started."""
    async with sessions() as session:
        rows = (await session.execute(select(BroadcastRow).where(
            BroadcastRow.status == SCHEDULED,
            or_(BroadcastRow.scheduled_at.is_(None), BroadcastRow.scheduled_at <= now)))).scalars()
        return [as_broadcast(row) for row in rows]
