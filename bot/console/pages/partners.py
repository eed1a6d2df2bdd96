"""Partners: the catalogue with stock left, and redemptions with their codes; staff may complete a code."""

from __future__ import annotations

from aiohttp import web

from bot.console.auth import actor_of
from bot.console.pages.common import back, runtime_of
from bot.console.render import render
from storage import console_access, console_queries, redemptions


async def partners_page(request: web.Request) -> web.Response:
    runtime = runtime_of(request)
    status = request.query.get("status", "")
    return render(request, "partners.html", items=await console_queries.all_items(runtime.sessions),
                  found=await console_queries.recent_redemptions(runtime.sessions, status=status or None),
                  shown=status, refused=request.query.get("refused", ""))


async def complete(request: web.Request) -> web.Response:
    """The same as `核销 CODE` in chat, for a partner who phones the code in."""
    runtime = runtime_of(request)
    code = str((await request.post()).get("code", "")).strip().upper()
    try:
        done = await redemptions.complete(runtime.sessions, code, actor_of(request))
    except redemptions.CodeNotOpen as closed:
        raise web.HTTPSeeOther(f"/console/partners?refused={closed.status}") from None
    except redemptions.RedemptionError:
        raise web.HTTPSeeOther("/console/partners?refused=code") from None
    await console_access.record(runtime.sessions, actor=actor_of(request), action="redemption_complete",
                                detail={"redemption_id": done.id})
    raise back("/console/partners", "redeemed")


ROUTES = (("GET", "/partners", partners_page), ("POST", "/partners/complete", complete))
