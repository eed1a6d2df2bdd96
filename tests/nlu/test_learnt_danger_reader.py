"""The learnt second reader of danger: it has the last word on what the tables read.

nlu/danger_model.py scores a message with the weights that `python -m nlu.train_danger_model` learnt
from the project's labelled sets; these stories hold it to what docs/nlu.md ("Twelfth round",
"Thirteenth round") says.
"""

import pytest

import nlu
from nlu import cleanup, danger, danger_model
from nlu import danger_words as words
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


@pytest.mark.parametrize("text", [
    "我妈一有点事就喊救命 刚又喊了 过去一看是眼镜找不到了",  # the message explains its own cry
    "help me set up 微信 please",                           # help with a task
    "Not an emergency, my watch keeps buzzing for no reason. Is something wrong with it?",  # said outright
    "昨晚做梦梦到老伴倒在厨房地上 半天叫不应 吓得我一身汗",  # round fourteen: told as a dream, a novel, a film
    "那本书里的老爷爷一个人在家晕过去了 好可怜",
])
def test_the_learnt_reader_does_not_raise_what_the_message_itself_settles(text):
    assert danger.read(text, learnt=False).level == nlu.NONE
    assert nlu.danger_of(text).level == nlu.NONE


@pytest.mark.parametrize("text", [
    "我到了 在门口了",     # round fourteen: a volunteer's arrival, six to eight units, is too little to go on
    "钥匙放门垫底下了",
    "油打折 快去买",
])
def test_a_short_ordinary_message_is_not_raised_by_the_learnt_reader(text):
    assert nlu.danger_of(text).level == nlu.NONE


def test_a_grave_danger_said_plainly_and_then_said_to_be_over_is_the_models_to_weigh():
    text = "喘不上气了 喷了两下药 现在好了 下午想去社区医院看看"
    assert danger.read(text, learnt=False).level == nlu.DOUBT
    assert nlu.danger_of(text).cues[-1] == OVERRULED


def test_a_lesser_danger_said_to_be_over_is_let_go_by_the_tables():
    # round seventeen: "噎着了 喝口水就好了"; only a sign as grave as a breath that will not come still asks
    for text in ("哮喘犯了 喷了两下药 现在好了 下午想去社区医院看看", "噎着了 喝口水就好了"):
        assert danger.read(text, learnt=False).level == nlu.NONE


@pytest.mark.parametrize(("text", "level"), [
    ("气死我了！楼上装修吵了一个月 我头都要炸了 你们管不管", nlu.NONE),  # the tables' alarm, which the model is sure is none
    ("小孙女被蚊子咬了好几个包 痒得直哭", nlu.NONE),       # the tables' doubt, dropped
])
def test_the_learnt_reader_overrules_the_tables_it_is_sure_of(text, level):
    danger = nlu.danger_of(text)
    assert (danger.level, danger.cues[-1]) == (level, OVERRULED)


@pytest.mark.parametrize("text", [
    "煤气泄漏了怎么办", "我起不来那么早 改个时间吧", "这个电线会不会电到人", "叫救护车从昌北过来要好久啊 一般几分钟",
])
def test_an_alarm_of_the_tables_is_asked_about_where_the_model_doubts_it_and_dropped_only_when_unlikely(text):
    # Where each lands depends on the model's weights; which way it goes for a given probability does not.
    assert danger.read(text, learnt=False).level == nlu.ALARM
    sure = danger_model.probability(danger.normalised(cleanup.clean(text)))
    expected = (nlu.ALARM if sure >= words.MODEL_KEEPS_ABOVE else
                nlu.DOUBT if sure >= words.MODEL_DROPS_ALARMS_BELOW else nlu.NONE)
    assert nlu.danger_of(text).level == expected


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
