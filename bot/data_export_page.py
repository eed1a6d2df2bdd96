"""`/export/<token>`: a member's copy of their data, as a JSON file, once; the link came in their chat.

Opening the link gathers the copy (storage.data_export.gather, logged as the member reading their own
data) and takes the link, so a second opening, or one after a day, gets a plain page saying it has expired.
"""

from __future__ import annotations

from urllib.parse import quote

from aiohttp import web

from bot.console.render import SECURITY_HEADERS
from bot.runtime import Runtime
from storage import data_export
from storage.base import utcnow

EXPIRED_PAGE = ("<!doctype html><html lang=\"zh-CN\"><meta charset=\"utf-8\">"
                "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                "<title>链接已失效</title><p style=\"font-size:20px\">这个链接已经用过或过期了。"
                "请在公众号里再发一次“导出我的信息”。</p></html>")
FILE_NAME = "我的时间银行信息.json"


def mount(app: web.Application, runtime: Runtime) -> None:
    async def download(request: web.Request) -> web.Response:
        member_id = await data_export.consume_link(runtime.redis, request.match_info["token"], now=utcnow())
        if member_id is None:
            return web.Response(status=410, text=EXPIRED_PAGE, content_type="text/html", headers=SECURITY_HEADERS)
        copy = await data_export.gather(runtime.sessions, runtime.keyring, member_id)
        return web.Response(text=data_export.as_json(copy), content_type="application/json", headers={
            **SECURITY_HEADERS, "Content-Disposition": f"attachment; filename*=UTF-8''{quote(FILE_NAME)}"})

    app.router.add_get("/export/{token}", download)
