"""Members and events: the list (`活动`), signing up (`报名 N`, or a number after the list), `我的活动`,
`取消报名 N` with the waiting list moved up, reminders, and attendance by the venue's QR code.

Seats and queue places are storage.events's: it keeps capacity under concurrency and resends. Here the
words: every answer a member can get says what to send next.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, datetime

from handlers.context import Context
from handlers.event_texts import KIND_LABELS, WEEKDAYS
from handlers.notices import tell_member, tell_members
from handlers.numbers import record_number
from handlers.routes import Command, Intent
from handlers.turn import Turn
from handlers.types import Choice, Outcome, Reply
from storage import events, members
from storage.events import Attendance, Event, Place

LIST_COMMAND = re.compile(r"^\s*((?:最近|近期|这几天|最近有|有)?(?:什么|哪些)?活动(?:吗|呢|列表)?|报名活动|参加活动|看看活动)\s*[?？]?\s*$")
MINE_COMMAND = re.compile(r"^\s*(我的活动|我报的活动|我报名的活动)\s*$")
# "报名 3", "报名 #3", "报名 abc": a number or a slip. "报名" alone and "报名当志愿者" are registering (the parser).
SIGN_UP_COMMAND = re.compile(r"^\s*报名\s*(?:活动)?\s*([#＃]?\s*[0-9０-９]+|[A-Za-z]+)\s*$")
CANCEL_COMMAND = re.compile(r"^\s*取消\s*报名\s*(?:活动)?\s*(.*?)\s*$")
# The venue's code: `event:<id>`; a follow through it comes as `qrscene_event:<id>`.
EVENT_SCENE = re.compile(r"^(?:qrscene_)?event:(\d+)$")
EVENTS_LISTED = 8
SIGN_UP_INTENT = "event_sign_up"


def when_text(moment: datetime, ctx: Context) -> str:
    local = ctx.local(moment)
    return f"{local.month}月{local.day}日（周{WEEKDAYS[local.weekday()]}）{local:%H:%M}"


def number_in(words: str) -> int | None:
    """The event number typed, full-width digits and a "#" allowed; None for words that are no number."""
    digits = unicodedata.normalize("NFKC", words).strip().lstrip("#").strip()
    return record_number(digits) if digits.isascii() and digits.isdigit() else None


def scene_event(scene: str) -> int | None:
    found = EVENT_SCENE.match(scene.strip())
    return record_number(found.group(1)) if found else None


# ---- the list -----------------------------------------------------------------------


async def list_events(turn: Turn) -> Outcome:
    incoming, ctx = turn.incoming, turn.ctx
    member = await turn.member()
    if member is None:
        return Outcome(Reply(ctx.text("not_registered")), "events")
    found = await events.upcoming(ctx.bank.sessions, incoming.received_at, community=member.community,
                                  limit=EVENTS_LISTED)
    if not found:
        return Outcome(Reply(ctx.text("event_none")), "events")
    lines = "\n".join(f"{number}. {_line(event, ctx)}" for number, event in enumerate(found, 1))
    offered = tuple(Choice({"intent": SIGN_UP_INTENT, "slots": {"event_id": event.id}}, event.title)
                    for event in found)
    return Outcome(Reply(ctx.text("event_list", lines=lines)), "events", choices=offered)


def _line(event: Event, ctx: Context) -> str:
    seats = ctx.text("event_seats_left", count=str(event.seats_left)) if event.seats_left else ctx.text("event_full")
    return ctx.text("event_line", when=when_text(event.starts_at, ctx), title=event.title,
                    kind=KIND_LABELS[event.kind], place=event.place, seats=seats)


# ---- signing up -----------------------------------------------------------------------


async def sign_up_command(turn: Turn) -> Outcome:
    number = number_in(turn.argument)
    if number is None:
        return Outcome(Reply(turn.ctx.text("event_usage_sign_up")), SIGN_UP_INTENT)
    return await sign_up(turn, number)


async def sign_up_picked(turn: Turn) -> Outcome:
    """A number answered after the list."""
    return await sign_up(turn, turn.slots["event_id"])


async def sign_up(turn: Turn, event_id: int) -> Outcome:
    incoming, ctx = turn.incoming, turn.ctx
    member = await turn.member()
    if member is None:
        return Outcome(Reply(ctx.text("not_registered")), SIGN_UP_INTENT)
    done = await events.sign_up(ctx.bank.sessions, event_id, member.id, incoming.received_at, member.community)
    refusals = {"not_found": ("event_not_found", {"id": str(event_id)}), "over": ("event_over", {}),
                "not_open": ("event_not_open", {"place": await _community_of(event_id, ctx)})}
    if done.code:
        key, values = refusals[done.code]
        return Outcome(Reply(ctx.text(key, **values)), SIGN_UP_INTENT)
    return Outcome(Reply(_placed(done.place, done.again, ctx)), SIGN_UP_INTENT)


async def _community_of(event_id: int, ctx: Context) -> str:
    event = await events.event(ctx.bank.sessions, event_id)
    return event.community or ctx.community.name if event else ""


def _placed(place: Place, again: bool, ctx: Context) -> str:
    event = place.event
    values = dict(title=event.title, when=when_text(event.starts_at, ctx), place=event.place, id=str(event.id))
    if place.status == events.SEATED:
        return ctx.text("event_already_seated" if again else "event_signed_up", **values)
    return ctx.text("event_already_waiting" if again else "event_waiting",
                    **{**values, "place": str(place.waiting_place)})


# ---- one's own, and cancelling ------------------------------------------------------------


async def my_events(turn: Turn) -> Outcome:
    incoming, ctx = turn.incoming, turn.ctx
    member = await turn.member()
    if member is None:
        return Outcome(Reply(ctx.text("not_registered")), "my_events")
    places = await events.places_of(ctx.bank.sessions, member.id, incoming.received_at)
    if not places:
        return Outcome(Reply(ctx.text("event_mine_none")), "my_events")
    lines = "\n".join(ctx.text("event_mine_line", id=str(place.event.id), when=when_text(place.event.starts_at, ctx),
                               title=place.event.title, place=place.event.place, status=_status(place, ctx))
                      for place in places)
    return Outcome(Reply(ctx.text("event_mine", lines=lines)), "my_events")


def _status(place: Place, ctx: Context) -> str:
    if place.attended:
        return ctx.text("event_status_attended")
    if place.status == events.WAITING:
        return ctx.text("event_status_waiting", place=str(place.waiting_place))
    return ctx.text("event_status_seated")


async def cancel(turn: Turn) -> Outcome:
    incoming, ctx = turn.incoming, turn.ctx
    member = await turn.member()
    if member is None:
        return Outcome(Reply(ctx.text("not_registered")), "event_cancel")
    event_id = number_in(turn.argument)
    if event_id is None:
        return Outcome(Reply(ctx.text("event_usage_cancel")), "event_cancel")
    done = await events.cancel(ctx.bank.sessions, event_id, member.id, incoming.received_at)
    if done.code == "over":
        return Outcome(Reply(ctx.text("event_cancel_over")), "event_cancel")
    if done.code:  # no such event, or not signed up to it: the same polite answer
        return Outcome(Reply(ctx.text("event_not_signed_up", id=str(event_id))), "event_cancel")
    event = await events.event(ctx.bank.sessions, event_id)
    if done.moved_up is not None:
        await tell_moved_up(ctx, event, done.moved_up, incoming.received_at)
    key = "event_cancelled_seat" if done.was == events.SEATED else "event_cancelled_waiting"
    return Outcome(Reply(ctx.text(key, title=event.title)), "event_cancel")


async def tell_moved_up(ctx: Context, event: Event, member_id: int, now: datetime) -> None:
    body = ctx.text("event_moved_up", title=event.title, when=when_text(event.starts_at, ctx), place=event.place,
                    id=str(event.id))
    await tell_member(ctx, member_id, "event_moved_up", body, f"event_moved_up:{event.id}:{now.timestamp()}")


# ---- reminders (handlers/sweeps.py) ------------------------------------------------------


async def remind(ctx: Context, now: datetime) -> int:
    """The day's and the hour's reminder to every seat-holder, each claimed once however many sweeps run."""
    told = 0
    for due in await events.claim_reminders(ctx.bank.sessions, now):
        event = due.event
        key = "event_reminder_day" if due.which == events.DAY else "event_reminder_hour"
        body = ctx.text(key, title=event.title, when=when_text(event.starts_at, ctx), place=event.place,
                        id=str(event.id))
        await tell_members(ctx, due.member_ids, "event_reminder", body, f"event_remind:{event.id}:{due.which}")
        told += len(due.member_ids)
    return told


# ---- attendance: the venue's code, and what a training gives ---------------------------------


async def attend_by_scene(turn: Turn) -> str | None:
    """What a follow or scan through an event's code says about attendance; None when the code is no event's."""
    incoming, ctx = turn.incoming, turn.ctx
    event_id = scene_event(incoming.scene)
    if event_id is None:
        return None
    member = await turn.member()
    if member is None:
        return ctx.text("event_scan_not_registered")
    taken = await events.attend(ctx.bank.sessions, event_id, member.id, incoming.received_at)
    if taken.code == "not_found":
        return ctx.text("event_scan_unknown")
    event = await events.event(ctx.bank.sessions, event_id)
    await certify_if_due(ctx, taken, event, member, members.SYSTEM, incoming.received_at)
    return scan_answer(taken, event, ctx)


def scan_answer(taken: Attendance, event: Event, ctx: Context) -> str:
    if taken.code == "not_now":
        return ctx.text("event_scan_not_now", title=event.title, when=when_text(event.starts_at, ctx))
    if taken.code == "not_seated":
        return ctx.text("event_scan_not_seated", title=event.title)
    return ctx.text("event_scan_attended" if taken.first else "event_scan_again", title=event.title)


async def certify_if_due(ctx: Context, taken: Attendance, event: Event, member: members.Member,
                         by: members.Actor, now: datetime) -> None:
    """A volunteer who came to a training gets its service's certificate, once, and is told."""
    if not taken.certify or member.role != members.VOLUNTEER:
        return
    if not await events.claim_certificate(ctx.bank.sessions, event.id, member.id, now):
        return
    issued = ctx.local(now).date()
    until = add_months(issued, event.certificate_months) if event.certificate_months else None
    await members.record_certificate(ctx.bank.sessions, member.id, event.service_code,
                                     event.community or ctx.community.name, issued, until, by=by)
    valid = ctx.text("certificate_until", day=f"{until.year}年{until.month}月{until.day}日") if until \
        else ctx.text("certificate_forever")
    service = ctx.bank.catalogue[event.service_code].name if event.service_code in ctx.bank.catalogue \
        else event.service_code
    await tell_member(ctx, member.id, "certificate",
                      ctx.text("event_certified_notice", title=event.title, service=service, valid=valid),
                      f"event_certificate:{event.id}")


def add_months(day: date, months: int) -> date:
    """The same day `months` later; the month's last day where it has no such day (31 Jan + 1 → 28/29 Feb)."""
    year, month = divmod(day.month - 1 + months, 12)
    year, month = day.year + year, month + 1
    for last in (31, 30, 29, 28):
        try:
            return date(year, month, min(day.day, last))
        except ValueError:
            continue
    raise AssertionError("unreachable")


# ---- the daily report (handlers/staff_desk.py) ---------------------------------------------


async def report_line(ctx: Context, start: datetime, end: datetime) -> str:
    counts = await events.day_counts(ctx.bank.sessions, start, end)
    places = "；".join(ctx.text("event_report_place", place=place or ctx.text("event_report_no_community"),
                               signed=str(signed), attended=str(attended))
                      for place, (signed, attended) in counts.by_community.items())
    return ctx.text("event_report", signed=str(counts.signed_up), attended=str(counts.attended),
                    places=ctx.text("event_report_places", places=places) if places else "")


ROUTES = (
    Intent(SIGN_UP_INTENT, sign_up_picked, title="报名活动"),
    Command(LIST_COMMAND, list_events),
    Command(MINE_COMMAND, my_events),
    Command(SIGN_UP_COMMAND, sign_up_command),
    Command(CANCEL_COMMAND, cancel),
)
