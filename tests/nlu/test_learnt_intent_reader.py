"""The learnt second reader of intents: it places what the lexicon cannot.

nlu/intent_model.py scores a message with the weights `python -m nlu.train_intent_model` learnt from the
project's labelled sets; parser.py asks it only where the lexicon found no intent, or only a service
word, and takes its reading only when it is sure (docs/nlu.md, "Fifteenth round").
"""

from datetime import datetime

import pytest

import nlu
from nlu import cleanup, intent_model, parser
from nlu.ngram_features import fingerprint
from nlu.train_intent_model import examples, train, training_files

FRIDAY = datetime(2026, 12, 4, 10, 0)


def test_the_model_on_disk_was_learnt_from_the_data_as_it_is_now():
    # A set added or changed without `python -m nlu.train_intent_model` would leave the model behind.
    assert fingerprint(training_files()) == intent_model._model()["fingerprint"]


def test_scoring_without_scikit_learn_gives_what_scikit_learn_gives():
    pytest.importorskip("sklearn")
    fresh = train(training_files())
    texts, _ = examples(training_files())
    for text in texts[::53]:
        shipped, trained = intent_model.best(intent_model._model(), text), intent_model.best(fresh, text)
        assert shipped[0] == trained[0] and shipped[1] == pytest.approx(trained[1], abs=1e-3)


@pytest.mark.parametrize("text, intent", [
    ("今天菜市场人真多", "unknown"),            # a market named in passing asks for no errand
    ("我孙女今天结婚 请大家吃糖", "unknown"),
    ("理发 明天上午", "post_request"),          # a service and a day alone still ask for a visit
    ("明天下午 助浴", "post_request"),
])
def test_the_learnt_reader_places_what_the_lexicon_only_half_read(text, intent):
    assert nlu.parse(text, FRIDAY).intent == intent


def test_what_the_lexicon_reads_in_words_of_its_own_stands():
    assert nlu.parse("余额给我看看", FRIDAY).intent == "balance"
    assert nlu.parse("单子88 我去吧", FRIDAY).intent == "accept_task"


def test_an_answer_to_the_bots_question_is_left_to_the_question(monkeypatch):
    def asked(text):
        raise AssertionError(f"the learnt reader was asked about an answer: {text}")

    monkeypatch.setattr(intent_model, "guess", asked)
    parser.forget_readings()
    assert nlu.parse("今天菜市场人真多", FRIDAY, expecting="date").slots["date"] == "2026-12-04"
    parser.forget_readings()


def test_it_never_reads_danger_which_is_the_danger_readers_alone():
    assert "sos" in intent_model.NEVER_GUESSED
    # an ordinary remark is placed as nothing, surely (how surely moves as the model is retaught)
    intent, sure = intent_model.guess(cleanup.clean("今天菜市场人真多"))
    assert intent == "unknown" and sure >= intent_model.TAKES_AT


def test_a_reading_of_the_learnt_reader_says_so():
    # The conversation asks the FAQ first about such a message ("家里人能帮我办吗", docs/conversations.md).
    assert nlu.parse("今天菜市场人真多", FRIDAY).learnt
    assert not nlu.parse("余额给我看看", FRIDAY).learnt


@pytest.mark.parametrize("text", ["嗯嗯那个", "呃 就是", "那个那个 嗯"])
def test_nothing_but_fillers_is_for_no_reader_to_place(text):
    assert nlu.parse(text, FRIDAY).intent == "unknown"
