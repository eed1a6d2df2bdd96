"""The console's events page: create one with the form (twice pressed, one event), see sign-ups, the waiting
list and attendance by community, and mark attendance by hand."""

from datetime import timedelta

from storage import events
from storage.base import utcnow
from bot.console.render import LOCAL_TIME


async def test_staff_create_an_event_and_follow_its_sign_ups_and_attendance(console, staff, volunteer, elder,
                                                                            member_chat, runtime):
    await member_chat("o_staff_zhao").says("待办")  # 赵敏 becomes staff on her first staff command
    zhao = await console("o_staff_zhao")
    status, page = await zhao.get("/console/events")
    assert status == 200 and "新建活动" in page
    nonce = page.split('name="nonce" value="')[1].split('"')[0]
    starts = (utcnow() + timedelta(minutes=90)).astimezone(LOCAL_TIME).strftime("%Y-%m-%dT%H:%M")
    form = {"kind": "lecture", "title": "防诈骗讲座", "starts_at": starts, "place": "社区礼堂", "capacity": "1",
            "audience": "all", "service": "", "months": "0", "nonce": nonce}
    status, created = await zhao.post("/console/events", form)
    assert status == 200 and "活动已建好" in created and "防诈骗讲座" in created
    await zhao.post("/console/events", form)  # pressed twice: one event
    assert len(await events.recent(runtime.sessions, utcnow() - timedelta(days=1))) == 1

    await member_chat("o_volunteer_liu").says("报名 1")
    await member_chat("o_elder_wang").says("报名 1")
    status, one = await zhao.get("/console/events/1")
    assert "刘*" in one and "王**" in one and "候补" in one and "青山湖社区" in one
    status, marked = await zhao.post("/console/events/1/attend", {"member_id": str(volunteer.id)})
    assert status == 200 and "已登记签到" in marked and "工作人员登记" in marked
    status, listed = await zhao.get("/console/events")
    assert "防诈骗讲座" in listed
    assert (await events.tallies(runtime.sessions, [1]))[1] == events.Tally(seated=1, waiting=1, attended=1)

    status, _ = await zhao.post("/console/events/1/attend", {"member_id": str(volunteer.id)}, csrf=False)
    assert status == 403


async def test_a_form_with_a_past_time_is_refused_plainly(console, staff, member_chat):
    await member_chat("o_staff_zhao").says("待办")
    zhao = await console("o_staff_zhao")
    _, page = await zhao.get("/console/events")
    nonce = page.split('name="nonce" value="')[1].split('"')[0]
    status, refused = await zhao.post("/console/events", {
        "kind": "activity", "title": "包饺子", "starts_at": "2020-01-01T09:00", "place": "活动室", "capacity": "5",
        "audience": "all", "months": "0", "nonce": nonce})
    assert status == 400 and "开始时间要在以后" in refused
