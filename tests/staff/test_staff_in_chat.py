"""Staff work from their own chat: their help lists their commands, 恢复 brings a suspended member back,
a command typed while a flow waits for words is asked about before it is taken either way."""


import pytest

from storage import audit, broadcasts, members

from tests.staff.conftest import STAFF_PHONE, VOLUNTEER_PHONE, pushes

WECHAT_TEXT_LIMIT = 2048


@pytest.fixture
async def staff(town, runtime):
    """赵敏 is in the test config's [staff] openids, has registered, and is an admin: ledger corrections are
    admins' by default ([corrections] in config)."""
    member = await town.member("o_staff_zhao", "赵敏", STAFF_PHONE)
    return await members.make_staff(runtime.sessions, member.id, members.SYSTEM, admin=True)


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


# ---- a command typed while a flow waits for words ------------------------------------------


async def test_a_command_typed_as_a_broadcasts_text_is_asked_about_and_run_on_yes(staff, volunteer, zhao, runtime):
    assert "群发什么内容" in await zhao.says("群发")
    asked = await zhao.says(f"停用 {VOLUNTEER_PHONE} 多次爽约")
    assert "先办这个指令吗" in asked and "停用" in asked
    assert (await members.member_by_id(runtime.sessions, volunteer.id)).is_active  # nothing done before the answer
    done = await zhao.says("是")
    assert "已停用刘*（137****1234）" in done and "“群发”还没办完" in done and "群发什么内容" in done
    assert (await members.member_by_id(runtime.sessions, volunteer.id)).status == members.SUSPENDED
    assert "发给谁" in await zhao.says("周六义诊，欢迎参加！")  # the broadcast waited, and took its text


async def test_no_takes_the_command_like_words_as_the_answer_exactly(staff, volunteer, zhao, runtime):
    await zhao.says("群发")
    assert "先办这个指令吗" in await zhao.says("日报 今天下午3点，在活动室讲解！")
    assert "发给谁" in await zhao.says("不")
    await zhao.says("1")
    summary = await zhao.says("1")
    assert "日报 今天下午3点" in summary
    assert "开始发送" in await zhao.says("是")
    assert (await broadcasts.get(runtime.sessions, 1)).content == "日报 今天下午3点，在活动室讲解！"


async def test_yes_to_a_broadcast_typed_as_a_grants_reason_starts_the_broadcast(staff, volunteer, zhao, runtime):
    assert "原因是什么" in await zhao.says(f"发放 {VOLUNTEER_PHONE} 2小时")
    assert "先办这个指令吗" in await zhao.says("群发：明天停水，请提前接水！")
    assert "发给谁" in await zhao.says("是")  # the grant is dropped: one flow at a time
    await zhao.says("1")
    assert "明天停水，请提前接水！" in await zhao.says("1")
    assert "开始发送" in await zhao.says("是")
    assert await audit.entries(runtime.sessions, action="ledger_grant") == []


async def test_no_keeps_a_broadcast_command_as_a_grants_reason_without_asking_to_switch(staff, volunteer, zhao):
    await zhao.says(f"发放 {VOLUNTEER_PHONE} 2小时")
    assert "先办这个指令吗" in await zhao.says("群发通知讲座的志愿者补贴")
    summary = await zhao.says("不")
    assert "原因：" in summary and "讲座的志愿者补贴" in summary and "改为" not in summary
    assert "已给刘*（137****1234）发放2小时时间币" in await zhao.says("是")


async def test_a_held_command_is_forgotten_once_something_else_is_said(staff, volunteer, zhao, runtime):
    await zhao.says(f"发放 {VOLUNTEER_PHONE} 2小时")
    assert "先办这个指令吗" in await zhao.says(f"停用 {VOLUNTEER_PHONE} 多次爽约")
    summary = await zhao.says("补记上周的陪伴服务")  # neither yes nor no: heard as itself, the reason
    assert "原因：补记上周的陪伴服务" in summary
    assert "已给刘*（137****1234）发放2小时时间币" in await zhao.says("是")  # "是" confirms the grant only
    assert (await members.member_by_id(runtime.sessions, volunteer.id)).is_active


async def test_outside_a_flow_and_for_members_a_command_runs_as_before(staff, volunteer, zhao, member_chat, runtime):
    assert "已停用" in await zhao.says(f"停用 {VOLUNTEER_PHONE} 多次爽约")
    assert "已恢复" in await zhao.says(f"恢复 {VOLUNTEER_PHONE}")
    liu = member_chat("o_volunteer_liu")
    assert "只有社区工作人员能用" in await liu.says(f"停用 {STAFF_PHONE} 测试")


async def test_a_staff_command_while_asked_about_danger_is_not_held_with_a_second_question(staff, volunteer, zhao,
                                                                                            runtime):
    await zhao.says("群发")  # the broadcast's text is awaited
    assert "您现在有危险吗" in await zhao.says("我头很晕")
    reply = await zhao.says(f"停用 {VOLUNTEER_PHONE} 多次爽约")
    assert "先办这个指令吗" not in reply and "您现在有危险吗" in reply  # one yes/no question at a time
    assert not (await members.member_by_id(runtime.sessions, volunteer.id)).is_active
