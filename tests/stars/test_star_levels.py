"""A volunteer's hours become stars: `我的星级` says where they stand, and each step is congratulated once."""

import asyncio
from datetime import timedelta

from storage.base import utcnow
from storage.ledger.served_hours import served_minutes
from storage.stars import StarMilestoneRow
from sqlalchemy import func, select


async def congratulations(inbox, openid, outbox_drained) -> list[str]:
    await outbox_drained()
    return [text for text in await inbox.wait_for(openid, timeout_s=0.2) if "恭喜" in text]


async def a_visit_waiting_for_its_confirmation(community, zhang, elder, *, minutes=120, hours_ahead=26):
    task = await community.request(elder, minutes=minutes, hours_ahead=hours_ahead)
    await community.accepted_by(zhang, task, utcnow())
    return await community.visit(zhang, await community.task(task.id))


async def test_a_volunteer_reaching_100_hours_is_told_1_star_once_even_when_the_confirmation_comes_again(
        community, member_chat, wechat, inbox, outbox_drained):
    elder = await community.elder()
    zhang = await community.volunteer("o_vol_zhang", "张志强")
    await community.hours_of_service(zhang, elder, 98)
    chat = member_chat("o_vol_zhang")

    assert await chat.says("我的星级") == "您已经服务了98小时，谢谢您！\n再服务2小时就是1★志愿者。"
    task = await a_visit_waiting_for_its_confirmation(community, zhang, elder)
    done_at = task.starts_at + timedelta(minutes=130)
    confirmation = wechat.text("o_elder_wang", "确认完成", created=done_at)
    assert "已确认完成" in (await wechat.post(confirmation)).text
    await wechat.post(confirmation)  # WeChat sends the same message again
    await member_chat("o_elder_wang").says("确认完成", at=done_at + timedelta(minutes=1))  # and she says it again

    told = await congratulations(inbox, "o_vol_zhang", outbox_drained)
    assert told == ["恭喜！您的志愿服务满100小时，成为1★志愿者！谢谢您！\n再服务200小时就是2★志愿者。\n"
                    "每个月社区会在光荣榜上感谢服务的志愿者（名字只显示姓，比如“王**”）。"
                    "想上榜，请回复“上光荣榜”；不想上，不用回复。"]
    assert await chat.says("我几星了") == "您已经服务了100小时，现在是1★志愿者。\n再服务200小时就是2★。"


async def test_someone_who_has_not_served_yet_is_told_how_to_begin(community, member_chat):
    await community.volunteer("o_vol_new", "李新")
    await community.elder()
    assert await member_chat("o_vol_new").says("星级") == (
        "您还没有服务记录，所以还没有星级。\n1. 发“有什么任务”，看看谁需要帮忙\n"
        "2. 接单、上门服务，老人确认后就记下时长\n服务满100小时就是1★志愿者。")
    assert "星级是给志愿者的" in await member_chat("o_elder_wang").says("我的星级")
    assert "注册" in await member_chat("o_stranger").says("我的星级")


async def test_the_first_service_10_hours_and_50_hours_are_each_congratulated(
        community, member_chat, inbox, outbox_drained):
    elder = await community.elder()
    zhang = await community.volunteer("o_vol_zhang", "张志强")
    async def paid_through_the_chat(minutes, hours_ahead):
        await member_chat("o_vol_zhang").says("你好")  # a fresh window: WeChat's five pushes after a message
        await inbox.skip_to_now("o_vol_zhang")
        task = await a_visit_waiting_for_its_confirmation(community, zhang, elder, minutes=minutes,
                                                          hours_ahead=hours_ahead)
        end = task.starts_at + timedelta(minutes=minutes)
        assert "已确认完成" in await member_chat("o_elder_wang").says("确认完成", at=end)
        return await congratulations(inbox, "o_vol_zhang", outbox_drained)

    first = await paid_through_the_chat(120, 26)
    assert len(first) == 1 and first[0].startswith("恭喜您完成第一次志愿服务！") and "上光荣榜" in first[0]
    assert await paid_through_the_chat(120, 50) == []  # 4 hours: nothing to say
    await community.hours_of_service(zhang, elder, 4)  # 8 hours
    ten = await paid_through_the_chat(180, 74)  # 11 hours
    assert len(ten) == 1 and ten[0].startswith("恭喜！您的志愿服务满10小时了") and "再服务89小时就是1★" in ten[0]
    assert "光荣榜" not in ten[0]  # offered once, with the first congratulation
    await community.hours_of_service(zhang, elder, 38, starting=utcnow() - timedelta(days=30))  # 49 hours
    fifty = await paid_through_the_chat(120, 98)
    assert fifty == ["恭喜！您的志愿服务满50小时了，谢谢您！\n再服务49小时就是1★志愿者。"]  # the roll was offered once


async def test_two_payments_racing_across_a_level_tell_it_once(community, member_chat, wechat, inbox,
                                                                 outbox_drained, runtime):
    wang = await community.elder()
    li = await community.elder("o_elder_li", "李桂英")
    zhang = await community.volunteer("o_vol_zhang", "张志强")
    await community.hours_of_service(zhang, wang, 98)
    await member_chat("o_vol_zhang").says("你好")
    await inbox.skip_to_now("o_vol_zhang")
    first = await a_visit_waiting_for_its_confirmation(community, zhang, wang, hours_ahead=26)
    second = await a_visit_waiting_for_its_confirmation(community, zhang, li, hours_ahead=30)
    late = second.starts_at + timedelta(minutes=125)

    replies = await asyncio.gather(member_chat("o_elder_wang").says("确认完成", at=late),
                                   member_chat("o_elder_li").says("确认完成", at=late))

    assert all("已确认完成" in reply for reply in replies)
    assert (await served_minutes(runtime.sessions, zhang.ledger_ref)).total == 102 * 60
    told = await congratulations(inbox, "o_vol_zhang", outbox_drained)
    assert len(told) == 1 and "成为1★志愿者" in told[0]
    async with runtime.sessions() as session:
        assert (await session.execute(select(func.count()).select_from(StarMilestoneRow))).scalar_one() == 1
