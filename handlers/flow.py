"""How a multi-turn conversation is declared: the slots it needs, how to ask, how to finish.

A flow module reads like the conversation it implements, e.g.

    FLOW = Flow(
        name="donate", title="捐时间币",
        slots=(Slot("amount_min", "您想捐多少？比如“1小时”", expecting="amount", check=positive),),
        confirm=lambda slots, ctx: f"确认捐出{...}吗？",
        finish=donate,
    )

and is switched on by one row in the flow table of handlers/router.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Awaitable, Callable

from handlers.context import Context
from handlers.types import Incoming, Outcome

# A check returns None when the value is fine, else the sentence to say.
Check = Callable[[Any, Context], str | None]
Confirm = Callable[[dict, Context], str]
Finish = Callable[[dict, Incoming, Context], Awaitable[Outcome]]


@dataclass(frozen=True)
class Choice:
    value: Any
    label: str


@dataclass(frozen=True)
class Slot:
    name: str  # a slot name of the NLU contract, or the flow's own
    question: str
    expecting: str  # what nlu.parse should read an answer as (nlu.EXPECTING)
    choices: tuple[Choice, ...] = ()
    check: Check | None = None

    def ask(self) -> str:
        if not self.choices:
            return self.question
        numbered = "\n".join(f"{number}. {choice.label}" for number, choice in enumerate(self.choices, 1))
        return f"{self.question}\n{numbered}\n回复数字就行。"

    def read(self, slots: dict, *, numbered: bool = False) -> Any:
        """This slot's value in what the parser found; a bare number picks a choice only when this slot asked."""
        if numbered and self.choices and "choice" in slots and self.name not in slots:
            number = slots["choice"]
            return self.choices[number - 1].value if 1 <= number <= len(self.choices) else None
        return slots.get(self.name)


@dataclass(frozen=True)
class Flow:
    name: str  # the intent that starts it
    title: str  # what the member is doing, in their words: "捐时间币"
    slots: tuple[Slot, ...]
    finish: Finish
    confirm: Confirm | None = None  # required before anything that moves credits or reaches other people
    ready: Callable[[Incoming, Context], Awaitable[Outcome | None]] | None = field(default=None)
    """Optional gate run before the first question, e.g. "only registered members"; an Outcome stops the flow."""

    def slot(self, name: str) -> Slot:
        return next(slot for slot in self.slots if slot.name == name)

    def missing(self, filled: dict) -> Slot | None:
        return next((slot for slot in self.slots if slot.name not in filled), None)
