"""Members test helpers: a consent, a `Town` that registers people in one line, raw row dumps."""

from __future__ import annotations

import itertools
from datetime import datetime, timezone

from sqlalchemy import text

from storage import members
from storage.members import SYSTEM, Consent, Member, PersonalData
from storage.privacy import KeyRing

T0 = datetime(2026, 11, 28, 2, 0, tzinfo=timezone.utc)
CONSENT = Consent("notice-2026-11", T0)
MEMBERS_TABLES = ("members", "family_bindings", "member_certificates", "audit_log")


class Town:
    """Registers people with distinct phones and openids; every personal value is findable in raw rows."""

    def __init__(self, sessions, keyring: KeyRing):
        self.sessions, self.keyring = sessions, keyring
        self._numbers = itertools.count(1)

    async def person(self, role: str, name: str = "王小明", **overrides) -> Member:
        n = next(self._numbers)
        personal = PersonalData(real_name=name, phone=f"1391234{n:04d}", address=f"东湖区彭家桥社区{n}栋301室",
                                emergency_name="李红梅", emergency_phone=f"1370000{n:04d}",
                                id_number=f"36010219450101{n:04d}")
        arguments = dict(role=role, consent=CONSENT, personal=personal, openid=f"openid-{n}",
                         community="pengjiaqiao", birth_year=1945)
        return await members.register_member(self.sessions, self.keyring, **(arguments | overrides))

    async def elder(self, **overrides) -> Member:
        return await self.person(members.ELDER, **overrides)

    async def volunteer(self, verified: bool = False, **overrides) -> Member:
        volunteer = await self.person(members.VOLUNTEER, name="张志强", birth_year=1962, **overrides)
        if verified:
            volunteer = await members.verify_volunteer(self.sessions, volunteer.id, SYSTEM)
        return volunteer

    async def family(self, **overrides) -> Member:
        return await self.person(members.FAMILY, name="王丽", birth_year=1975, **overrides)

    async def staff(self, admin: bool = False) -> Member:
        person = await self.person(members.VOLUNTEER, name="社工小陈", birth_year=1990)
        return await members.make_staff(self.sessions, person.id, SYSTEM, admin=admin)

    async def bound(self, family: Member, elder: Member, relation: str = "女儿"):
        binding = await members.request_binding(self.sessions, family.id, elder.id, relation)
        return await members.confirm_binding(self.sessions, binding.id, elder.actor)


async def raw_rows(sessions, table: str) -> list[dict]:
    async with sessions() as session:
        result = await session.execute(text(f"SELECT * FROM {table}"))
        return [dict(row._mapping) for row in result]


async def raw_dump(sessions) -> str:
    """Every value of every members table, as one string to search for plaintext."""
    return repr([await raw_rows(sessions, table) for table in MEMBERS_TABLES])
