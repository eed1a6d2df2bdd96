"""Members sign up for an event in chat: it fills, the next ones wait, a cancellation moves the first one up."""

from datetime import timedelta

from storage import events
from storage.clock import CLOCK
from tests.events.conftest import STAFF_OPENID, pushes


async def test_staff_create_an_event_one_question_at_a_time(town, member_chat):
    await town.staff()
    zhao = member_chat(STAFF_OPENID)
    assert "要办什么活动" in await zhao.says("新活动")
    assert "哪项服务" in await zhao.says("1")
    assert "有效多久" in await zhao.says("陪诊")
    assert "叫什么名字" in await zhao.says("2")
    assert "什么时候开始" in await zhao.says("陪诊培训")
    assert "已经过了" in await zhao.says("昨天上午9点")
    assert "在哪里办" in await zhao.says("后天上午9点半")
    assert "几个人" in await zhao.says("社区活动室")
    assert "1到2000" in await zhao.says("0")
    audience = await zhao.says("30")
    assert "谁可以报名" in audience and "只限青山湖社区居民" in audience
    summary = await zhao.says("1")
    assert "陪诊培训" in summary and "30人" in summary and "登记证书：陪诊就医，两年" in summary
    created = await zhao.says("是")
    assert "编号1" in created and "群发活动 1" in created and "签到码 1" in created
    event = await events.event(town.runtime.sessions, 1)
    assert (event.kind, event.capacity, event.service_code, event.certificate_months) == ("training", 30, "medical_escort", 24)
    assert event.certifies and event.audience == events.COMMUNITY


async def test_the_start_is_read_when_it_is_said_not_again_at_the_confirmation(town, member_chat):
    # The story starts at 18:00: "今晚8点" is two hours ahead when said.
    await town.staff()
    zhao = member_chat(STAFF_OPENID)
    for said in ("新活动", "4", "包饺子", "今晚8点", "社区活动室", "30"):
        await zhao.says(said)
    summary = await zhao.says("1")
    assert "20:00" in summary
    CLOCK.start_at(CLOCK.now() + timedelta(hours=5))  # "是" said after midnight: still tonight's 8 o'clock, now past
    assert "活动时间已经过了" in await zhao.says("是")
    assert await events.event(town.runtime.sessions, 1) is None


async def test_an_event_fills_and_a_waiting_member_moves_up_when_someone_cancels(town, member_chat, inbox):
    staff = await town.staff()
    await town.member("o_li", "李强")
    await town.member("o_wang", "王芳")
    await town.member("o_chen", "陈奶奶", role="elder")
    await town.event(staff, capacity=2)
    li, wang, chen = member_chat("o_li"), member_chat("o_wang"), member_chat("o_chen")

    listed = await li.says("最近有什么活动")
    assert "1. " in listed and "重阳节茶话会" in listed and "还有2个名额" in listed
    assert "报名成功" in await li.says("1")  # the number after the list signs up
    assert "报名成功" in await wang.says("报名 1")
    waiting = await chen.says("报名 1")
    assert "已经报满" in waiting and "第1位" in waiting
    assert "已报满" in await chen.says("活动")

    assert "已经报上名" in await wang.says("报名 1")  # asking again changes nothing
    assert "候补第1位" in await chen.says("我的活动")

    await inbox.skip_to_now("o_chen")
    assert "已取消报名" in await wang.says("取消报名 1")
    told = await pushes(inbox, "o_chen", "候补上了")
    assert len(told) == 1 and "重阳节茶话会" in told[0] and "取消报名 1" in told[0]
    assert "已报上" in await chen.says("我的活动")
    assert "您还没有报名活动" in await wang.says("我的活动")
    assert (await events.event(town.runtime.sessions, 1)).seats_taken == 2


async def test_a_resent_sign_up_signs_up_once(town, wechat):
    staff = await town.staff()
    await town.member("o_li", "李强")
    await town.event(staff, capacity=1)
    message = wechat.text("o_li", "报名 1", msg_id=424242)
    first = await wechat.post(message)
    assert "报名成功" in first.text
    await wechat.post(message)  # WeChat sends it again when our answer is slow
    place = await events.place_of(town.runtime.sessions, 1, (await town.member("o_wang", "王芳")).id)
    assert place is None
    assert (await events.event(town.runtime.sessions, 1)).seats_taken == 1
    assert (await events.tallies(town.runtime.sessions, [1]))[1] == events.Tally(seated=1, waiting=0, attended=0)


async def test_what_members_get_wrong_gets_a_polite_answer(town, member_chat):
    staff = await town.staff()
    await town.member("o_li", "李强")
    await town.member("o_far", "周阿姨", community="八一社区")
    await town.event(staff)
    li = member_chat("o_li")
    assert "没有编号999的活动" in await li.says("报名 999")
    assert "请这样发：报名 活动编号" in await li.says("报名 abc")
    assert "没有报名编号1的活动" in await li.says("取消报名 1")
    assert "没有报名编号999的活动" in await li.says("取消报名 999")
    assert "请这样发：取消报名" in await li.says("取消报名 abc")
    assert "只面向青山湖社区" in await member_chat("o_far").says("报名 1")
    assert "最近没有活动" in await member_chat("o_far").says("活动")
    assert "注册" in await member_chat("o_stranger").says("报名 1")


async def test_a_member_who_asks_to_join_an_event_in_words_is_shown_the_events(town, member_chat):
    # Registered already, "我要参加" is about one of the community's events: "您已经注册过了" helped nobody.
    staff = await town.staff()
    await town.member("o_li", "李强")
    await town.event(staff, capacity=2)
    li = member_chat("o_li")
    listed = await li.says("看到通知了 周六那个茶话会我要参加")
    assert "重阳节茶话会" in listed and "还有2个名额" in listed
    assert "报名成功" in await li.says("1")
    asked = await li.says("培训还有名额吗")  # a question about events: how to sign up, not whether volunteers are vetted
    assert "发“活动”" in asked
