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
