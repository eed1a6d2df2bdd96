"""Staff broadcasts in chat: `群发 …`, `群发故事 N`, `群发光荣榜 …`, `群发记录`, `取消群发 N`, and WeChat's report of a
mass send.

Composing is a flow: the content, the audience (numbered, with the
communities members live in), when (now or a time). Before the question
"send it?" the text goes to the staff member's own WeChat through the
preview API, with the audience size and the quota left; nothing goes out
without their "是". Sending is the job worker's (bot/broadcasting.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime, timedelta

import nlu
from handlers import honour_roll
from handlers.numbers import record_number
from handlers.broadcast_texts import AUDIENCE_LABELS, PERIOD_LABELS, STATUS_LABELS, SURVEY_AUDIENCE_LABEL
from handlers.context import Context
from handlers.flow import Choice, Flow, Slot
from handlers.membership import who
from handlers.staff import refuse_non_staff, staff_member
from handlers.routes import Command
from handlers.turn import Turn
from handlers.types import Outcome, Reply
from storage import broadcasts, members, outbox, stories
from storage.broadcasts import ALL, FANOUT, MASS, community_audience, community_of, survey_of

FLOW_NAME = "broadcast"
AUDIENCE = "send_to"
STORY_COMMAND = re.compile(r"^\s*(?:群发|广播)\s*故事\s*#?(\d+)\s*$")
HISTORY_COMMAND = re.compile(r"^\s*((?:群发|广播)记录)\s*$")
CANCEL_COMMAND = re.compile(r"^\s*取消\s*(?:群发|广播)\s*#?\s*(\d+)\s*$")
# "群发 …" or "广播 …": the compose flow, whatever follows (`群发记录` and `取消群发` are read before it).
START_COMMAND = re.compile(r"^\s*(?:群发|广播)")
# The words that make a message a broadcast; what follows them is its content.
COMMAND_WORDS = re.compile(r"群发|广播|发个?通知|通知(?:一下|全体|所有人?|大家)|发布公告|公告")
COLON = re.compile(r"[:：]")
_CLOSING_MARKS = re.compile(r"[。！？!?.…~～」”』）)]*")
NOW_WORDS = frozenset({"1", "一", "现在", "马上", "立即", "立刻", "现在发", "马上发", "现在就发", "立即发", "立刻发", "默认"})
EVERYONE_WORDS = ("所有人", "大家", "全部", "全体", "默认")
MAX_CONTENT_CHARS = 600  # WeChat's 2,048 bytes of text, in Chinese characters
MAX_DAYS_AHEAD = 30
PREVIEW_START = 20  # characters of the content shown in summaries and history
READ_EDGE_CHARS = 4  # how much of each end of the parser's reading of a notice is looked for in the text as typed


# ---- when -----------------------------------------------------------------------


def send_time(text: str, now: datetime, ctx: Context) -> datetime | None:
    """When `text` says to send: `now` for "现在"/"1", the moment a date and time name, None if unreadable."""
    words = text.strip()
    if words in NOW_WORDS:
        return now
    slots = nlu.parse(words, now=ctx.local(now), expecting="datetime").slots
    if "time" not in slots:
        return None
    day = slots.get("date") or ctx.local(now).date().isoformat()
    local = datetime.fromisoformat(f"{day}T{slots['time']}").replace(tzinfo=ctx.local(now).tzinfo)
    return local


def _is_now(text: str) -> bool:
    return text.strip() in NOW_WORDS


async def a_send_time(value: str, turn: Turn) -> str | None:
    incoming, ctx = turn.incoming, turn.ctx
    moment = send_time(value, incoming.received_at, ctx)
    if moment is None:
        return ctx.text("broadcast_bad_time")
    if not _is_now(value) and moment <= incoming.received_at:
        return ctx.text("broadcast_past_time")
    if moment > incoming.received_at + timedelta(days=MAX_DAYS_AHEAD):
        return ctx.text("broadcast_far_time", days=str(MAX_DAYS_AHEAD))
    return None


def when_text(moment: datetime | None, ctx: Context) -> str:
    if moment is None:
        return ctx.text("broadcast_now")
    local = ctx.local(moment)
    return f"{local.month}月{local.day}日 {local:%H:%M}"


# ---- what and to whom ----------------------------------------------------------------


async def a_content(value: str, turn: Turn) -> str | None:
    ctx = turn.ctx
    return ctx.text("broadcast_too_long", limit=str(MAX_CONTENT_CHARS)) if len(value) > MAX_CONTENT_CHARS else None


def audience_label(audience: str) -> str:
    if (survey_id := survey_of(audience)) is not None:
        return SURVEY_AUDIENCE_LABEL.format(id=survey_id)
    return community_of(audience) or AUDIENCE_LABELS[audience]


async def audience_choices(turn: Turn) -> tuple[Choice, ...]:
    ctx = turn.ctx
    fixed = tuple(Choice(value, AUDIENCE_LABELS[value], words=EVERYONE_WORDS if value == ALL else ())
                  for value in AUDIENCE_LABELS)
    places = tuple(Choice(community_audience(name), name) for name in await broadcasts.communities(ctx.bank.sessions))
    return fixed + places


async def _story(found: re.Match, turn: Turn, *, shown: bool) -> dict | str:
    story = await stories.story(turn.ctx.bank.sessions, record_number(found.group(1)))
    if story is None:
        return turn.ctx.text("broadcast_no_story", id=found.group(1))
    return {"content": f"{story.title}\n{story.body}", "story_id": story.id}


# Contents made for staff rather than typed: the words that ask for one, and how it is made (the flow's answers,
# or the sentence why there is none). `shown`: staff are about to read it; the gate only asks whether there is one.
READY_MADE = ((STORY_COMMAND, _story), (honour_roll.BROADCAST_COMMAND, honour_roll.broadcast_content))


async def _ready_made(turn: Turn, *, shown: bool) -> dict | str | None:
    for pattern, make in READY_MADE:
        if found := pattern.match(turn.incoming.text):
            return await make(found, turn, shown=shown)
    return None


async def staff_only(turn: Turn) -> Outcome | None:
    if await staff_member(turn) is None:
        return await refuse_non_staff(turn, FLOW_NAME)
    made = await _ready_made(turn, shown=False)
    return Outcome(Reply(made), FLOW_NAME) if isinstance(made, str) else None


async def from_the_command(turn: Turn) -> dict:
    """The content the first message already holds, exactly as typed (or a story, or the honour roll); never its
    audience or time, which staff choose as answers of their own: "群发 明天9点八一社区体检" is a text to send,
    not a plan."""
    made = await _ready_made(turn, shown=True)
    if isinstance(made, dict):
        return made
    read = turn.slots.get("content")
    content = content_as_typed(turn.incoming.text, read) or typed_content(turn.incoming.text) or read
    return {"content": content} if content else {}


def content_as_typed(text: str, read: str | None) -> str | None:
    """The parser's reading of a notice asked for in everyday words ("告诉所有志愿者 这个月服务满十小时的…"), taken back
    from the text as typed, punctuation and all, where both its ends are found there."""
    if not read or not read.strip():
        return None
    words = read.split()
    start, tail = text.find(words[0][:READ_EDGE_CHARS]), words[-1][-READ_EDGE_CHARS:]
    end = text.rfind(tail)
    if not 0 <= start <= end:
        return None
    end += len(tail) + len(_CLOSING_MARKS.match(text, end + len(tail)).group())
    return text[start:end].strip()


def typed_content(text: str) -> str | None:
    """What follows the broadcast words and a colon right after them ("群发：…", "给老人群发 …"); a colon later
    on is the content's own ("群发 提醒：明天停水"). Only spaces at the ends are dropped."""
    lead = COMMAND_WORDS.search(text)
    if lead is None:  # "给所有人说：…" reads as a broadcast without its words: the text is after the colon
        colon = COLON.search(text)
        return (text[colon.end():].strip() or None) if colon else None
    rest = text[lead.end():].lstrip()
    return (rest[1:] if COLON.match(rest) else rest).strip() or None


# ---- the plan, the preview, the confirmation ------------------------------------------


@dataclass(frozen=True)
class Plan:
    channel: str
    size: int
    opted_out: int
    quota_left: int  # mass sends left in the period; fan-out has no such quota


async def plan(audience: str, ctx: Context, now: datetime) -> Plan:
    rules, sessions = ctx.bank.broadcasts, ctx.bank.sessions
    reached = await broadcasts.audience_of(sessions, audience)
    receiving = [member.member_id for member in reached if not member.opted_out]
    use_mass = rules.channel == MASS and await broadcasts.mass_target(sessions, audience) is not None
    left = await broadcasts.mass_quota_left(sessions, rules, receiving, now) if use_mass else 0
    return Plan(MASS if use_mass else FANOUT, len(receiving), len(reached) - len(receiving), left)


async def preview(turn: Turn) -> str:
    """Sends the preview to the author's own WeChat (through the job worker), and says what will happen."""
    incoming, ctx, slots = turn.incoming, turn.ctx, turn.slots
    staff = await staff_member(turn)
    how = await plan(slots[AUDIENCE], ctx, incoming.received_at)
    previewed = ctx.bank.jobs is not None
    if previewed:
        await ctx.bank.jobs.enqueue("preview_broadcast", incoming.openid,
                                    broadcasts.seal_preview(ctx.bank.keyring, incoming.openid, slots["content"]))
        await broadcasts.record_preview(ctx.bank.sessions, staff.actor, slots[AUDIENCE], incoming.received_at)
    period, _ = ctx.bank.broadcasts.quota
    channel = ctx.text("broadcast_channel_mass", period=PERIOD_LABELS[period][0], left=str(how.quota_left)) \
        if how.channel == MASS else ctx.text("broadcast_channel_fanout")
    moment = send_time(slots["send_at"], incoming.received_at, ctx)
    return ctx.text(
        "broadcast_summary", preview=ctx.text("broadcast_preview_sent" if previewed else "broadcast_preview_unavailable"),
        audience=audience_label(slots[AUDIENCE]), size=f"{how.size:,}",
        opted=ctx.text("broadcast_opted", count=str(how.opted_out)) if how.opted_out else "",
        channel=channel, when=when_text(None if _is_now(slots["send_at"]) else moment, ctx),
        start=_start_of(slots["content"]))


async def send(turn: Turn) -> Outcome:
    """Confirmed: the broadcast is recorded and queued for its time; the worker sends it."""
    incoming, ctx, slots = turn.incoming, turn.ctx, turn.slots
    staff = await staff_member(turn)
    if staff is None:
        return await refuse_non_staff(turn, FLOW_NAME)
    now, audience = incoming.received_at, slots[AUDIENCE]
    at = None if _is_now(slots["send_at"]) else send_time(slots["send_at"], now, ctx)
    how = await plan(audience, ctx, at or now)
    if how.size == 0:
        return Outcome(Reply(ctx.text("broadcast_nobody", audience=audience_label(audience))), FLOW_NAME)
    if how.channel == MASS and how.quota_left < 1:
        period, allowed = ctx.bank.broadcasts.quota
        this, each = PERIOD_LABELS[period]
        return Outcome(Reply(ctx.text("broadcast_no_quota", period=this, unit=each, allowed=str(allowed))), FLOW_NAME)
    broadcast = await broadcasts.create(
        ctx.bank.sessions, author=staff.actor, content=slots["content"], audience=audience, channel=how.channel,
        request_key=f"broadcast:{slots['run_id']}", now=now, scheduled_at=at, story_id=slots.get("story_id"))
    if ctx.bank.jobs is None:
        return Outcome(Reply(ctx.text("broadcast_no_queue", id=str(broadcast.id))), FLOW_NAME)
    await ctx.bank.jobs.enqueue("send_broadcast", broadcast.id, job_id=f"broadcast:{broadcast.id}", at=at)
    if at is not None:
        return Outcome(Reply(ctx.text("broadcast_scheduled", id=str(broadcast.id), when=when_text(at, ctx))), FLOW_NAME)
    return Outcome(Reply(ctx.text("broadcast_started", id=str(broadcast.id))), FLOW_NAME)


def _start_of(content: str) -> str:
    flat = " ".join(content.split())
    return flat if len(flat) <= PREVIEW_START else flat[:PREVIEW_START] + "…"


FLOW = Flow(
    name=FLOW_NAME,
    title="群发",
    ready=staff_only,
    prefill=from_the_command,
    slots=(
        Slot("content", lambda slots, ctx: ctx.text("broadcast_ask_content"), expecting="text", check=a_content,
             verbatim=True, own_words=True),
        Slot("story_id", "", expecting="number", when=lambda slots: False),  # only ever from `群发故事 N`
        # Not the parser's "audience": who receives it is an answer of its own, never read off the text.
        Slot(AUDIENCE, lambda slots, ctx: ctx.text("broadcast_ask_audience"), expecting="choice",
             offer=audience_choices),
        Slot("send_at", lambda slots, ctx: ctx.text("broadcast_ask_when"), expecting="text", check=a_send_time),
    ),
    confirm=preview,
    finish=send,
)


# ---- history and cancelling ---------------------------------------------------------


async def history(turn: Turn) -> Outcome:
    """`群发记录`: the latest broadcasts, their author masked, with their results."""
    ctx = turn.ctx
    if await staff_member(turn) is None:
        return await refuse_non_staff(turn, "broadcast_history")
    sent = await broadcasts.history(ctx.bank.sessions)
    if not sent:
        return Outcome(Reply(ctx.text("broadcast_history_empty")), "broadcast_history")
    lines = [ctx.text("broadcast_history_head")]
    for broadcast in sent:
        results = ctx.text("broadcast_history_results", sent=f"{broadcast.sent:,}", failed=f"{broadcast.failed:,}",
                           skipped=f"{broadcast.skipped:,}") if broadcast.started_at else ""
        lines.append(ctx.text(
            "broadcast_history_line", id=str(broadcast.id),
            time=when_text(broadcast.started_at or broadcast.scheduled_at or broadcast.created_at, ctx),
            status=STATUS_LABELS[broadcast.status], author=await who(broadcast.author_id, ctx),
            audience=audience_label(broadcast.audience), start=_start_of(broadcast.content), results=results))
    return Outcome(Reply("\n".join(lines)), "broadcast_history")


async def cancel(turn: Turn) -> Outcome:
    """`取消群发 N`: only before it starts."""
    incoming, ctx, number = turn.incoming, turn.ctx, turn.argument
    staff = await staff_member(turn)
    if staff is None:
        return await refuse_non_staff(turn, "broadcast_cancel")
    broadcast = await broadcasts.cancel(ctx.bank.sessions, record_number(number), staff.actor, incoming.received_at)
    if broadcast is None:
        return Outcome(Reply(ctx.text("broadcast_not_found", id=number)), "broadcast_cancel")
    if broadcast.status != broadcasts.CANCELLED:
        return Outcome(Reply(ctx.text("broadcast_cannot_cancel", id=number, status=STATUS_LABELS[broadcast.status])),
                       "broadcast_cancel")
    return Outcome(Reply(ctx.text("broadcast_cancelled", id=number)), "broadcast_cancel")


# ---- WeChat's report of a mass send ---------------------------------------------------


async def mass_send_finished(turn: Turn) -> Outcome:
    """MASSSENDJOBFINISH: WeChat's counts recorded on the broadcast, and its author told."""
    incoming, ctx = turn.incoming, turn.ctx
    report = dict(incoming.report or {})
    broadcast = await broadcasts.record_mass_result(ctx.bank.sessions, str(report.pop("msg_id", "")), report,
                                                    incoming.received_at)
    if broadcast is not None:
        await tell_author(ctx, broadcast, ctx.text(
            "broadcast_mass_finished", id=str(broadcast.id), sent=f"{broadcast.sent:,}",
            failed=f"{broadcast.failed:,}", skipped=f"{broadcast.skipped:,}"), "mass_finished")
    return Outcome(None, "mass_send_finished")


async def tell_author(ctx: Context, broadcast: broadcasts.Broadcast, body: str, event: str) -> None:
    """A progress or result message to the staff member who wrote the broadcast, once per event."""
    author = await members.member_by_id(ctx.bank.sessions, broadcast.author_id)
    if author is not None and author.openid:
        await outbox.notify(ctx.bank.sessions, ctx.bank.keyring, author.openid, kind="broadcast", body=body,
                            dedupe_key=f"broadcast:{broadcast.id}:{event}")



ROUTES = (
    FLOW,
    Command(STORY_COMMAND, flow=FLOW_NAME, staff=True),
    Command(HISTORY_COMMAND, history, staff=True),
    Command(CANCEL_COMMAND, cancel, staff=True),
    # "群发 …" is read by the parser (the broadcast intent); listed so that, typed into a flow, it is asked about.
    Command(START_COMMAND, staff=True),
)
