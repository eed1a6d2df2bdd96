"""Configuration: a TOML file and environment overrides, read into the typed sections of
bot/config_sections.py, then built into the Config the rest of the bot uses.

Every key can come from the environment as TIMEBANK_<SECTION>_<KEY>, so that secrets never have to live in
the file. A missing, unknown or invalid key raises ConfigError naming the key; the CLI prints it as one line.
"""

from __future__ import annotations

import base64
import os
import tomllib
from dataclasses import dataclass, field, is_dataclass, replace
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import urlsplit

from pydantic import ValidationError

from bot.config_errors import ConfigError, config_error
from bot.config_sections import (WECHAT_API, CommunityConfig, ConsoleConfig, NotificationConfig, ServerConfig,
                                 WeChatConfig)
from bot.config_settings import Settings, read_settings, without_privacy
from bot.menu import MenuButton, MenuError, parse_menu
from handlers.faq import Faq, FaqError, load_faq
from storage.broadcasts.values import BroadcastRules
from storage.corrections.rules import CorrectionRules
from storage.exchange import DEFAULT_CATALOGUE, Catalogue, CatalogueError, ExchangePolicy
from storage.ledger import LedgerRules
from storage.privacy import KeyRing, PrivacyConfigError
from storage.redemptions import CatalogueEntry
from storage.stars import StarRules
from storage.surveys import SurveyRules
from storage.tasks.values import TaskRules

__all__ = ["WECHAT_API", "CommunityConfig", "Config", "ConfigError", "ConsoleConfig",
           "NotificationConfig", "ServerConfig", "WeChatConfig", "load_config"]

# With no file, `timebank dev` and the tests run on a development account, a development key ring under
# data_dir (privacy None) and a small partner catalogue marked as a demo. A config file must name real ones.
DEVELOPMENT: dict[str, Any] = {
    "wechat": {"app_id": "wx0000000000000dev", "app_secret": "timebank-dev-secret", "token": "timebankdevtoken"},
    "privacy": None,
    "partner_items": [
        {"partner": "demo_shop", "partner_name": "社区便民店（演示）", "item": "rice", "name": "大米一袋（演示）",
         "price_minutes": 60, "stock": 20},
        {"partner": "demo_shop", "partner_name": "社区便民店（演示）", "item": "eggs", "name": "鸡蛋一盒（演示）",
         "price_minutes": 30, "stock": 20},
        {"partner": "demo_clinic", "partner_name": "社区卫生站（演示）", "item": "checkup",
         "name": "量血压一次（演示）", "price_minutes": 15, "stock": 50},
    ],
}
EMBEDDED_SOURCE = "embedded defaults"

LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1", "[::1]")


@dataclass(frozen=True)
class Config:
    server: ServerConfig
    wechat: WeChatConfig
    data_dir: Path
    database_url: str = field(repr=False)  # may carry a password
    redis_url: str = field(repr=False)
    staff_openids: tuple[str, ...]
    staff_admins: tuple[str, ...]  # [staff] admins: promoted to admin like `openids` to staff
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
    notifications: NotificationConfig
    broadcast: BroadcastRules
    corrections: CorrectionRules
    stars: StarRules  # [engagement]: star levels and milestones by hours served
    menu: tuple[MenuButton, ...]
    console: ConsoleConfig
    knowledge: Faq  # the FAQ: shipped answers and [knowledge] faq_file
    log_key: bytes = field(repr=False)  # [privacy] log_key: keys the member tags in log lines
    is_dev: bool  # the embedded defaults (`timebank dev`, tests without a file)
    doubt_silence_min: int  # [safety]: silence after a doubtful emergency raises the alert
    movable_clock: bool  # [dev] movable_clock: only with the sandbox (api_base_url on loopback)
    surveys: SurveyRules  # [surveys]: satisfaction surveys
    certificate_font: Path | None = None  # [proof] certificate_font, resolved; None: look for a system CJK font
    verify_per_minute: int = 30  # [proof] verify_per_minute: checks of proof codes from one address

    @property
    def all_staff_openids(self) -> tuple[str, ...]:
        """[staff] openids and admins: an admin is staff too."""
        return tuple(dict.fromkeys((*self.staff_openids, *self.staff_admins)))

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
        return (*self.wechat.secrets(), self.server.metrics_token.get_secret_value(),
                *(password for password in passwords if password),
                *(base64.b64encode(key).decode() for key in (*keys, self.log_key) if key))

    def with_overrides(self, **sections: Mapping[str, Any]) -> Config:
        """A copy with some section fields replaced, e.g. wechat={"api_base_url": ...}; checked as the file is."""
        changes = {name: _overridden(name, getattr(self, name), values) for name, values in sections.items()}
        return replace(self, **changes)


def _overridden(name: str, section: Any, values: Mapping[str, Any]) -> Any:
    """A section model is checked again; the rules built from one (task_rules, broadcast …) are plain values."""
    if is_dataclass(section):
        return replace(section, **values)
    try:
        return type(section).model_validate({**dict(section), **values})
    except ValidationError as error:
        raise config_error(error, name) from None


# The example file's stand-ins: a server started on them would sign with a token anyone can read.
PLACEHOLDERS = {"app_id": "wx0000000000000000", "app_secret": "replace-me", "token": "replaceme"}


def refuse_placeholders(config: Config) -> None:
    """Outside `timebank dev`, start-up stops on the example's placeholder app id, secret or token."""
    wechat = config.wechat
    given = {"app_id": wechat.app_id, "app_secret": wechat.app_secret.get_secret_value(),
             "token": wechat.token.get_secret_value()}
    for key, placeholder in PLACEHOLDERS.items():
        if given[key] == placeholder:
            raise ConfigError(f"wechat.{key}", "still the example's placeholder: set the real one")


def default_database_url(data_dir: Path) -> str:
    return f"sqlite+aiosqlite:///{data_dir / 'timebank.sqlite3'}"


def load_config(path: str | os.PathLike | None = None, environ: Mapping[str, str] | None = None) -> Config:
    """`path` if given, else ./config.toml if present, else the embedded defaults."""
    environ = os.environ if environ is None else environ
    file_path = Path(path) if path else (Path("config.toml") if Path("config.toml").is_file() else None)
    from_file = _read_toml(file_path) if file_path else DEVELOPMENT
    settings = read_settings(from_file, environ if file_path else without_privacy(environ))
    base_dir = file_path.resolve().parent if file_path else Path.cwd()
    return _build(settings, base_dir, source=str(file_path) if file_path else EMBEDDED_SOURCE)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError("--config", f"no such file {path}") from None
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(str(path), f"not valid TOML ({error})") from None


def _build(settings: Settings, base_dir: Path, source: str) -> Config:
    data_dir = _resolve(base_dir, settings.data.dir)
    return Config(
        server=settings.server,
        wechat=settings.wechat,
        data_dir=data_dir,
        database_url=settings.database.url.get_secret_value() or default_database_url(data_dir),
        redis_url=settings.redis.url.get_secret_value(),
        staff_openids=tuple(settings.staff.openids),
        staff_admins=tuple(settings.staff.admins),
        community=settings.community,
        conversation_idle_timeout_s=settings.conversation.idle_timeout_s,
        ledger_rules=settings.ledger.rules,
        daily_transfer_limit_min=settings.ledger.daily_transfer_limit_minutes,
        exchange=settings.exchange.policy,
        task_rules=settings.tasks.rules,
        catalogue=_catalogue(settings.services),
        partner_items=_partner_items(settings),
        partner_operators={partner: tuple(openids) for partner, openids in settings.partner_operators.items()},
        privacy=_keyring(settings),
        log_level=settings.log.level,
        source=source,
        notifications=settings.notifications,
        broadcast=settings.broadcast.rules,
        corrections=settings.corrections.rules,
        stars=settings.engagement.star_rules,
        menu=_menu(settings),
        console=settings.console.resolved(settings.server),
        knowledge=_knowledge(settings, base_dir),
        log_key=base64.b64decode(settings.privacy.log_key.get_secret_value()) if settings.privacy else b"",
        is_dev=source == EMBEDDED_SOURCE,
        doubt_silence_min=settings.safety.doubt_silence_minutes,
        movable_clock=_movable_clock(settings),
        certificate_font=_resolve(base_dir, settings.proof.certificate_font) if settings.proof.certificate_font
        else None,
        verify_per_minute=settings.proof.verify_per_minute,
        surveys=settings.surveys.rules,
    )


def _movable_clock(settings: Settings) -> bool:
    """A moved clock pays and expires for real: never with WeChat itself, only with the sandbox on this machine."""
    if settings.dev.movable_clock:
        refuse_movable_clock_off_loopback(settings.wechat.api_base_url)
    return settings.dev.movable_clock


def refuse_movable_clock_off_loopback(api_base_url: str) -> None:
    if urlsplit(api_base_url).hostname not in LOOPBACK_HOSTS:
        raise ConfigError("dev.movable_clock", f"only with the sandbox: [wechat] api_base_url must be on loopback "
                                               f"(127.0.0.1), not {api_base_url}")


def _keyring(settings: Settings) -> KeyRing | None:
    if settings.privacy is None:
        return None
    try:
        keyring = KeyRing.from_config(settings.privacy.keyring_config())
    except PrivacyConfigError as error:
        key, _, problem = str(error).partition(": ")
        raise ConfigError(key, problem) from None
    if any(key.startswith(b"REPLACE-ME") for key in (*keyring.keys.values(), keyring.lookup_key)):
        raise ConfigError("privacy", "still the example's placeholder keys: `timebank keys` prints real ones")
    return keyring


def _catalogue(overrides: dict[str, dict[str, Any]]) -> Catalogue:
    """The default catalogue, with the services a file names replaced entry by entry."""
    if not overrides:
        return DEFAULT_CATALOGUE
    defaults = {code: {"name": service.name, "weight": str(service.weight), "certified": service.needs_certified}
                for code, service in DEFAULT_CATALOGUE.services.items()}
    try:
        return Catalogue.from_mapping({**defaults, **overrides})
    except CatalogueError as error:
        key, _, problem = str(error).partition(": ")
        raise ConfigError(f"services.{key}", problem) from None


def _partner_items(settings: Settings) -> tuple[CatalogueEntry, ...]:
    entries = tuple(CatalogueEntry(item.partner, item.partner_name, item.item, item.name, item.price_minutes,
                                   item.stock) for item in settings.partner_items)
    seen = [(entry.partner_code, entry.item_code) for entry in entries]
    if len(set(seen)) != len(seen):
        raise ConfigError("partner_items", "the same partner and item appear twice")
    return entries


def _menu(settings: Settings) -> tuple[MenuButton, ...]:
    try:
        return parse_menu(settings.menu.buttons)
    except MenuError as error:
        raise ConfigError(error.key, error.problem) from None


def _knowledge(settings: Settings, base_dir: Path) -> Faq:
    """The shipped FAQ, with the staff's own file (relative to the config file) replacing or adding entries."""
    name = settings.knowledge.faq_file
    path = _resolve(base_dir, name) if name.strip() else None
    try:
        return load_faq(path)
    except FaqError as error:
        raise ConfigError("knowledge.faq_file", f"{path}: {error}") from None


def _resolve(base_dir: Path, value: str) -> Path:
    path = Path(value).expanduser()
    return path if path.is_absolute() else (base_dir / path)
