"""Following the account: a welcome that says what to send next, a community's QR code, and coming back.

A follow or scan through a community's QR code (scene `community:青山湖社区`
or just `青山湖社区`) remembers the community, so registration does not ask
for it. A registered member who unfollowed and follows again confirms their
phone number before pushes restart.
"""

from __future__ import annotations

from typing import Awaitable, Callable

from handlers.context import Context
from handlers.flow import Flow, Slot
from handlers.identity import forget_sender, member_of
from handlers.types import Incoming, Outcome, Reply
from storage import members
from storage.members.validation import clean_community
from storage.privacy import InvalidPhone

COMMUNITY_MEMO = "community"
COMMUNITY_MEMO_TTL_S = 30 * 24 * 3600  # people often register days after scanning the poster
REJOIN = "rejoin"
# WeChat prefixes the scene of a follow through a QR code; our own codes may name what the scene is.
SCENE_PREFIXES = ("qrscene_", "community:")

Begin = Callable[[str, Incoming, Context], Awaitable[Outcome]]


def community_in(scene: str) -> str | None:
    """The community a QR code's scene names; codes without a Chinese name are campaigns, not communities."""
    for prefix in SCENE_PREFIXES:
        scene = scene.removeprefix(prefix)
    try:
        name = clean_community(scene)
    except ValueError:  # longer than any community name: not one of ours
        return None
    return name if name and any("\u4e00" <= char <= "\u9fff" for char in name) else None


async def remembered_community(incoming: Incoming, ctx: Context) -> str | None:
    return await ctx.dialogue.recall(incoming.openid, COMMUNITY_MEMO)


async def _note_community(incoming: Incoming, ctx: Context) -> str:
    """Remember the scanned community for registration; the sentence saying so, or nothing."""
    community = community_in(incoming.scene)
    if community is None:
        return ""
    await ctx.dialogue.note(incoming.openid, COMMUNITY_MEMO, community, COMMUNITY_MEMO_TTL_S)
    return ctx.text("welcome_community_noted", place=community)


async def on_follow(incoming: Incoming, ctx: Context, begin: Begin) -> Outcome:
    """`subscribe`: newcomers learn what to send; a returning member confirms their phone first."""
    member = await member_of(incoming, ctx)
    if member is not None and member.pushes_stopped:
        return await begin(REJOIN, incoming, ctx)
    if member is not None:
        return Outcome(Reply(ctx.text("welcome_back")), "follow")
    return Outcome(Reply(ctx.text("welcome_follow") + await _note_community(incoming, ctx)), "follow")


async def on_scan(incoming: Incoming, ctx: Context) -> Outcome:
    """`SCAN` by someone already following: welcome back; an unregistered one's community is noted."""
    if await member_of(incoming, ctx) is not None:
        return Outcome(Reply(ctx.text("welcome_back")), "scan")
    return Outcome(Reply(ctx.text("welcome_back_unregistered") + await _note_community(incoming, ctx)), "scan")


# ---- coming back after unfollowing ----------------------------------------------


async def pushes_stopped(incoming: Incoming, ctx: Context) -> Outcome | None:
    member = await member_of(incoming, ctx)
    if member is None or not member.pushes_stopped:
        return Outcome(Reply(ctx.text("welcome_back")), REJOIN)
    return None


async def their_own_phone(phone: str, slots: dict, incoming: Incoming, ctx: Context) -> str | None:
    try:
        owner = await members.member_by_phone(ctx.bank.sessions, ctx.bank.keyring, phone)
    except InvalidPhone:
        return ctx.text("register_bad_phone")
    member = await member_of(incoming, ctx)
    matches = owner is not None and member is not None and owner.id == member.id
    return None if matches else ctx.text("rejoin_wrong_phone")


async def restart_pushes(slots: dict, incoming: Incoming, ctx: Context) -> Outcome:
    member = await member_of(incoming, ctx)
    await members.reattach_openid(ctx.bank.sessions, member.id, incoming.openid)
    forget_sender()
    return Outcome(Reply(ctx.text("rejoin_done")), REJOIN)


REJOIN_FLOW = Flow(
    name=REJOIN,
    title="确认身份",
    ready=pushes_stopped,
    slots=(Slot("phone", lambda slots, ctx: ctx.text("rejoin_ask"), expecting="phone", check=their_own_phone),),
    finish=restart_pushes,
)
