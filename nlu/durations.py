"""How long something takes, in minutes: 两个小时 = 120, 一个半小时 = 90,
半天 = 240, 半小时 = 30, 40分钟 = 40, 一个钟头 = 60, 1.5小时 = 90, 三四个小时 = 240; from a span of the
clock when no length is said: 四点半到六点半 = 120."""

import re
from fractions import Fraction

from . import lexicon
from .numbers import NUMBER, at_most, to_int
from .spans import Found, alternation, find_all
from .times import find_times

_HOURS = alternation(lexicon.HOUR_WORDS)
_AMOUNT = rf"(\d+\.\d+|{NUMBER})"

# Not a weekday's or a date's "一" before a period: "周一上午" is when, "一上午" how long. Nor time already
# spent on something: "弄了半天", "点半天也出不来", "搞半天搞不好" is a long while, not the visit's length
# ("估计要搞半天" is). Nor a half of the day: "下半天" is the afternoon.
FIXED_DURATION = re.compile(rf"(?<![周期拜初十了点弄找等按敲叫喊拧上下试腾说队])(?<!(?<![要得会需])搞)"
                            rf"(?:{alternation(lexicon.FIXED_DURATIONS)})")
_MINUTE_UNITS = alternation(lexicon.MINUTE_UNIT_WORDS)
# An English unit is a word of its own: "2h" is two hours, "2hz" nothing.
# The minutes after the hours may drop their 钟: "一小时二十分", "1小时15分".
_HOURS_AND_MINUTES = re.compile(
    rf"{_AMOUNT}个?(半)?多?(?:{_HOURS})(?![a-z])(?:({NUMBER})(?:{_MINUTE_UNITS}|分)(?![a-z]))?")
_HALF_HOUR = re.compile(rf"半个?(?:{_HOURS})")
_CLOCK_HOURS = re.compile(rf"({NUMBER})个(半)?钟(?![头点])")  # Cantonese 个钟, 一个半钟
_MINUTES = re.compile(rf"({NUMBER})(?:{_MINUTE_UNITS})(?![a-z])")
_QUARTERS = re.compile(rf"({NUMBER})刻钟")
# "3:30-5:00" too: a dash is kept by clean-up only between digits, so it is no word of a table. "9:00~11:30" is
# joined by a space after clean-up, taken only between clocks written with a colon: "说错了 是四点 三点我要睡午觉"
# corrects the time.
_SPAN_JOINS = re.compile(rf"(?:{alternation(lexicon.CLOCK_SPAN_JOINS)}|-)")
_HALF_A_DAY = 12 * 60
_OTHER_LENGTH = re.compile(alternation(lexicon.OTHER_LENGTH_BEFORE))
_OTHER_LENGTH_AFTER = re.compile(alternation(lexicon.OTHER_LENGTH_AFTER))
_TOTAL = re.compile(alternation(lexicon.TOTAL_BEFORE_A_LENGTH))
_FREE_AFTER = re.compile(alternation(lexicon.FREE_AFTER_A_SPAN))
TOTAL_REACH = 4  # characters between a total word and its length ("一共大概40分钟")


def find_durations(text: str) -> list[Found]:
    found = find_all(text, (
        (FIXED_DURATION, lambda m: lexicon.FIXED_DURATIONS[m.group()]),
        (_HOURS_AND_MINUTES, _hours_and_minutes),
        (_HALF_HOUR, lambda m: 30),
        (_CLOCK_HOURS, _clock_hours),
        (_MINUTES, lambda m: _times(m.group(1), 1)),
        (_QUARTERS, lambda m: _times(m.group(1), 15)),
    ))
    return [f for f in found if not _OTHER_LENGTH.search(text, text.rfind(" ", 0, f.start) + 1, f.start)
            and not _OTHER_LENGTH_AFTER.match(text, f.end)]


def first_duration(text: str) -> int | None:
    found = find_durations(text)
    totals = [f for f in found if _TOTAL.search(text, max(0, f.start - TOTAL_REACH), f.start)]
    return (totals or found)[0].value if found else _clock_span(text)


def _clock_span(text: str) -> int | None:
    """"下午四点半到六点半": the end's bare hour is read after the start ("晚上七点到九点" ends at 21:00)."""
    clocks = find_times(text)
    for start, end in zip(clocks, clocks[1:]):
        between = text[start.end:end.start]
        if _SPAN_JOINS.fullmatch(between) or (between == " " and ":" in text[start.start:start.end]
                                              and ":" in text[end.start:end.end]):
            if _FREE_AFTER.match(text, end.end):  # "两点到四点都在家": when the writer is free, not how long
                return None
            minutes = _minutes(end.value) - _minutes(start.value)
            minutes += _HALF_A_DAY if minutes <= 0 else 0
            return minutes if 0 < minutes <= _HALF_A_DAY else None
    return None


def _minutes(clock: str) -> int:
    hours, minutes = clock.split(":")
    return int(hours) * 60 + int(minutes)


def hours_to_minutes(amount: str) -> int | None:
    if "." in amount:
        # Exact, never float: a long string of digits must not overflow.
        return round(Fraction(amount) * 60)
    return _times(amount, 60)


def _hours_and_minutes(match: re.Match) -> int | None:
    amount, half, minutes = match.groups()
    total = hours_to_minutes(amount)
    if total is None:
        return None
    extra_minutes = to_int(minutes) if minutes else 0
    return total + (30 if half else 0) + (extra_minutes or 0)


def _clock_hours(match: re.Match) -> int | None:
    hours = _times(match.group(1), 60)
    return hours + 30 if hours and match.group(2) else hours


def _times(numeral: str, factor: int) -> int | None:
    value = at_most(numeral)
    return value * factor if value else None
