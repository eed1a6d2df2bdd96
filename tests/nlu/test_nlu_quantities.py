"""Durations, credit amounts, task numbers and scores."""

import pytest

from nlu.amounts import NOT_ACCEPTED, first_amount
from nlu.cleanup import clean
from nlu.durations import first_duration
from nlu.tasks import task_id

DURATIONS = [
    ("两个小时", 120), ("2个小时", 120), ("2小时", 120), ("两小时", 120), ("一小时", 60),
    ("一个小时", 60), ("三个小时", 180), ("一个半小时", 90), ("两个半小时", 150),
    ("半小时", 30), ("半个小时", 30), ("半个钟头", 30), ("一个钟头", 60), ("两个钟头", 120),
    ("两个钟", 120), ("半天", 240), ("40分钟", 40), ("四十分钟", 40), ("二十分钟", 20),
    ("45分钟", 45), ("一刻钟", 15), ("1.5小时", 90), ("2.5个小时", 150), ("三个多小时", 180),
    ("一个小时二十分钟", 80), ("一个上午", 240), ("大概要半天", 240), ("20分钟的事", 20),
    ("一个钟头就行", 60), ("十个小时", 600),
]


@pytest.mark.parametrize("text, minutes", DURATIONS)
def test_durations_in_minutes(text, minutes):
    assert first_duration(text) == minutes


@pytest.mark.parametrize("text, minutes", [
    ("个把小时", 60), ("个把钟头", 60), ("半拉小时", 30), ("一个来小时", 60), ("半个来小时", 30),
    ("两小时半", 150), ("两个小时半", 150), ("一点五个小时", 90), ("四十来分钟", 40), ("十来分钟", 10),
    ("三四个小时", 240), ("两三个钟头", 180), ("一两个小时", 120), ("一上午", 240), ("一整天", 480),
])
def test_lengths_said_loosely(text, minutes):
    assert first_duration(clean(text)) == minutes


@pytest.mark.parametrize("text", ["三点", "5分", "一个人", "两位老人", "周一上午", "半夜"])
def test_things_that_are_not_durations(text):
    assert first_duration(text) is None


AMOUNTS = [
    ("转2个时间币给我妈", 120), ("转给我妈2个时间币", 120), ("两个时间币", 120),
    ("1个时间币", 60), ("10个时间币", 600), ("一个半时间币", 90), ("半个时间币", 30),
    ("3个币", 180), ("送给我爸3小时", 180), ("一个半小时", 90), ("30分钟", 30),
    ("捐半小时", 30), ("捐出90分钟", 90), ("两小时", 120), ("5个小时的时间", 300),
    ("转给我儿子2个", 120), ("转两个给我妈", 120), ("捐三个吧", 180),
]


@pytest.mark.parametrize("text, minutes", AMOUNTS)
def test_credit_amounts_in_minutes(text, minutes):
    assert first_amount(text) == minutes


@pytest.mark.parametrize("text", ["三四个时间币", "转两三个给我妈", "捐一两个小时"])
def test_credits_said_as_a_range_are_not_a_number_to_move(text):
    assert first_amount(text) == NOT_ACCEPTED


def test_no_amount_when_none_is_said():
    assert first_amount("转给我妈") is None


TASK_IDS = [
    ("#12", 12), ("# 35 我接", 35), ("单号108我来做", 108), ("单号 77", 77), ("任务7我去吧", 7),
    ("任务12签到", 12), ("任务二十三我接", 23), ("订单5", 5), ("编号42", 42),
    ("12号单", 12), ("41号的单子", 41), ("18号任务", 18), ("5号单我去", 5),
    ("12号我接了", 12), ("给12号打5分", 12), ("12号那个完成了", 12), ("菜送到了 89号", 89),
    ("签到 12", 12), ("#56签到", 56), ("我接的#45去不了了", 45),
]


@pytest.mark.parametrize("text, number", TASK_IDS)
def test_task_numbers(text, number):
    assert task_id(text) == number


@pytest.mark.parametrize("text", [
    "签到", "5号那天", "15号上午", "12月3号", "迟到了一个小时", "打5分", "3点", "两个时间币",
])
def test_things_that_are_not_task_numbers(text):
    assert task_id(text) is None


def test_a_day_before_a_service_is_not_a_task():
    assert task_id("取消15号的买菜", service_spans=[(6, 8)]) is None


SCORES = [
    ("五星", 5), ("五星好评", 5), ("5分", 5), ("给12号打5分", 5), ("打个4分", 4), ("4星", 4),
    ("三颗星", 3), ("打3分", 3), ("很满意", 5), ("非常满意", 5), ("十分满意", 5), ("满意", 4),
    ("挺满意的", 4), ("一般", 3), ("还行吧", 3), ("还可以", 3), ("不满意", 2), ("不太满意", 2),
    ("很差", 1), ("非常不满意", 1), ("太差了", 1), ("打个一分 太差了", 1),
    ("任务56打4分 整体挺好的", 4), ("很满意 小伙子手艺不错", 5), ("服务不错", 4), ("很好", 5),
]


@pytest.mark.parametrize("text, score", SCORES)
def test_feedback_scores(text, score, understand):
    result = understand(text)
    assert result.intent == "rate"
    assert result.slots["score"] == score


def test_feedback_without_a_score_word_has_no_score(understand):
    assert "score" not in understand("评价").slots


@pytest.mark.parametrize("text, minutes", [
    ("今天下午四点半到六点半 要人陪我老伴", 120),
    ("明天晚上七点到九点陪我聊天", 120),   # the end's bare hour read after the start
    ("明天上午十点到下午两点来打扫", 240),
])
def test_a_span_of_the_clock_is_how_long_the_visit_is(understand, text, minutes):
    assert understand(text).slots["duration_min"] == minutes


def test_a_span_does_not_override_a_length_said(understand):
    assert understand("明天三点到四点 两个小时 帮我打扫").slots["duration_min"] == 120


def test_cantonese_hours_with_a_half(understand):
    assert understand("捐一个半钟出去俾有需要嘅人").slots["amount_min"] == 90
