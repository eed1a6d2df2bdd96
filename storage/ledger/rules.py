"""The balance rules, checked inside the transaction on locked account rows."""

from __future__ import annotations

from storage.ledger.errors import InsufficientCredit
from storage.ledger.models import AccountRow
from storage.ledger.types import MEMBER, LedgerRules


def posted_balance(account: AccountRow) -> int:
    return account.credits_posted - account.debits_posted


def would_go_below_floor(account: AccountRow, available: int, amount: int, rules: LedgerRules) -> bool:
    """A member's floor is zero available, less the configured overdraft. System accounts have none."""
    return account.kind == MEMBER and available - amount < -rules.overdraft_min


def ensure_can_debit(account: AccountRow, available: int, amount: int, rules: LedgerRules,
                     overdraft_approved: bool = False) -> None:
    if would_go_below_floor(account, available, amount, rules) and not overdraft_approved:
        raise InsufficientCredit(account.id, available, amount)


def split_for_cap(account: AccountRow, amount: int, rules: LedgerRules) -> tuple[int, int]:
    """(credited, overflow): a member's posted balance never rises above the cap; system accounts have none."""
    if account.kind != MEMBER:
        return amount, 0
    room = max(0, rules.cap_min - posted_balance(account))
    credited = min(amount, room)
    return credited, amount - credited


def may_overflow(account: AccountRow | None, amount: int, rules: LedgerRules) -> bool:
    return account is not None and account.kind == MEMBER and posted_balance(account) + amount > rules.cap_min
