"""A local stand-in for the WeChat API: the subset the bot uses, validated and answered like WeChat.

It keeps every message sent to every OpenID, so the chat simulator and the
tests can see what members would have received, and it can be told to fail
(`POST /sandbox/faults`) to test retries. Told to (`POST /sandbox/windows`), it
enforces WeChat's windows for customer-service messages as the simulator reports
what members do (`POST /sandbox/interactions`): 45015 outside them. Uploaded
temporary media are kept, and an image message's picture is read back from
`GET /sandbox/media/<media_id>`. Development and tests only.
"""

from __future__ import annotations

import asyncio
import itertools
import json
import secrets
import time
from dataclasses import asdict, dataclass, field
from typing import Any, Awaitable, Callable

from aiohttp import web

from storage.contact_window import DEFAULT_QUOTA, DEFAULT_TAP_QUOTA, TAP_WINDOW, WINDOW

TOKEN_TTL_S = 7200
OLD_TOKEN_GRACE_S = 300  # WeChat keeps the previous token valid five minutes after a refresh
MAX_TEXT_BYTES = 2048
MAX_IMAGE_BYTES = 10 * 1024 * 1024  # WeChat's limit for a temporary image: 10 MB of PNG, JPEG, GIF or BMP
IMAGE_SIGNATURES = {b"\x89PNG\r\n\x1a\n": "image/png", b"\xff\xd8\xff": "image/jpeg", b"GIF8": "image/gif",
                    b"BM": "image/bmp"}
MEDIA_TYPES = ("image", "voice", "video", "thumb")


class ApiError(Exception):
    def __init__(self, errcode: int, errmsg: str):
        super().__init__(errmsg)
        self.errcode, self.errmsg = errcode, errmsg


@dataclass
class Sent:
    seq: int
    openid: str
    channel: str  # custom, template, mass, preview
    msgtype: str
    text: str
    at: float
    template_id: str = ""  # template messages only
    media_id: str = ""  # image messages only: the upload it shows (GET /sandbox/media/<media_id>)


@dataclass(frozen=True)
class Media:
    """A temporary upload, kept so that tests and the chat can see what an image message showed."""

    media_type: str
    content_type: str
    body: bytes
    uploaded_at: float


@dataclass
class Fault:
    api: str
    errcode: int
    remaining: int
    delay_s: float = 0.0
    after: int = 0  # calls that pass before it strikes: a failure half-way through a run


@dataclass(frozen=True)
class Windows:
    """WeChat's rule since June 2023, as storage.contact_window has it by default."""

    quota: int = DEFAULT_QUOTA  # within 48 hours of a member's message
    tap_quota: int = DEFAULT_TAP_QUOTA  # within a minute of a menu tap, follow or scan
    tap_seconds: float = TAP_WINDOW.total_seconds()
    message_seconds: float = WINDOW.total_seconds()


@dataclass
class MemberWindows:
    message_at: float | None = None
    message_sent: int = 0
    tap_at: float | None = None
    tap_sent: int = 0

    def spend(self, rules: Windows, now: float) -> None:
        """One customer-service message: from the tap window first, else the 48-hour one, else 45015."""
        if self.tap_at is not None and now - self.tap_at <= rules.tap_seconds and self.tap_sent < rules.tap_quota:
            self.tap_sent += 1
        elif (self.message_at is not None and now - self.message_at <= rules.message_seconds
              and self.message_sent < rules.quota):
            self.message_sent += 1
        else:
            raise ApiError(45015, "response out of time limit or subscription is canceled")


@dataclass
class SandboxState:
    app_id: str
    app_secret: str
    tokens: dict[str, float] = field(default_factory=dict)  # token → expiry
    sent: list[Sent] = field(default_factory=list)
    faults: list[Fault] = field(default_factory=list)
    tags: dict[int, str] = field(default_factory=dict)
    member_tags: dict[str, set[int]] = field(default_factory=dict)
    followers: set[str] = field(default_factory=set)
    mass_jobs: dict[str, int] = field(default_factory=dict)  # clientmsgid → msg_id
    menu: dict | None = None
    qrcodes: dict[str, dict] = field(default_factory=dict)  # ticket → action and scene: what a scan reports
    media: dict[str, Media] = field(default_factory=dict)  # media_id → the upload
    calls: dict[str, int] = field(default_factory=dict)
    mass_calls: list[float] = field(default_factory=list)  # when the mass APIs were called, for their rate limit
    # WeChat's windows for customer-service messages, enforced once a test or the chat turns them on: what each
    # member last did (reported by the simulator, POST /sandbox/interactions) and what was sent since.
    windows: Windows | None = None
    member_windows: dict[str, "MemberWindows"] = field(default_factory=dict)
    _seq: itertools.count = field(default_factory=lambda: itertools.count(1))

    def clear(self) -> None:
        """Forget everything but the account's credentials (tokens too: callers must fetch anew)."""
        fresh = SandboxState(self.app_id, self.app_secret)
        for name in self.__dataclass_fields__:
            setattr(self, name, getattr(fresh, name))

    def record(self, openid: str, channel: str, msgtype: str, text: str, template_id: str = "",
               media_id: str = "") -> int:
        seq = next(self._seq)
        self.sent.append(Sent(seq, openid, channel, msgtype, text, time.time(), template_id, media_id))
        self.followers.add(openid)
        return seq


# ---- request checks shared by every API ---------------------------------


def _check_token(state: SandboxState, request: web.Request) -> None:
    token = request.query.get("access_token")
    if not token:
        raise ApiError(41001, "access_token missing")
    expiry = state.tokens.get(token)
    if expiry is None:
        raise ApiError(40001, "invalid credential, access_token is invalid or not latest")
    if expiry < time.time():
        raise ApiError(42001, "access_token expired")


async def _json_body(request: web.Request) -> dict:
    try:
        body = json.loads(await request.read() or b"{}")
    except (ValueError, UnicodeDecodeError):
        raise ApiError(47001, "data format error") from None
    if not isinstance(body, dict):
        raise ApiError(47001, "data format error")
    return body


def _openid(value: Any) -> str:
    if not isinstance(value, str) or not value.strip() or len(value) > 64:
        raise ApiError(40003, "invalid openid")
    return value


def _text_content(body: dict) -> str:
    content = (body.get("text") or {}).get("content")
    if not isinstance(content, str) or not content:
        raise ApiError(44004, "empty content")
    if len(content.encode("utf-8")) > MAX_TEXT_BYTES:
        raise ApiError(45002, "content size out of limit")
    return content


# ---- the APIs ---------------------------------------------------------------


async def get_token(state: SandboxState, request: web.Request) -> dict:
    query = request.query
    if query.get("grant_type") != "client_credential":
        raise ApiError(40002, "invalid grant_type")
    if query.get("appid") != state.app_id:
        raise ApiError(40013, "invalid appid")
    if query.get("secret") != state.app_secret:
        raise ApiError(40125, "invalid appsecret")
    now = time.time()
    for old in state.tokens:
        state.tokens[old] = min(state.tokens[old], now + OLD_TOKEN_GRACE_S)
    token = secrets.token_urlsafe(48)
    state.tokens[token] = now + TOKEN_TTL_S
    return {"access_token": token, "expires_in": TOKEN_TTL_S}


async def custom_send(state: SandboxState, request: web.Request) -> dict:
    body = await _json_body(request)
    openid = _openid(body.get("touser"))
    msgtype, media_id = body.get("msgtype"), ""
    if msgtype == "text":
        text = _text_content(body)
    elif msgtype == "image":
        media_id = (body.get("image") or {}).get("media_id")
        if media_id not in state.media or state.media[media_id].media_type != "image":
            raise ApiError(40007, "invalid media_id")
        text = "[图片]"
    elif msgtype == "news":
        articles = (body.get("news") or {}).get("articles") or []
        if len(articles) != 1:
            raise ApiError(45008, "article size out of limit")
        text = f"{articles[0].get('title', '')}\n{articles[0].get('url', '')}"
    else:
        raise ApiError(40008, "invalid message type")
    if state.windows is not None:
        state.member_windows.setdefault(openid, MemberWindows()).spend(state.windows, time.time())
    state.record(openid, "custom", msgtype, text, media_id=media_id)
    return {}


async def media_upload(state: SandboxState, request: web.Request) -> dict:
    """Temporary media, multipart like WeChat's: the file in the form field `media`, the kind in `?type=`."""
    media_type = request.query.get("type")
    if media_type not in MEDIA_TYPES:
        raise ApiError(40004, "invalid media type")
    if not request.content_type.startswith("multipart/"):
        raise ApiError(41005, "media data missing")
    upload = (await request.post()).get("media")
    if not isinstance(upload, web.FileField):
        raise ApiError(41005, "media data missing")
    body = upload.file.read()
    content_type = next((kind for signature, kind in IMAGE_SIGNATURES.items() if body.startswith(signature)), None)
    if media_type == "image" and content_type is None:
        raise ApiError(40005, "invalid file type")
    if len(body) > MAX_IMAGE_BYTES:
        raise ApiError(40009, "invalid image size")
    media_id = secrets.token_urlsafe(48)
    state.media[media_id] = Media(media_type, content_type or "application/octet-stream", body, time.time())
    return {"type": media_type, "media_id": media_id, "created_at": int(time.time())}


async def template_send(state: SandboxState, request: web.Request) -> dict:
    body = await _json_body(request)
    openid = _openid(body.get("touser"))
    if not body.get("template_id"):
        raise ApiError(40037, "invalid template_id")
    data = body.get("data") or {}
    text = "\n".join(f"{key}: {value.get('value', '')}" for key, value in data.items() if isinstance(value, dict))
    return {"msgid": state.record(openid, "template", "template", text, template_id=body["template_id"])}


MASS_CALLS_PER_MINUTE = 60


def _mass_rate_limit(state: SandboxState) -> None:
    """WeChat's mass APIs (send, sendall, preview) answer 45009 past 60 calls a minute."""
    now = time.time()
    state.mass_calls = [at for at in state.mass_calls if at > now - 60]
    if len(state.mass_calls) >= MASS_CALLS_PER_MINUTE:
        raise ApiError(45009, "reach max api minute frequency limit")
    state.mass_calls.append(now)


async def mass_preview(state: SandboxState, request: web.Request) -> dict:
    _mass_rate_limit(state)
    body = await _json_body(request)
    state.record(_openid(body.get("touser")), "preview", body.get("msgtype", ""), _text_content(body))
    return {"msg_id": secrets.randbelow(10**9)}


async def mass_sendall(state: SandboxState, request: web.Request) -> dict:
    _mass_rate_limit(state)
    body = await _json_body(request)
    audience_filter = body.get("filter") or {}
    if "group_id" in audience_filter:
        raise ApiError(40050, "invalid group id: use filter.tag_id")
    if audience_filter.get("is_to_all"):
        audience = sorted(state.followers)
    else:
        tag_id = audience_filter.get("tag_id")
        if tag_id not in state.tags:
            raise ApiError(40050, "invalid tag id")
        audience = sorted(openid for openid, tags in state.member_tags.items() if tag_id in tags)
    return _mass_job(state, body, audience)


async def mass_send(state: SandboxState, request: web.Request) -> dict:
    _mass_rate_limit(state)
    body = await _json_body(request)
    openids = body.get("touser")
    if not isinstance(openids, list) or not 2 <= len(openids) <= 10000:
        raise ApiError(40130, "invalid openid list size, at least two openid")
    return _mass_job(state, body, [_openid(openid) for openid in openids])


def _mass_job(state: SandboxState, body: dict, audience: list[str]) -> dict:
    client_msg_id = body.get("clientmsgid")
    if client_msg_id and client_msg_id in state.mass_jobs:
        return {"errcode": 45065, "errmsg": "clientmsgid exist", "msg_id": state.mass_jobs[client_msg_id]}
    content = _text_content(body)
    msg_id = secrets.randbelow(10**9) + 1
    for openid in audience:
        state.record(openid, "mass", body.get("msgtype", ""), content)
    if client_msg_id:
        state.mass_jobs[client_msg_id] = msg_id
    return {"errmsg": "send job submission success", "msg_id": msg_id, "msg_data_id": msg_id}


async def tag_create(state: SandboxState, request: web.Request) -> dict:
    name = ((await _json_body(request)).get("tag") or {}).get("name")
    if not isinstance(name, str) or not name or len(name.encode("utf-8")) > 30:
        raise ApiError(45158, "tag name too long")  # 30 bytes of UTF-8: ten Chinese characters
    if name in state.tags.values():
        raise ApiError(45157, "invalid tag name")
    if len(state.tags) >= 100:
        raise ApiError(45056, "too many tags")
    tag_id = max(state.tags, default=99) + 1
    state.tags[tag_id] = name
    return {"tag": {"id": tag_id, "name": name}}


async def tag_list(state: SandboxState, request: web.Request) -> dict:
    counts = {tag_id: sum(tag_id in tags for tags in state.member_tags.values()) for tag_id in state.tags}
    return {"tags": [{"id": tag_id, "name": name, "count": counts[tag_id]} for tag_id, name in state.tags.items()]}


async def tag_members(state: SandboxState, request: web.Request, *, add: bool) -> dict:
    body = await _json_body(request)
    openids, tag_id = body.get("openid_list"), body.get("tagid")
    if tag_id not in state.tags:
        raise ApiError(45159, "invalid tag id")
    if not isinstance(openids, list) or not 1 <= len(openids) <= 50:
        raise ApiError(40032, "invalid openid list size")
    for openid in map(_openid, openids):
        tags = state.member_tags.setdefault(openid, set())
        if add and tag_id not in tags and len(tags) >= 20:
            raise ApiError(45059, "user has too many tags")
        (tags.add if add else tags.discard)(tag_id)
        state.followers.add(openid)
    return {}


async def user_info(state: SandboxState, request: web.Request) -> dict:
    openid = _openid(request.query.get("openid"))
    return {"subscribe": 1, "openid": openid, "language": "zh_CN",
            "tagid_list": sorted(state.member_tags.get(openid, ()))}


async def menu_create(state: SandboxState, request: web.Request) -> dict:
    body = await _json_body(request)
    buttons = body.get("button")
    if not isinstance(buttons, list) or not 1 <= len(buttons) <= 3:
        raise ApiError(40016, "invalid button size")
    if any(len(button.get("sub_button") or []) > 5 for button in buttons):
        raise ApiError(40023, "invalid sub button size")
    for button in buttons:
        _check_button(button, max_name_bytes=16)
        for sub in button.get("sub_button") or []:
            _check_button(sub, max_name_bytes=60)
    state.menu = body
    return {}


def _check_button(button: dict, *, max_name_bytes: int) -> None:
    if not 1 <= len(str(button.get("name", "")).encode("utf-8")) <= max_name_bytes:
        raise ApiError(40018, "invalid button name size")
    if button.get("sub_button"):
        return
    kind = button.get("type")
    if kind == "click" and not 1 <= len(str(button.get("key", "")).encode("utf-8")) <= 128:
        raise ApiError(40019, "invalid button key size")
    if kind == "view" and not 1 <= len(str(button.get("url", "")).encode("utf-8")) <= 1024:
        raise ApiError(40022, "invalid button url size")
    if kind not in ("click", "view"):
        raise ApiError(40017, "invalid button type")


async def menu_get(state: SandboxState, request: web.Request) -> dict:
    if state.menu is None:
        raise ApiError(46003, "menu no exist")
    return {"menu": state.menu}


async def qrcode_create(state: SandboxState, request: web.Request) -> dict:
    body = await _json_body(request)
    action = body.get("action_name")
    if action not in ("QR_SCENE", "QR_STR_SCENE", "QR_LIMIT_SCENE", "QR_LIMIT_STR_SCENE"):
        raise ApiError(40097, "invalid args")
    scene = ((body.get("action_info") or {}).get("scene") or {})
    value = scene.get("scene_str") if action.endswith("STR_SCENE") else scene.get("scene_id")
    if action.endswith("STR_SCENE") and not (isinstance(value, str) and 1 <= len(value) <= 64):
        raise ApiError(40097, "invalid args: scene_str is 1 to 64 characters")
    if action == "QR_LIMIT_SCENE" and not (isinstance(value, int) and 1 <= value <= 100000):
        raise ApiError(40097, "invalid args: scene_id of a permanent code is 1 to 100000")
    ticket = secrets.token_urlsafe(24) + "=="  # real tickets are base64: URLs must quote them
    state.qrcodes[ticket] = {"action_name": action, "scene": value}
    permanent = action.startswith("QR_LIMIT")
    return {"ticket": ticket, "url": f"http://weixin.qq.com/q/{ticket}",
            **({} if permanent else {"expire_seconds": body.get("expire_seconds", 60)})}


Api = Callable[[SandboxState, web.Request], Awaitable[dict]]

# (method, path under /cgi-bin/, handler, needs an access token)
APIS: list[tuple[str, str, Api, bool]] = [
    ("GET", "token", get_token, False),
    ("POST", "message/custom/send", custom_send, True),
    ("POST", "media/upload", media_upload, True),
    ("POST", "message/template/send", template_send, True),
    ("POST", "message/mass/preview", mass_preview, True),
    ("POST", "message/mass/sendall", mass_sendall, True),
    ("POST", "message/mass/send", mass_send, True),
    ("POST", "tags/create", tag_create, True),
    ("GET", "tags/get", tag_list, True),
    ("POST", "tags/members/batchtagging", lambda s, r: tag_members(s, r, add=True), True),
    ("POST", "tags/members/batchuntagging", lambda s, r: tag_members(s, r, add=False), True),
    ("GET", "user/info", user_info, True),
    ("POST", "menu/create", menu_create, True),
    ("GET", "menu/get", menu_get, True),
    ("POST", "qrcode/create", qrcode_create, True),
]


def _wechat_api(state: SandboxState, name: str, api: Api, needs_token: bool):
    async def handle(request: web.Request) -> web.Response:
        state.calls[name] = state.calls.get(name, 0) + 1
        try:
            await _inject_fault(state, name)
            if needs_token:
                _check_token(state, request)
            result = await api(state, request)
        except ApiError as error:
            result = {"errcode": error.errcode, "errmsg": error.errmsg}
        return web.json_response({"errcode": 0, "errmsg": "ok", **result}, dumps=_dumps)

    return handle


def _dumps(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


async def _inject_fault(state: SandboxState, name: str) -> None:
    for fault in state.faults:
        if fault.api == name and fault.remaining > 0:
            if fault.after > 0:
                fault.after -= 1
                return
            fault.remaining -= 1
            if fault.delay_s:
                await asyncio.sleep(fault.delay_s)
            if fault.errcode:
                raise ApiError(fault.errcode, "injected fault")
            return


# ---- the sandbox's own inspection API (not WeChat's) --------------------------


async def list_sent(request: web.Request) -> web.Response:
    state = request.app[STATE]
    openid = request.query.get("openid")
    after = int(request.query.get("after", "0"))
    messages = [asdict(sent) for sent in state.sent if sent.seq > after and (openid is None or sent.openid == openid)]
    last = state.sent[-1].seq if state.sent else 0
    return web.json_response({"messages": messages, "last": last}, dumps=_dumps)


async def add_fault(request: web.Request) -> web.Response:
    body = await request.json()
    fault = Fault(api=body["api"], errcode=int(body.get("errcode", 0)), remaining=int(body.get("count", 1)),
                  delay_s=float(body.get("delay_s", 0)), after=int(body.get("after", 0)))
    request.app[STATE].faults.append(fault)
    return web.json_response(asdict(fault))


async def interaction(request: web.Request) -> web.Response:
    """What a member did, as WeChat would know it: "message", "tap" (menu, follow, scan) or "leave"."""
    body = await request.json()
    windows = request.app[STATE].member_windows.setdefault(str(body["openid"]), MemberWindows())
    now = float(body.get("at") or time.time())
    if body["kind"] == "message":
        windows.message_at, windows.message_sent = now, 0
    elif body["kind"] == "tap":
        windows.tap_at, windows.tap_sent = now, 0
    elif body["kind"] == "leave":
        windows.message_at = windows.tap_at = None
    return web.json_response(asdict(windows))


async def enforce_windows(request: web.Request) -> web.Response:
    """{"enforce": true, "quota": 5, "tap_quota": 3, "tap_seconds": 60}: customer-service messages outside a
    member's windows get 45015 from now on; {"enforce": false} turns it off again."""
    body = await request.json()
    state = request.app[STATE]
    settings = {key: body[key] for key in ("quota", "tap_quota", "tap_seconds") if key in body}
    state.windows = Windows(**settings) if body.get("enforce", True) else None
    return web.json_response({"enforced": state.windows is not None})


async def reset(request: web.Request) -> web.Response:
    request.app[STATE].clear()
    return web.json_response({"reset": True})


async def call_counts(request: web.Request) -> web.Response:
    return web.json_response(request.app[STATE].calls)


async def list_qrcodes(request: web.Request) -> web.Response:
    return web.json_response(request.app[STATE].qrcodes, dumps=_dumps)


async def media_file(request: web.Request) -> web.Response:
    """An upload as it was received: what a member's phone would show for an image message."""
    media = request.app[STATE].media.get(request.match_info["media_id"])
    if media is None:
        raise web.HTTPNotFound(text="no such media")
    return web.Response(body=media.body, content_type=media.content_type)


STATE = web.AppKey("sandbox_state", SandboxState)


def build_sandbox(app_id: str, app_secret: str) -> web.Application:
    app = web.Application(client_max_size=MAX_IMAGE_BYTES + 64 * 1024)  # an upload of up to WeChat's limit
    state = SandboxState(app_id, app_secret)
    app[STATE] = state
    for method, path, api, needs_token in APIS:
        app.router.add_route(method, f"/cgi-bin/{path}", _wechat_api(state, path, api, needs_token))
    app.router.add_get("/sandbox/messages", list_sent)
    app.router.add_get("/sandbox/calls", call_counts)
    app.router.add_get("/sandbox/qrcodes", list_qrcodes)
    app.router.add_get("/sandbox/media/{media_id}", media_file)
    app.router.add_post("/sandbox/faults", add_fault)
    app.router.add_post("/sandbox/interactions", interaction)
    app.router.add_post("/sandbox/windows", enforce_windows)
    app.router.add_post("/sandbox/reset", reset)
    return app
