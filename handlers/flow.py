"""How a multi-turn conversation is declared: the slots it needs, how to ask, how to finish.

A flow module reads like the conversation it implements, e.g.

    FLOW = Flow(
        name="donate", title="捐时间币",
        slots=(Slot("amount_min", "您想捐多少？比如“1小时”", expecting="amount", check=positive),),
        confirm=lambda turn: f"确认捐出{...}吗？",
        finish=donate,
    )

and is switched on by listing it in its module's ROUTES (handlers/routes.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable

from handlers.choices import numbered_lines, picked_by_words
from handlers.context import Context
from handlers.turn import Turn
from handlers.types import Choice, Location, Outcome
from nlu import NOT_ACCEPTED

# Answers that are only meaningful to the question just asked: the parser's
# slot for them, by what was expected.
ANSWER_ONLY = {"text": "text", "number": "number", "year": "year", "phone": "phone"}

# Every step of a flow gets the message's Turn, its `slots` the answers so far (with "run_id" when finishing).
# A check returns None when the value is fine, else the sentence to say.
Check = Callable[[Any, Turn], Awaitable[str | None]]


async def a_whole_amount(value: Any, turn: Turn) -> str | None:
    """Negative, zero, a fraction of a minute or far too much: said back with what is accepted, never moved."""
    return turn.ctx.text("amount_rules") if value == NOT_ACCEPTED else None


# What every answer of a kind must be, before any flow's own check.
KIND_CHECKS: dict[str, Check] = {"amount": a_whole_amount}
Offer = Callable[[Turn], Awaitable[tuple["Choice", ...]]]
Confirm = Callable[[Turn], Awaitable[str]]
Finish = Callable[[Turn], Awaitable[Outcome]]
# Values known before the first question (a community remembered from a QR code); they are checked like answers.
Prefill = Callable[[Turn], Awaitable[dict]]


@dataclass(frozen=True)
class Slot:
    name: str  # a slot name of the NLU contract, or the flow's own
    question: str | Callable[[dict, Context], str]
    expecting: str  # what nlu.parse should read an answer as (nlu.EXPECTING); "yes_no" slots hold True
    choices: tuple[Choice, ...] = ()
    offer: Offer | None = None  # choices looked up when the question is asked (a catalogue, one's relatives)
    check: Check | None = None
    when: Callable[[dict], bool] | None = None  # asked only when this holds for what is known so far
    # A WeChat location message answers this slot too: the value it makes of the place (label and point).
    from_location: Callable[[Location], Any] | None = None
    # An optional question: a bare "没有/不用" answers it with "" (nothing to add), never leaves the flow.
    may_be_none: bool = False
    # What the words hold, by slot: "我叫李桂英" is the name 李桂英; "我儿子李强 138…" a contact's name and phone.
    tidy: Callable[[Any], dict] | None = None
    # What "不知道"/"说不准" answers, when a sensible guess beats asking again (how long a visit takes); None: asked again.
    when_unsure: Any = None
    # The answer is the message exactly as typed (a broadcast's text): never the parser's cleaned-up reading of it,
    # and never filled from what the parser found in another message.
    verbatim: bool = False
    # Words that pick no option but answer what an option leads to: "省人民医院" to "在哪里？1. 家里 2. 别的地方"
    # is "别的地方" and the place at once, rather than the same question again. Returns {} when the words do not.
    otherwise: Callable[[str], dict] | None = None
    # A long question (the privacy notice) asked again after a miss in its short form, not as the same wall of text.
    again: str | Callable[[dict, Context], str] | None = None
    # Done with the answer as soon as it is accepted, not at the flow's end: a survey's score is recorded before
    # its optional note, which may never come. Must be idempotent (a prefill and a later answer may both give it).
    keep: Callable[[Any, Turn], Awaitable[None]] | None = None
    # Intents that are this question's own kind of words, not a wish to do something else: a survey's note praises
    # or blames ("小刘很耐心" reads as a rating), and is the note.
    own_intents: frozenset[str] = frozenset()
    # Staff's own words (a notice, an event's name or place): whatever they read as ("陪诊培训" asks about training)
    # is theirs, never a wish to do something else.
    own_words: bool = False

    @property
    def numbered(self) -> bool:
        return bool(self.choices or self.offer)

    def ask(self, slots: dict, ctx: Context, offered: tuple[Choice, ...] = ()) -> str:
        question = self.question(slots, ctx) if callable(self.question) else self.question
        choices = offered or self.choices
        if not choices:
            return question
        return f"{question}\n{numbered_lines(choices)}\n回复数字就行。"

    def ask_again(self, slots: dict, ctx: Context, offered: tuple[Choice, ...] = ()) -> str:
        if self.again is None:
            return self.ask(slots, ctx, offered)
        return self.again(slots, ctx) if callable(self.again) else self.again

    def read(self, slots: dict, *, asked: bool = False, offered: tuple[Choice, ...] = (), said: str = "") -> Any:
        """This slot's value in what the parser found; a number, or an option's own words, picks a choice only
        when this slot asked."""
        if self.verbatim:
            return (said.strip() or None) if asked else None
        choices = offered or self.choices
        if asked and choices and self.name not in slots:
            number = slots.get("choice")
            if number is not None and 1 <= number <= len(choices):
                return choices[number - 1].value
            picked = picked_by_words(said, choices)
            return picked.value if picked is not None else None
        if self.expecting in ANSWER_ONLY:
            return slots.get(ANSWER_ONLY[self.expecting]) if asked else None
        return slots.get(self.name)

    async def complaint(self, value: Any, turn: Turn) -> str | None:
        for check in (KIND_CHECKS.get(self.expecting), self.check):
            if check is not None and (said := await check(value, turn)):
                return said
        return None

    def applies(self, slots: dict) -> bool:
        return self.when is None or self.when(slots)


@dataclass(frozen=True)
class Flow:
    name: str  # the intent that starts it
    title: str  # what the member is doing, in their words: "捐时间币"
    slots: tuple[Slot, ...]
    finish: Finish
    confirm: Confirm | None = None  # required before anything that moves credits or reaches other people
    ready: Callable[[Turn], Awaitable[Outcome | None]] | None = field(default=None)
    """Optional gate run before the first question, e.g. "only registered members"; an Outcome stops the flow."""
    prefill: Prefill | None = None

    def slot(self, name: str) -> Slot:
        return next(slot for slot in self.slots if slot.name == name)

    def missing(self, filled: dict) -> Slot | None:
        return next((slot for slot in self.slots if slot.name not in filled and slot.applies(filled)), None)
