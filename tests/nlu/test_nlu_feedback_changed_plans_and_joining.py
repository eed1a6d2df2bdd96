"""Round thirty-four: feedback in members' own words, plans that change, joining the bank, and the less common
services. None of these lines is in a data set."""

from datetime import datetime

import pytest

MONDAY = datetime(2026, 12, 7, 9, 0)


@pytest.mark.parametrize("message, score", [
    ("小伙子人蛮好的 就是话太少", None),            # praise with a complaint and no verdict
    ("来晚了一点 不过阿姨人很好", None),
    ("一个细心一个粗心 总的来说还可以", 3),         # a verdict summing up both
    ("剪得挺精神 就是贵了点 给4分", 4),             # a number said still counts
])
def test_praise_with_a_complaint_gives_no_score(understand, message, score):
    assert understand(message, MONDAY).slots.get("score") == score


@pytest.mark.parametrize("message, intent", [
    ("陪我爸复查的那个姑娘很耐心 就是来得有点晚", "rate"),
    ("饭做得太咸了 老人吃不了", "rate"),
    ("我的单子是不是给取消了 怎么没人联系我", "my_orders"),
    ("我下的打扫单子两天了都没人接", "my_orders"),
    ("人都走了 那单怎么还显示进行中", "my_orders"),
    ("差评会不会影响志愿者", "about"),
])
def test_feedback_and_what_it_asks(understand, message, intent):
    assert understand(message, MONDAY).intent == intent


@pytest.mark.parametrize("message, intent", [
    ("听说明天有大风 周二的理发先不要了", "cancel"),
    ("志愿者小王 明天别过来了 我女儿回来了", "cancel"),
    ("#52我退了 孩子生病走不开", "cancel"),
    ("这单我接错了", "cancel"),
    ("原来约的人来不了 再帮我找一个 周四上午", "post_request"),
    ("路上堵车 我可能要晚点到", "unknown"),
    ("有没人接的助浴单吗", "list_tasks"),
])
def test_plans_that_change(understand, message, intent):
    assert understand(message, MONDAY).intent == intent


@pytest.mark.parametrize("message, intent, role", [
    ("报名当志愿者 我会修电器", "register", "volunteer"),
    ("老两口想一起注册 孩子们都在外地", "register", "elder"),
])
def test_joining(understand, message, intent, role):
    reading = understand(message, MONDAY)
    assert (reading.intent, reading.slots.get("role")) == (intent, role)


@pytest.mark.parametrize("message, intent", [
    ("家里穷 没钱也可以加入吗", "about"),
    ("加入以后是不是每周都要服务", "about"),
    ("注册了个淘宝 东西真便宜", "unknown"),
    ("我报名了老年大学的书法班", "unknown"),
    ("我的退休金怎么少了", "unknown"),
])
def test_questions_before_joining_and_other_sign_ups(understand, message, intent):
    assert understand(message, MONDAY).intent == intent


@pytest.mark.parametrize("message, service", [
    ("我老伴刚做完手术 不能洗澡 找人帮他擦擦身 后天上午", "bathing"),
    ("抽屉卡住了拉不开 能来修一下吗", "repair"),
    ("花洒坏了 明天上午来换一个", "repair"),
    ("有个挂号信要去邮局取 帮我跑一趟", "errand"),
    ("那个看病预约的小程序我不会用 来个人教教我", "digital_help"),
    ("给我爸推个平头 周六下午", "haircut"),
    ("想吃点家常菜 有没有人能来做一顿", "meal"),
])
def test_the_less_common_services(understand, message, service):
    reading = understand(message, MONDAY)
    assert (reading.intent, reading.slots.get("service")) == ("post_request", service)
