"""Round twenty: the bank's words as a voice message mishears them, volunteers handing tasks back, families
moving credits from afar, and emergencies called off or only rumoured. None of these lines is in a data set."""

from datetime import datetime

from nlu import danger

SATURDAY_MORNING = datetime(2026, 11, 14, 9, 15)


def test_the_banks_own_words_misheard_by_voice_input(understand):
    assert understand("石涧银行 我想报名当个智愿者", SATURDAY_MORNING).slots["role"] == "volunteer"
    assert understand("千退 单号33", SATURDAY_MORNING).intent == "check_out"
    assert understand("帮我看看时间币明西", SATURDAY_MORNING).intent == "history"


def test_calling_the_bank_by_name_is_no_question_about_it(understand):
    result = understand("喂 时间银行 我要约个人 下午三点钟 陪我到公园走走", SATURDAY_MORNING)
    assert (result.intent, result.slots["service"]) == ("post_request", "companionship")


def test_a_volunteer_hands_a_task_back(understand):
    for text in ("单子58还给你们 我孙子发烧了走不开", "我报的那个41号任务 麻烦给我退了"):
        assert understand(text, SATURDAY_MORNING).intent == "cancel", text


def test_a_volunteer_offers_for_a_numbered_task(understand):
    result = understand("群里那个买菜的 任务76 我能去", SATURDAY_MORNING)
    assert (result.intent, result.slots["task_id"]) == ("accept_task", 76)


def test_a_task_still_held_is_looked_up(understand):
    assert understand("61号那个单现在还在我名下不", SATURDAY_MORNING).intent == "my_orders"


def test_a_service_called_off_because_family_will_do_it(understand):
    for text in ("下礼拜的理发不用约了 我儿子回来带他去", "明天的陪诊不用约了 我闺女回来陪我去"):
        assert understand(text, SATURDAY_MORNING).intent == "cancel", text


def test_credits_moved_from_afar(understand):
    for text in ("从我这边划两个小时给我婆婆", "我攒的时间 转给我舅舅吧 他腿脚不好"):
        assert understand(text, SATURDAY_MORNING).intent == "transfer", text


def test_who_sent_me_credits_is_my_history(understand):
    assert understand("前几天是哪个给我转的时间啊", SATURDAY_MORNING).intent == "history"


def test_the_balance_asked_of_the_bank_by_name(understand):
    assert understand("我在时间银行里 还剩几个钟头", SATURDAY_MORNING).intent == "balance"


def test_saved_time_spent_on_goods_is_redeeming_but_help_for_later_is_a_rule(understand):
    assert understand("攒的时间能换袋大米不", SATURDAY_MORNING).intent == "redeem"
    assert understand("我现在多做点 老了能拿存的时间换人照顾我吗", SATURDAY_MORNING).intent == "about"


def test_a_description_of_someone_is_the_story_not_the_ask(understand):
    result = understand("我妈晚饭老是凑合 想请人去给她烧顿饭 礼拜一傍晚", SATURDAY_MORNING)
    assert (result.intent, result.slots["service"]) == ("post_request", "meal")
    assert understand("孙子帮我关注了这个号 你教一下我", SATURDAY_MORNING).intent == "help"
    assert understand("我是老人 儿子在深圳 他让我自己在这注册", SATURDAY_MORNING).slots["role"] == "elder"


def test_chores_named_by_what_is_wrong(understand):
    cases = {"卫生间水箱老是流水 关不住 找个师傅看看": "repair", "阳台那块玻璃裂了 想找人换块玻璃": "repair",
             "帮她取下快递 驿站在小区门口": "errand", "我爸要做肠镜 想找个人陪": "medical_escort"}
    for text, service in cases.items():
        assert understand(text, SATURDAY_MORNING).slots.get("service") == service, text


def test_an_ambulance_called_off_or_a_rumour_is_no_emergency():
    for text in ("不用叫救护车了 她缓过来了", "群里说桥下有老人落水 后来讲是假消息",
                 "打120要钱不", "冒事了 煤气关了 冒味道了"):
        assert danger.read(text).level == danger.NONE, text


def test_trapped_in_the_lift_is_an_emergency():
    for text in ("困电梯里了", "我妈困电梯 按铃没人应"):
        assert danger.read(text).level != danger.NONE, text


def test_a_visit_given_up_at_an_empty_house_is_no_alarm(understand):
    result = understand("#52 敲了半天门没人开 她电话也打不通 这单我取消了", SATURDAY_MORNING)
    assert result.intent == "cancel"
