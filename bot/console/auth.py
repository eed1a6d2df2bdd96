"""Who is at the console: one-time login links, the session cookie, CSRF, and staff and admin rights.

A link from chat (`登录后台`) or `timebank console-link` opens a page with
one button; pressing it spends the link and starts a session. The GET
itself changes nothing, so a chat app fetching the link for a preview
cannot spend it. The session id lives in an HttpOnly, SameSite=Strict
cookie scoped to /console; the server keeps the session in Redis, and every
request reads the member again, so revoking staff or suspending takes
effect at once. Every POST carries the session's CSRF token in a form field.
"""

from __future__ import annotations

import hmac
from datetime import timedelta

from aiohttp import web

from bot.console.render import render
from bot.console.state import NOW, RUNTIME, SESSION, STAFF
from storage import audit, console_access, members
from storage.base import utcnow

COOKIE = "timebank_console"

OPEN_PATHS = ("/console/login", "/console/static/")


def actor_of(request: web.Request) -> str:
    staff = request[STAFF]
    return audit.member_actor(staff.id, True)


async def login_page(request: web.Request) -> web.Response:
    """Shows the button; spends nothing."""
    return render(request, "login.html", token=request.match_info["token"])


async def log_in(request: web.Request) -> web.Response:
    runtime = request.app[RUNTIME]
    form = await request.post()
    now = utcnow()
    member_id = await console_access.consume_login_link(runtime.redis, str(form.get("token", "")), now=now)
    member = member_id is not None and await members.member_by_id(runtime.sessions, member_id)
    if not member or not member.is_active or not member.is_staff:
        return render(request, "login_failed.html", status=403)
    session = await console_access.start_session(runtime.redis, member.id, now=now,
                                                 ttl=timedelta(hours=runtime.config.console.session_hours))
    await console_access.record(runtime.sessions, actor=audit.member_actor(member.id, True), action="console_login",
                                subject_id=member.id, now=now)
    response = web.HTTPSeeOther("/console/")
    response.set_cookie(COOKIE, session.session_id, max_age=int((session.expires_at - now).total_seconds()),
                        path="/console", httponly=True, samesite="Strict",
                        secure=runtime.config.console.secure_cookie)
    raise response


async def log_out(request: web.Request) -> web.Response:
    runtime = request.app[RUNTIME]
    await console_access.end_session(runtime.redis, request[SESSION].session_id)
    await console_access.record(runtime.sessions, actor=actor_of(request), action="console_logout",
                                subject_id=request[STAFF].id)
    response = web.HTTPSeeOther("/console/logged-out")
    response.del_cookie(COOKIE, path="/console")
    raise response


async def logged_out(request: web.Request) -> web.Response:
    return render(request, "login_failed.html", status=200, logged_out=True)


@web.middleware
async def staff_only(request: web.Request, handler):
    """Every page but the login ones: a live session of an active staff member, and CSRF on every POST."""
    if request.path.startswith(OPEN_PATHS) or request.path == "/console/logged-out":
        return await handler(request)
    runtime, request[NOW] = request.app[RUNTIME], utcnow()
    session = await console_access.find_session(runtime.redis, request.cookies.get(COOKIE), now=request[NOW])
    if session is None:
        return render(request, "login_failed.html", status=401, no_session=True)
    staff = await members.member_by_id(runtime.sessions, session.member_id)
    if staff is None or not staff.is_active or not staff.is_staff:
        return render(request, "forbidden.html", status=403)
    request[STAFF], request[SESSION] = staff, session
    if request.method == "POST":
        form = await request.post()
        if not hmac.compare_digest(str(form.get("csrf", "")), session.csrf_token):
            return render(request, "forbidden.html", status=403, csrf_failed=True)
    return await handler(request)


def admin_only(page):
    """Pages and actions only admins have: ledger corrections, exports, the audit log, appointing staff."""
    async def guarded(request: web.Request) -> web.StreamResponse:
        if not request[STAFF].is_admin:
            return render(request, "forbidden.html", status=403, admin_needed=True)
        return await page(request)

    return guarded
