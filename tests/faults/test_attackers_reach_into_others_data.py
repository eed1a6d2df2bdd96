"""Members who try, in chat, to reach another member's task, contact details or data, or to act as staff.

The whole bot on real Redis and SQL: an elder's request accepted by her volunteer; another volunteer (of her
community or another), a stranger elder and someone unregistered type every command that takes a task number,
and every staff command. They must learn nothing personal, not even when the elder expects her visitor, and
change nothing.
"""

from __future__ import annotations

import pytest

from storage import audit, members
from storage.base import utcnow
from tests.service_requests.conftest import local_day

ELDER_PHONE = "13800130001"  # the first person registered
ELDER_ADDRESS = "青山湖小区3栋2单元501"
OTHER_COMMUNITY = "八一广场社区"


@pytest.fixture
async def accepted(community):
    elder = await community.elder()
    zhang = await community.volunteer("o_vol_zhang", "张志强")
    task = await community.request(elder, hours_ahead=20)
    await community.accepted_by(zhang, task, utcnow())
    return elder, zhang, await community.task(task.id)


def what_a_task_command_tries(task_id: int) -> list[str]:
    return [f"联系方式 {task_id}", f"老人电话 #{task_id}", f"签到 {task_id}", f"签退 {task_id}",
            f"评价 {task_id} 1", f"确认完成 {task_id}", f"取消 {task_id}", f"没来 {task_id} 骗子",
            f"有问题 {task_id} 没做", f"接单 {task_id}", f"#{task_id}", "我的订单", "导出我的信息", "谁看过我的信息"]


STAFF_COMMANDS = ["待办", "处理警报 1 好了", "志愿者记录 13800130001", "设为工作人员 13800130003", "设为管理员 13800130003",
                  "撤销工作人员 13800130002", "日报", "冲正 1 错了", "发放 13800130003 5小时 奖励", "调整 13800130003 -1小时 错",
                  "批准 1", "处理 1 全付 好", "认证 13800130003", "停用 13800130001", "登录后台", "代办 13800130001"]


@pytest.mark.parametrize("who", ["volunteer_elsewhere", "volunteer_same_community", "stranger_elder"])
async def test_another_member_typing_a_tasks_number_learns_and_changes_nothing(
        community, accepted, member_chat, runtime, who):
    elder, zhang, task = accepted
    if who == "volunteer_elsewhere":
        await community.volunteer("o_attacker", "吴某", community=OTHER_COMMUNITY)
    elif who == "volunteer_same_community":
        await community.volunteer("o_attacker", "吴某")
    else:
        await community.person("elder", "o_attacker", "吴某", born=1945, address="别处1号")
    attacker = member_chat("o_attacker")
    replies = [await attacker.says(words) for words in what_a_task_command_tries(task.id)]

    seen = "\n".join(replies)
    assert ELDER_PHONE not in seen and ELDER_ADDRESS not in seen and "王秀英" not in seen
    assert "13800130002" not in seen  # nor the volunteer's phone
    assert local_day(task.starts_at) not in seen  # nor when the elder expects a visitor
    after = await community.task(task.id)
    assert (after.status, after.volunteer_id, after.checked_in_at) == (task.status, zhang.id, task.checked_in_at)
    attacker_id = (await members.member_by_openid(runtime.sessions, "o_attacker")).id
    reveals = await audit.entries(runtime.sessions, subject=elder.id, action="reveal")
    assert not [entry for entry in reveals if entry.actor == audit.member_actor(attacker_id)]


@pytest.mark.parametrize("who", ["volunteer", "elder", "stranger"])
async def test_staff_commands_typed_by_a_member_do_nothing(community, accepted, member_chat, runtime, who):
    elder, zhang, task = accepted
    if who == "volunteer":
        await community.volunteer("o_attacker", "吴某")
    elif who == "elder":
        await community.person("elder", "o_attacker", "吴某", born=1945, address="别处1号")
    attacker = member_chat("o_attacker")
    balances = (await community.available(elder), await community.available(zhang))
    replies = [await attacker.says(words) for words in STAFF_COMMANDS]

    seen = "\n".join(replies)
    assert ELDER_PHONE not in seen and ELDER_ADDRESS not in seen and "王秀英" not in seen
    assert "/console/login/" not in seen
    assert (await community.available(elder), await community.available(zhang)) == balances
    assert (await community.task(task.id)).status == task.status
    async with runtime.redis.client() as redis:
        assert not [key async for key in redis.scan_iter("console:link:*")]
