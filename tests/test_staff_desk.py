"""Staff run the bank from their chat: correct the ledger, work the alert queue, look up a volunteer, name staff."""

from datetime import timedelta

import pytest
from sqlalchemy import func, select

from storage import alerts, audit, ledger, members, tasks
from storage.ledger import models as ledger_tables  # the ledger's own rows, read to check what it wrote
from storage.base import utcnow
from storage.members import SYSTEM, Consent, PersonalData
from tests.service_requests.conftest import Community

STAFF_PHONE, VOLUNTEER_PHONE, ELDER_PHONE = "13900009999", "13700001234", "13800002222"
REFUSAL = "只有社区工作人员能用"


class Desk(Community):
    """The service-request community, with people registered under phone numbers staff can type."""

    async def member(self, openid, name, phone, *, role=members.VOLUNTEER, born=1975):
        member = await members.register_member(
            self.sessions, self.keyring, role=role, openid=openid, community="青山湖社区", birth_year=born,
            consent=Consent("2026-11", utcnow()), personal=PersonalData(real_name=name, phone=phone))
        await ledger.open_member_account(self.sessions, member.ledger_ref)
        return member

    async def granted(self, member, minutes) -> int:
        """A grant made straight in the ledger; its transfer id, as staff would read it off a statement."""
        account = await ledger.open_member_account(self.sessions, member.ledger_ref)
        issuance = await ledger.system_account(self.sessions, ledger.ISSUANCE)
        result = await ledger.transfer(self.sessions, ledger.TransferRequest(
            issuance.id, account.id, minutes, ledger.GRANT, f"test-grant:{member.id}:{minutes}", "staff:1",
            reason="开户"))
        return result.transfer_id

    async def grants_to(self, member) -> int:
        account = await ledger.open_member_account(self.sessions, member.ledger_ref)
        async with self.sessions() as session:
            return (await session.execute(select(func.count()).select_from(ledger_tables.TransferRow).where(
                ledger_tables.TransferRow.credit_account_id == account.id,
                ledger_tables.TransferRow.kind == ledger.GRANT))).scalar_one()


@pytest.fixture
def desk(runtime):
    return Desk(runtime)


@pytest.fixture
async def staff(desk):
    """赵敏 is in the test config's [staff] openids and has registered."""
    return await desk.member("o_staff_zhao", "赵敏", STAFF_PHONE)


@pytest.fixture
async def admin(desk, staff):
    """赵敏 made an admin: ledger corrections are admins' by default ([corrections] in config)."""
    return await members.make_staff(desk.sessions, staff.id, SYSTEM, admin=True)


@pytest.fixture
async def volunteer(desk, member_chat):
    member = await desk.member("o_volunteer_liu", "刘芳", VOLUNTEER_PHONE)
    await member_chat("o_volunteer_liu").says("你好")  # inside the 48-hour window: pushes go as text
    return member


@pytest.fixture
def zhao(member_chat):
    return member_chat("o_staff_zhao")


# ---- ledger corrections -----------------------------------------------------------------


async def test_a_grant_is_confirmed_before_it_moves_and_the_member_is_told(admin, staff, volunteer, desk, zhao, inbox,
                                                                           runtime):
    summary = await zhao.says(f"发放 {VOLUNTEER_PHONE} 2小时 参加志愿者培训")
    assert "给刘*（137****1234）发放2小时时间币" in summary and "原因：参加志愿者培训" in summary
    assert "回复“是”" in summary
    assert await desk.available(volunteer) == 0

    assert "已给刘*（137****1234）发放2小时时间币" in await zhao.says("是")
    assert await desk.available(volunteer) == 120
    [entry] = await audit.entries(runtime.sessions, subject=volunteer.id, action="ledger_grant")
    assert entry.actor == f"staff:{staff.id}" and entry.reason == "参加志愿者培训"
    assert entry.detail["amount_min"] == 120
    assert any("社区给您发放了2小时时间币" in text for text in await inbox.wait_for("o_volunteer_liu", "发放"))

    await zhao.says("是")  # said again: the flow is over, nothing moves twice
    assert await desk.available(volunteer) == 120 and await desk.grants_to(volunteer) == 1


async def test_a_grant_asks_for_what_the_command_left_out(admin, staff, volunteer, desk, zhao, runtime):
    nobody = await zhao.says("发放 138 0000 0000")  # typed in groups, and nobody has this number
    assert "没找到用这个手机号注册的会员" in nobody and "请发会员注册时用的手机号" in nobody
    assert "发多少" in await zhao.says(VOLUNTEER_PHONE)
    assert "原因是什么" in await zhao.says("30分钟")
    assert "给刘*（137****1234）发放30分钟时间币" in await zhao.says("补记上周的陪伴服务")
    assert "发放时间币先不办了" in await zhao.says("不")
    assert await desk.available(volunteer) == 0 and not await audit.entries(runtime.sessions, action="ledger_grant")


async def test_a_reversal_names_the_transfer_and_a_reason_and_is_done_once(admin, staff, volunteer, desk, zhao, inbox,
                                                                          runtime):
    transfer_id = await desk.granted(volunteer, 120)
    assert "原因是什么" in await zhao.says(f"冲正 {transfer_id}")
    summary = await zhao.says("发错了人")
    assert f"冲正第{transfer_id}笔（发放，2小时）：从刘*（137****1234）退回社区发行" in summary
    assert await desk.available(volunteer) == 120

    assert f"已冲正第{transfer_id}笔，2小时已退回" in await zhao.says("是")
    assert await desk.available(volunteer) == 0
    [entry] = await audit.entries(runtime.sessions, subject=volunteer.id, action="ledger_reversal")
    assert entry.actor == f"staff:{staff.id}" and entry.reason == "发错了人"
    assert entry.detail["transfer_id"] == transfer_id
    assert any("-2小时" in text and "发错了人" in text for text in await inbox.wait_for("o_volunteer_liu", "更正"))
    assert (await ledger.verify(runtime.sessions)).ok

    again = await zhao.says(f"冲正 {transfer_id} 再冲一次")
    assert f"第{transfer_id}笔已经全部冲正过了" in again and "转账号" in again
    assert "不办了" in await zhao.says("取消")
    assert "没有第9999笔转账" in await zhao.says("冲正 9999 测试")


async def test_a_reversal_never_takes_a_member_below_zero(admin, staff, volunteer, desk, zhao, runtime):
    transfer_id = await desk.granted(volunteer, 120)
    pool = await ledger.system_account(runtime.sessions, ledger.POOL)
    account = await ledger.open_member_account(runtime.sessions, volunteer.ledger_ref)
    await ledger.transfer(runtime.sessions, ledger.TransferRequest(
        account.id, pool.id, 90, ledger.DONATION, "spent-meanwhile", volunteer.ledger_ref))
    await zhao.says(f"冲正 {transfer_id} 发错了")
    assert "对方的时间币不够退回，没有办理" in await zhao.says("是")
    assert await desk.available(volunteer) == 30
    assert not await audit.entries(runtime.sessions, action="ledger_reversal")


# ---- the alert queue ----------------------------------------------------------------------


async def test_staff_see_open_alerts_oldest_first_and_mark_them_handled(staff, zhao, runtime):
    now = utcnow()
    sos = await alerts.raise_alert(runtime.sessions, alerts.SOS, openid="o_someone", community="青山湖社区",
                                   now=now - timedelta(hours=3, minutes=5))
    low = await alerts.raise_alert(runtime.sessions, alerts.LOW_RATING, request_id=12,
                                   now=now - timedelta(minutes=10, seconds=30))
    queue = await zhao.says("待办")
    assert "共2条" in queue
    first, second = queue.index(f"#{sos} 紧急求助 · 青山湖社区，3小时前"), queue.index(f"#{low} 差评 · 订单#12，10分钟前")
    assert first < second

    assert f"警报#{sos}已标记为处理完" in await zhao.says(f"处理警报 {sos} 已电话联系，老人平安")
    [entry] = await audit.entries(runtime.sessions, action="alert_handled")
    assert entry.actor == f"staff:{staff.id}" and entry.reason == "已电话联系，老人平安"
    queue = await zhao.says("警报")
    assert f"#{sos} " not in queue and f"#{low} 差评" in queue

    assert f"警报#{sos}已经有人处理过了" in await zhao.says(f"处理警报 {sos} 再记一次")
    assert "没有警报#999" in await zhao.says("处理警报 999 测试")
    assert "请这样发：处理警报" in await zhao.says(f"处理警报 {low}")
    await zhao.says(f"处理警报 #{low} 已回访")
    assert "现在没有待处理的警报" in await zhao.says("待办")


# ---- a volunteer's record ----------------------------------------------------------------------


async def test_a_volunteers_record_counts_done_stars_and_no_shows(staff, volunteer, desk, zhao, runtime):
    elder = await desk.member("o_elder_wang", "王秀英", ELDER_PHONE, role=members.ELDER, born=1940)
    await desk.grant(elder, 600)
    await members.verify_volunteer(runtime.sessions, volunteer.id, SYSTEM)
    config, start = runtime.config, utcnow() - timedelta(days=2)
    task = await tasks.post_request(
        runtime.sessions, runtime.keyring, request_key="record:1", requester_id=elder.id, actor=elder.actor,
        service_code="companionship", starts_at=start + timedelta(hours=2), duration_min=60,
        catalogue=config.catalogue, policy=config.exchange, now=start)
    await tasks.accept(runtime.sessions, task.id, volunteer.actor, catalogue=config.catalogue, policy=config.exchange,
                       ledger_rules=config.ledger_rules, rules=config.task_rules, now=start + timedelta(minutes=10))
    await tasks.confirm_done(runtime.sessions, task.id, elder.actor, ledger_rules=config.ledger_rules,
                             now=start + timedelta(hours=3))
    await tasks.rate(runtime.sessions, runtime.keyring, task.id, elder.actor, 4, None, now=start + timedelta(hours=4))

    record = await zhao.says(f"志愿者记录 {VOLUNTEER_PHONE}")
    assert "志愿者刘*（137****1234）：完成服务1次，平均评价4.0星，临时取消0次，爽约0次" in record
    assert "近30天收到需求" in record and "没回应0次" in record
    assert "王**（138****2222）不是志愿者" in await zhao.says(f"志愿者记录 {ELDER_PHONE}")
    assert "请这样发：志愿者记录" in await zhao.says("志愿者记录")


# ---- staff rights -------------------------------------------------------------------------------


async def test_only_admins_name_or_revoke_staff(staff, volunteer, zhao, member_chat, inbox, runtime):
    assert "只有管理员能设置或撤销工作人员" in await zhao.says(f"设为工作人员 {VOLUNTEER_PHONE}")
    assert not (await members.member_by_id(runtime.sessions, volunteer.id)).is_staff

    await members.make_staff(runtime.sessions, staff.id, SYSTEM, admin=True)
    assert "已把刘*（137****1234）设为工作人员" in await zhao.says(f"设为工作人员 {VOLUNTEER_PHONE}")
    liu = await members.member_by_id(runtime.sessions, volunteer.id)
    assert liu.is_staff and not liu.is_admin
    [entry] = await audit.entries(runtime.sessions, subject=volunteer.id, action="make_staff")
    assert entry.actor == f"staff:{staff.id}"
    assert any("工作人员" in text for text in await inbox.wait_for("o_volunteer_liu", "工作人员"))
    assert "现在没有待处理的警报" in await member_chat("o_volunteer_liu").says("待办")  # a staff command works now

    assert "已把刘*（137****1234）设为管理员" in await zhao.says(f"设为管理员 {VOLUNTEER_PHONE}")
    assert (await members.member_by_id(runtime.sessions, volunteer.id)).is_admin

    assert "不能对自己操作" in await zhao.says(f"撤销工作人员 {STAFF_PHONE}")
    assert "已撤销刘*（137****1234）的工作人员身份" in await zhao.says(f"撤销工作人员 {VOLUNTEER_PHONE}")
    liu = await members.member_by_id(runtime.sessions, volunteer.id)
    assert not liu.is_staff and not liu.is_admin
    assert [e.actor for e in await audit.entries(runtime.sessions, subject=volunteer.id, action="revoke_staff")] == [
        f"staff:{staff.id}"]
    assert "本来就不是工作人员" in await zhao.says(f"撤销工作人员 {VOLUNTEER_PHONE}")
    assert REFUSAL in await member_chat("o_volunteer_liu").says("待办")


# ---- refusals -----------------------------------------------------------------------------------


async def test_members_and_strangers_get_the_polite_refusal(admin, staff, volunteer, desk, member_chat, runtime):
    transfer_id = await desk.granted(volunteer, 60)
    alert_id = await alerts.raise_alert(runtime.sessions, alerts.NO_SHOW, member_id=volunteer.id)
    commands = ("待办", "警报", f"处理警报 {alert_id} 好了", f"志愿者记录 {VOLUNTEER_PHONE}",
                f"设为工作人员 {VOLUNTEER_PHONE}", f"设为管理员 {VOLUNTEER_PHONE}", f"撤销工作人员 {STAFF_PHONE}",
                "日报", "日报 昨天", f"冲正 {transfer_id} 发错了", f"发放 {VOLUNTEER_PHONE} 5小时 奖励自己")
    for openid in ("o_volunteer_liu", "o_stranger"):
        chat = member_chat(openid)
        for command in commands:
            assert REFUSAL in await chat.says(command), command
        await chat.says("是")  # no confirmation was asked: a yes moves nothing
    assert await desk.available(volunteer) == 60 and await desk.grants_to(volunteer) == 1
    assert [alert.id for alert in await alerts.open_alerts(runtime.sessions)] == [alert_id]
    assert not (await members.member_by_id(runtime.sessions, volunteer.id)).is_staff
    assert REFUSAL not in await member_chat("o_volunteer_liu").says("冲正是什么意思")  # words, not a command


async def test_an_impossible_amount_is_never_granted_and_never_crashes(admin, volunteer, desk, zhao):
    for amount in ("100000000000000000000000小时", "-3小时", "0.5分钟", "1.333小时"):
        reply = await zhao.says(f"发放 {VOLUNTEER_PHONE} {amount} 补记")
        assert "请发整数，比如“30分钟”或“1小时”" in reply and "系统出了点问题" not in reply
        await zhao.says("不办了")
    assert await desk.available(volunteer) == 0
