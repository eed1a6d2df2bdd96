"""Dates by the contract's rules, resolved against the local day `today`.

今天/明天/后天/大后天; 周X/星期X/礼拜X = the next such day counting today;
下周X = that weekday in the next Monday-based week; X号 = this month if not
yet past, else the next month that has that day; X月X号 = this year if not
yet past, else the next year that has that day. Festivals, and days of the
lunar calendar (nlu/lunar.py), are the next such day counting today.
"""

import re
from datetime import date, timedelta

from . import lexicon, lunar
from .numbers import CHINESE_NUMERAL_CHARS, NUMBER, to_int
from .spans import Found, alternation, find_all

_DAY_SUFFIX = alternation(lexicon.DAY_SUFFIXES)

# Not "二月二" said bare (龙抬头, the second of the second lunar month: lexicon.LUNAR_FESTIVALS).
_MONTH_DAY = re.compile(rf"(?:(\d{{4}})年)?(?!二月二(?![\d号日十一二三四五六七八九]))({NUMBER})月({NUMBER})(?:{_DAY_SUFFIX})?")
_SHIFTED_MONTH_DAY = re.compile(rf"({alternation(lexicon.MONTH_PREFIXES)})({NUMBER})(?:{_DAY_SUFFIX})")
_RELATIVE_DAY = re.compile(alternation(lexicon.RELATIVE_DAYS))
# Not a greeting: "元旦快乐！我想预约个助浴 1月3号" names no day by its festival.
_FESTIVAL = re.compile(rf"(?<![周期拜])({alternation([*lexicon.FESTIVALS, *lexicon.LUNAR_FESTIVALS, *lexicon.SOLAR_TERMS])})(?:节)?+"  # 礼拜五一点
                       rf"(?!{alternation(lexicon.FESTIVAL_GREETINGS + lexicon.NOT_A_FESTIVAL_AFTER)})"
                       rf"(?:({alternation(lexicon.FESTIVAL_OFFSETS)})|(?!{alternation(lexicon.FESTIVAL_DEADLINES)}))")
# "月底", "下个月底", "本月初": the month prefix shares its 月 with the position word.
_MONTH_POSITION = re.compile(
    rf"({alternation(prefix.removesuffix('月') for prefix in lexicon.MONTH_PREFIXES)})?"
    rf"({alternation(lexicon.MONTH_POSITIONS)})"
)
_WEEKDAY = re.compile(
    rf"({alternation(p for p in lexicon.WEEK_PREFIXES if p)})?"
    rf"(?:{alternation(lexicon.WEEK_WORDS)})([{''.join(lexicon.WEEKDAY_NAMES)}])(?![次遍趟])"  # not "每周一次"
)
_NOT_AFTER_A_ROAD = "".join(f"(?<!{road})" for road in lexicon.NOT_A_DATE_BEFORE)
_DAY_OF_MONTH = re.compile(
    rf"(?<![\d月{CHINESE_NUMERAL_CHARS}]){_NOT_AFTER_A_ROAD}"
    rf"({NUMBER})(?:{_DAY_SUFFIX})"
    rf"(?!{alternation(lexicon.NOT_A_DATE_AFTER)})"
)


def find_dates(text: str, today: date) -> list[Found]:
    """A festival named alone ("国庆想跟儿子视频 … 周三下午两点"), or a lunar 初五, gives way to a day said plainly."""
    found = find_all(text, (
        (lunar.LUNAR_DATE, lambda m: lunar.date_of(today, m)),
        (_MONTH_DAY, lambda m: _month_day(today, m)),
        (_SHIFTED_MONTH_DAY, lambda m: _shifted_month_day(today, m)),
        (_RELATIVE_DAY, lambda m: today + timedelta(days=lexicon.RELATIVE_DAYS[m.group()])),
        (_MONTH_POSITION, lambda m: _month_position(today, m)),
        (_FESTIVAL, lambda m: _festival(today, m)),
        (_WEEKDAY, lambda m: weekday_date(today, lexicon.WEEKDAY_NAMES[m.group(2)],
                                           lexicon.WEEK_PREFIXES[m.group(1) or ""])),
        (_DAY_OF_MONTH, lambda m: day_of_month_date(today, to_int(m.group(1)))),
    ))
    plain = [f for f in found if not _a_festival_alone(text, f)]
    return plain or found


def _a_festival_alone(text: str, found: Found) -> bool:
    said = _FESTIVAL.fullmatch(text, found.start, found.end)
    return (said is not None and not said.group(2)) or lunar.a_day_alone(
        lunar.LUNAR_DATE.fullmatch(text, found.start, found.end))


def weekday_date(today: date, weekday: int, weeks_ahead: int | None) -> date:
    if weeks_ahead is None:
        return today + timedelta(days=(weekday - today.weekday()) % 7)
    monday = today - timedelta(days=today.weekday())
    return monday + timedelta(weeks=weeks_ahead, days=weekday)


def day_of_month_date(today: date, day: int | None) -> date | None:
    if day is None or not 1 <= day <= 31:
        return None
    year, month = today.year, today.month
    while True:  # some month within the next two always has the day
        candidate = _valid(year, month, day)
        if candidate is not None and candidate >= today:
            return candidate
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)


def month_day_date(today: date, month: int | None, day: int | None) -> date | None:
    if month is None or day is None or not (1 <= month <= 12 and 1 <= day <= 31):
        return None
    for year in range(today.year, today.year + 9):  # 2月29号 waits for a leap year
        candidate = _valid(year, month, day)
        if candidate is not None and candidate >= today:
            return candidate
    return None


def _month_day(today: date, match: re.Match) -> date | None:
    month, day = to_int(match.group(2)), to_int(match.group(3))
    if match.group(1):
        return _valid(int(match.group(1)), month or 0, day or 0)
    return month_day_date(today, month, day)


def _shifted_month_day(today: date, match: re.Match) -> date | None:
    months = today.month - 1 + lexicon.MONTH_PREFIXES[match.group(1)]
    return _valid(today.year + months // 12, months % 12 + 1, to_int(match.group(2)) or 0)


def _month_position(today: date, match: re.Match) -> date | None:
    day = lexicon.MONTH_POSITIONS[match.group(2)]
    if match.group(1) is None:
        months = 0 if day == -1 or _valid(today.year, today.month, day) >= today else 1
    else:
        months = lexicon.MONTH_PREFIXES[match.group(1) + "月"]
    shifted = today.month - 1 + months
    year, month = today.year + shifted // 12, shifted % 12 + 1
    if day == -1:
        return date(year + month // 12, month % 12 + 1, 1) - timedelta(days=1)
    return _valid(year, month, day)


def _solar_term(year: int, name: str) -> date:
    month, c = lexicon.SOLAR_TERMS[name]
    y = year % 100
    return date(year, month, int(y * 0.2422 + c) - y // 4)


def _festival(today: date, match: re.Match) -> date | None:
    offset = lexicon.FESTIVAL_OFFSETS.get(match.group(2) or "", 0)
    # the festival counted from is the one whose counted day is not yet past
    festival = _festival_day(today - timedelta(days=offset), match.group(1))
    return festival + timedelta(days=offset) if festival else None


def _festival_day(today: date, name: str) -> date | None:
    if name in lexicon.FESTIVALS:
        return month_day_date(today, *lexicon.FESTIVALS[name])
    if name in lexicon.SOLAR_TERMS:
        return next(day for day in (_solar_term(year, name) for year in (today.year, today.year + 1)) if day >= today)
    return lunar.next_day(today, *lexicon.LUNAR_FESTIVALS[name])


def _valid(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None
