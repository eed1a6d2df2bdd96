"""When an answer is slow, long or broken, the member still hears from the bot exactly once."""

import asyncio
import time

import pytest

from handlers.types import Outcome, Reply

LONG_TEXT = "\n".join(f"第{n}条：社区服务说明，一段比较长的文字，用来测试回复拆分。" for n in range(1, 60))


async def pushes_for(inbox, openid: str, count: int, timeout_s: float = 10.0) -> list[str]:
    received: list[str] = []
    deadline = time.monotonic() + timeout_s
    while len(received) < count and time.monotonic() < deadline:
        received += [message["text"] for message in await inbox.new_messages(openid)]
        await asyncio.sleep(0.05)
    return received


@pytest.fixture
def reply_deadline() -> float:
    return 1.0


@pytest.fixture
def slow_answer_released() -> asyncio.Event:
    """The slow answer is held until the test has seen the webhook give up waiting: slow on any machine."""
    return asyncio.Event()


@pytest.fixture
def responder(slow_answer_released):
    async def scripted(incoming, ctx):
        if incoming.text == "慢":
            await slow_answer_released.wait()
            return Outcome(Reply("让您久等了，这是您要的答复。"), "slow")
        if incoming.text == "长":
            return Outcome(Reply(LONG_TEXT), "long")
        if incoming.text == "坏":
            raise RuntimeError("a bug in a handler")
        return Outcome(Reply("好的"), "ok")

    return scripted


@pytest.mark.parametrize("wechat_mode", ["plaintext", "safe"], indirect=True)
async def test_a_slow_answer_is_acknowledged_now_and_arrives_as_a_message_later(wechat, inbox, slow_answer_released):
    answer = await wechat.post(wechat.text("o_patient", "慢"))
    assert answer.status == 200 and answer.raw == "success"
    slow_answer_released.set()
    assert await pushes_for(inbox, "o_patient", 1) == ["让您久等了，这是您要的答复。"]


async def test_wechats_resends_of_a_slow_message_do_not_double_the_answer(wechat, inbox, slow_answer_released):
    xml = wechat.text("o_patient", "慢", msg_id=777001)
    first = await wechat.post(xml)
    resend = await wechat.post(xml)
    assert first.raw == resend.raw == "success"
    slow_answer_released.set()
    # The answer comes once, however slowly a busy machine delivers it; then a moment more shows no second one.
    answer = await pushes_for(inbox, "o_patient", 1)
    assert answer + await pushes_for(inbox, "o_patient", 1, timeout_s=1.0) == ["让您久等了，这是您要的答复。"]


async def test_a_long_answer_is_split_into_a_reply_and_follow_up_messages(wechat, inbox):
    answer = await wechat.post(wechat.text("o_reader", "长"))
    assert len(answer.text.encode()) <= 2048
    follow_ups = await pushes_for(inbox, "o_reader", len(LONG_TEXT.encode()) // 2048)
    assert all(len(text.encode()) <= 2048 for text in follow_ups)
    assert "\n".join([answer.text, *follow_ups]) == LONG_TEXT


async def test_a_failing_handler_gives_an_apology_with_a_reference_not_an_error(wechat):
    answer = await wechat.post(wechat.text("o_unlucky", "坏"))
    assert answer.status == 200
    assert "抱歉" in answer.text and "编号" in answer.text
