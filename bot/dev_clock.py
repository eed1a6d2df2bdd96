"""The movable clock's endpoint, for dev and drills only: POST /dev/clock moves "now" and runs what fell due.

It exists only with `[dev] movable_clock = true`, which start-up refuses unless
WeChat is the sandbox on this machine (bot/config.py), and it answers only
requests from this machine. The offset lives in Redis, so a separate worker
process sees the same now; the clock only moves forward.

    {"advance_s": 7200}                  two hours on
    {"set": "2026-12-05T08:50:00+08:00"}  to that moment (a time without its UTC offset is Beijing time)
"""

from __future__ import annotations

import logging
from datetime import datetime, time, timedelta

from aiohttp import web

from bot.runtime import Runtime
from handlers.context import LOCAL_TIME, Context
from handlers.staff_desk import push_daily_report
from handlers.sweeps import run_sweeps
from storage import broadcasts, ledger, redemptions
from storage.clock import CLOCK, ClockError

log = logging.getLogger("timebank.clock")

PATH = "/dev/clock"
REPORT_AT = time(8, 0)  # the morning report, Beijing time (bot/worker.py's cron)
MAX_REPORT_DAYS = 7  # a jump of months sends a week of reports, not a flood
LOCAL_HOSTS = frozenset({"127.0.0.1", "::1"})


def mount(app: web.Application, runtime: Runtime, context: Context, wake_outbox) -> None:
    async def move(request: web.Request) -> web.Response:
        if request.remote not in LOCAL_HOSTS:
            raise web.HTTPForbidden(text="the dev clock answers only this machine")
        before = CLOCK.now()
        try:
            now = await _moved(await _json(request), runtime)
        except (ClockError, ValueError, TypeError) as error:
            raise web.HTTPBadRequest(text=str(error)) from None
        done = await catch_up(context, runtime, before, now)
        wake_outbox()
        log.warning("movable clock moved to %s: %s", now.isoformat(timespec="seconds"), done)
        return web.json_response({"now": now.isoformat(timespec="seconds"),
                                  "offset_s": CLOCK.offset.total_seconds(), "done": done})

    app.router.add_post(PATH, move)


async def _json(request: web.Request) -> dict:
    try:
        body = await request.json()
    except ValueError:
        raise ClockError('send JSON: {"advance_s": N} or {"set": "<ISO time>"}') from None
    if not isinstance(body, dict) or len(body.keys() & {"advance_s", "set"}) != 1:
        raise ClockError('send exactly one of {"advance_s": N} or {"set": "<ISO time>"}')
    return body


async def _moved(body: dict, runtime: Runtime) -> datetime:
    if "advance_s" in body:
        seconds = body["advance_s"]
        if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or seconds > 366 * 86400:
            raise ClockError("advance_s: a number of seconds, at most a year")
        return await CLOCK.advance(runtime.redis, seconds)
    when = datetime.fromisoformat(str(body["set"]))
    return await CLOCK.set(runtime.redis, when if when.tzinfo else when.replace(tzinfo=LOCAL_TIME))


async def catch_up(ctx: Context, runtime: Runtime, before: datetime, now: datetime) -> dict:
    """Everything the worker's schedule would have run between `before` and `now`, once, at `now`."""
    done = await run_sweeps(ctx, now)
    done["redemptions_expired"] = await redemptions.expire_due(runtime.sessions, now)
    done["holds_expired"] = len(await ledger.expire_holds(runtime.sessions, now))
    done["reports"] = [day.isoformat() for day in await _reports(ctx, before, now)]
    done["broadcasts_started"] = await _due_broadcasts(runtime, now)
    return done


async def _due_broadcasts(runtime: Runtime, now: datetime) -> int:
    """Scheduled broadcasts the move passed: their own job waits on the real clock, so start them now.

    A job id of its own per move; send_broadcast starts a broadcast once, so the waiting job later finds it done.
    """
    started = 0
    for broadcast in await broadcasts.due(runtime.sessions, now):
        started += await runtime.jobs.enqueue("send_broadcast", broadcast.id,
                                              job_id=f"broadcast:{broadcast.id}:clock:{int(now.timestamp())}")
    return started


async def _reports(ctx: Context, before: datetime, now: datetime) -> list:
    """The morning reports whose 08:00 the move passed: each says the day before it."""
    mornings, day = [], before.astimezone(LOCAL_TIME).date()
    while (morning := datetime.combine(day, REPORT_AT, LOCAL_TIME)) <= now:
        if morning > before:
            mornings.append(morning)
        day += timedelta(days=1)
    return [await push_daily_report(ctx, morning) for morning in mornings[-MAX_REPORT_DAYS:]]
