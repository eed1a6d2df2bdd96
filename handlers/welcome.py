"""Following the account: a welcome that says what to send next, a community's QR code, and coming back.

A follow or scan through a community's QR code (scene `community:青山湖社区`
or just `青山湖社区`) remembers the community, so registration does not ask
for it. A follow or scan through an event's code at the venue (`event:12`)
also takes attendance (handlers/events.py). A registered member who unfollowed and follows again confirms their
phone number before pushes restart.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Awaitable, Callable

from handlers.events import attend_by_scene
from handlers.flow import Flow, Slot
from handlers.turn import Turn
from handlers.types import Outcome, Reply
from storage import members
from storage.members.validation import clean_community
from storage.privacy import InvalidPhone

COMMUNITY_MEMO = "community"
COMMUNITY_MEMO_TTL_S = 30 * 24 * 3600  # people often register days after scanning the poster
REJOIN = "rejoin"
# WeChat prefixes the scene of a follow through a QR code; our own codes may name what the scene is.
SCENE_PREFIXES = ("qrscene_", "community:")

Begin = Callable[[str, Turn], Awaitable[Outcome]]  # starts a flow by its name


def community_in(scene: str) -> str | None:
    """The community a QR code's scene names; codes without a Chinese name are campaigns, not communities."""
    for prefix in SCENE_PREFIXES:
        scene = scene.removeprefix(prefix)
    try:
        name = clean_community(scene)
    except ValueError:  # longer than any community name: not one of ours
        return None
    return name if name and any("\u4e00" <= char <= "\u9fff" for char in name) else None


async def remembered_community(turn: Turn) -> str | None:
    incoming, ctx = turn.incoming, turn.ctx
    return await ctx.dialogue.recall(incoming.openid, COMMUNITY_MEMO)


async def _note_community(turn: Turn) -> str:
    """Remember the scanned community for registration; the sentence saying so, or nothing."""
    incoming, ctx = turn.incoming, turn.ctx
    community = community_in(incoming.scene)
    if community is None:
        return ""
    await ctx.dialogue.note(incoming.openid, COMMUNITY_MEMO, community, COMMUNITY_MEMO_TTL_S)
    return ctx.text("welcome_community_noted", place=community)


async def on_follow(turn: Turn, begin: Begin) -> Outcome:
    """`subscribe`: newcomers learn what to send; a returning member confirms their phone first."""
    ctx = turn.ctx
    member = await turn.member()
    if member is not None and member.pushes_stopped:
        return await _with_attendance(await begin(REJOIN, turn), turn)
    if member is not None:
        return await _with_attendance(Outcome(Reply(ctx.text("welcome_back")), "follow"), turn)
    return await _with_attendance(Outcome(Reply(ctx.text("welcome_follow") + await _note_community(turn)), "follow"),
                                  turn)


async def on_scan(turn: Turn) -> Outcome:
    """`SCAN` by someone already following: at an event's venue, attendance; else welcome back, and an
    unregistered one's community noted."""
    ctx = turn.ctx
    if await turn.member() is not None:
        attended = await attend_by_scene(turn)
        return Outcome(Reply(attended or ctx.text("welcome_back")), "scan")
    return await _with_attendance(
        Outcome(Reply(ctx.text("welcome_back_unregistered") + await _note_community(turn)), "scan"), turn)


async def _with_attendance(outcome: Outcome, turn: Turn) -> Outcome:
    """The welcome, then what the event's code did (attendance, or how to get it), when the code is an event's."""
    attended = await attend_by_scene(turn)
    if attended is None:
        return outcome
    said = outcome.reply.text if outcome.reply else ""
    return replace(outcome, reply=Reply(f"{said}\n{attended.lstrip()}" if said else attended.lstrip()))


# ---- coming back after unfollowing ----------------------------------------------


async def pushes_stopped(turn: Turn) -> Outcome | None:
    ctx = turn.ctx
    member = await turn.member()
    if member is None or not member.pushes_stopped:
        return Outcome(Reply(ctx.text("welcome_back")), REJOIN)
    return None


async def their_own_phone(phone: str, turn: Turn) -> str | None:
    ctx = turn.ctx
    try:
        owner = await members.member_by_phone(ctx.bank.sessions, ctx.bank.keyring, phone)
    except InvalidPhone:
        return ctx.text("register_bad_phone")
    member = await turn.member()
    matches = owner is not None and member is not None and owner.id == member.id
    return None if matches else ctx.text("rejoin_wrong_phone")


async def restart_pushes(turn: Turn) -> Outcome:
    incoming, ctx = turn.incoming, turn.ctx
    member = await turn.member()
    await members.reattach_openid(ctx.bank.sessions, member.id, incoming.openid)
    turn.sender_changed()
    return Outcome(Reply(ctx.text("rejoin_done")), REJOIN)


REJOIN_FLOW = Flow(
    name=REJOIN,
    title="确认身份",
    ready=pushes_stopped,
    slots=(Slot("phone", lambda slots, ctx: ctx.text("rejoin_ask"), expecting="phone", check=their_own_phone),),
    finish=restart_pushes,
)


ROUTES = (REJOIN_FLOW,)
