"""The daily report: one local day's numbers, asked for in chat or pushed to every staff member at 08:00."""

from datetime import datetime, time, timedelta

import pytest
from sqlalchemy import update

from bot.daily_report import daily_report as daily_report_job
from bot.handler_context import handler_context
from bot.worker import SCHEDULE, build_worker
from handlers.context import LOCAL_TIME
from storage import alerts, ledger, members, outbox, reports, tasks
from storage.base import utcnow
from storage.members import SYSTEM, Consent, PersonalData

STAFF_PHONE = "13900009999"


class Day:
    """One local day built through storage, each step at its own moment of that day."""

    def __init__(self, runtime, day):
        self.runtime, self.day = runtime, day
        self.sessions, self.keyring, self.config = runtime.sessions, runtime.keyring, runtime.config
        self._phones = iter(range(13600000001, 13600000100))

    def at(self, hour, minute=0, days=0) -> datetime:
        return datetime.combine(self.day + timedelta(days=days), time(hour, minute), tzinfo=LOCAL_TIME)

    async def member(self, role, openid=None, *, registered_at=None):
        member = await members.register_member(
            self.sessions, self.keyring, role=role, openid=openid, community="青山湖社区",
            birth_year=1940 if role == members.ELDER else 1970, consent=Consent("2026-11", utcnow()),
            personal=PersonalData(real_name="测试", phone=str(next(self._phones))))
        await ledger.open_member_account(self.sessions, member.ledger_ref)
        if registered_at is not None:  # registration keeps the wall clock: the story moves it to its day
            async with self.sessions.begin() as session:
                await session.execute(update(members.MemberRow).where(members.MemberRow.id == member.id)
                                      .values(created_at=registered_at))
        if role == members.VOLUNTEER:
            member = await members.verify_volunteer(self.sessions, member.id, SYSTEM)
        return member

    async def give(self, member, minutes, *, at=None):
        issuance = await ledger.system_account(self.sessions, ledger.ISSUANCE)
        account = await ledger.open_member_account(self.sessions, member.ledger_ref)
        await ledger.transfer(self.sessions, ledger.TransferRequest(
            issuance.id, account.id, minutes, ledger.GRANT, f"day-grant:{member.id}", "staff:1", reason="开户"),
            now=at)

    async def donate(self, member, minutes, *, at, key):
        pool = await ledger.system_account(self.sessions, ledger.POOL)
        account = await ledger.open_member_account(self.sessions, member.ledger_ref)
        await ledger.transfer(self.sessions, ledger.TransferRequest(
            account.id, pool.id, minutes, ledger.DONATION, key, member.ledger_ref), now=at)

    async def post(self, elder, service, minutes, *, at, starts):
        return await tasks.post_request(
            self.sessions, self.keyring, request_key=f"day:{at.isoformat()}:{service}", requester_id=elder.id,
            actor=elder.actor, service_code=service, starts_at=starts, duration_min=minutes,
            catalogue=self.config.catalogue, policy=self.config.exchange, now=at)

    async def accept(self, task, volunteer, *, at):
        await tasks.accept(self.sessions, task.id, volunteer.actor, catalogue=self.config.catalogue,
                           policy=self.config.exchange, ledger_rules=self.config.ledger_rules,
                           rules=self.config.task_rules, now=at)

    async def done(self, task, elder, *, at):
        await tasks.confirm_done(self.sessions, task.id, elder.actor, ledger_rules=self.config.ledger_rules, now=at)

    async def rate(self, task, rater, stars, *, at):
        await tasks.rate(self.sessions, self.keyring, task.id, rater.actor, stars, None, now=at)


@pytest.fixture
async def yesterday(runtime):
    """Yesterday in Beijing, as the morning job sees it: three services done, one cancelled, one expired.

    The numbers it should give: 2 elders, 1 volunteer and 1 family member registered; 4 requests posted
    (one more the day before), 3 accepted, 3 done, 1 cancelled, 1 expired; companionship 2h, cleaning 1h30,
    shopping 1h; the elders' ratings 5, 4 and 2 (the volunteer's own rating of the elder not counted); of
    four alerts, two open at midnight (one handled since); 30 minutes in the pool (an hour more today).
    """
    day = Day(runtime, utcnow().astimezone(LOCAL_TIME).date() - timedelta(days=1))
    elder = await day.member(members.ELDER, "o_elder_wang", registered_at=day.at(7))
    await day.member(members.ELDER, registered_at=day.at(9))
    await day.member(members.FAMILY, registered_at=day.at(10))
    volunteer = await day.member(members.VOLUNTEER, "o_volunteer_zhang", registered_at=day.at(6))
    await day.member(members.VOLUNTEER, registered_at=day.at(0, 30, days=1))  # today: not yesterday's
    await day.member(members.ELDER, registered_at=day.at(23, 59, days=-1))  # the day before
    await day.give(elder, 600, at=day.at(6, days=-1))

    stale = await day.post(elder, "companionship", 60, at=day.at(20, days=-1), starts=day.at(7))
    await tasks.expire_stale(runtime.sessions, now=day.at(7, 30))
    assert (await tasks.task(runtime.sessions, stale.id)).status == tasks.EXPIRED

    chat = await day.post(elder, "companionship", 120, at=day.at(8), starts=day.at(10))
    await day.accept(chat, volunteer, at=day.at(8, 30))
    await day.done(chat, elder, at=day.at(12, 30))
    await day.rate(chat, elder, 5, at=day.at(12, 40))
    await day.rate(chat, volunteer, 3, at=day.at(12, 45))

    shopping = await day.post(elder, "shopping", 60, at=day.at(9), starts=day.at(14))
    await day.accept(shopping, volunteer, at=day.at(9, 10))
    await day.done(shopping, elder, at=day.at(15, 30))
    await day.rate(shopping, elder, 4, at=day.at(15, 40))

    cleaning = await day.post(elder, "cleaning", 90, at=day.at(9, 20), starts=day.at(16))
    await day.accept(cleaning, volunteer, at=day.at(9, 30))
    await day.done(cleaning, elder, at=day.at(18))
    await day.rate(cleaning, elder, 2, at=day.at(18, 5))  # raises a low-rating alert, left open

    cancelled = await day.post(elder, "companionship", 60, at=day.at(9, 30), starts=day.at(20))
    await tasks.cancel(runtime.sessions, cancelled.id, elder.actor, reason=None, rules=runtime.config.task_rules,
                       now=day.at(11))

    handled = await alerts.raise_alert(runtime.sessions, alerts.SOS, member_id=elder.id, now=day.at(10))
    await alerts.handle(runtime.sessions, handled, "staff:1", "已联系", now=day.at(10, 20))
    late = await alerts.raise_alert(runtime.sessions, alerts.NO_SHOW, member_id=volunteer.id, now=day.at(19))
    await alerts.handle(runtime.sessions, late, "staff:1", "第二天处理", now=day.at(9, days=1))
    await alerts.raise_alert(runtime.sessions, alerts.DISPUTE, member_id=elder.id, now=day.at(1, days=1))  # today

    await day.donate(elder, 30, at=day.at(16, 30), key="day-donation")
    await day.donate(elder, 60, at=day.at(0, 10, days=1), key="today-donation")
    return day


EXPECTED = (
    "新会员：老人2人，志愿者1人，家属1人（共4人）",
    "需求：发布4单，接单3单，完成3单，取消1单，过期1单",
    "服务时长：陪伴聊天 2小时，打扫保洁 1小时30分钟，代购买菜 1小时（共4小时30分钟）",
    "评价：平均3.7星（3条）；非常满意1条（33%），满意1条（33%），不满意1条（33%）",
    "待处理警报：2条",
    "公益池余额：30分钟",
)


async def test_the_report_counts_one_local_day(yesterday, runtime):
    report = await reports.daily_report(runtime.sessions, yesterday.day, zone=LOCAL_TIME, now=utcnow())
    assert dict(report.new_members) == {"elder": 2, "volunteer": 1, "family": 1}
    assert report.requests == reports.RequestCounts(posted=4, accepted=3, done=3, cancelled=1, expired=1)
    assert dict(report.minutes_by_service) == {"companionship": 120, "shopping": 60, "cleaning": 90}
    assert report.ratings == reports.Ratings(count=3, average_stars=3.67, very_satisfied=1, satisfied=1,
                                             not_satisfied=1)
    assert (report.open_alerts, report.pool_balance_min) == (2, 30)
    assert report.end - report.start == timedelta(days=1)


async def test_staff_ask_for_a_days_report_in_chat(yesterday, member_chat, runtime):
    await members.register_member(
        runtime.sessions, runtime.keyring, role=members.VOLUNTEER, openid="o_staff_zhao", community="青山湖社区",
        birth_year=1985, consent=Consent("2026-11", utcnow()), personal=PersonalData(real_name="赵敏", phone=STAFF_PHONE))
    zhao = member_chat("o_staff_zhao")
    day = yesterday.day
    report = await zhao.says(f"日报 {day.month}月{day.day}日")
    assert report.startswith(f"【每日报告】{day.month}月{day.day}日\n")
    for line in EXPECTED:
        assert line in report
    assert await zhao.says("日报 昨天") == report
    assert await zhao.says(f"日报 {day.isoformat()}") == report

    today = await zhao.says("日报")
    assert "（截至" in today and "需求：发布0单" in today and "公益池余额：1小时30分钟" in today
    assert "这一天还没到" in await zhao.says(f"日报 {day.year + 1}-01-01")
    assert "请这样发：日报" in await zhao.says("日报 上个月")
    # A day before any bank kept records; year 1 cannot even be turned into UTC
    for long_ago in ("1999-12-31", "0001-01-01", "0001年1月1日"):
        assert "2000年以前没有记录" in await zhao.says(f"日报 {long_ago}")


async def test_the_morning_job_sends_yesterdays_report_to_every_staff_member_once(yesterday, runtime):
    staff = []
    for openid, phone in (("o_staff_zhao", STAFF_PHONE), ("o_staff_qian", "13900008888")):
        member = await members.register_member(
            runtime.sessions, runtime.keyring, role=members.VOLUNTEER, openid=openid, community="青山湖社区",
            birth_year=1985, consent=Consent("2026-11", utcnow()), personal=PersonalData(real_name="钱", phone=phone))
        staff.append(await members.make_staff(runtime.sessions, member.id, SYSTEM))
    [schedule] = [entry for entry in SCHEDULE if entry.name == "daily_report"]
    assert (schedule.hour, schedule.minute) == (0, 0)  # 08:00 in Beijing

    assert await runtime.jobs.enqueue("daily_report", job_id="daily-report-test")
    worker = build_worker(runtime, burst=True)
    try:
        await worker.async_run()
    finally:
        await worker.close()
    first = await reports_sent(runtime)
    assert sorted(first) == ["o_staff_qian", "o_staff_zhao"]
    for body in first.values():  # nobody sends in this test: the outbox keeps the text
        assert body.startswith(f"【每日报告】{yesterday.day.month}月{yesterday.day.day}日\n")
        assert all(line in body for line in EXPECTED)

    # Run again, as a second worker or a retry after a crash would: nobody gets it twice.
    assert await daily_report_job({"handlers": handler_context(runtime)}) == yesterday.day.isoformat()
    assert await reports_sent(runtime) == first


async def reports_sent(runtime) -> dict[str, str]:
    sent = {}
    for openid in ("o_staff_zhao", "o_staff_qian"):
        for notification in await outbox.notifications_to(runtime.sessions, runtime.keyring, openid):
            if notification.kind == "daily_report":
                assert openid not in sent, "a second report to the same person"
                sent[openid] = notification.body
    return sent
