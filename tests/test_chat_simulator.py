"""The terminal chat: a scripted conversation, piped in one message per line, as a developer would."""

import io

from bot.chat import run_chat


async def test_a_piped_conversation_shows_every_reply(bot_server, bot_config, sandbox, capsys):
    script = io.StringIO("/follow\n你好\n/voice 什么是时间银行\n/voice\n/as o_second_member\n/image\n/nonsense\n")
    bot_url = str(bot_server.make_url(bot_config.server.path))
    await run_chat(bot_config.wechat, bot_url, str(sandbox.make_url("")), "o_first_member", lines=script)
    shown = capsys.readouterr().out
    assert "欢迎关注" in shown
    assert "我是" in shown
    assert "时间银行是什么" in shown
    assert "没听清" in shown
    assert "现在以 o_second_member 的身份聊天" in shown
    assert "文字和语音" in shown
    assert "不认识的命令" in shown


async def test_the_dev_chat_shows_every_members_pushes_labelled_with_the_receivers_masked_name(
        bot_server, bot_config, sandbox, runtime, capsys):
    from bot.dev_chat import DevChat
    from tests.service_requests.conftest import Community

    community = Community(runtime)
    await community.elder()
    await community.volunteer("o_vol_zhang", "张志强")
    script = io.StringIO("/as o_vol_zhang\n你好\n/as o_elder_wang\n明天下午三点找人陪我聊聊天，两个小时\n1\n没有\n是\n")
    dev = DevChat(runtime)
    await run_chat(bot_config.wechat, str(bot_server.make_url(bot_config.server.path)), str(sandbox.make_url("")),
                   "o_elder_wang", lines=script, name_of=dev.name_of)
    shown = capsys.readouterr().out
    assert "[推送 → 张**] 新需求" in shown  # the volunteer's phone, seen from the elder's chat
    assert "Traceback" not in shown


async def test_dev_staff_makes_the_chats_member_staff_and_admin_once_registered(bot_server, bot_config, sandbox,
                                                                                runtime, capsys):
    from bot.dev_chat import STAFF_NOTE, DevChat
    from storage import members
    from tests.service_requests.conftest import Community

    dev = DevChat(runtime, staff_openid="o_dev_elder_wang")
    script = io.StringIO("你好\n")
    url = str(bot_server.make_url(bot_config.server.path))
    await run_chat(bot_config.wechat, url, str(sandbox.make_url("")), "o_dev_elder_wang", lines=script,
                   name_of=dev.name_of, after_turn=dev.after_turn)
    assert STAFF_NOTE not in capsys.readouterr().out  # not registered yet: nobody to promote
    await Community(runtime).elder("o_dev_elder_wang")
    await run_chat(bot_config.wechat, url, str(sandbox.make_url("")), "o_dev_elder_wang", lines=io.StringIO("你好\n"),
                   name_of=dev.name_of, after_turn=dev.after_turn)
    assert STAFF_NOTE in capsys.readouterr().out
    member = await members.member_by_openid(runtime.sessions, "o_dev_elder_wang")
    assert member.is_staff and member.is_admin


async def test_a_clock_move_from_the_chat_needs_a_bot_with_a_movable_clock(bot_server, bot_config, sandbox, capsys):
    script = io.StringIO("/clock +2h\n/clock tomorrow\n")
    await run_chat(bot_config.wechat, str(bot_server.make_url(bot_config.server.path)), str(sandbox.make_url("")),
                   "o_first_member", lines=script)
    shown = capsys.readouterr().out
    assert "没有打开 [dev] movable_clock" in shown
    assert "用法：/clock" in shown


def test_clock_words_become_the_endpoints_requests():
    from bot.chat import clock_request

    assert clock_request("+2h") == {"advance_s": 7200}
    assert clock_request("+1d") == {"advance_s": 86400}
    assert clock_request("+30m") == {"advance_s": 1800}
    assert clock_request("2026-12-05 08:50") == {"set": "2026-12-05T08:50:00+08:00"}
    assert clock_request("-1h") is None and clock_request("明天") is None
