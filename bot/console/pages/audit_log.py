"""The audit log, newest first: admins only."""

from __future__ import annotations

from aiohttp import web

from bot.console.auth import admin_only
from bot.console.pages.common import runtime_of, whole_number
from bot.console.render import render
from handlers.people import named
from storage import audit


async def audit_page(request: web.Request) -> web.Response:
    subject = whole_number(request.query.get("member", ""))
    runtime = runtime_of(request)
    entries = await audit.entries(runtime.sessions, subject=subject, limit=200)
    refs = [entry.actor for entry in entries] + [f"member:{entry.subject_id}" for entry in entries if entry.subject_id]
    actors = await named(runtime.sessions, runtime.keyring, refs)
    return render(request, "audit.html", entries=entries, subject=subject, actors=actors)


ROUTES = (("GET", "/audit", admin_only(audit_page)),)
