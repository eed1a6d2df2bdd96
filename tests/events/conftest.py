"""A small town for stories of events: 赵敏 on the staff, volunteers and elders in 青山湖社区, and WeChat's side."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest

from bot.handler_context import handler_context
from bot.sandbox import STATE
from storage import events, ledger, members
from storage.base import utcnow
from storage.contact_window import ContactWindow
from storage.members import Consent, PersonalData

STAFF_OPENID = "o_staff_zhao"


class Town:
    def __init__(self, runtime):
        self.runtime = runtime
        self._phones = itertools.count(1)

    async def member(self, openid: str | None, name: str, *, role: str = "volunteer", community: str = "青山湖社区",
                     phone: str | None = None) -> members.Member:
        member = await members.register_member(
            self.runtime.sessions, self.runtime.keyring, role=role, openid=openid, community=community,
            birth_year=1940 if role == "elder" else 1975, consent=Consent("2026-11", utcnow()),
            personal=PersonalData(real_name=name, phone=phone or f"1370000{next(self._phones):04d}"))
        await ledger.open_member_account(self.runtime.sessions, member.ledger_ref)
        if openid:
            await ContactWindow(self.runtime.redis).member_wrote(openid, utcnow())  # pushes reach them as messages
        return member

    async def staff(self) -> members.Member:
        member = await self.member(STAFF_OPENID, "赵敏", phone="13900009999")
        return await members.make_staff(self.runtime.sessions, member.id, members.SYSTEM)

    async def event(self, organiser: members.Member, *, capacity: int = 2, kind: str = events.ACTIVITY,
                    title: str = "重阳节茶话会", ahead: timedelta = timedelta(days=2), service: str | None = None,
                    months: int | None = None, key: str = "story") -> events.Event:
        return await events.create_event(
            self.runtime.sessions, request_key=key, kind=kind, title=title, place="社区活动室",
            starts_at=utcnow() + ahead, capacity=capacity, audience=events.COMMUNITY, community="青山湖社区",
            service_code=service, certificate_months=months, by=organiser.actor, now=utcnow())

    @property
    def ctx(self):
        return handler_context(self.runtime)


@pytest.fixture
def town(runtime) -> Town:
    return Town(runtime)


@pytest.fixture
def wechat_state(sandbox):
    return sandbox.app[STATE]


async def pushes(inbox, openid: str, containing: str) -> list[str]:
    return [text for text in await inbox.wait_for(openid, containing, timeout_s=20) if containing in text]
