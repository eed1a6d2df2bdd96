"""Answers as elders give them: a year said short or as an age, a length said roughly or not known, and a
wrong line of the summary mended without starting over."""

from storage import members, tasks
from storage.clock import utcnow


async def test_an_elder_gives_her_age_and_mends_the_address_at_the_summary(member_chat, runtime):
    grandma = member_chat("o_grandma_li")
    assert "下面哪一种" in await grandma.says("我要注册")
    await grandma.says("1")
    await grandma.says("同意")
    assert "手机号" in await grandma.says("我叫李桂英")
    await grandma.says("13912345678")
    assert "哪一年出生" in await grandma.says("青山湖社区")
    assert "家的地址" in await grandma.says("我今年七十八了")
    await grandma.says("青山湖小区5栋301")
    summary = await grandma.says("我儿子李强 138 1111 2222")  # the contact's name and phone in one message
    assert "姓名：李桂英" in summary and "出生年份：1948" in summary and "紧急联系人：李强 138****2222" in summary

    assert "哪一项要改" in await grandma.says("有一项不对")
    assert "家的地址" in await grandma.says("地址写错了")
    summary = await grandma.says("青山湖小区6栋302")
    assert "请核对您的信息" in summary and "紧急联系人：李强" in summary  # every other answer kept
    assert "注册好了" in await grandma.says("是")
    member = await members.member_by_openid(runtime.sessions, "o_grandma_li")
    assert member.birth_year == 1948
    mine = await members.reveal(runtime.sessions, runtime.keyring, member.actor, member.id, ["address"],
                                members.Purpose("own_profile"))
    assert mine.address == "青山湖小区6栋302"


async def test_a_year_said_short_is_the_year_meant(member_chat):
    grandpa = member_chat("o_grandpa_zhou")
    for said in ("我要注册", "1", "同意", "周建国", "13912340000", "青山湖社区"):
        await grandpa.says(said)
    assert "家的地址" in await grandpa.says("四八年")
    for said in ("青山湖小区1栋101", "周明"):
        await grandpa.says(said)
    assert "出生年份：1948" in await grandpa.says("13800000000")


async def test_a_rough_length_is_the_most_it_takes_and_not_knowing_takes_two_hours(community, member_chat, runtime):
    await community.elder()
    wang = member_chat("o_elder_wang")
    asked = await wang.says("明天上午找人陪我去医院")
    assert "多长时间" in asked and "不知道" in asked  # the way out is said with the question
    assert "约4小时" in await _summary_after(wang, "三四个小时")
    assert "多长时间" in await wang.says("时间长短不对")
    assert "约2小时" in await wang.says("说不准")
    assert "单号" in await wang.says("是")
    posted = await tasks.open_requests(runtime.sessions, community=None, service_code=None, now=utcnow())
    assert [task.duration_min for task in posted] == [120]


async def _summary_after(chat, length: str) -> str:
    reply = await chat.says(length)
    if "在哪里" in reply:
        await chat.says("1")
        reply = await chat.says("没有")
    return reply


async def test_naming_a_line_without_faulting_it_changes_nothing_and_a_bare_age_is_asked_again(member_chat, runtime):
    grandpa = member_chat("o_grandpa_wu")
    for said in ("我要注册", "1", "同意", "吴德明", "13912341111", "青山湖社区"):
        await grandpa.says(said)
    assert "哪一年出生" in await grandpa.says("82")  # a year or an age? asked again
    assert "家的地址" in await grandpa.says("82岁")
    await grandpa.says("青山湖小区2栋202")
    assert "出生年份：1944" in await grandpa.says("我女儿吴芳 13800002222")
    assert "家的地址" not in await grandpa.says("地址没错")
    assert "不办了" in await grandpa.says("地址不要了，取消")
    assert await members.member_by_openid(runtime.sessions, "o_grandpa_wu") is None


async def test_a_request_said_where_her_name_was_asked_is_not_her_name(member_chat, runtime):
    grandma = member_chat("o_grandma_hu")
    for said in ("俺想注册一下", "老人", "同意"):
        await grandma.says(said)
    assert "先发您的名字" in await grandma.says("明朝早上九点 有冇人陪俺去一附院户查")
    assert "手机号" in await grandma.says("俺姓胡 叫胡桂兰")
    for said in ("13907910001", "青山湖社区", "1946", "北京东路12号3栋"):
        await grandma.says(said)
    assert "姓名：胡桂兰" in await grandma.says("我女儿胡敏 13907910002")
