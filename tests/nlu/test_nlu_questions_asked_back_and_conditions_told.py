"""Round twenty-eight: asks made as questions asked back (不是说…吗, 难道, 哪说过, 不会…吧), a standing condition told as the
reason for an ordinary ask, a doctor's question that is not the bank's, and danger told by someone with the elder. None
of these lines is in a data set."""

from datetime import datetime

import pytest

from nlu import danger

MONDAY = datetime(2026, 12, 7, 9, 0)


@pytest.mark.parametrize("message, intent", [
    ("不是说能上门理发吗 后天上午给我剪个头", "post_request"),
    ("不要取消啊 我明天还要的", "deny"),
    ("不是要退订 我手滑了", "deny"),
    ("我什么时候说过要捐了 不是", "deny"),
    ("可不是嘛 就这么办", "affirm"),
    ("那还用说 当然要", "affirm"),
    ("那么多天没收到你们的消息 不会把我退订了吧 给我订上", "subscribe"),
    ("半天了还没人接这个买菜的吗 那我接 #12", "accept_task"),
    ("我那个修水管的 怎么还没动静 是不是没人接啊", "my_orders"),
    ("难道取消了也会扣时间币吗", "about"),
    ("我攒的时间币 我老伴能不能用", "about"),
    ("行动不便的老人参加有什么要求吗", "about"),
    ("好哒~", "affirm"),
])
def test_a_question_asked_back_means_what_the_writer_wants(understand, message, intent):
    assert understand(message, MONDAY).intent == intent


@pytest.mark.parametrize("message, score", [
    ("我还能给差评吗 人家跑前跑后的 非常满意", 5),
    ("不能说不满意 一般吧", 3),
    ("难道只能打五星吗 我给任务8打4分", 4),
])
def test_a_verdict_asked_back_is_not_the_score(understand, message, score):
    assert understand(message, MONDAY).slots.get("score") == score


@pytest.mark.parametrize("message, service", [
    ("我腿做了手术 澡堂去不了 能来家里帮我洗个澡吗 周三下午", "bathing"),
    ("周四上午去医院复查眼睛 想找个人陪着", "medical_escort"),
    ("每个月去卫生院开降压药 这次是15号上午 谁能陪我走一趟", "medical_escort"),
    ("后天上午帮我去街道拿一下老年证", "errand"),
    ("我老伴不会做饭 我刚出院 明天中午来个人给我们做饭", "meal"),
])
def test_a_standing_condition_is_the_reason_for_an_ordinary_ask(understand, message, service):
    reading = understand(message, MONDAY)
    assert (reading.intent, reading.slots.get("service")) == ("post_request", service)


@pytest.mark.parametrize("message", [
    "做完胆囊手术多久能吃油的",
    "打胰岛素的人一天能吃多少米饭",
    "轮椅哪个牌子好",
    "医保能不能报助听器",
    "怎么还不发养老金啊",
])
def test_a_doctors_or_a_pensions_question_is_not_the_banks(understand, message):
    assert understand(message, MONDAY).intent == "unknown"


@pytest.mark.parametrize("message", [
    "我在给大爷做饭 他突然出了一身冷汗 现在迷迷糊糊的 叫他也不太应",
    "有人冲进我家来了",
])
def test_danger_told_by_someone_with_the_elder_is_caught(message):
    assert danger.read(message).level != danger.NONE


@pytest.mark.parametrize("message", [
    "刚视频我妈半天不答应 原来是睡着了 现在醒了在看电视",
    "志愿者说：奶奶在厕所叫了一声 我们冲进去一看 是灯坏了 没事",
    "xswl 爷爷开了滤镜 我都认不出来了",
    "我爸住院了 这个月回不了家 他的单子先取消",
    "我妈老年痴呆 你们能派人陪她聊聊天吗",
    "我爸不让陌生人给他剪头发 能派个熟悉的吗",
    "我接的单子怎么找不到了",
    "万一我妈在家摔了起不来 是先打120还是先找你们？我想提前记下来",
])
def test_the_same_words_told_of_the_harmless_do_not_alarm(message):
    assert danger.read(message).level == danger.NONE
