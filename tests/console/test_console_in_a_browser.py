"""The console in a real browser: Debian's headless Chromium, driven by Playwright, on a phone-sized screen.

Playwright's own browser downloads are never used: it launches /usr/bin/chromium
(.ci/run installs it). Where no browser can be installed the test is skipped,
saying why. A screenshot of each page is saved under tests/console/artifacts/.
"""

import os
import shutil
from pathlib import Path

import pytest

from storage import alerts, broadcasts, members

CHROMIUM = os.environ.get("TIMEBANK_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).parent / "artifacts"
# Chromium as root in a container, with nothing reaching for the internet (this machine has none).
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage"]
PHONE = {"width": 390, "height": 844}


def _why_no_browser() -> str | None:
    try:
        import playwright.async_api  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (pip install -e '.[test]')"
    if not (shutil.which(CHROMIUM) or Path(CHROMIUM).is_file()):
        return f"no Chromium at {CHROMIUM} (Debian: apt-get install chromium)"
    return None


@pytest.fixture
async def browser():
    reason = _why_no_browser()
    if reason:
        print(f"browser tests skipped: {reason}")
        pytest.skip(reason)
    from playwright.async_api import async_playwright

    ARTIFACTS.mkdir(exist_ok=True)
    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS, headless=True)
        yield chromium
        await chromium.close()
    print(f"console screenshots: {ARTIFACTS}")


@pytest.fixture
async def phone(browser, bot_server):
    context = await browser.new_context(viewport=PHONE, device_scale_factor=2, locale="zh-CN",
                                        base_url=str(bot_server.make_url("")).rstrip("/"))
    page = await context.new_page()
    failures = []
    page.on("requestfailed", lambda request: failures.append(request.url))
    page.on("console", lambda message: message.type == "error" and failures.append(message.text))
    yield page
    await context.close()
    assert not failures, f"the page asked for something it could not get: {failures}"


async def snap(page, name: str) -> None:
    await page.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)


async def test_a_staff_member_works_through_the_console_on_a_phone(staff, volunteer, busy_bank, link_for, phone,
                                                                   runtime, inbox, member_chat):
    await member_chat("o_staff_zhao").says("你好")
    await member_chat("o_volunteer_liu").says("你好")  # inside WeChat's 48-hour window: pushes reach them
    # Logging in with the link from chat.
    token = await link_for("o_staff_zhao")
    await phone.goto(f"/console/login/{token}")
    await snap(phone, "01-login")
    await phone.get_by_role("button", name="进入后台").click()
    await phone.wait_for_url("**/console/")

    # The dashboard, with its charts.
    assert await phone.locator("figure.chart svg").count() >= 5
    assert await phone.get_by_text("非常满意").first.is_visible()
    width = await phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]  # nothing wider than the phone
    await snap(phone, "02-dashboard")

    # Verifying a volunteer.
    await phone.goto(f"/console/members/{volunteer.id}")
    await phone.get_by_role("button", name="认证为志愿者").click()
    await phone.get_by_text("已认证该志愿者").wait_for()
    assert (await members.member_by_id(runtime.sessions, volunteer.id)).is_verified
    await snap(phone, "03-member-verified")
    assert await inbox.wait_for("o_volunteer_liu", "认证")  # told in WeChat, so the sandbox knows them as a follower

    # Settling a dispute: its alert closes with the settlement.
    await phone.goto("/console/alerts")
    await snap(phone, "04-alerts")
    await phone.locator("select[name=decision]").first.select_option("REFUND")
    await phone.locator("textarea[name=reason]").first.fill("已电话联系老人，志愿者没有上门")
    await phone.get_by_role("button", name="处理纠纷").first.click()
    await phone.get_by_text("纠纷已处理").wait_for()
    assert not [a for a in await alerts.open_alerts(runtime.sessions) if a.kind == alerts.DISPUTE]

    # Sending a broadcast to the sandbox.
    await phone.goto("/console/broadcasts")
    await phone.locator("textarea[name=content]").fill("本周六上午九点，社区广场义诊。")
    await phone.locator("select[name=audience]").select_option("all")
    await phone.get_by_role("button", name="预览").click()
    await phone.get_by_role("button", name="确认发送").wait_for()
    await snap(phone, "05-broadcast-confirm")
    await phone.get_by_role("button", name="确认发送").click()
    await phone.get_by_text("群发已确认").wait_for()
    assert await inbox.wait_for("o_volunteer_liu", "社区广场义诊")
    (sent,) = await broadcasts.history(runtime.sessions)
    await phone.goto(f"/console/broadcasts/{sent.id}")
    await snap(phone, "06-broadcast-progress")

    # Every other page, for the record.
    for name, path in (("07-members", "/console/members"), ("08-tasks", "/console/tasks"),
                       ("09-task", f"/console/tasks/{busy_bank.done.id}"), ("10-ledger", "/console/ledger"),
                       ("11-ledger-verify", "/console/ledger/verify"), ("12-partners", "/console/partners"),
                       ("13-broadcasts", "/console/broadcasts"), ("14-honour-roll", "/console/honour-roll")):
        response = await phone.goto(path)
        assert response.status == 200, path
        assert await phone.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
        await snap(phone, name)
    assert len(list(ARTIFACTS.glob("*.png"))) >= 14
