"""The console's survey page: the distribution per community and overall beside the field study's baseline,
drawn on the server as SVG with its numbers beside it; members' words opened only on request, and audited."""

import aiohttp
import pytest

from storage import audit, members
from tests.console.conftest import LINK, Console
from tests.surveys.conftest import STAFF, work_the_queue
from tests.surveys.test_surveys import _survey_sent, _town


@pytest.fixture
async def console(bot_server, member_chat):
    async with aiohttp.ClientSession(cookie_jar=aiohttp.CookieJar(unsafe=True)) as http:
        client = Console(http, str(bot_server.make_url("")).rstrip("/"))
        token = LINK.search(await member_chat(STAFF).says("登录后台")).group(1)
        status, _ = await client.post("/console/login", {"token": token}, csrf=False)
        assert status == 200
        yield client


async def test_the_chart_shows_the_distribution_beside_the_baseline_and_notes_are_read_on_request(
        runtime, served, helper, zhao, member_chat, console):
    await _town(served, helper)
    zhou = await served.person(members.ELDER, "o_zhou", "周秀兰")
    await served.visit(zhou, helper, days_ago=5)
    await served.wrote_to_us("o_zhou")
    await _survey_sent(zhao, runtime)
    await work_the_queue(runtime)
    await member_chat("o_wang").says("1")
    await member_chat("o_wang").says("小刘很耐心，电话13944443333")
    await member_chat("o_zhou").says("不满意")
    await member_chat("o_zhou").says("没有")

    status, page = await console.get("/console/surveys")
    assert status == 200
    assert 'role="img" aria-label="全部社区：满意度与调研基线（%）"' in page
    assert 'aria-label="青山湖社区（%）"' in page
    for shown in (">50%<", ">0%<", ">28%<", ">63%<", ">9%<", "调研基线", "本次问卷"):
        assert shown in page, shown
    assert "<script" not in page and 'src="http' not in page and 'href="http' not in page  # nothing from elsewhere
    assert "小刘" not in page

    status, page = await console.post("/console/surveys/1/notes", {})
    assert status == 200 and "小刘很耐心" in page and "13944443333" not in page
    (entry,) = await audit.entries(runtime.sessions, action="survey_notes_read")
    assert entry.actor.startswith("staff:")
