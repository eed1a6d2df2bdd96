"""SOS: the numbers to call come first and at once, whatever is down or busy; then the right people are told."""

import asyncio
import dataclasses

import aiohttp
import pytest
import redis.asyncio as aioredis
from aiohttp import web

from bot.handler_context import handler_context
from bot.envelope import Envelope
from bot.observability import Metrics
from bot.simulator import SimulatedWeChat
from bot.webhook import WeChatEndpoint
from handlers import emergency
from handlers.router import respond
from storage import alerts, audit, members, outbox
from storage.base import utcnow
from storage.db import create_engine, session_factory
from storage.members import SYSTEM, Consent, PersonalData
from storage.redis_state import Deduplicator, member_lock

HOTLINE = "0791-12345678"  # the configuration's default
HOME = "青山湖区幸福路8号2栋301室"


def the_numbers_are_in(reply: str) -> bool:
    return "120" in reply and "110" in reply and HOTLINE in reply


@pytest.fixture
def town(runtime):
    class Town:
        async def member(self, openid, name, phone, *, role="volunteer", born=1985, **personal):
            return await members.register_member(
                runtime.sessions, runtime.keyring, role=role, openid=openid, community="青山湖社区", birth_year=born,
                consent=Consent("2026-11", utcnow()), personal=PersonalData(real_name=name, phone=phone, **personal))

        async def bind(self, family, elder, relation):
            binding = await members.request_binding(runtime.sessions, family.id, elder.id, relation)
            await members.confirm_binding(runtime.sessions, binding.id, elder.actor)

    return Town()


async def sos_alerts(runtime):
    return await alerts.open_alerts(runtime.sessions, (alerts.SOS,))


async def test_someone_not_registered_gets_the_numbers_and_staff_are_told(member_chat, runtime, inbox):
    await member_chat("o_staff_zhao").says("你好")  # staff on duty, by config; this opens their chat window
    reply = await member_chat("o_stranger").says("救命")
    assert the_numbers_are_in(reply) and "正在通知社区工作人员" in reply

    await emergency.settle()
    [alert] = await sos_alerts(runtime)
    assert (alert.openid, alert.member_id) == ("o_stranger", None)
    [push] = await inbox.wait_for("o_staff_zhao")
    assert "一位未注册的微信用户" in push and f"#{alert.id}" in push


@pytest.fixture
async def grandma_and_hers(town, runtime, member_chat):
    """An elder whose daughter is bound to her, whose emergency contact is a neighbour, and two staff."""
    grandma = await town.member("o_grandma_wang", "王秀英", "13800002222", role="elder", born=1941, address=HOME,
                                emergency_name="张桂兰", emergency_phone="13500003333")
    daughter = await town.member("o_daughter_li", "李丽", "13600001111", role="family", born=1970)
    neighbour = await town.member("o_neighbour_zhang", "张桂兰", "13500003333")
    worker = await town.member("o_staff_chen", "陈社工", "13700004444", born=1990)
    await members.make_staff(runtime.sessions, worker.id, SYSTEM)
    await town.bind(daughter, grandma, "母亲")
    for openid in ("o_daughter_li", "o_neighbour_zhang", "o_staff_chen", "o_staff_zhao"):
        await member_chat(openid).says("你好")  # each opens their chat window, so pushes go as messages
    return grandma, daughter, neighbour, worker


async def test_staff_and_family_are_told_who_and_where_and_every_read_is_logged(grandma_and_hers, member_chat,
                                                                              runtime, inbox, outbox_drained):
    grandma, daughter, neighbour, worker = grandma_and_hers
    assert the_numbers_are_in(await member_chat("o_grandma_wang").says("我摔倒了，起不来"))
    await emergency.settle()
    [alert] = await sos_alerts(runtime)
    assert (alert.member_id, alert.community) == (grandma.id, "青山湖社区")

    [to_staff] = await inbox.wait_for("o_staff_chen")
    assert all(detail in to_staff for detail in ("王秀英", "13800002222", HOME, "张桂兰 13500003333", f"#{alert.id}"))
    [to_daughter] = await inbox.wait_for("o_daughter_li")
    assert "您的母亲王秀英" in to_daughter and "13800002222" in to_daughter and HOME in to_daughter
    assert "13500003333" not in to_daughter  # the emergency contact is for staff to call
    # The neighbour is her emergency contact but not bound family; staff by config only have no member
    # record to hold a right: both are told, masked.
    for openid in ("o_neighbour_zhang", "o_staff_zhao"):
        [masked] = await inbox.wait_for(openid)
        assert "王**" in masked and "138****2222" in masked and HOME not in masked
    await outbox_drained()
    assert await inbox.new_messages("o_grandma_wang") == []  # she has her answer already

    reads = {(entry.actor, entry.action) for entry in await audit.entries(runtime.sessions, subject=grandma.id)
             if entry.reason == "sos"}
    assert reads == {(f"staff:{worker.id}", "reveal"), (f"member:{daughter.id}", "reveal"),
                     (f"member:{neighbour.id}", "reveal_refused"),
                     (f"member:{grandma.id}", "reveal")}  # her own emergency phone, to find the neighbour's WeChat


async def test_two_cries_at_once_get_two_answers_and_one_alert(member_chat, runtime, town):
    await town.member("o_grandma_wang", "王秀英", "13800002222", role="elder", born=1941, address=HOME)
    grandma = member_chat("o_grandma_wang")
    replies = await asyncio.gather(grandma.says("救命"), grandma.says("快来人"))
    assert all(the_numbers_are_in(reply) for reply in replies)
    assert the_numbers_are_in(await grandma.says("救命啊"))

    await emergency.settle()
    [alert] = await sos_alerts(runtime)
    assert alert.detail["repeats"] == 2
    assert len(await outbox.notifications_to(runtime.sessions, runtime.keyring, "o_staff_zhao")) == 1  # staff are told once


async def test_an_sos_is_answered_at_once_while_another_turn_holds_the_member(member_chat, redis):
    async with member_lock(redis, "o_grandma_wang"):  # a long turn of hers still running
        # Behind the lock the reply would miss the 1 s deadline and come back empty.
        assert the_numbers_are_in(await member_chat("o_grandma_wang").says("救命"))
    await emergency.settle()


async def test_a_registration_under_way_survives_an_sos(member_chat, runtime):
    stranger = member_chat("o_new_member")
    for message in ("我要注册", "1", "同意"):
        await stranger.says(message)
    assert the_numbers_are_in(await stranger.says("摔倒了 起不来"))
    assert "手机号" in await stranger.says("王秀英")  # the question before the SOS, answered
    await emergency.settle()
    assert len(await sos_alerts(runtime)) == 1


async def test_phone_numbers_that_hold_an_emergency_number_are_only_phone_numbers(member_chat, runtime):
    # Nanchang numbers run 0791…: "079112345678" holds a 911, "13807911234" too. Typed while registering,
    # they are the answers asked for, not cries.
    stranger = member_chat("o_nanchang")
    for message in ("我要注册", "1", "同意", "王秀英"):
        await stranger.says(message)
    assert "哪个社区" in await stranger.says("13807911234")
    for message in ("青山湖社区", "1946", "青山湖区北京东路12号3栋502", "王建华"):
        await stranger.says(message)
    assert "请核对" in await stranger.says("13911912088")
    await emergency.settle()
    assert await sos_alerts(runtime) == []


async def test_the_sos_button_in_the_menu_does_the_same(wechat, runtime):
    answer = await wechat.post(wechat.event("o_stranger", "CLICK", "sos"))
    assert the_numbers_are_in(answer.text)
    await emergency.settle()
    assert len(await sos_alerts(runtime)) == 1


# ---- with the database and Redis both unreachable -----------------------------------------


@pytest.fixture
async def stores_down(runtime, on_sqlite, tmp_path):
    """The same bot, its database and Redis gone: real connection failures, not stand-ins."""
    dead_url = (f"sqlite+aiosqlite:///{tmp_path / 'no such dir' / 'timebank.sqlite3'}" if on_sqlite
                else "postgresql+asyncpg://postgres@127.0.0.1:1/test_sos")
    engine = create_engine(dead_url, keyring=runtime.keyring)
    dead_redis = aioredis.from_url("redis://127.0.0.1:1/8", decode_responses=True)
    yield dataclasses.replace(runtime, engine=engine, sessions=session_factory(engine), redis=dead_redis)
    await dead_redis.aclose()
    await engine.dispose()


@pytest.fixture
async def stranded_wechat(stores_down, aiohttp_server):
    config = stores_down.config
    endpoint = WeChatEndpoint(
        envelope=Envelope(config.wechat), redis=stores_down.redis,
        dedupe=Deduplicator(stores_down.redis, stores_down.keyring), sessions=stores_down.sessions,
        context=handler_context(stores_down), respond=respond, metrics=Metrics(), deadline_s=1.0,
        wake_outbox=lambda: None)
    app = web.Application()
    app.router.add_post(config.server.path, endpoint.receive)
    server = await aiohttp_server(app)
    async with aiohttp.ClientSession() as http:
        yield SimulatedWeChat(http, str(server.make_url(config.server.path)), config.wechat)


async def test_the_numbers_come_even_when_the_database_and_redis_are_down(stranded_wechat, caplog):
    wechat = stranded_wechat
    assert "繁忙" in (await wechat.post(wechat.text("o_grandma_wang", "余额"))).text  # anything else must wait
    assert the_numbers_are_in((await wechat.post(wechat.text("o_grandma_wang", "救命"))).text)
    await emergency.settle()
    assert "SOS could not be recorded or passed on" in caplog.text


async def test_a_doubt_gets_its_numbers_too_and_unable_to_ask_the_bot_raises_the_alert(stranded_wechat, caplog):
    wechat = stranded_wechat
    reply = (await wechat.post(wechat.text("o_grandma_wang", "我摔了一跤"))).text
    assert the_numbers_are_in(reply) and "您现在有危险吗" in reply
    await emergency.settle()
    # The question cannot be kept without Redis: safety first, the alert is tried at once (and here fails too).
    assert "SOS doubt could not be kept or timed: raising the alert" in caplog.text
    assert "SOS could not be recorded or passed on" in caplog.text


async def test_a_member_who_says_they_are_safe_after_an_alert_is_told_staff_will_still_call(member_chat, runtime, town):
    await town.member("o_grandma_li", "李桂兰", "13800003333", role="elder", born=1944, address=HOME)
    grandma = member_chat("o_grandma_li")
    assert the_numbers_are_in(await grandma.says("救命啊 我起不来了"))
    await emergency.settle()

    reply = await grandma.says("没事了 是我按错了")
    assert "没事就好" in reply and "工作人员" in reply  # never "抱歉，我没明白"
    [alert] = await sos_alerts(runtime)
    assert alert.status == alerts.OPEN and alert.detail["all_clear"] == "没事了 是我按错了"  # staff still follow it up


async def test_a_member_who_says_the_spell_has_passed_is_an_all_clear_too(member_chat, runtime, town):
    await town.member("o_grandma_zhou", "周玉兰", "13800005555", role="elder", born=1943, address=HOME)
    grandma = member_chat("o_grandma_zhou")
    assert the_numbers_are_in(await grandma.says("我胸口有点发紧 气有点接不上 应该不要紧吧"))
    await emergency.settle()

    reply = await grandma.says("刚才那阵过去了 现在好多了 谢谢你们")
    assert "没事就好" in reply and "工作人员" in reply
    [alert] = await sos_alerts(runtime)
    assert alert.status == alerts.OPEN and alert.detail["all_clear"].startswith("刚才那阵过去了")


async def test_a_safe_word_with_danger_in_it_or_with_no_alert_is_not_an_all_clear(member_chat, runtime, town):
    await town.member("o_grandpa_he", "何建国", "13800004444", role="elder", born=1940, address=HOME)
    grandpa = member_chat("o_grandpa_he")
    assert "工作人员会" not in await grandpa.says("没事 谢谢")  # no alert was raised: an ordinary thanks
    assert the_numbers_are_in(await grandpa.says("快来人 我老伴晕倒了"))
    await emergency.settle()
    assert the_numbers_are_in(await grandpa.says("没事 就是她还叫不醒"))  # the danger goes on
    await emergency.settle()
    [alert] = await sos_alerts(runtime)
    assert "all_clear" not in alert.detail
