"""Round thirty-six: the middle of a visit from both sides, credits moved in every form, days and hours among decoys,
danger buried in a long story, and a grandchild's slang. None of these lines is in a data set."""

from datetime import datetime

import pytest

from nlu import danger

MONDAY = datetime(2026, 12, 7, 9, 0)


@pytest.mark.parametrize("message, intent", [
    ("第一次接单 怎么签到啊", "help"),
    ("来理发的师傅出发了没有", "my_orders"),
    ("哪个单还没签到 帮我查一下", "my_orders"),
    ("刚忙完 还有空 附近有没有要陪诊的单", "list_tasks"),
    ("开工了 单号30", "check_in"),
    ("确认一下 41号单已经弄好了", "confirm_done"),
    ("迟到了半小时 还按两个小时算吗", "about"),
])
def test_the_middle_of_a_visit(understand, message, intent):
    assert understand(message, MONDAY).intent == intent


@pytest.mark.parametrize("message, intent, amount", [
    ("送对门李阿姨2个时间币 她常给我送菜", "transfer", 120),
    ("捐2.5个", "donate", 150),
    ("转半个给我老伴", "transfer", 30),
    ("我昨天刚赚了4个 捐1个给公益池", "donate", 60),
])
def test_credits_moved_in_every_form(understand, message, intent, amount):
    reading = understand(message, MONDAY)
    assert (reading.intent, reading.slots.get("amount_min")) == (intent, amount)


@pytest.mark.parametrize("message, intent", [
    ("送出去的时间币还能退回吗", "about"),
    ("用3个时间币换一次助浴", "redeem"),
    ("我以前转过5个时间币给我妹 是哪天转的", "history"),
    ("我给我妈转了3个时间币 现在帮她约个理发 周五下午", "post_request"),
    ("微信视频不会用 明天 上午十点", "post_request"),
])
def test_what_a_message_about_credits_asks(understand, message, intent):
    assert understand(message, MONDAY).intent == intent


@pytest.mark.parametrize("message", [
    "我跟你讲上礼拜那个小伙子理发理得蛮好 下回还找他 哎哟 快来人 救命 我从椅子上摔下来了",
    "下午在看连续剧 看完出去倒垃圾 回来看到老伴躺在地上 叫他不答应 快来人",
])
def test_danger_buried_in_a_long_story_is_caught(message):
    assert danger.read(message).level != danger.NONE


@pytest.mark.parametrize("message", [
    "我在看那个警匪片 坏人拿刀砍人 喊救命 吓死我了",
    "那个养生节目讲 胸口疼要马上打120 我记下来了",
    "高血压都要犯了 孙子又把我手机设置全改了",
    "笑不活了 爷爷学跳街舞",
    "奶奶发的视频上热门了 好多人点赞 火了🔥",
])
def test_a_show_a_programme_or_slang_is_no_emergency(message):
    assert danger.read(message).level == danger.NONE
