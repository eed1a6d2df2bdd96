"""Which handler answers a message: by what kind of message it is, then by what it means.

Each capability module lists what it answers in its own `ROUTES` (handlers/routes.py); the router collects
them in the order of `MODULES`, builds one `Turn` per message and hands it on.
"""

from __future__ import annotations

from typing import Awaitable, Callable

import nlu
from handlers import (aftercare, away, broadcast, console_link, credits, emergency, erasure, escalation, event_desk,
                      events, family, giving, honour_roll, knowledge, membership, my_data, orders, partners, proof,
                      requests, staff, staff_desk, stars, subscription, surveys, tasks, welcome)
from handlers.context import Context
from handlers.conversation import Conversation
from handlers.flow import Flow
from handlers.routes import Command, Handler, Intent
from handlers.turn import Turn
from handlers.types import Choice, Incoming, Kind, Outcome, Reply
from storage import members

Responder = Callable[[Incoming, Context], Awaitable[Outcome]]
Route = Command | Intent | Flow

# Commands are tried in this order; their patterns do not overlap, so the order only matters to the reader.
MODULES = (knowledge, emergency, credits, orders, tasks, aftercare, subscription, membership, giving, partners, erasure,
           requests, welcome, family, staff, staff_desk, escalation, broadcast, console_link, my_data, proof, away, stars,
           honour_roll, events, event_desk, surveys)
ROUTES: tuple[Route, ...] = tuple(route for module in MODULES for route in module.ROUTES)


async def say_nothing(turn: Turn) -> Outcome:
    return Outcome(None, turn.incoming.kind.value)


async def forget_the_conversation(turn: Turn) -> Outcome:
    """Unfollowing ends whatever was under way and stops every push; the account and credits stay."""
    await turn.ctx.dialogue.forget(turn.incoming.openid)
    await members.set_following(turn.ctx.bank.sessions, turn.incoming.openid, False)
    return Outcome(None, "unfollow")


# What someone who has not registered may do; everything else first asks them to register.
OPEN_TO_EVERYONE = frozenset({"help", "about", "register", "sos", "subscribe", "unsubscribe"})
MEMBERS_ONLY = frozenset(nlu.INTENTS) - OPEN_TO_EVERYONE - {"unknown", "affirm", "deny"}

# The numbered main menu offered after two misunderstandings.
MAIN_MENU = (
    Choice("about", "了解时间银行"),
    Choice("register", "注册"),
    Choice("post_request", "找人帮忙"),
    Choice("my_orders", "我的订单"),
    Choice("balance", "查时间币"),
    Choice("history", "看时间币明细"),
    Choice("redeem", "兑换物品"),
    Choice("help", "怎么用"),
)


class Router:
    """The routes of a set of modules, and the conversation engine that carries their flows."""

    def __init__(self, routes: tuple[Route, ...]):
        self.commands = tuple(route for route in routes if isinstance(route, Command))
        self.intents = {route.name: route for route in routes if isinstance(route, Intent)}
        flows = {route.name: route for route in routes if isinstance(route, Flow)}
        titles = {name: intent.title for name, intent in self.intents.items() if intent.title}
        self.conversation = Conversation(flows, self.answer_intent, MAIN_MENU, unknown=knowledge.answer_unknown,
                                         titles=titles, command=self.run_command)
        self.by_kind: dict[Kind, Handler] = {
            Kind.TEXT: self.understand_text,
            Kind.VOICE: self.understand_voice,
            Kind.MENU_CLICK: self.menu_click,
            Kind.LOCATION: self.place,
            Kind.FOLLOW: self.follow,
            Kind.SCAN: welcome.on_scan,
            Kind.MEDIA: self.media,
            Kind.UNFOLLOW: forget_the_conversation,
            Kind.SILENT_EVENT: say_nothing,
            Kind.MASS_SEND_FINISHED: broadcast.mass_send_finished,
        }

    async def respond(self, incoming: Incoming, ctx: Context) -> Outcome:
        return await self.by_kind[incoming.kind](Turn.of(incoming, ctx))

    async def answer_intent(self, intent: str, turn: Turn) -> Outcome:
        if intent in MEMBERS_ONLY and await turn.member() is None:
            return Outcome(Reply(turn.ctx.text("not_registered")), intent)
        # The elder's side answers "满意的话回复“确认完成”" in its own words: "做完了" is not a check-out for them.
        if intent == "check_out" and (confirmed := await aftercare.confirm_awaited(turn)) is not None:
            return confirmed
        if intent in self.intents:
            return await self.intents[intent].run(turn)
        if intent in ("affirm", "deny"):  # no question of ours is open: perhaps a push asked one
            return await family.answer_if_asked(turn, agreed=intent == "affirm") \
                or (await aftercare.confirm_awaited(turn) if intent == "affirm" else None) \
                or Outcome(Reply(turn.ctx.text("small_ok")), intent)
        return Outcome(Reply(turn.ctx.text("not_understood")), "unknown")

    def is_staff_command(self, text: str) -> bool:
        return any(command.staff and command.pattern.match(text) for command in self.commands)

    async def run_command(self, turn: Turn) -> Outcome | None:
        for command in self.commands:
            argument = command.argument(turn.incoming.text)
            if argument is None or (command.run is None and command.flow is None):
                continue
            if command.everyday and await self.conversation.waits_for_words(turn):
                continue  # "有问题…" typed as a request's note is the note
            if command.answers_push and not await self._push_asked(command, turn):
                continue  # "1" answers the question open here, or is read as usual
            if command.flow is not None:
                return await self.conversation.begin(command.flow, turn)
            if outcome := await command.run(turn.with_argument(argument)):
                await self.conversation.after_command(outcome, turn)
                return outcome
        return None

    async def _push_asked(self, command: Command, turn: Turn) -> bool:
        return await self.conversation.is_idle(turn) and await command.answers_push(turn)

    async def understand_text(self, turn: Turn) -> Outcome:
        # "您现在有危险吗？" is settled before anything else the member says is read; while it is open, a staff
        # command is not held with a second yes/no question, whose "是" would answer both.
        if (settled := await emergency.settle_doubt(turn, self.obey_text)) is not None:
            return settled
        if (cleared := await emergency.all_clear(turn)) is not None:  # "没事 按错了" after an alert
            return cleared
        if self.is_staff_command(turn.incoming.text) and await staff.staff_member(turn) is not None \
                and (asked := await self.conversation.hold(turn)) is not None:
            return asked
        return await self.obey_text(turn)

    async def obey_text(self, turn: Turn) -> Outcome:
        return await self.run_command(turn) or await self.conversation.hear(turn)

    async def understand_voice(self, turn: Turn) -> Outcome:
        if not turn.incoming.text.strip():
            return await self.conversation.or_the_open_question(turn, "voice_not_recognized", "voice_unrecognized")
        return await self.understand_text(turn)

    async def media(self, turn: Turn) -> Outcome:
        return await self.conversation.or_the_open_question(turn, "media_not_understood", "media")

    async def menu_click(self, turn: Turn) -> Outcome:
        # Menu keys are intent names, so a button does exactly what the same words would.
        intent = turn.incoming.menu_key.strip().lower()
        if intent in nlu.INTENTS and intent != "unknown":
            return await self.conversation.begin(intent, turn)
        return Outcome(Reply(turn.ctx.text("unknown_menu")), "unknown_menu")

    async def place(self, turn: Turn) -> Outcome:
        """An answer when the open question takes a place; else a volunteer on duty arriving or leaving."""
        return await self.conversation.place(turn, otherwise=tasks.arrived_or_left)

    async def follow(self, turn: Turn) -> Outcome:
        return await welcome.on_follow(turn, self.conversation.begin)


def make_respond(routes: tuple[Route, ...] = ROUTES) -> Responder:
    return Router(routes).respond


respond = make_respond()
