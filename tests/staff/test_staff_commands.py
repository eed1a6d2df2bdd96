"""Staff run the bank from their own chat: verify, suspend, certify, register and act for an elder without WeChat."""

from datetime import date

import pytest

from bot.handler_context import handler_context
from handlers.staff import acting_for
from handlers.turn import Turn
from handlers.types import Incoming, Kind
from storage import audit, members
from storage.base import utcnow

from tests.staff.conftest import STAFF_PHONE, VOLUNTEER_PHONE, pushes


@pytest.fixture
async def staff(town):
    """赵敏 is in the test config's [staff] openids and has registered."""
    return await town.member("o_staff_zhao", "赵敏", STAFF_PHONE)


async def test_staff_verify_a_volunteer_who_is_told_they_can_now_take_requests(staff, volunteer, zhao, inbox, runtime):
    reply = await zhao.says(f"认证 {VOLUNTEER_PHONE}")
    assert "已认证志愿者刘*（137****1234）" in reply and VOLUNTEER_PHONE not in reply
    member = await members.member_by_id(runtime.sessions, volunteer.id)
    assert member.can_accept_tasks
    [entry] = await audit.entries(runtime.sessions, subject=volunteer.id, action="verify")
    staff_now = await members.member_by_id(runtime.sessions, staff.id)
    assert staff_now.is_staff and entry.actor == f"staff:{staff.id}"
    [notice] = await pushes(inbox, "o_volunteer_liu")
    assert "通过社区审核" in notice


async def test_only_staff_may_use_staff_commands(volunteer, town, member_chat, runtime):
    refusal = await member_chat("o_volunteer_liu").says(f"认证 {VOLUNTEER_PHONE}")
    assert "只有社区工作人员能用" in refusal
    assert not (await members.member_by_id(runtime.sessions, volunteer.id)).is_verified
    for command in (f"停用 {VOLUNTEER_PHONE} 测试", f"证书 {VOLUNTEER_PHONE} 陪诊", "代办 13800002222", "结束代办",
                    "代注册"):
        assert "只有社区工作人员能用" in await member_chat("o_stranger").says(command)
    assert (await members.member_by_id(runtime.sessions, volunteer.id)).is_active


async def test_configured_staff_must_register_before_acting(volunteer, zhao, runtime):
    assert "请您先发“注册”" in await zhao.says(f"认证 {VOLUNTEER_PHONE}")
    assert not (await members.member_by_id(runtime.sessions, volunteer.id)).is_verified


async def test_a_wrong_or_unknown_phone_is_said_plainly(staff, zhao):
    assert "请这样发：认证" in await zhao.says("认证 12345")
    assert "没找到用这个手机号注册的会员" in await zhao.says("认证 13711112222")
    assert "请这样发：认证" in await zhao.says("认证")


async def test_only_volunteers_are_verified(staff, town, zhao):
    await town.member("o_grandma_wang", "王秀英", "13800002222", role="elder", born=1941)
    reply = await zhao.says("认证 13800002222")
    assert "王**（138****2222）不是志愿者" in reply


async def test_staff_suspend_a_member_with_a_reason(staff, volunteer, zhao, runtime):
    assert "请这样发：停用" in await zhao.says(f"停用 {VOLUNTEER_PHONE}")
    assert "已停用刘*（137****1234）" in await zhao.says(f"停用 {VOLUNTEER_PHONE} 多次爽约")
    assert (await members.member_by_id(runtime.sessions, volunteer.id)).status == members.SUSPENDED
    [entry] = await audit.entries(runtime.sessions, subject=volunteer.id, action="suspend")
    assert entry.reason == "多次爽约" and entry.actor == f"staff:{staff.id}"
    assert "不能对自己操作" in await zhao.says(f"停用 {STAFF_PHONE} 测试")


async def test_staff_record_training_certificates_by_service_name_or_code(staff, volunteer, zhao, inbox, runtime):
    reply = await zhao.says(f"证书 {VOLUNTEER_PHONE} 陪诊 2027-12-31")
    assert "已为刘*（137****1234）登记“陪诊就医”培训证书，有效期至2027年12月31日" in reply
    assert "长期有效" in await zhao.says(f"证书 {VOLUNTEER_PHONE} bathing")
    certificates = await members.certificates_of(runtime.sessions, volunteer.id)
    assert [(c.service_code, c.expires_on) for c in certificates] == [
        ("medical_escort", date(2027, 12, 31)), ("bathing", None)]
    assert all(c.recorded_by == f"staff:{staff.id}" for c in certificates)
    assert "培训证书已登记" in (await pushes(inbox, "o_volunteer_liu"))[0]

    assert "没认出是哪项服务" in await zhao.says(f"证书 {VOLUNTEER_PHONE} 跳舞")
    assert "有效期请写成" in await zhao.says(f"证书 {VOLUNTEER_PHONE} 陪诊 明年")
    assert "有效期请写成" in await zhao.says(f"证书 {VOLUNTEER_PHONE} 陪诊 2020-01-01")
    assert len(await members.certificates_of(runtime.sessions, volunteer.id)) == 2


async def test_staff_register_an_elder_without_wechat_at_her_home(staff, zhao, wechat, runtime):
    assert "隐私说明读给老人听" in await zhao.says("代注册")
    assert "真实姓名" in await zhao.says("同意")
    await zhao.says("王秀英")
    await zhao.says("13800002222")
    await zhao.says("青山湖社区")
    assert "地址" in await zhao.says("1941")
    answer = await wechat.post(wechat.location("o_staff_zhao", 28.6812, 115.8921, "青山湖社区5栋2单元301室"))
    assert "紧急联系人的名字" in answer.text
    await zhao.says("李明")
    summary = await zhao.says("13900001111")
    assert "姓名：王**" in summary and "手机：138****2222" in summary and "地址：青山湖社区****" in summary
    assert "13800002222" not in summary and "13900001111" not in summary
    done = await zhao.says("是")
    assert "已为老人王**（138****2222）注册好了" in done and "13800002222" not in done

    elder = await members.member_by_phone(runtime.sessions, runtime.keyring, "13800002222")
    assert elder.openid is None and elder.role == members.ELDER and elder.registered_by == f"staff:{staff.id}"
    assert elder.consent.version == "2026-11"
    assert await members.home_point(runtime.sessions, runtime.keyring, elder.id) == (28.6812, 115.8921)
    [entry] = await audit.entries(runtime.sessions, subject=elder.id, action="register")
    assert entry.actor == f"staff:{staff.id}"


async def test_registering_an_elder_for_someone_not_staff_is_refused(member_chat, runtime):
    assert "只有社区工作人员能用" in await member_chat("o_nobody").says("代注册")


async def test_staff_act_for_an_elder_until_they_say_it_is_over(staff, town, zhao, runtime):
    elder = await town.member(None, "王秀英", "13800002222", role="elder", born=1941)
    ctx = handler_context(runtime)
    staff_message = Incoming("o_staff_zhao", Kind.TEXT, utcnow(), text="帮她找人买菜")
    assert await acting_for(Turn.of(staff_message, ctx)) is None

    reply = await zhao.says("代办 13800002222")
    assert "现在您在替老人王**（138****2222）办事" in reply and "13800002222" not in reply
    assert (await acting_for(Turn.of(staff_message, ctx))).id == elder.id
    assert await acting_for(Turn.of(Incoming("o_someone_else", Kind.TEXT, utcnow()), ctx)) is None

    assert "已结束代办" in await zhao.says("结束代办")
    assert await acting_for(Turn.of(staff_message, ctx)) is None
    assert "没有在代办" in await zhao.says("结束代办")


async def test_staff_act_only_for_elders(staff, volunteer, zhao):
    assert "不是老人会员" in await zhao.says(f"代办 {VOLUNTEER_PHONE}")


async def test_words_that_merely_start_like_a_command_reach_the_parser(volunteer, member_chat):
    assert "只有社区工作人员" not in await member_chat("o_volunteer_liu").says("认证要多久")


async def test_a_name_for_the_phone_or_a_number_without_a_decision_is_answered_with_how_to_write_it(
        staff, volunteer, zhao, member_chat, runtime):
    # Found walking `timebank dev --staff`: "认证 刘芳" answered 您已经注册过了, "处理 1" was not understood.
    for said, usage in (("认证 刘芳", "认证 13812345678"), ("停用 刘芳 爽约", "停用 13812345678"),
                        ("证书 刘芳 陪诊", "证书 13812345678"), ("代办 王秀英", "代办 老人手机号")):
        reply = await zhao.says(said)
        assert "手机号" in reply and usage in reply, said
    assert "处理 单号 全付" in await zhao.says("处理 1")
    assert "处理 单号 全付" in await zhao.says("处理 #12 好了")
    assert not (await members.member_by_id(runtime.sessions, volunteer.id)).is_verified
    # Anyone else's words are read as before, not refused as a staff command.
    assert "只有社区工作人员" not in await member_chat("o_volunteer_liu").says("认证 要多久")
