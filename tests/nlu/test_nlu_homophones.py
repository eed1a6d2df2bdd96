"""Round twenty-three: an elder's pinyin keyboard offers every character of the same sound, and the wrong one is
often taken ("打嫂卫生", "聊添"). The bank's words are put back; a word meant as typed is left alone. None of these
lines is in a data set."""

from datetime import datetime

import pytest

from nlu import cleanup

SUNDAY = datetime(2026, 11, 29, 9, 0)


@pytest.mark.parametrize("typed, service", [
    ("周二想请人来帮我打嫂一下屋子", "cleaning"),
    ("一个人闷得慌 想找人聊添", "companionship"),
    ("过节想请人帮我包饺紫", "meal"),
    ("帮我去驿站取个快第", "errand"),
    ("想约个主浴 我自己洗不动", "bathing"),
])
def test_a_service_typed_with_a_wrong_homophone_is_still_asked_for(understand, typed, service):
    reading = understand(typed, SUNDAY)
    assert (reading.intent, reading.slots.get("service")) == ("post_request", service)


@pytest.mark.parametrize("typed, intent", [
    ("鸡分还剩多少", "balance"),
    ("服务节束了 老人送到家了", "check_out"),
    ("小王很蛮意 下次还找他", "rate"),
    ("我要订越活动消息", "subscribe"),
])
def test_the_banks_words_typed_with_a_wrong_homophone_are_read(understand, typed, intent):
    assert understand(typed, SUNDAY).intent == intent


@pytest.mark.parametrize("meant", [
    "我爸没气了",          # no breath: never 煤气
    "下午3点前到",          # before three, not 签到
    "去超市消费了两百",      # 消费, not 取消
    "过年前搞个大扫除",      # 大扫除 stays whole
    "老是有人打骚扰电话",     # 骚扰
    "吃了一颗降压药",        # a pill, not a quarter of an hour
    "等到了天亮才睡着",       # 了天 is no 聊天
    "一半的钱",
    "帮主",
])
def test_a_word_meant_as_typed_is_left_alone(meant):
    assert cleanup.clean(meant) == meant
