"""A message that may be an emergency: the numbers at once and one question; "是", a second alarming message
or silence raises the alert, "没事" goes on with what was asked. Through the real webhook."""

from datetime import datetime, timedelta

import pytest

import asyncio

from bot.handler_context import handler_context
from bot.worker import sos_silence
from handlers import emergency
from storage import alerts, members
from storage.base import utcnow
from storage.members import Consent, PersonalData

HOTLINE = "0791-12345678"  # the configuration's default
SILENCE = timedelta(minutes=3)  # [safety] doubt_silence_minutes, by default
ASKED = "您现在有危险吗"


def the_numbers_are_in(reply: str) -> bool:
    return "120" in reply and "110" in reply and HOTLINE in reply


async def sos_alerts(runtime):
    await emergency.settle()
    return await alerts.open_alerts(runtime.sessions, (alerts.SOS,))


@pytest.fixture
async def grandma(runtime, member_chat):
    await members.register_member(
        runtime.sessions, runtime.keyring, role="elder", openid="o_grandma_wang", community="青山湖社区",
        birth_year=1941, consent=Consent("2026-11", utcnow()),
        personal=PersonalData(real_name="王秀英", phone="13800002222", address="幸福路8号"))
    await member_chat("o_staff_zhao").says("你好")  # staff on duty, by config, with their chat window open
    return member_chat("o_grandma_wang")


async def asked_at(runtime, openid: str) -> datetime:
    await emergency.settle()  # the question's bookkeeping runs after the reply
    memo = await handler_context(runtime).dialogue.recall(openid, emergency.DOUBT)
    return datetime.fromisoformat(memo["at"])


async def test_a_doubt_shows_the_numbers_at_once_and_yes_raises_the_alert(grandma, runtime, inbox):
    reply = await grandma.says("我摔了一跤")
    assert the_numbers_are_in(reply) and ASKED in reply
    assert await sos_alerts(runtime) == []  # not sure yet: nobody is alarmed

    assert "正在通知" in await grandma.says("是")
    [alert] = await sos_alerts(runtime)
    [push] = await inbox.wait_for("o_staff_zhao")
    assert f"#{alert.id}" in push


async def test_silence_raises_the_alert_when_the_time_allowed_is_up(grandma, runtime, inbox):
    assert ASKED in await grandma.says("头很晕")
    at = await asked_at(runtime, "o_grandma_wang")
    queued = f"arq:job:sos_silence:o_grandma_wang:{at.isoformat()}"
    assert await runtime.jobs.redis.exists(queued)  # the silence is timed by the job queue

    ctx = handler_context(runtime)
    assert not await sos_silence({"handlers": ctx}, "o_grandma_wang", at.isoformat())  # the worker's job: too early
    assert not await emergency.on_silence(ctx, "o_grandma_wang", at.isoformat(), now=at + SILENCE / 2)
    assert await sos_alerts(runtime) == []
    assert await emergency.on_silence(ctx, "o_grandma_wang", at.isoformat(), now=at + SILENCE)
    [alert] = await sos_alerts(runtime)
    assert alert.member_id is not None
    assert await inbox.wait_for("o_staff_zhao")
    assert not await emergency.on_silence(ctx, "o_grandma_wang", at.isoformat(), now=at + 2 * SILENCE)  # once


async def test_no_danger_goes_on_with_what_was_asked_and_raises_nothing(grandma, runtime):
    reply = await grandma.says("摔了一跤 我的时间币还有多少")
    assert the_numbers_are_in(reply) and ASKED in reply
    at = await asked_at(runtime, "o_grandma_wang")

    answer = await grandma.says("没事")
    assert "没事就好" in answer and "时间币" in answer  # the balance she asked for
    assert not await emergency.on_silence(handler_context(runtime), "o_grandma_wang", at.isoformat(),
                                          now=at + 2 * SILENCE)
    assert await sos_alerts(runtime) == []


async def test_yes_and_the_silence_job_racing_raise_one_alert(grandma, runtime):
    assert ASKED in await grandma.says("我摔了一跤")
    at = await asked_at(runtime, "o_grandma_wang")
    ctx = handler_context(runtime)
    await asyncio.gather(
        grandma.says("是"), emergency.on_silence(ctx, "o_grandma_wang", at.isoformat(), now=at + SILENCE))
    [alert] = await sos_alerts(runtime)
    assert alert.detail.get("repeats", 0) == 0  # one of the two took the question; the other found none


async def test_talk_of_something_else_is_answered_and_the_question_stays_open(grandma, runtime):
    assert ASKED in await grandma.says("我摔了一跤")
    at = await asked_at(runtime, "o_grandma_wang")
    answer = await grandma.says("余额")
    assert "时间币" in answer and ASKED in answer  # her question answered, ours asked again
    assert await emergency.on_silence(handler_context(runtime), "o_grandma_wang", at.isoformat(), now=at + SILENCE)
    assert len(await sos_alerts(runtime)) == 1


async def test_a_registration_under_way_survives_a_doubt_settled_as_no_danger(member_chat, runtime):
    stranger = member_chat("o_new_member")
    for message in ("我要注册", "1", "同意"):
        await stranger.says(message)
    assert ASKED in await stranger.says("我摔了一跤")
    await emergency.settle()
    assert "没事就好" in await stranger.says("没事")
    assert "手机号" in await stranger.says("王秀英")  # the question before the doubt, answered
    assert await sos_alerts(runtime) == []


async def test_a_second_alarming_message_raises_the_alert(grandma, runtime):
    assert ASKED in await grandma.says("我摔了一跤")
    await emergency.settle()  # a person takes longer to type again than the bot to note the question
    assert the_numbers_are_in(await grandma.says("头很晕"))
    assert len(await sos_alerts(runtime)) == 1


async def test_a_confident_reading_alerts_at_once_without_asking(grandma, runtime):
    reply = await grandma.says("老伴倒在地上 怎么喊都不醒")
    assert the_numbers_are_in(reply) and ASKED not in reply
    assert len(await sos_alerts(runtime)) == 1


async def test_near_misses_get_their_ordinary_answer(grandma, runtime):
    for message in ("谢谢你们上次救命之恩", "打120要钱吗", "想学学怎么打120"):
        assert not the_numbers_are_in(await grandma.says(message))
    assert await sos_alerts(runtime) == []


@pytest.mark.parametrize("answer", ["没事，她刚回电话了 在菜市场", "不是的 我就是问问 手环是不是没电了"])
async def test_a_no_said_first_and_then_what_happened_settles_the_question(grandma, runtime, answer):
    await grandma.says("我妈电话打了一上午都没人接 她心脏不好 能不能派人去她家看一下")
    at = await asked_at(runtime, "o_grandma_wang")
    assert "没事就好" in await grandma.says(answer)
    assert not await emergency.on_silence(handler_context(runtime), "o_grandma_wang", at.isoformat(),
                                          now=at + SILENCE)
    assert await sos_alerts(runtime) == []


@pytest.mark.parametrize("unwell", ["不是很舒服", "没有好转", "我没有力气", "不是很好", "没事 就是头有点晕",
                                    "没有 我站不起来"])
async def test_feeling_unwell_is_not_a_no_and_silence_still_raises_the_alert(grandma, runtime, unwell):
    await grandma.says("我摔了一跤")
    at = await asked_at(runtime, "o_grandma_wang")
    assert "没事就好" not in await grandma.says(unwell)
    if not await sos_alerts(runtime):  # "没有 我站不起来" tells of danger itself and raises the alert at once
        assert await emergency.on_silence(handler_context(runtime), "o_grandma_wang", at.isoformat(),
                                          now=at + SILENCE)
    assert len(await sos_alerts(runtime)) == 1


async def test_wechat_resending_a_doubtful_message_raises_nothing(grandma, wechat, runtime):
    message = wechat.text("o_grandma_wang", "我摔了一跤", msg_id=4242)
    for _ in range(2):
        assert ASKED in (await wechat.post(message)).text
        await emergency.settle()
    assert await sos_alerts(runtime) == []


async def test_a_clear_cry_after_a_doubt_is_one_incident_not_two(grandma, runtime):
    await grandma.says("我摔了一跤")
    at = await asked_at(runtime, "o_grandma_wang")
    await grandma.says("救命")
    [alert] = await sos_alerts(runtime)
    await alerts.handle(runtime.sessions, alert.id, "staff:1", "已上门", utcnow())
    assert not await emergency.on_silence(handler_context(runtime), "o_grandma_wang", at.isoformat(),
                                          now=at + SILENCE)  # the cry answered the question
    assert await sos_alerts(runtime) == []
