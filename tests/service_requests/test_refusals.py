"""Every way a task action is refused, said kindly, with nothing changed."""

from storage import ledger, tasks
from storage.ledger import models as ledger_tables  # the ledger's own rows, read to check what it wrote


async def test_an_unverified_volunteer_may_look_but_not_take(community, member_chat):
    elder = await community.elder()
    await community.volunteer("o_vol_new", "新志愿者", verified=False)
    task = await community.request(elder)
    newcomer = member_chat("o_vol_new")
    listing = await newcomer.says("有什么任务")
    assert f"#{task.id}" in listing and "还没认证" in listing
    assert "还没认证" in await newcomer.says(f"接单 {task.id}")
    assert (await community.task(task.id)).status == tasks.OPEN


async def test_a_service_that_needs_training_needs_a_certificate(community, member_chat):
    elder = await community.elder()
    await community.volunteer("o_vol_zhang")
    await community.volunteer("o_vol_trained", "钱医生", certified_for=("medical_escort",))
    task = await community.request(elder, service="medical_escort")
    assert "培训" in await member_chat("o_vol_zhang").says(f"接单 {task.id}")
    assert "接单成功" in await member_chat("o_vol_trained").says(f"接单 {task.id}")


async def test_nobody_acts_on_a_task_that_is_not_theirs(community, member_chat):
    elder = await community.elder()
    await community.volunteer("o_vol_zhang")
    await community.volunteer("o_vol_liu", "刘芳")
    stranger = await community.elder("o_elder_li", "李大爷", born=1938)
    task = await community.request(elder)
    await member_chat("o_vol_zhang").says(f"接单 {task.id}")
    assert "不是您的单" in await member_chat("o_vol_liu").says(f"签到 {task.id}")
    assert "不是您的单" in await member_chat("o_elder_li").says(f"确认完成 {task.id}")
    assert (await community.task(task.id)).status == tasks.ACCEPTED
    assert stranger.id != elder.id


async def test_wrong_state_and_twice(community, member_chat, runtime):
    elder = await community.elder()
    await community.volunteer("o_vol_zhang")
    await community.volunteer("o_vol_liu", "刘芳")
    task = await community.request(elder)
    zhang = member_chat("o_vol_zhang")
    assert "接单成功" in await zhang.says(f"接单 {task.id}")
    assert "接单成功" in await zhang.says(f"接单 {task.id}")  # said twice: still one acceptance, one hold
    assert "签到成功" in await zhang.says(f"签到 {task.id}", at=task.starts_at)
    assert "不能这样办" in await zhang.says(f"签到 {task.id}", at=task.starts_at)
    assert "已经被别的志愿者接走" in await member_chat("o_vol_liu").says(f"接单 {task.id}")
    assert "服务完成后才能评价" in await member_chat("o_elder_wang").says(f"评价 {task.id} 5星")
    async with runtime.sessions() as session:
        holds = (await session.execute(ledger_tables.HoldRow.__table__.select())).all()
    assert len(holds) == 1


async def test_someone_not_registered_reaches_only_help_about_register_and_sos(member_chat):
    stranger = member_chat("o_stranger")
    for message in ("有什么任务", "接单 3", "签到", "我的订单", "确认完成", "五星"):
        assert "我要注册" in await stranger.says(message)
    assert "时间银行" in await stranger.says("什么是时间银行")
    assert "120" in await stranger.says("救命")
