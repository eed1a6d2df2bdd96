"""The staff web console, served under /console by the bot's own aiohttp process.

Server-rendered pages (jinja2) in Simplified Chinese, with their CSS and
icons shipped in the package: nothing is fetched from the internet. Access,
sessions and CSRF: bot.console.auth; one module per page under pages/.
See docs/console.md.
"""

from __future__ import annotations

from pathlib import Path

from aiohttp import web

from bot.console import auth, state
from bot.console.pages import (alerts, audit_log, broadcasts, dashboard, events, help_flow, honour_roll, ledger,
                               members, partners, surveys, tasks)
from bot.handler_context import handler_context
from bot.runtime import Runtime

PREFIX = "/console"
STATIC = Path(__file__).parent / "static"
PAGES = (dashboard, alerts, members, tasks, help_flow, ledger, broadcasts, honour_roll, events, surveys, partners,
         audit_log)


def build_console(runtime: Runtime) -> web.Application:
    console = web.Application(middlewares=[auth.staff_only])
    console[state.RUNTIME], console[state.CONTEXT] = runtime, handler_context(runtime)
    console.router.add_get("/login/{token}", auth.login_page)
    console.router.add_post("/login", auth.log_in)
    console.router.add_post("/logout", auth.log_out)
    console.router.add_get("/logged-out", auth.logged_out)
    console.router.add_static("/static", STATIC)
    for page in PAGES:
        for method, path, handler in page.ROUTES:
            console.router.add_route(method, path, handler)
    return console


def mount(app: web.Application, runtime: Runtime) -> None:
    app.add_subapp(PREFIX, build_console(runtime))
