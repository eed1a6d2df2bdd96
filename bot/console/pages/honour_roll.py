"""The monthly honour roll per community (光荣榜): who said yes and served that month, masked, with their hours and
stars, and a form that hands it to the broadcast page's preview (the same flow and rules as any broadcast).

The same roll as chat's `光荣榜` (handlers/honour_roll.py); each showing is audited as `honour_roll_view`.
"""

from __future__ import annotations

from aiohttp import web

from bot.console.pages.common import runtime_of, today
from bot.console.render import render
from bot.console.state import CONTEXT, STAFF
from handlers.broadcast import MAX_CONTENT_CHARS
from handlers.honour_roll import Month, month_said, roll_text
from storage import broadcasts, stars


def _month(words: str) -> Month:
    """The month asked for (`2026-11`); the last whole month when none or a wrong one is asked for."""
    try:
        return month_said(words.strip(), today()) or Month.of(today()).before()
    except ValueError:
        return Month.of(today()).before()


async def page(request: web.Request) -> web.Response:
    runtime, ctx, staff = runtime_of(request), request.app[CONTEXT], request[STAFF]
    places = await broadcasts.communities(runtime.sessions)
    asked = request.query.get("community", "")
    place = asked if asked in places else (staff.community if staff.community in places else next(iter(places), ""))
    month = _month(request.query.get("month", ""))
    lines = await stars.honour_roll(runtime.sessions, runtime.keyring, place, since=month.since, until=month.until,
                                    rules=ctx.bank.stars, viewer_id=staff.id, month=month.key) if place else []
    return render(request, "honour_roll.html", places=places, place=place, month=month, lines=lines,
                  content=roll_text(lines, place, month, ctx) if lines else "", limit=MAX_CONTENT_CHARS,
                  audience=broadcasts.community_audience(place) if place else "")


ROUTES = (("GET", "/honour-roll", page),)
