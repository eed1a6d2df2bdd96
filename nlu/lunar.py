"""Days of the lunar calendar, as elders in Nanchang give them: "腊月廿三", "农历八月十五", "二月初二", "中秋那天".

A lunar day is the next one counting today, like "X月X号": "正月初八" said in the twelfth month is next year's.
`lunardate` knows the years 1900-2099; a day outside them, or a 三十 that a short month lacks, is no date.
"""

import re
from datetime import date, timedelta

from lunardate import LunarDate

from . import lexicon
from .spans import alternation

_NUMERALS = "一二三四五六七八九"
_MONTH_NUMBER = r"十[一二]|[一二三四五六七八九十]"
# 初一 … 初十, 十一 … 十九, 二十 and 廿一 … 廿九 (or 二十一 …), 三十; a bare 一 … 九 only after 初.
_DAY = rf"(?:初[{_NUMERALS}十]|廿[{_NUMERALS}]|二十[{_NUMERALS}]?|三十|十[{_NUMERALS}]?)(?![几多来])"  # not 二十几
_MARKED_MONTH = rf"(?:{alternation(lexicon.LUNAR_MARKERS)})(?:({_MONTH_NUMBER})月|({alternation(lexicon.LUNAR_MONTHS)}))"
# 农历 before any month; a month by its lunar name; or a day only the lunar calendar writes (初二, 廿三).
# ... or 初一 to 初十 alone, a day of this lunar month or the next ("就初五吧"; not a school year: "孙子上初二").
LUNAR_DATE = re.compile(
    rf"{_MARKED_MONTH}({_DAY})"
    rf"|({alternation(lexicon.LUNAR_MONTHS)})({_DAY})"
    rf"|({_MONTH_NUMBER})月(初[{_NUMERALS}十]|廿[{_NUMERALS}])"
    rf"|(?<![读上念在月])(?P<alone>初[{_NUMERALS}十])(?![年班级学中])"
)


# "年后初八", "过完年 初六", "大年初二": a 初X after the new year is named is the first month's.
_NEW_YEAR_BEFORE = re.compile(alternation(lexicon.LUNAR_NEW_YEAR_WORDS))


def a_day_alone(match: re.Match | None) -> bool:
    """初五 with no month: like a festival named alone, it gives way to a day said plainly ("大年初二要去走亲戚 想先剪个头
    明天上午十点半")."""
    return match is not None and match.group("alone") is not None


def date_of(today: date, match: re.Match) -> date | None:
    month_number, month_name, day, named, named_day, plain_month, plain_day, day_alone = match.groups()
    if day_alone and _NEW_YEAR_BEFORE.search(match.string, 0, match.start()):
        return next_day(today, 1, _number(day_alone))
    if day_alone:
        return _next_in_any_month(today, _number(day_alone))
    if named:
        month, day = lexicon.LUNAR_MONTHS[named], named_day
    elif plain_month:
        month, day = _number(plain_month), plain_day
    else:
        month = _number(month_number) if month_number else lexicon.LUNAR_MONTHS[month_name]
    return next_day(today, month, _number(day))


def next_day(today: date, month: int, day: int) -> date | None:
    """The next lunar month and day counting today; day 0 is the year's last day (除夕)."""
    try:
        year = LunarDate.from_solar_date(today.year, today.month, today.day).year
        for lunar_year in (year, year + 1):
            found = _solar(lunar_year, month, day)
            if found is not None and found >= today:
                return found
    except (ValueError, IndexError):  # outside the years the calendar knows
        return None
    return None


def _next_in_any_month(today: date, day: int) -> date | None:
    try:
        now = LunarDate.from_solar_date(today.year, today.month, today.day)
    except (ValueError, IndexError):
        return None
    if day >= now.day:
        return _solar(now.year, now.month, day)
    return _solar(now.year + 1, 1, day) if now.month == 12 else _solar(now.year, now.month + 1, day)


def _solar(lunar_year: int, month: int, day: int) -> date | None:
    if day == 0:
        return LunarDate(lunar_year + 1, 1, 1).to_solar_date() - timedelta(days=1)
    try:
        return LunarDate(lunar_year, month, day).to_solar_date()
    except ValueError:  # 三十 of a month of 29 days: of the twelfth, it is New Year's Eve all the same (大年三十)
        return _solar(lunar_year, month, 0) if (month, day) == (12, 30) else None


def _number(said: str) -> int:
    said = said.removeprefix("初").replace("廿", "二十")
    if said == "十":
        return 10
    tens, _, ones = said.rpartition("十")
    if "十" not in said:
        return _NUMERALS.index(said) + 1
    return (_NUMERALS.index(tens) + 1 if tens else 1) * 10 + (_NUMERALS.index(ones) + 1 if ones else 0)
