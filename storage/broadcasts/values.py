"""What a broadcast is, who it goes to, and the rules it is sent by."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from typing import Mapping

from storage.backoff import backoff_s
from storage.privacy import KeyRing, decrypt, encrypt
from storage.publicity_tables import (CANCELLED, CHANNELS, DONE, DRAFT, FAILED, FANOUT, MASS, SCHEDULED, SENDING,
                                      BroadcastRow)

# Audiences: a role, everyone, or one community ("community:东湖社区").
ALL, ELDERS, VOLUNTEERS, FAMILIES = "all", "elder", "volunteer", "family"
ROLE_AUDIENCES = (ELDERS, VOLUNTEERS, FAMILIES)
COMMUNITY = "community:"
SURVEY = "survey:"  # a survey's own audience: whom storage.surveys says it asks ("survey:3")

# WeChat's mass-send quota: a subscription account may mass send once a day;
# a service account four times a month, counted for each follower.
SUBSCRIPTION, SERVICE = "subscription", "service"
ACCOUNT_QUOTAS = {SUBSCRIPTION: ("day", 1), SERVICE: ("month", 4)}

# Why a fan-out recipient was skipped.
OPTED_OUT, OUTSIDE_WINDOW = "opted_out", "outside_window"


def community_audience(name: str) -> str:
    return f"{COMMUNITY}{name}"


def community_of(audience: str) -> str | None:
    return audience[len(COMMUNITY):] if audience.startswith(COMMUNITY) else None


def survey_audience(survey_id: int) -> str:
    return f"{SURVEY}{survey_id}"


def survey_of(audience: str) -> int | None:
    number = audience[len(SURVEY):] if audience.startswith(SURVEY) else ""
    return int(number) if number.isdigit() else None


def is_audience(value: str) -> bool:
    return value == ALL or value in ROLE_AUDIENCES or bool(community_of(value))


@dataclass(frozen=True)
class BroadcastRules:
    """From `[broadcast]` in the configuration; see docs/broadcasts.md."""

    account_type: str = SUBSCRIPTION
    channel: str = MASS  # preferred: WeChat's mass send where the audience has a tag (or is everyone), else fan-out
    mass_quota: int = 0  # 0: the account type's own (1 a day, 4 a month)
    mass_calls_per_minute: int = 60
    fanout_per_second: float = 20.0
    lease_s: float = 60.0  # a claimed recipient is another worker's after this: longer than one API call
    progress_every: int = 200
    progress_seconds: float = 30.0
    retry_attempts: int = 5
    retry_base_s: float = 2.0

    @property
    def quota(self) -> tuple[str, int]:
        """(period, sends per period) of the mass-send quota."""
        period, default = ACCOUNT_QUOTAS[self.account_type]
        return period, self.mass_quota or default

    def backoff_s(self, attempt: int) -> float:
        return backoff_s(self.retry_base_s, attempt)


DEFAULT_BROADCAST_RULES = BroadcastRules()


@dataclass(frozen=True)
class Broadcast:
    id: int
    author_id: int
    content: str
    audience: str
    channel: str
    status: str
    created_at: datetime
    scheduled_at: datetime | None
    started_at: datetime | None
    finished_at: datetime | None
    audience_size: int
    sent: int
    failed: int
    skipped: int
    wechat_msg_id: str | None
    result: Mapping = field(default_factory=dict)

    @property
    def clientmsgid(self) -> str:
        """Names the mass send to WeChat, so that a retry is answered "already sent" (45065) instead of sent twice."""
        return f"broadcast-{self.id}"

    @property
    def story_id(self) -> int | None:
        return self.result.get("story_id")


@dataclass(frozen=True)
class Recipient:
    id: int
    broadcast_id: int
    member_id: int
    openid: str
    attempts: int


@dataclass(frozen=True)
class Tally:
    total: int
    sent: int
    failed: int
    skipped: int

    @property
    def done(self) -> int:
        return self.sent + self.failed + self.skipped

    @property
    def finished(self) -> bool:
        return self.done >= self.total


def as_broadcast(row: BroadcastRow) -> Broadcast:
    return Broadcast(row.id, row.author_id, row.content, row.audience, row.channel, row.status, row.created_at,
                     row.scheduled_at, row.started_at, row.finished_at, row.audience_size, row.sent, row.failed,
                     row.skipped, row.wechat_msg_id, dict(row.result or {}))


__all__ = ["ALL", "ELDERS", "VOLUNTEERS", "FAMILIES", "ROLE_AUDIENCES", "COMMUNITY", "SUBSCRIPTION", "SERVICE",
           "OPTED_OUT", "OUTSIDE_WINDOW", "MASS", "FANOUT", "CHANNELS", "DRAFT", "SCHEDULED", "SENDING", "DONE",
           "CANCELLED", "FAILED", "BroadcastRules", "DEFAULT_BROADCAST_RULES", "Broadcast", "Recipient", "Tally",
           "community_audience", "community_of", "survey_audience", "survey_of", "is_audience", "seal_preview", "open_preview"]


def seal_preview(keyring: KeyRing, openid: str, text: str) -> str:
    """A preview's text as it waits in the job queue: a draft can name people, and Redis keeps it on disk."""
    return encrypt(keyring, text, f"preview_broadcast:{openid}")


def open_preview(keyring: KeyRing, openid: str, sealed: str) -> str:
    return decrypt(keyring, sealed, f"preview_broadcast:{openid}")
