"""One model per config section: the one place that states each key, its default, its range or choices,
and which values are secrets (SecretStr: shown as '**********' in any repr, log line or traceback).

A key not declared here is refused. Cross-section rules (the movable clock needs the sandbox) and the
tables whose keys are data (services, privacy key ids) are checked where the Config is built (bot/config.py).
"""

from __future__ import annotations

import base64
import binascii
from datetime import timedelta
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BaseModel, BeforeValidator, ConfigDict, Field, SecretStr, StrictInt, \
    StringConstraints, ValidationInfo, field_validator

from storage.broadcasts.values import ACCOUNT_QUOTAS, CHANNELS, BroadcastRules
from storage.contact_window import WindowRules
from storage.corrections.rules import ADMIN, STAFF, CorrectionRules
from storage.exchange import ExchangePolicy
from storage.ledger import LedgerRules
from storage.stars import StarRules
from storage.surveys import SurveyRules
from storage.tasks.values import TaskRules

WECHAT_API = "https://api.weixin.qq.com"


def _http_url(value: str) -> str:
    if value and not value.startswith(("http://", "https://")):
        raise ValueError("must be an http:// or https:// URL")
    return value.rstrip("/")


def _required(value: str) -> str:
    if not value:
        raise ValueError("must be an http:// or https:// URL")
    return value


def _url_path(value: str) -> str:
    if not value.startswith("/") or " " in value:
        raise ValueError("must start with / and contain no spaces")
    return value.rstrip("/") or "/"


def _non_empty_secret(value: SecretStr) -> SecretStr:
    if not value.get_secret_value().strip():
        raise ValueError("must be a non-empty string")
    return SecretStr(value.get_secret_value().strip())


def _wechat_token(value: SecretStr) -> SecretStr:
    # WeChat accepts 3 to 32 letters and digits as the server token.
    text = value.get_secret_value()
    if not (3 <= len(text) <= 32 and text.isalnum() and text.isascii()):
        raise ValueError("must be 3 to 32 letters or digits")
    return value


def _aes_key(value: SecretStr) -> SecretStr:
    text = value.get_secret_value()
    if not text:
        return value
    if len(text) != 43:
        raise ValueError("must be empty (plaintext mode) or the 43-character EncodingAESKey")
    try:
        decoded = base64.b64decode(text + "=", validate=True)
    except binascii.Error:
        raise ValueError("is not valid base64") from None
    if len(decoded) != 32:
        raise ValueError("must decode to 32 bytes")
    return value


def _url_schemes(*schemes: str):
    def check(value: SecretStr) -> SecretStr:
        if value.get_secret_value() and not value.get_secret_value().startswith(schemes):
            raise ValueError(f"must start with {', '.join(schemes)} (or be empty)")
        return value
    return check


# Operators write the URLs they know; the bot needs the async drivers.
ASYNC_DRIVERS = {
    "sqlite": "sqlite+aiosqlite",
    "postgresql": "postgresql+asyncpg",
    "postgres": "postgresql+asyncpg",
    "sqlite+aiosqlite": "sqlite+aiosqlite",
    "postgresql+asyncpg": "postgresql+asyncpg",
}


def _database_url(value: SecretStr) -> SecretStr:
    text = value.get_secret_value()
    if not text:
        return value
    if "://" not in text:
        raise ValueError("must be a URL such as postgresql://user@host/db")
    scheme, rest = text.split("://", 1)
    if scheme not in ASYNC_DRIVERS:
        raise ValueError("only SQLite and PostgreSQL are supported")
    return SecretStr(f"{ASYNC_DRIVERS[scheme]}://{rest}")


def _log_key(value: SecretStr) -> SecretStr:
    text = value.get_secret_value()
    if not text:
        return value
    try:
        key = base64.b64decode(text, validate=True)
    except binascii.Error:
        raise ValueError("is not valid base64") from None
    if len(key) < 16:
        raise ValueError("must decode to at least 16 bytes (32 random bytes, base64)")
    return value


Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
HttpUrl = Annotated[str, StringConstraints(strip_whitespace=True), AfterValidator(_http_url)]  # "": none
RequiredHttpUrl = Annotated[HttpUrl, AfterValidator(_required)]
Secret = Annotated[SecretStr, AfterValidator(_non_empty_secret)]


class Section(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class ServerConfig(Section):
    host: Text = "127.0.0.1"
    port: int = Field(8080, ge=1, le=65535)
    path: Annotated[str, AfterValidator(_url_path)] = "/wechat"  # the server URL's path in WeChat's console
    reply_deadline: float = Field(4.0, ge=0.5, le=4.5)  # WeChat gives up after 5 s
    member_messages_per_minute: int = Field(60, ge=0, le=100_000)  # more get a polite "slow down"; 0: no limit
    metrics_token: SecretStr = SecretStr("")  # bearer token for /metrics and health detail; "": loopback only


class WeChatConfig(Section):
    """No defaults for the account itself: a file must name the real one (the embedded defaults bring a dev one)."""

    app_id: Text
    app_secret: Secret
    token: Annotated[SecretStr, AfterValidator(_wechat_token)]
    encoding_aes_key: Annotated[SecretStr, AfterValidator(_aes_key)] = SecretStr("")
    previous_encoding_aes_key: Annotated[SecretStr, AfterValidator(_aes_key)] = SecretStr("")  # during a rotation
    api_base_url: RequiredHttpUrl = WECHAT_API  # "" would send every call to a relative /cgi-bin/
    api_timeout: float = Field(5.0, ge=0.5, le=30.0)
    message_mode: Literal["", "plaintext", "compatible", "safe"] = ""  # empty: chosen by whether a key is set

    @field_validator("message_mode")
    @classmethod
    def _mode_has_its_key(cls, value: str, info: ValidationInfo) -> str:
        key = info.data.get("encoding_aes_key")
        if value not in ("", "plaintext") and not (key and key.get_secret_value()):
            raise ValueError(f"{value} mode needs wechat.encoding_aes_key")
        return value

    @property
    def mode(self) -> str:
        return self.message_mode or ("safe" if self.encoding_aes_key.get_secret_value() else "plaintext")

    @property
    def safe_mode(self) -> bool:
        return self.mode == "safe"

    def secrets(self) -> tuple[str, ...]:
        """What a log line or an exception text must never show."""
        values = (self.app_secret, self.token, self.encoding_aes_key, self.previous_encoding_aes_key)
        return tuple(value.get_secret_value() for value in values if value.get_secret_value())


class DataSection(Section):
    dir: Text = "./var"  # relative to the config file


class DatabaseSection(Section):
    url: Annotated[SecretStr, AfterValidator(_database_url)] = SecretStr("")  # empty: SQLite under [data] dir


class RedisSection(Section):
    url: Annotated[SecretStr, AfterValidator(_url_schemes("redis://", "rediss://", "unix://"))] = SecretStr("")


class StaffSection(Section):
    openids: list[Text] = []
    admins: list[Text] = []


class CommunityConfig(Section):
    name: Text = "社区时间银行"
    hotline: Text = "0791-12345678"


class ConversationSection(Section):
    idle_timeout_s: int = Field(600, ge=60, le=86400)


class LedgerSection(Section):
    cap_hours: int = Field(1500, ge=1, le=100_000)
    overdraft_minutes: int = Field(0, ge=0, le=6000)
    daily_transfer_limit_minutes: int = Field(600, ge=0, le=100_000)

    @property
    def rules(self) -> LedgerRules:
        return LedgerRules(cap_min=self.cap_hours * 60, overdraft_min=self.overdraft_minutes)


class ExchangeSection(Section):
    elder_age: int = Field(80, ge=50, le=120)
    self_spend_age: int = Field(60, ge=0, le=120)
    gift_recipient_age: int = Field(60, ge=0, le=120)

    @property
    def policy(self) -> ExchangePolicy:
        return ExchangePolicy(**self.model_dump())


class TasksSection(Section):
    match_top_n: int = Field(3, ge=1, le=20)
    no_show_grace_minutes: int = Field(30, ge=5, le=240)
    auto_confirm_after_hours: int = Field(24, ge=1, le=24 * 14)
    late_cancel_hours: int = Field(24, ge=0, le=24 * 7)
    far_check_in_metres: int = Field(500, ge=50, le=100_000)
    hold_days: int = Field(30, ge=1, le=365)
    fairness_days: int = Field(30, ge=1, le=365)
    widen_after_minutes: int = Field(60, ge=5, le=24 * 60)
    neighbours_after_minutes: int = Field(180, ge=5, le=7 * 24 * 60)
    staff_alert_hours_before: int = Field(24, ge=1, le=7 * 24)
    check_in_early_minutes: int = Field(30, ge=0, le=240)
    check_in_late_minutes: int = Field(60, ge=0, le=240)
    min_visit_minutes: int = Field(10, ge=0, le=120)
    pay_tolerance_minutes: int = Field(0, ge=0, le=120)
    min_notice_minutes: int = Field(60, ge=0, le=24 * 60)
    max_ahead_days: int = Field(60, ge=1, le=365)
    min_duration_minutes: int = Field(15, ge=5, le=24 * 60)
    max_duration_minutes: int = Field(480, ge=5, le=24 * 60)
    contact_window_hours: int = Field(24, ge=1, le=24 * 14)
    cancel_loop_count: int = Field(3, ge=0, le=100)
    cancel_loop_days: int = Field(7, ge=1, le=365)
    cancel_pause_days: int = Field(7, ge=1, le=365)

    @property
    def rules(self) -> TaskRules:
        return TaskRules(
            match_top_n=self.match_top_n, no_show_grace_min=self.no_show_grace_minutes,
            auto_confirm_after_min=self.auto_confirm_after_hours * 60, late_cancel_min=self.late_cancel_hours * 60,
            far_check_in_m=self.far_check_in_metres, hold_days=self.hold_days, fairness_days=self.fairness_days,
            widen_after_min=self.widen_after_minutes, neighbours_after_min=self.neighbours_after_minutes,
            staff_before_min=self.staff_alert_hours_before * 60, check_in_early_min=self.check_in_early_minutes,
            check_in_late_min=self.check_in_late_minutes, min_visit_min=self.min_visit_minutes,
            pay_tolerance_min=self.pay_tolerance_minutes, min_notice_min=self.min_notice_minutes,
            max_ahead_days=self.max_ahead_days, min_duration_min=self.min_duration_minutes,
            max_duration_min=self.max_duration_minutes, contact_window_min=self.contact_window_hours * 60,
            cancel_loop_count=self.cancel_loop_count, cancel_loop_days=self.cancel_loop_days,
            cancel_pause_days=self.cancel_pause_days)


Role = Literal[ADMIN, STAFF]


class CorrectionsSection(Section):
    """Who may grant, reverse and adjust, and the caps every front end keeps (docs/ledger.md)."""

    grant_by: Role = ADMIN
    reverse_by: Role = ADMIN
    adjust_by: Role = ADMIN
    max_per_act_hours: int = Field(100, ge=1, le=1000)
    max_per_day_hours: int = Field(200, ge=1, le=10_000)
    approval_over_hours: int = Field(20, ge=0, le=1000)

    @property
    def rules(self) -> CorrectionRules:
        return CorrectionRules(grant_by=self.grant_by, reverse_by=self.reverse_by, adjust_by=self.adjust_by,
                               max_per_act_min=self.max_per_act_hours * 60,
                               max_per_day_min=self.max_per_day_hours * 60,
                               approval_over_min=self.approval_over_hours * 60)


def _upper(value: Any) -> Any:
    return value.upper() if isinstance(value, str) else value


class LogSection(Section):
    level: Annotated[Literal["DEBUG", "INFO", "WARNING", "ERROR"], BeforeValidator(_upper)] = "INFO"


class NotificationConfig(Section):
    """How notifications reach members outside WeChat's 48-hour window (docs/webhook.md, Notifications).
    WeChat's rule since June 2023: 5 pushes in 48 hours after a message, 3 in a minute after a tap."""

    customer_service_quota: int = Field(5, ge=0, le=1000)
    tap_quota: int = Field(3, ge=0, le=1000)
    tap_window_seconds: int = Field(60, ge=1, le=3600)
    templates: dict[Text, Text] = {}  # notification kind → template id

    def template_for(self, kind: str) -> str | None:
        return self.templates.get(kind)

    @property
    def window_rules(self) -> WindowRules:
        return WindowRules(quota=self.customer_service_quota, tap_quota=self.tap_quota,
                           tap_window=timedelta(seconds=self.tap_window_seconds))


class BroadcastSection(Section):
    account_type: Literal[tuple(ACCOUNT_QUOTAS)] = "subscription"
    channel: Literal[tuple(CHANNELS)] = "mass"
    mass_quota: int = Field(0, ge=0, le=100)  # 0: the account type's own quota
    mass_calls_per_minute: int = Field(60, ge=1, le=60)
    fanout_per_second: float = Field(20.0, ge=0.1, le=1000.0)
    lease_seconds: float = Field(60.0, ge=1.0, le=3600.0)
    progress_every: int = Field(200, ge=1, le=100_000)
    progress_seconds: float = Field(30.0, ge=1.0, le=3600.0)
    retry_attempts: int = Field(5, ge=1, le=20)
    retry_base_seconds: float = Field(2.0, ge=0.01, le=600.0)

    @property
    def rules(self) -> BroadcastRules:
        values = self.model_dump()
        values["lease_s"], values["retry_base_s"] = values.pop("lease_seconds"), values.pop("retry_base_seconds")
        return BroadcastRules(**values)


def _rising(values: list[int]) -> list[int]:
    if any(later <= earlier for earlier, later in zip(values, values[1:])):
        raise ValueError("must rise from one step to the next")
    return values


class EngagementSection(Section):
    """Star levels and milestones by hours served (docs/engagement.md): the national volunteer star rating's
    steps by default; a milestone of 0 hours is the first service."""

    star_hours: Annotated[list[Annotated[int, Field(ge=1, le=100_000)]], Field(min_length=1, max_length=10),
                          AfterValidator(_rising)] = [100, 300, 600, 1000, 1500]
    milestone_hours: Annotated[list[Annotated[int, Field(ge=0, le=100_000)]], Field(max_length=10),
                               AfterValidator(_rising)] = [0, 10, 50]

    @property
    def star_rules(self) -> StarRules:
        return StarRules(tuple(self.star_hours), tuple(self.milestone_hours))


# The custom menu `timebank menu push` creates; a button's intent is what it does (bot/menu.py).
DEFAULT_MENU_BUTTONS = (
    {"name": "我要帮助", "sub_buttons": [
        {"name": "找人帮忙", "intent": "post_request"},
        {"name": "我的订单", "intent": "my_orders"},
        {"name": "紧急求助", "intent": "sos"},
    ]},
    {"name": "我来帮忙", "sub_buttons": [
        {"name": "看看谁需要帮忙", "intent": "list_tasks"},
        {"name": "我要注册", "intent": "register"},
        {"name": "怎么用", "intent": "help"},
    ]},
    {"name": "我的", "sub_buttons": [
        {"name": "查时间币", "intent": "balance"},
        {"name": "时间币明细", "intent": "history"},
        {"name": "兑换物品", "intent": "redeem"},
        {"name": "什么是时间银行", "intent": "about"},
    ]},
)


class MenuSection(Section):
    buttons: list[Any] = list(DEFAULT_MENU_BUTTONS)  # checked against WeChat's limits by bot/menu.py


class ConsoleConfig(Section):
    """The staff web console: where staff reach this server, and how long a link and a session last."""

    base_url: HttpUrl = ""  # without /console; empty: http://[server] host:port
    link_minutes: int = Field(5, ge=1, le=60)
    session_hours: int = Field(8, ge=1, le=72)

    def resolved(self, server: ServerConfig) -> ConsoleConfig:
        return self if self.base_url else self.model_copy(update={"base_url": f"http://{server.host}:{server.port}"})

    @property
    def secure_cookie(self) -> bool:
        return self.base_url.startswith("https://")


class KnowledgeSection(Section):
    faq_file: str = ""  # relative to the config file; empty: only the shipped answers


class ProofSection(Section):
    """Proofs of service hours (开证明): the font their CJK text is drawn in, and how often one address may check
    codes at /verify (the QR code's address is [console] base_url + /verify/<code>)."""

    certificate_font: str = ""  # a .ttf/.ttc/.otf, relative to the config file; empty: a CJK font of the system
    verify_per_minute: int = Field(30, ge=1, le=10_000)  # more get "查询太频繁" (against guessing codes)


class SafetySection(Section):
    # How long an unanswered "您现在有危险吗？" waits before the alert.
    doubt_silence_minutes: int = Field(3, ge=1, le=30)


class SurveysSection(Section):
    # `发问卷` alone asks the elders served in the last this many days (`发问卷 N` names another).
    default_days: int = Field(30, ge=1, le=365)
    # A survey takes answers for this many days after it is sent.
    open_days: int = Field(14, ge=1, le=90)

    @property
    def rules(self) -> SurveyRules:
        return SurveyRules(default_days=self.default_days, open_days=self.open_days)


class DevSection(Section):
    # A clock that `/clock` and POST /dev/clock move, for dev and drills only (storage/clock.py).
    movable_clock: bool = False


class PrivacySection(Section):
    """Encryption keys for personal data; their ids and lengths are checked by storage.privacy.KeyRing."""

    current_key_id: str = ""
    keys: dict[str, SecretStr] = {}
    lookup_key: SecretStr = SecretStr("")
    log_key: Annotated[SecretStr, AfterValidator(_log_key)] = SecretStr("")  # keys the member tags in log lines

    def keyring_config(self) -> dict[str, Any]:
        """The section as storage.privacy.KeyRing.from_config reads it; a key left empty counts as missing."""
        plain = {"current_key_id": self.current_key_id, "lookup_key": self.lookup_key.get_secret_value(),
                 "keys": {key_id: key.get_secret_value() for key_id, key in self.keys.items()}}
        return {name: value for name, value in plain.items() if value}


class PartnerItem(Section):
    """A partner's good or service members can redeem credits for; `stock` is the opening stock."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)

    partner: Text
    partner_name: Text
    item: Text
    name: Text
    price_minutes: StrictInt = Field(gt=0)
    stock: StrictInt = Field(ge=0)
