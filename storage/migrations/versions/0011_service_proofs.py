"""Proofs of service hours (志愿服务证明): one row per proof issued, its figures frozen, its code unique.

Revision ID: 0011_service_proofs
Revises: 0010_stars_and_honour_roll
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

from storage.base import UTCDateTime

revision = "0011_service_proofs"
down_revision = "0010_stars_and_honour_roll"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("service_proofs",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("code", sa.String(length=12), nullable=False),
    sa.Column("request_key", sa.String(length=120), nullable=False),
    sa.Column("member_id", sa.Integer(), nullable=False),
    sa.Column("issuer", sa.String(length=100), nullable=False),
    sa.Column("period_year", sa.Integer(), nullable=True),
    sa.Column("minutes_by_service", sa.JSON(), nullable=False),
    sa.Column("total_min", sa.Integer(), nullable=False),
    sa.Column("star_level", sa.Integer(), nullable=False),
    sa.Column("issued_at", UTCDateTime(), nullable=False),
    sa.Column("revoked_at", UTCDateTime(), nullable=True),
    sa.Column("revoked_by", sa.String(length=100), nullable=True),
    sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_service_proofs_member_id_members")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_service_proofs")),
    sa.UniqueConstraint("code", name=op.f("uq_service_proofs_code")),
    sa.UniqueConstraint("request_key", name=op.f("uq_service_proofs_request_key"))
    )
    with op.batch_alter_table("service_proofs", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_service_proofs_member_id"), ["member_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("service_proofs", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_service_proofs_member_id"))
    op.drop_table("service_proofs")
