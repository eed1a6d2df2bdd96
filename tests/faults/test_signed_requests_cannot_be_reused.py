"""A request URL that leaks (a proxy log, a screenshot) cannot carry another message, a safe-mode account
cannot be talked down to plaintext, and a MsgId reused by another sender never gets that member's reply.

Through the real webhook, with real Redis and SQL, and a handler that counts what reaches it.
"""

from __future__ import annotations

import secrets
import time

import pytest

from handlers.types import Outcome, Reply


@pytest.fixture
def handled():
    return []


@pytest.fixture
def responder(handled):
    async def echo(incoming, ctx):
        handled.append((incoming.openid, incoming.text))
        return Outcome(Reply(f"{incoming.openid} 的答复：{incoming.text}"), "test")

    return echo


async def post_raw(wechat, query: dict, body: bytes) -> tuple[int, str]:
    async with wechat.http.post(wechat.bot_url, params=query, data=body) as response:
        return response.status, await response.text()


@pytest.mark.parametrize("wechat_mode", ["plaintext", "safe"], indirect=True)
async def test_a_seen_request_url_posted_with_another_message_is_refused(wechat, handled):
    query, body = wechat.envelope(wechat.text("o_staff_zhao", "查余额"))
    assert (await post_raw(wechat, query, body))[0] == 200
    _, forged = wechat.envelope(wechat.text("o_staff_zhao", "发放 王阿姨 5小时"))
    status, _ = await post_raw(wechat, query, forged)
    assert status == 403
    assert handled == [("o_staff_zhao", "查余额")]


@pytest.mark.parametrize("wechat_mode", ["plaintext", "safe"], indirect=True)
async def test_wechat_resending_the_same_request_gets_the_same_answer(wechat, handled):
    query, body = wechat.envelope(wechat.text("o_elder_li", "你好"))
    first = await post_raw(wechat, query, body)
    again = await post_raw(wechat, query, body)
    assert first[0] == again[0] == 200
    assert wechat.read_reply(again[1]) == wechat.read_reply(first[1]) == "o_elder_li 的答复：你好"
    assert len(handled) == 1


@pytest.mark.parametrize("wechat_mode", ["safe"], indirect=True)
@pytest.mark.parametrize("downgrade", [{}, {"encrypt_type": "raw"}, {"encrypt_type": "aes"}])
async def test_a_safe_mode_account_refuses_plaintext(wechat, handled, downgrade):
    query = wechat.signed_query(*_fresh_stamp_and_nonce())
    status, _ = await post_raw(wechat, {**query, **downgrade}, wechat.text("o_forger", "认证").encode())
    assert status == 403
    assert handled == []


@pytest.mark.parametrize("wechat_mode", ["plaintext", "safe"], indirect=True)
async def test_a_msgid_reused_by_another_sender_gets_its_own_answer(wechat, handled):
    elder = await wechat.post(wechat.text("o_elder_wang", "我家住幸福路8号", msg_id=777))
    stranger = await wechat.post(wechat.text("o_stranger", "随便", msg_id=777))
    assert elder.text == "o_elder_wang 的答复：我家住幸福路8号"
    assert stranger.text == "o_stranger 的答复：随便"
    assert "幸福路" not in stranger.raw and "o_elder_wang" not in stranger.raw
    assert len(handled) == 2


def _fresh_stamp_and_nonce() -> tuple[str, str]:
    return str(int(time.time())), secrets.token_hex(6)
