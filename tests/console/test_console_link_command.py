"""`timebank console-link --openid X`: the first login, before anyone can ask for a link in chat."""

import asyncio

from bot.cli import main


async def test_the_command_prints_a_link_that_opens_the_console_once(staff, bot_config, anonymous, capsys):
    code = await asyncio.to_thread(main, ["console-link", "--openid", "o_staff_zhao", "--config", bot_config.source])
    printed = capsys.readouterr()
    assert code == 0 and "one use" in printed.err
    url = printed.out.strip()
    assert url.startswith("http://127.0.0.1:8080/console/login/")  # [console] base_url, by default from [server]
    token = url.rsplit("/", 1)[1]
    assert (await anonymous.post("/console/login", {"token": token}, csrf=False))[0] == 200
    assert (await anonymous.post("/console/login", {"token": token}, csrf=False))[0] == 403


async def test_the_command_refuses_someone_who_is_not_staff(volunteer, bot_config, capsys):
    code = await asyncio.to_thread(main, ["console-link", "--openid", "o_volunteer_liu",
                                          "--config", bot_config.source])
    assert code == 1 and "not an active staff member" in capsys.readouterr().err
