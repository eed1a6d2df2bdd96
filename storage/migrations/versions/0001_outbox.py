"""The outbox of messages pushed to members through the WeChat API.

Revision ID: 0001_outbox
Revises:
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

from storage.base import UTCDateTime

revision = "0001_outbox"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "outbound_messages",
        sa.Column("id", sa.Integer(), primary_key=True, autoincrement=True),
        sa.Column("openid", sa.String(64), nullable=False),
        sa.Column("dedupe_key", sa.String(200), nullable=True),
        sa.Column("reason", sa.String(32), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("attempts", sa.Integer(), nullable=False),
        sa.Column("next_attempt_at", UTCDateTime(), nullable=False),
        sa.Column("claimed_until", UTCDateTime(), nullable=True),
        sa.Column("last_error", sa.String(500), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("sent_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_outbound_messages")),
        sa.UniqueConstraint("dedupe_key", name=op.f("uq_outbound_messages_dedupe_key")),
    )
    op.create_index(op.f("ix_outbound_messages_openid"), "outbound_messages", ["openid"])
    op.create_index(op.f("ix_outbound_messages_status"), "outbound_messages", ["status"])


def downgrade() -> None:
    op.drop_table("outbound_messages")
