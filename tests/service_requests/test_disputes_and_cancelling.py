"""When things go wrong: a dispute staff settle, and cancellations from either side."""

from datetime import timedelta

from storage import alerts, audit, ledger, tasks
from storage.base import utcnow


async def _accepted(community, member_chat, minutes_held=300, **request):
    elder = await community.elder()
    await community.grant(elder, minutes_held)
    volunteer = await community.volunteer("o_vol_zhang")
    task = await community.request(elder, **request)
    assert "接单成功" in await member_chat("o_vol_zhang").says(f"接单 {task.id}")
    return elder, volunteer, task


async def test_a_dispute_freezes_the_credits_until_staff_decide_a_part_payment(community, member_chat, runtime):
    elder, volunteer, task = await _accepted(community, member_chat)
    await community.staff()
    zhang = member_chat("o_vol_zhang")
    await zhang.says("签到")
    await zhang.says("签退")

    assert "已告诉工作人员" in await member_chat("o_elder_wang").says("有问题 只聊了半小时就走了")
    assert (await community.task(task.id)).status == tasks.DISPUTED
    assert [a.kind for a in await alerts.open_alerts(runtime.sessions)] == [alerts.DISPUTE]
    assert await community.available(volunteer) == 0

    staff = member_chat("o_staff_zhao")
    assert "格式" in await staff.says(f"处理 {task.id} 部分")
    assert "已处理" in await staff.says(f"处理 {task.id} 部分 1小时 核实后只服务了一半")
    assert await community.available(volunteer) == 60
    assert await community.available(elder) == 300 - 60
    assert (await community.task(task.id)).status == tasks.DONE
    entries = await audit.entries(runtime.sessions, action="resolve_dispute")
    assert entries and entries[0].reason == "核实后只服务了一半"
    assert (await ledger.verify(runtime.sessions)).ok


async def test_words_of_a_dispute_typed_as_a_new_requests_note_are_the_note(community, member_chat):
    elder, volunteer, task = await _accepted(community, member_chat)
    wang = member_chat("o_elder_wang")
    await wang.says("后天上午9点找人帮我打扫卫生，3个小时")
    assert "还有什么要交代" in await wang.says("1")

    summary = await wang.says("有问题找我女儿")
    assert "交代：有问题找我女儿" in summary
    assert (await community.task(task.id)).status == tasks.ACCEPTED  # the visit on is not disputed
    assert "已告诉工作人员" in await wang.says("有问题 志愿者还没来")  # outside the flow's question it still is


async def test_only_staff_settle_disputes(community, member_chat):
    elder, volunteer, task = await _accepted(community, member_chat)
    await member_chat("o_elder_wang").says("有问题 志愿者态度不好")
    assert "工作人员" in await member_chat("o_vol_zhang").says(f"处理 {task.id} 全付 我来了的")
    assert (await community.task(task.id)).status == tasks.DISPUTED


async def test_the_elder_cancels_after_acceptance_and_the_volunteer_is_told(community, member_chat, inbox):
    elder, volunteer, task = await _accepted(community, member_chat)
    await member_chat("o_vol_zhang").says("你好")
    await inbox.skip_to_now("o_vol_zhang")
    wang = member_chat("o_elder_wang")
    assert "志愿者会收到通知" in await wang.says("取消")
    assert "时间币已退回" in await wang.says("是")
    assert (await community.task(task.id)).status == tasks.CANCELLED
    assert await community.available(elder) == 300
    assert any("不用去了" in text for text in await inbox.wait_for("o_vol_zhang", "不用去了"))


async def test_a_volunteer_who_cancels_late_is_counted_and_the_request_reopens(community, member_chat, runtime):
    elder, volunteer, task = await _accepted(community, member_chat, hours_ahead=5)
    zhang = member_chat("o_vol_zhang")
    assert "记录下来" in await zhang.says(f"取消 {task.id}")
    assert "另找志愿者" in await zhang.says("是")
    reopened = await community.task(task.id)
    assert reopened.status == tasks.OPEN and reopened.volunteer_id is None
    record = await tasks.volunteer_record(runtime.sessions, volunteer.id, now=utcnow(),
                                         rules=runtime.config.task_rules)
    assert record.late_cancellations == 1
    assert alerts.LATE_CANCEL in [a.kind for a in await alerts.open_alerts(runtime.sessions)]


async def test_a_daughter_posts_for_her_mother_and_sees_it_in_her_orders(community, member_chat):
    elder = await community.elder()
    await community.daughter_of(elder)
    li = member_chat("o_family_li")
    await li.says("帮我妈约个理发，后天上午十点，一个小时")
    await li.says("1")
    summary = await li.says("没有")
    assert "上门理发" in summary and "上午10:00" in summary
    posted = await li.says("对")
    assert "单号" in posted
    assert "等人接单" in await li.says("我的订单")
    assert "等人接单" in await member_chat("o_elder_wang").says("我的订单")


async def test_an_elder_who_erases_her_data_cancels_what_nobody_has_taken_but_waits_for_a_visit_under_way(
        community, member_chat):
    elder, volunteer, taken = await _accepted(community, member_chat)
    waiting = await community.request(elder, hours_ahead=50)
    wang = member_chat("o_elder_wang")
    assert f"#{taken.id}" in await wang.says("删除我的信息")
    await member_chat("o_vol_zhang").says(f"取消 {taken.id}")
    await member_chat("o_vol_zhang").says("是")
    assert "确定要删除吗" in await wang.says("删除我的信息")
    assert "已删除" in await wang.says("是")
    assert (await community.task(waiting.id)).status == tasks.CANCELLED


async def test_words_of_trouble_are_a_dispute_only_when_a_visit_is_on(community, member_chat):
    await community.elder()
    reply = await member_chat("o_elder_wang").says("有问题找谁")
    assert "已告诉工作人员" not in reply and "没有可以办" not in reply


async def test_an_elder_who_worries_her_order_was_cancelled_is_shown_it_and_nothing_is_cancelled(community, member_chat):
    await community.elder()
    wang = member_chat("o_elder_wang")
    await wang.says("帮我约个理发，后天上午十点，一个小时")
    await wang.says("1")
    await wang.says("没有")
    assert "单号" in await wang.says("对")
    # a worry asked back, not an order to cancel: before, it asked "确认取消…吗？" and a "可不是嘛" cancelled it
    reply = await wang.says("不会把我的单子取消了吧")
    assert "等人接单" in reply and "取消" not in reply
    await wang.says("可不是嘛 我还要的")
    assert "等人接单" in await wang.says("我的订单")
