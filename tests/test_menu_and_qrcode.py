"""The custom menu from the config, its buttons, and a community's permanent QR code, as an operator runs them."""

import asyncio
import os
import sys
import tomllib
import urllib.parse
from pathlib import Path

import aiohttp
import pytest

from bot.config import ConfigError, load_config
from bot.config_sections import DEFAULT_MENU_BUTTONS
from bot.handler_context import handler_context
from bot.menu import parse_menu
from bot.tag_sync import sync_tags
from handlers.texts import TEXTS
from storage import members
from storage.base import utcnow


PRIVACY = ('[privacy]\ncurrent_key_id = "k1"\nkeys = { k1 = "a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2V5a2U=" }\n'
           'lookup_key = "bG9va3VwbG9va3VwbG9va3VwbG9va3VwbG9va3VwbG8="\n')


async def timebank(*args: str, cwd) -> tuple[int, str, str]:
    """The `timebank` command in its own process (asynchronously: the sandbox answers it from this loop)."""
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot.cli", *args, cwd=cwd, stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    out, err = await asyncio.wait_for(process.communicate(), 120)
    return process.returncode, out.decode(), err.decode()


async def sandbox_get(sandbox, path: str) -> dict:
    async with aiohttp.ClientSession() as http, http.get(str(sandbox.make_url(path))) as response:
        return await response.json()


@pytest.fixture
def config_path(bot_config, tmp_path):
    return str(tmp_path / "config.toml")  # the file bot_config was read from


async def test_menu_push_creates_the_configured_menu_whose_buttons_are_intents(runtime, config_path, tmp_path):
    code, out, err = await timebank("menu", "push", "--config", config_path, cwd=tmp_path)
    assert code == 0, err
    assert "menu pushed" in out

    menu = (await runtime.wechat.call(runtime.wechat.client.menu.get))["menu"]
    assert [button["name"] for button in menu["button"]] == ["我要帮助", "我来帮忙", "我的"]
    keys = [sub["key"] for button in menu["button"] for sub in button["sub_button"]]
    assert "post_request" in keys and "list_tasks" in keys and "balance" in keys and "sos" in keys


async def test_every_button_of_the_default_menu_does_what_its_words_do(wechat, runtime, bot_config):
    await members.register_member(runtime.sessions, runtime.keyring, role=members.ELDER, openid="o_grandma_wang",
                                  consent=members.Consent("v1", utcnow()), community="青山湖社区")
    clicks = [sub.intent for button in bot_config.menu for sub in button.sub_buttons]
    assert len(clicks) == 10
    for intent in clicks:
        answer = await wechat.post(wechat.event("o_grandma_wang", "CLICK", intent))
        assert answer.status == 200 and answer.text, intent
        assert TEXTS["unknown_menu"] not in answer.text and "还在准备中" not in answer.text, intent
        await wechat.post(wechat.text("o_grandma_wang", "取消"))  # leave whatever the button started

    balance = await wechat.post(wechat.event("o_grandma_wang", "CLICK", "balance"))
    assert "可用" in balance.text


@pytest.mark.parametrize("menu, key", [
    ('[[menu.buttons]]\nname = "一"\nintent = "help"\n' * 4, "menu.buttons"),
    ('[[menu.buttons]]\nname = "我要帮助我要帮助"\nintent = "help"\n', "menu.buttons[1].name"),
    ('[[menu.buttons]]\nname = "帮助"\nintent = "fly_to_the_moon"\n', "menu.buttons[1].intent"),
    ('[[menu.buttons]]\nname = "帮助"\n' + '[[menu.buttons.sub_buttons]]\nname = "a"\nintent = "help"\n' * 6,
     "menu.buttons[1].sub_buttons"),
    ('[[menu.buttons]]\nname = "帮助"\nintent = "help"\nurl = "https://example.org"\n', "menu.buttons[1]"),
])
def test_a_menu_wechat_would_refuse_stops_start_up_with_one_line_naming_it(config_file, menu, key):
    path = config_file(f'[wechat]\napp_id = "wx1"\napp_secret = "s"\ntoken = "tok123"\n{menu}'
                       + PRIVACY)
    with pytest.raises(ConfigError) as refused:
        load_config(path, environ={})
    assert refused.value.key == key and "\n" not in str(refused.value)


def test_a_menu_from_the_config_file_replaces_the_default(config_file):
    path = config_file('[wechat]\napp_id = "wx1"\napp_secret = "s"\ntoken = "tok123"\n'
                       '[[menu.buttons]]\nname = "找人帮忙"\nintent = "post_request"\n'
                       '[[menu.buttons]]\nname = "活动"\nurl = "https://example.org/events"\n'
                       + PRIVACY)
    menu = load_config(path, environ={}).menu
    assert [(button.name, button.intent, button.url) for button in menu] == [
        ("找人帮忙", "post_request", None), ("活动", None, "https://example.org/events")]


async def test_a_follow_through_a_community_poster_code_puts_the_member_in_that_community(
        runtime, config_path, tmp_path, sandbox, wechat, member_chat):
    code, out, err = await timebank("qrcode", "--community", "青山湖社区", "--config", config_path, cwd=tmp_path)
    assert code == 0, err
    url_line, scene_line = out.strip().splitlines()
    assert url_line.startswith("ticket URL: https://mp.weixin.qq.com/cgi-bin/showqrcode?ticket=")
    assert scene_line == "scene: 青山湖社区"
    ticket = urllib.parse.unquote(url_line.split("ticket=", 1)[1])
    printed = (await sandbox_get(sandbox, "/sandbox/qrcodes"))[ticket]
    assert printed == {"action_name": "QR_LIMIT_STR_SCENE", "scene": "青山湖社区"}

    # Grandma scans the poster: WeChat reports the code's scene with the follow.
    welcome = await wechat.post(wechat.event("o_grandma_wang", "subscribe", "qrscene_" + printed["scene"]))
    assert "青山湖社区" in welcome.text
    grandma = member_chat("o_grandma_wang")
    for answer in ("注册", "1", "同意", "王秀英", "13812345678", "1944", "青山湖社区5栋2单元301", "李明",
                   "13900001111"):
        await grandma.says(answer)
    assert "注册好了" in await grandma.says("是")
    assert (await members.member_by_openid(runtime.sessions, "o_grandma_wang")).community == "青山湖社区"

    await sync_tags({"runtime": runtime, "handlers": handler_context(runtime)})
    names = {tag["id"]: tag["name"] for tag in await runtime.wechat.list_tags()}
    info = await runtime.wechat.call(runtime.wechat.client.user.get, "o_grandma_wang")
    assert "社区:青山湖社区" in {names[tag_id] for tag_id in info["tagid_list"]}


async def test_a_qr_code_needs_a_community_name(runtime, config_path, tmp_path):
    code, out, err = await timebank("qrcode", "--community", "spring_fair", "--config", config_path, cwd=tmp_path)
    assert code == 2 and err.strip().count("\n") == 0 and "--community" in err


def test_the_example_config_shows_the_default_menu():
    example = tomllib.loads((Path(__file__).parent.parent / "config.example.toml").read_text(encoding="utf-8"))
    assert parse_menu(example["menu"]["buttons"]) == parse_menu(list(DEFAULT_MENU_BUTTONS))
