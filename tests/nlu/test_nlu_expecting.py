"""Reading an answer in the light of what the bot just asked."""

import pytest

import nlu


def test_expecting_values_are_documented():
    assert nlu.EXPECTING == (
        "service", "date", "time", "datetime", "duration", "amount",
        "choice", "yes_no", "phone", "number", "year", "text",
    )


def test_an_unknown_expecting_value_is_refused(understand):
    with pytest.raises(ValueError):
        understand("明天", expecting="weather")


ANSWERS = [
    ("date", "明天", {"date": "2026-03-12"}),
    ("date", "15", {"date": "2026-03-15"}),
    ("date", "10号", {"date": "2026-04-10"}),
    ("date", "下周二下午", {"date": "2026-03-17", "time": "14:00"}),
    ("time", "三点", {"time": "15:00"}),
    ("time", "3", {"time": "15:00"}),
    ("time", "上午", {"time": "09:00"}),
    ("time", "十点半", {"time": "10:30"}),
    ("datetime", "明天下午三点", {"date": "2026-03-12", "time": "15:00"}),
    ("datetime", "3", {"time": "15:00"}),
    ("duration", "两个小时", {"duration_min": 120}),
    ("duration", "2", {"duration_min": 120}),
    ("duration", "40", {"duration_min": 40}),
    ("amount", "2个时间币", {"amount_min": 120}),
    ("amount", "3", {"amount_min": 180}),
    ("amount", "半小时", {"amount_min": 30}),
    ("choice", "2", {"choice": 2}),
    ("choice", "二", {"choice": 2}),
    ("choice", "第二个", {"choice": 2}),
    ("choice", "选3", {"choice": 3}),
    ("choice", "第1个吧", {"choice": 1}),
    ("phone", "138 1234 5678", {"phone": "13812345678"}),
    ("phone", "我的电话是139-0000-1111", {"phone": "13900001111"}),
    ("phone", "+86 13712345678", {"phone": "13712345678"}),
    ("phone", "幺三八一二三四五六七八", {"phone": "13812345678"}),
    ("number", "75", {"number": 75}),
    ("number", "我今年七十五岁", {"number": 75}),
    ("number", "三个", {"number": 3}),
    ("service", "买菜", {"service": "shopping"}),
    ("service", "帮我买菜", {"service": "shopping"}),
    ("service", "理发吧", {"service": "haircut"}),
    ("text", "钥匙在门口地垫下面", {"text": "钥匙在门口地垫下面"}),
]


@pytest.mark.parametrize("expecting, text, slots", ANSWERS)
def test_a_bare_answer_fills_the_slot_with_no_intent_of_its_own(understand, expecting, text, slots):
    result = understand(text, expecting=expecting)
    assert (result.intent, result.slots) == ("unknown", slots)
    assert result.confidence >= 0.8


@pytest.mark.parametrize("text, intent", [
    ("好", "affirm"), ("行", "affirm"), ("可以", "affirm"), ("嗯", "affirm"), ("要", "affirm"),
    ("好的好的", "affirm"), ("不", "deny"), ("不行", "deny"), ("不用", "deny"),
    ("不需要", "deny"), ("不需要了", "deny"), ("没有", "deny"),
])
def test_yes_and_no(understand, text, intent):
    assert understand(text, expecting="yes_no").intent == intent


@pytest.mark.parametrize("expecting, text, intent", [
    ("date", "我要查余额", "balance"),
    ("time", "救命", "sos"),
    ("yes_no", "取消", "cancel"),
    ("choice", "我要取消", "cancel"),
    ("text", "我要查余额", "balance"),
    ("service", "余额", "balance"),
])
def test_a_clear_new_intent_is_kept_while_an_answer_is_expected(understand, expecting, text, intent):
    assert understand(text, expecting=expecting).intent == intent


def test_a_full_request_answering_a_date_question_keeps_its_slots(understand):
    result = understand("明天下午三点想找人陪我去医院", expecting="date")
    assert result.intent == "post_request"
    assert result.slots == {"service": "medical_escort", "date": "2026-03-12", "time": "15:00"}


def test_free_text_keeps_a_request_like_note_as_text(understand):
    result = understand("帮我多买两斤鸡蛋", expecting="text")
    assert (result.intent, result.slots) == ("unknown", {"text": "帮我多买两斤鸡蛋"})


def test_nothing_to_read_falls_back_to_the_plain_parse(understand):
    assert understand("你好", expecting="phone").intent == "help"
    assert understand("12345", expecting="phone").slots == {}


@pytest.mark.parametrize("expecting, text, slots", [
    ("date", "明天下午，两个小时", {"date": "2026-03-12", "time": "14:00", "duration_min": 120}),
    ("time", "下午三点 一个半小时", {"time": "15:00", "duration_min": 90}),
    ("service", "买菜 后天上午", {"service": "shopping", "date": "2026-03-13", "time": "09:00"}),
    ("duration", "3", {"duration_min": 180}),  # a bare number answers only the question asked
])
def test_an_answer_that_says_more_than_was_asked_fills_every_slot_it_states(understand, expecting, text, slots):
    assert understand(text, expecting=expecting).slots == slots
