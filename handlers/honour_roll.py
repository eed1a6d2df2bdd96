"""The monthly honour roll: `上光荣榜` / `不上光荣榜` (members), `光荣榜 [月份] [社区]` (staff: a preview; members:
what it is), `群发光荣榜 [月份] [社区]` (staff: the roll as a broadcast, through handlers/broadcast.py's flow).

A month is `2026-11`, `2026年11月`, `11月`, `本月` or `上个月`; none said: the last whole month. A community
none said: the staff member's own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

from handlers.context import LOCAL_TIME, Context
from handlers.numbers import FIRST_YEAR
from handlers.routes import Command
from handlers.staff import staff_member
from handlers.stars import stars_label
from handlers.turn import Turn
from handlers.types import Outcome, Reply
from storage import broadcasts, stars
from storage.exchange import format_minutes

OPT_IN_COMMAND = re.compile(r"^\s*(?:我要|我想|我愿意|同意)?上光荣榜\s*[。!！]?\s*$")
OPT_OUT_COMMAND = re.compile(r"^\s*(?:我)?(?:不上|不想上|不要上|不愿意上|退出)光荣榜\s*[。!！]?\s*$")
ROLL_COMMAND = re.compile(r"^\s*光荣榜\s*(.*?)\s*$")
BROADCAST_COMMAND = re.compile(r"^\s*(?:群发|广播)\s*光荣榜\s*(.*?)\s*$")
MONTH_THEN_PLACE = re.compile(r"^(\d{4}\s*[-年./]\s*\d{1,2}\s*月?|\d{1,2}\s*月份?|本月|这个月|上个?月)?\s*(.*)$")
YEAR_MONTH = re.compile(r"^(\d{4})\s*[-年./]\s*(\d{1,2})")
MONTH_ONLY = re.compile(r"^(\d{1,2})")
THIS_MONTH_WORDS = ("本月", "这个月")
ROLL_SIZE = 25  # lines of the roll; a broadcast holds at most 600 characters


@dataclass(frozen=True)
class Month:
    year: int
    month: int

    @property
    def key(self) -> str:
        return f"{self.year}-{self.month:02d}"

    @property
    def label(self) -> str:
        return f"{self.year}年{self.month}月"

    @property
    def since(self) -> datetime:
        return datetime(self.year, self.month, 1, tzinfo=LOCAL_TIME)

    @property
    def until(self) -> datetime:
        return datetime(self.year + self.month // 12, self.month % 12 + 1, 1, tzinfo=LOCAL_TIME)

    def before(self) -> Month:
        return Month(self.year - (self.month == 1), (self.month - 2) % 12 + 1)

    @classmethod
    def of(cls, day: date) -> Month:
        return cls(day.year, day.month)


def month_said(words: str, today: date) -> Month | None:
    """The month `words` name (None when no month is said) — a month with no year is the latest one not ahead.
    Raises ValueError for a month that cannot be."""
    this = Month.of(today)
    if not words:
        return None
    if words in THIS_MONTH_WORDS:
        return this
    if words.startswith("上"):
        return this.before()
    if found := YEAR_MONTH.match(words):
        year, month = int(found.group(1)), int(found.group(2))
    elif found := MONTH_ONLY.match(words):
        month = int(found.group(1))
        year = this.year - (month > this.month)
    else:
        raise ValueError(words)
    if not 1 <= month <= 12 or year < FIRST_YEAR or Month(year, month).since > this.since:
        raise ValueError(words)
    return Month(year, month)


@dataclass(frozen=True)
class Asked:
    month: Month
    community: str | None  # None: not said
    month_named: bool


def read_argument(argument: str, today: date) -> Asked | None:
    """What `光荣榜 …` asks for; None for a month that cannot be ("13月", one still ahead)."""
    found = MONTH_THEN_PLACE.match(argument.strip())
    try:
        month = month_said((found.group(1) or "").replace(" ", ""), today)
    except ValueError:
        return None
    return Asked(month or Month.of(today).before(), found.group(2).strip() or None, month is not None)


# ---- members: in or out ------------------------------------------------------------------

async def opt_in(turn: Turn) -> Outcome:
    return await _choose(turn, opted_in=True)


async def opt_out(turn: Turn) -> Outcome:
    return await _choose(turn, opted_in=False)


async def _choose(turn: Turn, *, opted_in: bool) -> Outcome:
    ctx, intent = turn.ctx, "honour_roll_in" if opted_in else "honour_roll_out"
    member = await turn.member()
    if member is None:
        return Outcome(Reply(ctx.text("not_registered")), intent)
    changed = await stars.set_choice(ctx.bank.sessions, member.id, opted_in, is_staff=member.is_staff,
                                     now=turn.incoming.received_at)
    said = {(True, True): "roll_opted_in", (True, False): "roll_already_in",
            (False, True): "roll_opted_out", (False, False): "roll_already_out"}[opted_in, changed]
    return Outcome(Reply(ctx.text(said)), intent)


# ---- 光荣榜: staff preview, members' explanation ---------------------------------------------

async def show_roll(turn: Turn) -> Outcome | None:
    ctx = turn.ctx
    asked = read_argument(turn.argument, ctx_today(turn))
    if asked is not None and await _a_question(asked, ctx):
        return None  # "光荣榜是什么": for the FAQ
    staff = await staff_member(turn)
    if staff is None:
        return Outcome(Reply(await _about(turn)), "honour_roll")
    if asked is None:
        return Outcome(Reply(ctx.text("roll_usage")), "honour_roll")
    place = await _community(asked, staff.community, ctx)
    if not isinstance(place, str):
        return Outcome(place, "honour_roll")
    lines = await stars.honour_roll(ctx.bank.sessions, ctx.bank.keyring, place, since=asked.month.since,
                                    until=asked.month.until, rules=ctx.bank.stars, viewer_id=staff.id,
                                    month=asked.month.key)
    if not lines:
        return Outcome(Reply(ctx.text("roll_empty", place=place, month=asked.month.label)), "honour_roll")
    hint = ctx.text("roll_preview_hint", month=asked.month.key, place=place)
    return Outcome(Reply(roll_text(lines, place, asked.month, ctx) + hint), "honour_roll")


async def _a_question(asked: Asked, ctx: Context) -> bool:
    """Words after 光荣榜 that are neither a month nor a community members live in."""
    return bool(asked.community) and not asked.month_named \
        and asked.community not in await broadcasts.communities(ctx.bank.sessions)


def ctx_today(turn: Turn) -> date:
    return turn.ctx.local(turn.incoming.received_at).date()


async def _about(turn: Turn) -> str:
    ctx = turn.ctx
    member = await turn.member()
    if member is None:
        return ctx.text("roll_about")
    chosen = await stars.choice_of(ctx.bank.sessions, member.id)
    return ctx.text("roll_about") + ctx.text("roll_about_in" if chosen else "roll_about_out")


async def _community(asked: Asked, own: str | None, ctx: Context) -> str | Reply:
    """The community named, or the staff member's own; a Reply when neither is one members live in."""
    place = asked.community or own
    if place is None:
        return Reply(ctx.text("roll_which_community", month=asked.month.key))
    if place not in await broadcasts.communities(ctx.bank.sessions):
        return Reply(ctx.text("roll_usage"))
    return place


def roll_text(lines: list[stars.RollLine], community: str, month: Month, ctx: Context) -> str:
    """The roll as members read it: masked names, hours that month, stars."""
    shown = [ctx.text("roll_line", rank=str(rank), name=line.masked_name, served=format_minutes(line.served_min),
                      stars=f" {stars_label(line.stars)}" if line.stars else "")
             for rank, line in enumerate(lines[:ROLL_SIZE], start=1)]
    more = [ctx.text("roll_more", count=str(len(lines) - ROLL_SIZE))] if len(lines) > ROLL_SIZE else []
    return "\n".join((ctx.text("roll_head", place=community, month=month.label), *shown, *more,
                      ctx.text("roll_foot")))


# ---- 群发光荣榜: the broadcast flow's ready-made content -----------------------------------

async def broadcast_content(found: re.Match, turn: Turn, *, shown: bool) -> dict | str:
    """The roll as the broadcast's content, or why there is none. `shown`: staff will read it (the names are
    then audited as read); the flow's gate only asks whether there is a roll."""
    ctx = turn.ctx
    asked = read_argument(found.group(1), ctx_today(turn))
    if asked is None:
        return ctx.text("roll_usage")
    staff = await staff_member(turn)
    place = await _community(asked, staff.community, ctx)
    if not isinstance(place, str):
        return place.text
    lines = await stars.honour_roll(ctx.bank.sessions, ctx.bank.keyring, place, since=asked.month.since,
                                    until=asked.month.until, rules=ctx.bank.stars,
                                    viewer_id=staff.id if shown else None, month=asked.month.key)
    if not lines:
        return ctx.text("roll_empty", place=place, month=asked.month.label)
    return {"content": roll_text(lines, place, asked.month, ctx)}


ROUTES = (
    Command(OPT_IN_COMMAND, opt_in),
    Command(OPT_OUT_COMMAND, opt_out),
    Command(BROADCAST_COMMAND, flow="broadcast", staff=True),
    # Staff typing it where a broadcast's text is awaited are asked which it is ("先办这个指令吗？").
    Command(ROLL_COMMAND, show_roll, staff=True),
)
