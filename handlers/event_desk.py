"""Staff and events in chat: `新活动` (a flow, one question at a time), `群发活动 N` (the broadcast flow with the
event's text and audience filled in), `签到码 N` (the venue's QR code, made by the job worker) and
`签到 N 13812345678` (attendance marked by hand)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import datetime, timedelta
from urllib.parse import quote

import nlu
from handlers import broadcast
from handlers.context import LOCAL_TIME
from handlers.event_texts import KIND_LABELS
from handlers.events import certify_if_due, number_in, when_text
from handlers.flow import Flow, Slot
from handlers.membership import who
from handlers.routes import Command
from handlers.staff import phone_and_rest, refuse_non_staff, staff_gate, staff_member
from handlers.turn import Turn
from handlers.types import Choice, Outcome, Reply
from storage import events, members
from storage.base import utcnow
from storage.broadcasts import ALL, community_audience
from storage.privacy import InvalidPhone

CREATE_FLOW = "event_create"
BROADCAST_FLOW = "event_broadcast"
CREATE_COMMAND = re.compile(r"^\s*(?:新活动|新建活动|发布活动|建活动|办活动)\s*$")
BROADCAST_COMMAND = re.compile(r"^\s*(?:群发|广播)\s*活动\s*(.*?)\s*$")
QR_COMMAND = re.compile(r"^\s*签到码\s*(.*?)\s*$")
# An event's number and then a phone: "签到 3" alone is a volunteer arriving at task #3 (the parser's).
MARK_COMMAND = re.compile(r"^\s*签到\s*([#＃]?\s*\d{1,10}\s+[+\d][\d\s-]{6,})$")
MAX_DAYS_AHEAD = 180
QR_URL = "https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket={ticket}"

KINDS = tuple(Choice(kind, label) for kind, label in (
    (events.TRAINING, "培训（学会一项服务）"), (events.LECTURE, "讲座"), (events.OPEN_DAY, "开放日"),
    (events.ACTIVITY, "其他活动")))
VALIDITY = (Choice(12, "一年"), Choice(24, "两年"), Choice(36, "三年"), Choice(0, "长期有效"))


# ---- creating an event -----------------------------------------------------------------


def start_time(text: str, now: datetime) -> datetime | None:
    """The moment a date and an hour name ("12月6日上午9点半"); None without an hour. A moment already read
    (the slot keeps it as ISO text, see `start_as_said`) is itself."""
    try:
        return datetime.fromisoformat(text)
    except ValueError:
        pass
    local_now = now.astimezone(LOCAL_TIME)
    slots = nlu.parse(text, now=local_now, expecting="datetime").slots
    if "time" not in slots:
        return None
    day = slots.get("date") or local_now.date().isoformat()
    return datetime.fromisoformat(f"{day}T{slots['time']}").replace(tzinfo=LOCAL_TIME)


def start_as_said(said: str) -> dict:
    """"今天下午3点" is read once, when it is said: confirmed after 15:00 it is still today at 3, and "明天9点"
    confirmed after midnight is still the day it meant, in the summary and in the event."""
    moment = start_time(said, utcnow())
    return {"event_at": moment.isoformat()} if moment is not None else {}


async def a_start(value: str, turn: Turn) -> str | None:
    ctx, now = turn.ctx, turn.incoming.received_at
    moment = start_time(value, now)
    if moment is None:
        return ctx.text("event_bad_time")
    if moment <= now:
        return ctx.text("event_past_time")
    if moment > now + timedelta(days=MAX_DAYS_AHEAD):
        return ctx.text("event_far_time", days=str(MAX_DAYS_AHEAD))
    return None


async def a_title(value: str, turn: Turn) -> str | None:
    return turn.ctx.text("event_title_too_long", limit=str(events.MAX_TITLE)) \
        if len(value.strip()) > events.MAX_TITLE else None


async def a_place(value: str, turn: Turn) -> str | None:
    return turn.ctx.text("event_place_too_long", limit=str(events.MAX_PLACE)) \
        if len(value.strip()) > events.MAX_PLACE else None


async def a_capacity(value: int, turn: Turn) -> str | None:
    return None if 1 <= value <= events.MAX_CAPACITY else \
        turn.ctx.text("event_bad_capacity", max=str(events.MAX_CAPACITY))


async def services(turn: Turn) -> tuple[Choice, ...]:
    return tuple(Choice(service.code, service.name) for service in turn.ctx.bank.catalogue.services.values())


def service_named(said: str) -> dict:
    """"陪诊" or "陪老人看病" names a service though no option's words match: that service."""
    named = nlu.services_mentioned(said)
    return {"event_service": named[0]} if named else {}


async def a_service(value: str, turn: Turn) -> str | None:
    return None if value in turn.ctx.bank.catalogue else turn.ctx.text("staff_unknown_service")


async def organiser_community(turn: Turn) -> str | None:
    staff = await staff_member(turn)
    return staff.community if staff is not None else None


async def audiences(turn: Turn) -> tuple[Choice, ...]:
    everyone = Choice(events.EVERYONE, turn.ctx.text("event_audience_all"))
    community = await organiser_community(turn)
    if not community:
        return (everyone,)
    return (Choice(events.COMMUNITY, turn.ctx.text("event_audience_community", place=community)), everyone)


def _is_training(slots: dict) -> bool:
    return slots.get("event_kind") == events.TRAINING


def _validity(months: int, ctx) -> str:
    return ctx.text("certificate_forever") if not months else next(c.label for c in VALIDITY if c.value == months)


async def summary(turn: Turn) -> str:
    ctx, slots = turn.ctx, turn.slots
    certifies = ctx.text("event_summary_certifies", service=ctx.bank.catalogue[slots["event_service"]].name,
                         valid=_validity(slots["event_valid"], ctx)) if _is_training(slots) else ""
    community = await organiser_community(turn)
    audience = ctx.text("event_audience_community", place=community) \
        if slots["event_audience"] == events.COMMUNITY else ctx.text("event_audience_all")
    return ctx.text("event_summary", kind=KIND_LABELS[slots["event_kind"]], title=slots["event_title"].strip(),
                    when=when_text(start_time(slots["event_at"], turn.incoming.received_at), ctx),
                    place=slots["event_place"].strip(), capacity=str(slots["event_capacity"]), audience=audience,
                    certifies=certifies)


async def create(turn: Turn) -> Outcome:
    incoming, ctx, slots = turn.incoming, turn.ctx, turn.slots
    staff = await staff_member(turn)
    if staff is None:
        return await refuse_non_staff(turn, CREATE_FLOW)
    training = _is_training(slots)
    starts_at = start_time(slots["event_at"], incoming.received_at)
    if starts_at is None or starts_at <= incoming.received_at:  # confirmed after the hour it named
        return Outcome(Reply(ctx.text("event_started_meanwhile")), CREATE_FLOW)
    event = await events.create_event(
        ctx.bank.sessions, request_key=f"event:{slots['run_id']}", kind=slots["event_kind"],
        title=slots["event_title"], place=slots["event_place"],
        starts_at=starts_at, capacity=slots["event_capacity"],
        audience=slots["event_audience"], community=staff.community or ctx.community.name,
        service_code=slots["event_service"] if training else None,
        certificate_months=(slots["event_valid"] or None) if training else None, by=staff.actor,
        now=incoming.received_at)
    return Outcome(Reply(ctx.text("event_created", id=str(event.id))), CREATE_FLOW)


CREATE = Flow(
    name=CREATE_FLOW,
    title="建活动",
    ready=staff_gate(CREATE_FLOW),
    slots=(
        Slot("event_kind", lambda slots, ctx: ctx.text("event_ask_kind"), expecting="choice", choices=KINDS),
        Slot("event_service", lambda slots, ctx: ctx.text("event_ask_service"), expecting="choice", offer=services,
             check=a_service, when=_is_training, otherwise=service_named),
        Slot("event_valid", lambda slots, ctx: ctx.text("event_ask_valid"), expecting="choice", choices=VALIDITY,
             when=_is_training),
        Slot("event_title", lambda slots, ctx: ctx.text("event_ask_title", limit=str(events.MAX_TITLE)),
             expecting="text", check=a_title, verbatim=True, own_words=True),
        Slot("event_at", lambda slots, ctx: ctx.text("event_ask_when"), expecting="text", check=a_start,
             tidy=start_as_said),
        Slot("event_place", lambda slots, ctx: ctx.text("event_ask_place"), expecting="text", check=a_place,
             verbatim=True, own_words=True),
        Slot("event_capacity", lambda slots, ctx: ctx.text("event_ask_capacity"), expecting="number",
             check=a_capacity),
        Slot("event_audience", lambda slots, ctx: ctx.text("event_ask_audience"), expecting="choice",
             offer=audiences),
    ),
    confirm=summary,
    finish=create,
)


# ---- telling everyone: the broadcast flow, its text and audience filled in ---------------------


async def _named_event(turn: Turn, usage: str) -> events.Event | Outcome:
    """The event the command names, for staff; else the refusal or usage to answer with."""
    ctx = turn.ctx
    if await staff_member(turn) is None:
        return await refuse_non_staff(turn, BROADCAST_FLOW)
    found = BROADCAST_COMMAND.match(turn.incoming.text) or QR_COMMAND.match(turn.incoming.text)
    number = number_in(found.group(1)) if found else None
    if number is None:
        return Outcome(Reply(ctx.text(usage)), BROADCAST_FLOW)
    event = await events.event(ctx.bank.sessions, number)
    if event is None:
        return Outcome(Reply(ctx.text("event_staff_not_found", id=str(number))), BROADCAST_FLOW)
    return event


async def broadcast_ready(turn: Turn) -> Outcome | None:
    named = await _named_event(turn, "event_staff_usage_broadcast")
    if isinstance(named, Outcome):
        return named
    return Outcome(Reply(turn.ctx.text("event_over")), BROADCAST_FLOW) \
        if named.starts_at <= turn.incoming.received_at else None


async def broadcast_prefill(turn: Turn) -> dict:
    ctx = turn.ctx
    event = await _named_event(turn, "event_staff_usage_broadcast")
    content = ctx.text("event_broadcast_text", kind=KIND_LABELS[event.kind], title=event.title,
                       when=when_text(event.starts_at, ctx), place=event.place, capacity=str(event.capacity),
                       id=str(event.id))
    audience = community_audience(event.community) \
        if event.audience == events.COMMUNITY and event.community else ALL
    return {"content": content, broadcast.AUDIENCE: audience}


BROADCAST = replace(broadcast.FLOW, name=BROADCAST_FLOW, title="群发活动", ready=broadcast_ready,
                    prefill=broadcast_prefill)


# ---- the venue's QR code ---------------------------------------------------------------------


def qr_url(ticket: str) -> str:
    return QR_URL.format(ticket=quote(ticket, safe=""))


async def venue_code(turn: Turn) -> Outcome:
    """`签到码 N`: the job worker asks WeChat for a temporary code with the scene `event:N` and sends it here."""
    incoming, ctx = turn.incoming, turn.ctx
    named = await _named_event(turn, "event_staff_usage_qr")
    if isinstance(named, Outcome):
        return replace(named, intent="event_qr")
    if not named.taking_attendance(incoming.received_at) and named.starts_at < incoming.received_at:
        return Outcome(Reply(ctx.text("event_qr_over", id=str(named.id))), "event_qr")
    if ctx.bank.jobs is None:
        return Outcome(Reply(ctx.text("event_qr_no_queue")), "event_qr")
    await ctx.bank.jobs.enqueue("event_qrcode", named.id, incoming.openid,
                                job_id=f"event_qrcode:{named.id}:{incoming.received_at.timestamp()}")
    return Outcome(Reply(ctx.text("event_qr_asked", id=str(named.id))), "event_qr")


# ---- attendance marked by staff ---------------------------------------------------------------


async def mark(turn: Turn) -> Outcome | None:
    """`签到 N 手机号`; anyone but staff goes on to the parser (a volunteer arriving)."""
    incoming, ctx = turn.incoming, turn.ctx
    staff = await staff_member(turn)
    if staff is None:
        return None
    number_words, _, phone_words = turn.argument.strip().partition(" ")
    number, (phone, _) = number_in(number_words), phone_and_rest(phone_words)
    try:
        subject = await members.member_by_phone(ctx.bank.sessions, ctx.bank.keyring, phone)
    except InvalidPhone:
        return Outcome(Reply(ctx.text("event_staff_usage_attend")), "event_mark")
    event = await events.event(ctx.bank.sessions, number or 0)
    if event is None:
        return Outcome(Reply(ctx.text("event_staff_not_found", id=str(number or number_words))), "event_mark")
    if subject is None or subject.status == members.CLOSED:
        return Outcome(Reply(ctx.text("staff_member_not_found")), "event_mark")
    if subject.id == staff.id and event.certifies:  # nobody certifies themselves
        return Outcome(Reply(ctx.text("staff_not_self")), "event_mark")
    taken = await events.attend(ctx.bank.sessions, event.id, subject.id, incoming.received_at,
                                how=events.STAFF_MARK, by=staff.actor)
    await certify_if_due(ctx, taken, event, subject, staff.actor, incoming.received_at)
    name = await who(subject.id, ctx)
    answers = {"not_now": ctx.text("event_staff_not_now", id=str(event.id), when=when_text(event.starts_at, ctx)),
               "not_seated": ctx.text("event_staff_not_seated", who=name)}
    said = answers.get(taken.code) or ctx.text("event_staff_marked" if taken.first else "event_staff_marked_again",
                                               who=name, title=event.title)
    return Outcome(Reply(said), "event_mark")


ROUTES = (
    CREATE,
    BROADCAST,
    Command(CREATE_COMMAND, flow=CREATE_FLOW, staff=True),
    Command(BROADCAST_COMMAND, flow=BROADCAST_FLOW, staff=True),
    Command(QR_COMMAND, venue_code, staff=True),
    Command(MARK_COMMAND, mark, staff=True),
)
