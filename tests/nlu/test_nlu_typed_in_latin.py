"""Messages typed in pinyin or with the time bank's words in English, as grandchildren and voice keyboards
send them: read as the same message in characters; English sentences stay English. None of these lines is
in a data set."""

import re
from datetime import datetime

import pytest

from nlu import cleanup, danger, danger_words, english, lexicon, romanised
from nlu.build_pinyin_table import TABLE_PATH, build

FRIDAY_MORNING = datetime(2026, 6, 12, 8, 30)


def test_the_shipped_pinyin_table_is_what_the_word_tables_give():
    # A word added to lexicon.py or danger_words.py without `python -m nlu.build_pinyin_table` would be
    # unknown in pinyin.
    pytest.importorskip("pypinyin")
    import json
    assert json.loads(TABLE_PATH.read_text(encoding="utf-8")) == build()


@pytest.mark.parametrize("typed, meant", [
    ("wo ye ye shuai dao le", "我爷爷摔倒了"),
    ("woyeyeshuaidaole", "我爷爷摔倒了"),
    ("wǒ nǎinai hūn dǎo le", "我奶奶昏倒了"),
    ("jiu jiu wo", "救救我"),
    ("wo de ding dan", "我的订单"),
])
def test_pinyin_is_read_in_characters(typed, meant):
    assert romanised.in_characters(typed) == meant


@pytest.mark.parametrize("english_sentence", [
    "i'd like to book someone for her",
    "she is at home alone",
    "a man came to fix the tap",
    "change the bang",
])
def test_an_english_sentence_is_left_as_it_was_typed(english_sentence):
    assert romanised.in_characters(english_sentence) == english_sentence


def test_a_word_begun_in_characters_and_finished_in_pinyin_is_one_word():
    assert romanised.in_characters("想找人来做fan") == "想找人来做饭"


def test_an_elder_fallen_in_pinyin_alarms(understand):
    assert danger.read("laoban shuai dao le qi bu lai").level == danger.ALARM
    assert understand("wo tou yun xiang tu, chuan bu shang qi").intent == "sos"


def test_thanks_in_pinyin_for_a_past_rescue_is_no_alarm():
    assert danger.read("xie xie ni men shang ci jiao jiu hu che").level == danger.NONE


@pytest.mark.parametrize("text, intent", [
    ("cha yu e", "balance"),
    ("wo yao zhu ce", "register"),
    ("qu xiao wo de ding dan", "cancel"),
])
def test_requests_in_pinyin_are_read_as_their_characters(understand, text, intent):
    assert understand(text, FRIDAY_MORNING).intent == intent


def test_a_booking_with_english_words_and_a_clock_in_english(understand):
    result = understand("pls 帮外公约个 haircut tmrw 4pm", FRIDAY_MORNING)
    assert (result.intent, result.slots) == (
        "post_request", {"service": "haircut", "date": "2026-06-13", "time": "16:00"})


def test_a_length_in_english_with_a_space_before_its_unit(understand):
    result = understand("明天上午 陪我妈去医院 about 3 hrs", FRIDAY_MORNING)
    assert result.slots["duration_min"] == 180


def test_a_task_number_read_out_digit_by_digit(understand):
    result = understand("任务 2 0 7 我来接", FRIDAY_MORNING)
    assert (result.intent, result.slots) == ("accept_task", {"task_id": 207})


def test_no_english_word_put_in_chinese_is_one_the_emergency_reader_reads_as_english():
    phrases = [phrase for table in danger_words.DANGER_CUES.values() for phrase in table]
    phrases += [phrase for table in danger_words.CLAUSE_DEFUSERS.values() for phrase in table]
    phrases += [phrase for table in danger_words.MESSAGE_DEFUSERS.values() for phrase in table]
    phrases += [phrase for says, _ in danger_words.EXPLAINED_AWAY for phrase in says]
    english_phrases = [phrase for phrase in phrases if re.search("[a-z]", phrase)]
    for word in lexicon.ENGLISH_WORDS:
        whole_word = re.compile(r"(?<![a-z])%s(?![a-z])" % re.escape(word))
        assert not any(whole_word.search(phrase) for phrase in english_phrases), word


def test_english_clock_times_keep_their_half_of_the_day():
    assert english.in_chinese("9am") .strip() == "上午9点"
    assert english.in_chinese("12pm").strip() == "中午12点"
    assert english.in_chinese("7:30 pm").strip() == "下午7点30分"


def test_clean_up_reads_pinyin_before_homophone_slips():
    assert cleanup.clean("chaxun yu'e") != "chaxun yu'e"


def test_help_with_the_time_banks_business_in_english_is_no_cry():
    assert danger.read("help me cancel 明天那个单").level == danger.NONE
    assert danger.read("help 我奶奶摔倒了").level == danger.ALARM
