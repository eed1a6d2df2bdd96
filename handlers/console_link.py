"""`登录后台`: a staff member asks for a one-time link to the web console, and gets it in their own chat."""

from __future__ import annotations

import re

from handlers.staff import refuse_non_staff, staff_member
from handlers.routes import Command
from handlers.turn import Turn
from handlers.types import Outcome, Reply
from storage import console_access

LOGIN_COMMAND = re.compile(r"^\s*(登录后台|登陆后台)\s*$")  # people type the common misspelling too
INTENT = "console_login"


async def login_link(turn: Turn) -> Outcome:
    incoming, ctx = turn.incoming, turn.ctx
    staff = await staff_member(turn)
    if staff is None:
        return await refuse_non_staff(turn, INTENT)
    if ctx.console is None:
        return Outcome(Reply(ctx.text("console_unavailable")), INTENT)
    link = await console_access.create_login_link(ctx.console.redis, staff.id, now=incoming.received_at,
                                                  ttl=ctx.console.link_ttl)
    url = f"{ctx.console.base_url}/console/login/{link.token}"
    minutes = str(int(ctx.console.link_ttl.total_seconds() // 60))
    return Outcome(Reply(ctx.text("console_link", url=url, minutes=minutes)), INTENT)


ROUTES = (Command(LOGIN_COMMAND, login_link, staff=True),)
