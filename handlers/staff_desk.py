"""The staff desk in chat: ledger corrections, the alert queue, a volunteer's record, staff rights, the daily report.

Same rules as handlers/staff.py: staff only (anyone else gets the polite
refusal), members named by phone and shown masked, and every act in the
audit log under the staff member's id with the reason given. A correction
that moves credits is a small flow ending in a confirmation, keyed on the
conversation's run id, so saying "是" twice moves nothing twice.
"""

from __future__ import annotations

import re
from typing import Awaitable, Callable
from datetime import date, datetime, timedelta

from handlers.corrections import announce, refusal as said_no, signed
from handlers.events import report_line as event_report_line
from handlers.numbers import FIRST_YEAR, record_number
from handlers.context import LOCAL_TIME, Context
from handlers.flow import Choice, Flow, Slot
from handlers.help_flow_words import help_flow_section
from handlers.survey_results import survey_section
from handlers.membership import who
from handlers.names import ALERT_KINDS, ROLES, TRANSFER_KINDS
from handlers.notices import tell_member, tell_staff
from handlers.staff import phone_and_rest, staff_action, staff_command, staff_gate, staff_member
from handlers.routes import Command
from handlers.turn import Turn
from handlers.types import Outcome, Reply
from nlu import find_amounts
from storage import alerts, audit, corrections, help_flow, ledger, members, reports, tasks
from storage.exchange import format_minutes
from storage.privacy import InvalidPhone

ALERTS_COMMAND = re.compile(r"^\s*(?:待办|警报)\s*()$")
HANDLE_ALERT_COMMAND = re.compile(r"^\s*处理警报\s*(.*)$", re.S)
RECORD_COMMAND = re.compile(r"^\s*志愿者记录\s*([+\d\s-]*)$")
MAKE_STAFF_COMMAND = re.compile(r"^\s*设为工作人员\s*([+\d\s-]*)$")
MAKE_ADMIN_COMMAND = re.compile(r"^\s*设为管理员\s*([+\d\s-]*)$")
REVOKE_STAFF_COMMAND = re.compile(r"^\s*撤销工作人员\s*([+\d\s-]*)$")
REPORT_COMMAND = re.compile(r"^\s*日报\s*(.*)$")
# Flows: the command word, then a number, a space or nothing, so that "冲正是什么意思" still reaches the parser.
REVERSE_COMMAND = re.compile(r"^\s*冲正(?=[\s#\d]|$)")
GRANT_COMMAND = re.compile(r"^\s*发放(?=[\s+\d]|$)")
AMOUNT_PREFIX = re.compile(r"\s*(?:[-－−负]|\d+\.)?\s*")  # what may come before an amount and belong to it
ADJUST_COMMAND = re.compile(r"^\s*调整(?=[\s+\d]|$)")
ADJUST_PARTS = re.compile(r"^\s*调整\s*(.*)$", re.S)
APPROVE_COMMAND = re.compile(r"^\s*批准\s*#?\s*(\d+)\s*$")
REVERSE_FLOW_NAME, GRANT_FLOW_NAME, ADJUST_FLOW_NAME = "staff_reverse", "staff_grant", "staff_adjust"
UP, DOWN = "up", "down"
UP_WORDS, DOWN_WORDS = ("加", "增加", "补", "补上", "多"), ("减", "减少", "扣", "扣掉", "少")

ALERT_ID_AND_NOTE = re.compile(r"^#?\s*(\d+)\s*(.*)$", re.S)
REVERSE_PARTS = re.compile(r"^\s*冲正\s*#?\s*(\d*)\s*(.*)$", re.S)
GRANT_PARTS = re.compile(r"^\s*发放\s*(.*)$", re.S)
REPORT_DATE = re.compile(r"^(?:(\d{4})\s*[年/-]\s*)?(\d{1,2})\s*[月/-]\s*(\d{1,2})\s*[日号]?$")
RELATIVE_DAYS = {"": 0, "今天": 0, "今日": 0, "昨天": -1, "昨日": -1, "前天": -2}
SHOWN_ALERTS = 15



def actor_of(staff: members.Member) -> str:
    return audit.member_actor(staff.id, is_staff=True)


# ---- ledger corrections: 冲正 <转账号> <原因>, 发放 <手机号> <时长> <原因> -------------------


async def a_reason(reason: str, turn: Turn) -> str | None:
    ctx = turn.ctx
    return None if reason and reason.strip() else ctx.text("desk_reason_needed")


async def a_reversible_transfer(transfer_id: int, turn: Turn) -> str | None:
    ctx = turn.ctx
    view = await ledger.transfer_view(ctx.bank.sessions, transfer_id)
    if view is None:
        return ctx.text("desk_no_transfer", id=str(transfer_id))
    if view.kind == ledger.REVERSAL:
        return ctx.text("desk_no_reversing_a_reversal", id=str(transfer_id))
    if view.remaining_min <= 0:
        return ctx.text("desk_fully_reversed", id=str(transfer_id))
    return None


async def reversal_from_command(turn: Turn) -> dict:
    incoming = turn.incoming
    found = REVERSE_PARTS.match(incoming.text)
    number, reason = (found.group(1), found.group(2).strip()) if found else ("", "")
    return {**({"transfer_id": record_number(number)} if number else {}), **({"reason": reason} if reason else {})}


async def _owner_text(owner: str, ctx: Context) -> str:
    member_id = members.member_id_of(owner)
    return await who(member_id, ctx) if member_id is not None else ctx.text(f"desk_bank_account_{owner}")


async def reversal_summary(turn: Turn) -> str:
    ctx, slots = turn.ctx, turn.slots
    view = await ledger.transfer_view(ctx.bank.sessions, slots["transfer_id"])
    return ctx.text("desk_reverse_summary", id=str(view.id), kind=TRANSFER_KINDS[view.kind],
                    amount=format_minutes(view.remaining_min), payee=await _owner_text(view.credit_owner, ctx),
                    payer=await _owner_text(view.debit_owner, ctx), reason=slots["reason"])


async def reverse(turn: Turn) -> Outcome:
    ctx, slots = turn.ctx, turn.slots
    return await _correct(REVERSE_FLOW_NAME, turn, lambda actor, rules: corrections.reverse(
        ctx.bank.sessions, actor, slots["transfer_id"], slots["reason"], f"desk_reverse:{slots['run_id']}", **rules))


async def _correct(flow_name: str, turn: Turn,
                   act: Callable[[members.Actor, dict], Awaitable[corrections.Correction]]) -> Outcome:
    """Grant, reverse and adjust alike: staff only, storage's rights and caps (the console's too), the member told."""
    incoming, ctx = turn.incoming, turn.ctx
    staff = await staff_member(turn)
    if staff is None:
        return await staff_gate(flow_name)(turn)
    try:
        done = await act(staff.actor, {"rules": ctx.bank.corrections, "ledger_rules": ctx.bank.rules,
                                       "now": incoming.received_at})
    except corrections.CorrectionRefused as refused:
        return Outcome(Reply(said_no(refused, ctx)), flow_name)
    return Outcome(Reply(await announce(done, ctx)), flow_name)


REVERSE = Flow(
    name=REVERSE_FLOW_NAME,
    title="冲正",
    ready=staff_gate(REVERSE_FLOW_NAME),
    prefill=reversal_from_command,
    slots=(
        Slot("transfer_id", lambda slots, ctx: ctx.text("desk_ask_transfer"), expecting="number",
             check=a_reversible_transfer),
        Slot("reason", lambda slots, ctx: ctx.text("desk_ask_reason"), expecting="text", check=a_reason),
    ),
    confirm=reversal_summary,
    finish=reverse,
)


async def _member_by_phone(phone: str, ctx: Context) -> members.Member | None:
    member = await members.member_by_phone(ctx.bank.sessions, ctx.bank.keyring, phone)
    return member if member is not None and member.status != members.CLOSED else None


async def a_member_phone(phone: str, turn: Turn) -> str | None:
    ctx = turn.ctx
    try:
        found = await _member_by_phone(phone, ctx)
    except InvalidPhone:
        return ctx.text("register_bad_phone")
    return None if found is not None else ctx.text("staff_member_not_found")


async def grant_from_command(turn: Turn) -> dict:
    """`发放 138 1234 5678 2小时 参加培训`: the phone, then an amount right after it, then the reason."""
    incoming = turn.incoming
    phone, rest = phone_and_rest(GRANT_PARTS.match(incoming.text).group(1))
    values: dict = {"phone": phone} if phone else {}
    amounts = find_amounts(rest)
    if amounts and AMOUNT_PREFIX.fullmatch(rest[:amounts[0].start]):  # a sign or "0." before it: NOT_ACCEPTED
        values["amount_min"], rest = amounts[0].value, rest[amounts[0].end:]
    return {**values, **({"reason": rest.strip()} if rest.strip() else {})}


async def grant_summary(turn: Turn) -> str:
    ctx, slots = turn.ctx, turn.slots
    member = await _member_by_phone(slots["phone"], ctx)
    return ctx.text("desk_grant_summary", who=await who(member.id, ctx), amount=format_minutes(slots["amount_min"]),
                    reason=slots["reason"])


async def grant(turn: Turn) -> Outcome:
    ctx, slots = turn.ctx, turn.slots
    member = await _member_by_phone(slots["phone"], ctx)
    if member is None:
        return Outcome(Reply(ctx.text("staff_member_not_found")), GRANT_FLOW_NAME)
    return await _correct(GRANT_FLOW_NAME, turn, lambda actor, rules: corrections.grant(
        ctx.bank.sessions, actor, member.id, slots["amount_min"], slots["reason"], f"desk_grant:{slots['run_id']}",
        **rules))


@staff_action("staff_approve")
async def approve_correction(staff, number: str, turn: Turn) -> str:
    """`批准 12`: the second staff member lets a large correction go ahead (四眼原则)."""
    incoming, ctx = turn.incoming, turn.ctx
    try:
        done = await corrections.approve(ctx.bank.sessions, staff.actor, record_number(number),
                                         rules=ctx.bank.corrections, ledger_rules=ctx.bank.rules,
                                         now=incoming.received_at)
    except corrections.CorrectionRefused as refused:
        return said_no(refused, ctx)
    return ctx.text("correction_approved", id=str(done.id)) + "\n" + await announce(done, ctx)


GRANT = Flow(
    name=GRANT_FLOW_NAME,
    title="发放时间币",
    ready=staff_gate(GRANT_FLOW_NAME),
    prefill=grant_from_command,
    slots=(
        Slot("phone", lambda slots, ctx: ctx.text("desk_ask_member_phone"), expecting="phone", check=a_member_phone),
        Slot("amount_min", lambda slots, ctx: ctx.text("desk_ask_amount"), expecting="amount"),
        Slot("reason", lambda slots, ctx: ctx.text("desk_ask_reason"), expecting="text", check=a_reason),
    ),
    confirm=grant_summary,
    finish=grant,
)


# ---- the alert queue: 待办 / 警报, 处理警报 <id> <说明> -----------------------------------------


def _age(since: datetime, now: datetime, ctx: Context) -> str:
    minutes = max(0, int((now - since).total_seconds() // 60))
    if minutes < 60:
        return ctx.text("desk_age_minutes", n=str(minutes))
    if minutes < 24 * 60:
        return ctx.text("desk_age_hours", n=str(minutes // 60))
    return ctx.text("desk_age_days", n=str(minutes // (24 * 60)))


def _alert_line(alert: alerts.Alert, now: datetime, ctx: Context) -> str:
    request = ctx.text("desk_alert_request", id=str(alert.request_id)) if alert.request_id else ""
    line = ctx.text("desk_alert_line", id=str(alert.id), kind=ALERT_KINDS.get(alert.kind, alert.kind),
                    request=request, place=f" · {alert.community}" if alert.community else "",
                    age=_age(alert.created_at, now, ctx))
    if alert.kind == alerts.DISPUTE and alert.request_id:  # settled by its own command, which closes the alert
        line += ctx.text("desk_alert_dispute_how", id=str(alert.request_id))
    return line


@staff_action("open_alerts")
async def open_alerts(staff, _: str, turn: Turn) -> str:
    incoming, ctx = turn.incoming, turn.ctx
    now = incoming.received_at
    queue = await alerts.open_alerts(ctx.bank.sessions, limit=SHOWN_ALERTS)
    if not queue:
        return ctx.text("desk_alerts_none")
    count = max(await reports.open_alert_count(ctx.bank.sessions), len(queue))
    lines = "\n".join(_alert_line(alert, now, ctx) for alert in queue)
    more = ctx.text("desk_alerts_more", more=str(count - len(queue))) if count > len(queue) else ""
    return ctx.text("desk_alerts", count=str(count), lines=lines) + more


@staff_action("handle_alert")
async def handle_alert(staff, arguments: str, turn: Turn) -> str:
    incoming, ctx = turn.incoming, turn.ctx
    found = ALERT_ID_AND_NOTE.match(arguments)
    if found is None or not found.group(2).strip():
        return ctx.text("desk_usage_handle_alert")
    alert_id, note = record_number(found.group(1)), found.group(2).strip()
    try:
        handled = await alerts.handle(ctx.bank.sessions, alert_id, actor_of(staff), note, now=incoming.received_at)
    except alerts.AlertNotFound:
        return ctx.text("desk_alert_not_found", id=str(alert_id))
    except alerts.DisputeStillOpen as open_dispute:
        return ctx.text("desk_alert_dispute_open", alert=str(alert_id), id=str(open_dispute.request_id))
    return ctx.text("desk_alert_handled" if handled else "desk_alert_was_handled", id=str(alert_id))


# ---- a volunteer's record: 志愿者记录 <手机号> ---------------------------------------------------


@staff_command("volunteer_record", "desk_usage_record")
async def volunteer_record(staff, volunteer, rest: str, turn: Turn) -> str:
    incoming, ctx = turn.incoming, turn.ctx
    if volunteer.role != members.VOLUNTEER:
        return ctx.text("desk_not_volunteer", who=await who(volunteer.id, ctx))
    record = await tasks.volunteer_record(ctx.bank.sessions, volunteer.id, now=incoming.received_at,
                                          rules=ctx.bank.task_rules)
    stars = f"{record.average_stars:.1f}星" if record.average_stars is not None else ctx.text("desk_no_stars")
    answers = await help_flow.answers_of(ctx.bank.sessions, volunteer.id, incoming.received_at)
    paused = volunteer.offers_paused_until
    away = ctx.text("desk_volunteer_away", until=f"{ctx.local(paused).month}月{ctx.local(paused).day}日") \
        if paused and paused > incoming.received_at else ""
    return ctx.text("desk_volunteer_record", who=await who(volunteer.id, ctx), done=str(record.done), stars=stars,
                    late=str(record.late_cancellations), no_shows=str(record.no_shows),
                    days=str(help_flow.RESPONSIVENESS_DAYS), offered=str(answers.offered),
                    accepted=str(answers.accepted), others=str(answers.taken_by_others), ignored=str(answers.ignored),
                    away=away)


# ---- staff rights (admins only): 设为工作人员 / 设为管理员 / 撤销工作人员 <手机号> ------------------


async def _promote(staff, member, turn: Turn, *, admin: bool) -> str:
    incoming, ctx = turn.incoming, turn.ctx
    try:
        await members.make_staff(ctx.bank.sessions, member.id, staff.actor, admin=admin)
    except members.NotAllowed:
        return ctx.text("desk_admins_only")
    role = "admin" if admin else "staff"
    await tell_member(ctx, member.id, "staff_role", ctx.text(f"desk_{role}_notice"),
                      f"staff_role:{role}:{incoming.received_at.timestamp()}")
    return ctx.text(f"desk_made_{role}", who=await who(member.id, ctx))


@staff_command("make_staff", "desk_usage_make_staff")
async def make_staff(staff, member, rest: str, turn: Turn) -> str:
    return await _promote(staff, member, turn, admin=False)


@staff_command("make_admin", "desk_usage_make_admin")
async def make_admin(staff, member, rest: str, turn: Turn) -> str:
    return await _promote(staff, member, turn, admin=True)


@staff_command("revoke_staff", "desk_usage_revoke_staff")
async def revoke_staff(staff, member, rest: str, turn: Turn) -> str:
    ctx = turn.ctx
    if member.id == staff.id:
        return ctx.text("staff_not_self")
    if not member.is_staff:
        return ctx.text("desk_not_staff", who=await who(member.id, ctx))
    try:
        await members.revoke_staff(ctx.bank.sessions, member.id, staff.actor)
    except members.NotAllowed:
        return ctx.text("desk_admins_only")
    return ctx.text("desk_revoked_staff", who=await who(member.id, ctx))


# ---- the daily report: 日报 [日期], and the morning push -------------------------------------------


def report_day(words: str, today: date) -> date | None:
    """今天/昨天/前天, 11月27日, 2026年11月27日 or 2026-11-27; a month and day alone is the latest one not ahead."""
    words = words.strip()
    if words in RELATIVE_DAYS:
        return today + timedelta(days=RELATIVE_DAYS[words])
    found = REPORT_DATE.match(words)
    if found is None:
        return None
    year, month, day = (int(part) if part else None for part in found.groups())
    try:
        named = date(year or today.year, month, day)
        return named if year or named <= today else date(today.year - 1, month, day)
    except ValueError:  # 2月30日
        return None


def report_text(report: reports.DailyReport, ctx: Context) -> str:
    end = ctx.local(report.end)
    so_far = ctx.text("desk_report_so_far", clock=f"{end:%H:%M}") if report.end - report.start < timedelta(days=1) \
        else ""
    return ctx.text(
        "desk_report", day=f"{report.day.month}月{report.day.day}日", so_far=so_far,
        members=_members_line(report, ctx), posted=str(report.requests.posted),
        accepted=str(report.requests.accepted), done=str(report.requests.done),
        cancelled=str(report.requests.cancelled), expired=str(report.requests.expired),
        hours=_hours_line(report, ctx), ratings=_ratings_line(report.ratings, ctx),
        alerts=str(report.open_alerts), pool=format_minutes(report.pool_balance_min))


def _members_line(report: reports.DailyReport, ctx: Context) -> str:
    total = sum(report.new_members.values())
    if not total:
        return ctx.text("desk_none")
    roles = "，".join(f"{name}{report.new_members.get(role, 0)}人" for role, name in ROLES.items())
    return ctx.text("desk_report_members", roles=roles, total=str(total))


def _hours_line(report: reports.DailyReport, ctx: Context) -> str:
    if not report.minutes_by_service:
        return ctx.text("desk_none")
    by_minutes = sorted(report.minutes_by_service.items(), key=lambda item: (-item[1], item[0]))
    services = "，".join(f"{_service_name(code, ctx)} {format_minutes(minutes)}" for code, minutes in by_minutes)
    return ctx.text("desk_report_hours", services=services,
                    total=format_minutes(sum(report.minutes_by_service.values())))


def _service_name(code: str, ctx: Context) -> str:
    return ctx.bank.catalogue[code].name if code in ctx.bank.catalogue else code


def _ratings_line(ratings: reports.Ratings, ctx: Context) -> str:
    if not ratings.count:
        return ctx.text("desk_no_stars")

    def share(n: int) -> str:
        return f"{round(100 * n / ratings.count)}%"

    return ctx.text("desk_report_ratings", stars=f"{ratings.average_stars:.1f}", count=str(ratings.count),
                    very=str(ratings.very_satisfied), very_share=share(ratings.very_satisfied),
                    good=str(ratings.satisfied), good_share=share(ratings.satisfied),
                    bad=str(ratings.not_satisfied), bad_share=share(ratings.not_satisfied))


async def build_report(day: date, now: datetime, ctx: Context) -> str:
    report = await reports.daily_report(ctx.bank.sessions, day, zone=LOCAL_TIME, now=now)
    events_line = await event_report_line(ctx, report.start, report.end)
    text = f"{report_text(report, ctx)}\n{events_line}\n{await help_flow_section(report.end, ctx)}"
    surveyed = await survey_section(report.start, report.end, ctx)
    return f"{text}\n{surveyed}" if surveyed else text


@staff_action("daily_report")
async def daily_report(staff, words: str, turn: Turn) -> str:
    incoming, ctx = turn.incoming, turn.ctx
    today = ctx.local(incoming.received_at).date()
    day = report_day(words, today)
    if day is None:
        return ctx.text("desk_usage_report")
    if day > today:
        return ctx.text("desk_report_future")
    if day.year < FIRST_YEAR:
        return ctx.text("desk_report_too_early", first=str(FIRST_YEAR))
    return await build_report(day, incoming.received_at, ctx)


async def push_daily_report(ctx: Context, now: datetime, day: date | None = None) -> date:
    """Yesterday's report (or `day`'s) to every staff member, once per day and person however often it runs."""
    day = day or ctx.local(now).date() - timedelta(days=1)
    await tell_staff(ctx, "daily_report", await build_report(day, now, ctx), f"daily_report:{day.isoformat()}")
    return day


# ---- an adjustment: 调整 <手机号> 加/减 <时长> <原因> ------------------------------------------

async def adjustment_from_command(turn: Turn) -> dict:
    """`调整 138 1234 5678 减 30分钟 多记了`: the phone, the direction, the amount right after it, the reason."""
    incoming = turn.incoming
    phone, rest = phone_and_rest(ADJUST_PARTS.match(incoming.text).group(1))
    values: dict = {"phone": phone} if phone else {}
    rest = rest.strip()
    for direction, words in ((UP, UP_WORDS), (DOWN, DOWN_WORDS)):
        said = next((word for word in sorted(words, key=len, reverse=True) if rest.startswith(word)), None)
        if said:
            values["direction"], rest = direction, rest[len(said):].strip()
            break
    amounts = find_amounts(rest) if "direction" in values else []
    if amounts and AMOUNT_PREFIX.fullmatch(rest[:amounts[0].start]):
        values["amount_min"], rest = amounts[0].value, rest[amounts[0].end:]
    return {**values, **({"reason": rest.strip()} if rest.strip() and "amount_min" in values else {})}


def _signed(slots: dict) -> int:
    return slots["amount_min"] if slots["direction"] == UP else -slots["amount_min"]


async def adjustment_summary(turn: Turn) -> str:
    ctx, slots = turn.ctx, turn.slots
    member = await _member_by_phone(slots["phone"], ctx)
    return ctx.text("desk_adjust_summary", who=await who(member.id, ctx), change=signed(_signed(slots)),
                    reason=slots["reason"])


async def adjust(turn: Turn) -> Outcome:
    ctx, slots = turn.ctx, turn.slots
    member = await _member_by_phone(slots["phone"], ctx)
    if member is None:
        return Outcome(Reply(ctx.text("staff_member_not_found")), ADJUST_FLOW_NAME)
    return await _correct(ADJUST_FLOW_NAME, turn, lambda actor, rules: corrections.adjust(
        ctx.bank.sessions, actor, member.id, _signed(slots), slots["reason"], f"desk_adjust:{slots['run_id']}",
        **rules))


ADJUST = Flow(
    name=ADJUST_FLOW_NAME,
    title="调整时间币",
    ready=staff_gate(ADJUST_FLOW_NAME),
    prefill=adjustment_from_command,
    slots=(
        Slot("phone", lambda slots, ctx: ctx.text("desk_ask_member_phone"), expecting="phone", check=a_member_phone),
        Slot("direction", lambda slots, ctx: ctx.text("desk_ask_direction"), expecting="choice",
             choices=(Choice(UP, "加", words=UP_WORDS), Choice(DOWN, "减", words=DOWN_WORDS))),
        Slot("amount_min", lambda slots, ctx: ctx.text("desk_ask_amount"), expecting="amount"),
        Slot("reason", lambda slots, ctx: ctx.text("desk_ask_reason"), expecting="text", check=a_reason),
    ),
    confirm=adjustment_summary,
    finish=adjust,
)


ROUTES = (
    REVERSE,
    GRANT,
    ADJUST,
    Command(REVERSE_COMMAND, flow=REVERSE_FLOW_NAME, staff=True),
    Command(GRANT_COMMAND, flow=GRANT_FLOW_NAME, staff=True),
    Command(ADJUST_COMMAND, flow=ADJUST_FLOW_NAME, staff=True),
    Command(APPROVE_COMMAND, approve_correction, staff=True),
    Command(ALERTS_COMMAND, open_alerts, staff=True),
    Command(HANDLE_ALERT_COMMAND, handle_alert, staff=True),
    Command(RECORD_COMMAND, volunteer_record, staff=True),
    Command(MAKE_STAFF_COMMAND, make_staff, staff=True),
    Command(MAKE_ADMIN_COMMAND, make_admin, staff=True),
    Command(REVOKE_STAFF_COMMAND, revoke_staff, staff=True),
    Command(REPORT_COMMAND, daily_report, staff=True),
)
