"""Whatever arrives, parse answers within the contract."""

import re
from datetime import datetime

from hypothesis import given, settings, strategies as st

import nlu
from tests.hypothesis_profiles import examples
from nlu.schema import AUDIENCES, ROLES

SLOT_FORMS = {
    "service": lambda v: v in nlu.SERVICE_CODES,
    "date": lambda v: re.fullmatch(r"\d{4}-\d{2}-\d{2}", v),
    "time": lambda v: re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", v),
    "duration_min": lambda v: isinstance(v, int) and v > 0,
    "amount_min": lambda v: isinstance(v, int) and v >= 0,  # 0: nlu.amounts.NOT_ACCEPTED, an amount refused
    "task_id": lambda v: isinstance(v, int) and v >= 0,
    "score": lambda v: v in (1, 2, 3, 4, 5),
    "role": lambda v: v in ROLES,
    "audience": lambda v: v in AUDIENCES,
}

# Characters the parser cares about, mixed with anything at all.
DOMAIN_TEXT = st.text(alphabet="明天后周一二三四五六日号月点半下午上晚早中两个小时分钟时间币给转捐取消不要了好是对#0123456789 买菜陪诊理发修签到任务单", max_size=30)


@settings(max_examples=examples(300), deadline=None)
@given(
    text=st.one_of(st.text(max_size=40), DOMAIN_TEXT),
    now=st.datetimes(min_value=datetime(2000, 1, 1), max_value=datetime(2090, 12, 31)),
    expecting=st.sampled_from((None,) + nlu.EXPECTING),
)
def test_any_message_gets_a_contract_shaped_answer(text, now, expecting):
    result = nlu.parse(text, now, expecting=expecting)
    assert result.intent in nlu.INTENTS
    assert 0.0 <= result.confidence <= 1.0
    for name, value in result.slots.items():
        assert value is not None
        if name in SLOT_FORMS:
            assert SLOT_FORMS[name](value), (name, value)


# Round seventeen: an emergency number inside a longer number is part of that number. A member who types her
# phone number ("13807911234", "079112345678") while registering must not set off an alarm.
EMERGENCY_NUMBERS = ("911", "110", "119", "120")


@settings(max_examples=examples(300), deadline=None)
@given(before=st.text(alphabet="0123456789", min_size=1, max_size=6),
       number=st.sampled_from(EMERGENCY_NUMBERS),
       after=st.text(alphabet="0123456789", min_size=1, max_size=6),
       lead=st.sampled_from(("", "我的电话是", "手机号 ", "紧急联系人电话", "房间号")))
def test_an_emergency_number_inside_a_longer_number_raises_nothing(before, number, after, lead):
    assert nlu.danger_of(lead + before + number + after).level == nlu.NONE
