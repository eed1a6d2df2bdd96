"""Pages from jinja2 templates shipped with the package, with the console's filters and security headers."""

from __future__ import annotations

from datetime import datetime
from zoneinfo import ZoneInfo

import jinja2
from aiohttp import web

from bot.console import labels
from bot.console.state import SESSION, STAFF
from storage.privacy import mask_phones_in

LOCAL_TIME = ZoneInfo("Asia/Shanghai")
# No CDN, no inline script or style: everything the page needs comes from /console/static.
SECURITY_HEADERS = {
    "Content-Security-Policy": "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; "
                               "form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    # A login link carries its token in the URL: never let it leave in a Referer.
    "Referrer-Policy": "no-referrer",
    "Cache-Control": "no-store",
}


def local_time(moment: datetime | None, pattern: str = "%Y-%m-%d %H:%M") -> str:
    return "" if moment is None else moment.astimezone(LOCAL_TIME).strftime(pattern)


def hours(minutes: int | None) -> str:
    """Minutes as hours with at most one decimal: 90 → 1.5."""
    if minutes is None:
        return ""
    value = round(minutes / 60, 1)
    return f"{value:g}"


def percent(share: float | None) -> str:
    return "—" if share is None else f"{share * 100:.0f}%"


def masked(words: str | None) -> str:
    """Free text (a dispute, a note, a reason) in a list: phone numbers in it are masked."""
    return mask_phones_in(words or "")


def _environment() -> jinja2.Environment:
    env = jinja2.Environment(loader=jinja2.PackageLoader("bot.console", "templates"),
                             autoescape=jinja2.select_autoescape(("html", "svg")),
                             undefined=jinja2.StrictUndefined, trim_blocks=True, lstrip_blocks=True)
    env.filters.update(local_time=local_time, hours=hours, percent=percent, masked=masked)
    env.globals.update(labels=labels)
    return env


ENVIRONMENT = _environment()


def render(request: web.Request, template: str, *, status: int = 200, **values) -> web.Response:
    session = request.get(SESSION)
    page = ENVIRONMENT.get_template(template).render(
        staff=request.get(STAFF), csrf=session.csrf_token if session else "", path=request.path,
        flash=request.query.get("done", ""), **values)
    return web.Response(text=page, status=status, content_type="text/html", charset="utf-8",
                        headers=SECURITY_HEADERS)
