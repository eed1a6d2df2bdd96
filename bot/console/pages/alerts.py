"""The alert queue: SOS, disputes, low ratings, no-shows, far check-ins; each resolved with a note."""

from __future__ import annotations

from aiohttp import web

from bot.console.auth import actor_of
from bot.console.pages.common import back, runtime_of, staff_actor, whole_number
from bot.console.render import render
from bot.console.state import CONTEXT, NOW
from handlers.aftercare import part_amount, settle_dispute
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
    except alerts.DisputeStillOpen as open_dispute:
        raise web.HTTPConflict(text=f"需求 #{open_dispute.request_id} 的纠纷还没处理：请用“处理纠纷”表单，"
                                    "处理完告警会自动关闭。") from None
    raise back("/console/alerts", "handled" if changed else "handled_before")


async def settle(request: web.Request) -> web.Response:
    """A dispute's alert: the dispute decided as `处理 N 全付/部分/退回` decides it in chat, by the same service."""
    runtime, ctx = runtime_of(request), request.app[CONTEXT]
    alert_id = whole_number(request.match_info["alert_id"])
    try:
        alert = await alerts.alert(runtime.sessions, alert_id) if alert_id is not None else None
    except alerts.AlertNotFound:
        alert = None
    if alert is None or alert.kind != alerts.DISPUTE or alert.request_id is None:
        raise web.HTTPNotFound(text="没有这条纠纷告警")
    form = await request.post()
    amount = part_amount(str(form.get("amount", "")), request[NOW], ctx) if form.get("decision") == "PART" else None
    settled, sentence = await settle_dispute(ctx, staff_actor(request), alert.request_id, str(form.get("decision", "")),
                                             amount, str(form.get("reason", "")).strip(), request[NOW])
    if not settled:
        raise web.HTTPBadRequest(text=sentence)
    raise back("/console/alerts", "settled")


ROUTES = (("GET", "/alerts", queue), ("POST", "/alerts/{alert_id}/handle", resolve),
          ("POST", "/alerts/{alert_id}/settle", settle))
