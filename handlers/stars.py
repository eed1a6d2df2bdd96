"""Volunteer star levels: `我的星级` (也: 我几星了, 星级), and the congratulation after a payment.

Hours come from the ledger's service payments (storage.ledger.served_hours), never from a counter of our
own; the steps are `[engagement]`'s (storage.stars.levels).
"""

from __future__ import annotations

import re
from datetime import datetime

from handlers.context import Context
from handlers.routes import Command
from handlers.turn import Turn
from handlers.types import Outcome, Reply
from storage import members, stars
from storage.exchange import format_minutes
from storage.ledger.served_hours import served_minutes

# 我的星级, 星级, 查一下星级, 我几星了, 我现在是几星, 我有几颗星了, 我是什么星级呀 …
MY_STARS_COMMAND = re.compile(
    r"^\s*(?:我的星级|(?:查|看)?(?:一下)?星级|我(?:现在)?(?:是|有)?(?:几星级?|几颗星|什么星级)(?:了|志愿者)?)"
    r"\s*[?？吗呀啊呢啦哇嘛]*\s*$")

# What each kind of step is congratulated with.
STEP_TEXTS = {stars.FIRST_SERVICE: "stars_first_service", stars.MILESTONE: "stars_milestone",
              stars.STAR: "stars_new_level"}


def stars_label(count: int) -> str:
    return f"{count}★"


async def my_stars(turn: Turn) -> Outcome:
    ctx = turn.ctx
    member = await turn.member()
    if member is None:
        return Outcome(Reply(ctx.text("not_registered")), "my_stars")
    served = (await served_minutes(ctx.bank.sessions, member.ledger_ref)).total
    words = standing_text(served, member, ctx)
    if await stars.choice_of(ctx.bank.sessions, member.id):
        words += ctx.text("stars_line_roll")
    return Outcome(Reply(words), "my_stars")


def standing_text(served: int, member: members.Member, ctx: Context) -> str:
    rules = ctx.bank.stars
    if served == 0:
        if member.role == members.VOLUNTEER:
            return ctx.text("stars_none_volunteer", first=str(rules.star_hours[0]))
        return ctx.text("stars_none_other", top=str(len(rules.star_hours)))
    where = stars.standing(served, rules)
    if where.next_stars is None:
        return ctx.text("stars_top", served=format_minutes(served), stars=stars_label(where.stars))
    key = "stars_standing" if where.stars else "stars_below_first"
    return ctx.text(key, served=format_minutes(served), stars=stars_label(where.stars),
                    left=format_minutes(where.to_next_min), next=stars_label(where.next_stars))


# ---- after a payment ---------------------------------------------------------------------

async def after_payment(ctx: Context, volunteer_id: int | None, now: datetime) -> None:
    """Once a payment has committed: the highest step the volunteer's hours now reach, told once (storage keeps
    the record, so a resent confirmation or two payments racing across a step tell it once)."""
    if volunteer_id is None:
        return
    rules = ctx.bank.stars
    served = (await served_minutes(ctx.bank.sessions, members.ledger_ref(volunteer_id))).total
    step = stars.highest_reached(served, rules)
    if step is None:
        return
    volunteer = await members.member_by_id(ctx.bank.sessions, volunteer_id)
    reachable = volunteer is not None and volunteer.openid and not volunteer.pushes_stopped and volunteer.is_active
    # The honour roll is offered once, with the first congratulation, to who has not said yes or no already.
    undecided = await stars.choice_of(ctx.bank.sessions, volunteer_id) is None
    await stars.congratulate_once(ctx.bank.sessions, ctx.bank.keyring, volunteer_id, step,
                                  openid=volunteer.openid if reachable else None,
                                  body=congratulation(step, served, ctx),
                                  first_time=ctx.text("stars_invite_roll") if undecided else "", now=now)


def congratulation(step: stars.Step, served: int, ctx: Context) -> str:
    """The step's own sentence, and the next star ahead when there is one."""
    said = ctx.text(STEP_TEXTS[step.kind], hours=str(step.hours), stars=stars_label(step.stars))
    where = stars.standing(served, ctx.bank.stars)
    if where.next_stars is None or step.kind == stars.FIRST_SERVICE:
        return said
    return said + ctx.text("stars_next", left=format_minutes(where.to_next_min), next=stars_label(where.next_stars))

ROUTES = (
    Command(MY_STARS_COMMAND, my_stars),
)
