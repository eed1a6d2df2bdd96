"""The embedded Redis belongs to the `serve` that started it: a CLI command beside it borrows it, and a killed
redis-server comes back by itself.

The bot runs as `timebank serve` on its own embedded Redis (no [redis] url), as a small community runs it.
"""

from __future__ import annotations

import asyncio
import os
import signal
import stat
import sys

import pytest

from tests.faults.conftest import WeChatTo

EMBEDDED = {"TIMEBANK_REDIS_URL": ""}
BUSY = "系统繁忙"


@pytest.fixture
async def serve_alone(start_bot, http, bot_config):
    bot = await start_bot(environment=EMBEDDED)
    return bot, WeChatTo(http, bot, bot_config)


async def cli(bot, *arguments: str) -> tuple[int, str]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", *arguments, "--config", str(bot.config_path), env=bot.environment,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE)
    out, err = await process.communicate()
    return process.returncode, out.decode() + err.decode()


async def test_console_link_beside_serve_leaves_members_answered(serve_alone, community, http, bot_config):
    bot, wechat = serve_alone
    elder = await community.elder()
    await community.staff("o_staff_zhao")
    assert "时间币" in await wechat.says(elder.openid, "余额")

    status, printed = await cli(bot, "console-link", "--openid", "o_staff_zhao")
    assert status == 0, printed
    token = printed.split("/console/login/", 1)[1].split()[0]

    balance = await wechat.says(elder.openid, "余额")
    assert "时间币" in balance and BUSY not in balance
    async with http.get(f"{bot.url}/console/login/{token}") as page:
        assert page.status == 200
    async with http.get(f"{bot.url}/healthz") as health:
        assert health.status == 200

    data = bot_config.data_dir
    assert stat.S_IMODE(data.stat().st_mode) == 0o700
    for path in data.rglob("*"):
        if path.is_file():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


@pytest.mark.parametrize("workers", [1, 2])
async def test_a_killed_embedded_redis_comes_back_without_restarting_serve(
        start_bot, workers, community, http, bot_config):
    bot = await start_bot(environment=EMBEDDED, workers=workers)
    wechat = WeChatTo(http, bot, bot_config)
    elder = await community.elder()
    assert "时间币" in await wechat.says(elder.openid, "余额")

    os.kill(int((bot_config.data_dir / "redis" / "redis.pid").read_text()), signal.SIGKILL)
    # Health turns back to 200 by itself, within seconds; a probe made before the watcher noticed the kill
    # may still see the old server's last answer, so the restart must be in the log too.
    for _ in range(600):
        async with http.get(f"{bot.url}/healthz") as health:
            if health.status == 200 and "restarted from its AOF" in bot.log():
                break
        await asyncio.sleep(0.05)
    else:
        raise AssertionError(f"health never came back:\n{bot.log()[-2000:]}")
    balance = await wechat.says(elder.openid, "余额")
    assert "时间币" in balance and BUSY not in balance

    await bot.stop()  # and the server goes with the bot: none is left running on the socket
    assert not (bot_config.data_dir / "redis" / "redis.sock").exists()
