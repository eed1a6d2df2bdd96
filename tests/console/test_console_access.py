"""Getting into the console: a one-time link from chat, a session cookie, CSRF on every form, staff only."""

from datetime import timedelta

from storage import audit, console_access, members
from storage.base import utcnow


async def test_staff_gets_a_one_time_link_in_chat_and_the_link_opens_a_session(staff, member_chat, anonymous,
                                                                                runtime):
    reply = await member_chat("o_staff_zhao").says("登录后台")
    assert "管理后台登录链接" in reply and "只能用一次" in reply
    token = reply.rsplit("/console/login/", 1)[1].strip()

    status, page = await anonymous.get(f"/console/login/{token}")
    assert status == 200 and "进入后台" in page  # opening the link spends nothing: a preview cannot use it up
    status, page = await anonymous.post("/console/login", {"token": token}, csrf=False)
    assert status == 200 and "概览" in page and "工作人员" in page

    cookie = next(c for c in anonymous.http.cookie_jar if c.key == "timebank_console")
    assert cookie["httponly"] and cookie["samesite"] == "Strict" and cookie["path"] == "/console"
    assert int(cookie["max-age"]) == 8 * 3600
    assert [entry.action for entry in await audit.entries(runtime.sessions, subject=staff.id)][0] == "console_login"


async def test_a_used_link_is_refused(staff, link_for, anonymous, bot_server):
    token = await link_for("o_staff_zhao")
    assert (await anonymous.post("/console/login", {"token": token}, csrf=False))[0] == 200
    import aiohttp
    async with aiohttp.ClientSession() as other:
        async with other.post(bot_server.make_url("/console/login"), data={"token": token}) as response:
            assert response.status == 403
            assert "链接已失效" in await response.text()


async def test_an_expired_link_is_refused(staff, runtime, anonymous, member_chat):
    await member_chat("o_staff_zhao").says("你好")
    staff = await members.member_by_openid(runtime.sessions, "o_staff_zhao")
    minutes_ago = utcnow() - timedelta(minutes=6)
    link = await console_access.create_login_link(runtime.redis, staff.id, now=minutes_ago,
                                                  ttl=timedelta(minutes=5))
    status, page = await anonymous.post("/console/login", {"token": link.token}, csrf=False)
    assert status == 403 and "链接已失效" in page


async def test_members_who_are_not_staff_get_no_link_and_no_way_in(volunteer, member_chat, runtime, anonymous):
    reply = await member_chat("o_volunteer_liu").says("登录后台")
    assert "/console/login/" not in reply and "只有社区工作人员" in reply
    # Even a link made for them by mistake does not open the console.
    link = await console_access.create_login_link(runtime.redis, volunteer.id, now=utcnow())
    assert (await anonymous.post("/console/login", {"token": link.token}, csrf=False))[0] == 403


async def test_a_session_whose_member_is_no_longer_staff_gets_403(staff, admin, console, runtime):
    zhao = await console("o_staff_zhao")
    assert (await zhao.get("/console/alerts"))[0] == 200
    await members.revoke_staff(runtime.sessions, (await members.member_by_openid(runtime.sessions,
                                                                                 "o_staff_zhao")).id, admin.actor)
    status, page = await zhao.get("/console/alerts")
    assert status == 403 and "只对社区工作人员开放" in page


async def test_a_non_staff_session_gets_403(volunteer, runtime, anonymous):
    session = await console_access.start_session(runtime.redis, volunteer.id, now=utcnow())
    anonymous.http.cookie_jar.update_cookies({"timebank_console": session.session_id})
    for path in ("/console/", "/console/members", "/console/ledger"):
        assert (await anonymous.get(path))[0] == 403


async def test_without_a_session_the_console_asks_to_log_in_from_chat(anonymous):
    status, page = await anonymous.get("/console/")
    assert status == 401 and "登录后台" in page


async def test_a_form_without_the_csrf_token_is_refused(staff, console, runtime, volunteer):
    zhao = await console("o_staff_zhao")
    await zhao.get(f"/console/members/{volunteer.id}")
    status, page = await zhao.post(f"/console/members/{volunteer.id}/verify", {}, csrf=False)
    assert status == 403 and "页面已过期" in page
    status, _ = await zhao.post(f"/console/members/{volunteer.id}/verify", {"csrf": "forged"}, csrf=False)
    assert status == 403
    assert not (await members.member_by_id(runtime.sessions, volunteer.id)).is_verified
    status, _ = await zhao.post(f"/console/members/{volunteer.id}/verify", {})
    assert status == 200 and (await members.member_by_id(runtime.sessions, volunteer.id)).is_verified


async def test_logging_out_ends_the_session(staff, console):
    zhao = await console("o_staff_zhao")
    await zhao.get("/console/")
    status, page = await zhao.post("/console/logout", {})
    assert status == 200 and "已退出" in page
    assert (await zhao.get("/console/"))[0] == 401


async def test_admins_see_more_than_staff(staff, admin, console):
    zhao, qian = await console("o_staff_zhao"), await console("o_admin_qian")
    assert "审计日志" not in (await zhao.get("/console/"))[1]
    assert (await zhao.get("/console/audit"))[0] == 403
    assert (await zhao.get("/console/ledger/export.csv"))[0] == 403
    status, page = await qian.get("/console/audit")
    assert status == 200 and "登录后台" in page  # the log names actions in Chinese
