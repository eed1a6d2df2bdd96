"""A small town for stories of staff at work in their own chat: 赵敏 on the staff, 刘芳 a volunteer."""

import asyncio

import pytest

from storage import ledger, members
from storage.base import utcnow
from storage.members import Consent, PersonalData

VOLUNTEER_PHONE, STAFF_PHONE = "13700001234", "13900009999"


@pytest.fixture
def town(runtime):
    class Town:
        async def member(self, openid, name, phone, *, role="volunteer", born=1975):
            member = await members.register_member(
                runtime.sessions, runtime.keyring, role=role, openid=openid, community="青山湖社区", birth_year=born,
                consent=Consent("2026-11", utcnow()), personal=PersonalData(real_name=name, phone=phone))
            await ledger.open_member_account(runtime.sessions, member.ledger_ref)
            return member

    return Town()


@pytest.fixture
async def volunteer(town, member_chat):
    member = await town.member("o_volunteer_liu", "刘芳", VOLUNTEER_PHONE)
    await member_chat("o_volunteer_liu").says("你好")
    return member


@pytest.fixture
def zhao(member_chat):
    return member_chat("o_staff_zhao")


async def pushes(inbox, openid: str) -> list[str]:
    for _ in range(200):
        if messages := await inbox.new_messages(openid):
            return [message["text"] for message in messages]
        await asyncio.sleep(0.05)
    return []
