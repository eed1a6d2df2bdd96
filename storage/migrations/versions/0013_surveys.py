"""Satisfaction surveys: the surveys staff send, and one answer per member and survey (its note sealed).

Revision ID: 0013_surveys
Revises: 0012_events
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

from storage.base import UTCDateTime
from storage.sealed_text import SealedText

revision = "0013_surveys"
down_revision = "0012_events"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "surveys",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("request_key", sa.String(length=100), nullable=False),
        sa.Column("broadcast_key", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("author_id", sa.Integer(), nullable=False),
        sa.Column("community", sa.String(length=32), nullable=True),
        sa.Column("days", sa.Integer(), nullable=True),
        sa.Column("served_since", UTCDateTime(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("closes_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("kind IN ('elder', 'volunteer')", name=op.f("ck_surveys_known_kind")),
        sa.ForeignKeyConstraint(["author_id"], ["members.id"], name=op.f("fk_surveys_author_id_members")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_surveys")),
        sa.UniqueConstraint("request_key", name=op.f("uq_surveys_request_key")),
        sa.UniqueConstraint("broadcast_key", name=op.f("uq_surveys_broadcast_key")),
    )
    op.create_table(
        "survey_answers",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("survey_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("community", sa.String(length=32), nullable=True),
        sa.Column("rating", sa.String(length=16), nullable=True),
        sa.Column("wishes", sa.JSON(), nullable=True),
        sa.Column("note", SealedText("survey_answers.note"), nullable=True),
        sa.Column("noted_at", UTCDateTime(), nullable=True),
        sa.Column("answered_at", UTCDateTime(), nullable=False),
        sa.CheckConstraint("rating IS NULL OR rating IN ('very', 'moderate', 'not')",
                           name=op.f("ck_survey_answers_known_rating")),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_survey_answers_member_id_members")),
        sa.ForeignKeyConstraint(["survey_id"], ["surveys.id"], name=op.f("fk_survey_answers_survey_id_surveys")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_survey_answers")),
        sa.UniqueConstraint("survey_id", "member_id", name=op.f("uq_survey_answers_survey_id_member_id")),
    )
    op.create_index(op.f("ix_survey_answers_survey_id"), "survey_answers", ["survey_id"], unique=False)


def downgrade() -> None:
    op.drop_index(op.f("ix_survey_answers_survey_id"), table_name="survey_answers")
    op.drop_table("survey_answers")
    op.drop_table("surveys")
