"""Events with sign-up and attendance: trainings, lectures, open days and activities staff organise.

events: one row per event; seats_taken counts the seats held, kept within capacity by a check and by the
conditional update that takes a seat. event_signups: one row per member and event (seated, waiting,
cancelled), with attendance and whether the training's certificate was recorded.

Revision ID: 0012_events
Revises: 0011_service_proofs
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

from storage.base import UTCDateTime

revision = "0012_events"
down_revision = "0011_service_proofs"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "events",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("request_key", sa.String(length=100), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("title", sa.String(length=64), nullable=False),
        sa.Column("place", sa.String(length=100), nullable=False),
        sa.Column("starts_at", UTCDateTime(), nullable=False),
        sa.Column("capacity", sa.Integer(), nullable=False),
        sa.Column("seats_taken", sa.Integer(), nullable=False),
        sa.Column("audience", sa.String(length=16), nullable=False),
        sa.Column("community", sa.String(length=50), nullable=True),
        sa.Column("service_code", sa.String(length=32), nullable=True),
        sa.Column("certificate_months", sa.Integer(), nullable=True),
        sa.Column("created_by", sa.Integer(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("qr_ticket", sa.String(length=200), nullable=True),
        sa.Column("day_reminded_at", UTCDateTime(), nullable=True),
        sa.Column("hour_reminded_at", UTCDateTime(), nullable=True),
        sa.CheckConstraint("kind IN ('training', 'lecture', 'open_day', 'activity')", name=op.f("ck_events_known_kind")),
        sa.CheckConstraint("audience IN ('community', 'all')", name=op.f("ck_events_known_audience")),
        sa.CheckConstraint("seats_taken >= 0 AND seats_taken <= capacity",
                           name=op.f("ck_events_seats_within_capacity")),
        sa.ForeignKeyConstraint(["created_by"], ["members.id"], name=op.f("fk_events_created_by_members")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_events")),
        sa.UniqueConstraint("request_key", name=op.f("uq_events_request_key")),
    )
    op.create_index(op.f("ix_events_starts_at"), "events", ["starts_at"], unique=False)
    op.create_table(
        "event_signups",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("event_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("signed_up_at", UTCDateTime(), nullable=False),
        sa.Column("moved_up_at", UTCDateTime(), nullable=True),
        sa.Column("attended_at", UTCDateTime(), nullable=True),
        sa.Column("attended_how", sa.String(length=16), nullable=True),
        sa.Column("certified_at", UTCDateTime(), nullable=True),
        sa.CheckConstraint("status IN ('seated', 'waiting', 'cancelled')", name=op.f("ck_event_signups_known_status")),
        sa.CheckConstraint("attended_how IS NULL OR attended_how IN ('scan', 'staff')",
                           name=op.f("ck_event_signups_known_way")),
        sa.ForeignKeyConstraint(["event_id"], ["events.id"], name=op.f("fk_event_signups_event_id_events")),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_event_signups_member_id_members")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_event_signups")),
        sa.UniqueConstraint("event_id", "member_id", name=op.f("uq_event_signups_event_id_member_id")),
    )
    op.create_index("ix_event_signups_event_id_status", "event_signups", ["event_id", "status"], unique=False)


def downgrade() -> None:
    op.drop_index("ix_event_signups_event_id_status", table_name="event_signups")
    op.drop_table("event_signups")
    op.drop_index(op.f("ix_events_starts_at"), table_name="events")
    op.drop_table("events")
