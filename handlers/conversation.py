"""The conversation engine: fills a flow's slots over several turns, with the escape hatches people need.

At any time "取消"/"算了" leaves the flow, "帮助" says where you are, and a new
clear request asks whether to drop the current one. Two misunderstandings in
a row bring the numbered main menu and the hotline instead of another guess.
"""

from __future__ import annotations

import secrets
from dataclasses import asdict, dataclass, field
from typing import Awaitable, Callable

import nlu
from handlers.context import Context
from handlers.flow import Choice, Flow, Slot
from handlers.types import Incoming, Outcome, Reply

SingleTurn = Callable[[str, dict, Incoming, Context], Awaitable[Outcome]]
Fallback = Callable[[Incoming, Context], Awaitable[Outcome | None]]

LEAVE_INTENTS = frozenset({"cancel", "deny"})
NO_INTENT = frozenset({"unknown", "affirm", "deny"})
MISUNDERSTANDINGS_BEFORE_MENU = 2
SWITCH_CONFIDENCE = 0.6
CONFIRMING = "confirm"
MENU = "menu"


@dataclass
class DialogueState:
    flow: str | None = None  # None: no flow, only counting misunderstandings
    slots: dict = field(default_factory=dict)
    asking: str | None = None  # a slot name, CONFIRMING, or MENU
    misunderstood: int = 0
    switch_to: dict | None = None  # {"intent": ..., "slots": ...} awaiting a yes/no
    offered: list = field(default_factory=list)  # [[value, label], …] as numbered when the slot was asked
    run_id: str = ""  # names this run of the flow: the idempotency key of whatever it finally does


class Conversation:
    def __init__(self, flows: dict[str, Flow], single_turn: SingleTurn, menu: tuple[Choice, ...],
                 unknown: Fallback | None = None):
        self.flows = flows
        self.single_turn = single_turn  # answers intents that need no flow
        self.unknown = unknown  # a last try at a message not understood outside a flow (the FAQ); None: no answer
        self.menu = Slot("menu_choice", "", expecting="choice", choices=menu)

    async def hear(self, incoming: Incoming, ctx: Context) -> Outcome:
        """A message typed or spoken by the member."""
        state, stored = await self._load(incoming, ctx)
        meaning = nlu.parse(incoming.text, now=ctx.local(incoming.received_at), expecting=self._expecting(state))
        outcome = await self._answer(state, meaning, incoming, ctx)
        await self._keep(state, stored, incoming, ctx)
        return outcome

    async def begin(self, intent: str, incoming: Incoming, ctx: Context) -> Outcome:
        """A menu button: the same as saying the intent plainly, dropping whatever was under way."""
        state, stored = await self._load(incoming, ctx)
        self._reset(state)  # whatever was under way: a button means a new start
        outcome = await self._fresh(state, nlu.Parse(intent, {}, 1.0), incoming, ctx)
        await self._keep(state, stored, incoming, ctx)
        return outcome

    async def place(self, incoming: Incoming, ctx: Context, otherwise: Fallback) -> Outcome:
        """A location message: the answer to the open question when that question takes a place, else `otherwise`'s."""
        state, stored = await self._load(incoming, ctx)
        slot = self._flow(state).slot(state.asking) if state.flow and state.asking not in (None, CONFIRMING) else None
        if slot is None or slot.from_location is None or state.switch_to is not None:
            outcome = await otherwise(incoming, ctx)
            return outcome or Outcome(Reply(ctx.text("location_without_context")), "location")
        outcome = await self._accept_values(state, {slot.name: slot.from_location(incoming.location)}, incoming, ctx)
        await self._keep(state, stored, incoming, ctx)
        return outcome

    async def _load(self, incoming: Incoming, ctx: Context) -> tuple[DialogueState, bool]:
        """The member's state, and whether Redis holds one (so an empty state need not be deleted)."""
        saved = await ctx.dialogue.load(incoming.openid)
        try:
            state = DialogueState(**saved) if saved else DialogueState()
        except TypeError:  # written by an older version of the bot
            return DialogueState(), True
        flow = self.flows.get(state.flow) if state.flow else None
        if state.flow and (flow is None or state.asking not in (CONFIRMING, *(slot.name for slot in flow.slots))):
            return DialogueState(), True  # a flow renamed or reshaped since: start afresh rather than fail
        return state, saved is not None

    def _expecting(self, state: DialogueState) -> str | None:
        if state.switch_to is not None or state.asking == CONFIRMING:
            return "yes_no"
        if state.asking == MENU:
            return "choice"
        if state.flow and state.asking:
            slot = self.flows[state.flow].slot(state.asking)
            return "choice" if slot.numbered else slot.expecting  # a number picks; words still name the value
        return None

    async def _keep(self, state: DialogueState, stored: bool, incoming: Incoming, ctx: Context) -> None:
        if state.flow is None and state.asking is None and state.misunderstood == 0:
            if stored:
                await ctx.dialogue.forget(incoming.openid)
        else:
            await ctx.dialogue.save(incoming.openid, asdict(state))

    # ---- one turn ---------------------------------------------------------------

    async def _answer(self, state: DialogueState, meaning: nlu.Parse, incoming: Incoming, ctx: Context) -> Outcome:
        if meaning.intent == "sos":  # never held up by whatever else is going on
            return await self.single_turn("sos", {}, incoming, ctx)
        if state.asking == MENU:
            return await self._menu_answer(state, meaning, incoming, ctx)
        if state.flow is None:
            return await self._fresh(state, meaning, incoming, ctx)
        if state.switch_to is not None:
            return await self._switch_answer(state, meaning, incoming, ctx)
        if meaning.intent in LEAVE_INTENTS:
            return self._leave(state, ctx)
        if meaning.intent == "help":
            return self._say(state, ctx.text("flow_help", title=self._flow(state).title, question=self._question(state, ctx)))
        if state.asking == CONFIRMING:
            return await self._confirmation(state, meaning, incoming, ctx)
        return await self._fill(state, meaning, incoming, ctx)

    async def _fresh(self, state: DialogueState, meaning: nlu.Parse, incoming: Incoming, ctx: Context) -> Outcome:
        if meaning.intent in self.flows:
            return await self._start(state, meaning.intent, meaning.slots, incoming, ctx)
        if meaning.intent == "unknown":
            if self.unknown is not None and (outcome := await self.unknown(incoming, ctx)) is not None:
                state.misunderstood = 0
                return outcome
            return self._misunderstood(state, None, ctx)
        state.misunderstood = 0
        return await self.single_turn(meaning.intent, meaning.slots, incoming, ctx)

    async def _start(self, state: DialogueState, name: str, slots: dict, incoming: Incoming, ctx: Context) -> Outcome:
        flow = self.flows[name]
        self._reset(state)
        if flow.ready is not None and (refusal := await flow.ready(incoming, ctx)) is not None:
            return refusal
        state.flow, state.run_id = name, secrets.token_hex(8)
        known = await flow.prefill(incoming, ctx) if flow.prefill is not None else {}
        return await self._accept_values(state, {**known, **self._values_for(flow, slots)}, incoming, ctx)

    async def _fill(self, state: DialogueState, meaning: nlu.Parse, incoming: Incoming, ctx: Context) -> Outcome:
        flow = self._flow(state)
        values = self._values_for(flow, meaning.slots, state)
        if flow.slot(state.asking).expecting == "yes_no" and meaning.intent == "affirm":
            values[state.asking] = True
        elif meaning.intent not in NO_INTENT and meaning.intent != flow.name and meaning.confidence >= SWITCH_CONFIDENCE:
            state.switch_to = {"intent": meaning.intent, "slots": meaning.slots}
            return self._say(state, ctx.text("flow_switch", current=flow.title, next=self._title_of(meaning.intent)))
        if not values:
            return self._misunderstood(state, self._question(state, ctx), ctx)
        return await self._accept_values(state, values, incoming, ctx)

    async def _accept_values(self, state: DialogueState, values: dict, incoming: Incoming, ctx: Context) -> Outcome:
        """Keep every value that passes its check; if one does not, say why and ask for it again."""
        flow = self._flow(state)
        refused: tuple[Slot, str] | None = None
        for name, value in values.items():
            slot = flow.slot(name)
            complaint = await slot.check(value, state.slots, incoming, ctx) if slot.check else None
            if complaint:
                refused = refused or (slot, complaint)
            else:
                state.slots[name] = value
        state.misunderstood = 0
        if refused is not None:
            slot, complaint = refused
            return self._say(state, f"{complaint}\n{await self._ask(state, slot, incoming, ctx)}")
        return await self._next_step(state, incoming, ctx)

    async def _next_step(self, state: DialogueState, incoming: Incoming, ctx: Context) -> Outcome:
        flow = self._flow(state)
        missing = flow.missing(state.slots)
        if missing is not None:
            return self._say(state, await self._ask(state, missing, incoming, ctx))
        if flow.confirm is not None and state.asking != CONFIRMING:
            state.asking = CONFIRMING
            return self._say(state, ctx.text("flow_confirm", summary=await flow.confirm(state.slots, incoming, ctx)))
        return await self._finish(state, incoming, ctx)

    async def _confirmation(self, state: DialogueState, meaning: nlu.Parse, incoming: Incoming, ctx: Context) -> Outcome:
        if meaning.intent == "affirm":
            return await self._finish(state, incoming, ctx)
        return self._misunderstood(state, ctx.text("flow_confirm_again"), ctx)

    async def _finish(self, state: DialogueState, incoming: Incoming, ctx: Context) -> Outcome:
        flow, slots = self._flow(state), {**state.slots, "run_id": state.run_id}
        outcome = await flow.finish(slots, incoming, ctx)
        self._reset(state)  # only once finished: if finishing fails, "是" can be said again
        return outcome

    async def _switch_answer(self, state: DialogueState, meaning: nlu.Parse, incoming: Incoming, ctx: Context) -> Outcome:
        target, state.switch_to = state.switch_to, None
        if meaning.intent == "affirm":
            if target["intent"] in self.flows:
                return await self._start(state, target["intent"], target["slots"], incoming, ctx)
            self._reset(state)
            return await self.single_turn(target["intent"], target["slots"], incoming, ctx)
        if meaning.intent in LEAVE_INTENTS:
            return self._say(state, ctx.text("flow_resume", title=self._flow(state).title, question=self._question(state, ctx)))
        return await self._answer(state, meaning, incoming, ctx)

    async def _menu_answer(self, state: DialogueState, meaning: nlu.Parse, incoming: Incoming, ctx: Context) -> Outcome:
        intent = self.menu.read(meaning.slots, asked=True)
        self._reset(state)
        if intent is None:
            return await self._fresh(state, meaning, incoming, ctx)
        if intent in self.flows:
            return await self._start(state, intent, {}, incoming, ctx)
        return await self.single_turn(intent, {}, incoming, ctx)

    # ---- small steps -----------------------------------------------------------

    def _misunderstood(self, state: DialogueState, question: str | None, ctx: Context) -> Outcome:
        state.misunderstood += 1
        if state.misunderstood >= MISUNDERSTANDINGS_BEFORE_MENU:
            self._reset(state)
            state.asking = MENU
            choices = "\n".join(f"{number}. {choice.label}" for number, choice in enumerate(self.menu.choices, 1))
            return Outcome(Reply(ctx.text("main_menu", choices=choices)), "menu")
        if question is None:
            return Outcome(Reply(ctx.text("not_understood")), "unknown")
        return self._say(state, ctx.text("flow_not_understood", question=question))

    def _leave(self, state: DialogueState, ctx: Context) -> Outcome:
        title = self._flow(state).title
        self._reset(state)
        return Outcome(Reply(ctx.text("flow_cancelled", title=title)), "cancel")

    def _say(self, state: DialogueState, text: str) -> Outcome:
        return Outcome(Reply(text), state.flow or "conversation")

    def _question(self, state: DialogueState, ctx: Context) -> str:
        if state.asking == CONFIRMING:
            return ctx.text("flow_confirm_again")
        return self._flow(state).slot(state.asking).ask(state.slots, ctx, self._offered(state))

    async def _ask(self, state: DialogueState, slot: Slot, incoming: Incoming, ctx: Context) -> str:
        offered = await slot.offer(state.slots, incoming, ctx) if slot.offer else ()
        state.asking, state.offered = slot.name, [[choice.value, choice.label] for choice in offered]
        return slot.ask(state.slots, ctx, offered)

    @staticmethod
    def _offered(state: DialogueState) -> tuple[Choice, ...]:
        return tuple(Choice(value, label) for value, label in state.offered)

    def _flow(self, state: DialogueState) -> Flow:
        return self.flows[state.flow]

    def _title_of(self, intent: str) -> str:
        flow = self.flows.get(intent)
        if flow is not None:
            return flow.title
        return next((choice.label for choice in self.menu.choices if choice.value == intent), "新的事情")

    def _values_for(self, flow: Flow, slots: dict, state: DialogueState | None = None) -> dict:
        asking = state.asking if state else None
        offered = self._offered(state) if state else ()
        values = {slot.name: slot.read(slots, asked=slot.name == asking, offered=offered if slot.name == asking else ())
                  for slot in flow.slots if slot.expecting != "yes_no"}
        return {name: value for name, value in values.items() if value is not None}

    @staticmethod
    def _reset(state: DialogueState) -> None:
        state.flow, state.slots, state.asking, state.switch_to, state.misunderstood = None, {}, None, None, 0
        state.offered, state.run_id = [], ""
