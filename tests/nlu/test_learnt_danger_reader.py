"""The learnt second reader of danger: it asks where the tables have no words, and only there.

nlu/danger_model.py scores a message with the weights that `python -m nlu.train_danger_model` learnt
from the project's labelled sets; these stories hold it to what docs/nlu.md ("Seventh round") says.
"""

import pytest

import nlu
from nlu import cleanup, danger_model
from nlu.danger import LEARNT
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
    "去年我妈坐在沙发上 眼神发直 跟她说话她只会啊啊",  # the tables read another time: their reading stands
    "电视里一个老人眼神发直 跟她说话她只会啊啊",
])
def test_the_learnt_reader_is_not_asked_where_the_tables_have_read_the_message(text):
    assert nlu.danger_of(text).level == nlu.NONE


def test_an_answer_to_the_bot_is_read_by_the_tables_alone():
    from datetime import datetime

    now = datetime(2026, 11, 28, 10, 0)
    said = "我爸手脚冰凉 嘴唇发乌 喊他只是哼"
    assert nlu.parse(said, now).intent == "sos"
    assert nlu.parse("钥匙在门口地垫下面", now, expecting="text").intent != "sos"
    assert danger_model.probability(cleanup.clean(said)) >= 0.7
