"""The console's 恢复 does what `恢复 138…` does in chat: the member is back, the log says who, the member is told."""

from storage import audit, members


async def test_a_member_reinstated_on_the_console_is_told(staff, volunteer, console, member_chat, inbox, runtime):
    await member_chat("o_volunteer_liu").says("你好")
    zhao = await console("o_staff_zhao")
    await zhao.get(f"/console/members/{volunteer.id}")
    await zhao.post(f"/console/members/{volunteer.id}/suspend", {"reason": "多次爽约"})
    assert (await members.member_by_id(runtime.sessions, volunteer.id)).status == members.SUSPENDED
    status, page = await zhao.post(f"/console/members/{volunteer.id}/reinstate", {"reason": "已电话说明"})
    assert status == 200 and "已恢复该会员" in page
    assert (await members.member_by_id(runtime.sessions, volunteer.id)).is_active
    [entry] = await audit.entries(runtime.sessions, subject=volunteer.id, action="reinstate")
    assert entry.reason == "已电话说明" and entry.actor.startswith("staff:")
    assert await inbox.wait_for("o_volunteer_liu", "账户已恢复")
