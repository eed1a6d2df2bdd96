"""Turns a WeChat message (plaintext XML) into the handlers' Incoming, and names it for de-duplication."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from wechatpy import parse_message
from wechatpy.messages import BaseMessage

from bot.envelope import Rejected
from handlers.types import Incoming, Kind, Location
from storage.clock import CLOCK

# wechatpy's message type (for events: event type) → what it means to the bot.
MESSAGE_KINDS = {
    "text": Kind.TEXT,
    "voice": Kind.VOICE,
    "location": Kind.LOCATION,
    "image": Kind.MEDIA,
    "video": Kind.MEDIA,
    "shortvideo": Kind.MEDIA,
    "link": Kind.MEDIA,
    "file": Kind.MEDIA,
    "miniprogrampage": Kind.MEDIA,
}
EVENT_KINDS = {
    "subscribe": Kind.FOLLOW,
    "subscribe_scan": Kind.FOLLOW,
    "scan": Kind.SCAN,
    "unsubscribe": Kind.UNFOLLOW,
    "click": Kind.MENU_CLICK,
    "masssendjobfinish": Kind.MASS_SEND_FINISHED,
}


@dataclass(frozen=True)
class Inbound:
    incoming: Incoming
    dedupe_key: str
    message_type: str  # for logs and metrics: text, voice, event.click, …
    bot_id: str  # ToUserName: the account's own id, the sender of our reply


def read_inbound(xml: str) -> Inbound:
    try:
        message = parse_message(xml)
        return _inbound(message)
    except Rejected:
        raise
    except Exception:  # noqa: BLE001 — missing or mistyped fields surface as many exception types
        raise Rejected(400, "not a well-formed WeChat message") from None


def _inbound(message: BaseMessage) -> Inbound:
    openid, bot_id = message.source, message.target
    if not openid or not bot_id:
        raise Rejected(400, "missing FromUserName or ToUserName")
    # On the bot's clock: a dev clock moved ahead moves every message with it (storage/clock.py).
    received_at = datetime.fromtimestamp(message.time, tz=timezone.utc) + CLOCK.offset
    is_event = message.type == "event"
    event = (getattr(message, "event", "") or "").lower() if is_event else ""
    kind = EVENT_KINDS.get(event, Kind.SILENT_EVENT) if is_event else MESSAGE_KINDS.get(message.type, Kind.MEDIA)
    incoming = Incoming(openid=openid, kind=kind, received_at=received_at, **_details(message, kind))
    # A message is keyed by sender and MsgId: a reply remembered under the MsgId alone went to whoever reused it.
    return Inbound(
        incoming=incoming,
        dedupe_key=_dedupe_key(message, openid, event) if is_event or not message.id else f"msg:{openid}:{message.id}",
        message_type=f"event.{event or 'unknown'}" if is_event else message.type,
        bot_id=bot_id,
    )


def _dedupe_key(message: BaseMessage, openid: str, event: str) -> str:
    # Events carry no MsgId: WeChat's advice is sender plus creation time. The
    # event and its key tell apart two different buttons pressed in one second.
    return f"event:{openid}:{message.time}:{event}:{getattr(message, 'key', '') or ''}"


def _details(message: BaseMessage, kind: Kind) -> dict:
    if kind is Kind.TEXT:
        return {"text": message.content or ""}
    if kind is Kind.VOICE:
        return {"text": message.recognition or ""}
    if kind is Kind.LOCATION:
        return {"location": Location(float(message.location_x), float(message.location_y), message.label or "")}
    if kind is Kind.MENU_CLICK:
        return {"menu_key": message.key or ""}
    if kind is Kind.MASS_SEND_FINISHED:
        return {"report": {"msg_id": message.id, "status": message.status, "total": message.total_count,
                           "filter": message.filter_count, "sent": message.sent_count, "error": message.error_count}}
    if kind in (Kind.FOLLOW, Kind.SCAN):
        return {"scene": getattr(message, "scene_id", "") or ""}
    return {}
