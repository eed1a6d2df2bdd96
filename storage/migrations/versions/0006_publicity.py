"""Broadcasts and their recipients, WeChat tags and who has them, success stories.

Revision ID: 0006_publicity
Revises: 0005_service_requests
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

from storage.base import UTCDateTime

revision = "0006_publicity"
down_revision = "0005_service_requests"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("wechat_tags",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("name", sa.String(length=30), nullable=False),
    sa.Column("wechat_tag_id", sa.Integer(), nullable=True),
    sa.Column("created_at", UTCDateTime(), nullable=False),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_wechat_tags")),
    sa.UniqueConstraint("name", name=op.f("uq_wechat_tags_name")),
    sa.UniqueConstraint("wechat_tag_id", name=op.f("uq_wechat_tags_wechat_tag_id"))
    )
    op.create_table("broadcasts",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("request_key", sa.String(length=100), nullable=False),
    sa.Column("author_id", sa.Integer(), nullable=False),
    sa.Column("content", sa.Text(), nullable=False),
    sa.Column("audience", sa.String(length=48), nullable=False),
    sa.Column("channel", sa.String(length=16), nullable=False),
    sa.Column("status", sa.String(length=16), nullable=False),
    sa.Column("scheduled_at", UTCDateTime(), nullable=True),
    sa.Column("created_at", UTCDateTime(), nullable=False),
    sa.Column("confirmed_at", UTCDateTime(), nullable=True),
    sa.Column("started_at", UTCDateTime(), nullable=True),
    sa.Column("finished_at", UTCDateTime(), nullable=True),
    sa.Column("clientmsgid", sa.String(length=64), nullable=True),
    sa.Column("wechat_msg_id", sa.String(length=32), nullable=True),
    sa.Column("audience_size", sa.Integer(), nullable=False),
    sa.Column("sent", sa.Integer(), nullable=False),
    sa.Column("failed", sa.Integer(), nullable=False),
    sa.Column("skipped", sa.Integer(), nullable=False),
    sa.Column("result", sa.JSON(), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.CheckConstraint("channel IN ('mass', 'fanout')", name=op.f("ck_broadcasts_known_channel")),
    sa.CheckConstraint("status IN ('draft', 'scheduled', 'sending', 'done', 'cancelled', 'failed')", name=op.f("ck_broadcasts_known_status")),
    sa.ForeignKeyConstraint(["author_id"], ["members.id"], name=op.f("fk_broadcasts_author_id_members")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_broadcasts")),
    sa.UniqueConstraint("clientmsgid", name=op.f("uq_broadcasts_clientmsgid")),
    sa.UniqueConstraint("request_key", name=op.f("uq_broadcasts_request_key"))
    )
    with op.batch_alter_table("broadcasts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_broadcasts_wechat_msg_id"), ["wechat_msg_id"], unique=False)

    op.create_table("member_tags",
    sa.Column("member_id", sa.Integer(), nullable=False),
    sa.Column("tag_id", sa.Integer(), nullable=False),
    sa.Column("tagged_at", UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_member_tags_member_id_members")),
    sa.ForeignKeyConstraint(["tag_id"], ["wechat_tags.id"], name=op.f("fk_member_tags_tag_id_wechat_tags")),
    sa.PrimaryKeyConstraint("member_id", "tag_id", name=op.f("pk_member_tags"))
    )
    op.create_table("broadcast_recipients",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("broadcast_id", sa.Integer(), nullable=False),
    sa.Column("member_id", sa.Integer(), nullable=False),
    sa.Column("openid", sa.String(length=64), nullable=False),
    sa.Column("status", sa.String(length=16), nullable=False),
    sa.Column("claimed_until", UTCDateTime(), nullable=True),
    sa.Column("attempts", sa.Integer(), nullable=False),
    sa.Column("reason", sa.String(length=100), nullable=True),
    sa.Column("at", UTCDateTime(), nullable=True),
    sa.CheckConstraint("status IN ('pending', 'claimed', 'sent', 'failed', 'skipped')", name=op.f("ck_broadcast_recipients_known_status")),
    sa.ForeignKeyConstraint(["broadcast_id"], ["broadcasts.id"], name=op.f("fk_broadcast_recipients_broadcast_id_broadcasts")),
    sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_broadcast_recipients_member_id_members")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_broadcast_recipients")),
    sa.UniqueConstraint("broadcast_id", "member_id", name=op.f("uq_broadcast_recipients_broadcast_id_member_id"))
    )
    with op.batch_alter_table("broadcast_recipients", schema=None) as batch_op:
        batch_op.create_index("ix_broadcast_recipients_broadcast_id_status", ["broadcast_id", "status"], unique=False)

    op.create_table("success_stories",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("title", sa.String(length=64), nullable=False),
    sa.Column("body", sa.Text(), nullable=False),
    sa.Column("author_id", sa.Integer(), nullable=False),
    sa.Column("created_at", UTCDateTime(), nullable=False),
    sa.Column("broadcast_id", sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(["author_id"], ["members.id"], name=op.f("fk_success_stories_author_id_members")),
    sa.ForeignKeyConstraint(["broadcast_id"], ["broadcasts.id"], name=op.f("fk_success_stories_broadcast_id_broadcasts")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_success_stories"))
    )


def downgrade() -> None:
    op.drop_table("success_stories")
    with op.batch_alter_table("broadcast_recipients", schema=None) as batch_op:
        batch_op.drop_index("ix_broadcast_recipients_broadcast_id_status")

    op.drop_table("broadcast_recipients")
    op.drop_table("member_tags")
    with op.batch_alter_table("broadcasts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_broadcasts_wechat_msg_id"))

    op.drop_table("broadcasts")
    op.drop_table("wechat_tags")
