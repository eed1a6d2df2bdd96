"""What staff type is what members read: every mark kept, and a time or a place inside the text is just text."""

import pytest

from storage import broadcasts
from tests.broadcasts.conftest import STAFF_OPENID, broadcast_status, received, until

TYPED = "周六上午9点，八一社区的老人请到活动室！！体检～～（带上医保卡）😀……谢谢。。。"


@pytest.fixture
async def people(town):
    await town.member("o_vol_li", "李强")
    await town.member("o_elder_chen", "陈奶奶", role="elder", born=1940, community="八一社区")
    await town.sync_tags()


async def test_a_broadcast_in_one_message_keeps_its_marks_and_asks_audience_and_time(people, zhao, wechat_state,
                                                                                       runtime):
    asked = await zhao.says(f"群发 {TYPED}")
    assert "发给谁" in asked and "1. 全体成员" in asked  # neither 老人 nor 八一社区 was taken from the text
    assert "什么时候发" in await zhao.says("1")  # nor 周六上午9点
    summary = await zhao.says("1")
    assert "全体成员" in summary and "现在" in summary
    assert "群发 #1 开始发送" in await zhao.says("是")
    assert await broadcast_status(runtime, 1, broadcasts.DONE)
    sent = await broadcasts.get(runtime.sessions, 1)
    assert sent.content == TYPED and sent.audience == broadcasts.ALL and sent.scheduled_at is None
    assert received(wechat_state, "o_vol_li", "mass") == [TYPED]


async def test_a_colon_form_keeps_its_content_exactly(people, zhao, runtime):
    await zhao.says(f"给老人群发：{TYPED}")
    assert "什么时候发" in await zhao.says("全体成员")  # the audience is answered by its words too
    await zhao.says("现在")
    await zhao.says("是")
    assert (await broadcasts.get(runtime.sessions, 1)).content == TYPED


async def test_content_answered_in_the_flow_keeps_its_marks(people, zhao, wechat_state, runtime):
    assert "群发什么内容" in await zhao.says("群发")
    assert "发给谁" in await zhao.says(f"  {TYPED}  ")
    await zhao.says("3")  # volunteers
    assert "09:00" in await zhao.says("明天上午9点")  # the time is its own answer
    assert "安排在" in await zhao.says("是")
    scheduled = await broadcasts.get(runtime.sessions, 1)
    assert scheduled.content == TYPED and scheduled.audience == "volunteer" and scheduled.scheduled_at is not None
    assert await until(lambda: _previewed(wechat_state))
    assert received(wechat_state, STAFF_OPENID, "preview") == [TYPED]


async def test_content_whose_words_read_as_a_question_is_still_the_content(people, zhao, runtime):
    assert "群发什么内容" in await zhao.says("群发")
    assert "发给谁" in await zhao.says("周六陪诊培训")
    await zhao.says("1")
    await zhao.says("现在")
    await zhao.says("是")
    assert (await broadcasts.get(runtime.sessions, 1)).content == "周六陪诊培训"


async def _previewed(state) -> bool:
    return bool(received(state, STAFF_OPENID, "preview"))


def test_the_content_starts_after_the_broadcast_words_and_keeps_its_own_colons():
    from handlers.broadcast import typed_content

    assert typed_content("群发 提醒：明天停水！") == "提醒：明天停水！"
    assert typed_content("给老人群发：明天14:30体检") == "明天14:30体检"
    assert typed_content("群发  ：  大家好 ") == "大家好"
    assert typed_content("通知大家：明天停水") == "明天停水"
    assert typed_content("给所有人说一声：明天停水") == "明天停水"
    assert typed_content("群发") is None and typed_content("给所有人说一声") is None


@pytest.mark.parametrize("asked, content", [
    ("告诉所有志愿者，这个月服务满十小时的可以来站里领保温杯！不想收的回复退订。",
     "这个月服务满十小时的可以来站里领保温杯！不想收的回复退订。"),
    ("公告一下 下周一服务站停电一天，请大家互相转告。", "下周一服务站停电一天，请大家互相转告。"),
    ("给所有老人群发一下，内容是：明天上午停水！", "明天上午停水！"),
    ("通知所有的用户，时间银行新规则：每人每月最多转赠10个时间币。", "时间银行新规则：每人每月最多转赠10个时间币。"),
])
async def test_a_notice_asked_for_in_a_desks_everyday_words_is_sent_as_typed(people, zhao, runtime, asked, content):
    """Round thirty-two: the words that ask for the notice are not in it, whatever they are, and its marks are."""
    assert "发给谁" in await zhao.says(asked)
    await zhao.says("1")
    await zhao.says("现在")
    await zhao.says("是")
    assert (await broadcasts.get(runtime.sessions, 1)).content == content
