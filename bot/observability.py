"""Metrics in Prometheus' text format and the one log line per message."""

from __future__ import annotations

import hashlib
import hmac
import logging
import os

from prometheus_client import CollectorRegistry, Counter, Histogram, generate_latest
from prometheus_client.exposition import CONTENT_TYPE_LATEST

from bot.redaction import RedactingFormatter, Redactor

log = logging.getLogger("timebank.message")

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s %(message)s"
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 4.0, 5.0)


class Metrics:
    """One registry per app, so several apps in one process (tests, `timebank dev`) never mix counts."""

    content_type = CONTENT_TYPE_LATEST

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        self.messages = Counter("timebank_messages", "Inbound WeChat requests by message type and result",
                                ["type", "result"], registry=self.registry)
        self.latency = Histogram("timebank_message_seconds", "Time to answer WeChat, by message type",
                                 ["type"], buckets=LATENCY_BUCKETS, registry=self.registry)
        self.duplicates = Counter("timebank_duplicates_dropped", "Resent messages answered without running a handler",
                                  registry=self.registry)
        self.deadline_misses = Counter("timebank_deadline_misses", "Replies that missed the passive-reply window",
                                       registry=self.registry)
        self.outbound_errors = Counter("timebank_outbound_errors", "Failed WeChat API deliveries by errcode",
                                       ["errcode"], registry=self.registry)

    def render(self) -> bytes:
        return generate_latest(self.registry)


# Keyed, so a log line cannot be joined to a list of OpenIDs without the key ([privacy] log_key).
# Until configure_logging sets it (tests, scripts): a random key, stable only within the process.
_tag_key = os.urandom(32)


def log_tag_key(log_key: bytes, lookup_key: bytes | None) -> bytes:
    """[privacy] log_key, else one derived from the lookup key (stable across restarts), else random."""
    if log_key:
        return log_key
    if lookup_key:
        return hmac.new(lookup_key, b"timebank log tags", hashlib.sha256).digest()
    return os.urandom(32)


def member_tag(openid: str) -> str:
    """A stable, non-reversible stand-in for an OpenID in logs."""
    return hmac.new(_tag_key, openid.encode("utf-8"), hashlib.sha256).hexdigest()[:12]


def log_message(*, message_type: str, intent: str, result: str, latency_s: float, openid: str) -> None:
    log.info("message type=%s intent=%s result=%s latency_ms=%.1f member=%s",
             message_type, intent, result, latency_s * 1000, member_tag(openid))


def configure_logging(level: str, redactor: Redactor | None = None, tag_key: bytes | None = None,
                      log_file=None) -> None:
    """To standard error, or to `log_file` (`timebank dev`, whose terminal is the chat); secrets redacted."""
    global _tag_key
    if tag_key:
        _tag_key = tag_key
    logging.basicConfig(level=level, format=LOG_FORMAT,
                        **({"filename": log_file, "encoding": "utf-8"} if log_file else {}))
    for handler in logging.getLogger().handlers:
        handler.setFormatter(RedactingFormatter(LOG_FORMAT, redactor or Redactor()))
    for noisy in ("jieba", "aiohttp.access", "urllib3", "alembic", "aiosqlite"):  # aiosqlite logs SQL parameters
        logging.getLogger(noisy).setLevel(max(logging.WARNING, logging.getLevelName(level)))
