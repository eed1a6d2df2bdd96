"""Amounts are read strictly: what a member did not mean is never moved, and they are told what is accepted."""

from datetime import datetime, timezone

import pytest

import nlu
from nlu.amounts import MAX_AMOUNT_MIN, NOT_ACCEPTED
from storage import ledger, members
from storage.base import utcnow
from storage.members import Consent, PersonalData

NOW = datetime(2026, 12, 4, 2, 0, tzinfo=timezone.utc)
ACCEPTED_WORDS = "请发整数，比如“30分钟”或“1小时”"


@pytest.mark.parametrize("said", ["捐-30分钟", "捐0.5分钟", "捐0分钟", "捐零小时", "捐1.333小时", "捐1.01小时",
                                  "捐负30分钟", "捐100000000000000000000000小时", "捐" + "1" * 400 + ".5小时"])
def test_an_amount_that_is_not_whole_is_never_another_number(said):
    assert nlu.parse(said, now=NOW).slots.get("amount_min") == NOT_ACCEPTED


@pytest.mark.parametrize("said, minutes", [("捐30分钟", 30), ("捐1.5小时", 90), ("捐1.25小时", 75),
                                           ("捐2个时间币", 120), ("转给138-1234-5678 2小时", 120)])
def test_whole_amounts_are_read_as_said(said, minutes):
    assert nlu.parse(said, now=NOW).slots["amount_min"] == minutes


@pytest.mark.parametrize("answer", ["-30", "0.5", "0", "100000000000000000000000", "-1小时"])
def test_an_answer_to_how_much_is_read_as_strictly(answer):
    assert nlu.parse(answer, now=NOW, expecting="amount").slots["amount_min"] == NOT_ACCEPTED


def test_the_largest_amount_is_below_what_the_ledger_stores():
    assert 0 < MAX_AMOUNT_MIN < 2**63 - 1


@pytest.fixture
async def liu(runtime, member_chat):
    member = await members.register_member(
        runtime.sessions, runtime.keyring, role="volunteer", openid="o_volunteer_liu", community="青山湖社区",
        birth_year=1985, consent=Consent("2026-11", utcnow()), personal=PersonalData(real_name="刘芳", phone="13700001234"))
    account = await ledger.open_member_account(runtime.sessions, member.ledger_ref)
    issuance = await ledger.system_account(runtime.sessions, ledger.ISSUANCE)
    await ledger.transfer(runtime.sessions, ledger.TransferRequest(issuance.id, account.id, 120, ledger.GRANT,
                                                                   "grant:liu", "staff:1", reason="opening grant"))
    return member_chat("o_volunteer_liu"), account


@pytest.mark.parametrize("said", ["我想捐-30分钟", "我想捐0.5分钟", "捐100000000000000000000000小时"])
async def test_a_member_donating_a_strange_amount_is_told_what_is_accepted(runtime, liu, said):
    chat, account = liu
    reply = await chat.says(said)
    assert ACCEPTED_WORDS in reply and "系统出了点问题" not in reply
    reply = await chat.says("30分钟")
    assert "确认把30分钟捐给社区公益池吗" in reply
    assert (await ledger.balance(runtime.sessions, account.id)).available == 120
