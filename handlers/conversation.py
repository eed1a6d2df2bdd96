"""The conversation engine: fills a flow's slots over several turns, with the escape hatches people need.

At any time "取消"/"不办了" leaves the flow, "帮助" says where you are, and a new
clear request asks whether to drop the current one. A misunderstanding inside a
flow asks the same question again and keeps every answer already given; the
second in a row adds the hotline and how to leave, and the flow still waits.
Outside a flow, two misunderstandings in a row bring the numbered main menu.
Small talk ("谢谢") is answered in a word, and the open question asked again.
Any reply that shows things to do as numbers (the main menu, the help menu, a
task list) lets the next message pick one by its number or its words.
"""

from __future__ import annotations

import secrets
from dataclasses import asdict, dataclass, field, replace
from typing import Awaitable, Callable

import nlu
from handlers.choices import numbered_lines, picked_by_words, plain
from handlers.context import Context
from handlers.conversation_words import (CANCEL_WORDS, NONE_WORDS, UNSURE_WORDS, WRONG_WORDS, closing_small_talk,
                                         leaves, slot_named, small_talk)
from handlers.flow import Flow, Slot
from handlers.turn import Turn
from handlers.types import Choice, Outcome, Reply

# Answers an intent that needs no flow; the turn's slots are what the parser read alongside it.
SingleTurn = Callable[[str, Turn], Awaitable[Outcome]]
Fallback = Callable[[Turn], Awaitable[Outcome | None]]
# Runs a message as one of the router's commands; None when it is none (or the command declines).
Command = Callable[[Turn], Awaitable[Outcome | None]]

NO_INTENT = frozenset({"unknown", "affirm", "deny"})
MISUNDERSTANDINGS_BEFORE_MENU = 2
SWITCH_CONFIDENCE = 0.6
CONFIRMING = "confirm"
MENU = "menu"
# A message that answers nothing asked is read again as these, for the flow's other questions of the same kind:
# "下周一上午十点" while asked how long changes the day and the hour. Only kinds free words are never mistaken for.
SECOND_READINGS = {"datetime": ("date", "time", "datetime"), "duration": ("duration",)}


@dataclass
class DialogueState:
    flow: str | None = None  # None: no flow, only counting misunderstandings
    slots: dict = field(default_factory=dict)
    asking: str | None = None  # a slot name, CONFIRMING, or MENU
    misunderstood: int = 0
    switch_to: dict | None = None  # {"intent": ..., "slots": ..., "text": what was said} awaiting a yes/no
    offered: list = field(default_factory=list)  # [[value, label], …] as numbered when the slot was asked
    run_id: str = ""  # names this run of the flow: the idempotency key of whatever it finally does
    held: str | None = None  # a command typed while the flow waited for words, until "run it or take it?" is answered
    finishing: bool = False  # "是" was said and the finish tried: the answers are no longer open to change


class Conversation:
    def __init__(self, flows: dict[str, Flow], single_turn: SingleTurn, menu: tuple[Choice, ...],
                 unknown: Fallback | None = None, titles: dict[str, str] | None = None, command: Command | None = None):
        self.flows = flows
        self.command = command  # the router's commands, for a held one staff said to run
        self.titles = {**{choice.value: choice.label for choice in menu}, **(titles or {})}  # intents' names
        self.single_turn = single_turn  # answers intents that need no flow
        self.unknown = unknown  # a last try at a message not understood outside a flow (the FAQ); None: no answer
        self.menu = Slot("menu_choice", "", expecting="choice", choices=menu)

    async def hear(self, turn: Turn) -> Outcome:
        """A message typed or spoken by the member."""
        state, stored = await self._load(turn)
        if state.held is not None and (outcome := await self._settle_held(state, stored, turn)) is not None:
            return outcome
        incoming = turn.incoming
        outcome = await self._steering(state, plain(incoming.text), turn)
        if outcome is None:
            meaning = nlu.parse(incoming.text, now=turn.ctx.local(incoming.received_at),
                                expecting=self._expecting(state), read_danger=not incoming.danger_settled)
            outcome = await self._answer(state, meaning, turn)
        await self._keep(state, stored, turn)
        return outcome

    async def _settle_held(self, state: DialogueState, stored: bool, turn: Turn) -> Outcome | None:
        """The answer to "先办这个指令吗？": run the held command, take it as the open question's answer, or
        (anything else) drop it and read the message afresh (None)."""
        held, state.held = state.held, None
        decided = self._command_or_answer(turn)
        if decided == "command":
            await self._keep(state, stored, turn)
            return await self._run_held(held, state, turn)
        if decided == "answer":
            outcome = await self._held_as_answer(held, state, turn)
            await self._keep(state, stored, turn)
            return outcome
        return None

    async def after_command(self, outcome: Outcome, turn: Turn) -> None:
        """A command answered outside the conversation: numbers said next pick from its choices, not an older menu;
        a command held earlier is forgotten, so that a later "是" can only mean what it answers."""
        state, stored = await self._load(turn)
        changed, state.held = state.held is not None, None
        if state.flow is None and (state.asking == MENU or outcome.choices):
            self._reset(state)
            self._offer(state, outcome)
            changed = True
        if changed:
            await self._keep(state, stored, turn)

    async def hold(self, turn: Turn) -> Outcome | None:
        """A command typed while the flow waits for words (a reason, a broadcast's text): run it, or is it the
        answer? Asked, not guessed; None when no flow waits for words, and the command simply runs."""
        state, stored = await self._load(turn)
        if not self._waits_for_words(state):
            return None
        state.held = turn.incoming.text.strip()
        await self._keep(state, stored, turn)
        return Outcome(Reply(turn.ctx.text("command_or_answer", command=_shortened(state.held))), "command_held")

    async def waits_for_words(self, turn: Turn) -> bool:
        """Whether the open question takes free words (a name, a note), which may look like a command."""
        state, _ = await self._load(turn)
        return self._waits_for_words(state)

    async def is_idle(self, turn: Turn) -> bool:
        """No question of ours is open (no flow, no numbered list, no held command): a bare "1" may answer a push."""
        state, _ = await self._load(turn)
        return state.flow is None and state.asking is None and state.held is None

    def _waits_for_words(self, state: DialogueState) -> bool:
        if state.flow is None or state.switch_to is not None or state.asking in (None, CONFIRMING, MENU):
            return False
        slot = self._flow(state).slot(state.asking)
        return slot.expecting == "text" and not slot.numbered

    @staticmethod
    def _command_or_answer(turn: Turn) -> str | None:
        """"是": run the command; "不": it was the answer; anything else answers neither, and is heard as itself."""
        said = turn.incoming
        intent = nlu.parse(said.text, now=turn.ctx.local(said.received_at), expecting="yes_no").intent
        return {"affirm": "command", "deny": "answer"}.get(intent)

    async def _held_as_answer(self, held: str, state: DialogueState, turn: Turn) -> Outcome:
        """The command's words answer the open question: not read again as a command, nor as a wish to switch."""
        said = turn.saying(replace(turn.incoming, text=held))
        meaning = nlu.parse(held, now=turn.ctx.local(turn.incoming.received_at), expecting=self._expecting(state))
        values = self._values_for(self._flow(state), meaning.slots, state, held)
        if not values:
            return self._misunderstood(state, self._question(state, turn.ctx, again=True), turn.ctx)
        return await self._accept_values(state, values, said)

    async def _run_held(self, held: str, state: DialogueState, turn: Turn) -> Outcome:
        """The command runs; a flow it did not replace still waits, and says so under the command's answer."""
        said = turn.saying(replace(turn.incoming, text=held))
        outcome = await self.command(said) if self.command else None
        if outcome is None:  # a command the parser reads ("群发 …"): it starts afresh, in place of the flow
            self._reset(state)
            outcome = await self._fresh(state, nlu.parse(held, now=turn.ctx.local(turn.incoming.received_at)), said)
            await self._keep(state, True, turn)
            return outcome
        after, _ = await self._load(turn)
        if after.flow is None or after.run_id != state.run_id or outcome.reply is None or not outcome.reply.text:
            return outcome
        waiting = turn.ctx.text("flow_still_waiting", title=self._flow(after).title,
                                question=self._question(after, turn.ctx))
        return replace(outcome, reply=replace(outcome.reply, text=f"{outcome.reply.text}\n\n{waiting}"))

    async def begin(self, intent: str, turn: Turn) -> Outcome:
        """A menu button: the same as saying the intent plainly, dropping whatever was under way."""
        state, stored = await self._load(turn)
        self._reset(state)  # whatever was under way: a button means a new start
        outcome = await self._fresh(state, nlu.Parse(intent, {}, 1.0), turn)
        await self._keep(state, stored, turn)
        return outcome

    async def place(self, turn: Turn, otherwise: Fallback) -> Outcome:
        """A location message: the answer to the open question when that question takes a place, else `otherwise`'s."""
        state, stored = await self._load(turn)
        slot = self._flow(state).slot(state.asking) if state.flow and state.asking not in (None, CONFIRMING) else None
        if slot is None or slot.from_location is None or state.switch_to is not None:
            outcome = await otherwise(turn)
            return outcome or await self.or_the_open_question(turn, "location_without_context", "location")
        outcome = await self._accept_values(state, {slot.name: slot.from_location(turn.incoming.location)}, turn)
        await self._keep(state, stored, turn)
        return outcome

    async def or_the_open_question(self, turn: Turn, key: str, intent: str) -> Outcome:
        """What cannot be read as an answer (a picture, a voice not heard, a place where none is asked): outside a
        flow its sentence `key`; inside one a short word (`key` + "_in_flow") and the open question again, so that
        the member still knows what is asked and how to answer."""
        state, _ = await self._load(turn)
        ctx = turn.ctx
        if state.flow is None or state.asking is None or state.switch_to is not None:
            return Outcome(Reply(ctx.text(key)), intent)
        word = ctx.text(f"{key}_in_flow")
        return self._say(state, f"{word}\n{self._question(state, ctx, again=True)}")

    async def _load(self, turn: Turn) -> tuple[DialogueState, bool]:
        """The member's state, and whether Redis holds one (so an empty state need not be deleted)."""
        saved = await turn.ctx.dialogue.load(turn.incoming.openid)
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

    async def _keep(self, state: DialogueState, stored: bool, turn: Turn) -> None:
        if state.flow is None and state.asking is None and state.misunderstood == 0:
            if stored:
                await turn.ctx.dialogue.forget(turn.incoming.openid)
        else:
            await turn.ctx.dialogue.save(turn.incoming.openid, asdict(state))

    # ---- one turn ---------------------------------------------------------------

    async def _steering(self, state: DialogueState, words: str, turn: Turn) -> Outcome | None:
        """Leaving and small talk, read before the language understanding; None: the message says more."""
        ctx = turn.ctx
        if (state.flow is not None and state.switch_to is None
                and (words in CANCEL_WORDS or leaves(turn.incoming.text))):
            return self._leave(state, ctx)
        talk = small_talk(words)
        if talk is None or (talk == "small_ok" and state.flow is not None):
            return None
        if talk == "small_hello" and state.flow is None:
            return await self._single(state, "help", {}, turn)  # a greeting out of the blue: what I can do
        if state.flow is None or state.switch_to is not None or talk == "small_bye":
            return Outcome(Reply(ctx.text(talk)), "small_talk")  # a goodbye is not asked anything more
        return self._say(state, f"{ctx.text(talk)}\n{self._question(state, ctx)}")

    async def _answer(self, state: DialogueState, meaning: nlu.Parse, turn: Turn) -> Outcome:
        if meaning.intent == "sos":  # never held up by whatever else is going on
            return await self.single_turn("sos", turn.with_slots({}))
        if state.asking == MENU:
            return await self._menu_answer(state, meaning, turn)
        if state.flow is None:
            return await self._fresh(state, meaning, turn)
        if state.switch_to is not None:
            return await self._switch_answer(state, meaning, turn)
        ctx = turn.ctx
        if state.asking == CONFIRMING and meaning.intent not in ("affirm", "cancel") \
                and (fix := await self._correction(state, turn)):
            return fix
        if meaning.intent == "cancel" or (meaning.intent == "deny" and self._asks_yes_or_no(state)):
            return self._leave(state, ctx)
        if meaning.intent == "help":
            return self._say(state, ctx.text("flow_help", title=self._flow(state).title, question=self._question(state, ctx)))
        if state.asking == CONFIRMING:
            return await self._confirmation(state, meaning, turn)
        return await self._fill(state, meaning, turn)

    async def _fresh(self, state: DialogueState, meaning: nlu.Parse, turn: Turn) -> Outcome:
        # A question the FAQ answers comes before what the learnt reader guessed of it ("家里人能帮我办吗").
        if meaning.intent == "unknown" or meaning.learnt:
            if self.unknown is not None and (outcome := await self.unknown(turn)) is not None:
                state.misunderstood = 0
                return outcome
            if meaning.intent == "unknown":
                if (talk := closing_small_talk(turn.incoming.text)) is not None:
                    return Outcome(Reply(turn.ctx.text(talk)), "small_talk")
                if nlu.tells_a_feeling(turn.incoming.text):  # "好闷": company offered, not "我没太明白"
                    return Outcome(Reply(turn.ctx.text("company_offered")), "small_talk")
                return self._misunderstood(state, None, turn.ctx)
        if meaning.intent in self.flows:
            return await self._start(state, meaning.intent, meaning.slots, turn)
        state.misunderstood = 0
        return await self._single(state, meaning.intent, meaning.slots, turn)

    async def _single(self, state: DialogueState, intent: str, slots: dict, turn: Turn) -> Outcome:
        outcome = await self.single_turn(intent, turn.with_slots(slots))
        self._offer(state, outcome)
        return outcome

    @staticmethod
    def _offer(state: DialogueState, outcome: Outcome) -> None:
        if outcome.choices:
            state.asking, state.offered = MENU, [[choice.value, choice.label] for choice in outcome.choices]

    async def _start(self, state: DialogueState, name: str, slots: dict, turn: Turn) -> Outcome:
        flow = self.flows[name]
        self._reset(state)
        if flow.ready is not None and (refusal := await flow.ready(turn)) is not None:
            self._offer(state, refusal)  # a refusal may list things to pick from (the events, for "我要参加")
            return refusal
        state.flow, state.run_id = name, secrets.token_hex(8)
        known = await flow.prefill(turn.with_slots(slots)) if flow.prefill is not None else {}
        return await self._accept_values(state, {**known, **self._values_for(flow, slots)}, turn)

    async def _fill(self, state: DialogueState, meaning: nlu.Parse, turn: Turn) -> Outcome:
        flow = self._flow(state)
        ctx = turn.ctx
        values = self._values_for(flow, meaning.slots, state, turn.incoming.text)
        asked = flow.slot(state.asking)
        # "我是她女儿" to "您是老人的什么人？1. 儿子 2. 女儿 …" names an option: the answer, though the parser hears
        # someone registering as family in it. Only an option picked by its number or words outweighs an intent.
        picked = asked.numbered and state.asking in values
        if asked.expecting == "yes_no" and meaning.intent == "affirm":
            values[state.asking] = True
        elif not picked and _wants_something_else(flow, asked, meaning):
            state.switch_to = {"intent": meaning.intent, "slots": meaning.slots, "text": turn.incoming.text}
            return self._say(state, ctx.text("flow_switch", current=flow.title, next=self._title_of(meaning.intent)))
        if not values:
            values = self._answers_to_other_questions(flow, state, turn)
        if not values and asked.numbered and meaning.slots.get("choice") is not None:
            return self._no_such_number(state, self._offered(state) or asked.choices, ctx)
        if not values:
            return self._misunderstood(state, self._question(state, ctx, again=True), ctx)
        return await self._accept_values(state, values, turn)

    @staticmethod
    def _answers_to_other_questions(flow: Flow, state: DialogueState, turn: Turn) -> dict:
        """A day, an hour or a length said while something else is asked: an earlier answer changed, or a later
        one given early. A bare number is not read this way (it answers the question asked, or nothing)."""
        said, asked = turn.incoming.text, flow.slot(state.asking)
        if plain(said).isdigit():
            return {}
        values = {}
        for expecting, kinds in SECOND_READINGS.items():
            slots = [slot for slot in flow.slots if slot.expecting in kinds and slot is not asked and not slot.numbered]
            if not slots or asked.expecting == expecting:  # read so already: nothing more to find
                continue
            read = nlu.parse(said, now=turn.ctx.local(turn.incoming.received_at), expecting=expecting,
                             read_danger=False).slots
            values.update({slot.name: read[slot.name] for slot in slots if slot.name in read})
        return values

    async def _accept_values(self, state: DialogueState, values: dict, turn: Turn) -> Outcome:
        """Keep every value that passes its check; if one does not, say why and ask for it again."""
        flow = self._flow(state)
        refused: tuple[Slot, str] | None = None
        for name, value in values.items():
            slot = flow.slot(name)
            complaint = await slot.complaint(value, turn.with_slots(state.slots))
            if complaint:
                refused = refused or (slot, complaint)
            else:
                state.slots[name] = value
                if slot.keep is not None:
                    await slot.keep(value, turn.with_slots(state.slots))
        state.misunderstood = 0
        if refused is not None:
            slot, complaint = refused
            return self._say(state, f"{complaint}\n{await self._ask(state, slot, turn)}")
        return await self._next_step(state, turn)

    async def _next_step(self, state: DialogueState, turn: Turn) -> Outcome:
        flow = self._flow(state)
        missing = flow.missing(state.slots)
        if missing is not None:
            question = await self._ask(state, missing, turn)
            if missing.offer is not None and len(state.offered) == 1:  # one option: nothing to choose
                return await self._accept_values(state, {missing.name: state.offered[0][0]}, turn)
            return self._say(state, question)
        if flow.confirm is not None and state.asking != CONFIRMING:
            state.asking = CONFIRMING
            summary = await flow.confirm(turn.with_slots(state.slots))
            return self._say(state, turn.ctx.text("flow_confirm", summary=summary))
        return await self._finish(state, turn)

    async def _confirmation(self, state: DialogueState, meaning: nlu.Parse, turn: Turn) -> Outcome:
        if meaning.intent == "affirm":
            return await self._finish(state, turn)
        return self._misunderstood(state, self._question(state, turn.ctx, again=True), turn.ctx)

    async def _correction(self, state: DialogueState, turn: Turn) -> Outcome | None:
        """"地址不对" at the summary: that answer is asked again, every other kept, and the summary shown anew.
        "不对" alone asks which line; None when the words say nothing is wrong ("地址没错"), or once "是" has
        been tried: what was done under this run's key must not change under it (the same key, another amount)."""
        words = plain(turn.incoming.text)
        if state.finishing or not WRONG_WORDS.search(words):
            return None
        flow = self._flow(state)
        filled = tuple(slot.name for slot in flow.slots if slot.name in state.slots and slot.expecting != "yes_no")
        named = slot_named(words, filled)
        if named is None:
            return self._say(state, turn.ctx.text("flow_which_to_change"))
        del state.slots[named]
        state.misunderstood = 0
        return self._say(state, turn.ctx.text("flow_change", question=await self._ask(state, flow.slot(named), turn)))

    async def _finish(self, state: DialogueState, turn: Turn) -> Outcome:
        flow, slots = self._flow(state), {**state.slots, "run_id": state.run_id}
        if state.asking == CONFIRMING and not state.finishing:
            # Kept before finishing: a finish that fails half-way may have used the run's key. (Only after a
            # summary, which Redis already holds: a flow begun and finished in one message leaves nothing behind.)
            state.finishing = True
            await self._keep(state, True, turn)
        outcome = await flow.finish(turn.with_slots(slots))
        self._reset(state)  # only once finished: if finishing fails, "是" can be said again
        return outcome

    async def _switch_answer(self, state: DialogueState, meaning: nlu.Parse, turn: Turn) -> Outcome:
        target, state.switch_to = state.switch_to, None
        if meaning.intent == "affirm":
            # "是" does what the message before it asked, read as it was said: "给老人发：明天停水" keeps its text
            asked = turn.saying(replace(turn.incoming, text=target.get("text", turn.incoming.text)))
            if target["intent"] in self.flows:
                return await self._start(state, target["intent"], target["slots"], asked)
            self._reset(state)
            return await self._single(state, target["intent"], target["slots"], asked)
        ctx = turn.ctx
        if self._calls_off_the_flow(meaning, target, turn):
            return self._leave(state, ctx)
        # "不办了" to the offer declines it too, though the parser reads no intent in it (walking `timebank dev`)
        if meaning.intent in ("cancel", "deny") or leaves(turn.incoming.text):
            return self._say(state, ctx.text("flow_resume", title=self._flow(state).title, question=self._question(state, ctx)))
        return await self._answer(state, meaning, turn)

    def _calls_off_the_flow(self, meaning: nlu.Parse, offered: dict, turn: Turn) -> bool:
        """"后天那个陪诊不用约了 我儿子回来陪我去", said while asked whether to look up the balance instead: what was
        being done is called off. A bare "取消", or a cancel said to the offer of a new flow, only declines it."""
        return (meaning.intent == "cancel" and turn.incoming.text.strip() not in CANCEL_WORDS
                and offered["intent"] not in self.flows)

    async def _menu_answer(self, state: DialogueState, meaning: nlu.Parse, turn: Turn) -> Outcome:
        choices = self._offered(state) or self.menu.choices
        picked = self.menu.read(meaning.slots, asked=True, offered=choices, said=turn.incoming.text)
        if picked is None:
            picked = self._the_one_meant(choices, meaning)
        if picked is None and meaning.intent in NO_INTENT and meaning.slots.get("choice") is not None:
            return self._no_such_number(state, choices, turn.ctx)
        self._reset(state)
        if picked is None:
            return await self._fresh(state, meaning, turn)
        intent, slots = (picked, {}) if isinstance(picked, str) else (picked["intent"], picked.get("slots", {}))
        if intent in self.flows:
            return await self._start(state, intent, slots, turn)
        return await self._single(state, intent, slots, turn)

    @staticmethod
    def _the_one_meant(choices: tuple[Choice, ...], meaning: nlu.Parse):
        """"我要接这个活" right after a list of one task: that task (a longer list is shown again to choose from)."""
        same = [choice.value for choice in choices
                if isinstance(choice.value, dict) and choice.value["intent"] == meaning.intent]
        return same[0] if len(same) == 1 and len(choices) == 1 else None

    # ---- small steps -----------------------------------------------------------

    def _no_such_number(self, state: DialogueState, choices: tuple[Choice, ...], ctx: Context) -> Outcome:
        """"9" after a list of four, in the menu or inside a flow: a slip of the finger, not a new subject, nor
        a misunderstanding that counts towards giving up; the list stays open."""
        return self._say(state, ctx.text("menu_no_such_number", last=str(len(choices)), choices=numbered_lines(choices)))

    def _misunderstood(self, state: DialogueState, question: str | None, ctx: Context) -> Outcome:
        """Inside a flow: the same question again, every answer kept; the flow waits until 取消 or a timeout."""
        state.misunderstood += 1
        repeated = state.misunderstood >= MISUNDERSTANDINGS_BEFORE_MENU
        if question is not None:
            return self._say(state, ctx.text("flow_still_not_understood" if repeated else "flow_not_understood",
                                             question=question))
        if repeated:
            self._reset(state)
            state.asking = MENU
            return Outcome(Reply(ctx.text("main_menu", choices=numbered_lines(self.menu.choices))), "menu")
        return Outcome(Reply(ctx.text("not_understood")), "unknown")

    def _asks_yes_or_no(self, state: DialogueState) -> bool:
        return state.asking == CONFIRMING or self._flow(state).slot(state.asking).expecting == "yes_no"

    def _leave(self, state: DialogueState, ctx: Context) -> Outcome:
        title = self._flow(state).title
        self._reset(state)
        return Outcome(Reply(ctx.text("flow_cancelled", title=title)), "cancel")

    def _say(self, state: DialogueState, text: str) -> Outcome:
        return Outcome(Reply(text), state.flow or "conversation")

    def _question(self, state: DialogueState, ctx: Context, *, again: bool = False) -> str:
        """The open question; `again`, after a miss: in its short form, where it has one."""
        if state.asking == CONFIRMING:
            return ctx.text("flow_confirm_again")
        slot = self._flow(state).slot(state.asking)
        return (slot.ask_again if again else slot.ask)(state.slots, ctx, self._offered(state))

    async def _ask(self, state: DialogueState, slot: Slot, turn: Turn) -> str:
        offered = await slot.offer(turn.with_slots(state.slots)) if slot.offer else ()
        state.asking, state.offered = slot.name, [[choice.value, choice.label] for choice in offered]
        return slot.ask(state.slots, turn.ctx, offered)

    @staticmethod
    def _offered(state: DialogueState) -> tuple[Choice, ...]:
        return tuple(Choice(value, label) for value, label in state.offered)

    def _flow(self, state: DialogueState) -> Flow:
        return self.flows[state.flow]

    def _title_of(self, intent: str) -> str:
        flow = self.flows.get(intent)
        return flow.title if flow is not None else self.titles.get(intent, "新的事情")

    def _values_for(self, flow: Flow, slots: dict, state: DialogueState | None = None, said: str = "") -> dict:
        asking = state.asking if state else None
        offered = self._offered(state) if state else ()
        values = {slot.name: slot.read(slots, asked=slot.name == asking, offered=offered if slot.name == asking else (),
                                       said=said if slot.name == asking else "")
                  for slot in flow.slots if slot.expecting != "yes_no"}
        if asking is not None and asking in values:
            values = self._tidied(flow, flow.slot(asking), self._plain_answer(flow.slot(asking), said, values))
            values = self._answered_beyond(flow, flow.slot(asking), said, values)
        return {name: value for name, value in values.items() if value is not None}

    @staticmethod
    def _answered_beyond(flow: Flow, slot: Slot, said: str, values: dict) -> dict:
        """No option picked, but the words answer the question an option leads to (a place named at "在哪里？")."""
        if slot.otherwise is None or values.get(slot.name) is not None:
            return values
        ours = {other.name for other in flow.slots}
        return {**values, **{name: value for name, value in slot.otherwise(said).items() if name in ours}}

    @staticmethod
    def _tidied(flow: Flow, slot: Slot, values: dict) -> dict:
        """The answer as its slot reads it, and what else it holds for this flow's other questions."""
        if slot.tidy is None or not values.get(slot.name):
            return values
        ours = {other.name for other in flow.slots}
        return {**values, **{name: value for name, value in slot.tidy(values[slot.name]).items() if name in ours}}

    @staticmethod
    def _plain_answer(slot: Slot, said: str, values: dict) -> dict:
        """A bare "没有" to an optional question is "nothing"; "不知道" takes the slot's guess, if it has one; a yes,
        no or "没有" is never a free-text answer."""
        words = plain(said)
        nothing = words in NONE_WORDS or "".join(nlu.words(said)) in NONE_WORDS  # also in dialect: "冇得" is "没有"
        if slot.may_be_none and nothing:
            return {**values, slot.name: ""}
        if slot.when_unsure is not None and words in UNSURE_WORDS:
            return {**values, slot.name: slot.when_unsure}
        # a yes or a no in any of its forms ("要得", "不消了") is never a name, a place or a note
        if slot.expecting == "text" and (nothing or nlu.answer_word(said)):
            return {**values, slot.name: None}
        return values

    @staticmethod
    def _reset(state: DialogueState) -> None:
        state.flow, state.slots, state.asking, state.switch_to, state.misunderstood = None, {}, None, None, 0
        state.offered, state.run_id, state.held, state.finishing = [], "", None, False


def _shortened(text: str, limit: int = 20) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[:limit] + "…"


def _wants_something_else(flow: Flow, asked: Slot, meaning: nlu.Parse) -> bool:
    """Whether an answer to `asked` reads, clearly enough, as a wish to do something other than `flow`."""
    if asked.own_words or meaning.intent in NO_INTENT | asked.own_intents or meaning.intent == flow.name:
        return False
    return meaning.confidence >= SWITCH_CONFIDENCE
