"""The time-credit ledger: double-entry, append-only, in integer minutes.

Every function takes the app's `async_sessionmaker` and runs its own
transaction. See docs/ledger.md for the model and the rules.
"""

from storage.ledger.accounts import balance, member_balance, open_member_account, system_account
from storage.ledger.errors import (AccountNotFound, CapReached, HoldExpired, HoldNotFound, HoldNotOpen,
                                   IdempotencyKeyReused, InsufficientCredit, InvalidRequest, LedgerBusy, LedgerError,
                                   NonPositiveAmount, PostExceedsHold, ReversalExceedsRemainder, SameAccount,
                                   TransferNotFound)
from storage.ledger.export import export_csv
from storage.ledger.lookups import account_by_id, debited_since, key_used
from storage.ledger.holds import expire_holds, hold, hold_in, post_hold, post_hold_in, void_hold, void_hold_in
from storage.ledger.statement import statement
from storage.ledger.txn import in_transaction
from storage.ledger.reading import (TransferLine, TransferView, net_before_in, transfer_view, transfer_view_in, pool_balance, pool_balance_in, settled,
                                    settled_in, transfers_page)
from storage.ledger.transfers import reversed_so_far, reverse, transfer
from storage.ledger.types import (ADJUSTMENT, ADJUSTMENT_KIND, DEFAULT_RULES, DONATION, EXPIRED, GIFT, GRANT,
                                  ISSUANCE, MEMBER, PARTNER, POOL, POSTED, REDEMPTION, REVERSAL, SERVICE, VOIDED,
                                  Account, Balance, HoldOutcome, HoldRequest, HoldResult, LedgerRules, StatementEntry,
                                  StatementPage, TransferRequest, TransferResult, VerifyReport)
from storage.ledger.verify import verify

__all__ = [
    "reversed_so_far", "TransferLine", "net_before_in", "pool_balance", "pool_balance_in", "settled",
    "settled_in", "transfers_page", "TransferView", "transfer_view", "transfer_view_in",
    # operations
    "open_member_account", "system_account", "transfer", "hold", "post_hold", "void_hold", "expire_holds",
    "hold_in", "post_hold_in", "void_hold_in", "in_transaction",
    "reverse", "balance", "member_balance", "statement", "verify", "export_csv", "account_by_id", "debited_since", "key_used",
    # values
    "LedgerRules", "DEFAULT_RULES", "Account", "TransferRequest", "TransferResult", "HoldRequest", "HoldResult",
    "HoldOutcome", "Balance", "StatementEntry", "StatementPage", "VerifyReport",
    # names
    "MEMBER", "ISSUANCE", "POOL", "PARTNER", "ADJUSTMENT",
    "SERVICE", "GIFT", "DONATION", "REDEMPTION", "GRANT", "ADJUSTMENT_KIND", "REVERSAL",
    "POSTED", "VOIDED", "EXPIRED",
    # errors
    "LedgerError", "InvalidRequest", "NonPositiveAmount", "SameAccount", "AccountNotFound", "InsufficientCredit",
    "CapReached", "IdempotencyKeyReused", "HoldNotFound", "HoldNotOpen", "HoldExpired", "PostExceedsHold",
    "TransferNotFound", "ReversalExceedsRemainder", "LedgerBusy",
]
