"""Round thirty-two: credits worried over, long stories with the ask inside, very polite asks and answers, notices
asked for at the desk, and danger from medicines or told in a dialect. None of these lines is in a data set."""

from datetime import datetime

import pytest

from nlu import danger

MONDAY = datetime(2026, 12, 7, 9, 0)


@pytest.mark.parametrize("message, intent, slots", [
    ("送对门老吴两个钟头", "transfer", {"amount_min": 120}),
    ("他一个币也没有 我转给他一个半小时", "transfer", {"amount_min": 90}),
    ("陪我去江边走走 就在外面转转 一个小时", "post_request", {"service": "companionship", "duration_min": 60}),
    ("把我今年的服务列张明细给我", "history", {}),
    ("上礼拜的单子时间入账了没有", "history", {}),
    ("时间币不够 能不能预支几个", "about", {}),
])
def test_credits_worried_over(understand, message, intent, slots):
    reading = understand(message, MONDAY)
    assert reading.intent == intent
    assert {name: reading.slots.get(name) for name in slots} == slots


@pytest.mark.parametrize("message, slots", [
    # the ask refers back to the day the doctor gave
    ("我这个眼睛不好 上礼拜五去眼科看了 医生说后天再去一趟 到时候能不能找个人陪我 上午九点", {"date": "2026-12-09"}),
    # the day the writer writes on is not the visit's
    ("今天先约个人 礼拜四帮我打扫一下 两个钟头", {"date": "2026-12-10"}),
    # done at the hospital on someone's behalf, not a visit with them
    ("我爸住院押金不够了 能不能帮他去医院把钱交了 明天上午", {"service": "errand"}),
    ("卫生服务中心的化验单出来了 帮我去取一下", {"service": "errand"}),
    # the writer goes too: an escort
    ("后天要去医院拿化验单 想找人陪我去", {"service": "medical_escort"}),
    ("灶台上都是油 擦不干净 周六上午来个人", {"service": "cleaning"}),
])
def test_the_ask_inside_a_long_story(understand, message, slots):
    reading = understand(message, MONDAY)
    assert reading.intent == "post_request"
    assert {name: reading.slots.get(name) for name in slots} == slots


@pytest.mark.parametrize("message, intent", [
    ("我那个老伴走了两年了 一个人过 今天话多了 不说了 我去做饭了", "unknown"),
    ("楼上天天半夜剁肉 吵得我睡不着 就是跟你们发发牢骚", "unknown"),
    ("我这腿脚 更别说理发了 出门都难 能派个人上门剪头吗", "post_request"),
])
def test_a_story_that_asks_nothing_or_asks_at_the_end(understand, message, intent):
    assert understand(message, MONDAY).intent == intent


@pytest.mark.parametrize("message, intent", [
    ("想请教一下 你们这都能做什么", "help"),
    ("字太小了 找不到评价的按钮 能告诉我在哪吗", "help"),
    ("不用不用 真不麻烦你们了", "deny"),
    ("也可以", "affirm"),
    ("没人接的话 这单我去", "accept_task"),
    ("请问附近哪儿有卖助听器的", "unknown"),
    ("降糖药中午漏吃了 晚上补上要紧吗", "unknown"),
])
def test_polite_asks_and_answers(understand, message, intent):
    assert understand(message, MONDAY).intent == intent


@pytest.mark.parametrize("message, audience", [
    ("告诉所有老人 明天上午社区免费量血压", "elder"),
    ("跟志愿者们说一声 周六的培训改到下午", "volunteer"),
    ("公告一下 下周一服务站停电一天", None),
    ("起草一个通知：重阳节活动照常 报名找小刘", None),
    ("通知全体用户，积分商城暂停兑换：系统升级", "all"),
])
def test_notices_asked_for_at_the_desk(understand, message, audience):
    reading = understand(message, MONDAY)
    assert reading.intent == "broadcast"
    assert reading.slots.get("audience") == audience


@pytest.mark.parametrize("message, intent", [
    ("帮王奶奶登记一个助浴 周五下午", "post_request"),
    ("老人问 帮邻居带孩子算不算服务", "about"),
])
def test_the_desk_types_for_an_elder(understand, message, intent):
    assert understand(message, MONDAY).intent == intent


@pytest.mark.parametrize("message", [
    "火烧厝啦 紧来人",
    "我妈把降压药当糖吃了 现在头晕",
])
def test_danger_in_a_dialect_or_from_medicine_is_caught(message):
    assert danger.read(message).level != danger.NONE


@pytest.mark.parametrize("message", [
    "降压药昨晚忘吃了 今早补吃行不行",
    "叫救护车爱唔爱钱",
])
def test_a_missed_dose_or_a_price_asked_in_dialect_is_no_emergency(message):
    assert danger.read(message).level == danger.NONE
