"""The console's 光荣榜: the roll of a community for a month, as chat shows it, handed to the broadcast preview."""

from datetime import timedelta

from storage import audit
from tests.stars.conftest import History
from tests.stars.test_honour_roll import months


async def test_staff_see_the_roll_of_a_community_and_month_and_hand_it_to_the_broadcast_preview(
        staff, console, runtime, member_chat):
    last, before = months()
    history = History(runtime)
    elder = await history.elder()
    zhang = await history.volunteer("o_vol_zhang", "张志强")
    wu = await history.volunteer("o_vol_wu", "吴敏")
    for volunteer in (zhang, wu):
        await history.hours_of_service(volunteer, elder, 6, starting=last.since + timedelta(days=1, hours=9))
    await history.hours_of_service(zhang, elder, 100, starting=before.since + timedelta(hours=9))
    await member_chat("o_vol_zhang").says("上光荣榜")
    zhao = await console("o_staff_zhao")

    status, page = await zhao.get("/console/honour-roll")

    assert status == 200 and "光荣榜" in page and f"青山湖社区 {last.label}" in page
    assert "<td>张**</td><td>6 小时</td><td>1★</td>" in page
    assert "吴" not in page and "张志强" not in page  # only who said yes, and masked
    assert 'name="audience" value="community:青山湖社区"' in page
    assert f"青山湖社区{last.label}志愿服务光荣榜\n1. 张** 6小时 1★" in page
    _, other = await zhao.get(f"/console/honour-roll?month={before.key}")
    assert "<td>张**</td><td>100 小时</td><td>1★</td>" in other  # the month he reached his first star
    _, wrong = await zhao.get("/console/honour-roll?month=abc&community=<script>")
    assert f"青山湖社区 {last.label}" in wrong and "<script>" not in wrong
    views = await audit.entries(runtime.sessions, action="honour_roll_view")
    assert len(views) == 3 and views[-1].actor == f"staff:{staff.id}"

    status, confirm = await zhao.post("/console/broadcasts/preview", {
        "content": f"青山湖社区{last.label}志愿服务光荣榜\n1. 张** 6小时 1★", "audience": "community:青山湖社区",
        "send_at": ""})
    assert status == 200 and "张** 6小时 1★" in confirm
