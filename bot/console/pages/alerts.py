"""The alert queue: SOS, disputes, low ratings, no-shows, far check-ins; each resolved with a note."""

from __future__ import annotations

from aiohttp import web

from bot.console.auth import actor_of
from bot.console.pages.common import back, runtime_of, whole_number
from bot.console.render import render
from handlers.people import named
from storage import alerts, console_queries


async def queue(request: web.Request) -> web.Response:
    runtime = runtime_of(request)
    waiting = await console_queries.recent_alerts(runtime.sessions, status=alerts.OPEN)
    handled = await console_queries.recent_alerts(runtime.sessions, status=alerts.HANDLED, limit=20)
    about = {alert.member_id for alert in waiting + handled if alert.member_id is not None}
    people = await console_queries.member_lines(runtime.sessions, runtime.keyring, sorted(about))
    actors = await named(runtime.sessions, runtime.keyring, [alert.handled_by for alert in handled])
    return render(request, "alerts.html", waiting=waiting, handled=handled, people=people, actors=actors,
                  note_missing=request.query.get("missing") == "note")


async def resolve(request: web.Request) -> web.Response:
    alert_id = whole_number(request.match_info["alert_id"])
    note = str((await request.post()).get("note", "")).strip()
    if alert_id is None:
        raise web.HTTPNotFound(text="没有这条告警")
    if not note:
        raise web.HTTPSeeOther(f"/console/alerts?missing=note#alert-{alert_id}")
    try:
        changed = await alerts.handle(runtime_of(request).sessions, alert_id, actor_of(request), note)
    except alerts.AlertNotFound:
        raise web.HTTPNotFound(text="没有这条告警") from None
    raise back("/console/alerts", "handled" if changed else "handled_before")


ROUTES = (("GET", "/alerts", queue), ("POST", "/alerts/{alert_id}/handle", resolve))
