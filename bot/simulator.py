"""Plays WeChat's side of the server protocol: builds, signs and (in safe mode) encrypts messages.

`SimulatedWeChat` posts to the bot exactly what WeChat would and reads the
passive reply back; the chat terminal and the tests both drive the bot with it.
"""

from __future__ import annotations

import asyncio

import random
import secrets
import time
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import aiohttp
import xmltodict
from wechatpy.crypto import PrpCrypto, WeChatCrypto
from wechatpy.utils import WeChatSigner

from bot.config import WeChatConfig
from storage.clock import CLOCK

ACCOUNT_ID = "gh_timebank_sandbox"  # the Official Account's own id (ToUserName)


def _cdata(value: str) -> str:
    return f"<![CDATA[{value.replace(']]>', ']] >')}]]>"


def _signature(*parts: str) -> str:
    signer = WeChatSigner()
    signer.add_data(*parts)
    return signer.signature


@dataclass(frozen=True)
class BotAnswer:
    status: int
    text: str  # the passive reply's text; "" for `success` or an empty body
    raw: str

    @property
    def silent(self) -> bool:
        return self.status == 200 and not self.text


def _create_time(created: int | datetime | None) -> int:
    if isinstance(created, datetime):
        return int((created - CLOCK.offset).timestamp())
    return created or int(time.time())


# What each delivery tells WeChat about the member's windows (the sandbox's /sandbox/interactions).
INTERACTION_OF_EVENT = {"CLICK": "tap", "subscribe": "tap", "SCAN": "tap", "unsubscribe": "leave"}


class SimulatedWeChat:
    def __init__(self, http: aiohttp.ClientSession, bot_url: str, wechat: WeChatConfig, sandbox_url: str = ""):
        self.http = http
        self.bot_url = bot_url
        self._sandbox_url = sandbox_url.rstrip("/")  # given: the sandbox learns what members do, for its windows
        self._wechat = wechat
        self._crypto = WeChatCrypto(wechat.token, wechat.encoding_aes_key, wechat.app_id) if wechat.safe_mode else None

    # ---- messages, as WeChat writes them ----

    @staticmethod
    def message_xml(openid: str, msg_type: str, fields: dict[str, str], *, msg_id: int | None = None,
                    created: int | datetime | None = None) -> str:
        """`created`: WeChat's CreateTime, or a time on the bot's clock, which WeChat's clock is behind by the
        bot's offset (storage/clock.py)."""
        body = "".join(f"<{name}>{_cdata(value)}</{name}>" for name, value in fields.items())
        msg_id_xml = "" if msg_type == "event" else f"<MsgId>{msg_id or random.getrandbits(62)}</MsgId>"
        return (f"<xml><ToUserName>{_cdata(ACCOUNT_ID)}</ToUserName><FromUserName>{_cdata(openid)}</FromUserName>"
                f"<CreateTime>{_create_time(created)}</CreateTime><MsgType>{_cdata(msg_type)}</MsgType>"
                f"{body}{msg_id_xml}</xml>")

    def text(self, openid: str, content: str, **ids) -> str:
        return self.message_xml(openid, "text", {"Content": content}, **ids)

    def voice(self, openid: str, recognition: str | None, **ids) -> str:
        fields = {"MediaId": secrets.token_hex(8), "Format": "amr"}
        if recognition is not None:
            fields["Recognition"] = recognition
        return self.message_xml(openid, "voice", fields, **ids)

    def location(self, openid: str, latitude: float, longitude: float, label: str = "", **ids) -> str:
        fields = {"Location_X": str(latitude), "Location_Y": str(longitude), "Scale": "15", "Label": label}
        return self.message_xml(openid, "location", fields, **ids)

    def image(self, openid: str, **ids) -> str:
        return self.message_xml(openid, "image", {"PicUrl": "http://example.invalid/a.jpg", "MediaId": "m1"}, **ids)

    def event(self, openid: str, event: str, key: str = "", **ids) -> str:
        fields = {"Event": event, **({"EventKey": key} if key else {})}
        return self.message_xml(openid, "event", fields, **ids)

    # ---- the HTTP exchange ----

    def signed_query(self, timestamp: str, nonce: str, openid: str = "") -> dict[str, str]:
        query = {"signature": _signature(self._wechat.token, timestamp, nonce), "timestamp": timestamp,
                 "nonce": nonce}
        if openid:
            query["openid"] = openid
        return query

    def envelope(self, xml: str, *, timestamp: int | None = None) -> tuple[dict[str, str], bytes]:
        """The query string and body WeChat would post for this message."""
        stamp, nonce = str(timestamp or int(time.time())), str(random.getrandbits(30))
        query = self.signed_query(stamp, nonce)
        if self._crypto is None:
            return query, xml.encode("utf-8")
        encrypted = PrpCrypto(self._crypto.key).encrypt(xml, self._wechat.app_id).decode()
        query.update(encrypt_type="aes", msg_signature=_signature(self._wechat.token, stamp, nonce, encrypted))
        body = f"<xml><ToUserName>{_cdata(ACCOUNT_ID)}</ToUserName><Encrypt>{_cdata(encrypted)}</Encrypt></xml>"
        return query, body.encode("utf-8")

    async def post(self, xml: str, **envelope_options: Any) -> BotAnswer:
        await self._report(xml)
        query, body = self.envelope(xml, **envelope_options)
        async with self.http.post(self.bot_url, params=query, data=body,
                                   headers={"Content-Type": "text/xml"}) as response:
            raw = await response.text()
            return BotAnswer(response.status, self.read_reply(raw) if response.status == 200 else "", raw)

    async def _report(self, xml: str) -> None:
        if not self._sandbox_url:
            return
        message = xmltodict.parse(xml)["xml"]
        kind = INTERACTION_OF_EVENT.get(message.get("Event")) if message["MsgType"] == "event" else "message"
        if kind:
            async with self.http.post(f"{self._sandbox_url}/sandbox/interactions",
                                       json={"openid": message["FromUserName"], "kind": kind}) as response:
                response.raise_for_status()

    def read_reply(self, raw: str) -> str:
        if not raw or raw == "success":
            return ""
        reply = xmltodict.parse(raw)["xml"]
        if self._crypto is not None:
            plain = self._crypto.decrypt_message(raw, reply["MsgSignature"], reply["TimeStamp"], reply["Nonce"])
            reply = xmltodict.parse(plain)["xml"]
        if reply.get("MsgType") == "news":
            article = reply["Articles"]["item"]
            return f"{article.get('Title', '')}\n{article.get('Description', '')}\n{article.get('Url', '')}"
        return reply.get("Content") or ""


class SandboxInbox:
    """What the sandbox recorded as sent to members: the pushes a member's phone would show."""

    def __init__(self, http: aiohttp.ClientSession, sandbox_url: str):
        self._http = http
        self._url = sandbox_url.rstrip("/")
        self._seen: dict[str | None, int] = {}

    async def new_messages(self, openid: str | None) -> list[dict]:
        """The member's messages not yet seen here; with None, every member's."""
        params = {"after": str(self._seen.get(openid, 0)), **({"openid": openid} if openid else {})}
        async with self._http.get(f"{self._url}/sandbox/messages", params=params) as response:
            messages = (await response.json())["messages"]
        if messages:
            self._seen[openid] = messages[-1]["seq"]
        return messages

    async def wait_for(self, openid: str, containing: str = "", *, timeout_s: float = 5.0) -> list[str]:
        """The texts that reach the member, waiting (a bounded time) until one contains `containing`.

        Pushes go out from the outbox worker after the turn that caused them, so a test waits for them.
        """
        received: list[str] = []
        deadline = asyncio.get_running_loop().time() + timeout_s
        while asyncio.get_running_loop().time() < deadline:
            received += [message["text"] for message in await self.new_messages(openid)]
            if received and any(containing in text for text in received):
                break
            await asyncio.sleep(0.05)
        return received

    async def skip_to_now(self, openid: str | None) -> None:
        await self.new_messages(openid)


class Speaker:
    """One member typing into WeChat: what they say, and the text of the bot's reply.

    A reply that missed the passive-reply deadline (a busy machine) reaches the member as a push instead:
    the caller takes it either way, so no story depends on how fast the machine is. Stories about the deadline
    itself read `SimulatedWeChat.post` and its `success` directly.
    """

    LATE_REPLY_WAIT_S = 30.0

    def __init__(self, wechat: SimulatedWeChat, inbox: SandboxInbox, openid: str):
        self.wechat, self.inbox, self.openid = wechat, inbox, openid

    async def says(self, message: str, at: datetime | None = None) -> str:
        """`at`: the time WeChat stamps on the message, for stories on the day of a service; else now."""
        return await self.sends(self.wechat.text(self.openid, message, created=at))

    async def sends(self, xml: str) -> str:
        """Any message of this member's (a location, a voice message, a menu tap …): the reply's text."""
        answer = await self.wechat.post(xml)
        assert answer.status == 200, answer
        if answer.raw != "success":
            return answer.text
        pushed = await self.inbox.wait_for(self.openid, timeout_s=self.LATE_REPLY_WAIT_S)
        return "\n".join(pushed)
