"""Staff compose a broadcast in their chat: a preview to their own WeChat, the audience and quota, then "是"."""

from sqlalchemy import select

from storage import audit, broadcasts
from storage.clock import CLOCK
from storage.publicity_tables import BroadcastRow
from tests.broadcasts.conftest import STAFF_OPENID, broadcast_status, mass_finished_xml, received, until


async def test_a_preview_reaches_only_the_author_and_nothing_goes_out_before_yes(zhao, town, wechat_state, runtime):
    await town.member("o_vol_li", "李强")
    await town.member("o_vol_wang", "王芳", community="八一社区")
    await town.member("o_elder_chen", "陈奶奶", role="elder", born=1940)
    await town.sync_tags()

    asked = await zhao.says("群发：周六上午社区义诊，欢迎大家来")
    assert "发给谁" in asked and "2. 老人" in asked and "3. 志愿者" in asked
    assert "八一社区" in asked and "青山湖社区" in asked  # the communities members live in

    when = await zhao.says("3")
    assert "什么时候发" in when

    summary = await zhao.says("1")
    assert "预览已发到您的微信" in summary and "回复“是”" in summary
    assert "志愿者（3人）" in summary  # 李强, 王芳 and 赵敏 herself
    assert "今天还能群发1次" in summary
    assert await until(lambda: _has(wechat_state, STAFF_OPENID, "preview"))
    assert received(wechat_state, STAFF_OPENID, "preview") == ["周六上午社区义诊，欢迎大家来"]
    assert received(wechat_state, "o_vol_li") == [] and wechat_state.mass_jobs == {}

    answer = await zhao.says("是")
    assert "群发 #1 开始发送" in answer
    assert await broadcast_status(runtime, 1, broadcasts.DONE)
    volunteers_tag = next(tag_id for tag_id, name in wechat_state.tags.items() if name == "志愿者")
    assert wechat_state.mass_jobs.keys() == {"broadcast-1"}
    assert received(wechat_state, "o_vol_li", "mass") == ["周六上午社区义诊，欢迎大家来"]
    assert received(wechat_state, "o_vol_wang", "mass") == ["周六上午社区义诊，欢迎大家来"]
    assert received(wechat_state, "o_elder_chen") == []
    assert all(volunteers_tag in wechat_state.member_tags[openid] for openid in ("o_vol_li", "o_vol_wang"))
    actions = [entry.action for entry in await audit.entries(runtime.sessions, limit=20)]
    assert "broadcast_preview" in actions and "broadcast_confirmed" in actions


async def _has(state, openid: str, channel: str) -> bool:
    return bool(received(state, openid, channel))


async def test_wechats_report_of_the_mass_send_is_recorded_and_told_to_the_author(zhao, town, wechat, inbox,
                                                                                   runtime):
    await town.member("o_elder_chen", "陈奶奶", role="elder", born=1940)
    await town.sync_tags()
    await zhao.says("给老人群发：明天停水，请提前接水")
    await zhao.says("2")  # the elders: who receives it is always asked
    await zhao.says("1")
    await zhao.says("是")
    assert await broadcast_status(runtime, 1, broadcasts.DONE)
    sent = await broadcasts.get(runtime.sessions, 1)
    assert sent.wechat_msg_id and sent.audience == "elder"
    await inbox.skip_to_now(STAFF_OPENID)

    answer = await wechat.post(mass_finished_xml(wechat, sent.wechat_msg_id, total=3, filtered=2, sent=2, errors=0))
    assert answer.silent

    recorded = await broadcasts.get(runtime.sessions, 1)
    assert (recorded.sent, recorded.failed, recorded.skipped) == (2, 0, 1)
    assert recorded.result["finish"]["status"] == "send success"
    assert any("微信已发完：发出 2，失败 0" in text for text in await inbox.wait_for(STAFF_OPENID, "微信已发完"))


async def test_a_notice_asked_for_in_the_middle_of_something_else_keeps_its_words(zhao, town, wechat_state):
    await town.member("o_elder_chen", "陈奶奶", role="elder", born=1940)
    await town.sync_tags()
    await zhao.says("找人帮忙")
    offered = await zhao.says("给老年人发：下周二上午社区免费量血压")
    assert "改为“群发”吗" in offered
    assert "发给谁" in await zhao.says("是")  # not "要群发什么内容？": the words were said with the ask
    await zhao.says("2")
    assert "预览已发到您的微信" in await zhao.says("1")
    assert await until(lambda: _has(wechat_state, STAFF_OPENID, "preview"))
    assert received(wechat_state, STAFF_OPENID, "preview") == ["下周二上午社区免费量血压"]


async def test_when_the_days_quota_is_used_staff_are_told_plainly_and_nothing_is_sent(zhao, town, wechat_state,
                                                                                     runtime):
    await town.member("o_vol_li", "李强")
    await town.sync_tags()
    await zhao.says("给志愿者群发：明天培训")
    await zhao.says("3")
    await zhao.says("1")
    await zhao.says("是")
    assert await broadcast_status(runtime, 1, broadcasts.DONE)

    await zhao.says("给志愿者群发：后天也培训")
    await zhao.says("3")
    summary = await zhao.says("1")
    assert "今天还能群发0次" in summary
    answer = await zhao.says("是")
    assert "今天的群发次数已经用完了（每天1次），这条没有发出" in answer
    assert received(wechat_state, "o_vol_li", "mass") == ["明天培训"]
    assert "群发 #1 已发出，不能取消了" in await zhao.says("取消群发 1")
    async with runtime.sessions() as session:
        assert len((await session.execute(select(BroadcastRow))).scalars().all()) == 1


async def test_someone_not_staff_cannot_broadcast_nor_see_or_cancel_broadcasts(member_chat, town, wechat_state):
    await town.member("o_vol_li", "李强")
    li = member_chat("o_vol_li")
    assert "只有社区工作人员能用" in await li.says("群发：大家好")
    assert "只有社区工作人员能用" in await li.says("群发记录")
    assert "只有社区工作人员能用" in await li.says("取消群发 1")
    assert wechat_state.sent == []


async def test_a_scheduled_broadcast_can_be_cancelled_before_it_starts_and_history_shows_it(zhao, town, runtime):
    await town.member("o_vol_li", "李强")
    assert "发给谁" in await zhao.says("群发：社区义诊")
    assert "什么时候发" in await zhao.says("3")  # volunteers
    summary = await zhao.says("明天上午9点")
    assert "09:00" in summary and "客服消息" in summary  # no tags synced: customer-service fan-out
    answer = await zhao.says("是")
    assert "群发 #1 安排在" in answer and "09:00" in answer
    scheduled = await broadcasts.get(runtime.sessions, 1)
    assert scheduled.status == broadcasts.SCHEDULED and scheduled.scheduled_at > scheduled.created_at
    job = await runtime.jobs.redis.zscore("timebank:jobs", "broadcast:1")
    assert job is not None and job / 1000 >= (scheduled.scheduled_at - CLOCK.offset).timestamp() - 1  # deferred to its time

    assert "已取消群发 #1" in await zhao.says("取消群发 1")
    assert "已取消群发 #1" in await zhao.says("取消群发 1")  # said twice, still just cancelled
    assert "没有编号 9 的群发" in await zhao.says("取消群发 9")

    record = await zhao.says("群发记录")
    assert "#1" in record and "已取消" in record and "社区义诊" in record and "志愿者" in record
    assert "赵*" in record and "赵敏" not in record  # the author, masked
    actions = [entry.action for entry in await audit.entries(runtime.sessions, limit=20)]
    assert "broadcast_cancelled" in actions
