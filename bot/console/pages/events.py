"""Events: the list with sign-ups, waiting list and attendance; a form to create one; one event's people by
community, attendance marked by hand, and the venue's QR code.

The same rules as chat (handlers/event_desk.py, storage.events): staff only, checked again in storage; the
creation form carries a nonce that becomes the event's request key, so pressing twice makes one event.
"""

from __future__ import annotations

import re
import secrets
from datetime import datetime, timedelta

from aiohttp import web
from wechatpy.exceptions import WeChatClientException

from bot.console.pages.common import back, runtime_of, staff_actor, whole_number
from bot.console.render import LOCAL_TIME, render
from bot.console.state import CONTEXT, NOW, STAFF
from bot.event_qrcode import LONGEST, SHORTEST
from handlers.event_desk import MAX_DAYS_AHEAD, qr_url
from handlers.event_texts import KIND_LABELS
from handlers.events import certify_if_due
from storage import console_queries, events, members
from storage.events.values import ATTENDANCE_CLOSES

NONCE = re.compile(r"^[A-Za-z0-9_-]{8,40}$")
SHOWN_DAYS = 30  # events that started within this many days, and those ahead
MONTHS = ((0, "长期有效"), (12, "一年"), (24, "两年"), (36, "三年"))


def _services(runtime) -> dict[str, str]:
    return {code: service.name for code, service in runtime.config.catalogue.services.items()}


async def page(request: web.Request, *, problem: str = "", form=None, status: int = 200) -> web.Response:
    runtime = runtime_of(request)
    shown = await events.recent(runtime.sessions, request[NOW] - timedelta(days=SHOWN_DAYS))
    return render(request, "events.html", status=status, shown=shown,
                  tallies=await events.tallies(runtime.sessions, [event.id for event in shown]),
                  kinds=KIND_LABELS, services=_services(runtime), months=MONTHS, problem=problem, form=form or {},
                  community=request[STAFF].community, nonce=secrets.token_urlsafe(12))


def _event_form(form, now: datetime, services: dict[str, str]) -> tuple[dict, str]:
    """The event the form describes, and what is wrong with it ("" when nothing)."""
    values = {key: str(form.get(key, "")).strip() for key in
              ("kind", "title", "starts_at", "place", "capacity", "audience", "service", "months", "nonce")}
    if values["kind"] not in KIND_LABELS:
        return values, "请选择活动类型。"
    if not values["title"] or len(values["title"]) > events.MAX_TITLE:
        return values, f"请写活动名称（{events.MAX_TITLE}字以内）。"
    if not values["place"] or len(values["place"]) > events.MAX_PLACE:
        return values, f"请写地点（{events.MAX_PLACE}字以内）。"
    capacity = whole_number(values["capacity"], high=events.MAX_CAPACITY)
    if capacity is None:
        return values, f"人数请写1到{events.MAX_CAPACITY}之间的数字。"
    try:
        at = datetime.fromisoformat(values["starts_at"]).replace(tzinfo=LOCAL_TIME)
    except ValueError:
        return values, "请选择开始时间。"
    if at <= now or at > now + timedelta(days=MAX_DAYS_AHEAD):
        return values, f"开始时间要在以后，最多提前{MAX_DAYS_AHEAD}天。"
    if values["audience"] not in events.AUDIENCES:
        return values, "请选择谁可以报名。"
    training = values["kind"] == events.TRAINING
    if training and values["service"] not in services:
        return values, "培训请选择培训的服务。"
    months = whole_number(values["months"], low=0, high=120) if training else None
    if training and months is None:
        return values, "请选择证书有效期。"
    if not NONCE.match(values["nonce"]):
        return values, "表单过期了，请重新填写。"
    return {**values, "at": at, "capacity_n": capacity, "service_code": values["service"] if training else None,
            "months_n": months or None}, ""


async def create(request: web.Request) -> web.Response:
    runtime = runtime_of(request)
    values, problem = _event_form(await request.post(), request[NOW], _services(runtime))
    if problem:
        return await page(request, problem=problem, form=values, status=400)
    staff = request[STAFF]
    event = await events.create_event(
        runtime.sessions, request_key=f"console-event:{values['nonce']}", kind=values["kind"], title=values["title"],
        place=values["place"], starts_at=values["at"], capacity=values["capacity_n"], audience=values["audience"],
        community=staff.community or runtime.config.community.name, service_code=values["service_code"],
        certificate_months=values["months_n"], by=staff_actor(request), now=request[NOW])
    raise back(f"/console/events/{event.id}", "event_created")


async def _event_or_404(request: web.Request) -> events.Event:
    event = await events.event(runtime_of(request).sessions, whole_number(request.match_info["event_id"]) or 0)
    if event is None:
        raise web.HTTPNotFound(text="没有这个活动")
    return event


async def one(request: web.Request) -> web.Response:
    runtime = runtime_of(request)
    event = await _event_or_404(request)
    people = await events.attendees(runtime.sessions, event.id)
    lines = await console_queries.member_lines(runtime.sessions, runtime.keyring, [p.member_id for p in people])
    return render(request, "event.html", event=event, kinds=KIND_LABELS, services=_services(runtime),
                  places=await events.by_community(runtime.sessions, event.id), people=people, lines=lines,
                  qr=qr_url(event.qr_ticket) if event.qr_ticket else "", refused=request.query.get("refused", ""))


async def attend(request: web.Request) -> web.Response:
    """Attendance marked by hand, for one person on the list; a training's certificate follows, as in chat."""
    runtime, ctx = runtime_of(request), request.app[CONTEXT]
    event = await _event_or_404(request)
    member = await members.member_by_id(runtime.sessions, whole_number((await request.post()).get("member_id")) or 0)
    path = f"/console/events/{event.id}"
    if member is None or (member.id == request[STAFF].id and event.certifies):
        raise web.HTTPSeeOther(f"{path}?refused=event_attend")
    taken = await events.attend(runtime.sessions, event.id, member.id, request[NOW], how=events.STAFF_MARK,
                                by=staff_actor(request))
    if taken.code:
        raise web.HTTPSeeOther(f"{path}?refused=event_{taken.code}")
    await certify_if_due(ctx, taken, event, member, staff_actor(request), request[NOW])
    raise back(path, "event_attended")


async def qrcode(request: web.Request) -> web.Response:
    """The venue's temporary QR code (scene `event:<id>`), asked of WeChat now."""
    runtime = runtime_of(request)
    event = await _event_or_404(request)
    lasts = min(LONGEST, max(SHORTEST, event.starts_at + ATTENDANCE_CLOSES - request[NOW]))
    try:
        ticket = await runtime.wechat.create_temporary_qrcode(f"event:{event.id}", int(lasts.total_seconds()))
    except WeChatClientException:
        raise web.HTTPSeeOther(f"/console/events/{event.id}?refused=event_qrcode")
    await events.set_qr_ticket(runtime.sessions, event.id, ticket)
    raise back(f"/console/events/{event.id}", "event_qrcode")


ROUTES = (
    ("GET", "/events", page),
    ("POST", "/events", create),
    ("GET", "/events/{event_id}", one),
    ("POST", "/events/{event_id}/attend", attend),
    ("POST", "/events/{event_id}/qrcode", qrcode),
)
