"""Dates by the contract's rules, from many kinds of `today`."""

from datetime import date, timedelta

import pytest

from nlu.dates import find_dates

WEEKDAY_NAMES = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6}
A_WEEK = [date(2026, 3, 9) + timedelta(days=offset) for offset in range(7)]  # Monday..Sunday


def day(iso: str) -> date:
    return date.fromisoformat(iso)


def first_date(text: str, today: date) -> str | None:
    found = find_dates(text, today)
    return found[0].value.isoformat() if found else None


def next_such_day(today: date, weekday: int) -> date:
    return today + timedelta(days=(weekday - today.weekday()) % 7)


def in_next_week(today: date, weekday: int) -> date:
    return today - timedelta(days=today.weekday()) + timedelta(days=7 + weekday)


@pytest.mark.parametrize("today", A_WEEK, ids=str)
@pytest.mark.parametrize("week_word", ["周", "星期", "礼拜"])
@pytest.mark.parametrize("name", WEEKDAY_NAMES)
def test_a_bare_weekday_is_the_next_such_day_counting_today(today, week_word, name):
    expected = next_such_day(today, WEEKDAY_NAMES[name])
    assert first_date(f"{week_word}{name}上午来", today) == expected.isoformat()


@pytest.mark.parametrize("today", A_WEEK, ids=str)
@pytest.mark.parametrize("prefix", ["下周", "下星期", "下礼拜", "下个星期", "下个礼拜"])
@pytest.mark.parametrize("name", WEEKDAY_NAMES)
def test_next_weekday_is_in_the_next_monday_based_week(today, prefix, name):
    expected = in_next_week(today, WEEKDAY_NAMES[name])
    assert first_date(f"{prefix}{name}", today) == expected.isoformat()


@pytest.mark.parametrize("text, today, expected", [
    ("周7", "2026-03-11", "2026-03-15"),
    ("这周六", "2026-03-11", "2026-03-14"),
    ("本周日", "2026-03-11", "2026-03-15"),
    ("下下周一", "2026-03-11", "2026-03-23"),
    ("上周五", "2026-03-11", "2026-03-06"),
    ("周一", "2026-12-29", "2027-01-04"),
    ("下周三", "2026-12-30", "2027-01-06"),
    ("礼拜天", "2026-12-31", "2027-01-03"),
    ("星期四", "2026-02-27", "2026-03-05"),
])
def test_weekdays_across_month_and_year_ends(text, today, expected):
    assert first_date(text, day(today)) == expected


@pytest.mark.parametrize("text, today, expected", [
    ("今天", "2026-03-11", "2026-03-11"),
    ("明天", "2026-03-11", "2026-03-12"),
    ("后天", "2026-03-11", "2026-03-13"),
    ("大后天", "2026-03-11", "2026-03-14"),
    ("昨天", "2026-03-11", "2026-03-10"),
    ("明天", "2026-01-31", "2026-02-01"),
    ("后天", "2026-02-27", "2026-03-01"),
    ("大后天", "2026-02-27", "2026-03-02"),
    ("大后天", "2028-02-27", "2028-03-01"),
    ("明天", "2026-12-31", "2027-01-01"),
    ("后天", "2026-12-30", "2027-01-01"),
    ("大后天", "2026-12-30", "2027-01-02"),
    ("明天", "2026-04-30", "2026-05-01"),
    ("明日", "2026-03-11", "2026-03-12"),
])
def test_relative_days_cross_month_and_year_ends(text, today, expected):
    assert first_date(text, day(today)) == expected


@pytest.mark.parametrize("text, today, expected", [
    ("15号", "2026-03-11", "2026-03-15"),
    ("11号", "2026-03-11", "2026-03-11"),   # today is not past
    ("10号", "2026-03-11", "2026-04-10"),   # past: next month
    ("1号", "2026-03-11", "2026-04-01"),
    ("5日", "2026-05-31", "2026-06-05"),
    ("20日", "2026-02-26", "2026-03-20"),
    ("二十八号", "2026-07-22", "2026-07-28"),
    ("三十号", "2026-03-11", "2026-03-30"),
    ("1号", "2026-12-29", "2027-01-01"),
    ("31号", "2026-12-31", "2026-12-31"),
    ("30号", "2026-12-31", "2027-01-30"),
    # short months: skip to the next month that has the day
    ("31号", "2026-04-15", "2026-05-31"),
    ("31号", "2026-04-30", "2026-05-31"),
    ("31号", "2026-06-01", "2026-07-31"),
    ("31号", "2026-09-10", "2026-10-31"),
    ("31号", "2026-11-02", "2026-12-31"),
    ("31号", "2026-02-03", "2026-03-31"),
    ("30号", "2026-02-10", "2026-03-30"),
    ("29号", "2026-02-10", "2026-03-29"),
    ("29号", "2028-02-10", "2028-02-29"),
    ("30号", "2026-01-31", "2026-03-30"),
    ("31号", "2026-01-31", "2026-01-31"),
    ("31号", "2026-03-31", "2026-03-31"),
    ("31号", "2026-08-31", "2026-08-31"),
])
def test_day_of_month_is_this_month_unless_past(text, today, expected):
    assert first_date(text, day(today)) == expected


@pytest.mark.parametrize("text, today, expected", [
    ("12月3号", "2026-11-28", "2026-12-03"),
    ("1月5号", "2026-12-29", "2027-01-05"),
    ("3月10号", "2026-02-26", "2026-03-10"),
    ("2月10号", "2026-02-27", "2027-02-10"),
    ("2月27号", "2026-02-27", "2026-02-27"),
    ("10月1日", "2026-10-14", "2027-10-01"),
    ("十二月三十一日", "2026-12-30", "2026-12-31"),
    ("十一月二十号", "2026-11-02", "2026-11-20"),
    ("12月31号", "2026-12-31", "2026-12-31"),
    ("12月30号", "2026-12-31", "2027-12-30"),
    ("2月29号", "2026-03-01", "2028-02-29"),
    ("4月1号", "2026-03-11", "2026-04-01"),
    ("2027年1月2号", "2026-03-11", "2027-01-02"),
])
def test_month_and_day_is_this_year_unless_past(text, today, expected):
    assert first_date(text, day(today)) == expected


@pytest.mark.parametrize("text, today, expected", [
    ("下个月5号", "2026-03-11", "2026-04-05"),
    ("下月3号", "2026-12-20", "2027-01-03"),
    ("这个月20号", "2026-03-11", "2026-03-20"),
])
def test_next_month_and_day(text, today, expected):
    assert first_date(text, day(today)) == expected


@pytest.mark.parametrize("text", ["3号楼", "12号单", "5号线", "几号了", "日用品", "一个月"])
def test_things_that_are_not_dates(text):
    assert first_date(text, day("2026-03-11")) is None


def test_the_first_date_in_the_message_wins():
    assert first_date("明天不行 后天吧", day("2026-03-11")) == "2026-03-12"


@pytest.mark.parametrize("text, today, expected", [
    ("月底", "2026-12-04", "2026-12-31"),          # the month's last day
    ("月末", "2026-02-20", "2026-02-28"),
    ("月底", "2026-01-31", "2026-01-31"),          # today is the last day: still this month
    ("下个月底", "2026-12-04", "2027-01-31"),      # the prefix shares its 月 with the position word
    ("下月底", "2026-01-31", "2026-02-28"),
    ("本月底", "2026-03-11", "2026-03-31"),
    ("月初", "2026-12-04", "2027-01-01"),          # like X号: this month's 1st is past
    ("下个月初", "2026-03-11", "2026-04-01"),
    ("月中", "2026-03-11", "2026-03-15"),
    ("月中", "2026-03-20", "2026-04-15"),
])
def test_a_place_in_the_month(text, today, expected):
    assert first_date(text, day(today)) == expected


@pytest.mark.parametrize("text, today, expected", [
    ("元旦那天", "2026-12-04", "2027-01-01"),
    ("国庆节", "2026-03-11", "2026-10-01"),
    ("圣诞节", "2026-12-25", "2026-12-25"),
])
def test_festivals_on_a_fixed_solar_day_are_month_and_day(text, today, expected):
    assert first_date(text, day(today)) == expected


@pytest.mark.parametrize("text, today, expected", [
    ("元旦前一天", "2026-12-04", "2026-12-31"),
    ("元旦后一天", "2026-12-04", "2027-01-02"),
    ("国庆节前两天", "2026-03-11", "2026-09-29"),
    ("元旦第二天", "2027-01-01", "2027-01-02"),   # counted from the festival whose counted day is not past
])
def test_a_day_counted_from_a_festival(text, today, expected):
    assert first_date(text, day(today)) == expected


@pytest.mark.parametrize("text, today, expected", [
    ("元旦前能来帮我家大扫除吗 31号上午", "2026-12-28", "2026-12-31"),
    ("国庆之前来一趟就行", "2026-09-20", None),
])
def test_before_a_festival_is_a_deadline_not_a_day(text, today, expected):
    assert first_date(text, day(today)) == expected
