"""Round twenty-two: kinds of danger found missing by walking the list by hand, not by a data set: a road accident,
a wish to die, an earthquake or a ceiling come down; and their near misses. Round twenty-three: a plan to die said
with a place or a way, and the sadness that is not one. None of these lines is in a data set."""

import pytest

from nlu import danger


@pytest.mark.parametrize("message, level", [
    ("我老伴过马路被电动车撞了", danger.ALARM),
    ("出门买菜当心车祸", danger.NONE),
    ("120 120 120", danger.ALARM),
    ("我真的不想活了", danger.DOUBT),  # asked, with the numbers shown: never ignored, never alerted on a word
    ("我爸说他要跳楼", danger.ALARM),
    ("闺女 想死你了 过年回来吗", danger.NONE),
    ("累得不想活了 哈哈", danger.NONE),
    ("以前想不开过 现在好了 想找人陪我聊聊天", danger.NONE),
    ("地震了 楼在晃 我腿被柜子压住了", danger.ALARM),
    ("天花板的石膏塌下来 砸到我头了", danger.ALARM),
    ("电视上说云南地震了 好多房子塌了", danger.NONE),
    ("我在桥上 想跳河", danger.ALARM),
    ("你们别管我 我要去死", danger.ALARM),
    ("活够了 一死了之", danger.ALARM),
    ("他这几天老说活够了", danger.DOUBT),
    ("儿女都不管我 心里难受", danger.NONE),       # sadness, asked about by nobody's alarm
    ("邻居家的狗一直敲门似的挠 人已经走了", danger.NONE),
    ("降压药每天都按时吃了", danger.NONE),
])
def test_a_kind_of_danger_walked_by_hand(message, level):
    assert danger.read(message).level == level


@pytest.mark.parametrize("question", ["怎么打119", "手机没话费了还能打110吗", "叫救护车收钱不"])
def test_the_emergency_numbers_asked_about_are_information(question):
    assert danger.read(question).level == danger.NONE
