"""No request left behind: a request nobody takes is offered wider, then staff step in; volunteers away pause.

Time moves by running the job worker's sweeps with an explicit `now` (community.time_passes_until).
"""

import asyncio
from datetime import timedelta

import pytest

from bot.handler_context import handler_context
from handlers.requests import offer_to_volunteers
from storage import alerts, members, tasks
from storage.base import utcnow

ACROSS_THE_RIVER = "八一社区"
WU_PHONE = "13900139000"


@pytest.fixture
def bot_config(bot_config):
    # One best match at posting, so the story sees the ladder widen.
    return bot_config.with_overrides(task_rules={"match_top_n": 1})


async def _in_the_window(member_chat, inbox, *openids):
    for openid in openids:
        await member_chat(openid).says("你好")
        await inbox.skip_to_now(openid)


async def _posted(community, elder, **when):
    """A request as the posting conversation leaves it: stored, and offered to its best match."""
    task = await community.request(elder, **when)
    await offer_to_volunteers(task, handler_context(community.runtime), task.created_at)
    return task


async def _offered(community, task):
    return set(await tasks.offered_to(community.sessions, task.id))


async def test_a_request_nobody_takes_widens_reaches_staff_and_is_served_by_the_volunteer_staff_assign(
        community, member_chat, inbox, runtime, outbox_drained):
    elder = await community.elder()
    await community.grant(elder, 300)
    await community.staff()
    zhang = await community.volunteer("o_vol_zhang", "张志强")
    li = await community.volunteer("o_vol_li", "李建国")
    chen = await community.volunteer("o_vol_chen", "陈明", community=ACROSS_THE_RIVER)
    everyone = ("o_elder_wang", "o_staff_zhao", "o_vol_zhang", "o_vol_li", "o_vol_chen")
    await _in_the_window(member_chat, inbox, *everyone)

    task = await _posted(community, elder, hours_ahead=72)
    assert await _offered(community, task) == {zhang.id}

    posted = task.created_at
    assert (await community.time_passes_until(posted + timedelta(minutes=59)))["escalated"] == 0
    assert (await community.time_passes_until(posted + timedelta(minutes=61)))["escalated"] == 1
    assert await _offered(community, task) == {zhang.id, li.id}  # the whole community, not yet across the river
    assert any(f"新需求 #{task.id}" in text for text in await inbox.wait_for("o_vol_li", f"#{task.id}"))

    assert (await community.time_passes_until(posted + timedelta(hours=3, minutes=1)))["escalated"] == 1
    assert await _offered(community, task) == {zhang.id, li.id, chen.id}

    staff_time = task.starts_at - timedelta(hours=24)
    assert (await community.time_passes_until(staff_time - timedelta(minutes=1)))["escalated"] == 0
    assert (await community.time_passes_until(staff_time))["escalated"] == 1
    # The worker restarts and runs again: nothing is raised or told twice.
    assert (await community.time_passes_until(staff_time + timedelta(minutes=5)))["escalated"] == 0

    [alert] = await alerts.open_alerts(runtime.sessions)
    assert (alert.kind, alert.request_id, alert.detail["asked"]) == (alerts.UNANSWERED, task.id, 3)
    told_staff = "\n".join(await inbox.wait_for("o_staff_zhao", "快开始了还没人接"))
    assert f"#{task.id}" in told_staff and "问过3位志愿者" in told_staff and "王*" in told_staff
    assert "王秀英" not in told_staff  # the elder is masked
    told_elder = await inbox.wait_for("o_elder_wang", "还在帮您找志愿者")
    assert any("社区工作人员也知道了" in text for text in told_elder)
    # Nobody was offered the same request twice.
    await outbox_drained()
    zhang_heard = [message["text"] for message in await inbox.new_messages("o_vol_zhang")]
    assert len([text for text in zhang_heard if f"新需求 #{task.id}" in text]) <= 1

    wu = await community.volunteer("o_vol_wu", "吴海", phone=WU_PHONE)
    await _in_the_window(member_chat, inbox, "o_vol_wu")
    answer = await member_chat("o_staff_zhao").says(f"指派 {task.id} {WU_PHONE}")
    assert "已请志愿者吴*" in answer and f"接单 {task.id}" in answer
    asked = "\n".join(await inbox.wait_for("o_vol_wu", "工作人员请您帮忙"))
    assert f"回复“接单 {task.id}”" in asked

    accepted = await member_chat("o_vol_wu").says(f"接单 {task.id}")
    assert "接" in accepted
    taken = await community.task(task.id)
    assert (taken.status, taken.volunteer_id) == (tasks.ACCEPTED, wu.id)
    assert await alerts.open_alerts(runtime.sessions) == []  # someone took it: staff need look no further
    assert (await alerts.alert(runtime.sessions, alert.id)).note == "已有志愿者接单"
    await community.time_passes_until(task.starts_at - timedelta(hours=24))  # the contact window opens
    assert any("接单了" in text for text in await inbox.wait_for("o_elder_wang", "接单了"))

    await member_chat("o_vol_wu").says("签到", at=task.starts_at)
    await member_chat("o_vol_wu").says("签退", at=task.ends_at)
    checked_out = (await community.task(task.id)).checked_out_at
    await community.time_passes_until(checked_out + timedelta(hours=24, minutes=1))
    assert (await community.task(task.id)).status == tasks.DONE
    assert await community.available(wu) == task.cost_min


async def test_staff_alert_comes_at_half_the_lead_time_for_a_short_notice_request(community, runtime):
    elder = await community.elder()
    await community.volunteer("o_vol_zhang")
    task = await _posted(community, elder, hours_ahead=4)

    halfway = task.starts_at - (task.starts_at - task.created_at) / 2
    assert (await community.time_passes_until(halfway - timedelta(minutes=1)))["escalated"] == 1  # the neighbours
    assert not await alerts.open_alerts(runtime.sessions)
    assert (await community.time_passes_until(halfway))["escalated"] == 1
    assert [alert.kind for alert in await alerts.open_alerts(runtime.sessions)] == [alerts.UNANSWERED]


async def test_two_workers_at_once_raise_one_alert(community, runtime):
    elder = await community.elder()
    await community.volunteer("o_vol_zhang")
    task = await _posted(community, elder, hours_ahead=30)

    moment = task.starts_at - timedelta(hours=2)  # past every step at once
    results = await asyncio.gather(community.time_passes_until(moment), community.time_passes_until(moment))
    assert sorted(result["escalated"] for result in results) == [0, 1]
    assert len(await alerts.open_alerts(runtime.sessions)) == 1
    assert (await community.task(task.id)).status == tasks.OPEN


async def test_an_expired_request_tells_the_elder_what_staff_will_do_and_tells_staff(community, member_chat, inbox):
    elder = await community.elder()
    await community.staff()
    await _in_the_window(member_chat, inbox, "o_elder_wang", "o_staff_zhao")
    task = await _posted(community, elder)

    assert (await community.time_passes_until(task.starts_at + timedelta(minutes=1)))["expired"] == 1
    told_elder = "\n".join(await inbox.wait_for("o_elder_wang", "已过期"))
    assert "社区工作人员会打电话给您" in told_elder
    told_staff = "\n".join(await inbox.wait_for("o_staff_zhao", "已过期"))
    assert f"#{task.id}" in told_staff and "请打电话问问老人王*" in told_staff


async def test_a_volunteer_away_gets_no_offers_until_they_are_back(community, member_chat, inbox):
    elder = await community.elder()
    await community.staff()
    zhang = await community.volunteer("o_vol_zhang", phone="13900139002")
    li = await community.volunteer("o_vol_li", "李建国")
    away = await member_chat("o_vol_zhang").says("暂停接单 7天")
    assert "以前不给您发新需求" in away and "恢复接单" in away

    first = await _posted(community, elder)
    assert await _offered(community, first) == {li.id}
    await community.time_passes_until(first.created_at + timedelta(hours=4))
    assert zhang.id not in await _offered(community, first)  # not even when the ladder widens
    record = await member_chat("o_staff_zhao").says("志愿者记录 13900139002")
    assert "暂停接单到" in record and "收到需求0次" in record

    assert "欢迎回来" in await member_chat("o_vol_zhang").says("恢复接单")
    second = await _posted(community, elder, hours_ahead=30)
    assert zhang.id in await _offered(community, second)


async def test_pausing_and_assigning_answer_plainly_when_they_cannot(community, member_chat):
    elder = await community.elder()
    await community.staff()
    await community.volunteer("o_vol_zhang", phone="13900139001")
    task = await _posted(community, elder)

    assert "暂停接单是给志愿者用的" in await member_chat("o_elder_wang").says("暂停接单 7天")
    assert "最多90天" in await member_chat("o_vol_zhang").says("暂停接单 365天")
    assert "不用恢复" in await member_chat("o_vol_zhang").says("恢复接单")
    assert "格式：指派" in await member_chat("o_staff_zhao").says("指派 你好")
    assert "没有找到 #99999" in await member_chat("o_staff_zhao").says("指派 99999 13900139001")
    assert "不是志愿者" in await member_chat("o_staff_zhao").says(f"指派 {task.id} 13800130001")
    refused = await member_chat("o_elder_wang").says(f"指派 {task.id} 13900139001")
    assert "系统出了点问题" not in refused and "工作人员" in refused
    assert "已记下" in await member_chat("o_staff_zhao").says(f"已联系 {task.id}")
    assert (await community.task(task.id)).status == tasks.OPEN


async def test_staff_cannot_assign_someone_who_could_not_take_it_and_are_told_why(community, member_chat, inbox,
                                                                                  outbox_drained):
    elder = await community.elder()
    await community.staff()
    await community.volunteer("o_vol_zhang", phone="13900139001")
    task = await _posted(community, elder)
    await member_chat("o_vol_zhang").says("暂停接单 7天")

    answer = await member_chat("o_staff_zhao").says(f"指派 {task.id} 13900139001")
    assert "没有指派" in answer and "自己暂停接单了" in answer
    await outbox_drained()
    heard = [message["text"] for message in await inbox.new_messages("o_vol_zhang")]
    assert not [text for text in heard if "工作人员请您帮忙" in text]
