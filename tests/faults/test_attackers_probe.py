"""An attacker probes the WeChat endpoint and the other routes, one class of trick at a time.

Each story is what the attacker tries and what they get. The bot is the real application on real Redis and SQL;
the handler is the real one except where a story only needs to know whether anything reached it.
"""

from __future__ import annotations

import asyncio
import base64
import hashlib
import secrets
import time

import aiohttp
import pytest
from wechatpy.crypto import PrpCrypto

from bot.simulator import ACCOUNT_ID
from handlers.types import Outcome, Reply


@pytest.fixture
def handled():
    return []


@pytest.fixture
def responder(handled):
    async def echo(incoming, ctx):
        handled.append((incoming.openid, incoming.text))
        return Outcome(Reply(f"收到：{incoming.text}"), "test")

    return echo


def sign(*parts: str) -> str:
    return hashlib.sha1("".join(sorted(parts)).encode()).hexdigest()


def fresh() -> tuple[str, str]:
    return str(int(time.time())), secrets.token_hex(6)


async def post_raw(wechat, query, body: bytes, **options) -> tuple[int, str]:
    async with wechat.http.post(wechat.bot_url, params=query, data=body, **options) as response:
        return response.status, await response.text()


def plain(openid: str, content: str, *, created: str | None = None, to: str = ACCOUNT_ID) -> str:
    return (f"<xml><ToUserName><![CDATA[{to}]]></ToUserName><FromUserName><![CDATA[{openid}]]></FromUserName>"
            f"<CreateTime>{int(time.time()) if created is None else created}</CreateTime><MsgType><![CDATA[text]]></MsgType>"
            f"<Content><![CDATA[{content}]]></Content><MsgId>{secrets.randbits(60)}</MsgId></xml>")


# ---- signature and envelope ----

async def test_a_captured_url_resent_for_another_member_is_refused(wechat, handled):
    query, body = wechat.envelope(plain("o_elder_li", "查余额"))
    assert (await post_raw(wechat, query, body))[0] == 200
    # Same signed URL, the openid parameter pointing at someone else, the body naming them too.
    status, _ = await post_raw(wechat, {**query, "openid": "o_staff_zhao"}, plain("o_staff_zhao", "发放").encode())
    assert status == 403
    assert handled == [("o_elder_li", "查余额")]


async def test_a_body_whose_sender_is_not_the_signed_openid_is_refused(wechat, handled):
    stamp, nonce = fresh()
    query = wechat.signed_query(stamp, nonce, openid="o_elder_li")
    status, text = await post_raw(wechat, query, plain("o_staff_zhao", "发放 王阿姨 5小时").encode())
    assert status == 403 and "Traceback" not in text
    assert handled == []


@pytest.mark.parametrize("skew", [-301, 301, -10**9, 10**12])
async def test_a_valid_signature_on_a_stale_or_future_timestamp_is_refused(wechat, handled, skew):
    query, body = wechat.envelope(plain("o_elder_li", "你好"), timestamp=int(time.time()) + skew)
    assert (await post_raw(wechat, query, body))[0] == 403
    assert handled == []


async def test_a_timestamp_in_other_digits_is_refused_even_when_signed(wechat, handled):
    """'１７…' (full-width) passes str.isdigit() and then breaks int(): refused as a bad timestamp, not a crash."""
    stamp = str(int(time.time())).translate(str.maketrans("0123456789", "０１２３４５６７８９"))
    nonce = secrets.token_hex(6)
    query = {"signature": sign("testtoken", stamp, nonce), "timestamp": stamp, "nonce": nonce}
    assert (await post_raw(wechat, query, plain("o_elder_li", "你好").encode()))[0] == 403
    assert handled == []


@pytest.mark.parametrize("name", ["signature", "timestamp", "nonce", "openid", "echostr"])
async def test_a_protocol_parameter_given_twice_is_refused(wechat, handled, name):
    stamp, nonce = fresh()
    query = list(wechat.signed_query(stamp, nonce, openid="o_elder_li").items())
    if name not in dict(query):
        query.append((name, "e1"))
    query.append((name, "0" * 40 if name == "signature" else dict(query)[name] + "1"))
    body = plain("o_elder_li", "你好").encode()
    assert (await post_raw(wechat, query, body))[0] == 400
    echo = [] if name == "echostr" else [("echostr", "e1")]
    async with wechat.http.get(wechat.bot_url, params=[*query, *echo]) as response:
        assert response.status == 400 and "e1" not in await response.text()
    assert handled == []


@pytest.mark.parametrize("query", [{"signature[]": "a", "timestamp[]": "1", "nonce[]": "2"}, {}])
async def test_missing_or_array_style_parameters_are_refused(wechat, handled, query):
    assert (await post_raw(wechat, query, plain("o_elder_li", "你好").encode()))[0] == 403
    assert handled == []


def _sealed(wechat, xml: str, *, app_id: str = "wx_test_app", mangle=lambda b: b, stamp=None, nonce=None):
    crypto_key = wechat._crypto.key  # the account's AES key, as WeChat holds it
    encrypted = mangle(PrpCrypto(crypto_key).encrypt(xml, app_id).decode())
    if stamp is None:
        stamp, nonce = fresh()
    query = {**wechat.signed_query(stamp, nonce), "encrypt_type": "aes",
             "msg_signature": sign("testtoken", stamp, nonce, encrypted)}
    body = f"<xml><ToUserName><![CDATA[{ACCOUNT_ID}]]></ToUserName><Encrypt><![CDATA[{encrypted}]]></Encrypt></xml>"
    return query, body.encode()


@pytest.mark.parametrize("wechat_mode", ["safe"], indirect=True)
@pytest.mark.parametrize("trick, status", [
    ("wrong msg_signature", 403),
    ("another app id", 400),
    ("truncated ciphertext", 400),
    ("padded ciphertext", 400),
    ("not base64", 400),
    ("plaintext body", 400),  # it claims encryption and carries none
    ("encrypt_type=AES and raw", 400),
])
async def test_safe_mode_tricks_reach_no_handler(wechat, handled, trick, status):
    xml = plain("o_elder_li", "你好")
    if trick == "wrong msg_signature":
        query, body = _sealed(wechat, xml)
        query["msg_signature"] = "0" * 40
    elif trick == "another app id":
        query, body = _sealed(wechat, xml, app_id="wx_someone_else")
    elif trick == "truncated ciphertext":
        query, body = _sealed(wechat, xml, mangle=lambda b: b[:-24])
    elif trick == "padded ciphertext":
        query, body = _sealed(wechat, xml, mangle=lambda b: base64.b64encode(base64.b64decode(b) + b"\0" * 16).decode())
    elif trick == "not base64":
        query, body = _sealed(wechat, xml, mangle=lambda b: "!!" + b)
    elif trick == "plaintext body":
        query, body = {**wechat.signed_query(*fresh()), "encrypt_type": "aes",
                       "msg_signature": "0" * 40}, xml.encode()
    else:
        query, body = _sealed(wechat, xml)
        query = [*query.items(), ("encrypt_type", "raw")]
    assert (await post_raw(wechat, query, body))[0] == status
    assert handled == []


@pytest.mark.parametrize("wechat_mode", ["safe"], indirect=True)
async def test_a_safe_mode_message_whose_inner_sender_is_not_the_query_openid_is_refused(wechat, handled):
    query, body = _sealed(wechat, plain("o_staff_zhao", "发放"))
    query["openid"] = "o_elder_li"
    assert (await post_raw(wechat, query, body))[0] == 403
    assert handled == []


# ---- the body ----

BOMB = (b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;">'
        b'<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;">]><xml><ToUserName>a</ToUserName><FromUserName>o_x'
        b'</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType><Content>&lol3;</Content></xml>')
XXE = (b'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><ToUserName>a'
       b'</ToUserName><FromUserName>o_x</FromUserName><CreateTime>1</CreateTime><MsgType>text</MsgType>'
       b'<Content>&e;</Content></xml>')
PARAMETER_ENTITY = b'<!DOCTYPE x [<!ENTITY % p SYSTEM "http://127.0.0.1:1/x.dtd"> %p;]><xml/>'


@pytest.mark.parametrize("body, status", [
    (BOMB, 400), (XXE, 400), (PARAMETER_ENTITY, 400), (b"<!doctype xml><xml/>", 400),
    (b"<" + b"\xd6\xd0\xce\xc4" * 10 + b"/>", 400),  # GBK bytes, not UTF-8
    (("<xml><ToUserName>a</ToUserName><FromUserName>o_x</FromUserName><CreateTime>1</CreateTime>"
      "<MsgType>text</MsgType><Content>中文</Content></xml>").encode("gbk"), 400),
    (b"<xml>" + b"<a>" * 20000 + b"</a>" * 20000 + b"</xml>", 413),
    (b"<xml>" + b"<a>" * 5000 + b"</a>" * 5000 + b"</xml>", 400),
    (b"x" * (64 * 1024 + 1), 413),
    (b"\xff\xfe<\x00x\x00m\x00l\x00", 400),
    # The same bomb in UTF-16 slips past the byte-level declaration check; expat's entity guard and the
    # UTF-8 rule still refuse it.
    (BOMB.decode().replace('version="1.0"', 'version="1.0" encoding="UTF-16"').encode("utf-16"), 400),
])
async def test_hostile_bodies_are_refused_without_details(wechat, handled, body, status):
    stamp, nonce = fresh()
    got, text = await post_raw(wechat, wechat.signed_query(stamp, nonce), body)
    assert got == status
    assert "Traceback" not in text and "/etc" not in text and "root:" not in text
    assert handled == []


@pytest.mark.parametrize("created", ["99999999999999999999", "-99999999999", "abc", "1e9", ""])
async def test_an_absurd_create_time_is_a_bad_request_not_a_crash(wechat, handled, created):
    query, body = wechat.envelope(plain("o_elder_li", "你好", created=created))
    assert (await post_raw(wechat, query, body))[0] == 400
    assert handled == []


async def test_a_create_time_a_year_ahead_keeps_no_window_open_past_48_hours(wechat, handled, runtime):
    """A signed message stamped a year ahead is answered, but the member's 48-hour window is 48 hours from now."""
    year = 365 * 24 * 3600
    query, body = wechat.envelope(plain("o_elder_li", "你好", created=str(int(time.time()) + year)))
    assert (await post_raw(wechat, query, body))[0] == 200
    ttl = await runtime.redis.ttl("contact_window:o_elder_li")
    assert 0 < ttl <= 48 * 3600 + 60


@pytest.mark.parametrize("fields", [
    "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[NOBODY_SENT_THIS]]></Event>",
    "<MsgType><![CDATA[hologram]]></MsgType>",
    "<MsgType><![CDATA[event]]></MsgType><Event><![CDATA[CLICK]]></Event><EventKey><![CDATA[grant_credits]]></EventKey>",
])
async def test_message_kinds_nobody_sends_get_no_internals(wechat, fields):
    xml = (f"<xml><ToUserName>{ACCOUNT_ID}</ToUserName><FromUserName>o_elder_li</FromUserName>"
           f"<CreateTime>{int(time.time())}</CreateTime>{fields}</xml>")
    query, body = wechat.envelope(xml)
    status, text = await post_raw(wechat, query, body)
    assert status == 200 and "Traceback" not in text


# ---- HTTP ----

@pytest.mark.parametrize("method", ["PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"])
async def test_methods_other_than_get_and_post_are_not_allowed(wechat, method):
    async with wechat.http.request(method, wechat.bot_url) as response:
        assert response.status == 405


async def test_a_handshake_with_a_bad_signature_does_not_echo(wechat):
    stamp, nonce = fresh()
    query = {**wechat.signed_query(stamp, nonce), "signature": "0" * 40, "echostr": "<script>alert(1)</script>"}
    async with wechat.http.get(wechat.bot_url, params=query) as response:
        assert response.status == 403
        assert "script" not in await response.text()


async def test_a_handshake_echo_cannot_inject_headers_or_markup(wechat):
    stamp, nonce = fresh()
    query = {**wechat.signed_query(stamp, nonce), "echostr": "1\r\nSet-Cookie: a=b"}
    async with wechat.http.get(wechat.bot_url, params=query) as response:
        assert "a=b" not in response.headers.get("Set-Cookie", "")
        assert response.headers["Content-Type"].startswith("text/plain")
        assert response.headers.get("X-Content-Type-Options") == "nosniff"


async def test_a_very_long_query_string_is_refused_cleanly(wechat, handled):
    async with wechat.http.post(wechat.bot_url + "?nonce=" + "a" * 20000, data=b"<xml/>") as response:
        assert 400 <= response.status < 500
        assert "Traceback" not in await response.text()
    assert handled == []


async def test_a_body_sent_slowly_is_cut_off(wechat, bot_server, handled):
    """Slowloris: headers promise a body that trickles in; the bot does not wait for it forever."""
    stamp, nonce = fresh()
    query = "&".join(f"{k}={v}" for k, v in wechat.signed_query(stamp, nonce).items())
    reader, writer = await asyncio.open_connection(bot_server.host, bot_server.port)
    writer.write((f"POST /wechat?{query} HTTP/1.1\r\nHost: x\r\nContent-Type: text/xml\r\n"
                  f"Content-Length: 1000\r\n\r\n<xml>").encode())
    await writer.drain()
    started = time.monotonic()
    answer = await asyncio.wait_for(reader.read(200), 30)
    assert time.monotonic() - started < 20
    assert answer.startswith(b"HTTP/1.1 408") or answer == b""
    writer.close()
    assert handled == []


async def _raw_exchange(bot_server, request: bytes) -> bytes:
    reader, writer = await asyncio.open_connection(bot_server.host, bot_server.port)
    writer.write(request)
    await writer.drain()
    try:
        return await asyncio.wait_for(reader.read(300), 15)
    finally:
        writer.close()


async def test_a_huge_chunked_body_is_cut_off_at_the_limit(wechat, bot_server, handled):
    """No Content-Length to refuse up front: the limit still holds while the chunks come in."""
    query = "&".join(f"{k}={v}" for k, v in wechat.signed_query(*fresh()).items())
    chunk = b"a" * 8192
    body = b"".join(b"%x\r\n%s\r\n" % (len(chunk), chunk) for _ in range(10)) + b"0\r\n\r\n"
    answer = await _raw_exchange(bot_server, f"POST /wechat?{query} HTTP/1.1\r\nHost: x\r\n"
                                             f"Transfer-Encoding: chunked\r\n\r\n".encode() + body)
    assert answer.startswith(b"HTTP/1.1 413")
    assert handled == []


async def test_a_request_with_both_content_length_and_chunks_is_not_smuggled(wechat, bot_server, handled):
    query = "&".join(f"{k}={v}" for k, v in wechat.signed_query(*fresh()).items())
    smuggled = plain("o_staff_zhao", "发放").encode()
    answer = await _raw_exchange(bot_server, (
        f"POST /wechat?{query} HTTP/1.1\r\nHost: x\r\nContent-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n"
        f"0\r\n\r\n").encode() + b"POST /wechat HTTP/1.1\r\nHost: x\r\nContent-Length: %d\r\n\r\n" % len(smuggled)
        + smuggled)
    assert answer.split(b"\r\n")[0].endswith(b" 400 Bad Request")
    assert handled == []


# ---- the other routes ----

@pytest.fixture
async def site(bot_server):
    async with aiohttp.ClientSession(base_url=str(bot_server.make_url("/"))) as http:
        yield http


@pytest.mark.parametrize("path", ["/console/", "/console/members", "/console/members/1", "/console/ledger/export.csv",
                                  "/console/audit", "/console/loginx", "/console/login/../members",
                                  "/console/static/../pages/members.py", "/console/static/%2e%2e/__init__.py",
                                  "/console/static/..%2f..%2fconfig.py", "/export/../console/", "/export/guess"])
async def test_the_console_and_files_without_a_session_give_nothing_away(site, path):
    async with site.get(path, allow_redirects=False) as response:
        text = await response.text()
        assert response.status in (401, 403, 404, 410), (path, response.status)
        assert "Traceback" not in text and "import " not in text and "members.py" not in text


@pytest.mark.parametrize("path", ["/console/members/1/verify", "/console/logout", "/console/ledger/grant"])
async def test_console_posts_without_a_session_do_nothing(site, path):
    async with site.post(path, data={"csrf": "x"}, allow_redirects=False) as response:
        assert response.status in (401, 403, 404, 405)


async def test_guessed_login_tokens_start_no_session(site):
    for _ in range(20):
        async with site.post("/console/login", data={"token": secrets.token_urlsafe(32)},
                             allow_redirects=False) as response:
            assert response.status == 403
            assert "Set-Cookie" not in response.headers


async def test_a_cookie_made_up_by_the_attacker_is_not_a_session(site):
    async with site.get("/console/", cookies={"timebank_console": "attacker-chosen"}) as response:
        assert response.status == 401


async def test_the_dev_clock_is_not_there_in_a_normal_config(site):
    async with site.post("/dev/clock", json={"advance_s": 3600}) as response:
        assert response.status in (404, 405)


async def test_an_error_page_shows_no_internals(site):
    async with site.get("/console/tasks/99999999999999999999999999") as response:
        assert "Traceback" not in await response.text()
    async with site.get("/nowhere/" + "%00" * 10) as response:
        assert response.status == 404 and "Traceback" not in await response.text()


async def test_markup_in_a_login_link_comes_back_escaped(site):
    async with site.get('/console/login/"><img src=x onerror=alert(1)>') as response:
        text = await response.text()
        assert response.status == 200 and "<img src=x" not in text and "&#34;&gt;&lt;img" in text
        assert "default-src" in response.headers["Content-Security-Policy"]
