"""Outbound calls through wechatpy to the local sandbox: tokens, retries, and current broadcast JSON."""

import asyncio

import pytest
import redis as sync_redis
from wechatpy.exceptions import WeChatClientException

from bot.config import WeChatConfig
from bot.sandbox import STATE, Fault
from bot.wechat_api import TimebankWeChatClient, WeChatApi


@pytest.fixture
def state(sandbox):
    return sandbox.app[STATE]


@pytest.fixture
def make_api(bot_config, redis_url, redis):
    apis = []

    def make(wechat: WeChatConfig = bot_config.wechat) -> WeChatApi:
        api = WeChatApi(TimebankWeChatClient(wechat, sync_redis.Redis.from_url(redis_url, decode_responses=True)),
                        timeout_s=wechat.api_timeout, base_delay_s=0.01)
        apis.append(api)
        return api

    yield make
    for api in apis:
        api.close()


async def test_two_bot_processes_share_one_access_token(make_api, state):
    first, second = make_api(), make_api()
    await asyncio.gather(*(api.send_text("o_member", f"消息{n}") for n, api in enumerate([first, second] * 5)))
    assert state.calls["token"] == 1
    assert len([sent for sent in state.sent if sent.openid == "o_member"]) == 10


async def test_a_token_wechat_no_longer_accepts_is_refreshed_once(make_api, state):
    api = make_api()
    await api.send_text("o_member", "第一条")
    state.tokens.clear()  # as if another system had reset the token
    await api.send_text("o_member", "第二条")
    assert state.calls["token"] == 2
    assert [sent.text for sent in state.sent] == ["第一条", "第二条"]


async def test_a_process_still_trusting_a_token_another_replaced_takes_the_new_one(make_api, state):
    first, second = make_api(), make_api()
    await first.send_text("o_member", "第一条")
    await second.send_text("o_member", "第二条")  # both now keep the token for a while without asking Redis
    state.tokens.clear()
    await first.send_text("o_member", "第三条")  # refused once, fetched anew, shared through Redis
    await second.send_text("o_member", "第四条")  # refused once, finds the new token, fetches nothing
    assert state.calls["token"] == 2
    assert [sent.text for sent in state.sent] == ["第一条", "第二条", "第三条", "第四条"]


async def test_wechat_being_busy_is_retried_with_backoff(make_api, state, sandbox):
    state.faults.append(Fault("message/custom/send", -1, 2))
    await make_api().send_text("o_member", "终于送到")
    assert state.calls["message/custom/send"] == 3
    assert [sent.text for sent in state.sent] == ["终于送到"]


async def test_a_persistent_rate_limit_is_reported_after_the_last_attempt(make_api, state):
    state.faults.append(Fault("message/custom/send", 45009, 100))
    with pytest.raises(WeChatClientException) as error:
        await make_api().send_text("o_member", "发不出去")
    assert error.value.errcode == 45009
    assert state.calls["message/custom/send"] == 4


async def test_a_wrong_app_secret_fails_clearly(make_api, bot_config):
    with pytest.raises(WeChatClientException) as error:
        await make_api(bot_config.with_overrides(wechat={"app_secret": "wrong"}).wechat).send_text("o_member", "x")
    assert error.value.errcode == 40125


async def test_an_unreachable_api_fails_after_retries_instead_of_hanging(make_api, bot_config):
    dead = bot_config.with_overrides(wechat={"api_base_url": "http://127.0.0.1:9", "api_timeout": 0.5}).wechat
    with pytest.raises(Exception):
        await asyncio.wait_for(make_api(dead).send_text("o_member", "x"), 10)


async def test_tag_broadcasts_use_the_current_tag_id_filter(make_api, state):
    api = make_api()
    tag = await api.call(api.client.tag.create, "志愿者")
    tag_id = tag["id"]
    await api.call(api.client.tag.tag_user, tag_id, ["o_volunteer_1", "o_volunteer_2"])
    result = await api.call(api.client.message.send_mass_text, tag_id, "周六义诊，欢迎参加", client_msg_id="b-1")
    with pytest.raises(WeChatClientException) as repeat:
        await api.call(api.client.message.send_mass_text, tag_id, "周六义诊，欢迎参加", client_msg_id="b-1")
    assert result["msg_id"]
    assert repeat.value.errcode == 45065  # the same clientmsgid never sends twice
    assert sorted(sent.openid for sent in state.sent) == ["o_volunteer_1", "o_volunteer_2"]
