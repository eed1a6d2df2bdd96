"""Round nineteen: newcomers asking how the bank works, families acting from afar, volunteers naming their
tasks, and long stories that end in what they ask. None of these lines is in a data set."""

from datetime import datetime

from nlu import danger

THURSDAY_EVENING = datetime(2026, 10, 15, 19, 30)


def test_questions_about_the_banks_rules_are_about_it(understand):
    for text in ("志愿者上岗前要不要先去培训", "学完了给不给发个证书", "做陪诊得有什么资质",
                 "报名当义工要交押金吗", "你们收我手机号拿去做什么", "我在九江那边存的时间 回南昌认不认",
                 "我闺女给我洗衣服做饭 这种也算时间吗", "我外孙在杭州 他攒的时间可以给我用吗"):
        assert understand(text, THURSDAY_EVENING).intent == "about", text


def test_a_notice_about_training_is_still_a_notice(understand):
    result = understand("给志愿者发条通知 急救培训挪到礼拜六上午", THURSDAY_EVENING)
    assert (result.intent, result.slots["audience"]) == ("broadcast", "volunteer")


def test_where_to_tap_is_help(understand):
    for text in ("屏幕底下那几个按钮都是管什么的", "想发个求助的话在哪点"):
        assert understand(text, THURSDAY_EVENING).intent == "help", text


def test_spending_credits_at_a_shop_is_redeeming(understand):
    for text in ("时间币在哪几家店可以用", "时间币能不能去理发店抵钱"):
        assert understand(text, THURSDAY_EVENING).intent == "redeem", text


def test_a_volunteer_gives_back_a_task(understand):
    for text in ("取消接单 #72", "#72 我放弃了 实在排不开"):
        result = understand(text, THURSDAY_EVENING)
        assert (result.intent, result.slots["task_id"]) == ("cancel", 72), text


def test_task_numbers_said_as_a_volunteer_says_them(understand):
    assert understand("单子二十九 我到了", THURSDAY_EVENING).slots["task_id"] == 29
    assert understand("第31个 我来接", THURSDAY_EVENING).slots["task_id"] == 31


def test_a_family_member_looks_up_a_parents_orders(understand):
    for text in ("帮我查查我爸的那些订单", "我给我妈约的助浴定了没", "我给外婆约的打扫 接单的是谁"):
        assert understand(text, THURSDAY_EVENING).intent == "my_orders", text


def test_an_order_put_up_from_far_away_with_its_details_after_a_colon(understand):
    result = understand("我在上海 帮我妈下个单：修水龙头，礼拜六上午", THURSDAY_EVENING)
    assert (result.intent, result.slots["service"], result.slots["date"]) == (
        "post_request", "repair", "2026-10-17")


def test_the_record_of_a_transfer_made_is_history(understand):
    assert understand("昨天给我爸转了两个时间币 想查下转账记录", THURSDAY_EVENING).intent == "history"


def test_thanks_for_their_own_sake_are_no_command(understand):
    assert understand("上回那个姑娘帮我修好了灯 今天不办事 就是来说声谢谢", THURSDAY_EVENING).intent == "unknown"


def test_a_story_that_ends_by_cancelling_cancels(understand):
    text = "我是后天要人来帮我打扫的那个罗奶奶 我女儿放假回来了 她帮我搞 那个单子帮我取消一下"
    assert understand(text, THURSDAY_EVENING).intent == "cancel"


def test_a_service_waved_off_before_another_is_asked_for_is_a_request(understand):
    text = "我本来想约个理发的 算了头发我自己去剪 还是帮我约个人来打扫吧 礼拜六上午"
    result = understand(text, THURSDAY_EVENING)
    assert (result.intent, result.slots["service"]) == ("post_request", "cleaning")


def test_credits_given_to_a_spouse_who_needs_care_are_a_transfer(understand):
    text = "老伴刚出院要人照顾 他的时间币不够用 我把我的给他 转给老伴三个时间币"
    result = understand(text, THURSDAY_EVENING)
    assert (result.intent, result.slots["amount_min"]) == ("transfer", 180)


def test_decoy_numbers_are_no_day_and_no_task(understand):
    assert "date" not in understand("帮我爸修下马桶 地址是叠山路12号3栋", THURSDAY_EVENING).slots
    assert "task_id" not in understand("我妈那个陪诊的预约取消掉 她今年82 最近腿疼", THURSDAY_EVENING).slots


def test_how_often_is_no_weekday(understand):
    result = understand("每周一次陪我爸下棋 先约礼拜六下午 两个小时", THURSDAY_EVENING)
    assert result.slots["date"] == "2026-10-17"


def test_a_ride_to_the_hospital_is_not_the_visits_length(understand):
    result = understand("我住得远 去医院要坐两个小时的车 下礼拜二想找人陪我去复查", THURSDAY_EVENING)
    assert "duration_min" not in result.slots


def test_shopping_on_the_phone_taught_is_digital_help(understand):
    assert understand("想找个人教我用手机上买东西 明天下午", THURSDAY_EVENING).slots["service"] == "digital_help"


def test_also_can_is_no_verdict(understand):
    assert understand("听说志愿者会上门帮忙包饺子 还可以陪着一起吃 我想约明天中午", THURSDAY_EVENING).intent == (
        "post_request")


def test_a_score_given_after_a_memory(understand):
    assert understand("#88 陪我聊我以前下乡的事 听得很认真 给5星", THURSDAY_EVENING).slots["score"] == 5


def test_a_retired_person_joining_to_help_is_a_volunteer(understand):
    assert understand("退休在家闲着 想加入你们做志愿服务", THURSDAY_EVENING).slots["role"] == "volunteer"


def test_dialect_and_misheard_cries_are_read():
    assert danger.read("我跶了一跤 起不赖了").level == danger.ALARM
    assert danger.read("快打妖二零").level == danger.ALARM


def test_over_and_dressed_and_cleared_are_no_emergency():
    assert danger.read("上礼拜血糖一下子高了 头晕得厉害 打了针现在降下来了").level == danger.NONE
    assert danger.read("切菜划了个口子 已经包好了 不碍事").level == danger.NONE
    assert danger.read("炒辣椒呛得满屋子烟 开了窗一会儿就散了").level == danger.NONE
