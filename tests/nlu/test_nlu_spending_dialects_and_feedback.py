"""Round twenty-five: credits spent at partners and what services cost in them, days and clocks in more dialects,
feedback said every way, and the learnt reader kept from raising praise. None of these lines is in a data set."""

from datetime import datetime

import pytest

from nlu import danger

MONDAY = datetime(2026, 12, 7, 9, 0)


@pytest.mark.parametrize("message", [
    "楼下那家面馆 可以刷时间币吃面吗",
    "用时间币在合作超市买袋米行不行",
    "去药店拿药 时间币能抵钱用不",
    "积分满二十个送一壶油 这个咋兑啊",
])
def test_credits_spent_at_a_partner_redeem(understand, message):
    assert understand(message, MONDAY).intent == "redeem"


@pytest.mark.parametrize("message", [
    "请人来陪诊一回要扣几个币",
    "上门理发一次收多少个时间币",
    "我在北区站点存的 到南区那个站点能用吗",
    "五星志愿者有啥好处",
])
def test_what_credits_buy_and_where_they_count_is_a_rules_question(understand, message):
    assert understand(message, MONDAY).intent == "about"


@pytest.mark.parametrize("message", ["把微信零钱转点给我孙子", "今天美元汇率多少", "我七十三了 也想注册 用时间币换服务"])
def test_money_that_is_not_credits_and_joining_are_no_spending(understand, message):
    assert understand(message, MONDAY).intent != "redeem" and understand(message, MONDAY).intent != "transfer"


@pytest.mark.parametrize("message, slots", [
    ("后个儿下午陪我去医院", {"date": "2026-12-09", "time": "14:00"}),
    ("今朝夜到寻个人陪我讲讲闲话", {"date": "2026-12-07", "time": "19:00"}),
    ("明朝中浪向送只饭来", {"date": "2026-12-08", "time": "12:00"}),
    ("明儿清起来个人帮俺买菜", {"date": "2026-12-08", "time": "08:00"}),
    ("晚黑来个人帮我修下灯", {"time": "19:00"}),
    ("后天下午差十分四点来", {"date": "2026-12-09", "time": "15:50"}),
    ("明天差一刻十点到我家", {"date": "2026-12-08", "time": "09:45"}),
    ("后天十点差一刻来陪我去医院", {"date": "2026-12-09", "time": "09:45"}),  # the hour said first
    ("明天下午三点差十分来", {"date": "2026-12-08", "time": "14:50"}),
    ("聽日下晝兩點三 嚟幫我執下屋", {"date": "2026-12-08", "time": "14:15"}),
])
def test_days_and_clocks_said_in_dialect(understand, message, slots):
    reading = understand(message, MONDAY)
    assert {name: reading.slots.get(name) for name in slots} == slots


@pytest.mark.parametrize("message, minutes", [("陪我溜达溜达 一个点儿就够", 60), ("帮阿拉打扫 三只钟头", 180)])
def test_lengths_said_in_dialect(understand, message, minutes):
    assert understand(message, MONDAY).slots.get("duration_min") == minutes


def test_a_floor_after_a_clock_is_no_minute(understand):
    assert understand("明天下午两点三楼活动室 陪我去", MONDAY).slots["time"] == "14:00"


@pytest.mark.parametrize("message, score", [("我对这次服务很不满意", 1), ("好满意啊 多谢晒", 5), ("那闺女俺杠满意", 5)])
def test_verdicts_in_dialect_and_in_degree(understand, message, score):
    reading = understand(message, MONDAY)
    assert (reading.intent, reading.slots.get("score")) == ("rate", score)


def test_a_number_dialled_is_no_task(understand):
    reading = understand("给小周打五星 多亏她当时马上打了110", MONDAY)
    assert reading.intent == "rate" and "task_id" not in reading.slots


@pytest.mark.parametrize("message, intent", [
    ("不打分了 谢谢你们", "deny"),
    ("以后别再派那个人来了 东西弄得乱七八糟", "rate"),
    ("任务58取消 上回来的人太马虎 不想再让他来", "cancel"),
    ("还是把活动消息发给我吧 之前退订按错了", "subscribe"),
    ("接下来几次的助浴都先停了吧", "cancel"),
])
def test_feedback_and_what_it_asks(understand, message, intent):
    assert understand(message, MONDAY).intent == intent


@pytest.mark.parametrize("message", ["周日的志愿者培训在哪里上", "你们投诉热线是多少", "我的服务证书多久能发下来"])
def test_where_and_when_of_ones_own_affairs_is_for_staff(understand, message):
    assert understand(message, MONDAY).intent == "unknown"


@pytest.mark.parametrize("message", [
    "小刘嘴巴甜 干活也勤快 我老伴可喜欢他了",
    "看见隔壁大爷趴在桌上一动不动 吓我一跳 以为出事了 走近一看睡得正香",
    "小太阳取暖器开一晚上安全吗 会不会烧起来",
    "膝盖疼得厉害 老毛病了 想找人帮我把被子晒一晒",
])
def test_harmless_messages_do_not_alarm(message):
    assert danger.read(message).level == danger.NONE


@pytest.mark.parametrize("message", ["取暖器冒烟了 会不会着火了", "胸口疼得厉害 老毛病了"])
def test_danger_told_beside_the_same_words_still_asks(message):
    assert danger.read(message).level != danger.NONE
