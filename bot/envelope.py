"""The WeChat server protocol around a message: signatures, freshness, AES, and XML safety.

Everything here happens before a handler sees anything: a request that fails
a check is answered with an HTTP error and goes no further.
"""

from __future__ import annotations

import hashlib
import hmac
import re
from collections.abc import Mapping
from dataclasses import dataclass

import xmltodict
from wechatpy.crypto import WeChatCrypto
from wechatpy.exceptions import InvalidSignatureException

from bot.config import WeChatConfig

MAX_CLOCK_SKEW_S = 300
MAX_BODY_BYTES = 64 * 1024

# WeChat never sends a document type; refusing any declaration stops entity
# expansion ("billion laughs") and external entities before a parser runs.
_DECLARATION = re.compile(rb"<!\s*(DOCTYPE|ENTITY|ELEMENT|ATTLIST)", re.IGNORECASE)

# The query parameters WeChat signs or that choose how a request is read. Each comes once: with two values a proxy,
# a log reader and the bot could each take a different one (signature=good&signature=other).
PROTOCOL_PARAMETERS = ("signature", "timestamp", "nonce", "openid", "echostr", "encrypt_type", "msg_signature")

# WeChat's ciphertext is plain base64; Python's decoder would skip stray characters, so a mangled one is refused.
_BASE64 = re.compile(r"[A-Za-z0-9+/]+={0,2}")


class Rejected(Exception):
    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status = status
        self.reason = reason


@dataclass(frozen=True)
class Opened:
    """A request's plaintext message, how to seal the reply to it, and what names the request for replay checks."""

    xml: str
    crypto: WeChatCrypto | None  # the key that opened it; None when the request came in plaintext
    timestamp: str = ""
    nonce: str = ""


def protocol_query(query: Mapping[str, str]) -> dict[str, str]:
    """The request's query as one value per name; 400 when a protocol parameter is given twice.

    `query` is aiohttp's MultiDict: a plain dict() of it would silently keep the first of two values."""
    getall = getattr(query, "getall", None)
    if getall is not None:
        for name in PROTOCOL_PARAMETERS:
            if len(getall(name, ())) > 1:
                raise Rejected(400, f"{name} given more than once")
    return {name: query[name] for name in query}


def check_sender(query: Mapping[str, str], openid: str) -> None:
    """WeChat names the sender in the query (`openid`) as well as in the message: they must agree, so a body
    speaking for another member never rides on a request signed for someone else."""
    named = query.get("openid")
    if named is not None and named != openid:
        raise Rejected(403, "the message's sender is not the request's openid")


class Envelope:
    def __init__(self, wechat: WeChatConfig):
        self._token = wechat.token.get_secret_value()
        self.mode = wechat.mode
        self._cryptos = [
            WeChatCrypto(self._token, key.get_secret_value(), wechat.app_id)
            for key in (wechat.encoding_aes_key, wechat.previous_encoding_aes_key)
            if key.get_secret_value()
        ]

    def handshake(self, query: dict[str, str], now: float) -> str:
        """The URL-verification GET: echo `echostr` when the signature is right."""
        self._check_signature(query, now)
        echo = query.get("echostr")
        if not echo:
            raise Rejected(400, "missing echostr")
        return echo

    def open(self, query: dict[str, str], body: bytes, now: float) -> Opened:
        """The message to handle, by the configured mode: safe takes only encrypted requests (a request
        without `encrypt_type=aes` would be a downgrade), compatible takes the encrypted part whenever
        one is there, plaintext takes no encrypted ones."""
        self._check_signature(query, now)
        outer = _parse_xml(body)
        encrypted = query.get("encrypt_type", "").lower() == "aes" or "Encrypt" in outer
        if self.mode == "safe" and not (query.get("encrypt_type", "").lower() == "aes"
                                        and query.get("msg_signature")):
            raise Rejected(403, "safe mode takes only encrypted messages")
        if self.mode == "plaintext" and encrypted and query.get("encrypt_type", "").lower() == "aes":
            raise Rejected(400, "encrypted message but the bot runs in plaintext mode")
        if self.mode != "plaintext" and encrypted:
            return self._decrypt(query, outer)
        return Opened(xml=_text(body), crypto=None, timestamp=query["timestamp"], nonce=query["nonce"])

    def seal(self, opened: Opened, reply_xml: str, nonce: str, timestamp: str) -> str:
        if opened.crypto is None:
            return reply_xml
        return opened.crypto.encrypt_message(reply_xml, nonce, timestamp)

    def _check_signature(self, query: dict[str, str], now: float) -> None:
        signature, timestamp, nonce = (query.get(name, "") for name in ("signature", "timestamp", "nonce"))
        if not (signature and timestamp and nonce):
            raise Rejected(403, "missing signature")
        if not _signed(signature, self._token, timestamp, nonce):
            raise Rejected(403, "bad signature")
        if not (timestamp.isascii() and timestamp.isdigit()) or abs(now - int(timestamp)) > MAX_CLOCK_SKEW_S:
            raise Rejected(403, "stale timestamp")

    def _decrypt(self, query: dict[str, str], outer: dict) -> Opened:
        if not self._cryptos:
            raise Rejected(400, "encrypted message but no EncodingAESKey configured")
        if not isinstance(outer.get("Encrypt"), str):
            raise Rejected(400, "missing Encrypt")
        msg_signature = query.get("msg_signature", "")
        # It does not depend on the key: checked once, in constant time (wechatpy compares with !=).
        if not _signed(msg_signature, self._token, query["timestamp"], query["nonce"], outer["Encrypt"]):
            raise Rejected(403, "bad msg_signature")
        if not _BASE64.fullmatch(outer["Encrypt"]):
            raise Rejected(400, "Encrypt is not base64")
        for crypto in self._cryptos:  # current key first, then the one being rotated out
            try:
                xml = crypto.decrypt_message(outer, msg_signature, query["timestamp"], query["nonce"])
            except InvalidSignatureException:
                raise Rejected(403, "bad msg_signature") from None
            except Exception:  # noqa: BLE001 — a wrong key yields garbage that fails in many ways
                continue
            _parse_xml(xml.encode("utf-8"))
            return Opened(xml=xml, crypto=crypto, timestamp=query["timestamp"], nonce=query["nonce"])
        raise Rejected(400, "cannot decrypt with any configured EncodingAESKey")


def _signed(signature: str, *parts: str) -> bool:
    """WeChat's SHA-1 over the sorted parts, compared in constant time: wechatpy's `!=` would tell a patient
    attacker, by its timing, how much of a forged signature is right."""
    expected = hashlib.sha1("".join(sorted(parts)).encode("utf-8")).hexdigest()
    return hmac.compare_digest(expected.encode(), signature.encode("utf-8", "replace"))


def _parse_xml(body: bytes) -> dict:
    if len(body) > MAX_BODY_BYTES:
        raise Rejected(413, "body too large")
    if _DECLARATION.search(body):
        raise Rejected(400, "XML declarations of entities or document types are refused")
    try:
        document = xmltodict.parse(body, disable_entities=True)
    except Exception:  # noqa: BLE001 — expat raises several types for malformed input
        raise Rejected(400, "malformed XML") from None
    root = document.get("xml") if isinstance(document, dict) else None
    if not isinstance(root, dict):
        raise Rejected(400, "not a WeChat message")
    return root


def _text(body: bytes) -> str:
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        raise Rejected(400, "body is not UTF-8") from None
