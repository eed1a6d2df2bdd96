"""Round twenty-nine: danger told softly by elders who hate to be a bother, harm in less common ways, and the bank's
rules for choosing, vetting and insuring volunteers, asked calmly; things installed for safety are repairs. None of
these lines is in a data set."""

from datetime import datetime

import pytest

from nlu import danger

MONDAY = datetime(2026, 12, 7, 9, 0)


@pytest.mark.parametrize("message", [
    "不好意思打扰你们 我胸口有点闷 气也有点喘不匀 有空的话过来看一下",
    "麻烦了 我老伴说话有点含糊 左手也拿不稳杯子 应该没什么事吧",
    "没事没事 就是喘气有点跟不上 嘴唇有点发青",
    "打扰了 心口这块有点痛 还出了一头汗 估计没啥事吧",
    "不好意思啊 我摔了一跤起不来了 另外明天理发那个可以取消了",
    "你们方便的话 能不能来个人 我喘不上气",
    "放炮仗炸到手了 血肉模糊的",
])
def test_danger_told_softly_is_still_danger(message):
    assert danger.read(message).level != danger.NONE


@pytest.mark.parametrize("message", [
    "降压药吃多了会怎么样",
    "插排冒了个火花 我赶紧拔了 现在好好的",
    "屋里电线老化了 怕漏电 想找个电工来看看",
    "孙女讲的段子 笑得我快不行了",
    "有空的话帮我约个理发 下周三上午",
])
def test_the_same_words_about_the_harmless_do_not_alarm(message):
    assert danger.read(message).level == danger.NONE


@pytest.mark.parametrize("message", [
    "志愿者是按什么分的 是不是谁离得近谁去",
    "上门的志愿者都经过培训吗",
    "二星志愿者跟四星的有什么不一样",
    "志愿者在我家摔了 有没有保险",
    "老人要是不接电话 你们会派人去家里看吗",
    "帮邻居送个药 有时间币拿吗",
    "为什么理发和陪诊一样算一个小时",
    "捐给公益池的时间 都给谁用了",
])
def test_the_banks_rules_asked_calmly(understand, message):
    assert understand(message, MONDAY).intent == "about"


@pytest.mark.parametrize("message, service", [
    ("想请人来给卫生间装个扶手 周五上午", "repair"),
    ("烟雾报警器一直滴滴响 该换电池了 谁能来帮我换一下", "repair"),
    ("我妈一个人住 想找个志愿者每天晚上给她打个电话聊几句", "companionship"),
    ("明天能不能帮我爸去医院拿个药", "errand"),
])
def test_what_is_put_in_for_safety_is_a_repair_and_a_daily_call_is_company(understand, message, service):
    reading = understand(message, MONDAY)
    assert (reading.intent, reading.slots.get("service")) == ("post_request", service)


@pytest.mark.parametrize("message, intent", [
    ("👍", "affirm"),
    ("算球", "deny"),
    ("不用不用 我好着呢 别通知我儿子", "deny"),
    ("不需要叫人 就是随便问问", "deny"),
    ("今年供暖什么时候开始", "unknown"),
    ("我在记录里怎么没看到上周转给我妈的那一个小时", "history"),
    ("换一袋大米要几个时间币", "redeem"),
    ("兑换之前先帮我看看余额", "balance"),
    ("我想开个时间银行的账户", "register"),
    ("在哪里能设置紧急联系人", "help"),
])
def test_short_answers_and_questions_of_the_round(understand, message, intent):
    assert understand(message, MONDAY).intent == intent


@pytest.mark.parametrize("message, intent", [
    ("你们不会把我那个单子取消了吧", "my_orders"),
    ("不会被删掉吧 我的预约", "my_orders"),
])
def test_a_worry_that_an_order_was_cancelled_asks_after_it(understand, message, intent):
    assert understand(message, MONDAY).intent == intent
