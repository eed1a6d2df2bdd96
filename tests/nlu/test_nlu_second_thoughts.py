"""Round eighteen: what a message tells as done, and what its writer puts right on the way. None of these lines
is in a data set."""

from datetime import datetime

from nlu import danger

TUESDAY_MORNING = datetime(2026, 9, 15, 9, 0)


def test_an_order_told_as_cancelled_before_a_new_booking_is_a_booking(understand):
    result = understand("上礼拜那个陪诊我早就取消了 现在想重新约 周四上午", TUESDAY_MORNING)
    assert (result.intent, result.slots["service"], result.slots["date"]) == (
        "post_request", "medical_escort", "2026-09-17")


def test_a_day_told_as_done_is_not_the_day_asked_for(understand):
    result = understand("周一已经有人帮我打扫过了 周五再来打扫一次", TUESDAY_MORNING)
    assert result.slots["date"] == "2026-09-18"


def test_something_done_today_keeps_today_for_the_ask(understand):
    result = understand("今天上午已经去过医院了 下午想找人帮我取个快递", TUESDAY_MORNING)
    assert (result.slots["date"], result.slots["time"]) == ("2026-09-15", "14:00")


def test_a_volunteer_told_as_signed_out_before_a_rating_is_rated(understand):
    assert understand("小刘早就签退走了 给他打四颗星", TUESDAY_MORNING).slots["score"] == 4


def test_a_confirmation_is_news_of_a_thing_done(understand):
    assert understand("不用再派人了 已经弄好了 确认 #77", TUESDAY_MORNING).intent == "confirm_done"


def test_an_hour_put_right_to_the_other_half_of_the_day(understand):
    result = understand("后天晚上八点 哦不 早上八点 来帮我洗澡 晚上洗了我睡不着", TUESDAY_MORNING)
    assert result.slots["time"] == "08:00"


def test_the_second_of_two_days_settled_with_ba(understand):
    assert understand("帮我取个药 周三还是周四吧 周三医院人多", TUESDAY_MORNING).slots["date"] == "2026-09-17"


def test_a_day_put_aside_gives_way_to_the_next(understand):
    result = understand("换个灯泡 今晚不方便 明天上午十点", TUESDAY_MORNING)
    assert (result.slots["date"], result.slots["time"]) == ("2026-09-16", "10:00")


def test_a_score_put_right(understand):
    assert understand("#51 两星 哦不 三星吧 来得太晚", TUESDAY_MORNING).slots["score"] == 3
    assert understand("满意 不 非常满意", TUESDAY_MORNING).slots["score"] == 5


def test_an_amount_put_right_with_suanle(understand):
    assert understand("捐四个时间币 算了 捐两个", TUESDAY_MORNING).slots["amount_min"] == 120


def test_a_task_number_put_right(understand):
    assert understand("签到 #53 哦不 #35", TUESDAY_MORNING).slots["task_id"] == 35
    assert understand("任务19我来 不是19 是91", TUESDAY_MORNING).slots["task_id"] == 91


def test_a_service_put_right(understand):
    assert understand("想约个买菜 说错了 是送餐", TUESDAY_MORNING).slots["service"] == "meal"


def test_a_role_put_right(understand):
    assert understand("我要报名当志愿者 不对 是给我妈报名", TUESDAY_MORNING).slots["role"] == "family"


def test_a_service_a_volunteer_turns_down_is_no_filter(understand):
    result = understand("有没有单子 送餐的不要 我没车 有打扫的吗", TUESDAY_MORNING)
    assert (result.intent, result.slots) == ("list_tasks", {"service": "cleaning"})
    assert understand("有啥任务 陪聊的 算了 都行", TUESDAY_MORNING).slots == {}


def test_what_the_writer_says_not_to_do_casts_no_vote(understand):
    assert understand("两个时间币都捐了吧 别转给我孙子", TUESDAY_MORNING).intent == "donate"


def test_a_complaint_about_a_volunteer_who_did_not_pick_up_is_no_welfare_check():
    assert danger.read("太差了 说好八点到 十点才来 打电话也不接").level == danger.NONE


def test_annoyance_and_an_early_morning_are_no_emergencies():
    assert danger.read("晕死 又点错日子了 改到周五吧").level == danger.NONE
    assert danger.read("八点太早了 我起不来 改到十点").level == danger.NONE


def test_a_cry_explained_as_the_television_is_no_alarm():
    assert danger.read("刚听见有人喊救命 原来是电视声音太大").level == danger.NONE


def test_a_danger_told_after_a_colon_is_still_read(understand):
    # Only a notice's content (群发：…) is staff's words to others; a rating's is the writer's own.
    assert understand("评价：五星 哎呀 我老伴突然倒地上了 叫不醒", TUESDAY_MORNING).intent == "sos"
