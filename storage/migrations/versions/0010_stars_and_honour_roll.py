"""Star levels and the honour roll: which congratulations were given, and who said yes to the roll.

star_milestones: one row per volunteer and step congratulated (unique: told once, however payments race).
honour_roll_choices: a member's own 上光荣榜 / 不上光荣榜.

Revision ID: 0010_stars_and_honour_roll
Revises: 0009_escalation
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

from storage.base import UTCDateTime

revision = "0010_stars_and_honour_roll"
down_revision = "0009_escalation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("star_milestones",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("member_id", sa.Integer(), nullable=False),
    sa.Column("step_hours", sa.Integer(), nullable=False),
    sa.Column("reached_at", UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_star_milestones_member_id_members")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_star_milestones")),
    sa.UniqueConstraint("member_id", "step_hours", name=op.f("uq_star_milestones_member_id_step_hours"))
    )
    op.create_table("honour_roll_choices",
    sa.Column("member_id", sa.Integer(), nullable=False),
    sa.Column("opted_in", sa.Boolean(), nullable=False),
    sa.Column("decided_at", UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_honour_roll_choices_member_id_members")),
    sa.PrimaryKeyConstraint("member_id", name=op.f("pk_honour_roll_choices"))
    )


def downgrade() -> None:
    op.drop_table("honour_roll_choices")
    op.drop_table("star_milestones")
