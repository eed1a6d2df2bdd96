"""Partner catalogue with stock, and redemption codes backed by ledger holds.

Revision ID: 0004_redemptions
Revises: 0003_members
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

from storage.base import UTCDateTime

revision = "0004_redemptions"
down_revision = "0003_members"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "partner_items",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("partner_code", sa.String(40), nullable=False),
        sa.Column("partner_name", sa.String(100), nullable=False),
        sa.Column("item_code", sa.String(40), nullable=False),
        sa.Column("name", sa.String(100), nullable=False),
        sa.Column("price_min", sa.Integer(), nullable=False),
        sa.Column("stock", sa.Integer(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_partner_items")),
        sa.UniqueConstraint("partner_code", "item_code", name=op.f("uq_partner_items_partner_code_item_code")),
    )
    op.create_table(
        "redemptions",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("code", sa.String(6), nullable=False),
        sa.Column("request_key", sa.String(200), nullable=False),
        sa.Column("member_account_id", sa.Integer(), nullable=False),
        sa.Column("item_id", sa.Integer(), nullable=False),
        sa.Column("price_min", sa.Integer(), nullable=False),
        sa.Column("hold_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("expires_at", UTCDateTime(), nullable=False),
        sa.Column("closed_at", UTCDateTime(), nullable=True),
        sa.Column("closed_by", sa.String(100), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_redemptions")),
        sa.UniqueConstraint("code", name=op.f("uq_redemptions_code")),
        sa.UniqueConstraint("request_key", name=op.f("uq_redemptions_request_key")),
    )
    op.create_index(op.f("ix_redemptions_member_account_id"), "redemptions", ["member_account_id"])
    op.create_index(op.f("ix_redemptions_status"), "redemptions", ["status"])


def downgrade() -> None:
    op.drop_table("redemptions")
    op.drop_table("partner_items")
