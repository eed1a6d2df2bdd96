"""A small community for the request stories: an elder and her daughter, volunteers, staff, and a clock."""

from __future__ import annotations

import itertools
from datetime import timedelta

import pytest

from bot.handler_context import handler_context
from handlers.context import LOCAL_TIME
from handlers.sweeps import run_sweeps
from storage import ledger, members, tasks
from storage.base import utcnow
from storage.members import SYSTEM, Consent, PersonalData

COMMUNITY = "青山湖社区"
HOME = (28.6820, 115.9380)  # the elder's home on the map
NEXT_DOOR = (28.6824, 115.9383)  # about 50 m away
ACROSS_TOWN = (28.7420, 115.8380)  # about 12 km away


class Community:
    """Registers people straight into storage (registration has its own stories) and reads their balances."""

    def __init__(self, runtime):
        self.runtime = runtime
        self.sessions, self.keyring = runtime.sessions, runtime.keyring
        self._numbers = itertools.count(1)

    async def person(self, role, openid, name, *, born, address=None, skills=(), community=COMMUNITY, phone=None):
        n = next(self._numbers)
        member = await members.register_member(
            self.sessions, self.keyring, role=role, openid=openid, community=community, birth_year=born,
            consent=Consent("2026-11", utcnow()), skills=skills,
            personal=PersonalData(real_name=name, phone=phone or f"1380013{n:04d}", address=address))
        await ledger.open_member_account(self.sessions, member.ledger_ref)
        return member

    async def elder(self, openid="o_elder_wang", name="王秀英", born=1940):
        elder = await self.person(members.ELDER, openid, name, born=born, address="青山湖小区3栋2单元501")
        await members.set_home_point(self.sessions, self.keyring, elder.id, *HOME, by=elder.actor)
        return elder

    async def daughter_of(self, elder, openid="o_family_li"):
        daughter = await self.person(members.FAMILY, openid, "王丽", born=1972)
        binding = await members.request_binding(self.sessions, daughter.id, elder.id, "女儿")
        await members.confirm_binding(self.sessions, binding.id, elder.actor)
        return daughter

    async def volunteer(self, openid, name="张志强", *, verified=True, skills=("companionship", "medical_escort"),
                        certified_for=(), community=COMMUNITY, phone=None):
        volunteer = await self.person(members.VOLUNTEER, openid, name, born=1965, skills=skills, community=community,
                                      phone=phone)
        if verified:
            volunteer = await members.verify_volunteer(self.sessions, volunteer.id, SYSTEM)
        for service in certified_for:
            await members.record_certificate(self.sessions, volunteer.id, service, "区红十字会",
                                             utcnow().astimezone(LOCAL_TIME).date() - timedelta(days=30), None, by=SYSTEM)
        return volunteer

    async def staff(self, openid="o_staff_zhao"):
        person = await self.person(members.VOLUNTEER, openid, "赵社工", born=1990)
        return await members.make_staff(self.sessions, person.id, SYSTEM)

    async def available(self, member) -> int:
        account = await ledger.open_member_account(self.sessions, member.ledger_ref)
        return (await ledger.balance(self.sessions, account.id)).available

    async def system_posted(self, kind) -> int:
        account = await ledger.system_account(self.sessions, kind)
        return (await ledger.balance(self.sessions, account.id)).posted

    async def grant(self, member, minutes):
        account = await ledger.open_member_account(self.sessions, member.ledger_ref)
        issuance = await ledger.system_account(self.sessions, ledger.ISSUANCE)
        await ledger.transfer(self.sessions, ledger.TransferRequest(
            issuance.id, account.id, minutes, ledger.GRANT, f"grant:{member.id}:{minutes}", "staff:1", reason="开户"))

    async def request(self, elder, *, service="companionship", hours_ahead=26, minutes=120, posted_at=None):
        """A request posted straight into storage, for stories that begin after posting."""
        posted_at = posted_at or utcnow()
        start = (posted_at + timedelta(hours=hours_ahead)).replace(second=0, microsecond=0)
        return await tasks.post_request(
            self.sessions, self.keyring, request_key=f"story:{next(self._numbers)}", requester_id=elder.id,
            actor=elder.actor, service_code=service, starts_at=start, duration_min=minutes,
            catalogue=self.runtime.config.catalogue, policy=self.runtime.config.exchange, now=posted_at)

    async def accepted_by(self, volunteer, task, at):
        config = self.runtime.config
        return await tasks.accept(self.sessions, task.id, volunteer.actor, catalogue=config.catalogue,
                                  policy=config.exchange, ledger_rules=config.ledger_rules, rules=config.task_rules,
                                  now=at)

    async def task(self, task_id):
        return await tasks.task(self.sessions, task_id)

    async def time_passes_until(self, moment):
        """What the background sweeps do when the clock reaches `moment`."""
        return await run_sweeps(handler_context(self.runtime), moment)


@pytest.fixture
def community(runtime):
    return Community(runtime)


def local_day(moment) -> str:
    local = moment.astimezone(LOCAL_TIME)
    return f"{local.month}月{local.day}日"
