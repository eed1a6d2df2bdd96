"""Why the ledger refused an operation: one exception type per reason.

Every exception carries a stable `code` so a handler can pick its (kind)
wording from a table without parsing messages.
"""

from __future__ import annotations


class LedgerError(Exception):
    code = "ledger_error"


class InvalidRequest(LedgerError, ValueError):
    code = "invalid_request"


class NonPositiveAmount(InvalidRequest):
    code = "non_positive_amount"


class SameAccount(InvalidRequest):
    code = "same_account"


class AccountNotFound(LedgerError, LookupError):
    code = "account_not_found"


class InsufficientCredit(LedgerError):
    code = "insufficient_credit"

    def __init__(self, account_id: int, available_min: int, needed_min: int):
        super().__init__(f"account {account_id} has {available_min} min available, needs {needed_min}")
        self.account_id = account_id
        self.available_min = available_min
        self.needed_min = needed_min


class CapReached(LedgerError):
    """Only when nothing at all can be credited and there is nowhere else for it to go (the pool paid)."""

    code = "cap_reached"


class IdempotencyKeyReused(LedgerError):
    code = "idempotency_key_reused"

    def __init__(self, key: str, first_request: str, this_request: str):
        super().__init__(f"idempotency key {key!r} was used for {first_request}, not {this_request}")
        self.key = key


class HoldNotFound(LedgerError, LookupError):
    code = "hold_not_found"


class HoldNotOpen(LedgerError):
    """The hold was already posted, voided or expired: exactly one outcome per hold."""

    code = "hold_not_open"

    def __init__(self, hold_id: int, outcome: str):
        super().__init__(f"hold {hold_id} is already {outcome}")
        self.outcome = outcome
        self.hold_id = hold_id
        self.outcome = outcome


class HoldExpired(LedgerError):
    code = "hold_expired"


class PostExceedsHold(InvalidRequest):
    code = "post_exceeds_hold"


class TransferNotFound(LedgerError, LookupError):
    code = "transfer_not_found"


class ReversalExceedsRemainder(LedgerError):
    code = "reversal_exceeds_remainder"

    def __init__(self, transfer_id: int, remaining_min: int, asked_min: int):
        super().__init__(f"transfer {transfer_id} has {remaining_min} min left to reverse, asked {asked_min}")
        self.transfer_id = transfer_id
        self.remaining_min = remaining_min
        self.asked_min = asked_min


class LedgerBusy(LedgerError):
    """Serialization failures or deadlocks outlasted the bounded retries; nothing was written."""

    code = "ledger_busy"
