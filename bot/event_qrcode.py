"""The job behind `签到码 N`: a temporary QR code for the event's venue, from WeChat, sent to the staff who asked.

Its scene is `event:<id>`: a scan by a follower (SCAN) or a follow through it takes attendance
(handlers/events.py). A temporary code lasts at most 30 days; this one lasts until attendance closes.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from wechatpy.exceptions import WeChatClientException

from handlers.event_desk import qr_url
from storage import events, outbox
from storage.base import utcnow
from storage.events.values import ATTENDANCE_CLOSES

log = logging.getLogger("timebank.events")

LONGEST = timedelta(days=30)  # WeChat's limit for a temporary code
SHORTEST = timedelta(minutes=10)


async def event_qrcode(job: dict, event_id: int, openid: str) -> str | None:
    runtime, ctx = job["runtime"], job["handlers"]
    event = await events.event(runtime.sessions, event_id)
    if event is None:
        return None
    lasts = min(LONGEST, max(SHORTEST, event.starts_at + ATTENDANCE_CLOSES - utcnow()))
    try:
        ticket = await runtime.wechat.create_temporary_qrcode(f"event:{event.id}", int(lasts.total_seconds()))
    except WeChatClientException as error:
        log.warning("event %s: WeChat refused a QR code (errcode %s)", event.id, error.errcode)
        return None
    await events.set_qr_ticket(runtime.sessions, event.id, ticket)
    await outbox.notify(runtime.sessions, runtime.keyring, openid, kind="event_qrcode",
                        body=ctx.text("event_qr_ready", id=str(event.id), title=event.title, url=qr_url(ticket)),
                        dedupe_key=f"event_qrcode:{event.id}:{ticket[:40]}")
    return ticket
