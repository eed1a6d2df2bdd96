"""An elder who says she does not want to live any more: the hotline for someone to talk to beside the emergency
numbers; a plan alarms like any cry; "没事" after the words is not the end of it: staff are asked to call her.
Through the real webhook."""

import pytest

from handlers import emergency
from storage import alerts, audit, members
from storage.base import utcnow
from storage.members import SYSTEM, Consent, PersonalData

HOTLINE = "0791-12345678"  # the configuration's default
TALK_LINE = "12356"  # the national mental-health hotline
ASKED = "您现在有危险吗"


@pytest.fixture
async def grandma_and_staff(runtime, member_chat):
    async def member(openid, name, phone, role, born):
        return await members.register_member(
            runtime.sessions, runtime.keyring, role=role, openid=openid, community="青山湖社区", birth_year=born,
            consent=Consent("2026-11", utcnow()), personal=PersonalData(real_name=name, phone=phone))

    grandma = await member("o_grandma_wang", "王秀英", "13800002222", "elder", 1941)
    worker = await member("o_staff_chen", "陈社工", "13700004444", "volunteer", 1990)
    await members.make_staff(runtime.sessions, worker.id, SYSTEM)
    for openid in ("o_staff_chen", "o_staff_zhao"):
        await member_chat(openid).says("你好")  # staff with their chat windows open
    return grandma, worker


async def open_alerts(runtime, kind):
    await emergency.settle()
    return await alerts.open_alerts(runtime.sessions, (kind,))


async def test_words_of_not_wanting_to_live_get_someone_to_talk_to_and_one_question(grandma_and_staff, member_chat,
                                                                                   runtime):
    reply = await member_chat("o_grandma_wang").says("老伴走了一年了 我一个人 真的不想活了")
    assert TALK_LINE in reply and "120" in reply and HOTLINE in reply and ASKED in reply
    assert await open_alerts(runtime, alerts.SOS) == []  # not sure yet: she is asked first


async def test_after_saying_no_danger_she_is_told_staff_will_call_and_they_are_asked_to(grandma_and_staff, member_chat,
                                                                                       runtime, inbox):
    grandma, worker = grandma_and_staff
    wang = member_chat("o_grandma_wang")
    await wang.says("活着没意思")
    await emergency.settle()
    answer = await wang.says("没事 我就是想老伴了")
    assert "打个电话" in answer and TALK_LINE in answer
    assert await open_alerts(runtime, alerts.SOS) == []
    [care] = await open_alerts(runtime, alerts.CARE_CALL)
    assert care.member_id == grandma.id

    [to_staff] = await inbox.wait_for("o_staff_chen")
    assert "关怀回访" in to_staff and "王秀英" in to_staff and "13800002222" in to_staff and f"#{care.id}" in to_staff
    [masked] = await inbox.wait_for("o_staff_zhao")  # staff by config only: no member record to hold the right
    assert "王**" in masked and "138****2222" in masked
    reads = {(entry.actor, entry.action) for entry in await audit.entries(runtime.sessions, subject=grandma.id)
             if entry.reason == "care_call"}
    assert reads == {(f"staff:{worker.id}", "reveal")}


async def test_saying_it_again_the_same_day_keeps_one_care_call(grandma_and_staff, member_chat, runtime):
    wang = member_chat("o_grandma_wang")
    for _ in range(2):
        await wang.says("我不想活了")
        await emergency.settle()
        assert "打个电话" in await wang.says("没事")
    assert len(await open_alerts(runtime, alerts.CARE_CALL)) == 1


async def test_yes_raises_the_emergency_alert_not_a_care_call(grandma_and_staff, member_chat, runtime):
    wang = member_chat("o_grandma_wang")
    await wang.says("活不下去了")
    await emergency.settle()
    assert "正在通知" in await wang.says("是")
    assert len(await open_alerts(runtime, alerts.SOS)) == 1
    assert await open_alerts(runtime, alerts.CARE_CALL) == []


async def test_a_plan_alarms_at_once_with_someone_to_talk_to(grandma_and_staff, member_chat, runtime):
    reply = await member_chat("o_grandma_wang").says("我想自杀")
    assert TALK_LINE in reply and "120" in reply and ASKED not in reply
    assert len(await open_alerts(runtime, alerts.SOS)) == 1


async def test_someone_not_registered_whom_nobody_could_call_gets_the_hotlines(member_chat, runtime):
    stranger = member_chat("o_stranger")
    await stranger.says("不想活了")
    await emergency.settle()
    answer = await stranger.says("没事")
    assert TALK_LINE in answer and HOTLINE in answer and "打个电话" not in answer
    assert await open_alerts(runtime, alerts.CARE_CALL) == []


async def test_an_ordinary_doubt_settled_is_only_reassured(grandma_and_staff, member_chat, runtime):
    wang = member_chat("o_grandma_wang")
    await wang.says("我摔了一跤")
    await emergency.settle()
    answer = await wang.says("没事")
    assert "没事就好" in answer and TALK_LINE not in answer
    assert await open_alerts(runtime, alerts.CARE_CALL) == []


async def test_staff_see_the_care_call_in_their_queue_and_close_it(grandma_and_staff, member_chat, runtime):
    wang = member_chat("o_grandma_wang")
    await wang.says("不如死了算了")
    await emergency.settle()
    await wang.says("没事了")
    [care] = await open_alerts(runtime, alerts.CARE_CALL)
    chen = member_chat("o_staff_chen")
    assert "关怀回访" in await chen.says("待办")
    assert f"#{care.id}" in await chen.says(f"处理警报 {care.id} 已打电话 聊了半小时 约了周六上门")
    assert await open_alerts(runtime, alerts.CARE_CALL) == []
