"""Configuration: embedded defaults, a TOML file, and environment overrides.

Every key can come from the environment as TIMEBANK_<SECTION>_<KEY>, so that
secrets never have to live in the file. A missing or invalid key raises
ConfigError naming the key; the CLI prints it as one line.
"""

from __future__ import annotations

import base64
import binascii
import os
import tomllib
from dataclasses import dataclass, field, replace
from datetime import timedelta
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import urlsplit

from bot.menu import MenuButton, MenuError, parse_menu
from handlers.faq import Faq, FaqError, load_faq, shipped_faq
from storage.broadcasts.values import ACCOUNT_QUOTAS, CHANNELS, BroadcastRules
from storage.contact_window import WindowRules
from storage.exchange import DEFAULT_CATALOGUE, Catalogue, CatalogueError, ExchangePolicy
from storage.ledger import LedgerRules
from storage.privacy import KeyRing, PrivacyConfigError
from storage.redemptions import CatalogueEntry
from storage.corrections import ADMIN as CORRECTIONS_ADMIN, STAFF as CORRECTIONS_STAFF, CorrectionRules
from storage.tasks.values import TaskRules

WECHAT_API = "https://api.weixin.qq.com"
ENV_PREFIX = "TIMEBANK_"

# The embedded defaults let `timebank dev` and the tests run with no file at
# all. They are development values: a config file must name real ones.
EMBEDDED: dict[str, dict[str, Any]] = {
    "server": {"host": "127.0.0.1", "port": 8080, "path": "/wechat", "reply_deadline": 4.0,
               "member_messages_per_minute": 60, "metrics_token": ""},
    "wechat": {
        "app_id": "wx0000000000000dev",
        "app_secret": "timebank-dev-secret",
        "token": "timebankdevtoken",
        "encoding_aes_key": "",
        "previous_encoding_aes_key": "",
        "api_base_url": WECHAT_API,
        "api_timeout": 5.0,
        "message_mode": "",  # empty: "safe" with an encoding_aes_key, "plaintext" without
    },
    "data": {"dir": "./var"},
    "database": {"url": ""},
    "redis": {"url": ""},
    "staff": {"openids": [], "admins": []},
    "community": {"name": "社区时间银行", "hotline": "0791-12345678"},
    "conversation": {"idle_timeout_s": 600},
    "ledger": {"cap_hours": 1500, "overdraft_minutes": 0, "daily_transfer_limit_minutes": 600},
    "exchange": {"elder_age": 80, "self_spend_age": 60, "gift_recipient_age": 60},
    "tasks": {"match_top_n": 3, "no_show_grace_minutes": 30, "auto_confirm_after_hours": 24,
              "late_cancel_hours": 24, "far_check_in_metres": 500, "hold_days": 30, "fairness_days": 30,
              "widen_after_minutes": 60, "neighbours_after_minutes": 180, "staff_alert_hours_before": 24,
              "check_in_early_minutes": 30, "check_in_late_minutes": 60, "min_visit_minutes": 10,
              "pay_tolerance_minutes": 0, "min_notice_minutes": 60, "max_ahead_days": 60,
              "min_duration_minutes": 15, "max_duration_minutes": 480,
              "contact_window_hours": 24, "cancel_loop_count": 3, "cancel_loop_days": 7, "cancel_pause_days": 7},
    "corrections": {"grant_by": "admin", "reverse_by": "admin", "adjust_by": "admin", "max_per_act_hours": 100,
                    "max_per_day_hours": 200, "approval_over_hours": 20},
    "log": {"level": "INFO"},
    # WeChat's rule since June 2023: 5 pushes in 48 hours after a message, 3 in a minute after a tap (docs/webhook.md).
    "notifications": {"customer_service_quota": 5, "tap_quota": 3, "tap_window_seconds": 60, "templates": {}},
    "broadcast": {"account_type": "subscription", "channel": "mass", "mass_quota": 0, "mass_calls_per_minute": 60,
                  "fanout_per_second": 20.0, "lease_seconds": 60.0, "progress_every": 200, "progress_seconds": 30.0,
                  "retry_attempts": 5, "retry_base_seconds": 2.0},
    # The custom menu `timebank menu push` creates; a button's intent is what it does (bot/menu.py).
    "menu": {"buttons": [
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
    ]},
    "console": {"base_url": "", "link_minutes": 5, "session_hours": 8},
    "knowledge": {"faq_file": ""},
    # A message that may be an emergency: how long an unanswered "您现在有危险吗？" waits before the alert.
    "safety": {"doubt_silence_minutes": 3},
    # A clock that `/clock` and POST /dev/clock move, for dev and drills only (storage/clock.py).
    "dev": {"movable_clock": False},
}

# With no config file, redemption can be tried at once: a small partner catalogue, marked as a demo.
DEMO_PARTNER_ITEMS = [
    {"partner": "demo_shop", "partner_name": "社区便民店（演示）", "item": "rice", "name": "大米一袋（演示）",
     "price_minutes": 60, "stock": 20},
    {"partner": "demo_shop", "partner_name": "社区便民店（演示）", "item": "eggs", "name": "鸡蛋一盒（演示）",
     "price_minutes": 30, "stock": 20},
    {"partner": "demo_clinic", "partner_name": "社区卫生站（演示）", "item": "checkup", "name": "量血压一次（演示）",
     "price_minutes": 15, "stock": 50},
]

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")

# Tables whose keys are data (service codes), validated by their own parser.
FREE_FORM = ("services", "partner_items", "privacy", "partner_operators")

# Keys a config file must set itself (or through the environment): running a
# real account on the development secrets would be a silent security hole.
REQUIRED_IN_FILE = ("wechat.app_id", "wechat.app_secret", "wechat.token")


class ConfigError(Exception):
    def __init__(self, key: str, problem: str):
        super().__init__(f"config error: {key}: {problem}")
        self.key = key


@dataclass(frozen=True)
class ServerConfig:
    host: str
    port: int
    path: str
    reply_deadline: float
    member_messages_per_minute: int = 60  # more from one member in a minute get a polite "slow down"; 0: no limit
    metrics_token: str = field(default="", repr=False)  # bearer token for /metrics and health detail; "": loopback only


@dataclass(frozen=True)
class WeChatConfig:
    app_id: str
    app_secret: str = field(repr=False)
    token: str = field(repr=False)
    encoding_aes_key: str = field(repr=False)
    previous_encoding_aes_key: str = field(repr=False)
    api_base_url: str
    api_timeout: float
    message_mode: str = ""  # "plaintext", "compatible" or "safe"; empty: chosen by whether a key is set

    @property
    def mode(self) -> str:
        return self.message_mode or ("safe" if self.encoding_aes_key else "plaintext")

    @property
    def safe_mode(self) -> bool:
        return self.mode == "safe"

    def secrets(self) -> tuple[str, ...]:
        """What a log line or an exception text must never show."""
        return tuple(value for value in (self.app_secret, self.token, self.encoding_aes_key,
                                         self.previous_encoding_aes_key) if value)


@dataclass(frozen=True)
class CommunityConfig:
    name: str
    hotline: str


@dataclass(frozen=True)
class NotificationConfig:
    """How notifications reach members outside WeChat's 48-hour window (see docs/webhook.md, Notifications)."""

    customer_service_quota: int = 5  # customer-service messages within 48 hours of a member's message
    tap_quota: int = 3  # … within tap_window_seconds of a menu tap, follow or scan
    tap_window_seconds: int = 60
    templates: Mapping[str, str] = field(default_factory=dict)  # notification kind → template id

    def template_for(self, kind: str) -> str | None:
        return self.templates.get(kind)

    @property
    def window_rules(self) -> WindowRules:
        return WindowRules(quota=self.customer_service_quota, tap_quota=self.tap_quota,
                           tap_window=timedelta(seconds=self.tap_window_seconds))


@dataclass(frozen=True)
class ConsoleConfig:
    """The staff web console: where staff reach this server, and how long a link and a session last."""

    base_url: str = "http://127.0.0.1:8080"  # without /console; empty in the file: from [server]
    link_minutes: int = 5
    session_hours: int = 8

    @property
    def secure_cookie(self) -> bool:
        return self.base_url.startswith("https://")


@dataclass(frozen=True)
class Config:
    server: ServerConfig
    wechat: WeChatConfig
    data_dir: Path
    database_url: str
    redis_url: str
    staff_openids: tuple[str, ...]
    community: CommunityConfig
    conversation_idle_timeout_s: int
    ledger_rules: LedgerRules
    daily_transfer_limit_min: int
    exchange: ExchangePolicy
    task_rules: TaskRules
    catalogue: Catalogue
    partner_items: tuple[CatalogueEntry, ...]
    partner_operators: dict[str, tuple[str, ...]]
    privacy: KeyRing | None  # None only on the embedded defaults: a development key ring under data_dir
    log_level: str
    source: str
    notifications: NotificationConfig = field(default_factory=NotificationConfig)
    broadcast: BroadcastRules = field(default_factory=BroadcastRules)
    corrections: CorrectionRules = field(default_factory=CorrectionRules)
    menu: tuple[MenuButton, ...] = ()
    console: ConsoleConfig = field(default_factory=ConsoleConfig)
    knowledge: Faq = field(default_factory=shipped_faq)  # the FAQ: shipped answers and [knowledge] faq_file
    staff_admins: tuple[str, ...] = ()  # [staff] admins: promoted to admin like `openids` to staff
    log_key: bytes = field(default=b"", repr=False)  # [privacy] log_key: keys the member tags in log lines
    is_dev: bool = False  # the embedded defaults (`timebank dev`, tests without a file)

    @property
    def all_staff_openids(self) -> tuple[str, ...]:
        """[staff] openids and admins: an admin is staff too."""
        return tuple(dict.fromkeys((*self.staff_openids, *self.staff_admins)))
    doubt_silence_min: int = 3  # [safety]: silence after a doubtful emergency raises the alert
    movable_clock: bool = False  # [dev] movable_clock: only with the sandbox (api_base_url on loopback)

    @property
    def uses_embedded_redis(self) -> bool:
        return not self.redis_url

    @property
    def uses_default_database(self) -> bool:
        return self.database_url == default_database_url(self.data_dir)

    def secrets(self) -> tuple[str, ...]:
        """Every configured secret as it could be written out: for the log redactor (bot/redaction.py)."""
        keys = (*self.privacy.keys.values(), self.privacy.lookup_key) if self.privacy else ()
        passwords = (urlsplit(url).password for url in (self.database_url, self.redis_url) if url)
        return (*self.wechat.secrets(), self.server.metrics_token, *(password for password in passwords if password),
                *(base64.b64encode(key).decode() for key in (*keys, self.log_key) if key))

    def with_overrides(self, **sections: Mapping[str, Any]) -> "Config":
        """A copy with some section fields replaced, e.g. wechat={"api_base_url": ...}."""
        changes = {name: replace(getattr(self, name), **values) for name, values in sections.items()}
        return replace(self, **changes)


# The example file's stand-ins: a server started on them would sign with a token anyone can read.
PLACEHOLDERS = {"app_id": "wx0000000000000000", "app_secret": "replace-me", "token": "replaceme"}


def refuse_placeholders(config: Config) -> None:
    """Outside `timebank dev`, start-up stops on the example's placeholder app id, secret or token."""
    for key, placeholder in PLACEHOLDERS.items():
        if getattr(config.wechat, key) == placeholder:
            raise ConfigError(f"wechat.{key}", "still the example's placeholder: set the real one")


def default_database_url(data_dir: Path) -> str:
    return f"sqlite+aiosqlite:///{data_dir / 'timebank.sqlite3'}"


def load_config(path: str | os.PathLike | None = None, environ: Mapping[str, str] | None = None) -> Config:
    """`path` if given, else ./config.toml if present, else the embedded defaults."""
    environ = os.environ if environ is None else environ
    file_path = Path(path) if path else (Path("config.toml") if Path("config.toml").is_file() else None)
    from_file = _read_toml(file_path) if file_path else {}
    merged = _merge(EMBEDDED, from_file)
    if not file_path:
        merged["partner_items"] = DEMO_PARTNER_ITEMS
    merged = _apply_environment(merged, environ)
    if file_path:
        _require_set(from_file, environ)
        merged["privacy"] = _privacy_with_environment(merged.get("privacy"), environ)
    base_dir = file_path.resolve().parent if file_path else Path.cwd()
    return _build(merged, base_dir, source=str(file_path) if file_path else "embedded defaults")


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError("--config", f"no such file {path}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(str(path), f"not valid TOML ({error})") from None


def _merge(defaults: dict[str, dict[str, Any]], overrides: dict[str, Any]) -> dict[str, dict[str, Any]]:
    merged = {section: dict(values) for section, values in defaults.items()}
    merged.update({section: overrides[section] for section in FREE_FORM if section in overrides})
    for section, values in overrides.items():
        if section in FREE_FORM:
            continue
        if section not in merged:
            raise ConfigError(section, "unknown section")
        if not isinstance(values, dict):
            raise ConfigError(section, "must be a table")
        for key, value in values.items():
            if key not in merged[section]:
                raise ConfigError(f"{section}.{key}", "unknown key")
            merged[section][key] = value
    return merged


def _env_name(section: str, key: str) -> str:
    return f"{ENV_PREFIX}{section}_{key}".upper()


def _apply_environment(merged: dict[str, dict[str, Any]], environ: Mapping[str, str]) -> dict[str, dict[str, Any]]:
    for section, values in merged.items():
        if section in FREE_FORM:
            continue
        for key, default in list(values.items()):
            raw = environ.get(_env_name(section, key))
            if raw is not None:
                values[key] = _from_env_text(raw, default)
    return merged


def _from_env_text(raw: str, default: Any) -> Any:
    if isinstance(default, list):
        return [item.strip() for item in raw.split(",") if item.strip()]
    return raw


def _require_set(from_file: dict[str, Any], environ: Mapping[str, str]) -> None:
    for dotted in REQUIRED_IN_FILE:
        section, key = dotted.split(".")
        in_file = str(from_file.get(section, {}).get(key, "")).strip()
        if not in_file and not environ.get(_env_name(section, key), "").strip():
            raise ConfigError(dotted, f"missing (set it in the file or in {_env_name(section, key)})")


def _build(merged: dict[str, dict[str, Any]], base_dir: Path, source: str) -> Config:
    server, wechat = merged["server"], merged["wechat"]
    data_dir = _resolve(base_dir, _text(merged, "data", "dir"))
    return Config(
        server=ServerConfig(
            host=_text(merged, "server", "host"),
            port=_integer(merged, "server", "port", 1, 65535),
            path=_url_path(server["path"]),
            reply_deadline=_number(merged, "server", "reply_deadline", 0.5, 4.5),
            member_messages_per_minute=_integer(merged, "server", "member_messages_per_minute", 0, 100_000),
            metrics_token=str(server["metrics_token"] or ""),
        ),
        wechat=WeChatConfig(
            app_id=_text(merged, "wechat", "app_id"),
            app_secret=_text(merged, "wechat", "app_secret"),
            token=_token(wechat["token"]),
            encoding_aes_key=_aes_key("wechat.encoding_aes_key", wechat["encoding_aes_key"]),
            previous_encoding_aes_key=_aes_key(
                "wechat.previous_encoding_aes_key", wechat["previous_encoding_aes_key"]
            ),
            api_base_url=_http_url("wechat.api_base_url", wechat["api_base_url"]),
            api_timeout=_number(merged, "wechat", "api_timeout", 0.5, 30.0),
            message_mode=_message_mode(wechat["message_mode"], wechat["encoding_aes_key"]),
        ),
        data_dir=data_dir,
        database_url=_database_url(merged["database"]["url"], data_dir),
        redis_url=_redis_url(merged["redis"]["url"]),
        staff_openids=tuple(_openids(merged["staff"]["openids"])),
        staff_admins=tuple(_openids(merged["staff"]["admins"], "staff.admins")),
        community=CommunityConfig(
            name=_text(merged, "community", "name"), hotline=_text(merged, "community", "hotline")
        ),
        conversation_idle_timeout_s=_integer(merged, "conversation", "idle_timeout_s", 60, 86400),
        ledger_rules=LedgerRules(
            cap_min=_integer(merged, "ledger", "cap_hours", 1, 100_000) * 60,
            overdraft_min=_integer(merged, "ledger", "overdraft_minutes", 0, 6000),
        ),
        daily_transfer_limit_min=_integer(merged, "ledger", "daily_transfer_limit_minutes", 0, 100_000),
        exchange=ExchangePolicy(
            elder_age=_integer(merged, "exchange", "elder_age", 50, 120),
            self_spend_age=_integer(merged, "exchange", "self_spend_age", 0, 120),
            gift_recipient_age=_integer(merged, "exchange", "gift_recipient_age", 0, 120),
        ),
        task_rules=TaskRules(
            match_top_n=_integer(merged, "tasks", "match_top_n", 1, 20),
            no_show_grace_min=_integer(merged, "tasks", "no_show_grace_minutes", 5, 240),
            auto_confirm_after_min=_integer(merged, "tasks", "auto_confirm_after_hours", 1, 24 * 14) * 60,
            late_cancel_min=_integer(merged, "tasks", "late_cancel_hours", 0, 24 * 7) * 60,
            far_check_in_m=_integer(merged, "tasks", "far_check_in_metres", 50, 100_000),
            hold_days=_integer(merged, "tasks", "hold_days", 1, 365),
            fairness_days=_integer(merged, "tasks", "fairness_days", 1, 365),
            widen_after_min=_integer(merged, "tasks", "widen_after_minutes", 5, 24 * 60),
            neighbours_after_min=_integer(merged, "tasks", "neighbours_after_minutes", 5, 7 * 24 * 60),
            staff_before_min=_integer(merged, "tasks", "staff_alert_hours_before", 1, 7 * 24) * 60,
            check_in_early_min=_integer(merged, "tasks", "check_in_early_minutes", 0, 240),
            check_in_late_min=_integer(merged, "tasks", "check_in_late_minutes", 0, 240),
            min_visit_min=_integer(merged, "tasks", "min_visit_minutes", 0, 120),
            pay_tolerance_min=_integer(merged, "tasks", "pay_tolerance_minutes", 0, 120),
            min_notice_min=_integer(merged, "tasks", "min_notice_minutes", 0, 24 * 60),
            max_ahead_days=_integer(merged, "tasks", "max_ahead_days", 1, 365),
            min_duration_min=_integer(merged, "tasks", "min_duration_minutes", 5, 24 * 60),
            max_duration_min=_integer(merged, "tasks", "max_duration_minutes", 5, 24 * 60),
            contact_window_min=_integer(merged, "tasks", "contact_window_hours", 1, 24 * 14) * 60,
            cancel_loop_count=_integer(merged, "tasks", "cancel_loop_count", 0, 100),
            cancel_loop_days=_integer(merged, "tasks", "cancel_loop_days", 1, 365),
            cancel_pause_days=_integer(merged, "tasks", "cancel_pause_days", 1, 365),
        ),
        catalogue=_catalogue(merged.get("services")),
        partner_items=_partner_items(merged.get("partner_items", [])),
        partner_operators=_partner_operators(merged.get("partner_operators", {})),
        privacy=_keyring(merged.get("privacy")),
        log_level=_log_level(merged["log"]["level"]),
        source=source,
        notifications=_notifications(merged),
        broadcast=_broadcast(merged),
        corrections=_corrections(merged),
        menu=_menu(merged),
        console=_console(merged),
        knowledge=_knowledge(merged, base_dir),
        log_key=_log_key(merged.get("privacy")),
        is_dev=source == "embedded defaults",
        doubt_silence_min=_integer(merged, "safety", "doubt_silence_minutes", 1, 30),
        movable_clock=_movable_clock(merged),
    )


def _movable_clock(merged: dict) -> bool:
    """A moved clock pays and expires for real: never with WeChat itself, only with the sandbox on this machine."""
    value = merged["dev"]["movable_clock"]
    on = value is True or str(value).strip().lower() in ("true", "1", "yes")
    if on:
        refuse_movable_clock_off_loopback(str(merged["wechat"]["api_base_url"]))
    return on


def refuse_movable_clock_off_loopback(api_base_url: str) -> None:
    if urlsplit(api_base_url).hostname not in LOOPBACK_HOSTS:
        raise ConfigError("dev.movable_clock", f"only with the sandbox: [wechat] api_base_url must be on loopback "
                                               f"(127.0.0.1), not {api_base_url}")


def _console(merged: dict) -> ConsoleConfig:
    base_url = str(merged["console"]["base_url"] or "").strip().rstrip("/")
    if not base_url:
        base_url = f"http://{_text(merged, 'server', 'host')}:{_integer(merged, 'server', 'port', 1, 65535)}"
    return ConsoleConfig(base_url=_http_url("console.base_url", base_url),
                         link_minutes=_integer(merged, "console", "link_minutes", 1, 60),
                         session_hours=_integer(merged, "console", "session_hours", 1, 72))


def _privacy_with_environment(section: Any, environ: Mapping[str, str]) -> dict:
    """[privacy] from the file, any part of it replaced from the environment; a file config must have keys."""
    section = dict(section or {})
    if keys := environ.get("TIMEBANK_PRIVACY_KEYS"):  # "k2=<base64>,k1=<base64>"
        section["keys"] = dict(pair.strip().split("=", 1) for pair in keys.split(",") if "=" in pair)
    for key in ("current_key_id", "lookup_key", "log_key"):
        if value := environ.get(_env_name("privacy", key)):
            section[key] = value
    if not section:
        raise ConfigError("privacy", "missing: personal data needs encryption keys (`timebank keys` prints a new set)")
    return section


def _keyring(section: Any) -> KeyRing | None:
    if section is None:
        return None
    if not isinstance(section, dict):
        raise ConfigError("privacy", "must be a table")
    try:
        keyring = KeyRing.from_config(section)
    except PrivacyConfigError as error:
        key, _, problem = str(error).partition(": ")
        raise ConfigError(key, problem) from None
    if any(key.startswith(b"REPLACE-ME") for key in (*keyring.keys.values(), keyring.lookup_key)):
        raise ConfigError("privacy", "still the example's placeholder keys: `timebank keys` prints real ones")
    return keyring


def _partner_operators(value: Any) -> dict[str, tuple[str, ...]]:
    """Partner code → the OpenIDs of the people at that partner who may complete redemption codes."""
    if not isinstance(value, dict):
        raise ConfigError("partner_operators", "must be a table of partner = [openids]")
    for partner, openids in value.items():
        if not isinstance(openids, list) or not all(isinstance(openid, str) and openid for openid in openids):
            raise ConfigError(f"partner_operators.{partner}", "must be a list of OpenIDs")
    return {partner: tuple(openids) for partner, openids in value.items()}


def _catalogue(overrides: Any) -> Catalogue:
    """The default catalogue, with the services a file names replaced entry by entry."""
    if overrides is None:
        return DEFAULT_CATALOGUE
    if not isinstance(overrides, dict):
        raise ConfigError("services", "must be a table of service codes")
    defaults = {code: {"name": service.name, "weight": str(service.weight), "certified": service.needs_certified}
                for code, service in DEFAULT_CATALOGUE.services.items()}
    try:
        return Catalogue.from_mapping({**defaults, **overrides})
    except CatalogueError as error:
        key, _, problem = str(error).partition(": ")
        raise ConfigError(f"services.{key}", problem) from None


PARTNER_ITEM_KEYS = {"partner": str, "partner_name": str, "item": str, "name": str, "price_minutes": int, "stock": int}


def _partner_items(value: Any) -> tuple[CatalogueEntry, ...]:
    if not isinstance(value, list):
        raise ConfigError("partner_items", "must be an array of tables ([[partner_items]])")
    entries = tuple(_partner_item(number, item) for number, item in enumerate(value, 1))
    seen = [(entry.partner_code, entry.item_code) for entry in entries]
    if len(set(seen)) != len(seen):
        raise ConfigError("partner_items", "the same partner and item appear twice")
    return entries


def _partner_item(number: int, item: Any) -> CatalogueEntry:
    where = f"partner_items[{number}]"
    if not isinstance(item, dict) or set(item) != set(PARTNER_ITEM_KEYS):
        raise ConfigError(where, f"needs exactly the keys {', '.join(PARTNER_ITEM_KEYS)}")
    for key, kind in PARTNER_ITEM_KEYS.items():
        if not isinstance(item[key], kind) or isinstance(item[key], bool) or (kind is str and not item[key].strip()):
            raise ConfigError(f"{where}.{key}", f"must be a {'whole number' if kind is int else 'non-empty text'}")
    if item["price_minutes"] <= 0 or item["stock"] < 0:
        raise ConfigError(where, "price_minutes must be positive and stock not negative")
    return CatalogueEntry(item["partner"], item["partner_name"], item["item"], item["name"],
                          item["price_minutes"], item["stock"])


def _resolve(base_dir: Path, value: str) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else (base_dir / path)


def _text(merged: dict, section: str, key: str) -> str:
    value = merged[section][key]
    if not isinstance(value, str) or not value.strip():
        raise ConfigError(f"{section}.{key}", "must be a non-empty string")
    return value.strip()


def _corrections(merged: dict) -> CorrectionRules:
    """[corrections]: who may grant, reverse and adjust ("admin" or "staff"), and the caps every front end keeps."""
    section = merged["corrections"]
    for act in ("grant_by", "reverse_by", "adjust_by"):
        if section.get(act) not in (CORRECTIONS_ADMIN, CORRECTIONS_STAFF):
            raise ConfigError(f"corrections.{act}", 'must be "admin" or "staff"')
    return CorrectionRules(
        grant_by=section["grant_by"], reverse_by=section["reverse_by"], adjust_by=section["adjust_by"],
        max_per_act_min=_integer(merged, "corrections", "max_per_act_hours", 1, 1000) * 60,
        max_per_day_min=_integer(merged, "corrections", "max_per_day_hours", 1, 10_000) * 60,
        approval_over_min=_integer(merged, "corrections", "approval_over_hours", 0, 1000) * 60)


def _integer(merged: dict, section: str, key: str, low: int, high: int) -> int:
    try:
        value = int(merged[section][key])
    except (TypeError, ValueError):
        raise ConfigError(f"{section}.{key}", "must be a whole number") from None
    if not low <= value <= high:
        raise ConfigError(f"{section}.{key}", f"must be between {low} and {high}")
    return value


def _number(merged: dict, section: str, key: str, low: float, high: float) -> float:
    try:
        value = float(merged[section][key])
    except (TypeError, ValueError):
        raise ConfigError(f"{section}.{key}", "must be a number") from None
    if not low <= value <= high:
        raise ConfigError(f"{section}.{key}", f"must be between {low} and {high}")
    return value


def _url_path(value: Any) -> str:
    if not isinstance(value, str) or not value.startswith("/") or " " in value:
        raise ConfigError("server.path", "must start with / and contain no spaces")
    return value.rstrip("/") or "/"


def _token(value: Any) -> str:
    # WeChat accepts 3 to 32 letters and digits as the server token.
    if not isinstance(value, str) or not (3 <= len(value) <= 32) or not value.isalnum() or not value.isascii():
        raise ConfigError("wechat.token", "must be 3 to 32 letters or digits")
    return value


def _aes_key(key: str, value: Any) -> str:
    if value in ("", None):
        return ""
    if not isinstance(value, str) or len(value) != 43:
        raise ConfigError(key, "must be empty (plaintext mode) or the 43-character EncodingAESKey")
    try:
        decoded = base64.b64decode(value + "=", validate=True)
    except binascii.Error:
        raise ConfigError(key, "is not valid base64") from None
    if len(decoded) != 32:
        raise ConfigError(key, "must decode to 32 bytes")
    return value


MESSAGE_MODES = ("plaintext", "compatible", "safe")


def _message_mode(value: Any, aes_key: Any) -> str:
    if value in ("", None):
        return ""
    if value not in MESSAGE_MODES:
        raise ConfigError("wechat.message_mode", f"must be one of {', '.join(MESSAGE_MODES)} (or empty)")
    if value != "plaintext" and not aes_key:
        raise ConfigError("wechat.message_mode", f"{value} mode needs wechat.encoding_aes_key")
    return value


def _log_key(section: Any) -> bytes:
    """[privacy] log_key (base64); without one, log tags are keyed with the lookup key's hash, never unkeyed."""
    if not isinstance(section, dict) or not section.get("log_key"):
        return b""
    try:
        key = base64.b64decode(str(section["log_key"]), validate=True)
    except binascii.Error:
        raise ConfigError("privacy.log_key", "is not valid base64") from None
    if len(key) < 16:
        raise ConfigError("privacy.log_key", "must decode to at least 16 bytes (32 random bytes, base64)")
    return key


def _http_url(key: str, value: Any) -> str:
    if not isinstance(value, str) or not value.startswith(("http://", "https://")):
        raise ConfigError(key, "must be an http:// or https:// URL")
    return value.rstrip("/")


# Operators write the URLs they know; the bot needs the async drivers.
_ASYNC_DRIVERS = {
    "sqlite": "sqlite+aiosqlite",
    "postgresql": "postgresql+asyncpg",
    "postgres": "postgresql+asyncpg",
    "sqlite+aiosqlite": "sqlite+aiosqlite",
    "postgresql+asyncpg": "postgresql+asyncpg",
}


def _database_url(value: Any, data_dir: Path) -> str:
    if not value:
        return default_database_url(data_dir)
    if not isinstance(value, str) or "://" not in value:
        raise ConfigError("database.url", "must be a URL such as postgresql://user@host/db")
    scheme, rest = value.split("://", 1)
    if scheme not in _ASYNC_DRIVERS:
        raise ConfigError("database.url", "only SQLite and PostgreSQL are supported")
    return f"{_ASYNC_DRIVERS[scheme]}://{rest}"


def _redis_url(value: Any) -> str:
    if not value:
        return ""
    if not isinstance(value, str) or not value.startswith(("redis://", "rediss://", "unix://")):
        raise ConfigError("redis.url", "must start with redis://, rediss:// or unix:// (or be empty)")
    return value


def _openids(value: Any, key: str = "staff.openids") -> list[str]:
    if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
        raise ConfigError(key, "must be a list of OpenID strings")
    return [item.strip() for item in value]


def _notifications(merged: dict) -> NotificationConfig:
    templates = merged["notifications"]["templates"]
    if isinstance(templates, str):  # TIMEBANK_NOTIFICATIONS_TEMPLATES="task_offer=ID,reminder=ID"
        templates = dict(pair.strip().split("=", 1) for pair in templates.split(",") if "=" in pair)
    if not isinstance(templates, dict) or not all(
            isinstance(template_id, str) and template_id.strip() for template_id in templates.values()):
        raise ConfigError("notifications.templates", "must be a table of notification kind = \"template id\"")
    return NotificationConfig(
        customer_service_quota=_integer(merged, "notifications", "customer_service_quota", 0, 1000),
        tap_quota=_integer(merged, "notifications", "tap_quota", 0, 1000),
        tap_window_seconds=_integer(merged, "notifications", "tap_window_seconds", 1, 3600),
        templates={kind.strip(): template_id.strip() for kind, template_id in templates.items()},
    )


def _menu(merged: dict) -> tuple[MenuButton, ...]:
    try:
        return parse_menu(merged["menu"]["buttons"])
    except MenuError as error:
        raise ConfigError(error.key, error.problem) from None


def _broadcast(merged: dict) -> BroadcastRules:
    section = merged["broadcast"]
    for key, allowed in (("account_type", tuple(ACCOUNT_QUOTAS)), ("channel", CHANNELS)):
        if section[key] not in allowed:
            raise ConfigError(f"broadcast.{key}", f"must be one of {', '.join(allowed)}")
    return BroadcastRules(
        account_type=section["account_type"], channel=section["channel"],
        mass_quota=_integer(merged, "broadcast", "mass_quota", 0, 100),
        mass_calls_per_minute=_integer(merged, "broadcast", "mass_calls_per_minute", 1, 60),
        fanout_per_second=_number(merged, "broadcast", "fanout_per_second", 0.1, 1000.0),
        lease_s=_number(merged, "broadcast", "lease_seconds", 1.0, 3600.0),
        progress_every=_integer(merged, "broadcast", "progress_every", 1, 100_000),
        progress_seconds=_number(merged, "broadcast", "progress_seconds", 1.0, 3600.0),
        retry_attempts=_integer(merged, "broadcast", "retry_attempts", 1, 20),
        retry_base_s=_number(merged, "broadcast", "retry_base_seconds", 0.01, 600.0),
    )


def _knowledge(merged: dict, base_dir: Path) -> Faq:
    """The shipped FAQ, with the staff's own file (relative to the config file) replacing or adding entries."""
    name = merged["knowledge"]["faq_file"]
    if not isinstance(name, str):
        raise ConfigError("knowledge.faq_file", "must be a file name (or empty)")
    path = _resolve(base_dir, name) if name.strip() else None
    try:
        return load_faq(path)
    except FaqError as error:
        raise ConfigError("knowledge.faq_file", f"{path}: {error}") from None


def _log_level(value: Any) -> str:
    if not isinstance(value, str) or value.upper() not in ("DEBUG", "INFO", "WARNING", "ERROR"):
        raise ConfigError("log.level", "must be DEBUG, INFO, WARNING or ERROR")
    return value.upper()
