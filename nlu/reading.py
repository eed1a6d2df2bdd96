"""One message, cleaned, segmented and matched against the lexicon; slot
values are read from it on demand and remembered.

Text after a colon is quoted content ("群发：重阳节活动报名开始了"): when the
words before the colon state an intent, the quote's words do not vote.
"""

import re
from datetime import date
from functools import cached_property
from typing import Callable, TypeVar

from . import cleanup, lexicon, matcher, tokenizer, told_before
from .amounts import first_amount
from .dates import find_dates
from .durations import FIXED_DURATION, first_duration
from .matcher import Hit
from .times import first_time

_MATCHER = matcher.build()
_SELF_CORRECTION = re.compile("(?:^| )(?:%s)" % "|".join(map(re.escape, lexicon.SELF_CORRECTIONS)))
Value = TypeVar("Value")


class Reading:
    def __init__(self, raw: str, today: date):
        self.raw = raw
        self.today = today
        head, self.quote = cleanup.split_quote(raw)
        quoted = cleanup.clean(self.quote) if self.quote else ""
        self.text = " ".join(part for part in (cleanup.clean(head), quoted) if part)
        self.quote_start = len(self.text) - len(quoted)
        self.tokens = tokenizer.cut(self.text)
        self.hits: dict[str, list[Hit]] = told_before.discounted(self.text, _MATCHER.match(self.text, self.tokens))
        # A neutral service phrase has won its overlap; it names no service.
        self.hits["service"] = [h for h in self.layer("service") if h.label]
        self._head_states_intent = any(h.label for h in self.layer("intent") if h.end <= self.quote_start)

    def layer(self, name: str) -> list[Hit]:
        return self.hits.get(name, [])

    @property
    def command_text(self) -> str:
        """The words that speak for the intent: without the quote when the head states one."""
        return self.text[:self.quote_start] if self._head_states_intent else self.text

    def command_hits(self, name: str) -> list[Hit]:
        """Hits of a layer that speak for the message's intent."""
        hits = self.layer(name)
        if self._head_states_intent:
            return [h for h in hits if h.end <= self.quote_start]
        return hits

    @cached_property
    def said_of_now(self) -> str:
        """The clauses of now, where the day, the hour, the length and the amount asked for are read ("昨天拧了
        半天才打开 … 12月3号两点", "上礼拜捐了五个时间币 这次想转一个"); the whole text when it is all of then."""
        return told_before.of_now(self.text) or self.text

    @cached_property
    def date(self) -> str | None:
        found = settled(self.said_of_now, lambda text: find_dates(text, self.today) or None)
        return found[0].value.isoformat() if found else None

    @cached_property
    def time(self) -> str | None:
        # "一上午" is how long, not when: a period inside a length of time names no start.
        return settled(FIXED_DURATION.sub(" ", self.said_of_now), first_time)

    @cached_property
    def duration_min(self) -> int | None:
        return settled(self.said_of_now, first_duration)

    @cached_property
    def amount_min(self) -> int | None:
        return settled(self.said_of_now, lambda text: first_amount(text, self.raw))

    @cached_property
    def service(self) -> str | None:
        return strongest_label(self.layer("service"))


def settled(text: str, read: Callable[[str], Value | None]) -> Value | None:
    """What the speaker settled on: the first value read after their last correction that is followed by
    one ("礼拜四 呃不是 是礼拜五" is Friday), else the first value of the text."""
    for correction in reversed(list(_SELF_CORRECTION.finditer(text))):
        value = read(text[correction.end():])
        if value is not None:
            return value
    return read(text)


def strongest_label(hits: list[Hit]) -> str | None:
    """The label with the most weight; on a tie, the one said first."""
    totals: dict[str, float] = {}
    for hit in hits:
        totals[hit.label] = totals.get(hit.label, 0.0) + hit.weight
    return max(totals, key=totals.get) if totals else None
