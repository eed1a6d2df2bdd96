"""Round thirty: a newcomer's first week (undo, what things mean), the hours around a booked visit (moved, late, the
way to the door), numbers written as on a cheque, and danger from illness or to a grandchild. None of these lines is
in a data set."""

from datetime import datetime

import pytest

from nlu import danger

MONDAY = datetime(2026, 12, 7, 9, 0)


@pytest.mark.parametrize("message, intent", [
    ("哎呀点错了", "deny"),
    ("退回去 我不是要这个", "deny"),
    ("我头一回用 想问问怎么跟你说才行", "help"),
    ("把那个菜单再发给我看看", "help"),
    ("签退是什么意思", "about"),
    ("取消了要扣时间币吗", "about"),
    ("我的余额是不是还是零", "balance"),
    ("我昨天发的需求发出去了没", "my_orders"),
    ("我想以志愿者的身份注册", "register"),
    ("这个小程序还挺好玩 哈哈", "unknown"),
])
def test_a_newcomers_first_week(understand, message, intent):
    assert understand(message, MONDAY).intent == intent


@pytest.mark.parametrize("message, intent", [
    ("说好十点来的 都十点半了 人呢", "my_orders"),
    ("任务23的地址发我一下 找不到", "my_orders"),
    ("单元门密码多少 我到楼下了", "my_orders"),
    ("不要 别给我取消 我还要的", "deny"),
    ("陪我去公园那个 下雨了去不成 推到周四上午 可以吗", "post_request"),
])
def test_the_hours_around_a_booked_visit(understand, message, intent):
    assert understand(message, MONDAY).intent == intent


@pytest.mark.parametrize("message, slots", [
    ("明天上午找人打扫 叁小时", {"duration_min": 180}),
    ("廿号上午九点陪我去复查", {"date": "2026-12-20"}),
    ("礼拜三的理发改成下周三吧 时间不变", {"date": "2026-12-16"}),
    ("下午两点帮我去超市买点菜 走过去十分钟路程", {"time": "14:00"}),
])
def test_numbers_written_every_way(understand, message, slots):
    reading = understand(message, MONDAY)
    assert {name: reading.slots.get(name) for name in slots} == slots
    assert "duration_min" in slots or "duration_min" not in reading.slots


def test_a_scale_is_not_a_score(understand):
    assert understand("满分5分 我给3分 来晚了", MONDAY).slots.get("score") == 3


def test_credits_written_as_on_a_cheque(understand):
    assert understand("捐贰个时间币", MONDAY).slots.get("amount_min") == 120


@pytest.mark.parametrize("message", [
    "我老伴两天没怎么尿了 肚子胀得疼",
    "外孙女洗澡呛了水 脸都白了 不出声",
    "放学接孙子 人找不到了 老师说早走了",
    "我妈在家带孩子 视频里看见她躺在地上不动",
])
def test_illness_and_a_grandchild_in_danger_are_caught(message):
    assert danger.read(message).level != danger.NONE


@pytest.mark.parametrize("message", [
    "老年人突然看东西模糊是什么病",
    "孙子说长大了要当消防员 救火救人",
    "马上到 在找地方停车",
])
def test_the_same_words_harmless(message):
    assert danger.read(message).level == danger.NONE
