"""A community to broadcast to: staff 赵敏, volunteers and elders in two communities, and WeChat's side of it."""

from __future__ import annotations

import asyncio
import itertools

import pytest

from bot.config import load_config
from bot.handler_context import handler_context
from bot.sandbox import STATE
from bot.simulator import ACCOUNT_ID
from storage import broadcasts, ledger, members
from storage.base import utcnow
from storage.contact_window import ContactWindow
from storage.members import Consent, PersonalData

STAFF_OPENID = "o_staff_zhao"
# Short leases and backoffs keep the stories quick; the rules are the same.
BROADCAST_SECTION = """
[broadcast]
account_type = "subscription"
channel = "mass"
lease_seconds = 3
retry_base_seconds = 0.05
progress_every = 2
progress_seconds = 600
fanout_per_second = 200
"""


@pytest.fixture
def broadcast_section() -> str:
    return BROADCAST_SECTION


@pytest.fixture
def bot_config(bot_config, broadcast_section, tmp_path):
    path = tmp_path / "config.toml"
    path.write_text(path.read_text(encoding="utf-8") + broadcast_section, encoding="utf-8")
    return load_config(path, environ={})


class Town:
    def __init__(self, runtime):
        self.runtime = runtime
        self._phones = itertools.count(1)

    async def member(self, openid: str, name: str, *, role: str = "volunteer", community: str = "青山湖社区",
                     born: int = 1975) -> members.Member:
        member = await members.register_member(
            self.runtime.sessions, self.runtime.keyring, role=role, openid=openid, community=community,
            birth_year=born, consent=Consent("2026-11", utcnow()),
            personal=PersonalData(real_name=name, phone=f"1380000{next(self._phones):04d}"))
        await ledger.open_member_account(self.runtime.sessions, member.ledger_ref)
        return member

    async def wrote_to_us(self, *openids: str) -> None:
        """They messaged the account just now: WeChat's 48-hour window is open for them."""
        window = ContactWindow(self.runtime.redis)
        for openid in openids:
            await window.member_wrote(openid, utcnow())

    async def opt_out(self, member: members.Member) -> None:
        await members.update_profile(self.runtime.sessions, self.runtime.keyring, member.id, members.Actor(member.id),
                                     broadcasts_opted_out=True)

    async def sync_tags(self) -> None:
        """Tag sync, as the worker runs it: WeChat's tags brought in step with membership."""
        from bot.tag_sync import sync_tags

        await sync_tags({"runtime": self.runtime, "handlers": handler_context(self.runtime)})


@pytest.fixture
def town(runtime) -> Town:
    return Town(runtime)


@pytest.fixture
async def zhao_member(town):
    return await town.member(STAFF_OPENID, "赵敏", role="volunteer")


@pytest.fixture
def zhao(member_chat, zhao_member):
    return member_chat(STAFF_OPENID)


@pytest.fixture
def wechat_state(sandbox):
    """What the sandbox WeChat holds: tags, mass jobs, sent messages."""
    return sandbox.app[STATE]


def received(wechat_state, openid: str, channel: str | None = None) -> list[str]:
    return [sent.text for sent in wechat_state.sent
            if sent.openid == openid and (channel is None or sent.channel == channel)]


async def until(condition, timeout_s: float = 20.0) -> bool:
    """Waits (bounded) for something the background workers do; the test asserts the outcome, not the time."""
    deadline = asyncio.get_running_loop().time() + timeout_s
    while not await condition():
        if asyncio.get_running_loop().time() > deadline:
            return False
        await asyncio.sleep(0.05)
    return True


async def broadcast_status(runtime, broadcast_id: int, *statuses: str):
    async def reached() -> bool:
        found = await broadcasts.get(runtime.sessions, broadcast_id)
        return found is not None and found.status in statuses
    return await until(reached)


def mass_finished_xml(wechat, msg_id: str, *, total: int, filtered: int, sent: int, errors: int) -> str:
    return wechat.message_xml(ACCOUNT_ID, "event", {
        "Event": "MASSSENDJOBFINISH", "MsgID": msg_id, "Status": "send success", "TotalCount": str(total),
        "FilterCount": str(filtered), "SentCount": str(sent), "ErrorCount": str(errors)})



@pytest.fixture
def runs_jobs() -> bool:
    return True  # these stories go on in the background: a preview, a broadcast sent after "是"
