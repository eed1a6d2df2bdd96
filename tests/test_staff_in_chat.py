"""Staff work from their own chat: their help lists their commands, 恢复 brings a suspended member back,
a command typed while a flow waits for words is asked about before it is taken either way."""

import asyncio

import pytest

from storage import audit, ledger, members
from storage.base import utcnow
from storage.members import Consent, PersonalData

VOLUNTEER_PHONE, STAFF_PHONE = "13700001234", "13900009999"
WECHAT_TEXT_LIMIT = 2048


@pytest.fixture
def town(runtime):
    class Town:
        async def member(self, openid, name, phone, *, role="volunteer", born=1975):
            member = await members.register_member(
                runtime.sessions, runtime.keyring, role=role, openid=openid, community="青山湖社区", birth_year=born,
                consent=Consent("2026-11", utcnow()), personal=PersonalData(real_name=name, phone=phone))
            await ledger.open_member_account(runtime.sessions, member.ledger_ref)
            return member

    return Town()


@pytest.fixture
async def staff(town):
    """赵敏 is in the test config's [staff] openids and has registered."""
    return await town.member("o_staff_zhao", "赵敏", STAFF_PHONE)


@pytest.fixture
async def volunteer(town, member_chat):
    member = await town.member("o_volunteer_liu", "刘芳", VOLUNTEER_PHONE)
    await member_chat("o_volunteer_liu").says("你好")
    return member


@pytest.fixture
def zhao(member_chat):
    return member_chat("o_staff_zhao")


async def pushes(inbox, openid: str) -> list[str]:
    for _ in range(200):
        if messages := await inbox.new_messages(openid):
            return [message["text"] for message in messages]
        await asyncio.sleep(0.05)
    return []


async def test_staff_help_lists_the_staff_commands_within_one_wechat_message(staff, volunteer, zhao, member_chat):
    help_for_staff = await zhao.says("帮助")
    for command in ("认证 手机号", "恢复 手机号", "处理 订单号 全付", "群发 内容", "发放 手机号", "待办", "代注册", "日报"):
        assert command in help_for_staff
    assert len(help_for_staff.encode()) <= WECHAT_TEXT_LIMIT
    help_for_member = await member_chat("o_volunteer_liu").says("帮助")
    assert "找人帮忙" in help_for_member and "工作人员指令" not in help_for_member
    assert help_for_staff.startswith(help_for_member)


async def test_staff_reinstate_a_suspended_member_who_is_told(staff, volunteer, zhao, inbox, runtime):
    await zhao.says(f"停用 {VOLUNTEER_PHONE} 多次爽约")
    await pushes(inbox, "o_volunteer_liu")
    reply = await zhao.says(f"恢复 {VOLUNTEER_PHONE} 已电话说明")
    assert "已恢复刘*（137****1234）" in reply and VOLUNTEER_PHONE not in reply
    assert (await members.member_by_id(runtime.sessions, volunteer.id)).is_active
    [entry] = await audit.entries(runtime.sessions, subject=volunteer.id, action="reinstate")
    assert entry.actor == f"staff:{staff.id}" and entry.reason == "已电话说明"
    assert any("账户已恢复" in text for text in await pushes(inbox, "o_volunteer_liu"))
    assert "没有被停用" in await zhao.says(f"恢复 {VOLUNTEER_PHONE}")


async def test_only_staff_reinstate_and_a_bad_phone_is_said_plainly(staff, volunteer, zhao, member_chat, runtime):
    await zhao.says(f"停用 {VOLUNTEER_PHONE} 多次爽约")
    assert "只有社区工作人员能用" in await member_chat("o_stranger").says(f"恢复 {VOLUNTEER_PHONE}")
    assert (await members.member_by_id(runtime.sessions, volunteer.id)).status == members.SUSPENDED
    assert "请这样发：恢复" in await zhao.says("恢复 12345")
    assert "没找到用这个手机号注册的会员" in await zhao.says("恢复 13711112222")
