"""Stories of the proof of service hours (志愿服务证明): a volunteer asks for one in chat and receives a picture;
whoever is shown it scans its QR code and reads on a public page that it is genuine, or that it was revoked.

Everything goes through the real webhook, the outbox and the WeChat sandbox; the picture is read back from the
sandbox and its QR code decoded here as a phone's camera would.
"""

import io
import re
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlsplit

import aiohttp
import pytest
import zxingcpp
from PIL import Image
from sqlalchemy import func, select

from bot.proof_picture import find_font
from storage import audit, members, proofs
from storage.base import utcnow
from storage.members import Actor, NotAllowed
from tests.tasks.helpers import Desk
from tests.members.helpers import Town

needs_a_font = pytest.mark.skipif(find_font(None) is None,
                                  reason="no CJK font on this machine (apt-get install fonts-wqy-microhei)")
CODE = re.compile(r"证明编号：([0-9A-Z]{12})")
ARTIFACTS = Path(__file__).parent.parent / "test-artifacts"  # screenshots of the page (not kept in git)


@pytest.fixture
def desk(runtime):
    return Desk(runtime.sessions, runtime.keyring, Town(runtime.sessions, runtime.keyring))


@pytest.fixture
async def volunteer(desk):
    """张志强 has shopped for an elder for two hours and escorted her to hospital for one, both confirmed and paid."""
    elder = await desk.elder(funded=600)
    await desk.fund_pool(600)
    helper = await desk.volunteer(skills=("shopping", "medical_escort"), certified=("medical_escort",))
    for service, minutes in (("shopping", 120), ("medical_escort", 60)):
        task = await desk.accepted_task(elder, helper, service=service, duration=minutes)
        await desk.check_in(task.id, helper)
        await desk.check_out(task.id, helper)
        await desk.confirm(task.id, elder.actor)
        desk.later(days=2)
    return helper


async def image_messages(inbox, openid: str) -> list[dict]:
    return [message for message in await inbox.new_messages(openid) if message["msgtype"] == "image"]


async def picture(sandbox, media_id: str) -> Image.Image:
    async with aiohttp.ClientSession() as http:
        async with http.get(str(sandbox.make_url(f"/sandbox/media/{media_id}"))) as response:
            assert response.status == 200 and response.content_type == "image/png"
            return Image.open(io.BytesIO(await response.read()))


def scanned(image: Image.Image) -> str:
    (found,) = zxingcpp.read_barcodes(image)
    assert found.format == zxingcpp.BarcodeFormat.QRCode
    return found.text


async def open_page(bot_server, url: str) -> tuple[int, str]:
    """The page a scanned address names, asked of the bot under test (its public address is [console] base_url)."""
    async with aiohttp.ClientSession() as http:
        async with http.get(str(bot_server.make_url(urlsplit(url).path))) as response:
            return response.status, await response.text()


async def proof_count(runtime) -> int:
    async with runtime.sessions() as session:
        return (await session.execute(select(func.count()).select_from(proofs.ServiceProofRow))).scalar_one()


@needs_a_font
async def test_a_volunteer_asks_for_a_proof_and_its_qr_code_leads_to_a_page_that_says_it_is_genuine(
        volunteer, member_chat, inbox, sandbox, bot_server, runtime, outbox_drained, bot_config):
    reply = await member_chat(volunteer.openid).says("开证明")
    code = CODE.search(reply).group(1)
    assert "图片马上发给您" in reply and f"/verify/{code}" in reply

    await outbox_drained()
    (message,) = await image_messages(inbox, volunteer.openid)
    image = await picture(sandbox, message["media_id"])
    assert image.width == 1080
    url = scanned(image)
    assert url == f"{bot_config.console.base_url}/verify/{code}"

    status, page = await open_page(bot_server, url)
    assert status == 200
    assert "这份证明真实有效" in page
    assert "张**" in page and "张志强" not in page  # the public page masks the name
    assert "3小时" in page  # two hours of shopping and one of escort: served time, not weighted credits
    assert "代购买菜" in page and "2小时" in page and "陪诊就医" in page and "1小时" in page
    assert code in page
    # The full name on the picture was the member's own read, logged like any other.
    (read,) = await audit.entries(runtime.sessions, subject=volunteer.id, action="reveal")
    assert read.reason == "own_proof" and read.actor == audit.member_actor(volunteer.id)


@needs_a_font
async def test_the_proof_freezes_the_figures_of_the_day_it_was_issued(volunteer, member_chat, runtime, desk):
    reply = await member_chat(volunteer.openid).says("我要开个志愿服务证明")
    proof = await proofs.find(runtime.sessions, CODE.search(reply).group(1))
    assert dict(proof.minutes_by_service) == {"shopping": 120, "medical_escort": 60}
    assert proof.total_min == 180 and proof.star_level == 0 and proof.period_year is None
    assert proof.issuer == runtime.config.community.name

    elder = await desk.elder(funded=600)
    task = await desk.accepted_task(elder, volunteer, service="shopping", duration=60)
    await desk.check_in(task.id, volunteer)
    await desk.check_out(task.id, volunteer)
    await desk.confirm(task.id, elder.actor)
    assert (await proofs.find(runtime.sessions, proof.code)).total_min == 180  # a later service changes the next one
    again = await member_chat(volunteer.openid).says("开证明", at=utcnow() + timedelta(minutes=1))
    assert (await proofs.find(runtime.sessions, CODE.search(again).group(1))).total_min == 240


@needs_a_font
async def test_a_proof_for_one_year_counts_that_year_only(volunteer, member_chat, runtime):
    year = 2026  # the services of the fixture were paid in November 2026
    reply = await member_chat(volunteer.openid).says(f"开证明 {year}")
    proof = await proofs.find(runtime.sessions, CODE.search(reply).group(1))
    assert proof.period_year == year and proof.total_min == 180

    nothing = await member_chat(volunteer.openid).says("开证明 2025")
    assert "您2025年还没有记上的服务时长" in nothing
    wrong = await member_chat(volunteer.openid).says("开证明 1999")
    assert "年份要在2000到" in wrong
    assert await proof_count(runtime) == 1


@needs_a_font
async def test_a_revoked_proof_says_so_on_its_page_and_the_revocation_is_audited(
        volunteer, member_chat, runtime, bot_server, desk, outbox_drained):
    reply = await member_chat(volunteer.openid).says("开证明")
    code = CODE.search(reply).group(1)
    await outbox_drained()
    staff = await desk.town.person("volunteer", name="赵敏", openid="o_staff_zhao")  # [staff] openids of the tests
    zhao = member_chat("o_staff_zhao")

    assert "已撤销证明" in await zhao.says(f"撤销证明 {code.lower()}")
    assert "之前已经撤销了" in await zhao.says(f"撤销证明 {code}")
    assert "没有找到" in await zhao.says("撤销证明 ABCDEFGHJKMN")
    assert "请这样发" in await zhao.says("撤销证明 12")
    assert "只有社区工作人员能用" in await member_chat(volunteer.openid).says(f"撤销证明 {code}")

    status, page = await open_page(bot_server, f"/verify/{code}")
    assert status == 200 and "这份证明已撤销" in page and "真实有效" not in page
    (entry,) = await audit.entries(runtime.sessions, subject=volunteer.id, action="proof_revoke")
    assert entry.actor == audit.member_actor(staff.id, True) and entry.detail["code"] == code


@needs_a_font
async def test_nobody_revokes_their_own_proof(desk, runtime, member_chat):
    staff = await desk.town.staff()
    proof = await proofs.issue(runtime.sessions, member_id=staff.id, request_key="k", issuer="社区",
                               period_year=None, minutes_by_service={"shopping": 60}, star_level=0,
                               now=desk.now)
    with pytest.raises(NotAllowed):
        await proofs.revoke(runtime.sessions, proof.code, Actor(staff.id), now=desk.now)
    assert (await proofs.find(runtime.sessions, proof.code)).valid


@needs_a_font
async def test_a_proof_outlives_its_member_leaving_without_naming_them(volunteer, member_chat, runtime, bot_server):
    code = CODE.search(await member_chat(volunteer.openid).says("开证明")).group(1)
    await members.erase_member(runtime.sessions, volunteer.id, volunteer.actor)
    status, page = await open_page(bot_server, f"/verify/{code}")
    assert status == 200 and "这份证明真实有效" in page and "（本人已注销）" in page and "张" not in page


async def test_an_unknown_code_gets_a_clear_page_and_404(bot_server):
    for code in ("ABCDEFGHJKMN", "not-a-code", "0" * 12):
        status, page = await open_page(bot_server, f"/verify/{code}")
        assert status == 404 and "查无此证明" in page


@needs_a_font
async def test_a_member_who_has_not_served_yet_gets_a_kind_word_and_no_picture(desk, member_chat, inbox, runtime,
                                                                              outbox_drained):
    newcomer = await desk.volunteer()
    reply = await member_chat(newcomer.openid).says("开证明")
    assert "还没有记上的服务时长" in reply and "有什么任务" in reply
    await outbox_drained()
    assert await image_messages(inbox, newcomer.openid) == []
    assert await proof_count(runtime) == 0


async def test_someone_not_registered_is_asked_to_register(member_chat):
    assert "还没有注册" in await member_chat("o_stranger").says("开证明")


@needs_a_font
async def test_a_resent_request_makes_one_proof_and_one_picture(volunteer, wechat, inbox, runtime, outbox_drained):
    xml = wechat.text(volunteer.openid, "开证明", msg_id=424242)
    first, resent = await wechat.post(xml), await wechat.post(xml)
    assert CODE.search(first.text) and (resent.raw == "success" or resent.text == first.text)
    await outbox_drained()
    assert await proof_count(runtime) == 1
    assert len(await image_messages(inbox, volunteer.openid)) == 1


@needs_a_font
async def test_a_proof_requested_twice_at_the_same_moment_is_made_once(volunteer, runtime):
    """Two deliveries racing past de-duplication: the request key is unique, so one proof."""
    issued = [await proofs.issue(runtime.sessions, member_id=volunteer.id, request_key="same", issuer="社区",
                                 period_year=None, minutes_by_service={"shopping": 120}, star_level=0,
                                 now=volunteer.created_at + timedelta(days=1)) for _ in range(2)]
    assert issued[0].code == issued[1].code and await proof_count(runtime) == 1


@pytest.fixture
async def phone(bot_server):
    """Debian's headless Chromium on a phone-sized screen, as in the console's browser tests."""
    from tests.console.test_console_in_a_browser import CHROMIUM, FLAGS, PHONE, _why_no_browser

    if reason := _why_no_browser():
        pytest.skip(reason)
    from playwright.async_api import async_playwright

    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        context = await browser.new_context(viewport=PHONE, device_scale_factor=2, locale="zh-CN",
                                            base_url=str(bot_server.make_url("")).rstrip("/"))
        page = await context.new_page()
        refused = []
        # (The unknown code's 404 is the page's own answer, not a failure to load something.)
        page.on("console", lambda message: "Content Security Policy" in message.text and refused.append(message.text))
        yield page
        await browser.close()
    assert not refused, f"the page's own style was refused: {refused}"


@needs_a_font
async def test_the_page_reads_well_on_a_phone(volunteer, member_chat, phone):
    reply = await member_chat(volunteer.openid).says("志愿服务证明")
    code = CODE.search(reply).group(1)

    response = await phone.goto(f"/verify/{code}")
    assert response.status == 200
    status = phone.locator("#status")
    assert "这份证明真实有效" in await status.inner_text()
    assert await phone.locator("#name").inner_text() == "张**"
    assert await phone.locator("#total").inner_text() == "3小时"
    # 适老化: large text, nothing wider than the screen, and the verdict in words, not in colour alone.
    assert await status.evaluate("element => parseFloat(getComputedStyle(element).fontSize)") >= 18
    assert await phone.evaluate("document.documentElement.scrollWidth <= window.innerWidth")
    ARTIFACTS.mkdir(exist_ok=True)
    await phone.screenshot(path=str(ARTIFACTS / "proof-valid.png"), full_page=True)

    unknown = await phone.goto("/verify/ABCDEFGHJKMN")
    assert unknown.status == 404 and "查无此证明" in await phone.locator("#status").inner_text()


async def test_asking_how_proofs_work_gets_the_faq_and_not_a_proof(member_chat, runtime):
    for question in ("志愿服务证明怎么开", "别人怎么知道证明是真的", "学校要我的服务时长证明"):
        answer = await member_chat("o_curious").says(question)
        assert "发“开证明”" in answer and "扫图上的二维码" in answer, question
    assert await proof_count(runtime) == 0
