"""A community that was served: staff 赵敏 of 青山湖社区, elders served 10 and 60 days ago, an elder of another
community, a volunteer who served; the ledger, the tasks and the broadcast worker all real."""

from __future__ import annotations

from datetime import timedelta

import pytest
from sqlalchemy import select

from bot.sandbox import STATE
from bot.worker import build_worker
from storage import ledger, members
from storage.base import utcnow
from storage.clock import CLOCK
from storage.contact_window import ContactWindow
from storage.publicity_tables import BroadcastRecipientRow
from storage.surveys import SurveyAnswerRow
from tests.members.helpers import Town
from tests.tasks.helpers import Desk

STAFF = "o_staff_zhao"
HOME = "青山湖社区"


class Served:
    """Registers people with WeChat and gives them finished, paid visits, on the story's clock."""

    def __init__(self, runtime):
        self.runtime = runtime
        self.desk = Desk(runtime.sessions, runtime.keyring, Town(runtime.sessions, runtime.keyring))

    async def person(self, role: str, openid: str, name: str, community: str = HOME, **more) -> members.Member:
        member = await self.desk.town.person(role, name=name, openid=openid, community=community, **more)
        await ledger.open_member_account(self.runtime.sessions, member.ledger_ref)
        return member

    async def visit(self, elder: members.Member, volunteer: members.Member, days_ago: int) -> None:
        """A visit posted, taken, done and paid, finished about `days_ago` days before now. The bot's clock is
        turned back to it meanwhile: its background sweeps would otherwise expire the hold of a request posted
        weeks ago before the elder confirms it."""
        story_now = CLOCK.now()
        self.desk.now = story_now - timedelta(days=days_ago + 1)
        CLOCK.start_at(self.desk.now)
        try:
            task = await self.desk.accepted_task(elder, volunteer)
            await self.desk.check_in(task.id, volunteer)
            await self.desk.check_out(task.id, volunteer)
            await self.desk.confirm(task.id, elder.actor)
        finally:
            CLOCK.start_at(story_now)

    async def wrote_to_us(self, *openids: str) -> None:
        """They messaged the account lately: WeChat's 48-hour window is open for them."""
        for openid in openids:
            await ContactWindow(self.runtime.redis).member_wrote(openid, utcnow())


@pytest.fixture
async def served(runtime):
    served = Served(runtime)
    await served.desk.fund_pool(100 * 60)
    return served


@pytest.fixture
async def zhao_member(served):
    return await served.person(members.VOLUNTEER, STAFF, "赵敏")


@pytest.fixture
def zhao(member_chat, zhao_member):
    return member_chat(STAFF)


@pytest.fixture
async def helper(served):
    volunteer = await served.person(members.VOLUNTEER, "o_vol_liu", "刘芳", skills=["shopping"], birth_year=1962)
    return await members.verify_volunteer(served.runtime.sessions, volunteer.id, members.SYSTEM)


@pytest.fixture
def wechat_state(sandbox):
    return sandbox.app[STATE]


def received(wechat_state, openid: str) -> list[str]:
    return [sent.text for sent in wechat_state.sent if sent.openid == openid]


async def work_the_queue(runtime) -> None:
    """The job worker, until nothing is left: the preview, then the survey's fan-out."""
    worker = build_worker(runtime, burst=True)
    try:
        await worker.async_run()
    finally:
        await worker.close()


async def answers(runtime) -> list[SurveyAnswerRow]:
    async with runtime.sessions() as session:
        return list((await session.execute(select(SurveyAnswerRow).order_by(SurveyAnswerRow.id))).scalars())


async def recipients(runtime) -> dict[str, str]:
    async with runtime.sessions() as session:
        rows = (await session.execute(select(BroadcastRecipientRow))).scalars().all()
    return {row.openid: row.status for row in rows}
