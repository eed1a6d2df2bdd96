"""Whose act a message tells: the writer's own plans, what someone else did, what the writer will not do.
None of these lines is in a data set."""

from datetime import datetime

SATURDAY = datetime(2026, 11, 28, 10, 0)


def test_a_hospital_visit_the_daughter_handles_is_not_the_request(understand):
    result = understand("我周四要去医院复查 我女儿会陪我 你们帮我在周三上午找个人来打扫下卫生就行", SATURDAY)
    assert result.intent == "post_request"
    assert result.slots == {"service": "cleaning", "date": "2026-12-02", "time": "09:00"}


def test_tomorrows_own_trip_gives_way_to_tonights_lesson(understand):
    result = understand("明天早上七点半我要去医院 要扫健康码 我不会弄 今天晚上能不能来个人教我一下", SATURDAY)
    assert result.slots == {"service": "digital_help", "date": "2026-11-28", "time": "19:00"}


def test_a_trip_the_writer_cannot_make_alone_is_what_they_ask_for(understand):
    result = understand("明天我要去医院复查 一个人去不了 想找人陪", SATURDAY)
    assert result.slots == {"service": "medical_escort", "date": "2026-11-29"}


def test_a_mothers_checkup_is_the_request_not_a_plan(understand):
    result = understand("我妈后天要去复查 想找人陪她", SATURDAY)
    assert result.slots == {"service": "medical_escort", "date": "2026-11-30"}


def test_what_a_friend_donated_is_news_and_the_balance_is_asked(understand):
    assert understand("老李说他把时间币都捐给公益池了 我不捐 我就想看看自己攒了多少").intent == "balance"


def test_what_the_writer_will_not_do_casts_no_vote(understand):
    assert understand("我不捐 查下余额").intent == "balance"
    assert understand("不想转 就问问还剩多少").intent == "balance"


def test_someone_elses_wish_is_the_reason_for_a_transfer(understand):
    result = understand("她要请人洗澡 转给我外婆四个时间币")
    assert result.intent == "transfer"
    assert result.slots["amount_min"] == 240


def test_money_given_to_a_school_is_not_credits_to_the_pool(understand):
    assert understand("老陈给山区小学捐了一千块").intent == "unknown"


def test_prices_going_up_is_a_complaint(understand):
    assert understand("物业费又涨了 真闹心").intent == "unknown"


def test_a_forwarded_article_is_no_transfer(understand):
    assert understand("孙女转发给我一篇文章 说时间银行挺好").intent != "transfer"


def test_a_bare_no_between_two_days_corrects_the_day(understand):
    result = understand("周三 哦不 周四 上午来帮我打扫", SATURDAY)
    assert result.slots["date"] == "2026-12-03"


def test_cantonese_how_to_use_asks_for_help(understand):
    assert understand("你哋点样用").intent == "help"


def test_a_northern_volunteer_leaving_a_tidy_home_checks_out(understand):
    result = understand("活儿拾掇利索了 俺走了 单号23")
    assert (result.intent, result.slots) == ("check_out", {"task_id": 23})


def test_the_service_the_writer_refuses_is_not_the_one_asked_for(understand):
    assert understand("我不要买菜 我要人来帮我打扫 明天").slots["service"] == "cleaning"


def test_a_day_put_aside_gives_way_to_the_day_asked_for(understand):
    result = understand("今天不用了 明天早上八点再来帮我买菜", SATURDAY)
    assert result.slots == {"service": "shopping", "date": "2026-11-29", "time": "08:00"}


def test_a_hospital_stay_put_off_is_not_the_request(understand):
    result = understand("我下礼拜一要去住院 出院以后再说 这个礼拜五先帮我把屋子收拾一下 三个小时", SATURDAY)
    assert result.slots == {"service": "cleaning", "date": "2026-12-04", "duration_min": 180}


def test_a_walk_already_taken_is_not_the_service_asked_for(understand):
    result = understand("今儿个天儿真好 出去溜达了一圈 回来才想起来家里没米了 下晌四点能找人帮俺去超市扛袋米不")
    assert result.slots["service"] == "shopping"


def test_a_caller_making_sure_of_the_number_still_books(understand):
    assert understand("喂 是时间银行吗 我是刘婆婆 我想订个送餐 明天中午十二点").intent == "post_request"


def test_volunteers_offering_their_trade_ask_for_tasks(understand):
    assert understand("附近哪家老人要修水管 我以前是水电工").intent == "list_tasks"


def test_a_volunteer_giving_back_a_task_cancels_it(understand):
    result = understand("第四十号单子俺不接了 对不住啊")
    assert (result.intent, result.slots) == ("cancel", {"task_id": 40})


def test_a_northern_volunteer_takes_a_task_with_bao(understand):
    assert understand("第十二号俺包了").intent == "accept_task"


def test_what_was_saved_up_is_the_balance_but_in_and_out_is_the_history(understand):
    assert understand("干了大半年义工 到底攒下多少小时了").intent == "balance"
    assert understand("这个月挣了几个币 花了几个 都给我看看").intent == "history"


def test_a_change_of_mind_about_the_hour_is_the_hour(understand):
    result = understand("明儿头晌九点帮俺去超市买点东西 哎 改十点吧 九点俺得吃药", SATURDAY)
    assert result.slots["time"] == "10:00"


def test_the_writer_who_never_said_cancel_denies(understand):
    assert understand("不对不对 我没说要取消").intent == "deny"


def test_not_transferring_but_donating_donates(understand):
    result = understand("不转给我儿子了 直接捐给公益池吧 三个币")
    assert (result.intent, result.slots.get("amount_min")) == ("donate", 180)


def test_a_notice_opening_the_message_is_a_broadcast_whatever_it_says(understand):
    assert understand("发个通知 后天的理发活动取消了").intent == "broadcast"


def test_who_sent_the_credits_is_the_history(understand):
    assert understand("上礼拜那两个币是哪个转给我的").intent == "history"


def test_a_day_refused_gives_way_to_the_day_asked(understand):
    result = understand("帮我妈约个上门理发 她说不要周三 周四上午吧", SATURDAY)
    assert result.slots["date"] == "2026-12-03"


def test_money_on_a_pension_card_is_not_the_balance(understand):
    assert understand("帮我看看养老金卡里还剩多少钱").intent == "unknown"


def test_a_chore_done_by_the_family_asks_nothing(understand):
    assert understand("孙子今天给我打扫了一遍 干干净净").intent == "unknown"
