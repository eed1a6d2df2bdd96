"""Rounds twenty-one and twenty-two: what a writer gives up, puts off or puts right on the way to the ask, and asks
made on a condition. None of these lines is in a data set."""

from datetime import datetime

MONDAY_EVENING = datetime(2026, 12, 7, 19, 0)


def test_an_intent_given_up_for_another_is_not_the_ask(understand):
    result = understand("我想捐点时间给公益池 哎算了 还是转给我姥姥吧 转两个小时", MONDAY_EVENING)
    assert (result.intent, result.slots["amount_min"]) == ("transfer", 120)


def test_what_is_put_off_does_not_outweigh_the_ask(understand):
    result = understand("明天上午帮我买点菜 查余额的事回头再说", MONDAY_EVENING)
    assert (result.intent, result.slots["service"]) == ("post_request", "shopping")


def test_a_day_put_right_does_not_make_the_writers_own_day_the_service(understand):
    result = understand("后天中午能不能送个饭来 哦等一下 是大后天 我后天一整天都在医院", MONDAY_EVENING)
    assert result.slots == {"service": "meal", "date": "2026-12-10", "time": "12:00"}


def test_a_task_number_written_wrong_is_put_right(understand):
    assert understand("签到 单号57 哦打错了 是75", MONDAY_EVENING).slots["task_id"] == 75


def test_an_ask_made_on_a_condition_is_an_ask(understand):
    result = understand("上门理发收钱吗 不收钱的话我想约一个 礼拜三下午", MONDAY_EVENING)
    assert (result.intent, result.slots["service"], result.slots["date"]) == ("post_request", "haircut", "2026-12-09")


def test_a_visit_liked_and_asked_for_again_is_a_request_not_a_rating(understand):
    result = understand("上回小王帮我擦的窗户蛮干净 这礼拜五再请他来擦一次", MONDAY_EVENING)
    assert (result.intent, result.slots["service"]) == ("post_request", "cleaning")
