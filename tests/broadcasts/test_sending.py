"""The worker sends: mass send within WeChat's rules, fan-out to each member inside the 48-hour window."""

from datetime import timedelta

from bot.sandbox import Fault
from bot.worker import build_worker
from storage import broadcasts, outbox, stories
from storage.base import utcnow
from storage.broadcasts import FANOUT, MASS
from storage.members import Actor
from storage.publicity_tables import BroadcastRecipientRow
from tests.broadcasts.conftest import STAFF_OPENID, received

from sqlalchemy import select


async def confirmed(runtime, author, *, audience: str, channel: str, content: str = "重阳节活动报名开始了",
                    at=None) -> broadcasts.Broadcast:
    """A broadcast as staff confirm it in chat, queued for the worker."""
    broadcast = await broadcasts.create(runtime.sessions, author=Actor(author.id), content=content, audience=audience,
                                        channel=channel, request_key=f"test:{content}:{audience}", now=utcnow(),
                                        scheduled_at=at)
    await runtime.jobs.enqueue("send_broadcast", broadcast.id, job_id=f"broadcast:{broadcast.id}", at=at)
    return broadcast


async def work_the_queue(runtime) -> None:
    worker = build_worker(runtime, burst=True)
    try:
        await worker.async_run()
    finally:
        await worker.close()


async def told_to_author(runtime) -> list[str]:
    return [note.body for note in await outbox.notifications_to(runtime.sessions, runtime.keyring, STAFF_OPENID)]


async def recipients(runtime, broadcast_id: int) -> dict[str, tuple[str, str | None]]:
    async with runtime.sessions() as session:
        rows = (await session.execute(select(BroadcastRecipientRow).where(
            BroadcastRecipientRow.broadcast_id == broadcast_id))).scalars().all()
    return {row.openid: (row.status, row.reason) for row in rows}


async def test_fan_out_reaches_those_in_the_window_honours_opt_outs_and_reports_progress(runtime, town, zhao_member,
                                                                                       wechat_state):
    for openid, name in (("o_a", "安"), ("o_b", "白"), ("o_c", "陈"), ("o_d", "邓"), ("o_e", "鄂")):
        await town.member(openid, name, community="八一社区")
    await town.wrote_to_us("o_a", "o_b", "o_c", "o_d")  # 鄂 has not written in 48 hours
    await town.opt_out(await _member(runtime, "o_d"))
    broadcast = await confirmed(runtime, zhao_member, audience="community:八一社区", channel=FANOUT)

    await work_the_queue(runtime)

    for openid in ("o_a", "o_b", "o_c"):
        assert received(wechat_state, openid, "custom") == ["重阳节活动报名开始了"]
    assert received(wechat_state, "o_d") == [] and received(wechat_state, "o_e") == []
    assert await recipients(runtime, broadcast.id) == {
        "o_a": ("sent", None), "o_b": ("sent", None), "o_c": ("sent", None),
        "o_d": ("skipped", "opted_out"), "o_e": ("skipped", "outside_window")}
    done = await broadcasts.get(runtime.sessions, broadcast.id)
    assert (done.status, done.audience_size, done.sent, done.failed, done.skipped) == ("done", 5, 3, 0, 2)
    told = await told_to_author(runtime)
    assert any(text.startswith(f"群发 #{broadcast.id}：已发送") and "失败 0" in text for text in told)  # every 2
    assert told[-1] == f"群发 #{broadcast.id} 发完了：发出 3/5，失败 0，跳过 2（已退订或48小时内没联系过）。"


async def _member(runtime, openid):
    from storage import members

    return await members.member_by_openid(runtime.sessions, openid)


async def test_busy_wechat_is_retried_with_backoff_and_each_busy_answer_recorded(runtime, town, zhao_member,
                                                                                wechat_state):
    await town.member("o_a", "安")
    await town.member("o_b", "白")
    await town.sync_tags()
    wechat_state.faults += [Fault("message/mass/sendall", 45009, 1), Fault("message/mass/sendall", -1, 1)]
    broadcast = await confirmed(runtime, zhao_member, audience="volunteer", channel=MASS)

    await work_the_queue(runtime)

    done = await broadcasts.get(runtime.sessions, broadcast.id)
    assert done.status == "done" and done.result["retries"] == {"45009": 1, "-1": 1}
    assert wechat_state.calls["message/mass/sendall"] == 3
    assert received(wechat_state, "o_a", "mass") == received(wechat_state, "o_b", "mass") == ["重阳节活动报名开始了"]


async def test_a_busy_answer_to_one_customer_service_message_delays_only_that_member(runtime, town, zhao_member,
                                                                                    wechat_state):
    await town.member("o_a", "安", community="八一社区")
    await town.member("o_b", "白", community="八一社区")
    await town.wrote_to_us("o_a", "o_b")
    wechat_state.faults += [Fault("message/custom/send", 45009, 1), Fault("message/custom/send", -1, 1)]
    broadcast = await confirmed(runtime, zhao_member, audience="community:八一社区", channel=FANOUT)

    await work_the_queue(runtime)

    assert received(wechat_state, "o_a") == received(wechat_state, "o_b") == ["重阳节活动报名开始了"]
    done = await broadcasts.get(runtime.sessions, broadcast.id)
    assert (done.status, done.sent) == ("done", 2) and done.result["retries"] == {"45009": 1, "-1": 1}


async def test_a_mass_send_wechat_already_took_is_not_sent_again(runtime, town, zhao_member, wechat_state):
    """The worker died after WeChat accepted the mass send: the retry's clientmsgid is answered 45065."""
    await town.member("o_a", "安")
    await town.sync_tags()
    broadcast = await confirmed(runtime, zhao_member, audience="volunteer", channel=MASS)
    tag_id = next(tag_id for tag_id, name in wechat_state.tags.items() if name == "志愿者")
    await runtime.wechat.send_mass_text("重阳节活动报名开始了", client_msg_id=broadcast.clientmsgid, tag_id=tag_id)

    await work_the_queue(runtime)

    done = await broadcasts.get(runtime.sessions, broadcast.id)
    assert done.status == "done" and done.wechat_msg_id == str(wechat_state.mass_jobs[broadcast.clientmsgid])
    assert received(wechat_state, "o_a", "mass") == ["重阳节活动报名开始了"]


async def test_when_wechat_says_the_quota_is_gone_the_author_hears_it_and_nobody_gets_it(runtime, town, zhao_member,
                                                                                       wechat_state):
    await town.member("o_a", "安")
    await town.sync_tags()
    wechat_state.faults.append(Fault("message/mass/sendall", 45028, 1))
    broadcast = await confirmed(runtime, zhao_member, audience="volunteer", channel=MASS)

    await work_the_queue(runtime)

    failed = await broadcasts.get(runtime.sessions, broadcast.id)
    assert failed.status == "failed" and failed.result["error"] == "quota"
    assert received(wechat_state, "o_a") == []
    assert (await told_to_author(runtime))[-1] == f"群发 #{broadcast.id} 没有发出：群发次数已经用完了。"


async def test_a_scheduled_broadcast_waits_for_its_time(runtime, town, zhao_member, wechat_state):
    await town.member("o_a", "安", community="八一社区")
    await town.wrote_to_us("o_a")
    at = utcnow() + timedelta(seconds=1)
    broadcast = await confirmed(runtime, zhao_member, audience="community:八一社区", channel=FANOUT, at=at)

    await work_the_queue(runtime)  # a burst worker runs until the deferred job has run

    done = await broadcasts.get(runtime.sessions, broadcast.id)
    assert done.status == "done" and done.started_at >= at
    assert received(wechat_state, "o_a") == ["重阳节活动报名开始了"]


async def test_a_success_story_is_broadcast_and_marked_as_pushed(zhao, zhao_member, town, runtime, wechat_state):
    await town.member("o_a", "安")
    story = await stories.add_story(runtime.sessions, Actor(zhao_member.id), "刘阿姨的陪诊", "志愿者小王陪刘阿姨去医院复查。")
    assert "发给谁" in await zhao.says(f"群发故事 {story.id}")
    await zhao.says("1")  # everyone
    summary = await zhao.says("现在")
    assert "刘阿姨的陪诊" in summary and "全体成员" in summary
    await zhao.says("是")

    async def pushed() -> bool:
        return (await stories.story(runtime.sessions, story.id)).broadcast_id is not None

    from tests.broadcasts.conftest import until
    assert await until(pushed)
    assert "没有编号 99 的故事" in await zhao.says("群发故事 99")
