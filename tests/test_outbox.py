"""Pushed messages are retried with backoff, recorded, and never sent twice."""

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import select, update

from bot.observability import Metrics
from bot.outbox_worker import OutboxWorker
from bot.sandbox import STATE, Fault
from storage import outbox
from storage.base import utcnow
from storage.outbox import OutboundMessage


@pytest.fixture
def worker(runtime):
    return OutboxWorker(runtime.sessions, runtime.keyring, runtime.wechat, Metrics())


async def rows(sessions):
    async with sessions() as session:
        return (await session.execute(select(OutboundMessage).order_by(OutboundMessage.id))).scalars().all()


async def make_due(sessions):
    async with sessions.begin() as session:
        await session.execute(update(OutboundMessage).values(next_attempt_at=utcnow() - timedelta(seconds=1)))


async def test_a_message_that_cannot_be_sent_now_is_retried_later_and_recorded(runtime, worker, sandbox):
    state = sandbox.app[STATE]
    state.faults.append(Fault("message/custom/send", 45009, 4))  # every quick retry of the first round fails
    await outbox.enqueue_text(runtime.sessions, runtime.keyring, "o_elder", "志愿者明天上午9点到", reason="notice")
    await worker.deliver_due()
    [row] = await rows(runtime.sessions)
    assert (row.status, row.attempts) == ("pending", 1)
    assert "45009" in row.last_error and row.next_attempt_at > utcnow()

    await make_due(runtime.sessions)
    await worker.deliver_due()
    [row] = await rows(runtime.sessions)
    assert row.status == "sent" and row.body == ""  # delivered, and the text is not kept
    assert [sent.text for sent in state.sent] == ["志愿者明天上午9点到"]


async def test_a_member_who_left_is_not_retried(runtime, worker, sandbox):
    sandbox.app[STATE].faults.append(Fault("message/custom/send", 43004, 1))
    await outbox.enqueue_text(runtime.sessions, runtime.keyring, "o_gone", "通知", reason="notice")
    await worker.deliver_due()
    [row] = await rows(runtime.sessions)
    assert row.status == "failed" and "43004" in row.last_error


async def test_the_same_reply_queued_twice_is_stored_once(runtime):
    for _ in range(2):
        await outbox.enqueue_text(runtime.sessions, runtime.keyring, "o_elder", "答复", reason="reply", dedupe_key="msg:1:0")
    assert len(await rows(runtime.sessions)) == 1


async def test_two_workers_never_send_the_same_message(runtime, sandbox):
    for number in range(20):
        await outbox.enqueue_text(runtime.sessions, runtime.keyring, "o_many", f"第{number}条", reason="notice")
    workers = [OutboxWorker(runtime.sessions, runtime.keyring, runtime.wechat, Metrics()) for _ in range(3)]
    await asyncio.gather(*(worker.deliver_due() for worker in workers))
    texts = [sent.text for sent in sandbox.app[STATE].sent]
    assert sorted(texts) == sorted(f"第{number}条" for number in range(20))


async def test_a_message_waiting_to_go_is_sealed_and_delivered_in_the_clear(runtime, worker, inbox):
    body = "王秀英摔倒了，地址：幸福路88号2栋301室"
    await outbox.notify(runtime.sessions, runtime.keyring, "o_staff_zhao", kind="sos", body=body,
                        notice={"title": "紧急求助", "keyword1": "幸福路88号2栋301室"})
    [row] = await rows(runtime.sessions)
    assert "幸福路" not in row.body and "幸福路" not in str(row.notice)
    [waiting] = await outbox.notifications_to(runtime.sessions, runtime.keyring, "o_staff_zhao")
    assert waiting.body == body and waiting.notice["keyword1"] == "幸福路88号2栋301室"
