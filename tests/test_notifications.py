"""Notifications reach members the way WeChat allows: a chat message inside the 48-hour window, a template outside."""

import asyncio
from datetime import timedelta

import pytest
from sqlalchemy import update

from bot.config import load_config
from bot.observability import Metrics
from bot.outbox_worker import outbox_worker
from bot.sandbox import STATE, Fault
from storage import members, outbox
from storage.base import utcnow
from storage.contact_window import ContactWindow
from storage.outbox import OutboundMessage
from tests.members.helpers import Town

TEMPLATES = {"task_offer": "tmpl-task-offer-01", "reminder": "tmpl-reminder-02"}
OFFER = {"title": "有新的求助，您方便吗？", "keyword1": "陪诊", "keyword2": "12月3日(周四) 下午3:00",
         "keyword3": "约2小时", "remark": "回复“接单 12”即可接下"}
OFFER_TEXT = "有新的求助 #12：12月3日(周四) 下午3:00 陪诊 约2小时。回复“接单 12”即可接下。"


@pytest.fixture
def bot_config(bot_config):
    return bot_config.with_overrides(notifications={"templates": TEMPLATES, "customer_service_quota": 2})


@pytest.fixture
def worker(runtime):
    return outbox_worker(runtime, Metrics())


@pytest.fixture
def window(runtime):
    return ContactWindow(runtime.redis, rules=runtime.config.notifications.window_rules)


@pytest.fixture
def sent(sandbox):
    return sandbox.app[STATE].sent


async def offer(runtime, openid: str, number: int = 12, **options) -> None:
    await outbox.notify(runtime.sessions, runtime.keyring, openid, kind=options.pop("kind", "task_offer"), body=OFFER_TEXT,
                        notice=OFFER, dedupe_key=f"offer:{number}:{openid}", **options)


async def attempts_of(runtime, openid: str) -> list[tuple]:
    return [(attempt.channel, attempt.result, attempt.errcode)
            for attempt in await outbox.delivery_attempts(runtime.sessions, openid=openid)]


async def settled(runtime, openid: str) -> list[outbox.Notification]:
    """The member's notifications once the app's own worker has dealt with them all."""
    for _ in range(400):
        notifications = await outbox.notifications_to(runtime.sessions, runtime.keyring, openid)
        if notifications and all(note.status not in (outbox.PENDING, outbox.SENDING) for note in notifications):
            return notifications
        await asyncio.sleep(0.05)
    raise AssertionError("the app's outbox worker never settled the notification")


async def make_due(runtime) -> None:
    async with runtime.sessions.begin() as session:
        await session.execute(update(OutboundMessage).values(next_attempt_at=utcnow() - timedelta(seconds=1)))


async def test_a_volunteer_who_wrote_today_gets_the_offer_as_a_chat_message(member_chat, runtime, sandbox):
    await member_chat("o_vol_li").says("你好")
    await offer(runtime, "o_vol_li")
    [notification] = await settled(runtime, "o_vol_li")
    assert notification.status == "sent" and notification.body == ""  # delivered, and the text is not kept
    [message] = [sent for sent in sandbox.app[STATE].sent if sent.openid == "o_vol_li"]
    assert (message.channel, message.text) == ("custom", OFFER_TEXT)
    assert await attempts_of(runtime, "o_vol_li") == [("customer_service", "sent", None)]


async def test_a_volunteer_silent_for_two_days_gets_the_configured_template(runtime, worker, window, sent):
    await window.member_wrote("o_vol_wang", utcnow() - timedelta(hours=49))
    await offer(runtime, "o_vol_wang")
    await worker.deliver_due()
    [message] = sent
    assert (message.channel, message.template_id) == ("template", "tmpl-task-offer-01")
    assert message.text.splitlines() == ["first: 有新的求助，您方便吗？", "keyword1: 陪诊",
                                         "keyword2: 12月3日(周四) 下午3:00", "keyword3: 约2小时",
                                         "remark: 回复“接单 12”即可接下"]
    assert await attempts_of(runtime, "o_vol_wang") == [("template", "sent", None)]


async def test_outside_the_window_a_kind_with_no_template_is_held_and_says_why(runtime, worker, sent):
    await outbox.notify(runtime.sessions, runtime.keyring, "o_daughter", kind="binding_request", body="王丽想绑定您，回复1同意",
                        notice={"title": "亲情绑定请求"})
    await worker.deliver_due()
    assert sent == []
    [notification] = await outbox.notifications_to(runtime.sessions, runtime.keyring, "o_daughter")
    assert notification.status == "held" and notification.last_error == "outside_window_no_template"
    [attempt] = await outbox.delivery_attempts(runtime.sessions, message_id=notification.id)
    assert (attempt.channel, attempt.result, attempt.error) == ("none", "failed", "outside_window_no_template")


async def test_when_the_windows_quota_is_used_up_the_template_takes_over(runtime, worker, window, sent):
    await window.member_wrote("o_vol_zhang", utcnow())
    for number in (1, 2):  # the test config allows two customer-service messages per window
        await offer(runtime, "o_vol_zhang", number)
    await offer(runtime, "o_vol_zhang", 3, kind="no_show")
    await worker.deliver_due()
    # An offer leaves the window's last slot to what matters more: here a staff alert.
    assert [(message.channel, message.template_id) for message in sent] == [
        ("custom", ""), ("template", "tmpl-task-offer-01"), ("custom", "")]
    assert [attempt[0] for attempt in await attempts_of(runtime, "o_vol_zhang")] == [
        "customer_service", "template", "customer_service"]

    await window.member_wrote("o_vol_zhang", utcnow())  # writing again opens a fresh window and quota
    await offer(runtime, "o_vol_zhang", 4)
    await worker.deliver_due()
    assert sent[-1].channel == "custom"


async def test_a_member_who_unfollowed_is_skipped(runtime, worker, window, sent):
    elder = await Town(runtime.sessions, runtime.keyring).elder(openid="o_elder_zhao")
    await window.member_wrote(elder.openid, utcnow())
    await members.set_following(runtime.sessions, elder.openid, False)
    await outbox.notify(runtime.sessions, runtime.keyring, elder.openid, kind="reminder", body="明天上午9点，志愿者来陪您去医院。",
                        notice={"title": "服务提醒"})
    await worker.deliver_due()
    assert sent == []
    [notification] = await outbox.notifications_to(runtime.sessions, runtime.keyring, elder.openid)
    assert notification.status == "skipped" and notification.body == ""
    [attempt] = await outbox.delivery_attempts(runtime.sessions, openid=elder.openid)
    assert (attempt.channel, attempt.result, attempt.error) == ("none", "skipped", "unfollowed")


@pytest.mark.parametrize("api, errcode, inside_window", [
    ("message/custom/send", -1, True),
    ("message/template/send", 45009, False),
])
async def test_wechat_trouble_is_retried_with_backoff_and_every_attempt_recorded(
        runtime, worker, window, sandbox, sent, api, errcode, inside_window):
    if inside_window:
        await window.member_wrote("o_vol_chen", utcnow())
    sandbox.app[STATE].faults.append(Fault(api, errcode, 4))  # every quick retry of the first round fails
    await offer(runtime, "o_vol_chen")
    await worker.deliver_due()
    [notification] = await outbox.notifications_to(runtime.sessions, runtime.keyring, "o_vol_chen")
    assert notification.status == "pending" and notification.next_attempt_at > utcnow()
    assert str(errcode) in notification.last_error
    assert sent == []

    await make_due(runtime)
    await worker.deliver_due()
    channel = "customer_service" if inside_window else "template"
    assert await attempts_of(runtime, "o_vol_chen") == [(channel, "failed", errcode), (channel, "sent", None)]
    assert len(sent) == 1
    [notification] = await outbox.notifications_to(runtime.sessions, runtime.keyring, "o_vol_chen")
    assert (notification.status, notification.attempts) == ("sent", 2)


async def test_a_window_wechat_says_is_closed_falls_back_to_the_template_at_once(runtime, worker, window, sandbox,
                                                                                sent):
    await window.member_wrote("o_vol_liu", utcnow())
    sandbox.app[STATE].faults.append(Fault("message/custom/send", 45015, 1))
    await offer(runtime, "o_vol_liu", 1)
    await worker.deliver_due()
    assert [message.channel for message in sent] == ["template"]
    assert await attempts_of(runtime, "o_vol_liu") == [("customer_service", "failed", 45015), ("template", "sent", None)]

    await offer(runtime, "o_vol_liu", 2)  # our record of the window now agrees with WeChat
    await worker.deliver_due()
    assert [message.channel for message in sent] == ["template", "template"]


async def test_the_same_notification_queued_twice_is_sent_once(runtime, worker, window, sent):
    await window.member_wrote("o_vol_li", utcnow())
    await offer(runtime, "o_vol_li")
    await worker.deliver_due()
    await offer(runtime, "o_vol_li")  # e.g. matching ran again after a crash
    await worker.deliver_due()
    assert len(sent) == 1 and len(await outbox.notifications_to(runtime.sessions, runtime.keyring, "o_vol_li")) == 1


async def test_a_notification_queued_in_a_transaction_that_fails_is_never_sent(runtime, worker, sent):
    with pytest.raises(RuntimeError):
        async with runtime.sessions.begin() as session:
            await outbox.notify_in(session, runtime.keyring, "o_elder_sun", kind="task_accepted", body="张**接下了您的求助",
                                   dedupe_key="accepted:7")
            raise RuntimeError("the acceptance did not commit")
    await worker.deliver_due()
    assert sent == [] and await outbox.notifications_to(runtime.sessions, runtime.keyring, "o_elder_sun") == []


async def test_replies_still_go_as_chat_messages_and_are_recorded(runtime, worker, sent):
    await outbox.enqueue_text(runtime.sessions, runtime.keyring, "o_reader", "接上文……", reason="reply", dedupe_key="m1:1")
    await worker.deliver_due()
    assert [message.channel for message in sent] == ["custom"]
    assert await attempts_of(runtime, "o_reader") == [("customer_service", "sent", None)]


def test_template_ids_come_from_the_config_file_or_the_environment(config_file):
    from tests.test_config import MINIMAL

    path = config_file(MINIMAL + '[notifications]\ncustomer_service_quota = 5\n'
                                 '[notifications.templates]\ntask_offer = "tmpl-a"\nsos = "tmpl-b"\n')
    settings = load_config(path, environ={}).notifications
    assert settings.customer_service_quota == 5
    assert settings.template_for("sos") == "tmpl-b" and settings.template_for("reminder") is None
    from_env = load_config(path, environ={"TIMEBANK_NOTIFICATIONS_TEMPLATES": "reminder=tmpl-c"}).notifications
    assert dict(from_env.templates) == {"reminder": "tmpl-c"}
