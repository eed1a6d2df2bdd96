"""The push "满意的话回复“确认完成”" answered as elders answer it: "好的", "做完了", "很满意", or a low score.

Found walking `timebank dev`: each of these answered "好的。还需要什么", "这是志愿者接单用的" or "您现在没有可以办
这件事的单", and the elder believed she had confirmed.
"""

from datetime import timedelta

import pytest

from storage import tasks


@pytest.fixture
async def visit_over(community, member_chat):
    """Grandma Wang's companion has come and checked out; the visit waits for her word."""
    elder = await community.elder()
    zhang = await community.volunteer("o_vol_zhang", "张志强")
    task = await community.request(elder)
    volunteer = member_chat("o_vol_zhang")
    assert "接单成功" in await volunteer.says(f"接单 {task.id}")
    assert "签到成功" in await volunteer.says(f"签到 {task.id}", at=task.starts_at)
    assert "签退成功" in await volunteer.says("签退", at=task.starts_at + timedelta(minutes=120))
    return task, zhang


@pytest.mark.parametrize("answer", ["好的", "可以", "没问题", "做完了", "完成了"])
async def test_a_plain_yes_or_done_confirms_the_visit(answer, visit_over, community, member_chat):
    task, zhang = visit_over
    reply = await member_chat("o_elder_wang").says(answer, at=task.starts_at + timedelta(minutes=130))
    assert "已确认完成" in reply and "打分" in reply
    assert (await community.task(task.id)).status == tasks.DONE
    assert await community.available(zhang) == task.cost_min


async def test_very_satisfied_confirms_and_rates_at_once(visit_over, community, member_chat, runtime):
    task, zhang = visit_over
    reply = await member_chat("o_elder_wang").says("很满意 谢谢小张", at=task.starts_at + timedelta(minutes=130))
    assert "已确认完成" in reply and "谢谢您的评价" in reply
    assert (await community.task(task.id)).status == tasks.DONE
    assert (await tasks.rating_of(runtime.sessions, task.id, tasks.REQUESTER)).stars == 5


async def test_a_low_score_pays_nobody_and_says_how_to_report_a_problem(visit_over, community, member_chat, runtime):
    task, zhang = visit_over
    reply = await member_chat("o_elder_wang").says("1星", at=task.starts_at + timedelta(minutes=130))
    assert "还没确认完成" in reply and "有问题" in reply and "确认完成" in reply
    assert (await community.task(task.id)).status == tasks.IN_SERVICE
    assert await community.available(zhang) == 0


async def _a_visit_under_way(community, member_chat):
    elder = await community.elder()
    await community.volunteer("o_vol_zhang", "张志强")
    task = await community.request(elder)
    volunteer = member_chat("o_vol_zhang")
    await volunteer.says(f"接单 {task.id}")
    await volunteer.says(f"签到 {task.id}", at=task.starts_at)
    return task, volunteer


async def test_the_volunteer_still_on_a_visit_checks_out_with_the_same_words(community, member_chat):
    task, volunteer = await _a_visit_under_way(community, member_chat)
    assert "签退成功" in await volunteer.says("做完了", at=task.starts_at + timedelta(minutes=120))


async def test_unhappy_while_the_volunteer_is_still_there_is_told_how_to_report_it(community, member_chat):
    # Found walking `timebank dev`: "不满意" during a visit answered "这一单您已经评价过了" about an older one.
    task, _ = await _a_visit_under_way(community, member_chat)
    reply = await member_chat("o_elder_wang").says("不满意", at=task.starts_at + timedelta(minutes=30))
    assert f"#{task.id}" in reply and "有问题" in reply and "评价过" not in reply
    assert (await community.task(task.id)).status == tasks.IN_SERVICE
