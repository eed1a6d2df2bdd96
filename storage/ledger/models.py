"""The ledger's tables.

Transfers, holds, hold resolutions and idempotency keys are append-only: rows
are inserted, never updated or deleted. The account row is not history: it
caches running totals (TigerBeetle's debits/credits posted/pending), updated
in the same transaction as the rows they summarise, and `verify` recomputes
them from the history.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import BigInteger, Boolean, CheckConstraint, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, UTCDateTime
from storage.ledger.types import ACCOUNT_KINDS, HOLD_OUTCOMES, TRANSFER_KINDS
from storage.sealed_text import SealedText

KEY_LENGTH = 120
REF_LENGTH = 100


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


class AccountRow(Base):
    __tablename__ = "ledger_accounts"
    __table_args__ = (
        # Singleton system accounts use owner_ref "" rather than NULL, so the pair stays unique everywhere.
        UniqueConstraint("kind", "owner_ref"),
        CheckConstraint(_one_of("kind", ACCOUNT_KINDS), name="known_kind"),
        CheckConstraint(
            "debits_posted >= 0 AND credits_posted >= 0 AND debits_pending >= 0 AND credits_pending >= 0",
            name="totals_not_negative",
        ),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(16))
    owner_ref: Mapped[str] = mapped_column(String(REF_LENGTH))
    debits_posted: Mapped[int] = mapped_column(BigInteger, default=0)
    credits_posted: Mapped[int] = mapped_column(BigInteger, default=0)
    debits_pending: Mapped[int] = mapped_column(BigInteger, default=0)
    credits_pending: Mapped[int] = mapped_column(BigInteger, default=0)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class TransferRow(Base):
    __tablename__ = "ledger_transfers"
    __table_args__ = (
        # One request makes at most two legs: the main one and the part that overflowed a member's cap.
        UniqueConstraint("idempotency_key", "cap_overflow"),
        CheckConstraint("amount_min > 0", name="amount_positive"),
        CheckConstraint("debit_account_id <> credit_account_id", name="two_accounts"),
        CheckConstraint(_one_of("kind", TRANSFER_KINDS), name="known_kind"),
        # Statements page through one account's history newest first.
        Index("ix_ledger_transfers_debit_account_id_id", "debit_account_id", "id"),
        Index("ix_ledger_transfers_credit_account_id_id", "credit_account_id", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    idempotency_key: Mapped[str] = mapped_column(String(KEY_LENGTH))
    cap_overflow: Mapped[bool] = mapped_column(Boolean, default=False)
    kind: Mapped[str] = mapped_column(String(16))
    debit_account_id: Mapped[int] = mapped_column(ForeignKey("ledger_accounts.id"))
    credit_account_id: Mapped[int] = mapped_column(ForeignKey("ledger_accounts.id"))
    amount_min: Mapped[int] = mapped_column(BigInteger)
    actor: Mapped[str] = mapped_column(String(REF_LENGTH))
    task_ref: Mapped[str | None] = mapped_column(String(REF_LENGTH), index=True)
    reason: Mapped[str | None] = mapped_column(SealedText("ledger_transfers.reason"))
    hold_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_holds.id"), index=True)
    reversal_of_id: Mapped[int | None] = mapped_column(ForeignKey("ledger_transfers.id"), index=True)
    # A staff reversal allowed to take a member below their floor; verify relaxes that account's floor by it.
    overdraft_approved: Mapped[bool] = mapped_column(Boolean, default=False)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class HoldRow(Base):
    __tablename__ = "ledger_holds"
    __table_args__ = (
        CheckConstraint("amount_min > 0", name="amount_positive"),
        CheckConstraint("debit_account_id <> credit_account_id", name="two_accounts"),
        CheckConstraint(_one_of("kind", TRANSFER_KINDS), name="known_kind"),
        # Available balance subtracts the account's holds that are open and not yet past their deadline.
        Index("ix_ledger_holds_debit_account_id_expires_at", "debit_account_id", "expires_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    idempotency_key: Mapped[str] = mapped_column(String(KEY_LENGTH), unique=True)
    kind: Mapped[str] = mapped_column(String(16))
    debit_account_id: Mapped[int] = mapped_column(ForeignKey("ledger_accounts.id"))
    credit_account_id: Mapped[int] = mapped_column(ForeignKey("ledger_accounts.id"))
    amount_min: Mapped[int] = mapped_column(BigInteger)
    actor: Mapped[str] = mapped_column(String(REF_LENGTH))
    task_ref: Mapped[str | None] = mapped_column(String(REF_LENGTH), index=True)
    reason: Mapped[str | None] = mapped_column(SealedText("ledger_holds.reason"))
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime(), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class HoldResolutionRow(Base):
    """A hold's one outcome, as a new row: the hold itself is never updated.
    The unique hold_id is what makes "exactly one of post, void, expiry" a database fact."""

    __tablename__ = "ledger_hold_resolutions"
    __table_args__ = (
        CheckConstraint(_one_of("outcome", HOLD_OUTCOMES), name="known_outcome"),
        CheckConstraint("posted_min >= 0", name="posted_not_negative"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    hold_id: Mapped[int] = mapped_column(ForeignKey("ledger_holds.id"), unique=True)
    outcome: Mapped[str] = mapped_column(String(16))
    posted_min: Mapped[int] = mapped_column(BigInteger, default=0)
    actor: Mapped[str] = mapped_column(String(REF_LENGTH))
    reason: Mapped[str | None] = mapped_column(SealedText("ledger_hold_resolutions.reason"))
    resolved_at: Mapped[datetime] = mapped_column(UTCDateTime())


class IdempotencyKeyRow(Base):
    """Every key ever used, with the request it named and the result its caller was given."""

    __tablename__ = "ledger_idempotency_keys"

    key: Mapped[str] = mapped_column(String(KEY_LENGTH), primary_key=True)
    operation: Mapped[str] = mapped_column(String(16))
    request: Mapped[str] = mapped_column(Text)
    result: Mapped[str] = mapped_column(Text)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
