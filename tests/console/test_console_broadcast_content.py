"""A broadcast written on the console is sent exactly as typed, as one written in chat is."""

from storage import broadcasts

TYPED = "周六上午9点，八一社区的老人请到活动室！！体检～～（带上医保卡）😀……谢谢。。。"


async def test_the_console_keeps_every_mark_of_a_broadcast(staff, volunteer, console, runtime, inbox, member_chat):
    await member_chat("o_staff_zhao").says("你好")
    zhao = await console("o_staff_zhao")
    await zhao.get("/console/broadcasts")
    status, page = await zhao.post("/console/broadcasts/preview", {"content": TYPED, "audience": "all", "send_at": ""})
    assert status == 200 and "全体成员" in page  # the audience is the form's, not the 老人 or 八一社区 in the text
    assert await inbox.wait_for("o_staff_zhao", TYPED)  # the preview, as typed
    nonce = page.split('name="nonce" value="', 1)[1].split('"', 1)[0]
    await zhao.post("/console/broadcasts/send", {"content": TYPED, "audience": "all", "send_at": "", "nonce": nonce})
    (sent,) = await broadcasts.history(runtime.sessions)
    assert sent.content == TYPED and sent.audience == broadcasts.ALL and sent.scheduled_at is None
