"""The learnt second reader of danger: it has the last word on what the tables read.

nlu/danger_model.py scores a message with the weights that `python -m nlu.train_danger_model` learnt
from the project's labelled sets; these stories hold it to what docs/nlu.md ("Twelfth round") says.
"""

import pytest

import nlu
from nlu import cleanup, danger_model
from nlu.danger import LEARNT, OVERRULED
from nlu.train_danger_model import examples, train, training_files


def test_the_model_on_disk_was_learnt_from_the_data_as_it_is_now():
    # A set added or changed without `python -m nlu.train_danger_model` would leave the model behind.
    assert danger_model.fingerprint(training_files()) == danger_model._model()["fingerprint"]


def test_scoring_without_scikit_learn_gives_what_scikit_learn_gives():
    pytest.importorskip("sklearn")
    fresh = train(training_files())
    texts, _ = examples(training_files())
    for text in texts[::97]:
        assert danger_model.probability(text) == pytest.approx(danger_model.score(fresh, text), abs=1e-3)


@pytest.mark.parametrize("text", [
    "我妈坐在沙发上 眼神发直 跟她说话她只会啊啊",   # no word of the tables, the learnt reader asks
    "我爸手脚冰凉 嘴唇发乌 喊他只是哼",
    "孩子他爷爷呕了一地 脸色灰白 眼睛也睁不开",  # (round eleven's tables read "叫他不太理人")
])
def test_a_danger_in_words_the_tables_do_not_know_is_asked_about(text):
    danger = nlu.danger_of(text)
    assert (danger.level, danger.cues) == (nlu.DOUBT, (LEARNT,))


@pytest.mark.parametrize("text", [
    "不",                   # a word or two is too little to go on
    "不不不",
    "helper wanted",
    "电视里一个老人眼神发直 跟她说话她只会啊啊",
    "如果半夜胸口疼得厉害 喘不上气 是先打120还是找你们",  # a question about a time to come is not raised
])
def test_the_learnt_reader_leaves_these_alone(text):
    assert nlu.danger_of(text).level == nlu.NONE


@pytest.mark.parametrize(("text", "level"), [
    ("我家老头子睡觉叫不醒 昨晚打了一宿麻将", nlu.NONE),  # the tables' alarm, which the model is sure is none
    ("煤气泄漏了怎么办", nlu.DOUBT),                     # an alarm it doubts is asked about, not alerted on
    ("小孙女被蚊子咬了好几个包 痒得直哭", nlu.NONE),       # the tables' doubt, dropped
])
def test_the_learnt_reader_overrules_the_tables_it_is_sure_of(text, level):
    danger = nlu.danger_of(text)
    assert (danger.level, danger.cues[-1]) == (level, OVERRULED)


@pytest.mark.parametrize(("text", "level"), [
    ("摔倒了 起不来 想找人扶我", nlu.ALARM),      # the model dislikes 想找人; the fall is said plainly
    ("摔了一跤 我的时间币还有多少", nlu.DOUBT),
    ("消防演习的时候 有人晕倒了", nlu.ALARM),     # a real faint at a drill
])
def test_a_danger_said_plainly_is_never_overruled(text, level):
    assert nlu.danger_of(text).level == level


def test_an_answer_to_the_bot_is_read_by_the_tables_alone():
    from datetime import datetime

    now = datetime(2026, 11, 28, 10, 0)
    said = "我爸手脚冰凉 嘴唇发乌 喊他只是哼"
    assert nlu.parse(said, now).intent == "sos"
    assert nlu.parse("钥匙在门口地垫下面", now, expecting="text").intent != "sos"
    assert danger_model.probability(cleanup.clean(said)) >= 0.7
