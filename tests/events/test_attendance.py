"""At the venue: the event's QR code takes attendance (a scan, or a follow through it), staff mark names, and a
training attended records its service's certificate and tells the volunteer; reminders come once."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from handlers.events import remind
from storage import events, members
from storage.clock import CLOCK
from storage.outbox import OutboundMessage
from tests.events.conftest import STAFF_OPENID, pushes

# Each event below has its own CreateTime (seconds apart): WeChat's resends of an event are told by it.


@pytest.fixture
def runs_jobs() -> bool:
    return True  # `签到码 N` is made by the job worker


async def test_a_scan_of_the_venue_code_certifies_the_training_and_tells_the_volunteer(town, member_chat, wechat,
                                                                                      inbox, wechat_state):
    staff = await town.staff()
    liu = await town.member("o_liu", "刘芳")
    await town.member("o_sun", "孙丽")
    event = await town.event(staff, kind=events.TRAINING, title="陪诊培训", service="medical_escort", months=12,
                             ahead=timedelta(hours=20))
    assert "报名成功" in await member_chat("o_liu").says("报名 1")
    assert "报名成功" in await member_chat("o_sun").says("报名 1")

    assert "正在生成" in await member_chat(STAFF_OPENID).says("签到码 1")
    code = await pushes(inbox, STAFF_OPENID, "签到二维码")
    assert code and "showqrcode?ticket=" in code[0]
    assert [qr["scene"] for qr in wechat_state.qrcodes.values()] == ["event:1"]
    assert (await events.event(town.runtime.sessions, 1)).qr_ticket

    early = await wechat.post(wechat.event("o_liu", "SCAN", "event:1", created=CLOCK.now() + timedelta(seconds=1)))
    assert "还不能签到" in early.text
    CLOCK.start_at(CLOCK.now() + timedelta(hours=19, minutes=45))
    await inbox.skip_to_now("o_liu")
    scanned = await wechat.post(wechat.event("o_liu", "SCAN", "event:1", created=CLOCK.now() + timedelta(seconds=2)))
    assert "签到成功" in scanned.text and "陪诊培训" in scanned.text
    told = await pushes(inbox, "o_liu", "培训证书")
    assert len(told) == 1 and "陪诊就医" in told[0] and "有效期至" in told[0]
    again = await wechat.post(wechat.event("o_liu", "SCAN", "event:1", created=CLOCK.now() + timedelta(seconds=3)))
    assert "已经签过到" in again.text
    certificates = await members.certificates_of(town.runtime.sessions, liu.id)
    assert [(c.service_code, c.expires_on - c.issued_on > timedelta(days=360)) for c in certificates] == \
        [("medical_escort", True)]

    # 孙丽 had unfollowed; she follows again through the code at the door: welcomed, and signed in after it.
    followed = await wechat.post(wechat.event("o_sun", "subscribe", "qrscene_event:1", created=CLOCK.now() + timedelta(seconds=4)))
    assert "签到成功" in followed.text
    assert (await events.tallies(town.runtime.sessions, [event.id]))[event.id].attended == 2


async def test_staff_mark_names_and_a_stranger_at_the_door_is_told_plainly(town, member_chat, wechat):
    staff = await town.staff()
    await town.member("o_liu", "刘芳", phone="13700001234")
    await town.member("o_zhou", "周强", phone="13700005678")
    await town.event(staff, ahead=timedelta(hours=1))
    await member_chat("o_liu").says("报名 1")
    zhao = member_chat(STAFF_OPENID)
    assert "已为刘*（137****1234）签到" in await zhao.says("签到 1 13700001234")
    assert "已经签过到" in await zhao.says("签到 1 137 0000 1234")
    assert "没有报上这个活动" in await zhao.says("签到 1 13700005678")
    assert "没有编号9的活动" in await zhao.says("签到 9 13700001234")
    assert "没有报上" in (await wechat.post(wechat.event("o_zhou", "SCAN", "event:1", created=CLOCK.now() + timedelta(seconds=5)))).text
    assert "先注册" in (await wechat.post(wechat.event("o_nobody", "subscribe", "qrscene_event:1", created=CLOCK.now() + timedelta(seconds=6)))).text
    assert "找不到对应的活动" in (await wechat.post(wechat.event("o_zhou", "SCAN", "event:77", created=CLOCK.now() + timedelta(seconds=7)))).text
    assert "只有社区工作人员" in await member_chat("o_zhou").says("签到码 1")


async def test_reminders_come_the_day_before_and_an_hour_before_each_once(town, member_chat, runtime):
    staff = await town.staff()
    for openid, name in (("o_liu", "刘芳"), ("o_sun", "孙丽")):
        await town.member(openid, name)
    await town.event(staff, ahead=timedelta(hours=30))
    await member_chat("o_liu").says("报名 1")
    await member_chat("o_sun").says("报名 1")

    assert await remind(town.ctx, CLOCK.now()) == 0  # 30 hours ahead: not yet
    CLOCK.start_at(CLOCK.now() + timedelta(hours=7))
    assert await remind(town.ctx, CLOCK.now()) == 2
    assert await remind(town.ctx, CLOCK.now()) == 0  # a second sweep tells nobody again
    CLOCK.start_at(CLOCK.now() + timedelta(hours=22, minutes=10))
    assert await remind(town.ctx, CLOCK.now()) == 2
    assert await remind(town.ctx, CLOCK.now()) == 0
    async with runtime.sessions() as session:
        kinds = (await session.execute(select(OutboundMessage.dedupe_key, func.count())
                                       .where(OutboundMessage.kind == "event_reminder")
                                       .group_by(OutboundMessage.dedupe_key))).all()
    assert len(kinds) == 4 and all(count == 1 for _, count in kinds)


async def test_the_daily_report_counts_sign_ups_and_attendance_by_community(town, member_chat):
    staff = await town.staff()
    await town.member("o_liu", "刘芳", phone="13700001234")
    await town.member("o_sun", "孙丽")
    await town.event(staff, ahead=timedelta(hours=1))
    await member_chat("o_liu").says("报名 1")
    await member_chat("o_sun").says("报名 1")
    zhao = member_chat(STAFF_OPENID)
    await zhao.says("签到 1 13700001234")
    report = await zhao.says("日报", at=CLOCK.now() + timedelta(minutes=1))
    assert "活动：报名2人，签到1人（青山湖社区 报名2 签到1）" in report
