"""Clock times by the contract's rules.

Read the clock first (三点半 = 3:30, 三点一刻 = 3:15), then apply the period:
早上/上午 + h = h; 中午 + 1 or 2 = 13 or 14; 下午/晚上 + h = h + 12 when
h < 12; a bare hour 1-6 is in the afternoon, 7-12 as is; a 24-hour clock
stays; a period alone means its default time (下午 = 14:00).
"""

import re
from datetime import date

from . import lexicon
from .dates import find_dates
from .numbers import NUMBER, to_int
from .spans import Found, alternation, find_all



def _trie(words) -> str:
    """An alternation of words as a prefix tree, longest first: with the meal and dialect periods there
    are some sixty words, and a flat alternation tried at every position of a long message doubled the
    time to find its clocks; a tree tries only the words that share the character at hand."""
    tree: dict = {}
    for word in words:
        node = tree
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node: dict) -> str:
        branches = [re.escape(ch) + emit(child) for ch, child in node.items() if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(tree)


_PERIOD = _trie(lexicon.PERIODS)
# Before a clock a one-character period counts too ("晚7点"); alone it is another word.
_CLOCK_PERIOD = _trie({**lexicon.PERIODS, **lexicon.CLOCK_PERIODS})
_MINUTE_WORD = alternation(lexicon.MINUTE_WORDS)

_DIGITAL_CLOCK = re.compile(rf"(?:({_CLOCK_PERIOD})\s?)?(\d{{1,2}}):(\d{{2}})(?!\d)")
# The hour never starts inside a weekday: "星期三三点" is Wednesday at three, not 33 o'clock, and
# "礼拜二两点" Tuesday at two, not 22:00.
_SPOKEN_CLOCK = re.compile(
    rf"(?:({_CLOCK_PERIOD})\s?)?(?<![周期拜])({NUMBER})(?:点|时(?!间))"
    rf"(?:({_MINUTE_WORD})|({NUMBER})(分(?!钟))?(?![个小号点天分楼层栋]))?"
    rf"(钟|左右|多)?"
)
# "差五分三点", "三点差五分": so many minutes before the hour (2:55).
_BEFORE_THE_HOUR = re.compile(rf"(?:({_CLOCK_PERIOD})\s?)?差(?:({NUMBER})分?钟?|(一刻))({NUMBER})(?:点|时(?!间))")
_HOUR_THEN_BEFORE = re.compile(rf"(?:({_CLOCK_PERIOD})\s?)?({NUMBER})(?:点|时(?!间))差(?:({NUMBER})分钟?|(一刻))")
# Cantonese counts the minutes after the hour in fives ("三點三" is 3:15, "九點九" 9:45): a lone numeral after 点
# with no 分. Mandarin says those minutes with 分 or in two figures ("三点零五", "三点十五").
_FIVES = "一二三四五六七八九"
# "一个上午" and "滴滴答答一晚上" are a length of time, not a time of day; "周一晚上", "初一上午" are one.
_A_WHOLE = "(?<![周期拜初十])一"
_PERIOD_ALONE = re.compile(
    rf"(?<!一个)(?<!{_A_WHOLE})(?:{_PERIOD})(?!{alternation(lexicon.PERIOD_DESCRIBES_BEFORE)})")
_DAY_ENDS = "天日号末一二三四五六"  # the last character of a day: 明天, 15号, 周末, 周三
# In a rambling message the period that goes with a day ("明天上午") is the one meant, not "晚上黑乎乎的".
_DATED_PERIOD = re.compile(rf"(?<=[{_DAY_ENDS}])(?<!{_A_WHOLE})(?:{_PERIOD})")

# "一点" is far more often "a little" (买一点菜) than one o'clock, unless a day comes right before it and
# the clause ends after it ("大后天一点 麻烦了"; not "今天一点都不想动").
_A_LITTLE = "一"
_ANY_DAY = date(2000, 1, 1)  # days are looked for only to be found, not resolved


def find_times(text: str) -> list[Found]:
    return find_all(text, ((_DIGITAL_CLOCK, _digital), (_BEFORE_THE_HOUR, _before_the_hour),
                           (_HOUR_THEN_BEFORE, _hour_then_before), (_SPOKEN_CLOCK, _spoken)))


def first_time(text: str, start: int = 0) -> str | None:
    """The first clock time from `start` on, else the default time of the first period word; what was said
    before `start` still sets the evening ("晚上七点 不 八点吧" put right from "八点" is 20:00)."""
    clocks = [found for found in find_times(text) if found.end > start]  # "能不能晚上 | 七点半" read from 七点半
    if clocks:
        return _in_the_evening_said_before(text, clocks[0]) or clocks[0].value
    period = _DATED_PERIOD.search(text, start) or _PERIOD_ALONE.search(text, start)
    return lexicon.PERIODS[period.group()][1] if period else None


def _in_the_evening_said_before(text: str, found: Found) -> str | None:
    """"晚上陪我散个步 七点半": a bare seven to eleven o'clock after an evening said earlier, with no other
    day between them, is in that evening (19:30, not 07:30)."""
    hour, minute = map(int, found.value.split(":"))
    said = _SPOKEN_CLOCK.match(text, found.start) or _DIGITAL_CLOCK.match(text, found.start)
    if not 7 <= hour <= 11 or said is None or said.group(1) or said.group().startswith("0"):
        return None
    # the last part of the day said before it, if an evening ("她那边晚上是咱们早上 … 十点来" is the morning)
    periods = [p for p in _PERIOD_ALONE.finditer(text, 0, found.start) if not find_dates(text[p.end():found.start], _ANY_DAY)]
    if not periods or lexicon.PERIODS[periods[-1].group()][0] != "afternoon":
        return None
    return clock(hour, minute, periods[-1].group())


def clock(hour: int, minute: int, period: str | None, twenty_four_hour: bool = False) -> str | None:
    if not (0 <= hour <= 24 and 0 <= minute < 60):
        return None
    if not twenty_four_hour:
        hour = shift_to_period(hour, period)
    return f"{hour % 24:02d}:{minute:02d}"


def shift_to_period(hour: int, period: str | None) -> int:
    if period is None:
        return hour + 12 if 1 <= hour <= 6 else hour
    rule = lexicon.PERIODS[lexicon.CLOCK_PERIODS.get(period, period)][0]
    if rule == "noon":
        return hour + 12 if hour in (1, 2) else hour
    if rule == "afternoon":
        return hour + 12 if hour < 12 else hour
    return hour


def _one_oclock_of_a_day(match: re.Match) -> bool:
    """"大后天一点", "后天 一点 大概半天": a day said just before it, the clause ending after it."""
    text, start, end = match.string, match.start(), match.end()
    return text[:start].rstrip()[-1:] in tuple(_DAY_ENDS) and (end == len(text) or text[end] == " ")


def _digital(match: re.Match) -> str | None:
    period, hours, minutes = match.groups()
    # "14:30" and "09:30" are written on a 24-hour clock.
    return clock(int(hours), int(minutes), period, twenty_four_hour=hours.startswith("0") or int(hours) > 12)


def _before_the_hour(match: re.Match) -> str | None:
    period, minutes_text, a_quarter, hour_text = match.groups()
    return _minutes_before(period, hour_text, minutes_text, a_quarter)


def _hour_then_before(match: re.Match) -> str | None:
    period, hour_text, minutes_text, a_quarter = match.groups()
    return _minutes_before(period, hour_text, minutes_text, a_quarter)


def _minutes_before(period: str | None, hour_text: str, minutes_text: str | None, a_quarter: str | None) -> str | None:
    minutes, hour = 15 if a_quarter else to_int(minutes_text), to_int(hour_text)
    if minutes is None or hour is None or not 0 < minutes < 60:
        return None
    return clock((hour - 1) % 24 or 12, 60 - minutes, period, twenty_four_hour=hour > 13)


def _spoken(match: re.Match) -> str | None:
    period, hour_text, minute_word, minute_text, minute_mark, tail = match.groups()
    if hour_text == _A_LITTLE and not (period or minute_word or minute_text or tail or _one_oclock_of_a_day(match)):
        return None
    hour = to_int(hour_text)
    if hour is None:
        return None
    if minute_word:
        minute = lexicon.MINUTE_WORDS[minute_word]
    else:
        minute = to_int(minute_text) if minute_text else 0
        if minute_text in tuple(_FIVES) and not minute_mark:
            minute *= 5
    if minute is None:
        return None
    return clock(hour, minute, period, twenty_four_hour=hour > 12)
