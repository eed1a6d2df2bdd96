"""The settings of proofs of service hours: a bank without a CJK font, and the limit on checking codes."""

import dataclasses
import logging

import aiohttp
import pytest

from bot.config import load_config
from storage import proofs
from tests.members.helpers import Town


@pytest.fixture
def bot_config(bot_config, tmp_path):
    """[proof] certificate_font names a file that is not there; each address may check 3 codes a minute."""
    return dataclasses.replace(bot_config, certificate_font=tmp_path / "fonts" / "missing.ttc", verify_per_minute=3)


async def test_without_a_font_start_up_says_so_in_one_line_and_the_member_is_told_whom_to_ask(
        runtime, member_chat, caplog, bot_server):
    notes = [record.getMessage() for record in caplog.get_records("setup") if record.name == "timebank.proof"]
    assert len(notes) == 1 and "missing.ttc" in notes[0] and "开证明" in notes[0]

    volunteer = await Town(runtime.sessions, runtime.keyring).volunteer()
    reply = await member_chat(volunteer.openid).says("开个证明")
    assert "暂时开不了证明图片" in reply and runtime.config.community.hotline in reply
    assert "抱歉，出了点问题" not in reply
    async with runtime.sessions() as session:
        assert (await session.get(proofs.ServiceProofRow, 1)) is None


async def test_checking_codes_one_after_another_is_slowed_down(bot_server):
    async with aiohttp.ClientSession() as http:
        answers = []
        for letter in "NPQRS":
            async with http.get(str(bot_server.make_url(f"/verify/ABCDEFGHJKM{letter}"))) as response:
                answers.append((response.status, await response.text()))
    assert [status for status, _ in answers] == [404, 404, 404, 429, 429]
    assert "查询太频繁" in answers[3][1]


def test_the_font_is_found_beside_the_config_file(config_file):
    path = config_file("""
[wechat]
app_id = "wx1234567890abcdef"
app_secret = "s3cret-value"
token = "tokentoken"
[privacy]
current_key_id = "k1"
keys = { k1 = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=" }
lookup_key = "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="
[proof]
certificate_font = "fonts/kai.ttf"
verify_per_minute = 12
""")
    config = load_config(path, environ={})
    assert config.certificate_font == path.parent / "fonts" / "kai.ttf" and config.verify_per_minute == 12
