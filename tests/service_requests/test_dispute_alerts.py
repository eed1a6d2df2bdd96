"""A dispute's alert tells staff the command that settles it, and stays open until the dispute is settled."""

from storage import alerts, ledger, tasks


async def _disputed(community, member_chat, inbox):
    elder = await community.elder()
    await community.grant(elder, 300)
    volunteer = await community.volunteer("o_vol_zhang")
    task = await community.request(elder)
    zhang = member_chat("o_vol_zhang")
    assert "接单成功" in await zhang.says(f"接单 {task.id}")
    await community.staff()
    await member_chat("o_staff_zhao").says("你好")  # within WeChat's 48 hours, so the notice reaches her chat
    await zhang.says("签到")
    await zhang.says("签退")
    await inbox.skip_to_now("o_staff_zhao")
    assert "已告诉工作人员" in await member_chat("o_elder_wang").says("有问题 只聊了半小时就走了")
    return elder, volunteer, task


async def test_staff_are_told_the_real_command_and_handling_the_alert_waits_for_the_dispute(community, member_chat,
                                                                                           inbox, runtime):
    elder, volunteer, task = await _disputed(community, member_chat, inbox)
    [told] = await inbox.wait_for("o_staff_zhao", "有纠纷")
    assert f"处理 {task.id} 全付 原因" in told and f"处理 {task.id} 退回 原因" in told
    staff = member_chat("o_staff_zhao")
    queue = await staff.says("待办")
    assert f"处理 {task.id} 部分 1小时 原因" in queue
    [alert] = await alerts.open_alerts(runtime.sessions)

    refused = await staff.says(f"处理警报 {alert.id} 已电话联系")
    assert "还没有处理" in refused and f"处理 {task.id} 全付 原因" in refused
    assert [a.id for a in await alerts.open_alerts(runtime.sessions)] == [alert.id]

    # The usage line copied as it stands is not a decision: nothing moves.
    assert "格式" in await staff.says(f"处理 {task.id} 全付/部分 1小时/退回 原因")
    assert (await community.task(task.id)).status == tasks.DISPUTED

    assert "已处理" in await staff.says(f"处理 {task.id} 退回 核实后没有服务")
    assert await alerts.open_alerts(runtime.sessions) == []
    closed = await alerts.alert(runtime.sessions, alert.id)
    assert closed.status == alerts.HANDLED and closed.note == "核实后没有服务" and closed.handled_by.startswith("staff:")
    assert await community.available(elder) == 300 and await community.available(volunteer) == 0
    assert "已经有人处理过了" in await staff.says(f"处理警报 {alert.id} 已电话联系")
    assert (await ledger.verify(runtime.sessions)).ok
