"""The time-credit ledger: accounts, transfers, holds, hold resolutions, idempotency keys.

Revision ID: 0002_ledger
Revises: 0001_outbox
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

from storage.base import UTCDateTime

revision = "0002_ledger"
down_revision = "0001_outbox"
branch_labels = None
depends_on = None

TRANSFER_KINDS = "kind IN ('service', 'gift', 'donation', 'redemption', 'grant', 'adjustment', 'reversal')"


def upgrade() -> None:
    op.create_table(
        "ledger_accounts",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("owner_ref", sa.String(100), nullable=False),
        sa.Column("debits_posted", sa.BigInteger(), nullable=False),
        sa.Column("credits_posted", sa.BigInteger(), nullable=False),
        sa.Column("debits_pending", sa.BigInteger(), nullable=False),
        sa.Column("credits_pending", sa.BigInteger(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_accounts")),
        sa.UniqueConstraint("kind", "owner_ref", name=op.f("uq_ledger_accounts_kind_owner_ref")),
        sa.CheckConstraint("kind IN ('member', 'issuance', 'pool', 'partner', 'adjustment')",
                           name=op.f("ck_ledger_accounts_known_kind")),
        sa.CheckConstraint(
            "debits_posted >= 0 AND credits_posted >= 0 AND debits_pending >= 0 AND credits_pending >= 0",
            name=op.f("ck_ledger_accounts_totals_not_negative")),
    )
    op.create_table(
        "ledger_idempotency_keys",
        sa.Column("key", sa.String(120), nullable=False),
        sa.Column("operation", sa.String(16), nullable=False),
        sa.Column("request", sa.Text(), nullable=False),
        sa.Column("result", sa.Text(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("key", name=op.f("pk_ledger_idempotency_keys")),
    )
    op.create_table(
        "ledger_holds",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("idempotency_key", sa.String(120), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("debit_account_id", sa.Integer(), nullable=False),
        sa.Column("credit_account_id", sa.Integer(), nullable=False),
        sa.Column("amount_min", sa.BigInteger(), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("task_ref", sa.String(100), nullable=True),
        sa.Column("reason", sa.String(500), nullable=True),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_holds")),
        sa.UniqueConstraint("idempotency_key", name=op.f("uq_ledger_holds_idempotency_key")),
        sa.CheckConstraint("amount_min > 0", name=op.f("ck_ledger_holds_amount_positive")),
        sa.CheckConstraint("debit_account_id <> credit_account_id", name=op.f("ck_ledger_holds_two_accounts")),
        sa.CheckConstraint(TRANSFER_KINDS, name=op.f("ck_ledger_holds_known_kind")),
        sa.ForeignKeyConstraint(["debit_account_id"], ["ledger_accounts.id"],
                                name=op.f("fk_ledger_holds_debit_account_id_ledger_accounts")),
        sa.ForeignKeyConstraint(["credit_account_id"], ["ledger_accounts.id"],
                                name=op.f("fk_ledger_holds_credit_account_id_ledger_accounts")),
    )
    op.create_index(op.f("ix_ledger_holds_debit_account_id_expires_at"), "ledger_holds",
                    ["debit_account_id", "expires_at"])
    op.create_index(op.f("ix_ledger_holds_expires_at"), "ledger_holds", ["expires_at"])
    op.create_index(op.f("ix_ledger_holds_task_ref"), "ledger_holds", ["task_ref"])
    op.create_table(
        "ledger_hold_resolutions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("hold_id", sa.Integer(), nullable=False),
        sa.Column("outcome", sa.String(16), nullable=False),
        sa.Column("posted_min", sa.BigInteger(), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("reason", sa.String(500), nullable=True),
        sa.Column("resolved_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_hold_resolutions")),
        sa.UniqueConstraint("hold_id", name=op.f("uq_ledger_hold_resolutions_hold_id")),
        sa.CheckConstraint("outcome IN ('posted', 'voided', 'expired')",
                           name=op.f("ck_ledger_hold_resolutions_known_outcome")),
        sa.CheckConstraint("posted_min >= 0", name=op.f("ck_ledger_hold_resolutions_posted_not_negative")),
        sa.ForeignKeyConstraint(["hold_id"], ["ledger_holds.id"],
                                name=op.f("fk_ledger_hold_resolutions_hold_id_ledger_holds")),
    )
    op.create_table(
        "ledger_transfers",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("idempotency_key", sa.String(120), nullable=False),
        sa.Column("cap_overflow", sa.Boolean(), nullable=False),
        sa.Column("kind", sa.String(16), nullable=False),
        sa.Column("debit_account_id", sa.Integer(), nullable=False),
        sa.Column("credit_account_id", sa.Integer(), nullable=False),
        sa.Column("amount_min", sa.BigInteger(), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("task_ref", sa.String(100), nullable=True),
        sa.Column("reason", sa.String(500), nullable=True),
        sa.Column("hold_id", sa.Integer(), nullable=True),
        sa.Column("reversal_of_id", sa.Integer(), nullable=True),
        sa.Column("overdraft_approved", sa.Boolean(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_ledger_transfers")),
        sa.UniqueConstraint("idempotency_key", "cap_overflow",
                            name=op.f("uq_ledger_transfers_idempotency_key_cap_overflow")),
        sa.CheckConstraint("amount_min > 0", name=op.f("ck_ledger_transfers_amount_positive")),
        sa.CheckConstraint("debit_account_id <> credit_account_id", name=op.f("ck_ledger_transfers_two_accounts")),
        sa.CheckConstraint(TRANSFER_KINDS, name=op.f("ck_ledger_transfers_known_kind")),
        sa.ForeignKeyConstraint(["debit_account_id"], ["ledger_accounts.id"],
                                name=op.f("fk_ledger_transfers_debit_account_id_ledger_accounts")),
        sa.ForeignKeyConstraint(["credit_account_id"], ["ledger_accounts.id"],
                                name=op.f("fk_ledger_transfers_credit_account_id_ledger_accounts")),
        sa.ForeignKeyConstraint(["hold_id"], ["ledger_holds.id"],
                                name=op.f("fk_ledger_transfers_hold_id_ledger_holds")),
        sa.ForeignKeyConstraint(["reversal_of_id"], ["ledger_transfers.id"],
                                name=op.f("fk_ledger_transfers_reversal_of_id_ledger_transfers")),
    )
    op.create_index(op.f("ix_ledger_transfers_debit_account_id_id"), "ledger_transfers", ["debit_account_id", "id"])
    op.create_index(op.f("ix_ledger_transfers_credit_account_id_id"), "ledger_transfers", ["credit_account_id", "id"])
    op.create_index(op.f("ix_ledger_transfers_hold_id"), "ledger_transfers", ["hold_id"])
    op.create_index(op.f("ix_ledger_transfers_reversal_of_id"), "ledger_transfers", ["reversal_of_id"])
    op.create_index(op.f("ix_ledger_transfers_task_ref"), "ledger_transfers", ["task_ref"])


def downgrade() -> None:
    op.drop_table("ledger_transfers")
    op.drop_table("ledger_hold_resolutions")
    op.drop_table("ledger_holds")
    op.drop_table("ledger_idempotency_keys")
    op.drop_table("ledger_accounts")
