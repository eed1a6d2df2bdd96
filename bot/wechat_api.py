"""Outbound calls to the WeChat API through wechatpy, made fit for a multi-process async bot.

wechatpy 1.8.18 knows the API well but: hard-codes https://api.weixin.qq.com
in a few places (the token fetch, customer-service accounts, some API
classes); fetches tokens with no timeout; keeps the token in one process's
memory; and sends the obsolete `group_id` filter for tag broadcasts. The one
subclass below fixes those; `WeChatApi` runs it off the event loop with
timeouts and retries.
"""

from __future__ import annotations

import asyncio
import io
import logging
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from typing import Any, Callable

import redis
import requests
from wechatpy import WeChatClient
from wechatpy.client.api import WeChatMessage
from wechatpy.exceptions import WeChatClientException

from bot.config import WECHAT_API, WeChatConfig
from bot.redaction import Redactor
from storage.backoff import HALF_JITTER, backoff_s

log = logging.getLogger("timebank.wechat")

TOKEN_EARLY_REFRESH_S = 300  # refresh before WeChat's expiry, so no call ever uses a dying token
# How long a process trusts the token it read from Redis before reading it again. wechatpy asks for the token on
# every call, twice with our own check: two Redis round trips per message cost a broadcast more than the send.
# A token another process replaced meanwhile is refused with 40001, and WeChatApi.call then reads the new one.
TOKEN_MEMORY_S = 60
KEPT_ALIVE_CONNECTIONS = 20  # a broadcast's batch calls at once (bot/broadcasting.py BATCH)
TOKEN_ERRORS = frozenset({40001, 40014, 42001})  # invalid, malformed, expired access_token
RETRYABLE_ERRORS = frozenset({-1, 45009, 45011})  # system busy, API rate limits


class CurrentMassMessage(WeChatMessage):
    """Tag broadcasts with the current `filter.tag_id` field instead of the retired `group_id`."""

    def _send_mass_message(self, group_or_users, msg_type, msg, is_to_all=False, preview=False,
                           send_ignore_reprint=0, client_msg_id=None):
        if preview or isinstance(group_or_users, (tuple, list)):
            return super()._send_mass_message(group_or_users, msg_type, msg, is_to_all, preview,
                                              send_ignore_reprint, client_msg_id)
        data = {"msgtype": msg_type, "send_ignore_reprint": send_ignore_reprint, **msg}
        data["filter"] = {"is_to_all": True} if is_to_all else {"is_to_all": False, "tag_id": group_or_users}
        if client_msg_id is not None:
            data["clientmsgid"] = client_msg_id
        return self._post("message/mass/sendall", data=data)

    def send_text_preview(self, openid: str, content: str):
        """The preview API by OpenID (wechatpy takes an OpenID not shaped like a real one for a WeChat id)."""
        return self._post("message/mass/preview",
                          data={"touser": openid, "msgtype": "text", "text": {"content": content}})


class TimebankWeChatClient(WeChatClient):
    """wechatpy's client, routed through `api_base_url`, its token shared by every process through Redis."""

    message = CurrentMassMessage()

    def __init__(self, wechat: WeChatConfig, token_store: redis.Redis):
        super().__init__(wechat.app_id, wechat.app_secret.get_secret_value(), timeout=wechat.api_timeout,
                         auto_retry=False)
        self._origin = wechat.api_base_url
        self.API_BASE_URL = f"{self._origin}/cgi-bin/"
        self._store = token_store
        self._token_key = f"wechat:access_token:{wechat.app_id}"
        self._remembered: tuple[str, float] | None = None  # (token, until when on the monotonic clock)
        self._remembering = threading.Lock()  # calls run on a pool of threads
        # As many kept-alive connections as threads calling: requests keeps 10 and opens a new one for each call
        # beyond that (a TCP handshake per message in a broadcast).
        adapter = requests.adapters.HTTPAdapter(pool_connections=2, pool_maxsize=KEPT_ALIVE_CONNECTIONS)
        self._http.mount("http://", adapter)
        self._http.mount("https://", adapter)

    def _rebase(self, url: str) -> str:
        return self._origin + url[len(WECHAT_API):] if url.startswith(WECHAT_API) else url

    def _request(self, method, url_or_endpoint, **kwargs):
        if "api_base_url" in kwargs:
            kwargs["api_base_url"] = self._rebase(kwargs["api_base_url"])
        return super()._request(method, self._rebase(url_or_endpoint), **kwargs)

    def fetch_access_token(self) -> dict:
        return self._fetch_access_token(
            url=f"{self._origin}/cgi-bin/token",
            params={"grant_type": "client_credential", "appid": self.appid, "secret": self.secret},
        )

    def _fetch_access_token(self, url, params):
        response = self._http.get(url=url, params=params, timeout=self.timeout)
        response.raise_for_status()
        result = response.json()
        if result.get("errcode"):
            raise WeChatClientException(result["errcode"], result.get("errmsg"), client=self,
                                        request=response.request, response=response)
        self._store.set(self._token_key, result["access_token"], ex=int(result.get("expires_in", 7200)))
        return result

    @property
    def access_token(self) -> str:
        with self._remembering:
            if self._remembered is not None and time.monotonic() < self._remembered[1]:
                return self._remembered[0]
        token, ttl = self._cached_token()
        if token and ttl > TOKEN_EARLY_REFRESH_S:
            self._remember(token, ttl)
            return token
        # One process refreshes; the others wait for it and read its token, so
        # no process invalidates the token another has just fetched.
        with self._store.lock(f"{self._token_key}:refresh", timeout=30, blocking_timeout=30):
            token, ttl = self._cached_token()
            if token and ttl > TOKEN_EARLY_REFRESH_S:
                self._remember(token, ttl)
                return token
            fetched = self.fetch_access_token()
            self._remember(fetched["access_token"], int(fetched.get("expires_in", 7200)))
            return fetched["access_token"]

    def _remember(self, token: str, ttl_s: int) -> None:
        with self._remembering:
            self._remembered = (token, time.monotonic() + min(TOKEN_MEMORY_S, ttl_s - TOKEN_EARLY_REFRESH_S))

    def _cached_token(self) -> tuple[str | None, int]:
        with self._store.pipeline() as pipe:
            token, ttl = pipe.get(self._token_key).ttl(self._token_key).execute()
        return (token.decode() if isinstance(token, bytes) else token), ttl

    def drop_token(self, rejected: str | None) -> None:
        """Forget a token WeChat refused, unless another process has already replaced it."""
        with self._remembering:
            self._remembered = None
        token, _ = self._cached_token()
        if token is not None and token == rejected:
            self._store.delete(self._token_key)


class WeChatApi:
    """Async face of the client: threads with timeouts, backoff on busy or broken networks."""

    def __init__(self, client: TimebankWeChatClient, *, timeout_s: float, attempts: int = 4,
                 base_delay_s: float = 0.2, threads: int = 16):
        self.client = client
        self._timeout_s = timeout_s
        self._attempts = attempts
        self._base_delay_s = base_delay_s
        self._threads = ThreadPoolExecutor(max_workers=threads, thread_name_prefix="wechat-api")
        # A network error names the URL it failed on: the token URL carries the app secret.
        self._redact = Redactor((client.secret,))

    async def call(self, operation: Callable[..., Any], *args: Any, **kwargs: Any) -> Any:
        token_refreshed = False
        for attempt in range(1, self._attempts + 1):
            token = None
            try:
                token = await self._in_thread(lambda: self.client.access_token)
                return await self._in_thread(lambda: operation(*args, **kwargs))
            except WeChatClientException as error:
                if error.errcode in TOKEN_ERRORS and not token_refreshed:
                    token_refreshed = True
                    await self._in_thread(lambda: self.client.drop_token(token))
                    continue
                if error.errcode not in RETRYABLE_ERRORS and error.errcode is not None:
                    log.error("wechat api error errcode=%s errmsg=%s", error.errcode, error.errmsg)
                    raise
                if attempt == self._attempts:
                    log.error("wechat api gave up errcode=%s after %d attempts", error.errcode, attempt)
                    raise
                log.warning("wechat api errcode=%s, retrying", error.errcode)
            except (requests.RequestException, TimeoutError) as error:
                if attempt == self._attempts:
                    log.error("wechat api unreachable after %d attempts: %s", attempt, type(error).__name__)
                    raise self._redact.exception(error) from None
                log.warning("wechat api network error %s, retrying", type(error).__name__)
            await asyncio.sleep(backoff_s(self._base_delay_s, attempt, HALF_JITTER))
        raise AssertionError("unreachable")

    async def _in_thread(self, work: Callable[[], Any]) -> Any:
        loop = asyncio.get_running_loop()
        return await asyncio.wait_for(loop.run_in_executor(self._threads, work), self._timeout_s * 2)

    async def send_text(self, openid: str, text: str) -> Any:
        return await self.call(self.client.message.send_text, openid, text)

    async def upload_image(self, picture: bytes, file_name: str) -> str:
        """A temporary image (WeChat keeps it three days) for an image message; its media_id."""
        # A fresh file object on every attempt: a retry must not send a stream an earlier attempt has read.
        result = await self.call(lambda: self.client.media.upload(
            "image", (file_name, io.BytesIO(picture), "image/png")))
        return result["media_id"]

    async def send_image(self, openid: str, media_id: str) -> Any:
        return await self.call(self.client.message.send_image, openid, media_id)

    async def send_template(self, openid: str, template_id: str, data: dict[str, dict[str, str]]) -> Any:
        """A template message: `data` maps the template's field names to {"value": ...}."""
        return await self.call(self.client.message.send_template, openid, template_id, data)

    # ---- tags, the menu, QR codes (bot/tag_sync.py, bot/menu.py, `timebank qrcode`) ----

    async def list_tags(self) -> list[dict]:
        """Every tag on the account: [{"id", "name", "count"}]."""
        return await self.call(self.client.tag.get)

    async def create_tag(self, name: str) -> int:
        return (await self.call(self.client.tag.create, name))["id"]

    async def tag_users(self, tag_id: int, openids: list[str]) -> None:
        """At most 50 OpenIDs a call (WeChat's limit)."""
        await self.call(self.client.tag.tag_user, tag_id, openids)

    async def untag_users(self, tag_id: int, openids: list[str]) -> None:
        await self.call(self.client.tag.untag_user, tag_id, openids)

    async def create_menu(self, menu: dict) -> None:
        await self.call(self.client.menu.create, menu)

    async def create_permanent_qrcode(self, scene: str) -> str:
        """A QR code that never expires, for a string scene; its ticket."""
        result = await self.call(self.client.qrcode.create, {
            "action_name": "QR_LIMIT_STR_SCENE", "action_info": {"scene": {"scene_str": scene}}})
        return result["ticket"]

    async def create_temporary_qrcode(self, scene: str, expire_seconds: int) -> str:
        """A QR code for a string scene that lasts `expire_seconds` (WeChat allows up to 30 days); its ticket."""
        result = await self.call(self.client.qrcode.create, {
            "expire_seconds": expire_seconds, "action_name": "QR_STR_SCENE",
            "action_info": {"scene": {"scene_str": scene}}})
        return result["ticket"]

    async def send_mass_preview(self, openid: str, text: str) -> Any:
        return await self.call(self.client.message.send_text_preview, openid, text)

    async def send_mass_text(self, text: str, *, client_msg_id: str, tag_id: int | None = None,
                             openids: list[str] | None = None) -> Any:
        """A mass send to a tag, to a list of OpenIDs (2 to 10,000), or with neither to every follower."""
        audience = openids if openids is not None else tag_id
        return await self.call(self.client.message.send_mass_text, audience, text,
                               is_to_all=audience is None, client_msg_id=client_msg_id)

    def close(self) -> None:
        self._threads.shutdown(wait=False, cancel_futures=True)
