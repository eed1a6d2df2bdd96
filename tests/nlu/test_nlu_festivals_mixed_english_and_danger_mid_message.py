"""Round thirty-five: festivals, messages that hold two things, English mixed in, what is not the bank's business,
and danger seen on a video call or arriving in the middle of an ordinary message. None of these lines is in a data
set."""

from datetime import datetime

import pytest

from nlu import danger

MONDAY = datetime(2026, 12, 7, 9, 0)


@pytest.mark.parametrize("message, intent, slots", [
    ("教我爸发朋友圈 周三下午", "post_request", {"service": "digital_help"}),
    ("冬至想吃汤圆 请人来帮我做点 明天中午", "post_request", {"service": "meal"}),
    ("找人帮忙做一顿饭 家里来客人 周六上午十点", "post_request", {"service": "meal"}),
    ("71号打扫做完了 我确认一下", "confirm_done", {"task_id": 71}),
    ("订单不用了 我儿子回来了", "cancel", {}),
    ("我八十多了 想注册一个", "register", {"role": "elder"}),
])
def test_festivals_and_two_things_in_one_message(understand, message, intent, slots):
    reading = understand(message, MONDAY)
    assert reading.intent == intent
    assert {name: reading.slots.get(name) for name in slots} == slots


def test_a_question_asked_in_passing_does_not_outweigh_the_ask(understand):
    reading = understand("后天找个人陪我妈去复查 顺便问下陪诊怎么收时间币", MONDAY)
    assert (reading.intent, reading.slots.get("service")) == ("post_request", "medical_escort")


@pytest.mark.parametrize("message, intent, slots", [
    ("帮我看下我的record", "history", {}),
    ("积分能redeem什么", "redeem", {}),
    ("我想sign up成volunteer", "register", {"role": "volunteer"}),
    ("外婆周五要去hospital拿药 要人陪", "post_request", {"service": "medical_escort"}),
    ("en", "affirm", {}),
])
def test_english_mixed_in(understand, message, intent, slots):
    reading = understand(message, MONDAY)
    assert reading.intent == intent
    assert {name: reading.slots.get(name) for name in slots} == slots


@pytest.mark.parametrize("message, intent", [
    ("有没有卖助听器的", "unknown"),
    ("听说下礼拜要降温 真的假的", "unknown"),
    ("有人打电话让我把存款转到安全账户 我没理他 挂了", "unknown"),
    ("回收旧冰箱吗 收旧冰箱吗", "unknown"),
    ("你是机器人吗", "unknown"),
    ("对面楼装修 吵死了 谁能管管", "unknown"),
    ("你们这儿能做些什么", "help"),
    ("上个月扣了我一笔 查下流水是怎么回事", "history"),
])
def test_what_is_not_the_banks_business(understand, message, intent):
    assert understand(message, MONDAY).intent == intent


@pytest.mark.parametrize("message", [
    "视频里我公公躺在地上 怎么叫都不答应",
    "我爸刚才视频里说话一下子含含糊糊的 嘴也歪了",
    "想约个明天理发的 等一下 现在 现在胸口好疼 喘不上气",
])
def test_danger_seen_on_a_call_or_arriving_mid_message_is_caught(message):
    assert danger.read(message).level != danger.NONE


@pytest.mark.parametrize("message", [
    "我爸偏瘫五年了 左腿动不了 想约个人每礼拜来帮他洗澡",
    "我姑妈楼下的大爷上礼拜被救护车拉走了 我妈有点担心",
    "菜太重了我提不动 明天谁能帮我买点",
    "年纪大了耳朵不行了 打电话老听不清",
])
def test_a_lasting_condition_or_someone_elses_past_is_no_emergency(message):
    assert danger.read(message).level == danger.NONE
