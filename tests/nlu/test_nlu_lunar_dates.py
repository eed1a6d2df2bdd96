"""Round twenty-three: elders in Nanchang give days by the lunar calendar ("腊月廿三", "正月初八", "中秋那天").
The day is the next one counting today, as with "X月X号"; a day said plainly beside a festival wins."""

from datetime import datetime

import pytest

EARLY_DECEMBER = datetime(2026, 12, 3, 10, 0)  # the tenth month of the lunar year 2026


@pytest.mark.parametrize("message, date", [
    ("腊月二十六想请人来帮我擦擦窗户", "2027-02-02"),
    ("农历十一月初五陪我去复查", "2026-12-13"),
    ("正月十五那天想有人陪我吃汤圆", "2027-02-20"),   # next year's first month
    ("元宵节晚上想找人陪我说说话", "2027-02-20"),
    ("除夕那天上午来帮我打扫", "2027-02-05"),
    ("大年三十下午送个饭", "2027-02-05"),
    ("腊月三十上午来帮我打扫", "2027-02-05"),        # a short twelfth month: 三十 is still New Year's Eve
    ("端午那天帮我买点粽子", "2027-06-09"),
])
def test_a_lunar_day_is_the_next_one_counting_today(understand, message, date):
    assert understand(message, EARLY_DECEMBER).slots.get("date") == date


@pytest.mark.parametrize("message", [
    "中秋快乐 祝你们节日快乐",       # a greeting names no day
    "想喝腊八粥 帮我买点料",          # a food
    "腊月二十几哪天来打扫都行",        # some day in the twenties
])
def test_what_only_sounds_like_a_lunar_day_names_none(understand, message):
    assert "date" not in understand(message, EARLY_DECEMBER).slots


def test_a_weekday_before_one_oclock_is_no_may_day(understand):
    assert understand("我想约个理发 礼拜五一点半", EARLY_DECEMBER).slots["date"] == "2026-12-04"


@pytest.mark.parametrize("message, date", [
    ("初三那天来帮我剪个头", "2026-12-11"),          # round twenty-four: a 初X alone is this lunar month's or the next's
    ("年后初八陪我去医院复查", "2027-02-13"),       # after the new year: the first month's
])
def test_a_lunar_day_of_the_month_alone_is_the_next_one(understand, message, date):
    assert understand(message, EARLY_DECEMBER).slots.get("date") == date


def test_a_school_year_is_no_day(understand):
    assert "date" not in understand("孙子今年上初二了 想找人教他用手机", EARLY_DECEMBER).slots


def test_a_day_said_plainly_beside_a_festival_wins(understand):
    assert understand("中秋节那天孩子不回来 9月26号下午来陪我", datetime(2026, 9, 1, 10, 0)).slots["date"] == "2026-09-26"
    assert understand("初五要去走亲戚 后天上午先来帮我理个发", EARLY_DECEMBER).slots["date"] == "2026-12-05"
