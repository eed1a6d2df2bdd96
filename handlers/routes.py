"""How a module says what it answers: each capability module lists its own `ROUTES`, and handlers/router.py
collects them in one explicit order. Adding a command is one row in its module.

A route is one of
- `Command`: exact words read before the language understanding (`接单 12`, `同意绑定`), answered by a
  handler, or starting a flow no intent of the NLU contract names (`删除我的信息`);
- `Intent`: an intent of the NLU contract answered in one turn (`balance`);
- a `handlers.flow.Flow`: an intent answered by a conversation of several turns.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Awaitable, Callable

from handlers.turn import Turn
from handlers.types import Outcome

Handler = Callable[[Turn], Awaitable[Outcome]]
# A command may decline (None): words like "有问题" are a dispute only for someone with a visit on.
CommandHandler = Callable[[Turn], Awaitable[Outcome | None]]


@dataclass(frozen=True)
class Command:
    """Words matched by `pattern`; the handler gets the pattern's first group as `turn.argument`.

    Exactly one of `run` (answers it) or `flow` (the flow it starts) — or neither, for a staff command the
    parser reads (`群发 …`), listed only so that it is asked about when typed into a flow.
    `staff`: typed where a flow waits for words (a reason, a broadcast's text), staff are asked which it is
    ("先办这个指令吗？") rather than have it swallowed or run.
    `everyday`: its words are also everyday speech ("有问题"): never tried while a flow waits for words.
    `answers_push`: its words answer a question a push asked ("1" to a survey): tried only while no question of
    ours is open and this says the push's question waits for them; otherwise the words go on as usual.
    """

    pattern: re.Pattern
    run: CommandHandler | None = None
    flow: str | None = None
    staff: bool = False
    everyday: bool = False
    answers_push: Callable[[Turn], Awaitable[bool]] | None = None

    def argument(self, text: str) -> str | None:
        """The command's argument if the text is this command; None if it is not."""
        found = self.pattern.match(text)
        if found is None:
            return None
        return found.group(1) if found.re.groups else ""


@dataclass(frozen=True)
class Intent:
    """An intent answered in one turn; `title` names it in "要先放下它，改为“接单”吗？"."""

    name: str
    run: Handler
    title: str = ""
