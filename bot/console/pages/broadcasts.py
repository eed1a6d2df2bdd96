"""Broadcasts: compose (audience, time), preview and confirm, progress and results, history.

The same rules as `群发` in chat (handlers/broadcast.py: the plan of channel,
audience size and quota; storage.broadcasts: the record, audited), and the
same job worker sends it. The confirmation form carries a nonce that becomes
the broadcast's request key, so confirming twice sends once.
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime, timedelta

from aiohttp import web

from bot.console.pages.common import back, runtime_of, staff_actor, whole_number
from bot.console.render import LOCAL_TIME, render
from bot.console.state import CONTEXT, NOW, STAFF
from handlers.broadcast import MAX_CONTENT_CHARS, MAX_DAYS_AHEAD, audience_label, plan
from handlers.broadcast_texts import AUDIENCE_LABELS, PERIOD_LABELS, STATUS_LABELS
from storage import broadcasts

NONCE = re.compile(r"^[A-Za-z0-9_-]{8,40}$")
IN_PROGRESS = (broadcasts.SCHEDULED, broadcasts.SENDING)


async def _audiences(runtime) -> list[tuple[str, str]]:
    places = await broadcasts.communities(runtime.sessions)
    return [*AUDIENCE_LABELS.items(), *((broadcasts.community_audience(name), name) for name in places)]


async def history(request: web.Request) -> web.Response:
    runtime = runtime_of(request)
    return render(request, "broadcasts.html", past=await broadcasts.history(runtime.sessions, limit=30),
                  audiences=await _audiences(runtime), statuses=STATUS_LABELS, labels_of=audience_label,
                  problem="", form={}, limit=MAX_CONTENT_CHARS, refused=request.query.get("refused", ""))


def _composed(form, now: datetime) -> tuple[dict, str]:
    """The broadcast the form describes, and what is wrong with it ("" when nothing)."""
    content = str(form.get("content", "")).strip()
    audience = str(form.get("audience", ""))
    when = str(form.get("send_at", "")).strip()
    values = {"content": content, "audience": audience, "send_at": when}
    if not content:
        return values, "请写群发的内容。"
    if len(content) > MAX_CONTENT_CHARS:
        return values, f"内容太长了：最多 {MAX_CONTENT_CHARS} 个字。"
    if not broadcasts.is_audience(audience):
        return values, "请选择发给谁。"
    if when:
        try:
            at = datetime.fromisoformat(when).replace(tzinfo=LOCAL_TIME)
        except ValueError:
            return values, "发送时间看不懂，请重新选择。"
        if at <= now:
            return values, "发送时间已经过了，请选以后的时间，或者留空马上发。"
        if at > now + timedelta(days=MAX_DAYS_AHEAD):
            return values, f"最多只能提前 {MAX_DAYS_AHEAD} 天安排。"
        values["at"] = at
    return values, ""


async def preview(request: web.Request) -> web.Response:
    """Checks the broadcast, sends its preview to the author's own WeChat, and asks for confirmation."""
    runtime, ctx, staff = runtime_of(request), request.app[CONTEXT], request[STAFF]
    values, problem = _composed(await request.post(), request[NOW])
    if problem:
        return render(request, "broadcasts.html", status=400, past=await broadcasts.history(runtime.sessions, 30),
                      audiences=await _audiences(runtime), statuses=STATUS_LABELS, labels_of=audience_label,
                      problem=problem, form=values, limit=MAX_CONTENT_CHARS, refused="")
    how = await plan(values["audience"], ctx, values.get("at") or request[NOW])
    previewed = runtime.jobs is not None and staff.openid is not None
    if previewed:
        await runtime.jobs.enqueue("preview_broadcast", staff.openid,
                                   broadcasts.seal_preview(runtime.keyring, staff.openid, values["content"]))
        await broadcasts.record_preview(runtime.sessions, staff.actor, values["audience"], request[NOW])
    period, allowed = runtime.config.broadcast.quota
    return render(request, "broadcast_confirm.html", values=values, how=how, previewed=previewed,
                  audience=audience_label(values["audience"]), period=PERIOD_LABELS[period], allowed=allowed,
                  nonce=secrets.token_urlsafe(12))


async def send(request: web.Request) -> web.Response:
    runtime, ctx = runtime_of(request), request.app[CONTEXT]
    form = await request.post()
    values, problem = _composed(form, request[NOW])
    nonce = str(form.get("nonce", ""))
    if problem or not NONCE.match(nonce):
        raise web.HTTPSeeOther("/console/broadcasts")
    at = values.get("at")
    how = await plan(values["audience"], ctx, at or request[NOW])
    if how.size == 0 or (how.channel == broadcasts.MASS and how.quota_left < 1):
        raise web.HTTPSeeOther("/console/broadcasts?refused=" + ("nobody" if how.size == 0 else "quota"))
    broadcast = await broadcasts.create(
        runtime.sessions, author=staff_actor(request), content=values["content"], audience=values["audience"],
        channel=how.channel, request_key=f"console-broadcast:{nonce}", now=request[NOW], scheduled_at=at)
    await runtime.jobs.enqueue("send_broadcast", broadcast.id, job_id=f"broadcast:{broadcast.id}", at=at)
    raise back(f"/console/broadcasts/{broadcast.id}", "broadcast_sent")


async def progress(request: web.Request) -> web.Response:
    runtime = runtime_of(request)
    broadcast = await broadcasts.get(runtime.sessions, whole_number(request.match_info["broadcast_id"]) or 0)
    if broadcast is None:
        raise web.HTTPNotFound(text="没有这条群发")
    tally = await broadcasts.tally(runtime.sessions, broadcast.id) if broadcast.channel == broadcasts.FANOUT \
        else None
    return render(request, "broadcast.html", broadcast=broadcast, tally=tally, statuses=STATUS_LABELS,
                  audience=audience_label(broadcast.audience), refresh=broadcast.status in IN_PROGRESS)


async def cancel(request: web.Request) -> web.Response:
    runtime = runtime_of(request)
    broadcast_id = whole_number(request.match_info["broadcast_id"]) or 0
    cancelled = await broadcasts.cancel(runtime.sessions, broadcast_id, staff_actor(request), request[NOW])
    if cancelled is None:
        raise web.HTTPNotFound(text="没有这条群发")
    raise back(f"/console/broadcasts/{broadcast_id}",
               "broadcast_cancelled" if cancelled.status == broadcasts.CANCELLED else "broadcast_not_cancelled")


ROUTES = (
    ("GET", "/broadcasts", history),
    ("POST", "/broadcasts/preview", preview),
    ("POST", "/broadcasts/send", send),
    ("GET", "/broadcasts/{broadcast_id}", progress),
    ("POST", "/broadcasts/{broadcast_id}/cancel", cancel),
)
