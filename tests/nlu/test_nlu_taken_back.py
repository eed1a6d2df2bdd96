"""What the writer takes back, sets aside or settles on: "不是X 是Y", "不是不行", "除了陪诊", "就周六吧", a number
put right, and what they say they hold or once felt. None of these lines is in a data set."""

from datetime import datetime

SUNDAY_EVENING = datetime(2026, 5, 10, 20, 40)


def test_a_no_put_right_by_a_yes_is_a_correction_not_an_answer(understand):
    result = understand("不是周一 是周二 上午来帮我擦下窗户", SUNDAY_EVENING)
    assert result.intent == "post_request"
    assert result.slots == {"service": "cleaning", "date": "2026-05-12", "time": "09:00"}


def test_a_cancel_the_writer_disowns_leaves_the_request(understand):
    result = understand("我不是要取消 是想换个日子 理发改到后天下午", SUNDAY_EVENING)
    assert (result.intent, result.slots["service"], result.slots["date"]) == ("post_request", "haircut", "2026-05-12")


def test_a_no_on_its_own_is_still_a_no(understand):
    assert understand("不是 是我按错了", SUNDAY_EVENING).intent == "deny"


def test_a_no_said_twice_is_a_yes(understand):
    assert understand("也不是不可以 行吧", SUNDAY_EVENING).intent == "affirm"


def test_a_role_the_writer_disowns_is_not_theirs(understand):
    assert understand("我可不是志愿者 我是老人家 想报个名", SUNDAY_EVENING).slots == {"role": "elder"}


def test_a_service_set_aside_is_not_the_filter(understand):
    result = understand("除开买菜 还有啥子活路", SUNDAY_EVENING)
    assert (result.intent, result.slots) == ("list_tasks", {})


def test_an_evening_said_before_a_bare_hour_sets_it(understand):
    assert understand("晚上想找人陪我唠嗑 八点 一个钟头", SUNDAY_EVENING).slots["time"] == "20:00"


def test_another_day_between_the_evening_and_the_hour_keeps_the_hour(understand):
    assert understand("今天晚上我不在 明天九点来打扫吧", SUNDAY_EVENING).slots["time"] == "09:00"


def test_a_choice_settled_with_jiu_ba_is_the_day(understand):
    result = understand("礼拜三也行礼拜四也行 就礼拜四吧 下午来理发", SUNDAY_EVENING)
    assert result.slots["date"] == "2026-05-14"


def test_a_task_number_put_right_is_the_task(understand):
    assert understand("任务五十二签到 说错了 是五十三", SUNDAY_EVENING).slots == {"task_id": 53}


def test_a_credit_the_writer_holds_is_not_the_credit_moved(understand):
    result = understand("我一共攒了十个小时 先捐两个小时给公益池", SUNDAY_EVENING)
    assert (result.intent, result.slots["amount_min"]) == ("donate", 120)


def test_the_verdict_on_this_visit_is_the_score(understand):
    result = understand("上次来的那个很差 这回的小伙子很满意 #88", SUNDAY_EVENING)
    assert result.slots == {"score": 5, "task_id": 88}


def test_hours_typed_the_short_way_are_read(understand):
    assert understand("明天下午陪诊 2.5h", SUNDAY_EVENING).slots["duration_min"] == 150
    assert understand("给我妈转45min", SUNDAY_EVENING).slots["amount_min"] == 45


def test_stars_drawn_are_stars_given(understand):
    assert understand("#12 ★★★", SUNDAY_EVENING).slots == {"task_id": 12, "score": 3}


def test_a_floor_or_a_building_is_not_a_task(understand):
    assert "task_id" not in understand("到了 5号楼2单元 开始服务", SUNDAY_EVENING).slots


def test_whether_credits_work_in_another_branch_is_a_question_of_rules(understand):
    assert understand("我在青山湖攒的时间币 到西湖区那边通不通", SUNDAY_EVENING).intent == "about"


def test_a_score_meant_and_then_not_given_is_not_the_score(understand):
    assert understand("本想给五分的 后来想想还是三分吧 #41", SUNDAY_EVENING).slots == {"score": 3, "task_id": 41}


def test_the_way_there_is_not_the_length_of_the_visit(understand):
    result = understand("我在深圳 飞回去要两个钟头 能不能找人帮我妈通下水道", SUNDAY_EVENING)
    assert result.slots == {"service": "repair"}


def test_the_trip_of_the_one_helped_gives_way_to_the_day_asked(understand):
    result = understand("她下礼拜二要去喝喜酒 帮她约个理发 这个礼拜六上午", SUNDAY_EVENING)
    assert result.slots == {"service": "haircut", "date": "2026-05-16", "time": "09:00"}


def test_a_service_the_writer_says_they_do_not_want_someone_for_is_not_it(understand):
    assert understand("我不是要人来打扫 是想找人陪我下棋", SUNDAY_EVENING).slots == {"service": "companionship"}


def test_who_a_notice_is_not_for_does_not_unsubscribe_staff(understand):
    result = understand("群发给志愿者 别发给老人：周六开会", SUNDAY_EVENING)
    assert (result.intent, result.slots["audience"]) == ("broadcast", "volunteer")


def test_a_festival_greeting_names_no_day(understand):
    result = understand("中秋快乐 想约个理发 9月28号上午", datetime(2026, 9, 20, 10, 0))
    assert result.slots["date"] == "2026-09-28"


def test_a_festival_as_the_reason_gives_way_to_the_day_said(understand):
    result = understand("国庆想给孙子包饺子 周二下午来人帮我吧", datetime(2026, 9, 20, 10, 0))
    assert result.slots == {"service": "meal", "date": "2026-09-22", "time": "14:00"}


def test_a_holiday_coming_is_no_volunteer_arriving(understand):
    result = understand("中秋快到了 想把被罩拆下来洗洗 后天上午", datetime(2026, 9, 20, 10, 0))
    assert (result.intent, result.slots["service"]) == ("post_request", "cleaning")


def test_a_question_to_anyone_is_no_request(understand):
    assert understand("有没有人晓得菜场几点开门", SUNDAY_EVENING).intent == "unknown"


def test_what_the_writer_asks_for_later_is_the_purpose_of_joining(understand):
    assert understand("给我也报个名 以后好约人陪我看病", SUNDAY_EVENING).intent == "register"


def test_a_no_between_two_days_puts_the_day_right(understand):
    result = understand("周二 不对 周三 下午三点 帮我买点菜", SUNDAY_EVENING)
    assert (result.intent, result.slots["date"]) == ("post_request", "2026-05-13")


def test_of_several_tasks_the_one_acted_on_is_the_task(understand):
    assert understand("两个单子 #51和#52 52号那个取消 51照常", SUNDAY_EVENING).slots == {"task_id": 52}
    assert understand("#30是打扫 #31是做饭 给31号打4分", SUNDAY_EVENING).slots == {"score": 4, "task_id": 31}
    assert understand("签个到 任务19 不是18", SUNDAY_EVENING).slots == {"task_id": 19}


def test_the_days_told_before_the_ask_are_not_its_day(understand):
    result = understand("周一周二都下雨 周三出太阳 周三上午找人陪我去公园走走", SUNDAY_EVENING)
    assert (result.slots["date"], result.slots["time"]) == ("2026-05-13", "09:00")


def test_a_choice_settled_with_na_jiu_is_the_day(understand):
    result = understand("周五理发的说没空 那就周六 上午十点 来理个发", SUNDAY_EVENING)
    assert result.slots["date"] == "2026-05-16"


def test_the_total_is_the_length(understand):
    assert understand("我和老伴都要剪 每人二十分钟 一共四十分钟 明天下午理发", SUNDAY_EVENING).slots["duration_min"] == 40


def test_not_yet_is_a_no_to_the_bot(understand):
    assert understand("先别发 我再看看", SUNDAY_EVENING).intent == "deny"
