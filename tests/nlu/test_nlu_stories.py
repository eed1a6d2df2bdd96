"""What elders, families, volunteers and staff say, and what the bot hears.
None of these lines is in the dev set."""

from datetime import datetime


def test_an_elder_who_no_longer_needs_shopping_is_cancelling(understand):
    assert understand("不需要买菜了").intent == "cancel"


def test_an_elder_whose_son_came_home_cancels_the_cooking(understand):
    assert understand("家里来人了 不用帮我做饭了").intent == "cancel"


def test_an_elder_who_will_not_go_to_hospital_tomorrow_cancels(understand):
    result = understand("明天不去医院了")
    assert result.intent == "cancel"
    assert result.slots["date"] == "2026-03-12"


def test_a_volunteer_who_cannot_make_it_cancels_the_task(understand):
    assert understand("任务30我去不成了").slots == {"task_id": 30}
    assert understand("任务30我去不成了").intent == "cancel"


def test_praise_for_last_haircut_is_a_rating(understand):
    result = understand("上次理发的小王很好")
    assert result.intent == "rate"


def test_asking_what_a_time_bank_is_is_about(understand):
    assert understand("什么是时间银行").intent == "about"


def test_asking_whether_credits_can_go_to_children_is_about(understand):
    assert understand("请问时间币可以给子女用吗").intent == "about"


def test_giving_up_is_a_denial_but_not_needing_any_more_is_a_cancel(understand):
    assert understand("算了").intent == "deny"
    assert understand("不用了").intent == "deny"
    assert understand("不需要了").intent == "cancel"


def test_a_voice_message_full_of_fillers_still_books_cleaning(understand):
    result = understand("嗯那个那个我想就是明天下午啊找个人来帮我打扫打扫卫生")
    assert result.intent == "post_request"
    assert result.slots == {"service": "cleaning", "date": "2026-03-12", "time": "14:00"}


def test_a_daughter_books_an_escort_for_her_mother_in_traditional_characters(understand):
    result = understand("幫我媽預約陪診 後天上午九點")
    assert result.intent == "post_request"
    assert result.slots == {"service": "medical_escort", "date": "2026-03-13", "time": "09:00"}


def test_full_width_digits_and_emoji_do_not_get_in_the_way(understand):
    result = understand("週六上午１０點 打掃衛生 ２個小時🧹🧹")
    assert result.slots == {"service": "cleaning", "date": "2026-03-14", "time": "10:00", "duration_min": 120}


def test_a_misheard_volunteer_word_still_registers_a_volunteer(understand):
    result = understand("我想报名做志原者")
    assert (result.intent, result.slots) == ("register", {"role": "volunteer"})


def test_a_son_registering_his_father_is_family(understand):
    result = understand("我是他儿子 替我爸注册一下")
    assert (result.intent, result.slots) == ("register", {"role": "family"})


def test_a_retired_elder_joining_is_an_elder(understand):
    assert understand("我是退休老人 想加入你们").slots == {"role": "elder"}


def test_a_bare_service_and_a_day_is_a_request(understand):
    result = understand("后天理发")
    assert (result.intent, result.slots) == ("post_request", {"service": "haircut", "date": "2026-03-13"})


def test_fetching_medicine_from_the_hospital_is_an_errand_not_an_escort(understand):
    assert understand("帮我去医院取个药 明天上午").slots["service"] == "errand"


def test_learning_to_book_a_doctor_on_the_phone_is_digital_help(understand):
    assert understand("想找个人教我用手机挂号").slots == {"service": "digital_help"}


def test_a_volunteer_looking_for_haircut_work_lists_tasks(understand):
    result = understand("我会理发 有需要理发的吗")
    assert (result.intent, result.slots) == ("list_tasks", {"service": "haircut"})


def test_a_volunteer_taking_task_five(understand):
    result = understand("5号单我去")
    assert (result.intent, result.slots) == ("accept_task", {"task_id": 5})


def test_a_volunteer_at_the_door_checks_in(understand):
    assert understand("我到楼下了").intent == "check_in"


def test_a_volunteer_done_with_the_cleaning_checks_out(understand):
    result = understand("打扫完了 签退 #40")
    assert (result.intent, result.slots) == ("check_out", {"task_id": 40})


def test_an_elder_confirming_the_repair_is_done(understand):
    assert understand("志愿者已经帮我修好了 谢谢").intent == "confirm_done"


def test_asking_whether_anyone_took_the_request_is_my_orders(understand):
    assert understand("我发的需求有人接没").intent == "my_orders"


def test_asking_how_many_hours_are_left_is_balance(understand):
    assert understand("我还有多少小时").intent == "balance"


def test_a_statement_of_earnings_is_history(understand):
    assert understand("时间币收入支出").intent == "history"


def test_giving_two_credits_to_grandma(understand):
    result = understand("给我外婆转两个时间币")
    assert result.intent == "transfer"
    assert result.slots["amount_min"] == 120
    assert result.slots["recipient"] == "我外婆"


def test_a_gift_to_the_neighbour_names_her_as_recipient(understand):
    result = understand("我想给隔壁李奶奶送两个时间币")
    assert result.intent == "transfer"
    assert result.slots == {"amount_min": 120, "recipient": "隔壁李奶奶"}


def test_donating_half_an_hour(understand):
    assert understand("把一个半小时捐给社区").slots == {"amount_min": 90}


def test_swapping_credits_for_oil_is_redeem(understand):
    assert understand("拿10个时间币换一桶油").intent == "redeem"


def test_changing_a_light_bulb_is_a_repair_not_a_redeem(understand):
    result = understand("帮我换个灯泡")
    assert (result.intent, result.slots) == ("post_request", {"service": "repair"})


def test_a_fall_is_an_emergency_even_with_a_request_word(understand):
    assert understand("我妈在卫生间摔倒了起不来 快来人帮忙").intent == "sos"


def test_a_dizzy_elder_who_cannot_stand_is_an_emergency(understand):
    assert understand("我头晕得厉害 站不起来了").intent == "sos"


def test_asking_to_stop_messages_is_unsubscribe_not_cancel(understand):
    assert understand("取消推送").intent == "unsubscribe"
    assert understand("别再给我发消息了").intent == "unsubscribe"


def test_asking_for_news_again_is_subscribe(understand):
    assert understand("重新接收推送").intent == "subscribe"


def test_staff_broadcast_to_elders_keeps_the_content_out_of_the_vote(understand):
    result = understand("给老年人群发：下周三社区免费理发，欢迎报名")
    assert result.intent == "broadcast"
    assert result.slots["audience"] == "elder"
    assert result.slots["content"] == "下周三社区免费理发，欢迎报名"


def test_a_broadcast_to_everyone(understand):
    assert understand("群发给所有人：重阳节活动报名开始了").slots["audience"] == "all"


def test_small_talk_is_unknown(understand):
    for text in ("今天天气真好", "你是机器人吗", "孙子放假回来了", "我饿了", "哈哈哈😂"):
        assert understand(text).intent == "unknown", text


def test_a_yes_inside_a_question_is_not_an_answer(understand):
    assert understand("你是机器人吗").intent == "unknown"
    assert understand("时间银行是不是骗人的").intent == "about"


def test_a_tz_aware_now_is_read_in_shanghai_time(understand):
    from datetime import timezone
    late_evening_utc = datetime(2026, 3, 10, 20, 0, tzinfo=timezone.utc)  # 04:00 on the 11th in Shanghai
    assert understand("明天买菜", now=late_evening_utc).slots["date"] == "2026-03-12"


def test_confidence_is_high_for_a_clear_command_and_low_for_small_talk(understand):
    assert understand("签到").confidence > 0.8
    assert understand("今天天气真好").confidence < 0.6
    assert 0.0 <= understand("理发").confidence <= 1.0
