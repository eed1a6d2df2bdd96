"""The WeChat endpoint's protocol duties, over real HTTP with real Redis and SQL, with a stand-in handler."""

from __future__ import annotations

import asyncio
import time

import pytest

from bot.simulator import SimulatedWeChat
from handlers.types import Outcome, Reply

pytestmark = pytest.mark.parametrize("wechat_mode", ["plaintext", "safe"], indirect=True)


async def wait_for_pushes(inbox, openid: str, count: int, timeout_s: float = 10.0) -> list[dict]:
    received: list[dict] = []
    deadline = time.monotonic() + timeout_s
    while len(received) < count and time.monotonic() < deadline:
        received += await inbox.new_messages(openid)
        await asyncio.sleep(0.05)
    return received


# ---- de-duplication ---------------------------------------------------------------


@pytest.fixture
def handler_calls():
    return []


@pytest.fixture
def responder(handler_calls):
    async def slow_counting_responder(incoming, ctx):
        handler_calls.append(incoming.text)
        await asyncio.sleep(0.3)  # long enough that the resends arrive while the first is running
        return Outcome(Reply(f"收到：{incoming.text}"), "test")

    return slow_counting_responder


async def test_a_message_delivered_three_times_at_once_is_handled_once(wechat, handler_calls):
    xml = wechat.text("o_retried", "重复的消息", msg_id=424242)
    answers = await asyncio.gather(*(wechat.post(xml) for _ in range(3)))
    assert handler_calls == ["重复的消息"]
    assert all(answer.status == 200 for answer in answers)
    assert {answer.text for answer in answers} <= {"收到：重复的消息", ""}
    assert "收到：重复的消息" in {answer.text for answer in answers}


async def test_a_resend_after_the_first_answer_gets_the_same_answer(wechat, handler_calls):
    xml = wechat.text("o_retried", "再发一次", msg_id=434343)
    first = await wechat.post(xml)
    second = await wechat.post(xml)
    assert handler_calls == ["再发一次"]
    assert first.text == second.text == "收到：再发一次"


async def test_events_are_deduplicated_by_sender_and_time(wechat, handler_calls):
    xml = wechat.event("o_clicker", "CLICK", "help", created=1_790_000_000)
    await asyncio.gather(wechat.post(xml), wechat.post(xml))
    assert len(handler_calls) == 1


# ---- bad input never reaches a handler -----------------------------------------


async def post_raw(wechat: SimulatedWeChat, query: dict, body: bytes):
    async with wechat.http.post(wechat.bot_url, params=query, data=body) as response:
        return response.status, await response.text()


async def test_a_wrong_signature_is_refused(wechat, handler_calls):
    query, body = wechat.envelope(wechat.text("o_forger", "你好"))
    query["signature"] = "0" * 40
    assert (await post_raw(wechat, query, body))[0] == 403
    assert handler_calls == []


async def test_a_replayed_old_message_is_refused(wechat, handler_calls):
    stale = int(time.time()) - 600
    query, body = wechat.envelope(wechat.text("o_replayer", "你好"), timestamp=stale)
    assert (await post_raw(wechat, query, body))[0] == 403
    assert handler_calls == []


async def test_malformed_xml_is_a_bad_request(wechat, handler_calls):
    query, _ = wechat.envelope("<xml></xml>")
    status, _ = await post_raw(wechat, query, b"<xml><Content>unclosed")
    assert status == 400
    assert handler_calls == []


async def test_an_oversized_body_is_refused(wechat, handler_calls):
    query, _ = wechat.envelope("<xml></xml>")
    status, _ = await post_raw(wechat, query, b"<xml>" + b"a" * (70 * 1024) + b"</xml>")
    assert status == 413
    assert handler_calls == []


BILLION_LAUGHS = (
    b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">'
    + b"".join(b'<!ENTITY lol%d "%s">' % (i, (b"&lol%d;" % (i - 1) if i > 1 else b"&lol;") * 10) for i in range(1, 10))
    + b']><xml><ToUserName>a</ToUserName><FromUserName>b</FromUserName><CreateTime>1</CreateTime>'
    + b"<MsgType>text</MsgType><Content>&lol9;</Content><MsgId>1</MsgId></xml>"
)


async def test_an_entity_expansion_bomb_is_refused(wechat, handler_calls):
    query, body = wechat.envelope(BILLION_LAUGHS.decode())
    status, _ = await post_raw(wechat, query, body)
    assert status == 400
    assert handler_calls == []


async def test_a_message_missing_its_sender_is_a_bad_request(wechat, handler_calls):
    query, body = wechat.envelope("<xml><MsgType>text</MsgType><Content>hi</Content><CreateTime>1</CreateTime></xml>")
    assert (await post_raw(wechat, query, body))[0] == 400
    assert handler_calls == []


# ---- the URL-verification handshake ---------------------------------------------------


async def test_the_url_verification_handshake_echoes_the_challenge(wechat):
    stamp = str(int(time.time()))
    query = {**wechat.signed_query(stamp, "98765"), "echostr": "challenge-123"}
    async with wechat.http.get(wechat.bot_url, params=query) as response:
        assert (response.status, await response.text()) == (200, "challenge-123")
    query["signature"] = "f" * 40
    async with wechat.http.get(wechat.bot_url, params=query) as response:
        assert response.status == 403
