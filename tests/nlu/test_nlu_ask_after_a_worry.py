"""Round twenty-three: a worry, a complaint or a question about the bank, then a concrete ask with its day or hour:
what is asked at the end is the message's point (issue 15, long messages). None of these lines is in a data set."""

from datetime import datetime

import pytest

MONDAY = datetime(2026, 11, 30, 9, 0)


@pytest.mark.parametrize("message, service", [
    # round thirty-two: fetched on the writer's behalf (帮我去), an errand, as every held-out set labels it
    ("听说你们的志愿者都培训过 我放心了 礼拜三上午帮我去社区医院拿个结果", "errand"),
    ("上回那个小伙子做饭太咸了 这次换个人 明天中午十一点", "meal"),
    ("我儿子说这个靠谱 那我也约一个 后天下午帮我擦擦窗户", "cleaning"),
])
def test_the_ask_at_the_end_is_what_the_message_wants(understand, message, service):
    reading = understand(message, MONDAY)
    assert (reading.intent, reading.slots.get("service")) == ("post_request", service)


@pytest.mark.parametrize("message, intent", [
    ("时间币怎么算的 比如陪诊两个小时", "about"),     # an example, with no day or hour: still a question
    ("上次理发的师傅手艺真好 五星", "rate"),
])
def test_a_question_or_a_rating_with_no_ask_after_it_stays_what_it_is(understand, message, intent):
    assert understand(message, MONDAY).intent == intent


@pytest.mark.parametrize("message, minutes", [
    ("明天上午9:30-11:00陪我去医院", 90),
    ("后天 14:00~16:30 来打扫", 150),
    ("礼拜六从下午两点弄到五点 帮我收拾屋子", 180),
])
def test_a_span_of_the_clock_is_how_long(understand, message, minutes):
    assert understand(message, MONDAY).slots["duration_min"] == minutes


def test_a_time_said_again_is_no_span(understand):
    assert "duration_min" not in understand("下午三点来打扫 说错了 是四点 三点我睡午觉", MONDAY).slots
