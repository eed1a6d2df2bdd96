"""The same ledger corrections, told through chat and through the console: the same rights, caps and refusals.

Each case runs once per front end; both are thin callers of storage.corrections.
"""

import secrets

import pytest

from storage import alerts, audit, corrections, ledger, members


class Chat:
    def __init__(self, member_chat, openid):
        self.speaker = member_chat(openid)

    async def grant(self, member, minutes: int, reason: str) -> str:
        await self.speaker.says(f"发放 {PHONES[member.openid]} {minutes}分钟 {reason}")
        return await self.speaker.says("是")

    async def reverse(self, transfer_id: int, reason: str) -> str:
        # Chat may say no at once (a reversal is checked as soon as it is named), or at the confirmation.
        first = await self.speaker.says(f"冲正 {transfer_id} {reason}")
        return first + "\n" + await self.speaker.says("是")

    async def adjust(self, member, minutes: int, reason: str) -> str:
        direction = "加" if minutes > 0 else "减"
        await self.speaker.says(f"调整 {PHONES[member.openid]} {direction} {abs(minutes)}分钟 {reason}")
        return await self.speaker.says("是")

    async def approve(self, correction_id: int) -> str:
        return await self.speaker.says(f"批准 {correction_id}")


class Web:
    def __init__(self, console):
        self.console = console

    async def _post(self, path: str, form: dict) -> str:
        await self.console.get("/console/ledger")
        return (await self.console.post(path, {**form, "nonce": secrets.token_urlsafe(9)}))[1]

    async def grant(self, member, minutes: int, reason: str) -> str:
        return await self._post("/console/ledger/grant", {"member": str(member.id), "minutes": str(minutes),
                                                          "reason": reason})

    async def reverse(self, transfer_id: int, reason: str) -> str:
        return await self._post("/console/ledger/reverse", {"transfer": str(transfer_id), "reason": reason})

    async def adjust(self, member, minutes: int, reason: str) -> str:
        return await self._post("/console/ledger/adjust", {"member": str(member.id), "minutes": str(minutes),
                                                           "reason": reason})

    async def approve(self, correction_id: int) -> str:
        return await self._post("/console/ledger/approve", {"correction": str(correction_id), "reason": "已核实"})


@pytest.fixture(params=["chat", "console"])
def front_end(request, member_chat, console):
    async def as_(openid: str):
        return Chat(member_chat, openid) if request.param == "chat" else Web(await console(openid))
    return as_


PHONES = {"o_volunteer_liu": "13700001234", "o_admin_qian": "13900001111"}  # as tests/console/conftest.py registers


@pytest.fixture
async def liu(volunteer):
    return volunteer


async def balance(runtime, member) -> int:
    account = await ledger.open_member_account(runtime.sessions, member.ledger_ref)
    return (await ledger.balance(runtime.sessions, account.id)).available


async def test_a_staff_member_who_is_not_an_admin_may_not_grant(front_end, staff, liu, runtime):
    said = await (await front_end("o_staff_zhao")).grant(liu, 60, "补记")
    assert "没有权限" in said and await balance(runtime, liu) == 0


async def test_two_thousand_hours_is_refused_everywhere(front_end, admin, liu, runtime):
    said = await (await front_end("o_admin_qian")).grant(liu, 2000 * 60, "补记")
    assert "上限" in said and await balance(runtime, liu) == 0


async def test_nobody_grants_to_themselves(front_end, admin, runtime):
    said = await (await front_end("o_admin_qian")).grant(admin, 60, "补记")
    assert "不能给自己" in said and await balance(runtime, admin) == 0


async def test_a_reversal_is_never_reversed(front_end, admin, liu, runtime):
    qian = members.Actor(admin.id)
    granted = await corrections.grant(runtime.sessions, qian, liu.id, 60, "补记", "setup:grant",
                                      rules=runtime.config.corrections, ledger_rules=runtime.config.ledger_rules,
                                      now=granted_now())
    undone = await corrections.reverse(runtime.sessions, qian, granted.result_transfer_id, "记错了", "setup:rev",
                                       rules=runtime.config.corrections, ledger_rules=runtime.config.ledger_rules,
                                       now=granted_now())
    said = await (await front_end("o_admin_qian")).reverse(undone.result_transfer_id, "改回来")
    assert "本身就是冲正" in said and await balance(runtime, liu) == 0


async def test_a_large_grant_waits_for_a_second_pair_of_eyes_and_posts_once(front_end, admin, staff, liu, town,
                                                                             runtime, inbox):
    second = await town.member("o_admin_sun", "孙主任", "13900002222", role="family")
    await members.make_staff(runtime.sessions, second.id, members.SYSTEM, admin=True)
    said = await (await front_end("o_admin_qian")).grant(liu, 25 * 60, "补记去年的服务")
    assert "批准" in said and await balance(runtime, liu) == 0
    [waiting] = await corrections.waiting(runtime.sessions)
    assert [a.kind for a in await alerts.open_alerts(runtime.sessions, (alerts.APPROVAL,))] == [alerts.APPROVAL]

    assert "别的工作人员批准" in await (await front_end("o_admin_qian")).approve(waiting.id)
    assert await balance(runtime, liu) == 0
    approver = await front_end("o_admin_sun")
    await approver.approve(waiting.id)
    await approver.approve(waiting.id)  # twice: once
    assert await balance(runtime, liu) == 25 * 60
    [entry] = [e for e in await audit.entries(runtime.sessions, action="ledger_grant") if "approved_by" in e.detail]
    assert entry.detail["approved_by"] == second.id and entry.detail["requested_by"] == admin.id
    assert (await ledger.verify(runtime.sessions)).ok


async def test_an_adjustment_down_is_made_the_same_way_and_the_member_is_told(front_end, admin, liu, runtime,
                                                                               member_chat, inbox):
    await member_chat("o_volunteer_liu").says("你好")  # inside the 48-hour window: told by text
    await corrections.grant(runtime.sessions, members.Actor(admin.id), liu.id, 60, "补记", "setup:adj",
                            rules=runtime.config.corrections, ledger_rules=runtime.config.ledger_rules,
                            now=granted_now())
    said = await (await front_end("o_admin_qian")).adjust(liu, -30, "多记了")
    assert "调整" in said and "系统出了点问题" not in said
    assert await balance(runtime, liu) == 30
    assert any("-30分钟" in text for text in await inbox.wait_for("o_volunteer_liu", "调整"))


def granted_now():
    from storage.base import utcnow
    return utcnow()
