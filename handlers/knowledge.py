"""What the time bank is and how it works, answered from the FAQ; and the success stories staff write.

The questions and answers are data (handlers/faq.toml, plus the staff's own
file named by `[knowledge] faq_file`). A message the NLU reads as `about`, a
`help` message that names a question's keyword, or a message it does not
understand at all but that matches a question, gets that question's answer,
with the numbers filled in from the configuration. Otherwise: the general
answer and the questions numbered; a number then picks one.
"""

from __future__ import annotations

import re
from fractions import Fraction

import nlu
from handlers import staff
from handlers.numbers import record_number
from handlers.context import Context
from handlers.routes import Command, Intent
from handlers.turn import Turn
from handlers.types import Choice, Outcome, Reply
from storage import members, stories
from storage.exchange import Catalogue, cost_of, format_minutes
from handlers.faq import ABOUT_ID, FaqEntry, Match

# The help text's numbered lines, in its order: "1" after it does what its first line says.
HELP_CHOICES = (
    Choice("post_request", "找人帮忙", words=("找人",)),
    Choice("register", "当志愿者", words=("志愿者", "注册")),
    Choice("balance", "查时间币", words=("时间币", "余额")),
    Choice("about", "了解时间银行", words=("了解", "时间银行")),
)
# The second line, by who asks: "当志愿者：发“我要注册”" is for newcomers; a member already registered is shown
# what they come back for (an elder's or a family's orders, a volunteer's open requests).
SECOND_HELP_LINE = {
    members.ELDER: ("help_line_orders", Choice("my_orders", "我的订单", words=("订单", "单子"))),
    members.FAMILY: ("help_line_orders", Choice("my_orders", "我的订单", words=("订单", "单子"))),
    members.VOLUNTEER: ("help_line_tasks", Choice("list_tasks", "看看谁要帮忙", words=("任务", "接单"))),
}
# The numbered questions last as long as a half-finished conversation would.
LIST_MEMO = "faq_list"
LIST_TTL_S = 600
OTHER_STORIES = 5

FAQ_COMMAND = re.compile(r"^\s*(常见问题|问题列表|常见问答)\s*$")
STORY_COMMAND = re.compile(r"^\s*(?:听听|看看|讲讲|讲个|听个|看个)?(?:成功|互助)?故事\s*(\d{0,6})\s*$")
ADD_STORY_COMMAND = re.compile(r"^\s*添加故事\s*(.*)$", re.S)
TITLE_BODY = re.compile(r"\s*[｜|\n]\s*")


# ---- answering questions -----------------------------------------------------------


async def about(turn: Turn) -> Outcome:
    """The `about` intent: the question it matches, else the general answer with the questions numbered."""
    match = _match(turn)
    if match is None or match.entry.id == ABOUT_ID:
        return await _overview(turn)
    return _answer(match.entry, turn.ctx)


async def help_or_answer(turn: Turn) -> Outcome:
    """`help`: a question's answer when the message names one of its keywords ("时间币能干什么"), else what the bot can do."""
    ctx = turn.ctx
    match = _match(turn)
    if match is not None and match.by_keyword and match.entry.id != ABOUT_ID:
        return _answer(match.entry, ctx)
    member = await turn.member()
    line, second = SECOND_HELP_LINE.get(member.role if member else None, ("help_line_register", HELP_CHOICES[1]))
    text = ctx.text("help", second=ctx.text(line))
    if await staff.staff_member(turn) is not None:  # staff read their commands below what members read
        text = f"{text}\n\n{ctx.text('staff_help')}"
    return Outcome(Reply(text), "help", choices=(HELP_CHOICES[0], second, *HELP_CHOICES[2:]))


async def answer_unknown(turn: Turn) -> Outcome | None:
    """A message the NLU did not understand: a number picking from the questions just listed, or a question
    that matches; None leaves it to the conversation engine's "not understood"."""
    ctx, openid = turn.ctx, turn.incoming.openid
    listed = await ctx.dialogue.recall(openid, LIST_MEMO)
    if listed and (picked := _picked(turn, listed)) is not None:
        await ctx.dialogue.note(openid, LIST_MEMO, listed, LIST_TTL_S)
        return Outcome(Reply(fill(picked, ctx) + ctx.text("faq_pick_another")), "about")
    match = _match(turn)
    if match is None:
        return None
    return await _overview(turn) if match.entry.id == ABOUT_ID else _answer(match.entry, ctx)


async def faq_list(turn: Turn) -> Outcome:
    """`常见问题`: the questions, numbered."""
    return Outcome(Reply(await _numbered_questions(turn)), "about")


def fill(entry: FaqEntry, ctx: Context) -> str:
    return entry.answer.format(**answer_values(ctx))


def answer_values(ctx: Context) -> dict[str, str]:
    """Every placeholder an answer may use (handlers.faq.PLACEHOLDERS), from the configuration."""
    policy, catalogue = ctx.bank.policy, ctx.bank.catalogue
    certified = [service.name for service in catalogue.services.values() if service.needs_certified]
    return {
        "community": ctx.community.name,
        "hotline": ctx.community.hotline,
        "elder_age": str(policy.elder_age),
        "self_spend_age": str(policy.self_spend_age),
        "gift_recipient_age": str(policy.gift_recipient_age),
        "cap": format_minutes(ctx.bank.rules.cap_min),
        "daily_gift_limit": format_minutes(ctx.bank.daily_transfer_limit_min),
        "standard": exchange_standard(catalogue),
        "certified_services": "、".join(certified) or "部分服务",
        "star_steps": "、".join(f"{level}★ {hours}小时" for level, hours in enumerate(ctx.bank.stars.star_hours, 1)),
    }


def exchange_standard(catalogue: Catalogue) -> str:
    """The unified exchange standard, one line per service: what one hour of it earns."""
    return "\n".join(f"· {service.name}：{_per_hour(service.weight)}" + ("（要有培训证书）" if service.needs_certified else "")
                     for service in catalogue.services.values())


def _per_hour(weight: Fraction) -> str:
    if (weight * 100).denominator == 1:  # 1.2 → "1.2个时间币"; people know credits as decimals
        return f"{float(weight):.2f}".rstrip("0").rstrip(".") + "个时间币"
    return format_minutes(cost_of(weight, 60))  # a weight like 1/3: the exact minutes instead of a rounded decimal


def _match(turn: Turn) -> Match | None:
    text = turn.incoming.text
    return turn.ctx.faq.best_match(text, nlu.words) if text.strip() else None


def _answer(entry: FaqEntry, ctx: Context) -> Outcome:
    return Outcome(Reply(fill(entry, ctx)), "about")


async def _overview(turn: Turn) -> Outcome:
    general = fill(turn.ctx.faq.about, turn.ctx)
    return Outcome(Reply(f"{general}\n\n{await _numbered_questions(turn)}"), "about")


async def _numbered_questions(turn: Turn) -> str:
    ctx = turn.ctx
    listed = ctx.faq.listed
    # The ids, not the numbers, are remembered: "3" means what was shown even if the FAQ changes meanwhile.
    await ctx.dialogue.note(turn.incoming.openid, LIST_MEMO, [entry.id for entry in listed], LIST_TTL_S)
    choices = "\n".join(f"{number}. {entry.question}" for number, entry in enumerate(listed, 1))
    return ctx.text("faq_list", choices=choices)


def _picked(turn: Turn, listed: list[str]) -> FaqEntry | None:
    incoming, ctx = turn.incoming, turn.ctx
    number = nlu.parse(incoming.text, now=ctx.local(incoming.received_at), expecting="choice").slots.get("choice")
    if not isinstance(number, int) or not 1 <= number <= len(listed):
        return None
    return ctx.faq.entry(listed[number - 1])


# ---- success stories ---------------------------------------------------------------


async def read_story(turn: Turn) -> Outcome:
    """`故事`: the newest story in full and the titles of a few more; `故事 N`: story N."""
    ctx, number = turn.ctx, turn.argument
    newest = await stories.stories(ctx.bank.sessions, limit=OTHER_STORIES + 1)
    if number:
        shown = await stories.story(ctx.bank.sessions, record_number(number))
        if shown is None:
            return Outcome(Reply(ctx.text("story_no_such")), "story")
    elif newest:
        shown = newest[0]
    else:
        return Outcome(Reply(ctx.text("story_none")), "story")
    text = ctx.text("story_show", title=shown.title, body=shown.body)
    others = [story for story in newest if story.id != shown.id][:OTHER_STORIES]
    if others:
        lines = "\n".join(f"{story.id}. {story.title}" for story in others)
        text += ctx.text("story_others", lines=lines, example=str(others[0].id))
    return Outcome(Reply(text), "story")


async def add_story(turn: Turn) -> Outcome:
    """`添加故事 标题｜内容` (or the title on the first line and the story below it): staff only, audited."""
    ctx = turn.ctx
    author = await staff.staff_member(turn)
    if author is None:
        return await staff.refuse_non_staff(turn, "add_story")
    title, body = (TITLE_BODY.split(turn.argument.strip(), maxsplit=1) + [""])[:2]
    if not title or not body:
        return Outcome(Reply(ctx.text("story_usage")), "add_story")
    added = await stories.add_story(ctx.bank.sessions, author.actor, title, body)
    return Outcome(Reply(ctx.text("story_added", id=str(added.id), title=added.title)), "add_story")



ROUTES = (
    # A question of the FAQ when the words name one ("时间币能干什么"), else what the bot can do.
    Intent("help", help_or_answer, title="看看怎么用"),
    Intent("about", about, title="了解时间银行"),
    Command(FAQ_COMMAND, faq_list),
    Command(STORY_COMMAND, read_story),
    Command(ADD_STORY_COMMAND, add_story, staff=True),
)
