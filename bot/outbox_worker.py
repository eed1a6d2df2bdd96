"""Sends the outbox's messages through the WeChat API, with backoff and a record of every attempt."""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta

from wechatpy.exceptions import WeChatClientException

from bot.observability import Metrics, member_tag
from bot.wechat_api import WeChatApi
from storage import outbox
from storage.base import utcnow
from storage.db import Sessions

log = logging.getLogger("timebank.outbox")

# Errors that no retry will fix: the member left, is outside the 48-hour
# window, or the OpenID is wrong.
PERMANENT_ERRORS = frozenset({40003, 43004, 45015, 45047})
RETRY_DELAYS_S = (5, 30, 120, 600, 3600)


class OutboxWorker:
    def __init__(self, sessions: Sessions, api: WeChatApi, metrics: Metrics, *,
                 poll_s: float = 1.0, lease: timedelta = timedelta(seconds=300)):
        self._sessions = sessions
        self._api = api
        self._metrics = metrics
        self._poll_s = poll_s
        self._lease = lease
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
        deliveries = await outbox.claim_due(self._sessions, self._lease)
        for delivery in deliveries:
            await self._deliver(delivery)  # a claimed message is finished even when stopping: its lease would delay it
        return len(deliveries)

    async def _sleep(self) -> None:
        try:
            await asyncio.wait_for(self._wake.wait(), self._poll_s)
        except TimeoutError:
            pass
        self._wake.clear()

    async def _deliver(self, delivery: outbox.Delivery) -> None:
        try:
            await self._api.send_text(delivery.openid, delivery.body)
        except Exception as error:  # noqa: BLE001 — every failure is recorded, none stops the worker
            await self._record_failure(delivery, error)
            return
        await outbox.mark_sent(self._sessions, delivery.id)

    async def _record_failure(self, delivery: outbox.Delivery, error: Exception) -> None:
        errcode = getattr(error, "errcode", None) if isinstance(error, WeChatClientException) else None
        self._metrics.outbound_errors.labels(errcode=str(errcode)).inc()
        description = f"errcode={errcode} {type(error).__name__}"
        log.warning("outbox: delivery %d to member=%s failed: %s", delivery.id, member_tag(delivery.openid), description)
        if errcode in PERMANENT_ERRORS or delivery.attempts > len(RETRY_DELAYS_S):
            await outbox.mark_failed(self._sessions, delivery.id, description)
        else:
            retry_at = utcnow() + timedelta(seconds=RETRY_DELAYS_S[delivery.attempts - 1])
            await outbox.mark_retry(self._sessions, delivery.id, description, retry_at)
