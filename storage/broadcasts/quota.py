"""How much of WeChat's mass-send quota is left, counted from our own record of mass sends.

A subscription account: sends per local day, for the whole account. A
service account: sends per local month, for each follower; what is left for
an audience is what is left for its most-served member.
"""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from storage.broadcasts.values import DONE, MASS, SENDING, BroadcastRules
from storage.db import Sessions
from storage.publicity_tables import SENT, BroadcastRecipientRow, BroadcastRow

LOCAL_TIME = ZoneInfo("Asia/Shanghai")  # WeChat's day and month


def period_start(period: str, now: datetime) -> datetime:
    local = now.astimezone(LOCAL_TIME).replace(hour=0, minute=0, second=0, microsecond=0)
    return local.replace(day=1) if period == "month" else local


async def mass_quota_left(sessions: Sessions, rules: BroadcastRules, member_ids: list[int], now: datetime) -> int:
    period, allowed = rules.quota
    since = period_start(period, now)
    counted = (BroadcastRow.channel == MASS, BroadcastRow.status.in_((SENDING, DONE)), BroadcastRow.started_at >= since)
    async with sessions() as session:
        if period == "day":
            used = (await session.execute(select(func.count()).select_from(BroadcastRow).where(*counted))).scalar()
        else:
            per_member = (select(func.count().label("sends")).select_from(BroadcastRecipientRow)
                          .join(BroadcastRow, BroadcastRow.id == BroadcastRecipientRow.broadcast_id)
                          .where(*counted, BroadcastRecipientRow.status == SENT,
                                 BroadcastRecipientRow.member_id.in_(member_ids or [-1]))
                          .group_by(BroadcastRecipientRow.member_id).subquery())
            used = (await session.execute(select(func.max(per_member.c.sends)))).scalar() or 0
    return max(allowed - used, 0)
