"""Round twenty-seven: long stories that ask at the end, numbers that are not slots, one's own orders in vague words,
festivals and solar terms as days, and danger told in the middle of something else. None of these lines is in a
data set."""

from datetime import datetime

import pytest

from nlu import danger

MONDAY = datetime(2026, 12, 7, 9, 0)


@pytest.mark.parametrize("message", [
    "嗯 我想问下后天有没有人陪我去超市 我老伴刚说他胸口疼 疼到后背了 一头的冷汗",
    "我想查下余额上个月给我弟弟转了一个小时嗯哎呀不好了锅着火了我关不掉",
    "爷爷刚喝了桌上那个瓶子里的东西 那瓶子原来装农药的",
])
def test_danger_in_the_middle_of_something_else_is_caught(message):
    assert danger.read(message).level != danger.NONE


@pytest.mark.parametrize("message", [
    "看了篇科普 说嘴歪了手没劲要马上打120 转给我家老头看看",
    "楼下贴了通知 最近有小偷 大家锁好门 我家锁坏了 想找人来换个锁",
    "下个月暖气快来了 想找人先把暖气片放放气",
    "今天去医院打了吊针 回来浑身没劲 能不能晚上送个饭过来",
    "我喝了一瓶水 想找人帮我买瓶杀虫剂",
])
def test_the_same_words_in_an_ordinary_message_do_not_alarm(message):
    assert danger.read(message).level == danger.NONE


@pytest.mark.parametrize("message, slots", [
    ("我跟你说 去年冬天我在医院住了一个多月 今年开春了想出去转转 礼拜三上午九点 能有个人陪我去公园吗",
     {"service": "companionship", "date": "2026-12-09", "time": "09:00"}),
    ("我女儿在加拿大 跟我们差十三个小时 想找人教我接视频 明天上午十点 半小时", {"duration_min": 30}),
    ("下午两点到五点都在家 周三来个人帮我修下水管 两点来吧", {"date": "2026-12-09", "time": "14:00"}),
])
def test_a_long_story_asks_at_the_end(understand, message, slots):
    reading = understand(message, MONDAY)
    assert reading.intent == "post_request"
    assert {name: reading.slots.get(name) for name in slots} == slots
    assert "duration_min" in slots or "duration_min" not in reading.slots


@pytest.mark.parametrize("message, intent", [
    ("签到 到刘奶奶家了 门牌号2301", "check_in"),
    ("签退 药拿回来了 一共3盒", "check_out"),
    ("修好了 确认完成 我家3栋2单元501", "confirm_done"),
    ("下周二的理发不要了 我儿子4号回来带我去剪", "cancel"),
])
def test_numbers_of_houses_and_things_are_no_task(understand, message, intent):
    reading = understand(message, MONDAY)
    assert reading.intent == intent and "task_id" not in reading.slots


def test_what_one_has_is_no_amount_to_give(understand):
    assert "amount_min" not in understand("想捐点给公益池 捐多少合适 我有6个", MONDAY).slots


@pytest.mark.parametrize("message, intent", [
    ("上回那个小伙子这回还来不来", "my_orders"),
    ("人呢 说好十点的", "my_orders"),
    ("志愿者到哪了 我下楼接他", "my_orders"),
    ("我约的那个 帮我退了吧", "cancel"),
    ("让他别跑了 我闺女买回来了", "cancel"),
    ("那个事办完了 给人家记上", "confirm_done"),
    ("这个是不是传销啊", "about"),
    ("清明放假那几天还能发需求吗", "about"),
])
def test_ones_own_orders_and_doubts_in_vague_words(understand, message, intent):
    assert understand(message, MONDAY).intent == intent


@pytest.mark.parametrize("message, now, day", [
    ("清明那天想找人陪我去给老伴上坟", datetime(2027, 3, 20, 9), "2027-04-05"),
    ("冬至那天中午 帮我包顿饺子", MONDAY, "2026-12-22"),
    ("二月二想剪个头 能上门吗", datetime(2027, 2, 20, 9), "2027-03-09"),
])
def test_solar_terms_and_lunar_festivals_are_days(understand, message, now, day):
    assert understand(message, now).slots.get("date") == day


@pytest.mark.parametrize("message", ["中秋节前帮我打扫一下屋子", "五一期间能约保洁吗"])
def test_before_or_during_a_festival_names_no_day(understand, message):
    assert "date" not in understand(message, MONDAY).slots
