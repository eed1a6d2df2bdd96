"""What the clock does: reminders, a volunteer who never came, a service nobody confirmed, a request nobody took."""

from datetime import timedelta

from storage import alerts, ledger, tasks
from storage.base import utcnow


async def _in_the_window(member_chat, inbox, *openids):
    for openid in openids:
        await member_chat(openid).says("你好")
        await inbox.skip_to_now(openid)


async def test_both_sides_are_reminded_the_day_before_and_the_hour_before_once_each(community, member_chat, inbox,
                                                                                     outbox_drained):
    elder = await community.elder()
    await community.volunteer("o_vol_zhang")
    task = await community.request(elder, hours_ahead=30)
    await member_chat("o_vol_zhang").says(f"接单 {task.id}")
    await _in_the_window(member_chat, inbox, "o_elder_wang", "o_vol_zhang")

    day_before = task.starts_at - timedelta(hours=23)
    await community.time_passes_until(day_before)
    await community.time_passes_until(day_before + timedelta(minutes=1))
    hour_before = task.starts_at - timedelta(minutes=50)
    await community.time_passes_until(hour_before)
    await community.time_passes_until(hour_before)
    await outbox_drained()  # anything more that was to come has come
    for openid in ("o_elder_wang", "o_vol_zhang"):
        received = [message["text"] for message in await inbox.new_messages(openid)]
        assert len([text for text in received if text.startswith("提醒")]) == 2, received


async def test_a_volunteer_who_does_not_come_is_replaced_and_staff_hear_of_it(community, member_chat, inbox, runtime):
    elder = await community.elder()
    await community.staff()
    await community.volunteer("o_vol_zhang")
    await community.grant(elder, 300)
    task = await community.request(elder)
    await member_chat("o_vol_zhang").says(f"接单 {task.id}")
    held = await community.available(elder)

    # A no-show only once the late check-in window (60 minutes) has closed too.
    assert (await community.time_passes_until(task.starts_at + timedelta(minutes=59)))["no_shows"] == 0
    touched = await community.time_passes_until(task.starts_at + timedelta(minutes=61))
    again = await community.time_passes_until(task.starts_at + timedelta(minutes=62))

    assert touched["no_shows"] == 1 and again["no_shows"] == 0
    reopened = await community.task(task.id)
    assert reopened.status == tasks.OPEN and reopened.volunteer_id is None
    assert await community.available(elder) == held + task.cost_min  # the hold was voided
    assert [a.kind for a in await alerts.open_alerts(runtime.sessions)] == [alerts.NO_SHOW]
    assert (await ledger.verify(runtime.sessions)).ok


async def test_a_service_nobody_disputes_is_confirmed_on_its_own(community, member_chat, inbox):
    elder = await community.elder()
    volunteer = await community.volunteer("o_vol_zhang")
    task = await community.request(elder)
    zhang = member_chat("o_vol_zhang")
    await zhang.says(f"接单 {task.id}")
    await zhang.says("签到", at=task.starts_at)
    await zhang.says("签退", at=task.ends_at)

    checked_out = (await community.task(task.id)).checked_out_at
    assert (await community.time_passes_until(checked_out + timedelta(hours=23)))["auto_confirmed"] == 0
    done = await community.time_passes_until(checked_out + timedelta(hours=24, minutes=1))
    assert done["auto_confirmed"] == 1
    assert (await community.task(task.id)).status == tasks.DONE
    assert await community.available(volunteer) == task.cost_min


async def test_a_request_nobody_takes_expires_at_its_start(community):
    elder = await community.elder()
    task = await community.request(elder)
    assert (await community.time_passes_until(task.starts_at + timedelta(minutes=1)))["expired"] == 1
    assert (await community.task(task.id)).status == tasks.EXPIRED

