"""Round thirty-one: a speaker putting a slip right in the next breath, a child booking for parents from afar, the
volunteer's side of the bank (tasks waiting, tasks claimed, news of an elder), and danger told half awake at night.
None of these lines is in a data set."""

from datetime import datetime

import pytest

from nlu import danger

MONDAY = datetime(2026, 12, 7, 9, 0)


@pytest.mark.parametrize("message, intent", [
    ("签退 哦不 签到 单号18", "check_in"),
    ("订阅 哦不对 是退订", "unsubscribe"),
    ("查余额 说错了 我要看明细", "history"),
    ("行 哦不 不行", "deny"),
    ("不是 哦 是是是 没错", "affirm"),
    ("天气咋样 哦不对 我是想问你们几点下班", "unknown"),
    ("我想订阅你们的通知", "subscribe"),
])
def test_a_slip_put_right_in_the_next_breath(understand, message, intent):
    assert understand(message, MONDAY).intent == intent


@pytest.mark.parametrize("message, slots", [
    ("明天下午帮我打扫 四个钟头 用不了那么久 三个钟头", {"duration_min": 180}),
    ("陪我说说话 两小时 呃 一个小时就行了", {"duration_min": 60}),
    ("想找人理发 呃 我头发不长 还是帮我买点菜吧", {"service": "shopping"}),
])
def test_the_value_settled_on_is_the_one_meant(understand, message, slots):
    reading = understand(message, MONDAY)
    assert {name: reading.slots.get(name) for name in slots} == slots


def test_a_task_number_pointed_at_after_a_slip(understand):
    reading = understand("21号 说错了 12号那单已经做完了 我确认", MONDAY)
    assert (reading.intent, reading.slots.get("task_id")) == ("confirm_done", 12)


@pytest.mark.parametrize("message, intent, slots", [
    ("我爸今年八十了 我替他加入一下你们", "register", {"role": "family"}),
    ("把我攒的时间币捐2个出去吧", "donate", {"amount_min": 120}),
    ("我在杭州当义工存的时间 能不能给我南昌的老娘用", "about", {}),
    ("帮我爸交一下电话费 他欠费停机了 家里联系不上他 后天上午", "post_request", {"service": "errand"}),
    ("教我妈视频通话 啥时候来都行", "post_request", {"service": "digital_help"}),
])
def test_a_child_booking_for_parents_from_afar(understand, message, intent, slots):
    reading = understand(message, MONDAY)
    assert reading.intent == intent
    assert {name: reading.slots.get(name) for name in slots} == slots


@pytest.mark.parametrize("message, intent", [
    ("才报完名 有什么单可以接吗", "list_tasks"),
    ("待接的单子给我看看", "list_tasks"),
    ("买菜那个单子我要接", "accept_task"),
    ("这个活归我了", "accept_task"),
    ("我转给我老伴的那次明细在哪", "history"),
    ("时间币够了 想换几张电影票", "redeem"),
    ("当志愿者有哪些规定", "about"),
    ("上礼拜陪的张奶奶体检结果出来了 都正常", "unknown"),
    ("赵大爷最近身体怎么样 好一阵没去了", "unknown"),
    ("消防培训学完了 收获蛮大", "unknown"),
])
def test_the_volunteers_side(understand, message, intent):
    assert understand(message, MONDAY).intent == intent


@pytest.mark.parametrize("message", [
    "打要二零 我老伴喘不上气",
    "出去找我家狗 转来转去不认得路了 好怕",
])
def test_danger_told_half_awake_is_caught(message):
    assert danger.read(message).level != danger.NONE


def test_someone_out_of_reach_because_of_a_cut_off_phone_is_no_emergency():
    assert danger.read("我妈手机欠费了 一直联系不上 帮她充个话费").level == danger.NONE
