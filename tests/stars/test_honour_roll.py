"""The monthly honour roll: only volunteers who said yes, masked, with their hours and stars; staff preview it and
send it through the broadcast machinery."""

from datetime import timedelta

import pytest

from handlers.context import LOCAL_TIME
from handlers.honour_roll import Month
from storage import audit, broadcasts
from storage.clock import CLOCK
from tests.broadcasts.conftest import broadcast_status

STAFF = "o_staff_zhao"


def months() -> tuple[Month, Month]:
    """(last month, the month before it), from the story's own clock."""
    last = Month.of(CLOCK.now().astimezone(LOCAL_TIME).date()).before()
    return last, last.before()


@pytest.fixture
def runs_jobs() -> bool:
    return True  # the preview and the broadcast are the job worker's


@pytest.fixture
async def served_last_month(community, member_chat):
    """Volunteers of 青山湖社区 and 八一社区 who served last month; some said yes to the roll, some did not."""
    last, before = months()
    elder = await community.elder()
    await community.staff(STAFF)
    people = {}
    for openid, name, hours, place in (("o_vol_zhang", "张志强", 6, "青山湖社区"), ("o_vol_liu", "刘芳", 3, "青山湖社区"),
                                       ("o_vol_wu", "吴敏", 8, "青山湖社区"), ("o_vol_zhou", "周红", 2, "青山湖社区"),
                                       ("o_vol_chen", "陈刚", 5, "八一社区")):
        people[openid] = volunteer = await community.volunteer(openid, name, community=place)
        await community.hours_of_service(volunteer, elder, hours, starting=last.since + timedelta(days=1, hours=9))
    await community.hours_of_service(people["o_vol_zhang"], elder, 100, starting=before.since + timedelta(hours=9))
    for openid in ("o_vol_zhang", "o_vol_liu", "o_vol_zhou", "o_vol_chen"):
        assert "好的，您会上社区的光荣榜" in await member_chat(openid).says("上光荣榜")
    assert "好的，您不会上光荣榜" in await member_chat("o_vol_zhou").says("不上光荣榜")
    return people


async def test_members_say_yes_or_no_to_the_roll_themselves_and_each_choice_is_audited(community, member_chat,
                                                                                      runtime):
    zhang = await community.volunteer("o_vol_zhang", "张志强")
    chat = member_chat("o_vol_zhang")

    assert "您现在没有上光荣榜" in await chat.says("光荣榜")
    assert await chat.says("我要上光荣榜") == "好的，您会上社区的光荣榜，名字只显示姓，比如“王**”。\n不想上了，随时发“不上光荣榜”。"
    assert await chat.says("上光荣榜") == "您已经在光荣榜上了。不想上了，发“不上光荣榜”。"
    assert "您现在在光荣榜上" in await chat.says("光荣榜")
    assert await chat.says("不想上光荣榜") == "好的，您不会上光荣榜。\n想上了，随时发“上光荣榜”。"
    assert await chat.says("不上光荣榜") == "您没有上光荣榜。想上，发“上光荣榜”。"
    actions = [entry.action for entry in await audit.entries(runtime.sessions, subject=zhang.id)]
    assert actions[:2] == ["honour_roll_opt_out", "honour_roll_opt_in"]
    assert "注册" in await member_chat("o_stranger").says("上光荣榜")


async def test_the_roll_shows_only_those_who_said_yes_masked_with_their_hours_and_stars(
        served_last_month, member_chat, runtime):
    last, _ = months()
    zhao = member_chat(STAFF)

    preview = await zhao.says("光荣榜")

    assert preview == (f"青山湖社区{last.label}志愿服务光荣榜\n1. 张** 6小时 1★\n2. 刘* 3小时\n"
                       "感谢每一位志愿者！想上榜的志愿者，发“上光荣榜”。\n——\n"
                       f"这是预览，还没有发出。要发给大家，请发“群发光荣榜 {last.key} 青山湖社区”。")
    assert "吴" not in preview and "周" not in preview and "陈" not in preview  # never said yes, said no, elsewhere
    assert "陈*" in await zhao.says(f"光荣榜 {last.month}月 八一社区")
    assert "还没有人" in await zhao.says("光荣榜 本月")
    views = [entry for entry in await audit.entries(runtime.sessions, action="honour_roll_view")]
    assert len(views) == 3 and {entry.detail["month"] for entry in views} >= {last.key}
    assert "光荣榜：每个月感谢" in await member_chat("o_vol_wu").says("光荣榜")  # a member learns what it is


async def test_staff_send_the_roll_through_the_broadcast_flow_and_who_opted_out_of_broadcasts_gets_nothing(
        served_last_month, member_chat, inbox, runtime):
    last, _ = months()
    zhao = member_chat(STAFF)
    await member_chat("o_vol_liu").says("退订")  # on the roll, but wants no broadcasts
    await inbox.skip_to_now("o_vol_zhang")

    assert "发给谁" in await zhao.says("群发光荣榜")
    assert "什么时候发" in await zhao.says("青山湖社区")
    summary = await zhao.says("1")
    assert "预览已发到您的微信" in summary and "内容：青山湖社区" in summary
    assert "群发 #1 开始发送" in await zhao.says("是")

    assert await broadcast_status(runtime, 1, broadcasts.DONE)
    sent = await broadcasts.get(runtime.sessions, 1)
    assert sent.content.startswith(f"青山湖社区{last.label}志愿服务光荣榜\n1. 张** 6小时 1★") and sent.audience \
        == "community:青山湖社区"
    assert any(text == sent.content for text in await inbox.wait_for("o_vol_zhang", "光荣榜"))
    assert not any("光荣榜" in text for text in await inbox.wait_for("o_vol_liu", "光荣榜", timeout_s=0.2))
    assert "只有社区工作人员" in await member_chat("o_vol_wu").says("群发光荣榜")
    assert "光荣榜上还没有人" in await zhao.says("群发光荣榜 本月")  # nothing to send, nothing asked
