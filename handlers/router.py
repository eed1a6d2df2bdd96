"""Which handler answers a message: by what kind of message it is, then by what it means."""

from __future__ import annotations

from typing import Awaitable, Callable

import nlu
from handlers.context import Context
from handlers.types import Incoming, Kind, Outcome, Reply

Handler = Callable[[Incoming, Context], Awaitable[Outcome]]


def canned(text_key: str, intent: str | None = None) -> Handler:
    """A handler whose whole answer is one sentence of the text table."""

    async def answer(incoming: Incoming, ctx: Context) -> Outcome:
        return Outcome(Reply(ctx.text(text_key)), intent or text_key)

    return answer


async def say_nothing(incoming: Incoming, ctx: Context) -> Outcome:
    return Outcome(None, incoming.kind.value)


INTENT_HANDLERS: dict[str, Handler] = {
    "help": canned("help"),
    "about": canned("about"),
    # Safety first: whatever else is built, a cry for help gets the numbers to call at once.
    "sos": canned("sos"),
}

# Intents the bot understands but whose conversations later work will add.
NOT_YET_BUILT = frozenset(nlu.INTENTS) - set(INTENT_HANDLERS) - {"unknown", "affirm", "deny"}


async def understand(incoming: Incoming, ctx: Context) -> Outcome:
    meaning = nlu.parse(incoming.text, now=ctx.local(incoming.received_at))
    return await answer_intent(meaning.intent, incoming, ctx)


async def answer_intent(intent: str, incoming: Incoming, ctx: Context) -> Outcome:
    if intent in INTENT_HANDLERS:
        return await INTENT_HANDLERS[intent](incoming, ctx)
    if intent in NOT_YET_BUILT:
        return Outcome(Reply(ctx.text("not_ready")), intent)
    return Outcome(Reply(ctx.text("not_understood")), "unknown")


async def understand_voice(incoming: Incoming, ctx: Context) -> Outcome:
    if not incoming.text.strip():
        return Outcome(Reply(ctx.text("voice_not_recognized")), "voice_unrecognized")
    return await understand(incoming, ctx)


async def menu_click(incoming: Incoming, ctx: Context) -> Outcome:
    # Menu keys are intent names, so a button does exactly what the same words would.
    intent = incoming.menu_key.strip().lower()
    if intent in INTENT_HANDLERS or intent in NOT_YET_BUILT:
        return await answer_intent(intent, incoming, ctx)
    return Outcome(Reply(ctx.text("unknown_menu")), "unknown_menu")


KIND_HANDLERS: dict[Kind, Handler] = {
    Kind.TEXT: understand,
    Kind.VOICE: understand_voice,
    Kind.MENU_CLICK: menu_click,
    Kind.LOCATION: canned("location_without_context", "location"),
    Kind.FOLLOW: canned("welcome"),
    Kind.SCAN: canned("welcome_back"),
    Kind.MEDIA: canned("media_not_understood", "media"),
    Kind.UNFOLLOW: say_nothing,
    Kind.SILENT_EVENT: say_nothing,
}


async def respond(incoming: Incoming, ctx: Context) -> Outcome:
    return await KIND_HANDLERS[incoming.kind](incoming, ctx)
