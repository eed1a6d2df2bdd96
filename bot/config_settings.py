"""The whole file as one model: the sections of bot/config_sections.py, filled from the TOML file and,
over it, from TIMEBANK_<SECTION>_<KEY> environment variables (pydantic-settings)."""

from __future__ import annotations

from types import MappingProxyType
from typing import Annotated, Any, Mapping, get_args, get_origin

from pydantic import BaseModel, Field, ValidationError
from pydantic.fields import FieldInfo
from pydantic_settings import BaseSettings, EnvSettingsSource, InitSettingsSource, SettingsConfigDict
from pydantic_settings.sources.utils import parse_env_vars

from bot.config_errors import ENV_PREFIX, config_error
from bot.config_sections import (BroadcastSection, CommunityConfig, ConsoleConfig, ConversationSection,
                                 CorrectionsSection, DatabaseSection, DataSection, DevSection, EngagementSection,
                                 ExchangeSection, KnowledgeSection, LedgerSection, LogSection, MenuSection,
                                 NotificationConfig, PartnerItem, PrivacySection, ProofSection, RedisSection,
                                 SafetySection, ServerConfig, StaffSection, SurveysSection, TasksSection, Text,
                                 WeChatConfig)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(
        env_prefix=ENV_PREFIX, env_nested_delimiter="_", env_nested_max_split=1,  # SECTION_KEY, the key may have _
        case_sensitive=False, extra="forbid", frozen=True)

    server: ServerConfig = Field(default_factory=ServerConfig)
    wechat: WeChatConfig = Field(default_factory=dict, validate_default=True)  # its account keys are required
    data: DataSection = Field(default_factory=DataSection)
    database: DatabaseSection = Field(default_factory=DatabaseSection)
    redis: RedisSection = Field(default_factory=RedisSection)
    staff: StaffSection = Field(default_factory=StaffSection)
    community: CommunityConfig = Field(default_factory=CommunityConfig)
    conversation: ConversationSection = Field(default_factory=ConversationSection)
    ledger: LedgerSection = Field(default_factory=LedgerSection)
    exchange: ExchangeSection = Field(default_factory=ExchangeSection)
    tasks: TasksSection = Field(default_factory=TasksSection)
    corrections: CorrectionsSection = Field(default_factory=CorrectionsSection)
    log: LogSection = Field(default_factory=LogSection)
    notifications: NotificationConfig = Field(default_factory=NotificationConfig)
    broadcast: BroadcastSection = Field(default_factory=BroadcastSection)
    menu: MenuSection = Field(default_factory=MenuSection)
    console: ConsoleConfig = Field(default_factory=ConsoleConfig)
    knowledge: KnowledgeSection = Field(default_factory=KnowledgeSection)
    safety: SafetySection = Field(default_factory=SafetySection)
    engagement: EngagementSection = Field(default_factory=EngagementSection)
    proof: ProofSection = Field(default_factory=ProofSection)
    surveys: SurveysSection = Field(default_factory=SurveysSection)
    dev: DevSection = Field(default_factory=DevSection)
    privacy: PrivacySection | None  # required in a file; the embedded defaults say None (a dev key ring)
    # Tables whose keys are data: service codes (storage.exchange checks them), items, partners.
    services: dict[str, dict[str, Any]] = {}
    partner_items: list[PartnerItem] = []
    partner_operators: dict[str, list[Text]] = {}  # partner code → who there may complete redemption codes


class EnvironmentSource(EnvSettingsSource):
    """TIMEBANK_<SECTION>_<KEY> from the mapping given: os.environ in production, a dict in tests."""

    def __init__(self, settings_cls: type[BaseSettings], environ: Mapping[str, str]):
        self._environ = environ
        super().__init__(settings_cls)

    def _load_env_vars(self) -> Mapping[str, str | None]:
        variables = parse_env_vars(self._environ, self.case_sensitive, self.env_ignore_empty, self.env_parse_none_str)
        # A blank variable (compose's ${VAR:-}) is unset where blank is no value of the key's kind (a list, a
        # table, a yes/no, the privacy keys); for a text key, blank is its value ("" redis url: the embedded one).
        return {name: value for name, value in variables.items() if value or name not in _BLANK_IS_UNSET}

    def decode_complex_value(self, field_name: str, field: FieldInfo | None, value: Any) -> Any:
        # What fits in one shell variable: lists as "a, b", tables as "k1=v1, k2=v2". A table from the
        # environment replaces the file's whole (a new key ring, not one merged with the file's), so it is
        # handed on read-only: the sources are merged key by key only where both sides are plain dicts.
        kind = get_origin(field.annotation) if field else None
        items = [item.strip() for item in value.split(",") if item.strip()]
        if kind is list:
            return items
        if kind is dict:
            return MappingProxyType(dict(item.split("=", 1) for item in items if "=" in item))
        return super().decode_complex_value(field_name, field, value)


PRIVACY_VARIABLES = f"{ENV_PREFIX}PRIVACY_"


def without_privacy(environ: Mapping[str, str]) -> dict[str, str]:
    """The embedded defaults keep their own dev key ring: production keys exported in this shell never seal
    dev data, and one of them alone does not stop `timebank dev`."""
    return {name: value for name, value in environ.items() if not name.upper().startswith(PRIVACY_VARIABLES)}


def _unwrapped(annotation: Any) -> Any:
    while get_origin(annotation) is Annotated:
        annotation = get_args(annotation)[0]
    return annotation


def _section_model(annotation: Any) -> type[BaseModel] | None:
    for candidate in (annotation, *get_args(annotation)):  # PrivacySection | None
        if isinstance(candidate, type) and issubclass(candidate, BaseModel):
            return candidate
    return None


def _blank_is_unset(settings: type[BaseSettings]) -> frozenset[str]:
    names = set()
    for section, field in settings.model_fields.items():
        model = _section_model(field.annotation)
        for key, inner in (model.model_fields.items() if model else ()):
            kind = _unwrapped(inner.annotation)
            if section == "privacy" or kind is bool or get_origin(kind) in (list, dict):
                names.add(f"{ENV_PREFIX}{section}_{key}".lower())
    return frozenset(names)


_BLANK_IS_UNSET = _blank_is_unset(Settings)


def read_settings(from_file: Mapping[str, Any], environ: Mapping[str, str]) -> Settings:
    """The file's tables, each key replaced by its environment variable where one is set."""
    sources = (EnvironmentSource(Settings, environ), InitSettingsSource(Settings, dict(from_file)))
    try:
        return Settings(_build_sources=(sources, {}))
    except ValidationError as error:
        raise config_error(error) from None
