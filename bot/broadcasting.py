"""Sending broadcasts: the job worker's side, which talks to WeChat (composing is handlers/broadcast.py).

Jobs (rows of bot/worker.py JOBS):
- preview_broadcast(openid, sealed text): the preview API, to the author's own WeChat.
- send_broadcast(id): a confirmed broadcast at its time, by mass send or fan-out.
- resume_broadcasts(): every ten seconds: picks up a broadcast
  whose worker died (no heartbeat), and one due whose job was lost.

Mass send: the quota is checked and the broadcast marked sending under one
Redis lock, then `message/mass/sendall` goes with clientmsgid
"broadcast-<id>", so a retry after a crash is answered 45065 ("already
sent"), never sent twice. Fan-out: recipients frozen at the start, claimed
with a lease, sent one by one through a Redis token bucket shared by every
worker, and marked (a batch of them at once). The one window left is a worker killed after WeChat took
a customer-service message and before we marked it: that member gets it
again (at least once). See docs/broadcasts.md.
"""

from __future__ import annotations

import asyncio
import logging
from dataclasses import dataclass
from datetime import timedelta

import requests
from wechatpy.exceptions import WeChatClientException

from bot.runtime import Runtime
from bot.wechat_api import RETRYABLE_ERRORS, WeChatApi
from handlers.broadcast import audience_label, tell_author
from handlers.context import Context
from storage import broadcasts, stories
from storage.base import utcnow
from storage.broadcasts import MASS, OUTSIDE_WINDOW, SCHEDULED, SENDING, TO_ALL, Broadcast, BroadcastRules
from storage.contact_window import ContactWindow
from storage.publicity_tables import SENT, SKIPPED, UNDELIVERED

log = logging.getLogger("timebank.broadcasts")

ALREADY_SENT = 45065  # clientmsgid seen before: WeChat took this mass send already
NO_MASS_QUOTA = 45028
WINDOW_CLOSED = frozenset({45015, 45047})  # the 48 hours are over, or its quota used up
NETWORK_ERRORS = (requests.RequestException, TimeoutError)
BATCH = 20
MASS_LOCK = "broadcast:mass-quota"


def _heartbeat_key(broadcast_id: int) -> str:
    return f"broadcast:{broadcast_id}:worker"


@dataclass
class Sender:
    """One worker's means to send: the stores, the rules, a one-attempt WeChat API (we retry and record ourselves)."""

    runtime: Runtime
    ctx: Context
    api: WeChatApi
    rules: BroadcastRules

    @classmethod
    def of(cls, job: dict) -> Sender:
        runtime = job["runtime"]
        if "broadcast_api" not in job:
            job["broadcast_api"] = WeChatApi(runtime.wechat.client, timeout_s=runtime.config.wechat.api_timeout,
                                             attempts=1, threads=BATCH)  # a batch goes at once
        return cls(runtime, job["handlers"], job["broadcast_api"], runtime.config.broadcast)

    @property
    def sessions(self):
        return self.runtime.sessions

    def mass_calls(self) -> broadcasts.TokenBucket:
        return broadcasts.TokenBucket(self.runtime.redis, "wechat-mass", per_second=self.rules.mass_calls_per_minute / 60,
                                      burst=1)

    async def beat(self, broadcast_id: int) -> None:
        """Tells resume_broadcasts someone is on this broadcast, for one lease."""
        await self.runtime.redis.set(_heartbeat_key(broadcast_id), 1, px=int(self.rules.lease_s * 1000))

    async def tell(self, broadcast: Broadcast, key: str, event: str, **values) -> None:
        await tell_author(self.ctx, broadcast, self.ctx.text(key, id=str(broadcast.id), **values), event)

    async def give_up(self, broadcast: Broadcast, reason: str, **values) -> str:
        if await broadcasts.fail(self.sessions, broadcast.id, reason, utcnow()):
            await self.tell(broadcast, "broadcast_failed", "failed",
                            reason=self.ctx.text(f"broadcast_reason_{reason}", **values))
        return f"failed: {reason}"

    async def pushed(self, broadcast: Broadcast) -> None:
        if broadcast.story_id:
            await stories.mark_pushed(self.sessions, broadcast.story_id, broadcast.id)


# ---- jobs -------------------------------------------------------------------------


async def preview_broadcast(job: dict, openid: str, sealed_text: str) -> None:
    sender = Sender.of(job)
    await sender.mass_calls().take()
    await sender.runtime.wechat.send_mass_preview(openid, broadcasts.open_preview(sender.runtime.keyring, openid,
                                                                                 sealed_text))


async def send_broadcast(job: dict, broadcast_id: int) -> str:
    sender = Sender.of(job)
    broadcast = await broadcasts.get(sender.sessions, broadcast_id)
    if broadcast is None or broadcast.status not in (SCHEDULED, SENDING):
        return "nothing to do"
    if broadcast.channel == MASS:
        return await send_mass(sender, broadcast)
    started = await broadcasts.start(sender.sessions, broadcast_id, utcnow())
    return "nothing to do" if started is None else await fan_out(sender, started)


async def resume_broadcasts(job: dict) -> int:
    """Broadcasts nobody is working on: sending with no heartbeat (their worker died), or due and not started."""
    sender, now = Sender.of(job), utcnow()
    resumed = 0
    for broadcast in await broadcasts.sending(sender.sessions):
        if not await sender.runtime.redis.exists(_heartbeat_key(broadcast.id)):
            # A fresh id each lease: the dead worker's job keeps its own id until arq expires it.
            turn = int(now.timestamp() // sender.rules.lease_s)
            resumed += await sender.runtime.jobs.enqueue("send_broadcast", broadcast.id,
                                                         job_id=f"broadcast:{broadcast.id}:resume:{turn}")
    for broadcast in await broadcasts.due(sender.sessions, now):
        resumed += await sender.runtime.jobs.enqueue("send_broadcast", broadcast.id, job_id=f"broadcast:{broadcast.id}")
    return resumed


# ---- mass send --------------------------------------------------------------------


async def send_mass(sender: Sender, broadcast: Broadcast) -> str:
    sessions = sender.sessions
    await sender.beat(broadcast.id)
    receiving = [member for member in await broadcasts.audience_of(sessions, broadcast.audience)
                 if not member.opted_out]
    # One quota check at a time across workers, and the broadcast counted (sending) before the lock is let go.
    async with sender.runtime.redis.lock(MASS_LOCK, timeout=60, blocking_timeout=60):
        broadcast = await broadcasts.get(sessions, broadcast.id)
        if broadcast.status == SCHEDULED:
            left = await broadcasts.mass_quota_left(sessions, sender.rules, [m.member_id for m in receiving], utcnow())
            if left < 1:
                return await sender.give_up(broadcast, "quota")
            broadcast = await broadcasts.start(sessions, broadcast.id, utcnow())
        if broadcast is None or broadcast.status != SENDING:
            return "nothing to do"
    target = await broadcasts.mass_target(sessions, broadcast.audience)
    if target is None:
        return await sender.give_up(broadcast, "no_target")
    for attempt in range(1, sender.rules.retry_attempts + 1):
        await sender.beat(broadcast.id)
        await sender.mass_calls().take()
        try:
            answer = await sender.api.send_mass_text(
                broadcast.content, client_msg_id=broadcast.clientmsgid,
                tag_id=None if target == TO_ALL else target)
        except WeChatClientException as error:
            if error.errcode == ALREADY_SENT:
                answer = _body_of(error)
            elif error.errcode == NO_MASS_QUOTA:
                return await sender.give_up(broadcast, "quota")
            elif error.errcode in RETRYABLE_ERRORS:
                await _wait_to_retry(sender, broadcast, error.errcode, attempt)
                continue
            else:
                return await sender.give_up(broadcast, "error", code=str(error.errcode))
        except NETWORK_ERRORS:
            await _wait_to_retry(sender, broadcast, "network", attempt)
            continue
        await broadcasts.mass_accepted(sessions, broadcast, _msg_id(answer), receiving, utcnow())
        await sender.pushed(broadcast)
        await sender.tell(broadcast, "broadcast_done_mass", "accepted", audience=audience_label(broadcast.audience))
        return "accepted"
    return await sender.give_up(broadcast, "busy")


async def _wait_to_retry(sender: Sender, broadcast: Broadcast, errcode, attempt: int) -> None:
    log.warning("broadcast %s: wechat %s, retrying (attempt %d)", broadcast.id, errcode, attempt)
    await broadcasts.note_retry(sender.sessions, broadcast.id, errcode)
    if attempt < sender.rules.retry_attempts:
        await asyncio.sleep(sender.rules.backoff_s(attempt))


def _body_of(error: WeChatClientException) -> dict:
    try:
        return error.response.json()
    except (AttributeError, ValueError):
        return {}


def _msg_id(answer) -> str | None:
    msg_id = (answer or {}).get("msg_id") if isinstance(answer, dict) else None
    return None if msg_id is None else str(msg_id)


# ---- fan-out ----------------------------------------------------------------------


async def fan_out(sender: Sender, broadcast: Broadcast) -> str:
    sessions, rules = sender.sessions, sender.rules
    window = ContactWindow(sender.runtime.redis, rules=sender.runtime.config.notifications.window_rules)
    bucket = broadcasts.TokenBucket(sender.runtime.redis, "broadcast-fanout", per_second=rules.fanout_per_second)
    # The clock for "progress every few seconds" starts with the sending, not at the first batch.
    await sender.runtime.redis.set(_progress_key(broadcast.id), 1, nx=True, px=int(rules.progress_seconds * 1000))
    lease = timedelta(seconds=rules.lease_s)
    while True:
        await sender.beat(broadcast.id)
        # Batches no bigger than the progress step, so that progress is looked at when it is due.
        batch = await broadcasts.claim(sessions, broadcast.id, utcnow(), lease, limit=min(BATCH, rules.progress_every))
        if not batch:
            if (finished := await broadcasts.finish_fanout(sessions, broadcast.id, utcnow())) is not None:
                await _finished(sender, finished)
                return "done"
            if (await broadcasts.get(sessions, broadcast.id)).status != SENDING:
                return "done elsewhere"
            await _until_claimable(sender, broadcast.id)
            continue
        # A batch at once: one by one, each send waited for its HTTP call and its mark (67 a second at best);
        # the shared token bucket, not this loop, sets the pace.
        await _whole(asyncio.gather(*(_deliver(sender, broadcast, recipient, window, bucket) for recipient in batch)))
        await _progress(sender, broadcast)


async def _whole(batch: asyncio.Future) -> None:
    """A batch stopped half-way (shutdown, a job timeout) would leave messages WeChat took unmarked, to be sent
    again: the stop waits until each is marked. Only a killed worker leaves that window open (docs/broadcasts.md)."""
    try:
        await asyncio.shield(batch)
    except asyncio.CancelledError:
        await batch
        raise


async def _deliver(sender: Sender, broadcast: Broadcast, recipient: broadcasts.Recipient, window: ContactWindow,
                   bucket: broadcasts.TokenBucket) -> None:
    sessions, rules = sender.sessions, sender.rules
    if not (slot := await window.take(recipient.openid)):
        await broadcasts.mark(sessions, recipient.id, SKIPPED, utcnow(), OUTSIDE_WINDOW)
        return
    await bucket.take()
    try:
        await sender.api.send_text(recipient.openid, broadcast.content)
    except WeChatClientException as error:
        await window.give_back(recipient.openid, slot)
        if error.errcode in WINDOW_CLOSED:
            await window.close(recipient.openid)
            await broadcasts.mark(sessions, recipient.id, SKIPPED, utcnow(), OUTSIDE_WINDOW)
        elif error.errcode in RETRYABLE_ERRORS and recipient.attempts < rules.retry_attempts:
            await _retry_recipient(sender, broadcast, recipient, error.errcode)
        else:
            await broadcasts.mark(sessions, recipient.id, UNDELIVERED, utcnow(), f"errcode {error.errcode}")
    except NETWORK_ERRORS:
        # WeChat may have taken it before the line broke: trying again risks a second copy, dropping it a lost one.
        await window.give_back(recipient.openid, slot)
        if recipient.attempts < rules.retry_attempts:
            await _retry_recipient(sender, broadcast, recipient, "network")
        else:
            await broadcasts.mark(sessions, recipient.id, UNDELIVERED, utcnow(), "network")
    else:
        await broadcasts.mark(sessions, recipient.id, SENT, utcnow())


async def _retry_recipient(sender: Sender, broadcast: Broadcast, recipient: broadcasts.Recipient, errcode) -> None:
    await broadcasts.note_retry(sender.sessions, broadcast.id, errcode)
    retry_at = utcnow() + timedelta(seconds=sender.rules.backoff_s(recipient.attempts))
    await broadcasts.retry_later(sender.sessions, recipient.id, retry_at, f"errcode {errcode}")


async def _until_claimable(sender: Sender, broadcast_id: int) -> None:
    """Someone else holds the rest, or it waits for a retry: sleep until the earliest could be ours."""
    wake = await broadcasts.next_claimable_at(sender.sessions, broadcast_id)
    delay = (wake - utcnow()).total_seconds() if wake else 0.2
    await asyncio.sleep(min(max(delay, 0.05), sender.rules.lease_s / 2))


def _progress_key(broadcast_id: int) -> str:
    return f"broadcast:{broadcast_id}:progress"


async def _progress(sender: Sender, broadcast: Broadcast) -> None:
    """To the author every `progress_every` recipients or every `progress_seconds`, whichever comes first."""
    tally = await broadcasts.tally(sender.sessions, broadcast.id)
    if tally.finished or tally.done == 0:
        return  # the last word is the result
    redis, rules = sender.runtime.redis, sender.rules
    milestone = await redis.set(f"{_progress_key(broadcast.id)}:{tally.done // rules.progress_every}", 1, nx=True,
                                ex=86400) if tally.done >= rules.progress_every else False
    timely = await redis.set(_progress_key(broadcast.id), 1, nx=True, px=int(rules.progress_seconds * 1000))
    if milestone or timely:
        await sender.tell(broadcast, "broadcast_progress", f"progress:{tally.done}", sent=f"{tally.sent:,}",
                          total=f"{tally.total:,}", failed=f"{tally.failed:,}")


async def _finished(sender: Sender, broadcast: Broadcast) -> None:
    await sender.pushed(broadcast)
    await sender.tell(broadcast, "broadcast_done_fanout", "done", sent=f"{broadcast.sent:,}",
                      total=f"{broadcast.audience_size:,}", failed=f"{broadcast.failed:,}",
                      skipped=f"{broadcast.skipped:,}")

