"""Satisfaction surveys in chat: staff send one (`发问卷 [天数]`, `发志愿者问卷`) and read the results
(`问卷结果`); elders and volunteers answer it, once.

Sending goes through the broadcast machinery (handlers/broadcast.py): the preview to the author's own
WeChat, "是", then the job worker's fan-out to the survey's audience `survey:<id>`, with its opt-outs and
48-hour window. The answer is read when the member replies to the push with no other question of ours
open (`Command.answers_push`), or at any time while the survey is open with `问卷`: a score (the elder's
1–3 or words, the volunteer's options), recorded at once, then optional words, sealed.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta

from handlers import broadcast
from handlers.choices import plain
from handlers.context import Context
from handlers.flow import Flow, Slot
from handlers.identity import registered_only
from handlers.routes import Command
from handlers.staff import refuse_non_staff, staff_member
from handlers.survey_results import latest_results
from handlers.survey_texts import KIND_KEYS
from handlers.survey_words import PUSH_REPLY, RATING_CHOICES, read_rating, read_wishes, rating_lines, wish_lines
from handlers.turn import Turn
from handlers.types import Outcome, Reply
from storage import broadcasts, members, surveys
from storage.broadcasts import survey_audience
from storage.surveys import ELDER_SURVEY, VOLUNTEER_SURVEY

SEND_FLOW, ANSWER_FLOW = "survey_send", "survey_answer"
SEND_COMMAND = re.compile(r"^\s*发\s*((?:志愿者\s*)?问卷.*?)\s*$")
SEND_PARTS = re.compile(r"^发\s*(志愿者)?\s*问卷\s*(.*)$")  # who is asked, and the days
ANSWER_COMMAND = re.compile(r"^\s*(?:回答|填|做)?\s*问卷\s*$")
RESULTS_COMMAND = re.compile(r"^\s*问卷\s*结果\s*$")
MAX_DAYS = 365


# ---- staff: sending -------------------------------------------------------------------


def _asked(text: str, default_days: int) -> tuple[str, int | None] | None:
    """(kind, days) that `发问卷 30` / `发志愿者问卷` asks for; None when the days are not a number of days."""
    found = SEND_PARTS.match(text.strip())
    if found is None:
        return None
    if found.group(1):
        return (VOLUNTEER_SURVEY, None) if not found.group(2) else None
    days = found.group(2).removesuffix("天").strip() or str(default_days)
    if not (days.isascii() and days.isdigit() and len(days) <= 3):  # "❶" or a thousand digits: int() refuses
        return None
    return (ELDER_SURVEY, int(days)) if 1 <= int(days) <= MAX_DAYS else None


def _scope(staff: members.Member) -> str | None:
    """The community a staff member surveys: their own; an admin, or staff of no community, surveys all."""
    return None if staff.is_admin or not staff.community else staff.community


def _since(days: int | None, now: datetime) -> datetime | None:
    return now - timedelta(days=days) if days else None


async def _reach(kind: str, community: str | None, days: int | None, now: datetime, ctx: Context) \
        -> list[broadcasts.Reached]:
    return await broadcasts.among(ctx.bank.sessions, surveys.invited_now(kind, community, _since(days, now), now))


async def staff_only(turn: Turn) -> Outcome | None:
    """The gate: staff, a well-formed command, and someone to ask."""
    incoming, ctx = turn.incoming, turn.ctx
    staff = await staff_member(turn)
    if staff is None:
        return await refuse_non_staff(turn, SEND_FLOW)
    asked = _asked(incoming.text, ctx.bank.surveys.default_days)
    if asked is None:
        return Outcome(Reply(ctx.text("survey_usage", max=str(MAX_DAYS))), SEND_FLOW)
    kind, days = asked
    reached = await _reach(kind, _scope(staff), days, incoming.received_at, ctx)
    if not any(not member.opted_out for member in reached):
        return Outcome(Reply(ctx.text(KIND_KEYS[kind]["nobody"], where=_where(_scope(staff), ctx), days=str(days))),
                       SEND_FLOW)
    return None


async def from_the_command(turn: Turn) -> dict:
    kind, days = _asked(turn.incoming.text, turn.ctx.bank.surveys.default_days)
    return {"kind": kind, "days": days or 0}


def push_text(kind: str, ctx: Context) -> str:
    options = rating_lines() if kind == ELDER_SURVEY else wish_lines()
    return ctx.text(KIND_KEYS[kind]["push"], options=options)


def _where(community: str | None, ctx: Context) -> str:
    return community or ctx.text("survey_everywhere")


def audience_words(kind: str, community: str | None, days: int | None, ctx: Context) -> str:
    return ctx.text(KIND_KEYS[kind]["audience"], where=_where(community, ctx), days=str(days))


def _day(moment: datetime, ctx: Context) -> str:
    local = ctx.local(moment)
    return f"{local.month}月{local.day}日"


async def preview(turn: Turn) -> str:
    """The push previewed in the author's own WeChat (as any broadcast), and what will happen."""
    incoming, ctx, slots = turn.incoming, turn.ctx, turn.slots
    staff = await staff_member(turn)
    kind, days, now = slots["kind"], slots["days"] or None, incoming.received_at
    reached = await _reach(kind, _scope(staff), days, now, ctx)
    opted = sum(member.opted_out for member in reached)
    content = push_text(kind, ctx)
    previewed = ctx.bank.jobs is not None
    if previewed:
        await ctx.bank.jobs.enqueue("preview_broadcast", incoming.openid,
                                    broadcasts.seal_preview(ctx.bank.keyring, incoming.openid, content))
        await broadcasts.record_preview(ctx.bank.sessions, staff.actor, f"survey:{kind}", now)
    return ctx.text(
        "survey_summary", preview=ctx.text("broadcast_preview_sent" if previewed else "broadcast_preview_unavailable"),
        title=ctx.text(KIND_KEYS[kind]["title"]), audience=audience_words(kind, _scope(staff), days, ctx),
        size=f"{len(reached) - opted:,}", opted=ctx.text("broadcast_opted", count=str(opted)) if opted else "",
        closes=_day(now + timedelta(days=ctx.bank.surveys.open_days), ctx))


async def send(turn: Turn) -> Outcome:
    """Confirmed: the survey recorded (once per conversation), then sent as a broadcast to its own audience."""
    incoming, ctx, slots = turn.incoming, turn.ctx, turn.slots
    staff = await staff_member(turn)
    if staff is None:
        return await refuse_non_staff(turn, SEND_FLOW)
    kind, days, now, run_id = slots["kind"], slots["days"] or None, incoming.received_at, slots["run_id"]
    survey = await surveys.open_survey(
        ctx.bank.sessions, kind=kind, author_id=staff.id, community=_scope(staff), days=days, since=_since(days, now),
        now=now, closes_at=now + timedelta(days=ctx.bank.surveys.open_days), request_key=f"survey:{run_id}",
        broadcast_key=f"broadcast:{run_id}")
    sent = await broadcast.send(turn.with_slots({
        "content": push_text(kind, ctx), broadcast.AUDIENCE: survey_audience(survey.id), "send_at": "1",
        "run_id": run_id}))
    told = ctx.text("survey_sent", id=str(survey.id), closes=_day(survey.closes_at, ctx))
    return Outcome(Reply(f"{told}\n{sent.reply.text}"), SEND_FLOW)


SEND = Flow(
    name=SEND_FLOW,
    title="发问卷",
    ready=staff_only,
    prefill=from_the_command,
    slots=(
        # Read off the command only: never asked, never filled from the parser.
        Slot("kind", "", expecting="text", when=lambda slots: False),
        Slot("days", "", expecting="number", when=lambda slots: False),
    ),
    confirm=preview,
    finish=send,
)


# ---- members: answering ---------------------------------------------------------------------


async def _open_invitation(turn: Turn) -> surveys.Invitation | None:
    member = await turn.member()
    if member is None:
        return None
    found = await surveys.invitations(turn.ctx.bank.sessions, member.id, turn.incoming.received_at)
    return next((invitation for invitation in found if not invitation.answered), None)


async def was_asked(turn: Turn) -> bool:
    """A short reply ("1", "很满意") answers the survey whose push reached this member last, unless a visit was
    finished since (its rating was asked after the survey: "很满意" is about that visit)."""
    member = await turn.member()
    if member is None:
        return False
    ctx = turn.ctx
    delivered = [invitation.delivered_at for invitation in
                 await surveys.invitations(ctx.bank.sessions, member.id, turn.incoming.received_at)
                 if invitation.delivered_at is not None]
    if not delivered:
        return False
    visit = await surveys.last_visit_at(ctx.bank.sessions, member.id)
    return visit is None or max(delivered) >= visit


async def one_to_answer(turn: Turn) -> Outcome | None:
    if (refusal := await registered_only(turn)) is not None:
        return refusal
    if await _open_invitation(turn) is not None:
        return None
    member = await turn.member()
    asked = await surveys.invitations(turn.ctx.bank.sessions, member.id, turn.incoming.received_at)
    return Outcome(Reply(turn.ctx.text("survey_already_answered" if asked else "survey_none")), ANSWER_FLOW)


async def the_survey(turn: Turn) -> dict:
    """The survey answered, and the reply to its push when the flow began with one ("1", "1 3", "满意吗")."""
    invitation = await _open_invitation(turn)
    known = {"survey_id": invitation.survey_id, "kind": invitation.kind}
    said = turn.incoming.text
    if not PUSH_REPLY.match(said) or not plain(said):
        return known
    if invitation.kind == ELDER_SURVEY:
        return {**known, "rating": read_rating(said) or plain(said)}
    return {**known, "wishes": said.strip()}


async def a_rating(value: str, turn: Turn) -> str | None:
    """Only a number or the words of a score, said alone: "满意吗" names option 2 but asks, so it is asked again."""
    return None if read_rating(turn.incoming.text) == value else turn.ctx.text("survey_rating_again")


async def some_wishes(value: str, turn: Turn) -> str | None:
    return None if read_wishes(value) else turn.ctx.text("survey_wishes_again")


async def keep_rating(value: str, turn: Turn) -> None:
    member = await turn.member()
    await surveys.record(turn.ctx.bank.sessions, turn.slots["survey_id"], member.id, rating=value,
                         now=turn.incoming.received_at)


async def keep_wishes(value: str, turn: Turn) -> None:
    member = await turn.member()
    await surveys.record(turn.ctx.bank.sessions, turn.slots["survey_id"], member.id, wishes=read_wishes(value),
                         now=turn.incoming.received_at)


async def note(turn: Turn) -> Outcome:
    """The words after the score, sealed; "没有" is an answer too."""
    ctx, slots = turn.ctx, turn.slots
    member = await turn.member()
    added = await surveys.add_note(ctx.bank.sessions, slots["survey_id"], member.id, slots["note"] or None,
                                   turn.incoming.received_at)
    return Outcome(Reply(ctx.text("survey_thanks" if added else "survey_already_answered")), ANSWER_FLOW)


def _is(kind: str):
    return lambda slots: slots.get("kind") == kind


ANSWER = Flow(
    name=ANSWER_FLOW,
    title="回答问卷",
    ready=one_to_answer,
    prefill=the_survey,
    slots=(
        Slot("survey_id", "", expecting="number", when=lambda slots: False),
        Slot("kind", "", expecting="text", when=lambda slots: False),
        Slot("rating", lambda slots, ctx: ctx.text("survey_ask_rating"), expecting="choice", choices=RATING_CHOICES,
             check=a_rating, keep=keep_rating, when=_is(ELDER_SURVEY)),
        Slot("wishes", lambda slots, ctx: ctx.text("survey_ask_wishes", options=wish_lines()), expecting="text",
             check=some_wishes, keep=keep_wishes, when=_is(VOLUNTEER_SURVEY)),
        Slot("note", lambda slots, ctx: ctx.text("survey_ask_note"), expecting="text", may_be_none=True,
             again=lambda slots, ctx: ctx.text("survey_ask_note_again"), own_intents=frozenset({"rate"}),
             verbatim=True),
    ),
    finish=note,
)


# ---- staff: results ----------------------------------------------------------------------------


async def results(turn: Turn) -> Outcome:
    """`问卷结果`: the latest surveys' answers, beside the field study's baseline."""
    if await staff_member(turn) is None:
        return await refuse_non_staff(turn, "survey_results")
    return Outcome(Reply(await latest_results(turn.ctx)), "survey_results")


ROUTES = (
    SEND,
    ANSWER,
    Command(SEND_COMMAND, flow=SEND_FLOW, staff=True),
    Command(RESULTS_COMMAND, results, staff=True),
    Command(ANSWER_COMMAND, flow=ANSWER_FLOW),
    Command(PUSH_REPLY, flow=ANSWER_FLOW, answers_push=was_asked),
)
