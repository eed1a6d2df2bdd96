"""The local WeChat sandbox validates requests as WeChat does."""

import time

import pytest

from bot.sandbox import STATE


@pytest.fixture
async def api(aiohttp_client, sandbox):
    return await aiohttp_client(sandbox)


async def token(api, **changes) -> dict:
    query = {"grant_type": "client_credential", "appid": "wx_test_app", "secret": "test-secret", **changes}
    return await (await api.get("/cgi-bin/token", params=query)).json()


async def test_a_token_is_issued_only_for_the_right_app_id_and_secret(api):
    issued = await token(api)
    assert issued["expires_in"] == 7200 and len(issued["access_token"]) > 32
    assert (await token(api, appid="wx_other"))["errcode"] == 40013
    assert (await token(api, secret="guess"))["errcode"] == 40125
    assert (await token(api, grant_type="password"))["errcode"] == 40002


async def test_calls_without_a_valid_token_are_refused(api):
    message = {"touser": "o_1", "msgtype": "text", "text": {"content": "你好"}}
    missing = await (await api.post("/cgi-bin/message/custom/send", json=message)).json()
    wrong = await (await api.post("/cgi-bin/message/custom/send", params={"access_token": "x"}, json=message)).json()
    assert (missing["errcode"], wrong["errcode"]) == (41001, 40001)


async def test_a_refreshed_token_leaves_the_old_one_valid_for_five_minutes(api, sandbox):
    first, second = (await token(api))["access_token"], (await token(api))["access_token"]
    tokens = sandbox.app[STATE].tokens
    assert 0 < tokens[first] - time.time() <= 300
    assert tokens[second] - time.time() > 7000


async def test_customer_service_messages_are_validated_and_recorded(api, sandbox):
    access = {"access_token": (await token(api))["access_token"]}
    send = lambda body: api.post("/cgi-bin/message/custom/send", params=access, json=body)  # noqa: E731
    assert (await (await send({"touser": "o_1", "msgtype": "text", "text": {"content": "好"}})).json())["errcode"] == 0
    assert (await (await send({"touser": "o_1", "msgtype": "video"})).json())["errcode"] == 40008
    too_long = {"touser": "o_1", "msgtype": "text", "text": {"content": "长" * 700}}
    assert (await (await send(too_long)).json())["errcode"] == 45002
    bad_json = await api.post("/cgi-bin/message/custom/send", params=access, data=b"{not json")
    assert (await bad_json.json())["errcode"] == 47001
    sent = await (await api.get("/sandbox/messages", params={"openid": "o_1"})).json()
    assert [message["text"] for message in sent["messages"]] == ["好"]


async def test_the_obsolete_group_id_broadcast_is_refused(api):
    access = {"access_token": (await token(api))["access_token"]}
    body = {"filter": {"group_id": 1, "is_to_all": False}, "msgtype": "text", "text": {"content": "通知"}}
    result = await (await api.post("/cgi-bin/message/mass/sendall", params=access, json=body)).json()
    assert result["errcode"] == 40050


async def test_injected_faults_answer_with_wechats_error_codes(api):
    await api.post("/sandbox/faults", json={"api": "token", "errcode": -1, "count": 1})
    assert (await token(api))["errcode"] == -1
    assert "access_token" in await token(api)
