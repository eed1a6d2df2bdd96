"""How long help takes: the flow per community and service, requests still waiting, volunteers who never answer."""

from __future__ import annotations

from datetime import timedelta

from aiohttp import web

from bot.console.pages.common import runtime_of, whole_number
from bot.console.render import render
from storage import console_queries, help_flow
from storage.base import utcnow

PERIODS = (7, 30, 90)


async def page(request: web.Request) -> web.Response:
    runtime = runtime_of(request)
    days = whole_number(request.query.get("days", 30), low=1, high=366) or 30
    now = utcnow()
    flows = await help_flow.help_flow(runtime.sessions, now - timedelta(days=days), now)
    since = now - timedelta(days=help_flow.RESPONSIVENESS_DAYS)
    volunteers = await help_flow.responsiveness(runtime.sessions, since, now)
    people = await console_queries.member_lines(runtime.sessions, runtime.keyring,
                                                [row.volunteer_id for row in volunteers])
    return render(request, "help_flow.html", flows=flows, waiting=await help_flow.waiting(runtime.sessions, now),
                  volunteers=volunteers, people=people, days=days, periods=PERIODS,
                  responsiveness_days=help_flow.RESPONSIVENESS_DAYS,
                  services={code: service.name for code, service in runtime.config.catalogue.services.items()})


ROUTES = (("GET", "/help", page),)
