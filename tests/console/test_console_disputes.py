"""The console settles a dispute by the same rules as `处理 N …` in chat; its alert closes only with the dispute."""

import pytest

from storage import alerts, audit, ledger, tasks
from tests.service_requests.conftest import Community


@pytest.fixture
async def disputed(runtime, member_chat):
    """王秀英 says the visit went wrong: the credits are frozen and an alert waits for staff."""
    community = Community(runtime)
    elder = await community.elder()
    await community.grant(elder, 300)
    volunteer = await community.volunteer("o_vol_zhang")
    task = await community.request(elder)
    zhang = member_chat("o_vol_zhang")
    assert "接单成功" in await zhang.says(f"接单 {task.id}")
    await zhang.says("签到")
    await zhang.says("签退")
    assert "已告诉工作人员" in await member_chat("o_elder_wang").says("有问题 只聊了半小时就走了")
    [alert] = await alerts.open_alerts(runtime.sessions)
    return community, elder, volunteer, task, alert


async def test_the_console_settles_a_dispute_and_its_alert_closes(staff, disputed, console, runtime, member_chat):
    community, elder, volunteer, task, alert = disputed
    await member_chat("o_staff_zhao").says("待办")  # her first staff command makes her staff
    zhao = await console("o_staff_zhao")
    _, page = await zhao.get("/console/alerts")
    assert f'action="/console/alerts/{alert.id}/settle"' in page and f"处理 {task.id} 全付 原因" in page

    status, page = await zhao.post(f"/console/alerts/{alert.id}/handle", {"note": "已电话联系"})
    assert status == 409 and "纠纷还没处理" in page
    status, page = await zhao.post(f"/console/alerts/{alert.id}/settle", {"decision": "PART", "amount": "", "reason": "只服务了一半"})
    assert status == 400 and "格式" in page  # a part payment names how much, as in chat
    status, page = await zhao.post(f"/console/alerts/{alert.id}/settle", {"decision": "PAY", "reason": ""})
    assert status == 400
    assert (await community.task(task.id)).status == tasks.DISPUTED

    status, page = await zhao.post(f"/console/alerts/{alert.id}/settle",
                                   {"decision": "PART", "amount": "1小时", "reason": "核实后只服务了一半"})
    assert status == 200 and "纠纷已处理" in page
    assert (await community.task(task.id)).status == tasks.DONE
    assert await community.available(volunteer) == 60 and await community.available(elder) == 240
    assert await alerts.open_alerts(runtime.sessions) == []
    [entry] = await audit.entries(runtime.sessions, action="resolve_dispute")
    assert entry.reason == "核实后只服务了一半"

    status, page = await zhao.post(f"/console/alerts/{alert.id}/settle", {"decision": "PAY", "reason": "再点一次"})
    assert status == 400  # settled once: a second decision is refused, nothing moves twice
    assert await community.available(volunteer) == 60
    assert (await ledger.verify(runtime.sessions)).ok
