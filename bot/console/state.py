"""What the console keeps on its app and on each request, by typed key."""

from __future__ import annotations

from datetime import datetime

from aiohttp import web

from bot.runtime import Runtime
from handlers.context import Context
from storage.console_access import ConsoleSession
from storage.members import Member

RUNTIME = web.AppKey("console_runtime", Runtime)
CONTEXT = web.AppKey("console_handler_context", Context)  # to tell members in chat what staff did

# aiohttp 3.13 and later want typed request keys; earlier versions take the plain name.
_request_key = getattr(web, "RequestKey", lambda name, _kind: name)
STAFF = _request_key("console_staff", Member)
SESSION = _request_key("console_session", ConsoleSession)
NOW = _request_key("console_now", datetime)
