"""Round thirty-three: slips of a pinyin keyboard and a handwriting pad, numbers among decoys, what the field survey
asked for in members' words, the shortest messages, and danger told by a volunteer on the spot or in a word or two.
None of these lines is in a data set."""

from datetime import datetime

import pytest

from nlu import danger

MONDAY = datetime(2026, 12, 7, 9, 0)


@pytest.mark.parametrize("message, intent, slots", [
    ("给我闺女转3个事件币", "transfer", {"amount_min": 180}),
    ("送我老伴一个办小时", "transfer", {"amount_min": 90}),
    ("明天下牛 陪我去医院", "post_request", {"service": "medical_escort", "date": "2026-12-08", "time": "14:00"}),
    ("令天上五 帮我买菜", "post_request", {"service": "shopping", "date": "2026-12-07", "time": "09:00"}),
    ("理发 18好 下午", "post_request", {"service": "haircut", "date": "2026-12-18", "time": "14:00"}),
    ("后天中午送个反来", "post_request", {"service": "meal", "date": "2026-12-09", "time": "12:00"}),
    ("陪我打针 要办天", "post_request", {"duration_min": 240}),
    ("单号21 qx", "cancel", {"task_id": 21}),
])
def test_slips_of_a_small_keyboard(understand, message, intent, slots):
    reading = understand(message, MONDAY)
    assert reading.intent == intent
    assert {name: reading.slots.get(name) for name in slots} == slots


@pytest.mark.parametrize("message", ["下五子棋去", "明天下牛肉面吃"])
def test_a_period_slip_is_put_right_only_where_a_period_is_meant(understand, message):
    assert "time" not in understand(message, MONDAY).slots


@pytest.mark.parametrize("message, intent", [
    ("出了事有没有预案", "about"),
    ("陪诊三小时跟打扫三小时算一样的吗", "about"),
    ("剪个头十分钟也算一个小时吗", "about"),
    ("上门的人受过培训吗", "about"),
    ("给了差评会不会扣他的时间", "about"),
    ("我上礼拜服务的时间记上了没", "history"),
    ("退订错了 再给我推送", "subscribe"),
    ("大家好", "help"),
    ("老年大学怎么报名", "unknown"),
    ("卫生间漏水 渗到楼下了 找人来修", "post_request"),
])
def test_what_the_survey_asked_for_in_members_words(understand, message, intent):
    assert understand(message, MONDAY).intent == intent


@pytest.mark.parametrize("message, intent", [
    ("冇", "deny"),
    ("不需要啦", "cancel"),
    ("有新单子吗", "list_tasks"),
])
def test_the_shortest_messages(understand, message, intent):
    assert understand(message, MONDAY).intent == intent


@pytest.mark.parametrize("message", [
    "打妖二零",
    "胸 疼得很",
    "开水烫到了 起大泡",
])
def test_danger_in_a_word_or_two_is_caught(message):
    assert danger.read(message).level != danger.NONE


@pytest.mark.parametrize("message", [
    "#12 老人家里有点煤气味 是灶没关好 已经关了 开了窗 现在没味了",
    "#8 老人说屋里有人 其实是收音机的声音 我看了一圈没人",
    "老人有点糊涂 不过一直好好在家坐着",
    "吃辣上火 嘴角起泡",
    "how do I add my son as an emergency contact",
])
def test_an_on_site_report_that_is_settled_is_no_emergency(message):
    assert danger.read(message).level == danger.NONE
