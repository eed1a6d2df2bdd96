"""The ledger's public values: configuration, requests and results, all frozen."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

MINUTES_PER_HOUR = 60

MEMBER = "member"
ISSUANCE, POOL, PARTNER, ADJUSTMENT = "issuance", "pool", "partner", "adjustment"
# System account kind -> whether it needs a ref (one partner account per business; the others are singletons).
SYSTEM_KINDS: dict[str, bool] = {ISSUANCE: False, POOL: False, PARTNER: True, ADJUSTMENT: False}
ACCOUNT_KINDS = (MEMBER, *SYSTEM_KINDS)

SERVICE, GIFT, DONATION, REDEMPTION, GRANT, ADJUSTMENT_KIND, REVERSAL = (
    "service", "gift", "donation", "redemption", "grant", "adjustment", "reversal")
TRANSFER_KINDS = (SERVICE, GIFT, DONATION, REDEMPTION, GRANT, ADJUSTMENT_KIND, REVERSAL)

POSTED, VOIDED, EXPIRED = "posted", "voided", "expired"
HOLD_OUTCOMES = (POSTED, VOIDED, EXPIRED)


@dataclass(frozen=True)
class LedgerRules:
    # 1,500 hours, as in Nanjing's scheme; what would be earned above it goes to the pool.
    cap_min: int = 1_500 * MINUTES_PER_HOUR
    overdraft_min: int = 0

    def __post_init__(self):
        if self.cap_min <= 0 or self.overdraft_min < 0:
            raise ValueError("cap_min must be positive and overdraft_min not negative")


DEFAULT_RULES = LedgerRules()


@dataclass(frozen=True)
class Account:
    id: int
    kind: str
    owner_ref: str


@dataclass(frozen=True)
class TransferRequest:
    debit_account_id: int
    credit_account_id: int
    amount_min: int
    kind: str
    idempotency_key: str
    actor: str
    task_ref: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class TransferResult:
    """What moved. `cap_overflow_min` is the part that did not reach a capped member: it went to
    the pool (`overflow_transfer_id`), or stayed there when the pool was the payer."""

    transfer_id: int | None
    overflow_transfer_id: int | None
    debit_account_id: int
    credit_account_id: int
    requested_min: int
    credited_min: int
    cap_overflow_min: int
    hold_id: int | None = None
    replayed: bool = False


@dataclass(frozen=True)
class HoldRequest:
    debit_account_id: int
    credit_account_id: int
    amount_min: int
    kind: str
    idempotency_key: str
    actor: str
    expires_at: datetime
    task_ref: str | None = None
    reason: str | None = None


@dataclass(frozen=True)
class HoldResult:
    hold_id: int
    debit_account_id: int
    credit_account_id: int
    amount_min: int
    expires_at: datetime
    replayed: bool = False


@dataclass(frozen=True)
class HoldOutcome:
    hold_id: int
    outcome: str
    released_min: int
    replayed: bool = False


@dataclass(frozen=True)
class Balance:
    account_id: int
    posted: int
    held: int
    available: int
    earned_total: int
    spent_total: int


@dataclass(frozen=True)
class StatementEntry:
    transfer_id: int
    at: datetime
    kind: str
    amount_min: int  # signed: + credited to this account, - debited from it
    counterparty_account_id: int
    balance_after_min: int
    task_ref: str | None
    reason: str | None
    reversal_of_id: int | None
    cap_overflow: bool


@dataclass(frozen=True)
class StatementPage:
    entries: tuple[StatementEntry, ...]
    next_before_id: int | None


@dataclass(frozen=True)
class VerifyReport:
    ok: bool
    problems: tuple[str, ...]
