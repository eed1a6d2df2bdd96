"""WeChat's API is unreachable: the token call fails, with the app secret in its URL, and no log line shows it.

The bot runs as a process with every log line on (DEBUG) and its API address pointing at a closed port; an SOS
makes the outbox try to push to staff, which starts with the token call. `timebank menu push` fails the same way
and its output is searched too.
"""

from __future__ import annotations

import asyncio
import sys

from tests.faults.conftest import WeChatTo, free_port

SECRET = "test-secret"  # [wechat] app_secret in the test config


async def test_a_failing_token_call_never_writes_the_secret(start_bot, http, bot_config, tmp_path):
    unreachable = {"TIMEBANK_WECHAT_API_BASE_URL": f"http://127.0.0.1:{free_port()}", "TIMEBANK_LOG_LEVEL": "DEBUG"}
    bot = await start_bot(environment=unreachable)
    wechat = WeChatTo(http, bot, bot_config)
    await wechat.says("o_staff_zhao", "你好")
    assert "120" in await wechat.says("o_stranger_fell", "救命")
    for _ in range(600):
        if "delivery" in bot.log() and "failed" in bot.log():
            break
        await asyncio.sleep(0.05)
    else:
        raise AssertionError(f"no failed delivery was logged:\n{bot.log()[-2000:]}")

    menu = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", "menu", "push", "--config", str(tmp_path / "config.toml"),
        env={**bot.environment}, stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.STDOUT)
    menu_output = (await menu.communicate())[0].decode()
    assert menu.returncode != 0

    for line in (*bot.log().splitlines(), *menu_output.splitlines()):
        assert SECRET not in line, line
        assert bot_config.wechat.token not in line, line
        for key in (*bot_config.privacy.keys.values(), bot_config.privacy.lookup_key):
            assert key.hex() not in line
    assert "secret=[redacted]" in menu_output or "Traceback" not in menu_output
