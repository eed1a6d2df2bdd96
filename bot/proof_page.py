"""`/verify/<code>`: anyone checks a proof of service hours, with no login, on a phone.

The page shows what the proof said when it was issued, with the name masked (王**), and whether it is still
valid or was revoked; an unknown code gets "查无此证明" and 404. Each address may check `[proof]
verify_per_minute` codes a minute (429 beyond), so codes cannot be guessed by walking through them.
"""

from __future__ import annotations

import base64
import hashlib

import jinja2
from aiohttp import web
from redis.exceptions import RedisError

from bot.console.render import SECURITY_HEADERS
from bot.handler_context import handler_context
from bot.runtime import Runtime
from handlers.context import Context
from handlers.proof import stars_in_words
from storage import members, proofs
from storage.exchange import format_minutes
from storage.rate_limits import within_rate

STYLE = ("body{font-family:sans-serif;font-size:20px;line-height:1.6;color:#222;background:#fffdf6;margin:0;"
         "padding:16px}main{max-width:560px;margin:0 auto}h1{font-size:26px;color:#b22222;margin:8px 0 16px}"
         ".status{font-size:24px;font-weight:bold;padding:12px;border:3px solid;margin-bottom:16px}"
         ".valid{color:#1b5e20;border-color:#1b5e20}.revoked{color:#b71c1c;border-color:#b71c1c}"
         "dl{margin:0}dt{color:#555;margin-top:10px}dd{margin:0;font-size:22px}footer{margin-top:24px;color:#555}")
# The one inline style allowed, by its hash: nothing else on the page may style or script it.
HEADERS = {**SECURITY_HEADERS, "Content-Security-Policy": (
    "default-src 'none'; style-src 'sha256-" + base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode()
    + "'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'")}

PAGE = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined).from_string("""<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title><style>{{ style }}</style></head>
<body><main>
<h1>志愿服务证明查验</h1>
{% if proof %}
<p class="status {{ 'valid' if proof.valid else 'revoked' }}" id="status">
{{ '这份证明真实有效' if proof.valid else '这份证明已撤销，不再有效' }}</p>
<dl>
<dt>姓名</dt><dd id="name">{{ name }}</dd>
<dt>服务期间</dt><dd>{{ period }}</dd>
<dt>服务时长合计</dt><dd id="total">{{ total }}</dd>
{% for service, hours in services %}<dt>{{ service }}</dt><dd>{{ hours }}</dd>
{% endfor %}
<dt>星级</dt><dd>{{ stars }}</dd>
<dt>出具单位</dt><dd>{{ proof.issuer }}</dd>
<dt>出具日期</dt><dd>{{ issued }}</dd>
<dt>证明编号</dt><dd>{{ proof.code }}</dd>
</dl>
{% else %}
<p class="status revoked" id="status">{{ message }}</p>
<p>{{ advice }}</p>
{% endif %}
<footer>有疑问请打社区电话 {{ hotline }}。</footer>
</main></body></html>
""")


def mount(app: web.Application, runtime: Runtime) -> None:
    context = handler_context(runtime)

    async def verify(request: web.Request) -> web.Response:
        try:
            allowed = await within_rate(runtime.redis, "verify", request.remote or "unknown",
                                        runtime.config.verify_per_minute)
        except RedisError:  # the limit cannot be counted: no lookups until it can, but a page, not a bare 500
            return _page(context, 503, message="暂时查不了", advice="请过几分钟再查。")
        if not allowed:
            return _page(context, 429, message="查询太频繁了", advice="请过一分钟再查。")
        code = proofs.clean_code(request.match_info["code"])
        proof = None if code is None else await proofs.find(runtime.sessions, code)
        if proof is None:
            return _page(context, 404, message="查无此证明", advice="请核对证明编号：12位字母和数字，在证明图片的下方。")
        return _page(context, 200, **await _shown(proof, context))

    app.router.add_get("/verify/{code}", verify)


async def _shown(proof: proofs.Proof, ctx: Context) -> dict:
    masked = (await members.masked_profile(ctx.bank.sessions, ctx.bank.keyring, proof.member_id)).real_name
    issued = ctx.local(proof.issued_at).strftime("%Y年%m月%d日")
    catalogue = ctx.bank.catalogue
    return dict(proof=proof, name=masked or ctx.text("proof_name_unknown"), issued=issued,
                period=f"{proof.period_year}年" if proof.period_year else f"截至{issued}的全部服务",
                total=format_minutes(proof.total_min), stars=stars_in_words(proof.star_level, ctx),
                services=[(catalogue[code].name if code in catalogue else code, format_minutes(minutes))
                          for code, minutes in sorted(proof.minutes_by_service.items(), key=lambda item: -item[1])])


def _page(ctx: Context, status: int, **shown) -> web.Response:
    title = "查验结果" if shown.get("proof") else shown["message"]
    text = PAGE.render(title=title, style=STYLE, hotline=ctx.community.hotline, **{"proof": None, **shown})
    return web.Response(status=status, text=text, content_type="text/html", headers=HEADERS)
