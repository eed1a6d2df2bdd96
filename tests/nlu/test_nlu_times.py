"""Clock times by the contract's period rules."""

import pytest

from nlu.cleanup import clean
from nlu.times import first_time as first_time_in_clean_text

CHINESE_HOURS = ["一", "两", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"]
MINUTE_FORMS = {"": 0, "半": 30, "一刻": 15, "三刻": 45, "十分": 10, "05分": 5, "四十": 40}


def first_time(text: str) -> str | None:
    return first_time_in_clean_text(clean(text))


def contract_hour(period: str | None, hour: int) -> int:
    """The contract's rule, restated: the table every case below follows."""
    if period in ("早上", "上午"):
        return hour
    if period == "中午":
        return hour + 12 if hour in (1, 2) else hour
    if period in ("下午", "晚上"):
        return hour + 12 if hour < 12 else hour
    return hour + 12 if 1 <= hour <= 6 else hour


def spoken_clocks():
    for period in ("早上", "上午", "中午", "下午", "晚上", None):
        for hour in range(1, 13):
            for style in ("arabic", "chinese"):
                for minute_form, minute in MINUTE_FORMS.items():
                    numeral = str(hour) if style == "arabic" else CHINESE_HOURS[hour - 1]
                    if numeral == "一" and period is None and not minute_form:
                        continue  # "一点" alone means "a little"; tested below
                    text = f"{period or ''}{numeral}点{minute_form}"
                    yield text, f"{contract_hour(period, hour):02d}:{minute:02d}"


@pytest.mark.parametrize("text, expected", list(spoken_clocks()))
def test_spoken_clock_then_period(text, expected):
    assert first_time(f"明天{text}来帮忙") == expected


@pytest.mark.parametrize("text, expected", [
    ("14:30", "14:30"), ("9:30", "09:30"), ("09:30", "09:30"), ("3:30", "15:30"),
    ("下午3:30", "15:30"), ("上午10:15", "10:15"), ("晚上8:00", "20:00"), ("12:00", "12:00"),
    ("16点", "16:00"), ("20点30分", "20:30"), ("14点30分", "14:30"), ("0点", "00:00"),
    ("晚上20点", "20:00"), ("下午14:30", "14:30"),
])
def test_digital_and_24_hour_clocks_stay_as_written(text, expected):
    assert first_time(text) == expected


@pytest.mark.parametrize("text, expected", [
    ("早上", "08:00"), ("上午", "09:00"), ("中午", "12:00"), ("下午", "14:00"), ("晚上", "19:00"),
    ("明天早上", "08:00"), ("今天晚上", "19:00"), ("今晚", "19:00"), ("明早", "08:00"),
    ("早晨", "08:00"), ("傍晚", "18:00"),
])
def test_a_period_alone_means_its_default_time(text, expected):
    assert first_time(f"{text}帮我买菜") == expected


@pytest.mark.parametrize("text, expected", [
    ("十点一刻来就行", "10:15"), ("中午1点左右", "13:00"), ("8点就得到", "08:00"),
    ("三点钟", "15:00"), ("一点钟", "13:00"), ("一点半", "13:30"), ("下午一点", "13:00"),
    ("三点四十分钟以后", "15:00"), ("晚上 7点", "19:00"), ("凌晨五点", "05:00"),
    ("明天上午 一个半钟头", "09:00"),
])
def test_clock_phrasings(text, expected):
    assert first_time(text) == expected


@pytest.mark.parametrize("text", ["买一点青菜", "快一点", "两个小时", "一个小时", "时间银行", "3个钟头"])
def test_things_that_are_not_times(text):
    assert first_time(text) is None


def test_a_clock_beats_an_earlier_period_word():
    assert first_time("下午吧 四点半") == "16:30"


def test_a_length_of_a_morning_is_not_a_time_of_day():
    assert first_time("打扫卫生 一个上午") is None


@pytest.mark.parametrize("text, expected", [
    ("晚饭后", "19:00"), ("吃完晚饭", "19:00"), ("晚饭以后七点", "19:00"), ("午饭后", "14:00"),
    ("吃过午饭", "14:00"), ("午觉以后", "14:00"), ("早饭后", "09:00"),
])
def test_a_meal_tells_the_time_of_day(text, expected):
    assert first_time(f"{text}帮我买菜") == expected


@pytest.mark.parametrize("text, expected", [
    ("后晌", "14:00"), ("明儿后晌", "14:00"), ("晌午", "12:00"), ("前晌", "09:00"), ("擦黑", "18:00"),
    ("后晌三点", "15:00"),
])
def test_northern_periods(text, expected):
    assert first_time(f"{text}帮我买菜") == expected


@pytest.mark.parametrize("text, expected", [
    ("晚7点", "19:00"), ("早6点", "06:00"), ("晚8:30", "20:30"), ("上五十点", "10:00"), ("下五三点", "15:00"),
    ("早起六点", "06:00"),
])
def test_one_character_periods_and_heard_periods_before_a_clock(text, expected):
    assert first_time(text) == expected


@pytest.mark.parametrize("text", ["太晚了", "早就好了", "上五楼", "晚饭", "帮我送晚饭"])
def test_those_periods_alone_are_not_times(text):
    assert first_time(text) is None
