"""Pushes within WeChat's current rules: 5 customer-service messages in 48 hours after a member's message,
3 in a minute after a menu tap, follow or scan; the rest by template, or kept for the member's next message.

The sandbox enforces the same windows here (POST /sandbox/windows), as the simulator tells it what members do.
"""

import asyncio

import pytest

from bot.observability import Metrics
from bot.outbox_worker import outbox_worker
from bot.sandbox import STATE
from storage import outbox
from storage.base import utcnow
from storage.contact_window import ContactWindow

TEMPLATES = {"reminder": "tmpl-reminder-02"}


@pytest.fixture
def bot_config(bot_config):
    return bot_config.with_overrides(notifications={"templates": TEMPLATES})


@pytest.fixture
async def enforced(sandbox, inbox):
    async with inbox._http.post(str(sandbox.make_url("/sandbox/windows")), json={"enforce": True}) as response:
        assert (await response.json())["enforced"]


async def wrote(inbox, sandbox, runtime, openid):
    """The member wrote: WeChat (the sandbox) and our record both know, with no reply of ours to count."""
    async with inbox._http.post(str(sandbox.make_url("/sandbox/interactions")),
                                json={"openid": openid, "kind": "message"}) as response:
        assert response.status == 200
    await ContactWindow(runtime.redis, rules=runtime.config.notifications.window_rules).member_wrote(openid, utcnow())


async def push(runtime, openid, kind, body, key):
    await outbox.notify(runtime.sessions, runtime.keyring, openid, kind=kind, body=body, dedupe_key=key,
                        notice={"title": body})


async def settled(runtime, openid, count):
    for _ in range(400):
        notes = await outbox.notifications_to(runtime.sessions, runtime.keyring, openid)
        if len(notes) >= count and all(note.status not in (outbox.PENDING, outbox.SENDING) for note in notes):
            return notes
        await asyncio.sleep(0.05)
    raise AssertionError(f"the outbox never settled: {notes}")


async def test_offers_beyond_the_quota_wait_for_the_next_message_and_come_in_one_digest(
        enforced, member_chat, inbox, runtime, sandbox):
    await wrote(inbox, sandbox, runtime, "o_vol_zhang")
    for number in range(1, 6):
        await push(runtime, "o_vol_zhang", "task_offer", f"新需求 #{number}", f"offer:{number}")
    notes = await settled(runtime, "o_vol_zhang", 5)
    # Offers may use three of the five: two stay free for alerts and the member's own service.
    assert [note.status for note in notes] == ["sent"] * 3 + ["held"] * 2
    await push(runtime, "o_vol_zhang", "reminder", "提醒：明天上午9点陪王奶奶去医院", "remind:1")
    await push(runtime, "o_vol_zhang", "no_show", "志愿者没来", "no_show:1")
    notes = await settled(runtime, "o_vol_zhang", 7)
    assert [note.status for note in notes][5:] == ["sent", "sent"]
    assert len(runtime.config.notifications.templates) == 1  # none for offers: they were held, not lost

    answer = await member_chat("o_vol_zhang").says("我的订单")
    assert answer
    digest = "\n".join(await inbox.wait_for("o_vol_zhang", "您有2条新消息"))
    assert "1. 新需求 #4" in digest and "2. 新需求 #5" in digest
    assert [note.status for note in await settled(runtime, "o_vol_zhang", 7)] == ["sent"] * 7


async def test_a_menu_tap_allows_three_pushes_within_the_minute(enforced, wechat, runtime, sandbox):
    answer = await wechat.post(wechat.event("o_vol_li", "CLICK", "help"))
    assert answer.status == 200
    for number in range(1, 5):
        await push(runtime, "o_vol_li", "reminder", f"提醒 {number}", f"remind:{number}")
    notes = await settled(runtime, "o_vol_li", 4)
    channels = [sent.channel for sent in sandbox.app[STATE].sent if sent.openid == "o_vol_li"]
    # Reminders leave one slot of the three for a safety alert (a reply that missed the deadline takes one
    # of those two); the rest go as the configured template, and WeChat refused none.
    assert channels.count("custom") == 2 and channels.count("template") == len(channels) - 2
    assert all(note.status == "sent" for note in notes)
    assert not [attempt for attempt in await outbox.delivery_attempts(runtime.sessions, openid="o_vol_li")
                if attempt.errcode == 45015]


async def test_errcode_45015_closes_the_window_at_once(enforced, runtime, sandbox):
    window = ContactWindow(runtime.redis, rules=runtime.config.notifications.window_rules)
    await window.member_wrote("o_vol_chen", utcnow())  # we think the window is open; WeChat does not
    await push(runtime, "o_vol_chen", "reminder", "提醒：明天", "remind:1")
    await outbox_worker(runtime, Metrics()).deliver_due()
    attempts = [(a.channel, a.result, a.errcode)
                for a in await outbox.delivery_attempts(runtime.sessions, openid="o_vol_chen")]
    assert attempts == [("customer_service", "failed", 45015), ("template", "sent", None)]
    assert not await window.take("o_vol_chen")  # closed in Redis at once: the next goes straight to a template
