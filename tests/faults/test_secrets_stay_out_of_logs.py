"""WeChat's API is unreachable: the token call fails, with the app secret in its URL, and no log line shows it.

The bot runs as a process with every log line on (DEBUG) and its API address pointing at a closed port; an SOS
makes the outbox try to push to staff, which starts with the token call. `timebank menu push` fails the same way
and its output is searched too. Then the two nets on their own: the WeChat client's network error, and a
traceback through the log formatter.
"""

from __future__ import annotations

import asyncio
import io
import logging
import sys

import pytest
import redis
import requests

from bot.observability import LOG_FORMAT
from bot.redaction import RedactingFormatter, Redactor
from bot.wechat_api import TimebankWeChatClient, WeChatApi
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
        assert bot_config.wechat.token.get_secret_value() not in line, line
        for key in (*bot_config.privacy.keys.values(), bot_config.privacy.lookup_key):
            assert key.hex() not in line
    assert "could not be reached" in menu_output and "Traceback" not in menu_output


async def test_the_wechat_clients_network_error_names_no_secret(bot_config, redis_url):
    config = bot_config.with_overrides(wechat={"api_base_url": f"http://127.0.0.1:{free_port()}"})
    store = redis.Redis.from_url(redis_url)
    store.delete(f"wechat:access_token:{config.wechat.app_id}")  # another story's token would skip the token call
    api = WeChatApi(TimebankWeChatClient(config.wechat, store), timeout_s=2.0, attempts=1)
    try:
        with pytest.raises(requests.RequestException) as failed:
            await api.send_text("o_elder_wang", "您好")
    finally:
        api.close()
        store.close()
    assert SECRET not in str(failed.value) and "secret=[redacted]" in str(failed.value)
    assert failed.value.__cause__ is None and failed.value.__suppress_context__


def test_a_logged_traceback_is_redacted_wherever_the_secret_appears():
    written = io.StringIO()
    handler = logging.StreamHandler(written)
    handler.setFormatter(RedactingFormatter(LOG_FORMAT, Redactor((SECRET, "m3trics-t0ken"))))
    logger = logging.getLogger("timebank.test.redaction")
    logger.addHandler(handler)
    try:
        raise ConnectionError(f"GET /cgi-bin/token?grant_type=client_credential&appid=wx1&secret={SECRET}")
    except ConnectionError:
        logger.exception("token call failed; metrics token m3trics-t0ken; access_token=abc123def")
    finally:
        logger.removeHandler(handler)
    text = written.getvalue()
    assert "Traceback" in text
    assert SECRET not in text and "m3trics-t0ken" not in text and "abc123def" not in text
