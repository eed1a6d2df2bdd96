"""Exchange rules of the time bank: what a service costs, who pays for it, who may spend on what.

Pure Python, no database: handlers ask these questions before calling the ledger.
Credits never convert to cash; no function here or in the ledger does that.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from fractions import Fraction
from types import MappingProxyType

MINUTES_PER_HOUR = 60
MAX_WEIGHT = Fraction(10)


# ---------------------------------------------------------------- catalogue

@dataclass(frozen=True)
class Service:
    code: str
    name: str
    weight: Fraction  # the unified exchange standard (统一兑换标准): credits per minute of service
    needs_certified: bool  # only a volunteer with the matching training may accept it


# code, Chinese name, weight, needs a certified volunteer. Codes are the NLU contract's service codes.
DEFAULT_SERVICES = (
    ("medical_escort", "陪诊就医", "1.2", True),
    ("shopping", "代购买菜", "1.0", False),
    ("cleaning", "打扫保洁", "1.0", False),
    ("companionship", "陪伴聊天", "1.0", False),
    ("haircut", "上门理发", "1.2", True),
    ("meal", "助餐送餐", "1.1", False),
    ("bathing", "助浴", "1.5", True),
    ("repair", "居家小修", "1.2", False),
    ("errand", "跑腿代办", "1.0", False),
    ("digital_help", "智能手机帮教", "1.0", False),
)
SERVICE_CODES = tuple(code for code, *_ in DEFAULT_SERVICES)
ENTRY_KEYS = {"name", "weight", "certified"}


class CatalogueError(ValueError):
    """A catalogue entry is wrong; the message starts with the key at fault, e.g. `bathing.weight`."""


class UnknownService(LookupError):
    pass


def cost_of(weight: Fraction, minutes: int) -> int:
    """Credits in whole minutes: minutes × weight rounded half up, exactly (Fraction, no float).

    A positive duration never costs less than one minute.
    """
    if not isinstance(minutes, int) or isinstance(minutes, bool) or minutes <= 0:
        raise ValueError(f"minutes must be a positive whole number, got {minutes!r}")
    return max(1, math.floor(minutes * weight + Fraction(1, 2)))


@dataclass(frozen=True)
class Catalogue:
    services: Mapping[str, Service]

    def __getitem__(self, code: str) -> Service:
        try:
            return self.services[code]
        except KeyError:
            raise UnknownService(f"no service {code!r} in the catalogue") from None

    def __contains__(self, code: str) -> bool:
        return code in self.services

    def cost(self, code: str, minutes: int) -> int:
        return cost_of(self[code].weight, minutes)

    @classmethod
    def from_mapping(cls, data: Mapping[str, Mapping]) -> Catalogue:
        """Build from TOML-like data: {code: {name = "助浴", weight = 1.5, certified = true}}."""
        if not isinstance(data, Mapping) or not data:
            raise CatalogueError("services: must be a non-empty table of service codes")
        return cls(MappingProxyType({code: _parse_entry(code, entry) for code, entry in data.items()}))


def _parse_entry(code: str, entry) -> Service:
    if code not in SERVICE_CODES:
        raise CatalogueError(f"{code}: unknown service code; known: {', '.join(SERVICE_CODES)}")
    if not isinstance(entry, Mapping):
        raise CatalogueError(f"{code}: must be a table with name, weight and certified")
    if unknown := sorted(set(entry) - ENTRY_KEYS):
        raise CatalogueError(f"{code}.{unknown[0]}: unknown key; expected {', '.join(sorted(ENTRY_KEYS))}")
    name = entry.get("name")
    if not isinstance(name, str) or not name.strip():
        raise CatalogueError(f"{code}.name: must be a non-empty text, got {name!r}")
    certified = entry.get("certified", False)
    if not isinstance(certified, bool):
        raise CatalogueError(f"{code}.certified: must be true or false, got {certified!r}")
    return Service(code, name.strip(), _parse_weight(code, entry.get("weight")), certified)


def _parse_weight(code: str, value) -> Fraction:
    problem = f"{code}.weight: must be a number above 0 and at most {MAX_WEIGHT}, got {value!r}"
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise CatalogueError(problem)
    try:
        # Through str so that a TOML float 1.2 means exactly 6/5, not its binary approximation.
        weight = Fraction(str(value).strip())
    except (ValueError, ZeroDivisionError):
        raise CatalogueError(problem) from None
    if not 0 < weight <= MAX_WEIGHT:
        raise CatalogueError(problem)
    return weight


DEFAULT_CATALOGUE = Catalogue.from_mapping(
    {code: {"name": name, "weight": weight, "certified": certified} for code, name, weight, certified in DEFAULT_SERVICES}
)


# ---------------------------------------------------------------- who pays, who may spend

@dataclass(frozen=True)
class ExchangePolicy:
    elder_age: int = 80  # at or above: the pool (then issuance) pays when the elder cannot
    self_spend_age: int = 60  # at or above: may spend credits on services for oneself
    gift_recipient_age: int = 60  # younger members may give only to registered relatives this old


DEFAULT_POLICY = ExchangePolicy()

REQUESTER, POOL, ISSUANCE = "requester", "pool", "issuance"

# Reason codes; the handler words them kindly.
ALLOWED = "allowed"
PAID_BY_REQUESTER = "requester_balance"
SPONSORED_BY_POOL = "pool_sponsors_elder"
SPONSORED_BY_ISSUANCE = "issuance_sponsors_elder"
INSUFFICIENT_BALANCE = "insufficient_balance"
BELOW_SPENDING_AGE = "below_spending_age"
NOT_A_RELATIVE = "not_a_registered_relative"
RECIPIENT_TOO_YOUNG = "recipient_below_age"


@dataclass(frozen=True)
class Decision:
    allowed: bool
    reason: str


@dataclass(frozen=True)
class Payment:
    payer: str | None  # REQUESTER, POOL, ISSUANCE, or None when refused
    reason: str

    @property
    def allowed(self) -> bool:
        return self.payer is not None


def may_spend_on_self(age: int, policy: ExchangePolicy = DEFAULT_POLICY) -> Decision:
    if age >= policy.self_spend_age:
        return Decision(True, ALLOWED)
    return Decision(False, BELOW_SPENDING_AGE)


def may_give(recipient_age: int, recipient_is_registered_relative: bool,
             policy: ExchangePolicy = DEFAULT_POLICY) -> Decision:
    """Gifts go only to registered relatives old enough to spend them, so credits cannot become a market."""
    if not recipient_is_registered_relative:
        return Decision(False, NOT_A_RELATIVE)
    if recipient_age < policy.gift_recipient_age:
        return Decision(False, RECIPIENT_TOO_YOUNG)
    return Decision(True, ALLOWED)


def may_donate() -> Decision:
    """Any member, of any age, may donate credits to the community pool."""
    return Decision(True, ALLOWED)


def is_eligible_elder(age: int, in_need: bool, policy: ExchangePolicy = DEFAULT_POLICY) -> bool:
    return in_need or age >= policy.elder_age


def who_pays(cost_min: int, requester_age: int, requester_available_min: int, pool_available_min: int,
             in_need: bool = False, policy: ExchangePolicy = DEFAULT_POLICY) -> Payment:
    """The requester (the person served) when old enough and able; else, for an eligible elder
    (old enough, or flagged by staff as in need), the pool while it can cover the whole cost, then issuance."""
    if may_spend_on_self(requester_age, policy).allowed and requester_available_min >= cost_min:
        return Payment(REQUESTER, PAID_BY_REQUESTER)
    if is_eligible_elder(requester_age, in_need, policy):
        if pool_available_min >= cost_min:
            return Payment(POOL, SPONSORED_BY_POOL)
        return Payment(ISSUANCE, SPONSORED_BY_ISSUANCE)
    if not may_spend_on_self(requester_age, policy).allowed:
        return Payment(None, BELOW_SPENDING_AGE)
    return Payment(None, INSUFFICIENT_BALANCE)


# ---------------------------------------------------------------- display

def format_minutes(minutes: int) -> str:
    """Pinned display form, read by other tools: 1小时5分钟, 2小时, 30分钟, 0分钟; negatives get a leading -."""
    sign = "-" if minutes < 0 else ""
    hours, rest = divmod(abs(minutes), MINUTES_PER_HOUR)
    text = (f"{hours}小时" if hours else "") + (f"{rest}分钟" if rest else "")
    return sign + (text or "0分钟")
