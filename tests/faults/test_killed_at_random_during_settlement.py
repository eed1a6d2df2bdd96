"""The bot process is killed at a random moment while an elder confirms a service, round after round.

Wherever the kill lands (before the turn starts, inside the settling transaction, after the commit, while the
reply is written), the volunteer is paid exactly once in the end and the ledger balances. The moments come
from a seeded generator: the same run every time, and a failing round can be replayed.
"""

from __future__ import annotations

import asyncio
import random

from storage import ledger, tasks
from tests.faults.conftest import WeChatTo, ledger_verify_cli
from tests.faults.test_killed_during_settlement import until_unlocked
from tests.service_requests.conftest import NEXT_DOOR

SEED = 17
ROUNDS = 4
LATEST_KILL_S = 0.4  # a settlement takes tens of milliseconds: the kills spread before, through and after it


async def test_kills_at_random_moments_of_settlement_never_pay_twice_or_lose_a_payment(
        start_bot, http, bot_config, community, runtime, redis, tmp_path):
    moments = random.Random(SEED)
    bot = await start_bot()
    for round_number in range(ROUNDS):
        elder = await community.elder(openid=f"o_elder_{round_number}")
        volunteer = await community.volunteer(f"o_vol_{round_number}")
        task = await community.request(elder)
        wechat = WeChatTo(http, bot, bot_config)
        assert "接单成功" in await wechat.says(volunteer.openid, f"接单 {task.id}")
        arrived = wechat.wechat.location(volunteer.openid, *NEXT_DOOR, created=task.starts_at)
        assert "签到成功" in (await wechat.wechat.post(arrived)).text
        assert "签退成功" in await wechat.says(volunteer.openid, "签退", at=task.ends_at)

        done_at = task.ends_at  # the elder confirms at the end of the visit
        confirming = asyncio.create_task(wechat.wechat.post(wechat.wechat.text(elder.openid, "确认完成", created=done_at)))
        await asyncio.sleep(moments.uniform(0, LATEST_KILL_S))
        bot.kill()
        await asyncio.gather(confirming, return_exceptions=True)  # the connection dies with the process
        assert (await ledger.verify(runtime.sessions)).ok
        assert await community.available(volunteer) in (0, (await community.task(task.id)).cost_min)

        bot = await start_bot()
        await until_unlocked(redis, f"lock:member:{elder.openid}")
        if (await community.task(task.id)).status != tasks.DONE:
            assert "已确认完成" in await WeChatTo(http, bot, bot_config).says(elder.openid, "确认完成", at=task.ends_at)
        settled = await community.task(task.id)
        assert settled.status == tasks.DONE, f"round {round_number}"
        assert await community.available(volunteer) == settled.cost_min, f"round {round_number}"

    status, report = await ledger_verify_cli(tmp_path / "config.toml")
    assert status == 0 and "ledger verify: ok" in report, report
