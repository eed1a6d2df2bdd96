"""Round twenty-four: a feeling told is no ask, a reason given for calling off is no emergency, the trip told in
another clause is what an escort is asked for, and task numbers said as volunteers say them. None of these lines
is in a data set."""

from datetime import datetime

import pytest

from nlu import danger

FRIDAY = datetime(2026, 12, 4, 9, 0)


@pytest.mark.parametrize("message", ["好闷啊", "最近心里好孤单", "晚上一个人 没人跟我说话"])
def test_a_feeling_told_asks_for_nothing(understand, message):
    assert understand(message, FRIDAY).intent != "post_request"


def test_a_feeling_with_an_ask_names_the_service(understand):
    reading = understand("好闷啊 明天下午能来个人陪我坐坐吗", FRIDAY)
    assert (reading.intent, reading.slots["service"]) == ("post_request", "companionship")


def test_the_trip_told_is_what_the_escort_is_for(understand):
    reading = understand("我爸后天上午要去二附院拿结果 他腿脚不方便 能不能派个志愿者陪他去", FRIDAY)
    assert (reading.slots["service"], reading.slots["date"]) == ("medical_escort", "2026-12-06")


@pytest.mark.parametrize("message, task_id", [
    ("四五那个单子我接", 45),
    ("我接 幺二三", 123),
    ("签到 六十七", 67),
])
def test_a_task_number_said_as_volunteers_say_it(understand, message, task_id):
    assert understand(message, FRIDAY).slots.get("task_id") == task_id


@pytest.mark.parametrize("message", ["签到 9:30到的", "我约了3号和5号 3号那次不用了"])
def test_a_clock_or_a_day_is_no_task_number(understand, message):
    assert understand(message, FRIDAY).slots.get("task_id") is None


@pytest.mark.parametrize("message", [
    "预约的理发到底来不来人啊",             # an order chased
    "煤气罐没气了 谁能帮我扛一罐上楼",        # a cylinder, not a breath
    "心慌是什么毛病",                      # a symptom asked about, nobody named
    "电饭锅坏了 按了没反应 找人来修",         # an appliance
])
def test_words_of_danger_that_are_something_else(message):
    assert danger.read(message).level == danger.NONE


@pytest.mark.parametrize("message", ["救", "我妈突然心慌 是什么毛病"])
def test_a_cry_cut_short_or_a_symptom_now_is_asked_about_at_least(message):
    assert danger.read(message).level != danger.NONE
