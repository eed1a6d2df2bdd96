"""Sends the outbox's messages through the WeChat API on a channel WeChat allows, recording every attempt.

The channel is chosen per message at send time, when the window is known:
- replies and their continuations: a customer-service message (the member has just written);
- pictures (a proof of service hours): drawn and uploaded when sent, then an image message on the reply's terms
  (the member has just asked for it);
- notifications: a customer-service message inside one of the member's windows, within the slots its
  priority may use (storage.contact_window), else the template configured for the notification's kind,
  else it is held for the member's next message (one digest after the reply: "您有2条新消息：…").
  A member who unfollowed is skipped. A customer-service message WeChat refuses as out of the window
  (45015 …) closes our record of the windows at once and falls back in the same pass.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from typing import Any, Awaitable, Callable, Mapping

from redis.exceptions import RedisError
from wechatpy.exceptions import WeChatClientException

from bot.config import NotificationConfig
from bot.handler_context import handler_context
from bot.observability import Metrics, member_tag
from bot.proof_picture import find_font
from bot.proof_sending import picture_senders
from bot.runtime import Runtime
from bot.wechat_api import WeChatApi
from storage import members, outbox
from storage.base import utcnow
from storage.contact_window import LATE_REPLY, OTHER, OWN_SERVICE, SAFETY, ContactWindow
from storage.db import Sessions
from storage.outbox import CUSTOMER_SERVICE, FAILED, NO_CHANNEL, SENT, SKIPPED, TEMPLATE, Attempt, Delivery
from storage.privacy import KeyRing

log = logging.getLogger("timebank.outbox")

# Errors that no retry will fix: the member left, is outside the 48-hour
# window, the OpenID or the template id is wrong, the quota is spent.
PERMANENT_ERRORS = frozenset({40003, 40037, 43004, 45015, 45047})
# The customer-service API's "not this way, not now": a template may still reach the member.
OUT_OF_WINDOW = frozenset({43004, 45015, 45047})
RETRY_DELAYS_S = (5, 30, 120, 600, 3600)
# Who gets the few customer-service slots first: safety and alerts, then the member's own service, then
# replies that missed the deadline (kind None); offers, broadcasts and everything else last.
PRIORITY_OF_KIND = {
    **dict.fromkeys(("sos", "unanswered", "nobody_in_reach", "no_show", "dispute", "low_rating", "far_check_in",
                     "late_cancel"), SAFETY),
    **dict.fromkeys(("reminder", "task_accepted", "task_assigned", "task_started", "task_finished", "task_done",
                     "volunteer_cancelled", "request_cancelled", "request_expired", "still_looking",
                     "dispute_resolved"), OWN_SERVICE),
}
# Our notice fields → the classic template's data keys.
# An outbox kind sent as a picture, and the coroutine that draws, uploads and sends it.
PictureSender = Callable[[Delivery], Awaitable[Any]]
TEMPLATE_KEYS = {"title": "first", "keyword1": "keyword1", "keyword2": "keyword2", "keyword3": "keyword3",
                 "remark": "remark"}


class OutboxWorker:
    def __init__(self, sessions: Sessions, keyring: KeyRing, api: WeChatApi, metrics: Metrics, *,
                 window: ContactWindow | None = None, notifications: NotificationConfig | None = None,
                 poll_s: float = 1.0, lease: timedelta = timedelta(seconds=300),
                 pictures: Mapping[str, PictureSender] | None = None):
        self._sessions = sessions
        self._keyring = keyring
        self._api = api
        self._metrics = metrics
        self._window = window  # None: no window is ever known open, notifications go by template
        self._notifications = notifications or NotificationConfig()
        self._poll_s = poll_s
        self._lease = lease
        self._pictures = dict(pictures or {})
        self._wake = asyncio.Event()
        self._stopping = False

    def wake(self) -> None:
        self._wake.set()

    def stop(self) -> None:
        """Finish the message in hand, then return from run(); cancelling mid-query could leave a connection open."""
        self._stopping = True
        self._wake.set()

    async def run(self) -> None:
        while not self._stopping:
            try:
                delivered = await self.deliver_due()
            except Exception:  # noqa: BLE001 — a database outage must not end the worker
                log.exception("outbox: cannot work the queue")
                delivered = 0
            if not delivered:
                await self._sleep()

    async def deliver_due(self) -> int:
        deliveries = await outbox.claim_due(self._sessions, self._keyring, self._lease)
        for delivery in deliveries:
            # A claimed message is finished even when stopping: its lease would delay it.
            if delivery.kind is None:
                await self._deliver_reply(delivery)
            elif delivery.kind in self._pictures:
                await self._deliver_reply(delivery, self._pictures[delivery.kind](delivery))
            else:
                await self._deliver_notification(delivery)
        return len(deliveries)

    async def _sleep(self) -> None:
        try:
            await asyncio.wait_for(self._wake.wait(), self._poll_s)
        except TimeoutError:
            pass
        self._wake.clear()

    async def _deliver_reply(self, delivery: Delivery, sending: Awaitable[Any] | None = None) -> None:
        # Counts against the quota, but a reply goes regardless: the member has just written.
        counted = await self._take_slot(delivery.openid, LATE_REPLY)
        attempt = await (self._customer_service(delivery) if sending is None
                         else self._attempt(delivery, CUSTOMER_SERVICE, sending))
        if counted and attempt.result != SENT:
            await self._give_back_slot(delivery.openid, counted)
        await self._settle(delivery, attempt)

    async def _deliver_notification(self, delivery: Delivery) -> None:
        member = await members.member_by_openid(self._sessions, delivery.openid)
        if member is not None and member.pushes_stopped:
            await outbox.mark_skipped(self._sessions, delivery.id, Attempt(NO_CHANNEL, SKIPPED, error="unfollowed"))
            return
        if slot := await self._take_slot(delivery.openid, PRIORITY_OF_KIND.get(delivery.kind, OTHER)):
            attempt = await self._customer_service(delivery)
            if attempt.errcode not in OUT_OF_WINDOW:
                if attempt.result != SENT:
                    await self._give_back_slot(delivery.openid, slot)
                await self._settle(delivery, attempt)
                return
            await self._close_window(delivery.openid)  # WeChat knows the window better than our record
            await outbox.record_attempt(self._sessions, delivery.id, attempt)
        await self._by_template(delivery)

    async def _by_template(self, delivery: Delivery) -> None:
        template_id = self._notifications.template_for(delivery.kind)
        if template_id is None:
            # Kept for the member's next message, which releases it (bot/webhook.py) in one digest.
            attempt = Attempt(NO_CHANNEL, FAILED, error="outside_window_no_template")
            log.info("outbox: no template for %s; member=%s is outside the window: held",
                     delivery.kind, member_tag(delivery.openid))
            await outbox.mark_held(self._sessions, delivery.id, attempt)
            await self._on_window(lambda window: window.note_held(delivery.openid), None)
            return
        data = template_data(delivery)
        await self._settle(delivery, await self._attempt(
            delivery, TEMPLATE, self._api.send_template(delivery.openid, template_id, data)))

    async def _customer_service(self, delivery: Delivery) -> Attempt:
        return await self._attempt(delivery, CUSTOMER_SERVICE, self._api.send_text(delivery.openid, delivery.body))

    async def _attempt(self, delivery: Delivery, channel: str, sending: Awaitable[Any]) -> Attempt:
        try:
            await sending
        except Exception as error:  # noqa: BLE001 — every failure is recorded, none stops the worker
            is_wechat = isinstance(error, WeChatClientException)
            errcode = error.errcode if is_wechat else None
            self._metrics.outbound_errors.labels(errcode=str(errcode)).inc()
            log.warning("outbox: %s delivery %d to member=%s failed: errcode=%s %s", channel, delivery.id,
                        member_tag(delivery.openid), errcode, type(error).__name__)
            return Attempt(channel, FAILED, errcode, (is_wechat and error.errmsg) or type(error).__name__)
        return Attempt(channel, SENT)

    async def _settle(self, delivery: Delivery, attempt: Attempt) -> None:
        if attempt.result == SENT:
            await outbox.mark_sent(self._sessions, delivery.id, attempt)
        elif attempt.errcode in PERMANENT_ERRORS or delivery.attempts > len(RETRY_DELAYS_S):
            await outbox.mark_failed(self._sessions, delivery.id, attempt)
        else:
            retry_at = utcnow() + timedelta(seconds=RETRY_DELAYS_S[delivery.attempts - 1])
            await outbox.mark_retry(self._sessions, delivery.id, attempt, retry_at)

    # Redis trouble must not hold a notification back: without a known window, the template goes.

    async def _take_slot(self, openid: str, priority: int) -> int:
        return await self._on_window(lambda window: window.take(openid, priority), 0)

    async def _give_back_slot(self, openid: str, which: int) -> None:
        await self._on_window(lambda window: window.give_back(openid, which), None)

    async def _close_window(self, openid: str) -> None:
        await self._on_window(lambda window: window.close(openid), None)

    async def _on_window(self, work, otherwise):
        if self._window is None:
            return otherwise
        try:
            return await work(self._window)
        except RedisError:
            log.warning("outbox: redis unavailable; treating the 48-hour window as closed")
            return otherwise


def template_data(delivery: Delivery) -> dict[str, dict[str, str]]:
    """The template's fields from the notice; with no notice, the text itself as the title."""
    notice = delivery.notice or {"title": delivery.body}
    return {TEMPLATE_KEYS[name]: {"value": value} for name, value in notice.items()}


def outbox_worker(runtime: Runtime, metrics: Metrics) -> OutboxWorker:
    """The worker as the running bot has it: the members' windows in Redis, the templates from config."""
    settings = runtime.config.notifications
    window = ContactWindow(runtime.redis, rules=settings.window_rules)
    pictures = picture_senders(handler_context(runtime), runtime.wechat, find_font(runtime.config.certificate_font))
    return OutboxWorker(runtime.sessions, runtime.keyring, runtime.wechat, metrics, window=window,
                        notifications=settings, pictures=pictures)
