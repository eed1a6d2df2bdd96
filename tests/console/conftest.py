"""A small town for the console: an admin, a staff member, a volunteer, an elder with family; and a browser.

`console(member)` logs a member in through a real one-time link, asked for in
chat with `登录后台`, and returns an HTTP client holding the session cookie.
"""

from __future__ import annotations

import re

import aiohttp
import pytest

from storage import ledger, members
from storage.base import utcnow
from storage.members import Consent, PersonalData

LINK = re.compile(r"/console/login/([A-Za-z0-9_-]+)")
CSRF = re.compile(r'name="csrf" value="([^"]+)"')


class Town:
    def __init__(self, runtime):
        self.runtime = runtime

    async def member(self, openid, name, phone, *, role="volunteer", community="青山湖社区", born=1975):
        member = await members.register_member(
            self.runtime.sessions, self.runtime.keyring, role=role, openid=openid, community=community,
            birth_year=born, consent=Consent("2026-11", utcnow()), personal=PersonalData(real_name=name, phone=phone))
        await ledger.open_member_account(self.runtime.sessions, member.ledger_ref)
        return member


@pytest.fixture
def town(runtime):
    return Town(runtime)


@pytest.fixture
async def admin(town, runtime):
    """钱主任 runs the bank: staff and admin."""
    member = await town.member("o_admin_qian", "钱主任", "13900001111", role="family")
    return await members.make_staff(runtime.sessions, member.id, members.SYSTEM, admin=True)


@pytest.fixture
async def staff(town):
    """赵敏 is in the test config's [staff] openids: she becomes staff on her first staff command."""
    return await town.member("o_staff_zhao", "赵敏", "13900009999", role="family")


@pytest.fixture
async def volunteer(town):
    return await town.member("o_volunteer_liu", "刘芳", "13700001234")


@pytest.fixture
async def elder(town):
    return await town.member("o_elder_wang", "王秀英", "13800005678", role="elder", born=1938)


class Console:
    """A browser-less staff member at the console: GETs pages, POSTs forms with the page's CSRF token."""

    def __init__(self, http: aiohttp.ClientSession, base: str):
        self.http, self.base, self.csrf = http, base, ""

    async def get(self, path: str, **kwargs) -> tuple[int, str]:
        async with self.http.get(self.base + path, allow_redirects=True, **kwargs) as response:
            body = await response.text()
        if found := CSRF.search(body):
            self.csrf = found.group(1)
        return response.status, body

    async def post(self, path: str, data: dict | list, *, csrf: bool = True) -> tuple[int, str]:
        fields = list(data.items()) if isinstance(data, dict) else list(data)
        if csrf:
            fields.append(("csrf", self.csrf))
        async with self.http.post(self.base + path, data=fields, allow_redirects=True) as response:
            return response.status, await response.text()


@pytest.fixture
async def link_for(member_chat):
    """The one-time link token a staff member gets by sending `登录后台` in chat."""
    async def ask(openid: str) -> str:
        reply = await member_chat(openid).says("登录后台")
        found = LINK.search(reply)
        assert found, reply
        return found.group(1)
    return ask


@pytest.fixture
async def console(bot_server, link_for):
    base = str(bot_server.make_url("")).rstrip("/")
    clients = []

    async def logged_in(openid: str) -> Console:
        # Cookies for 127.0.0.1 need the "unsafe" jar: the default one ignores cookies from IP addresses.
        http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
        clients.append(http)
        client = Console(http, base)
        token = await link_for(openid)
        status, _ = await client.post("/console/login", {"token": token}, csrf=False)
        assert status == 200
        return client

    yield logged_in
    for http in clients:
        await http.close()


@pytest.fixture
async def anonymous(bot_server):
    http = aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True))
    yield Console(http, str(bot_server.make_url("")).rstrip("/"))
    await http.close()


@pytest.fixture
async def busy_bank(runtime):
    """Two days of life in the bank: a service done and rated, one cancelled, one disputed, a funded pool."""
    from datetime import timedelta

    from tests.members.helpers import Town as MembersTown
    from tests.tasks.helpers import Desk

    desk = Desk(runtime.sessions, runtime.keyring, MembersTown(runtime.sessions, runtime.keyring))
    desk.now = utcnow() - timedelta(days=2)
    elder = await desk.elder(funded=600, community="青山湖社区",
                             personal=PersonalData(real_name="李桂兰", phone="13800001111", address="青山湖小区3栋"))
    helper = await desk.volunteer(verified=True, community="青山湖社区",
                                  personal=PersonalData(real_name="陈志强", phone="13700002222"))
    await desk.fund_pool(300)
    done = await desk.task_in_service(elder, helper, starts_in=timedelta(hours=1))
    desk.later(hours=3)
    await desk.check_out(done.id, helper)
    await desk.confirm(done.id, elder.actor)
    await desk.rate(done.id, elder.actor, 5, "很好")
    desk.later(days=1)
    cancelled = await desk.post(elder, "cleaning")
    await desk.cancel(cancelled.id, elder.actor, "不需要了")
    disputed = await desk.task_in_service(elder, helper, starts_in=timedelta(hours=1))
    desk.later(hours=2)
    await desk.dispute(disputed.id, elder.actor, "时间不对")
    return type("Bank", (), {"elder": elder, "volunteer": helper, "done": done, "cancelled": cancelled,
                             "disputed": disputed})



@pytest.fixture
def runs_jobs() -> bool:
    return True  # these stories go on in the background: a preview, a broadcast sent after "是"
