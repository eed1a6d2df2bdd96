"""What a handler may know about the world besides the message itself."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

from redis.asyncio import Redis

from handlers.faq import Faq, shipped_faq
from handlers.texts import say
from storage.corrections import DEFAULT_CORRECTION_RULES, CorrectionRules
from storage.broadcasts.values import DEFAULT_BROADCAST_RULES, BroadcastRules
from storage.db import Sessions
from storage.exchange import Catalogue, ExchangePolicy
from storage.job_queue import JobQueue
from storage.ledger import LedgerRules
from storage.privacy import KeyRing
from storage.redis_state import DialogueStore
from storage.sos_spool import SosSpool
from storage.stars import DEFAULT_STAR_RULES, StarRules
from storage.surveys import DEFAULT_SURVEY_RULES, SurveyRules
from storage.tasks.values import DEFAULT_TASK_RULES, TaskRules

LOCAL_TIME = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class Community:
    name: str
    hotline: str


@dataclass(frozen=True)
class Bank:
    """The stores and the rules the bank runs by."""

    sessions: Sessions
    keyring: KeyRing
    rules: LedgerRules
    policy: ExchangePolicy
    catalogue: Catalogue
    daily_transfer_limit_min: int
    staff_openids: tuple[str, ...] = ()  # [staff] openids and admins
    staff_admins: tuple[str, ...] = ()  # [staff] admins
    partner_operators: dict[str, tuple[str, ...]] = field(default_factory=dict)
    task_rules: TaskRules = DEFAULT_TASK_RULES
    jobs: JobQueue | None = None  # work for the job worker (bot/worker.py); None where no queue runs
    broadcasts: BroadcastRules = DEFAULT_BROADCAST_RULES  # [broadcast]: channel and quota
    doubt_silence: timedelta = timedelta(minutes=3)  # [safety]: an unanswered "您现在有危险吗？" then alerts
    corrections: CorrectionRules = DEFAULT_CORRECTION_RULES  # [corrections]: who may correct the ledger, how much
    stars: StarRules = DEFAULT_STAR_RULES  # [engagement]: star levels and milestones by hours served
    surveys: SurveyRules = DEFAULT_SURVEY_RULES  # [surveys]: whom `发问卷` asks by default, how long it stays open


@dataclass(frozen=True)
class ConsoleDoor:
    """The staff web console: its address, and the Redis that keeps its one-time login links."""

    redis: Redis
    base_url: str  # e.g. https://bank.example.org, without /console
    link_ttl: timedelta


@dataclass(frozen=True)
class ProofDesk:
    """Proofs of service hours: where anyone checks a code, and whether a picture can be drawn (a CJK font)."""

    verify_url: str  # the public page's address up to the code, e.g. https://bank.example.org/verify/
    drawable: bool


@dataclass(frozen=True)
class Context:
    community: Community
    dialogue: DialogueStore
    bank: Bank
    faq: Faq = field(default_factory=shipped_faq)  # the knowledge base: shipped answers and the staff's own file
    console: ConsoleDoor | None = None  # None where no web console is served
    sos_spool: SosSpool | None = None  # where an SOS is written before its reply (storage/sos_spool.py)
    proofs: ProofDesk | None = None  # None where no proof of service hours can be sent

    @staticmethod
    def local(moment: datetime) -> datetime:
        return moment.astimezone(LOCAL_TIME)

    def text(self, key: str, **values: str) -> str:
        return say(key, community=self.community.name, hotline=self.community.hotline, **values)
