"""The service windows as a volunteer and an elder meet them in chat: nothing is paid for a service not done."""

from datetime import timedelta

from storage import alerts, ledger, tasks


async def test_a_visit_the_day_after_tomorrow_cannot_be_done_and_paid_today(community, member_chat, runtime):
    elder = await community.elder()
    volunteer = await community.volunteer("o_vol_zhang")
    task = await community.request(elder, hours_ahead=48)
    zhang = member_chat("o_vol_zhang")
    assert "接单成功" in await zhang.says(f"接单 {task.id}")

    early = await zhang.says("签到")
    assert "还没到签到的时候" in early and "以后才能签到" in early and "系统出了点问题" not in early
    assert (await community.task(task.id)).status == tasks.ACCEPTED
    done = await member_chat("o_elder_wang").says("确认完成")
    assert "还没开始" in done
    assert await community.available(volunteer) == 0
    assert (await ledger.verify(runtime.sessions)).ok


async def test_a_one_minute_visit_is_asked_about_flagged_and_paid_nothing(community, member_chat, runtime, inbox):
    elder = await community.elder()
    volunteer = await community.volunteer("o_vol_zhang")
    await member_chat("o_elder_wang").says("你好")  # she wrote lately: pushes reach her
    await inbox.skip_to_now("o_elder_wang")
    task = await community.request(elder)
    zhang = member_chat("o_vol_zhang")
    await zhang.says(f"接单 {task.id}")
    assert "签到成功" in await zhang.says("签到", at=task.starts_at)

    asked = await zhang.says("签退", at=task.starts_at + timedelta(minutes=1))
    assert "确定做完了吗" in asked
    assert "签退成功" in await zhang.says("确定", at=task.starts_at + timedelta(minutes=2))
    told = await inbox.wait_for("o_elder_wang", "做完了")
    assert any("约定2小时，实际服务2分钟，确认后给志愿者0分钟时间币" in text for text in told), told
    assert [a.kind for a in await alerts.open_alerts(runtime.sessions, (alerts.SHORT_VISIT,))] == [alerts.SHORT_VISIT]

    assert (await community.time_passes_until(task.ends_at + timedelta(days=3)))["auto_confirmed"] == 0
    done = await member_chat("o_elder_wang").says("确认完成", at=task.ends_at)
    assert "实际服务" in done and "给志愿者0分钟时间币" in done
    assert await community.available(volunteer) == 0


async def test_a_volunteer_an_hour_late_cannot_check_in_and_staff_are_told(community, member_chat, runtime):
    elder = await community.elder()
    await community.volunteer("o_vol_zhang")
    task = await community.request(elder)
    zhang = member_chat("o_vol_zhang")
    await zhang.says(f"接单 {task.id}")
    late = await zhang.says("签到", at=task.starts_at + timedelta(minutes=61))
    assert "已经过了签到时间" in late and "工作人员" in late
    assert [a.kind for a in await alerts.open_alerts(runtime.sessions, (alerts.LATE_CHECK_IN,))] == [
        alerts.LATE_CHECK_IN]
