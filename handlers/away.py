"""A volunteer away for a while: `暂停接单 7天` stops offers until then, `恢复接单` brings them back.

Offers that would only be ignored are not sent (storage.tasks.matching skips a paused volunteer), so the
volunteer's record stays fair and the elder's request goes to someone who is here.
"""

from __future__ import annotations

import re
from datetime import timedelta

from handlers.context import LOCAL_TIME
from handlers.routes import Command
from handlers.turn import Turn
from handlers.types import Outcome, Reply
from nlu import NUMBER, to_int
from storage import members

PAUSE_COMMAND = re.compile(r"^\s*暂停接单\s*(.*)$", re.S)
RESUME_COMMAND = re.compile(r"^\s*恢复接单\s*()$")
DAYS = re.compile(rf"^({NUMBER})\s*(?:天|日)?\s*$")
DEFAULT_DAYS, MOST_DAYS = 7, 90


async def pause(turn: Turn) -> Outcome:
    incoming, ctx, arguments = turn.incoming, turn.ctx, turn.argument
    volunteer = await _volunteer(turn)
    if volunteer is None:
        return Outcome(Reply(ctx.text("pause_volunteers_only")), "pause_offers")
    days = _days(arguments.strip())
    if days is None:
        return Outcome(Reply(ctx.text("pause_usage", most=str(MOST_DAYS))), "pause_offers")
    until = incoming.received_at + timedelta(days=days)
    await members.pause_offers(ctx.bank.sessions, volunteer.id, until)
    local = until.astimezone(LOCAL_TIME)
    return Outcome(Reply(ctx.text("pause_done", until=f"{local.month}月{local.day}日")), "pause_offers")


async def resume(turn: Turn) -> Outcome:
    incoming, ctx = turn.incoming, turn.ctx
    volunteer = await _volunteer(turn)
    if volunteer is None:
        return Outcome(Reply(ctx.text("pause_volunteers_only")), "resume_offers")
    paused = volunteer.offers_paused_until is not None and volunteer.offers_paused_until > incoming.received_at
    if not paused:
        return Outcome(Reply(ctx.text("resume_not_paused")), "resume_offers")
    await members.pause_offers(ctx.bank.sessions, volunteer.id, None)
    return Outcome(Reply(ctx.text("resume_done")), "resume_offers")


def _days(words: str) -> int | None:
    if not words:
        return DEFAULT_DAYS
    found = DAYS.match(words)
    days = to_int(found.group(1)) if found else None
    return days if days is not None and 1 <= days <= MOST_DAYS else None


async def _volunteer(turn: Turn) -> members.Member | None:
    member = await turn.member()
    return member if member is not None and member.role == members.VOLUNTEER else None


ROUTES = (
    Command(PAUSE_COMMAND, pause),
    Command(RESUME_COMMAND, resume),
)
