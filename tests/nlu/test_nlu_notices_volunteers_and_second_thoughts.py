"""Round twenty-six: notices as staff send them and as members answer them, volunteers on the job, families from
afar, second thoughts, and danger in a word or three. None of these lines is in a data set."""

from datetime import datetime

import pytest

from nlu import danger

MONDAY = datetime(2026, 12, 7, 9, 0)


@pytest.mark.parametrize("message, audience", [
    ("给全体志愿者发一下：周五停水 服务暂停", "volunteer"),
    ("推送给70岁以上的老人 明天上午发放敬老卡", "elder"),
    ("各位居民注意 群发一下 明天上午停电", "all"),
    ("群发 明早社区义诊 发给志愿者们", "volunteer"),
    ("给爷爷奶奶们推一下 下周有防诈骗讲座", "elder"),
])
def test_a_notice_in_staffs_own_words_names_who_it_goes_to(understand, message, audience):
    reading = understand(message, MONDAY)
    assert (reading.intent, reading.slots.get("audience")) == ("broadcast", audience)


@pytest.mark.parametrize("message", ["给志愿者发个消息 让他明天别来了", "取件码发给志愿者了吗 明天帮我取快递"])
def test_a_message_for_one_volunteer_is_no_notice(understand, message):
    assert understand(message, MONDAY).intent != "broadcast"


@pytest.mark.parametrize("message, intent", [
    ("天天发这些通知 吵得我睡不着 别发了", "unsubscribe"),
    ("都是你们的推送 帮我关掉", "unsubscribe"),
    ("刚才不小心按了退订 帮我恢复一下", "subscribe"),
    ("今天收到的通知 说停电 几点停啊", "unknown"),
    ("通知里说的公益池是干什么的", "about"),
    ("看到通知了 下周的包粽子活动 我报名", "register"),
    ("端午的活动去不了了 帮我取消报名", "cancel"),
])
def test_what_members_say_back_to_a_notice(understand, message, intent):
    assert understand(message, MONDAY).intent == intent


@pytest.mark.parametrize("message, intent, task_id", [
    ("那个理发单 号码是四十五 我来接", "accept_task", 45),
    ("我接的那个买菜退掉吧 临时加班", "cancel", None),
    ("刚签退完 看看我现在一共多少个币", "balance", None),
    ("搞定 打卡下班", "check_out", None),
    ("签到 任务31 哦 是13", "check_in", 13),
    ("签退 是#12 不是#21", "check_out", 12),
])
def test_volunteers_on_the_job(understand, message, intent, task_id):
    reading = understand(message, MONDAY)
    assert (reading.intent, reading.slots.get("task_id")) == (intent, task_id)


@pytest.mark.parametrize("message, intent, role", [
    ("帮我把我爸绑定到我微信上 我是他儿子", "register", "family"),
    ("我也想注册成志愿者 周末接单 以后给我爸用", "register", "volunteer"),
    ("bind一下我妈的账号 我是她闺女", "register", "family"),
])
def test_families_from_afar_join(understand, message, intent, role):
    reading = understand(message, MONDAY)
    assert (reading.intent, reading.slots.get("role")) == (intent, role)


def test_someone_elses_pension_is_not_the_bank_s(understand):
    assert understand("我妈退休金这个月到账了没", MONDAY).intent == "unknown"


@pytest.mark.parametrize("message, slots", [
    ("约个理发 周二 不是周二 周三下午", {"date": "2026-12-09", "time": "14:00"}),
    ("陪我去医院 8点 上午8点 不是晚上 后天", {"date": "2026-12-09", "time": "08:00"}),
    ("不是我 是我隔壁的王大爷 他想找人陪他去医院 明天", {"date": "2026-12-08", "service": "medical_escort"}),
    ("晚上六点 不 七点吧 来个人陪我散散步", {"time": "19:00"}),  # the hour put right keeps its evening
])
def test_second_thoughts_leave_what_was_settled_on(understand, message, slots):
    reading = understand(message, MONDAY)
    assert reading.intent == "post_request"
    assert {name: reading.slots.get(name) for name in slots} == slots


def test_a_number_typed_apart_from_its_measure_word(understand):
    assert understand("给我妈转 2 个时间币", MONDAY).slots.get("amount_min") == 120


@pytest.mark.parametrize("message", ["爸倒了", "卡电梯里了 快来", "起布来了", "火！！"])
def test_danger_said_in_a_word_or_three(message):
    assert danger.read(message).level != danger.NONE


@pytest.mark.parametrize("message", [
    "快来吃饭啦",
    "门口有人推销保健品 我没理他",
    "救护车来得真快 点赞",
    "help 帮我妈约个理发 周五下午",
    "不管谁敲门我都不开",
    "屋里闷得喘不过气 想找人帮我装个电风扇",
])
def test_the_same_words_harmless(message):
    assert danger.read(message).level == danger.NONE


def test_notices_complained_of_stop_them_even_while_a_question_is_open(understand):
    # Asked for a free-text answer (a name, an address), a complaint was kept as the answer while the notice word
    # it held competed with its "别发了".
    assert understand("半夜还发通知 吵死了 别发了", MONDAY, expecting="text").intent == "unsubscribe"
