"""The aiohttp application: the WeChat endpoint, health and metrics, and the outbox worker."""

from __future__ import annotations

import asyncio
import hmac
import logging

from aiohttp import web
from sqlalchemy import text

import nlu
from bot import console, data_export_page, dev_clock, proof_page
from bot.envelope import MAX_BODY_BYTES, Envelope
from bot.observability import Metrics
from bot.outbox_worker import outbox_worker
from bot.proof_picture import announce_font
from bot.handler_context import handler_context
from bot.runtime import Runtime
from bot.sos_replay import SpoolReplayer
from bot.webhook import SUCCESS, WeChatEndpoint
from bot.worker import JobWorker
from handlers.router import respond
from storage import members, redemptions
from storage.redis_state import Deduplicator

log = logging.getLogger("timebank.app")

RUNTIME = web.AppKey("runtime", Runtime)
METRICS = web.AppKey("metrics", Metrics)
ENDPOINT = web.AppKey("endpoint", WeChatEndpoint)


def build_app(runtime: Runtime, *, respond=respond, run_jobs: bool = True) -> web.Application:
    """The bot's web application; with `run_jobs`, a job worker runs in the same process (bot/worker.py)."""
    config = runtime.config
    metrics = Metrics()
    worker = outbox_worker(runtime, metrics)
    context = handler_context(runtime)
    endpoint = WeChatEndpoint(
        envelope=Envelope(config.wechat),
        redis=runtime.redis,
        dedupe=Deduplicator(runtime.redis, runtime.keyring),
        sessions=runtime.sessions,
        context=context,
        respond=respond,
        metrics=metrics,
        deadline_s=config.server.reply_deadline,
        wake_outbox=worker.wake,
        messages_per_minute=config.server.member_messages_per_minute,
        tap_window=config.notifications.window_rules.tap_window,
    )
    _announce_mode(config)
    announce_font(config.certificate_font)  # one line when proofs of service hours cannot be drawn
    app = web.Application(client_max_size=MAX_BODY_BYTES, middlewares=[_never_fail_wechat(config.server.path)])
    app[RUNTIME], app[METRICS], app[ENDPOINT] = runtime, metrics, endpoint
    app.router.add_get(config.server.path, endpoint.handshake)
    app.router.add_post(config.server.path, endpoint.receive)
    app.router.add_get("/healthz", healthz)
    app.router.add_get("/metrics", metrics_page)
    console.mount(app, runtime)  # the staff web console under /console (bot/console)
    if config.movable_clock:
        dev_clock.mount(app, runtime, context, worker.wake)  # POST /dev/clock, dev and drills only
    data_export_page.mount(app, runtime)  # a member's one-time copy of their data, /export/<token>
    proof_page.mount(app, runtime)  # anyone checks a proof of service hours, /verify/<code>
    app.on_startup.append(_load_language_model)
    app.on_startup.append(_sync_partner_catalogue)
    app.on_startup.append(_promote_configured_staff)
    app.cleanup_ctx.append(_background(worker.run, worker.stop))
    replayer = SpoolReplayer(context)
    app.cleanup_ctx.append(_background(replayer.run, replayer.stop))
    if run_jobs:
        jobs = JobWorker(runtime)
        app.cleanup_ctx.append(_background(jobs.run, jobs.stop))
    app.on_shutdown.append(lambda _app: endpoint.drain())
    return app


def _announce_mode(config) -> None:
    mode = config.wechat.mode
    log.info("WeChat message mode: %s", mode)
    if mode == "plaintext" and not config.is_dev:
        log.warning("plaintext mode: messages cross the network readable; set [wechat] encoding_aes_key "
                    "and message_mode = \"safe\" in production")


async def _load_language_model(app: web.Application) -> None:
    """jieba's dictionary takes about a second to load: pay it at start-up, not in a member's first message."""
    await asyncio.to_thread(nlu.warm_up)


async def _sync_partner_catalogue(app: web.Application) -> None:
    runtime = app[RUNTIME]
    await redemptions.sync_catalogue(runtime.sessions, runtime.config.partner_items)


async def _promote_configured_staff(app: web.Application) -> None:
    """`[staff] openids` (and `admins`) already registered become staff members (admins), so that their acts are
    logged under their ids."""
    runtime = app[RUNTIME]
    await members.promote_configured_staff(runtime.sessions, runtime.config.staff_openids, runtime.config.staff_admins)


def _never_fail_wechat(path: str):
    @web.middleware
    async def middleware(request: web.Request, handler):
        try:
            return await handler(request)
        except web.HTTPException:
            raise
        except Exception:  # noqa: BLE001 — WeChat must never see a 5xx or a traceback
            if request.path != path:
                raise
            log.exception("unexpected failure answering WeChat")
            return web.Response(text=SUCCESS)

    return middleware


def _background(work, stop):
    async def context(app: web.Application):
        task = asyncio.create_task(work())
        yield
        stop()
        try:
            await asyncio.wait_for(task, 15)
        except TimeoutError:
            log.warning("background work did not stop in time; cancelled")
        except asyncio.CancelledError:
            if asyncio.current_task().cancelling():
                raise  # this shutdown is itself cancelled
            log.warning("background work was cancelled under it while stopping")  # e.g. its client closed first

    return context


LOOPBACK = frozenset({"127.0.0.1", "::1"})


def may_see_detail(request: web.Request) -> bool:
    """With [server] metrics_token: who presents it as a bearer token; without: only this machine."""
    token = request.app[RUNTIME].config.server.metrics_token.get_secret_value()
    if not token:
        return request.remote in LOOPBACK
    presented = request.headers.get("Authorization", "")
    return hmac.compare_digest(presented.encode(), f"Bearer {token}".encode())


async def healthz(request: web.Request) -> web.Response:
    """The status for anyone (a load balancer); which store is down only for those who may see metrics."""
    runtime = request.app[RUNTIME]
    checks = {"database": await _check(_ping_database(runtime)), "redis": await _check(runtime.redis.ping())}
    healthy = all(state == "ok" for state in checks.values())
    detail = checks if may_see_detail(request) else {}
    return web.json_response({"status": "ok" if healthy else "unhealthy", **detail}, status=200 if healthy else 503)


async def _ping_database(runtime: Runtime) -> None:
    async with runtime.engine.connect() as connection:
        await connection.execute(text("SELECT 1"))


async def _check(probe) -> str:
    try:
        await asyncio.wait_for(probe, 2.0)
        return "ok"
    except Exception as error:  # noqa: BLE001 — health reports the failure, it does not raise it
        return f"down: {type(error).__name__}"


async def metrics_page(request: web.Request) -> web.Response:
    if not may_see_detail(request):
        return web.Response(status=401, text="metrics need [server] metrics_token as a bearer token",
                            headers={"WWW-Authenticate": "Bearer"})
    metrics = request.app[METRICS]
    return web.Response(body=metrics.render(), headers={"Content-Type": metrics.content_type})
