"""The contact window: a volunteer learns the elder's phone shortly before the visit, not days ahead; one who
accepts and cancels again and again is paused and staff are told, and the elder is not disturbed each time."""

from datetime import timedelta

from storage import alerts, audit, outbox, tasks

ELDER_PHONE = "13800130001"  # the first person the community registered
FOUR_DAYS = 4 * 24  # accepted on Monday for a Friday visit


async def _kinds_told(runtime, openid) -> list[str]:
    return [notice.kind for notice in await outbox.notifications_to(runtime.sessions, runtime.keyring, openid)]


async def test_a_volunteer_who_accepts_on_monday_for_friday_learns_the_phone_on_thursday(
        community, member_chat, inbox, runtime):
    elder = await community.elder()
    await community.grant(elder, 300)
    await community.volunteer("o_vol_zhang")
    task = await community.request(elder, hours_ahead=FOUR_DAYS)
    zhang = member_chat("o_vol_zhang")

    accepted = await zhang.says(f"接单 {task.id}")
    assert "接单成功" in accepted and "王**" in accepted and "青山湖社区" in accepted
    assert ELDER_PHONE not in accepted and "3栋2单元501" not in accepted and "会发给您" in accepted
    asked = await zhang.says(f"联系方式 {task.id}")
    assert ELDER_PHONE not in asked and "会发给您" in asked
    assert not [e for e in await audit.entries(runtime.sessions, subject=elder.id, action="reveal")
                if e.detail.get("task_id") == task.id]  # nothing was read, so nothing to log
    assert "task_accepted" not in await _kinds_told(runtime, "o_elder_wang")

    thursday = task.starts_at - timedelta(hours=23)
    assert (await community.time_passes_until(thursday))["contacts_given"] == 1
    pushed = await inbox.wait_for("o_vol_zhang", ELDER_PHONE)
    assert any("3栋2单元501" in text for text in pushed)
    assert "task_accepted" in await _kinds_told(runtime, "o_elder_wang")  # the elder hears who comes, now
    assert (await community.time_passes_until(thursday + timedelta(minutes=1)))["contacts_given"] == 0  # once
    reads = [e for e in await audit.entries(runtime.sessions, subject=elder.id, action="reveal")
             if e.detail.get("task_id") == task.id]
    assert len(reads) == 1


async def test_accepting_and_cancelling_three_times_pauses_the_volunteer_and_alerts_staff(
        community, member_chat, runtime):
    elder = await community.elder()
    await community.grant(elder, 300)
    await community.volunteer("o_vol_zhang")
    task = await community.request(elder, hours_ahead=FOUR_DAYS)
    zhang = member_chat("o_vol_zhang")

    for flip in range(3):
        assert "接单成功" in await zhang.says(f"接单 {task.id}")
        await zhang.says(f"取消 {task.id}")
        said = await zhang.says("是")
        assert "另找志愿者" in said
        assert ("暂时不能接新单" in said) == (flip == 2)
    assert "暂时不能接新单" in await zhang.says(f"接单 {task.id}")
    assert (await community.task(task.id)).status == tasks.OPEN
    assert [a.kind for a in await alerts.open_alerts(runtime.sessions)].count(alerts.CANCEL_LOOP) == 1
    told = await _kinds_told(runtime, "o_elder_wang")
    assert "task_accepted" not in told and "volunteer_cancelled" not in told  # no notice for each flip-flop
    assert "cancel_loop" in await _kinds_told(runtime, runtime.config.staff_openids[0])
