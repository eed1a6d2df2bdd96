"""The WeChat endpoint: one inbound message in, one reply out, inside WeChat's 5 seconds.

Order of work: protocol checks (envelope) → arrival (de-duplication, the
member's rate, their 48-hour window, their lock: one Redis round trip) →
handler → reply within the deadline, or `success` now and the reply later
through the outbox. WeChat never sees a 5xx from here. An SOS is answered
right after the protocol checks, waiting on neither Redis nor another turn.
"""

from __future__ import annotations

import asyncio
import logging
import secrets
import time
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Awaitable, Callable, Coroutine

from aiohttp import web
from redis.asyncio import Redis

from bot.envelope import MAX_CLOCK_SKEW_S, Envelope, Opened, Rejected, check_sender, protocol_query
from bot.inbound import Inbound, read_inbound
from bot.observability import Metrics, log_message
from bot.replies import render, split_text
from handlers import emergency
from handlers.context import Context
from handlers.types import Incoming, Kind, Outcome, Reply
from storage import outbox
from storage.arrival import OPEN, SHUT, TAP, Arrival, Arrivals
from storage.base import utcnow
from storage.contact_window import TAP_WINDOW, ContactWindow
from storage.db import Sessions
from storage.redis_state import Deduplicator, MemberBusy, member_lock
from storage.replay import FORGED, ReplayGuard

log = logging.getLogger("timebank.webhook")

SUCCESS = "success"  # WeChat's "received, no passive reply"
CONTINUATION_DELAY = timedelta(seconds=1)
# WeChat posts a few KiB at once; a body still trickling in after this is a slow-body attack holding a connection.
BODY_READ_TIMEOUT_S = 5.0
# An echoed echostr or a refusal's reason is text, never something a browser should sniff into HTML.
PLAIN_ONLY = {"X-Content-Type-Options": "nosniff"}

Responder = Callable[[Incoming, Context], Awaitable[Outcome]]

# What WeChat counts as the member reaching out: it opens their 48-hour window for customer-service messages.
# What each kind of delivery does to the member's windows for customer-service messages: a message opens the
# 48-hour one, a menu tap, follow or scan only the one-minute one (storage.contact_window); leaving shuts both.
WINDOW_OF_KIND = {Kind.TEXT: OPEN, Kind.VOICE: OPEN, Kind.LOCATION: OPEN, Kind.MEDIA: OPEN,
                  Kind.MENU_CLICK: TAP, Kind.FOLLOW: TAP, Kind.SCAN: TAP, Kind.UNFOLLOW: SHUT}


@dataclass
class PendingReply:
    """Whether a reply went back in the HTTP response or must follow as a pushed message.

    Only the event loop touches it, between awaits, so the choice is made exactly once.
    """

    inbound: Inbound
    lock_token: str | None  # the member's lock when the arrival took it; else the turn waits for it
    has_held: bool = False  # notices waited for this member's next message: they follow the reply
    delivery: str = "undecided"  # → "passive" or "late"


class WeChatEndpoint:
    def __init__(self, *, envelope: Envelope, redis: Redis, dedupe: Deduplicator, sessions: Sessions,
                 context: Context, respond: Responder, metrics: Metrics, deadline_s: float,
                 wake_outbox: Callable[[], None], messages_per_minute: int = 0, tap_window: timedelta = TAP_WINDOW):
        self._envelope = envelope
        self._redis = redis
        self._dedupe = dedupe
        self._sessions = sessions
        self._context = context
        self._respond = respond
        self._metrics = metrics
        self._deadline_s = deadline_s
        self._wake_outbox = wake_outbox
        self._arrivals = Arrivals(redis, per_minute=messages_per_minute, tap_window=tap_window)
        self._replays = ReplayGuard(redis, window_s=MAX_CLOCK_SKEW_S)
        self._window = ContactWindow(redis)
        self._turns: set[asyncio.Task] = set()

    async def handshake(self, request: web.Request) -> web.Response:
        try:
            echo = self._envelope.handshake(protocol_query(request.query), time.time())
            return web.Response(text=echo, headers=PLAIN_ONLY)
        except Rejected as rejected:
            return web.Response(status=rejected.status, text=rejected.reason, headers=PLAIN_ONLY)

    async def receive(self, request: web.Request) -> web.Response:
        started = time.monotonic()
        try:
            query = protocol_query(request.query)
            body = await asyncio.wait_for(request.read(), BODY_READ_TIMEOUT_S)
            opened = self._envelope.open(query, body, time.time())
            inbound = read_inbound(opened.xml)
            check_sender(query, inbound.incoming.openid)
        except web.HTTPRequestEntityTooLarge:
            return self._reject(Rejected(413, "body too large"))
        except TimeoutError:
            return self._reject(Rejected(408, "body too slow"))
        except Rejected as rejected:
            return self._reject(rejected)
        verdict = await self._replay_verdict(opened)
        if verdict == FORGED:
            return self._reject(Rejected(403, "signature already used with another message"))
        passive = await self._answer(inbound, started, verified=verdict is not None)
        self._metrics.latency.labels(type=inbound.message_type).observe(time.monotonic() - started)
        if passive == SUCCESS:
            return web.Response(text=SUCCESS)
        nonce = request.query.get("nonce") or secrets.token_hex(8)
        sealed = self._envelope.seal(opened, passive, nonce, str(int(time.time())))
        return web.Response(text=sealed, content_type="application/xml")

    def _reject(self, rejected: Rejected) -> web.Response:
        self._metrics.messages.labels(type="invalid", result=f"rejected_{rejected.status}").inc()
        log.info("rejected request status=%d reason=%s", rejected.status, rejected.reason)
        return web.Response(status=rejected.status, text=rejected.reason, headers=PLAIN_ONLY)

    async def _replay_verdict(self, opened: Opened) -> int | None:
        try:
            return await self._replays.claim(opened.timestamp, opened.nonce, opened.xml)
        except Exception:  # noqa: BLE001 — unknown: only an SOS is answered (its reply is harmless to forge)
            log.warning("redis unavailable while checking for a replayed signature")
            return None

    async def _answer(self, inbound: Inbound, started: float, *, verified: bool) -> str:
        def remaining() -> float:
            return max(0.0, self._deadline_s - (time.monotonic() - started))

        if emergency.is_sos(inbound.incoming):
            return await self._answer_sos(inbound, started)
        if not verified:  # fail closed: without Redis a replayed request cannot be told from a new one
            return self._passive(inbound, Reply(self._context.text("busy")), "busy")
        try:
            # Before the handler, whose notifications may go to this member through the window it opens.
            arrival = await self._arrive(inbound.incoming, inbound.dedupe_key)
        except Exception:  # noqa: BLE001 — without Redis we cannot tell a resend from a new message
            log.exception("redis unavailable while de-duplicating")
            return self._passive(inbound, Reply(self._context.text("busy")), "busy")
        if not arrival.first:
            return await self._answer_resend(inbound, remaining())
        if not arrival.within_rate:
            passive = self._passive(inbound, Reply(self._context.text("slow_down")), "rate_limited")
            await self._remember(inbound, passive)
            return passive
        turn = PendingReply(inbound, arrival.lock_token, arrival.has_held)
        task = self._spawn(self._take_turn(turn))
        try:
            return await asyncio.wait_for(asyncio.shield(task), remaining())
        except TimeoutError:
            if turn.delivery == "passive":  # decided just now; only bookkeeping is left
                return await task
            turn.delivery = "late"
            self._metrics.deadline_misses.inc()
            return SUCCESS

    async def _answer_sos(self, inbound: Inbound, started: float) -> str:
        """Ahead of de-duplication and the member's lock: a cry for help waits on no other turn, nor on Redis."""
        self._spawn(self._note_contact(inbound.incoming))
        outcome = await emergency.answer(inbound.incoming, self._context)
        log_message(message_type=inbound.message_type, intent=outcome.intent, result="sos",
                    latency_s=time.monotonic() - started, openid=inbound.incoming.openid)
        return self._passive(inbound, outcome.reply, "sos")

    def _arrive(self, incoming: Incoming, dedupe_key: str) -> Awaitable[Arrival]:
        return self._arrivals.arrive(dedupe_key, incoming.openid, window=WINDOW_OF_KIND.get(incoming.kind),
                                     sent_at=incoming.received_at)

    def _spawn(self, work: Coroutine) -> asyncio.Task:
        task = asyncio.create_task(work)
        self._turns.add(task)  # held until done, and waited for at shutdown
        task.add_done_callback(self._turns.discard)
        return task

    async def _note_contact(self, incoming: Incoming) -> None:
        """For an SOS, which skips the arrival: staff may want to write back to a stranger."""
        try:
            await self._window.member_wrote(incoming.openid, incoming.received_at)
        except Exception:  # noqa: BLE001 — the member is still answered; pushes fall back to templates
            log.warning("redis unavailable while noting the member's 48-hour window")

    async def _answer_resend(self, inbound: Inbound, wait_s: float) -> str:
        self._metrics.duplicates.inc()
        self._metrics.messages.labels(type=inbound.message_type, result="duplicate").inc()
        return await self._dedupe.wait_for_reply(inbound.dedupe_key, wait_s) or SUCCESS

    async def _take_turn(self, turn: PendingReply) -> str:
        started = time.monotonic()
        inbound = turn.inbound
        outcome, result = await self._run_handler(inbound.incoming, turn.lock_token)
        if turn.delivery == "late":
            passive, later = SUCCESS, _texts_of(outcome.reply)
            result = "late" if later else result
            await self._push(inbound, later, after_passive=False)
        else:
            turn.delivery = "passive"
            passive, later = self._render(inbound, outcome.reply)
            await self._push(inbound, later, after_passive=True)
        if turn.has_held:
            await self._release_held(inbound.incoming.openid)
        await self._remember(inbound, passive)
        self._metrics.messages.labels(type=inbound.message_type, result=result).inc()
        log_message(message_type=inbound.message_type, intent=outcome.intent, result=result,
                    latency_s=time.monotonic() - started, openid=inbound.incoming.openid)
        return passive

    async def _run_handler(self, incoming: Incoming, lock_token: str | None) -> tuple[Outcome, str]:
        try:
            async with member_lock(self._redis, incoming.openid, taken_with=lock_token):
                outcome = await self._respond(incoming, self._context)
            return outcome, ("replied" if outcome.reply else "silent")
        except MemberBusy:
            return Outcome(Reply(self._context.text("busy")), "busy"), "busy"
        except Exception:  # noqa: BLE001 — the member gets an apology, the log gets the details
            reference = uuid.uuid4().hex[:8]
            log.exception("handler failed ref=%s", reference)
            return Outcome(Reply(self._context.text("apology", ref=reference)), "error"), "error"

    def _render(self, inbound: Inbound, reply: Reply | None) -> tuple[str, tuple[str, ...]]:
        if reply is None:
            return SUCCESS, ()
        rendered = render(reply, openid=inbound.incoming.openid, bot_id=inbound.bot_id, created=int(time.time()))
        return rendered.xml, rendered.continuation

    def _passive(self, inbound: Inbound, reply: Reply, result: str) -> str:
        self._metrics.messages.labels(type=inbound.message_type, result=result).inc()
        return self._render(inbound, reply)[0]

    async def _push(self, inbound: Inbound, texts: tuple[str, ...], *, after_passive: bool) -> None:
        # The continuation of a passive reply waits a moment, so it never overtakes the reply itself.
        not_before = utcnow() + CONTINUATION_DELAY if after_passive else None
        try:
            for number, text in enumerate(texts):
                await outbox.enqueue_text(self._sessions, self._context.bank.keyring, inbound.incoming.openid, text,
                                          reason="reply", dedupe_key=f"{inbound.dedupe_key}:{number}",
                                          not_before=not_before)
        except Exception:  # noqa: BLE001 — the passive part still goes out; the log says what did not
            log.exception("could not queue %d follow-up message(s)", len(texts))
        if texts and not after_passive:
            self._wake_outbox()

    async def _release_held(self, openid: str) -> None:
        """What could not reach the member while no window was open, in one message after the reply."""
        def digest(bodies: list[str]) -> str:
            return held_digest(bodies, self._context)
        try:
            if await outbox.release_held(self._sessions, self._context.bank.keyring, openid, digest):
                self._wake_outbox()
        except Exception:  # noqa: BLE001 — the notices stay held; the member's next message tries again
            log.exception("could not release the notices held for a member")
            await self._mark_held_again(openid)

    async def _mark_held_again(self, openid: str) -> None:
        try:
            await self._window.note_held(openid)
        except Exception:  # noqa: BLE001
            log.warning("redis unavailable while marking held notices")

    async def _remember(self, inbound: Inbound, passive: str) -> None:
        try:
            await self._dedupe.remember(inbound.dedupe_key, passive)
        except Exception:  # noqa: BLE001 — a resend will then be answered `success`; nothing is lost
            log.warning("redis unavailable while remembering a reply")

    async def drain(self, timeout_s: float = 10.0) -> None:
        """Let turns in flight finish (graceful shutdown)."""
        if self._turns:
            await asyncio.wait(set(self._turns), timeout=timeout_s)
        await emergency.settle(timeout_s)


# WeChat takes 2048 bytes in a customer-service text; the rest of a long digest is only counted.
DIGEST_BYTES = 1800


def held_digest(bodies: list[str], context: Context) -> str:
    """"您有2条新消息：1. … 2. …", as many as fit, then how many more."""
    lines, size = [], 0
    for number, body in enumerate(bodies, start=1):
        line = f"{number}. {body}"
        size += len(line.encode())
        if size > DIGEST_BYTES:
            lines.append(context.text("held_digest_more", count=str(len(bodies) - number + 1)))
            break
        lines.append(line)
    return context.text("held_digest", count=str(len(bodies)), lines="\n".join(lines))


def _texts_of(reply: Reply | None) -> tuple[str, ...]:
    if reply is None:
        return ()
    if reply.article is not None:
        article = reply.article
        return (f"{article.title}\n{article.description}\n{article.url}",)
    return tuple(split_text(reply.text))
