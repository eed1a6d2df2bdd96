"""Credits to move, in minutes: 1 时间币 = 1 小时 = 60. Read strictly: nothing becomes another number.

A negative amount, zero, a fraction of a minute, an hour with more than two
decimals, or more than any account can hold is read as NOT_ACCEPTED, so the
member is told what is accepted instead of moving a number they never meant.
"""

import re
import unicodedata
from fractions import Fraction

from . import lexicon
from .durations import find_durations, hours_to_minutes
from .numbers import NUMBER, at_most, to_int
from .spans import Found, alternation, find_all

NOT_ACCEPTED = 0  # an amount was said, but not one that can be moved; never a real amount
MAX_AMOUNT_MIN = 100_000 * 60  # the largest account cap config allows: anything above names no real amount
MAX_HOUR_DECIMALS = 2

_COINS = alternation(lexicon.COIN_WORDS)
_COUNTED_COINS = re.compile(rf"(\d+\.\d+|{NUMBER})个?(半)?(?:{_COINS})")  # "1.5个时间币" is 90 minutes
_HALF_COIN = re.compile(rf"半个?(?:{_COINS})")
# "转给我儿子2个", "从我这转三个过去": a bare count of what is being moved means coins.
# Round thirty-six: "捐1.5个", "转半个给老周" too.
_BARE_COUNT = re.compile(rf"(?<!有)(?<!剩)(\d+\.\d+|{NUMBER}|半)个(?=$|\s|给|吧|过去|过来|出去)")  # not "我有8个": what one has
# What may stand just before an amount and change its meaning: a minus sign, or the whole part of a decimal.
_SIGNED_OR_SPLIT = re.compile(r"(?:[-－−负]|\d+\.)\s*$")
_DECIMAL = re.compile(r"(\d+)\.(\d+)")
_NUMERAL = re.compile(NUMBER)
# Cleanup drops a lone minus sign, so it is looked for in what the member typed (a phone's dashes follow digits).
_MINUS = re.compile(r"(?<!\d)[-－−]\s*\d|负\s*[\d一二两三四五六七八九十半]")
# ... but not what is moved ("把剩下的两个时间币送给老邻居")
_HELD_BEFORE = re.compile(rf"(?<!把)(?:{alternation(lexicon.HELD_BEFORE_AN_AMOUNT)})的?$")
_NONE_HELD_AFTER = re.compile(r"(?:都|也)(?:没有|没|不剩|没剩)")
_ZERO = re.compile(rf"(?<![\d.])[0零]+\s*(?:{alternation(lexicon.MINUTE_UNIT_WORDS + lexicon.HOUR_WORDS)}|个?(?:{_COINS}))")


def find_amounts(text: str) -> list[Found]:
    coins = find_all(text, (
        (_COUNTED_COINS, lambda m: _coins(m.group(1), half=bool(m.group(2)))),
        (_HALF_COIN, lambda m: lexicon.MINUTES_PER_COIN // 2),
    ))
    found = (coins or find_durations(text) or find_all(text, ((_BARE_COUNT, lambda m: _coins(m.group(1))),))
             or find_all(text, ((_ZERO, lambda m: NOT_ACCEPTED),)))
    return [Found(f.start, f.end, strict(text, f)) for f in found]


def first_amount(text: str, typed: str = "") -> int | None:
    """`typed`: the message as sent, before cleanup, where a minus sign still shows. What the writer says
    they hold ("还有八个多小时 … 拿出五个小时捐给社区") is not what they move, when another amount is said."""
    found = find_amounts(text)
    if not found:
        return None
    moved = ([f for f in found if not _held(text, f)]
             or [f for f in _lengths_and_bare_counts(text) if not _held(text, f)] or found)
    return NOT_ACCEPTED if negative(typed) else moved[0].value


def _held(text: str, found: Found) -> bool:
    """What the writer or someone holds, or has none of ("她刚注册 一个时间币都没有 我先转给她三个小时")."""
    return bool(_HELD_BEFORE.search(text, 0, found.start) or _NONE_HELD_AFTER.match(text, found.end))


def _lengths_and_bare_counts(text: str) -> list[Found]:
    """"我有15个时间币 送5个给我爸", "一个时间币都没有 我先转给她三个小时": what is moved may be said as a bare count
    or a length beside the coins held."""
    found = find_durations(text) + find_all(text, ((_BARE_COUNT, lambda m: _coins(m.group(1))),))
    return sorted((Found(f.start, f.end, strict(text, f)) for f in found), key=lambda f: f.start)


def negative(typed: str) -> bool:
    return bool(_MINUS.search(unicodedata.normalize("NFKC", typed)))


def strict(text: str, found: Found) -> int:
    """The amount found, or NOT_ACCEPTED when the words around it or inside it say it is not a whole amount."""
    said = text[found.start:found.end]
    if _SIGNED_OR_SPLIT.search(text[:found.start]) or not _whole_minutes(said) or _a_range(said):
        return NOT_ACCEPTED
    return bounded(found.value)


def _a_range(said: str) -> bool:
    """"三四个时间币", "一两个小时": credits move by a number said exactly, never by a guess (nor by 34)."""
    return any(at_most(numeral) != to_int(numeral) for numeral in _NUMERAL.findall(said))


def bounded(minutes) -> int:
    return minutes if isinstance(minutes, int) and 0 < minutes <= MAX_AMOUNT_MIN else NOT_ACCEPTED


def _whole_minutes(said: str) -> bool:
    """A decimal is allowed only for hours, with at most two decimals, making whole minutes (1.25小时 = 75)."""
    decimal = _DECIMAL.search(said)
    if decimal is None:
        return True
    return len(decimal.group(2)) <= MAX_HOUR_DECIMALS and (Fraction(decimal.group()) * 60).denominator == 1


def _coins(numeral: str, half: bool = False) -> int | None:
    if numeral == "半":
        return lexicon.MINUTES_PER_COIN // 2
    if "." in numeral:
        return None if half else hours_to_minutes(numeral)  # a coin is an hour
    count = to_int(numeral)
    if not count:
        return NOT_ACCEPTED if count == 0 else None
    return count * lexicon.MINUTES_PER_COIN + (lexicon.MINUTES_PER_COIN // 2 if half else 0)
