"""What every page uses: the runtime, form fields, and going back to a page with a message."""

from __future__ import annotations

from datetime import date, datetime

from aiohttp import web

from bot.console.state import RUNTIME, STAFF
from bot.console.render import LOCAL_TIME
from bot.runtime import Runtime
from storage.base import utcnow
from storage.members import Actor


def runtime_of(request: web.Request) -> Runtime:
    return request.app[RUNTIME]


def staff_actor(request: web.Request) -> Actor:
    return request[STAFF].actor


def today() -> date:
    return utcnow().astimezone(LOCAL_TIME).date()


def whole_number(value, *, low: int = 1, high: int = 10**9) -> int | None:
    try:
        number = int(str(value).strip())
    except (TypeError, ValueError):
        return None
    return number if low <= number <= high else None


def local_day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value) if value else None
    except ValueError:
        return None


def local_midnight(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, tzinfo=LOCAL_TIME)


def back(path: str, done: str) -> web.HTTPSeeOther:
    """Post/redirect/get: the page again, saying what was done."""
    return web.HTTPSeeOther(f"{path}?done={done}")


def member_or_404(member):
    if member is None:
        raise web.HTTPNotFound(text="没有这个会员")
    return member
