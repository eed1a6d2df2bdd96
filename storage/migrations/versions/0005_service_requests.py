"""Service requests and their events, offers and ratings; staff alerts; delivery attempts; home points.

Revision ID: 0005_service_requests
Revises: 0004_redemptions
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

from storage.base import UTCDateTime


revision = "0005_service_requests"
down_revision = "0004_redemptions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table("alerts",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("kind", sa.String(length=24), nullable=False),
    sa.Column("status", sa.String(length=16), nullable=False),
    sa.Column("member_id", sa.Integer(), nullable=True),
    sa.Column("openid", sa.String(length=64), nullable=True),
    sa.Column("request_id", sa.Integer(), nullable=True),
    sa.Column("community", sa.String(length=32), nullable=True),
    sa.Column("detail", sa.JSON(), nullable=False),
    sa.Column("created_at", UTCDateTime(), nullable=False),
    sa.Column("handled_at", UTCDateTime(), nullable=True),
    sa.Column("handled_by", sa.String(length=100), nullable=True),
    sa.Column("note", sa.String(length=500), nullable=True),
    sa.CheckConstraint("kind IN ('sos', 'dispute', 'low_rating', 'no_show', 'far_check_in', 'nobody_in_reach', 'late_cancel')", name=op.f("ck_alerts_known_kind")),
    sa.CheckConstraint("status IN ('open', 'handled')", name=op.f("ck_alerts_known_status")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_alerts"))
    )
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.create_index("ix_alerts_status_id", ["status", "id"], unique=False)

    op.create_table("delivery_attempts",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("message_id", sa.Integer(), nullable=False),
    sa.Column("channel", sa.String(length=16), nullable=False),
    sa.Column("result", sa.String(length=16), nullable=False),
    sa.Column("errcode", sa.Integer(), nullable=True),
    sa.Column("error", sa.String(length=500), nullable=True),
    sa.Column("at", UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(["message_id"], ["outbound_messages.id"], name=op.f("fk_delivery_attempts_message_id_outbound_messages")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_delivery_attempts"))
    )
    with op.batch_alter_table("delivery_attempts", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_delivery_attempts_message_id"), ["message_id"], unique=False)

    op.create_table("member_home_points",
    sa.Column("member_id", sa.Integer(), nullable=False),
    sa.Column("point_enc", sa.Text(), nullable=False),
    sa.Column("updated_at", UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_member_home_points_member_id_members")),
    sa.PrimaryKeyConstraint("member_id", name=op.f("pk_member_home_points"))
    )
    op.create_table("service_requests",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("request_key", sa.String(length=100), nullable=False),
    sa.Column("requester_id", sa.Integer(), nullable=False),
    sa.Column("posted_by", sa.String(length=100), nullable=False),
    sa.Column("service_code", sa.String(length=32), nullable=False),
    sa.Column("community", sa.String(length=32), nullable=True),
    sa.Column("starts_at", UTCDateTime(), nullable=False),
    sa.Column("duration_min", sa.Integer(), nullable=False),
    sa.Column("cost_min", sa.Integer(), nullable=False),
    sa.Column("place_enc", sa.Text(), nullable=True),
    sa.Column("place_point_enc", sa.Text(), nullable=True),
    sa.Column("notes_enc", sa.Text(), nullable=True),
    sa.Column("status", sa.String(length=16), nullable=False),
    sa.Column("volunteer_id", sa.Integer(), nullable=True),
    sa.Column("acceptance_no", sa.Integer(), nullable=False),
    sa.Column("payer", sa.String(length=16), nullable=True),
    sa.Column("hold_id", sa.Integer(), nullable=True),
    sa.Column("accepted_at", UTCDateTime(), nullable=True),
    sa.Column("checked_in_at", UTCDateTime(), nullable=True),
    sa.Column("check_in_distance_m", sa.Integer(), nullable=True),
    sa.Column("checked_out_at", UTCDateTime(), nullable=True),
    sa.Column("check_out_distance_m", sa.Integer(), nullable=True),
    sa.Column("finished_at", UTCDateTime(), nullable=True),
    sa.Column("expires_at", UTCDateTime(), nullable=False),
    sa.Column("version", sa.Integer(), nullable=False),
    sa.Column("created_at", UTCDateTime(), nullable=False),
    sa.Column("updated_at", UTCDateTime(), nullable=False),
    sa.CheckConstraint("status IN ('open', 'accepted', 'in_service', 'done', 'disputed', 'cancelled', 'expired')", name=op.f("ck_service_requests_known_status")),
    sa.CheckConstraint("volunteer_id IS NOT NULL OR status IN ('open', 'cancelled', 'expired')", name=op.f("ck_service_requests_taken_has_volunteer")),
    sa.CheckConstraint("duration_min > 0 AND cost_min > 0", name=op.f("ck_service_requests_positive_amounts")),
    sa.ForeignKeyConstraint(["requester_id"], ["members.id"], name=op.f("fk_service_requests_requester_id_members")),
    sa.ForeignKeyConstraint(["volunteer_id"], ["members.id"], name=op.f("fk_service_requests_volunteer_id_members")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_service_requests")),
    sa.UniqueConstraint("request_key", name=op.f("uq_service_requests_request_key"))
    )
    with op.batch_alter_table("service_requests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_service_requests_requester_id"), ["requester_id"], unique=False)
        batch_op.create_index("ix_service_requests_status_starts_at", ["status", "starts_at"], unique=False)
        batch_op.create_index("ix_service_requests_volunteer_id_status", ["volunteer_id", "status"], unique=False)

    op.create_table("task_events",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("request_id", sa.Integer(), nullable=False),
    sa.Column("from_status", sa.String(length=16), nullable=True),
    sa.Column("to_status", sa.String(length=16), nullable=False),
    sa.Column("event", sa.String(length=32), nullable=False),
    sa.Column("actor", sa.String(length=100), nullable=False),
    sa.Column("volunteer_id", sa.Integer(), nullable=True),
    sa.Column("late", sa.Boolean(), nullable=False),
    sa.Column("reason", sa.String(length=500), nullable=True),
    sa.Column("detail", sa.JSON(), nullable=False),
    sa.Column("at", UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(["request_id"], ["service_requests.id"], name=op.f("fk_task_events_request_id_service_requests")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_task_events"))
    )
    with op.batch_alter_table("task_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_task_events_request_id"), ["request_id"], unique=False)

    op.create_table("task_offers",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("request_id", sa.Integer(), nullable=False),
    sa.Column("volunteer_id", sa.Integer(), nullable=False),
    sa.Column("rank", sa.Integer(), nullable=False),
    sa.Column("offered_at", UTCDateTime(), nullable=False),
    sa.ForeignKeyConstraint(["request_id"], ["service_requests.id"], name=op.f("fk_task_offers_request_id_service_requests")),
    sa.ForeignKeyConstraint(["volunteer_id"], ["members.id"], name=op.f("fk_task_offers_volunteer_id_members")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_task_offers")),
    sa.UniqueConstraint("request_id", "volunteer_id", name=op.f("uq_task_offers_request_id_volunteer_id"))
    )
    op.create_table("task_ratings",
    sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
    sa.Column("request_id", sa.Integer(), nullable=False),
    sa.Column("side", sa.String(length=16), nullable=False),
    sa.Column("rater_id", sa.Integer(), nullable=False),
    sa.Column("ratee_id", sa.Integer(), nullable=False),
    sa.Column("stars", sa.Integer(), nullable=False),
    sa.Column("comment_enc", sa.Text(), nullable=True),
    sa.Column("at", UTCDateTime(), nullable=False),
    sa.CheckConstraint("side IN ('requester', 'volunteer')", name=op.f("ck_task_ratings_known_side")),
    sa.CheckConstraint("stars BETWEEN 1 AND 5", name=op.f("ck_task_ratings_one_to_five")),
    sa.ForeignKeyConstraint(["ratee_id"], ["members.id"], name=op.f("fk_task_ratings_ratee_id_members")),
    sa.ForeignKeyConstraint(["rater_id"], ["members.id"], name=op.f("fk_task_ratings_rater_id_members")),
    sa.ForeignKeyConstraint(["request_id"], ["service_requests.id"], name=op.f("fk_task_ratings_request_id_service_requests")),
    sa.PrimaryKeyConstraint("id", name=op.f("pk_task_ratings")),
    sa.UniqueConstraint("request_id", "side", name=op.f("uq_task_ratings_request_id_side"))
    )
    with op.batch_alter_table("task_ratings", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_task_ratings_ratee_id"), ["ratee_id"], unique=False)

    with op.batch_alter_table("outbound_messages", schema=None) as batch_op:
        batch_op.add_column(sa.Column("kind", sa.String(length=32), nullable=True))
        batch_op.add_column(sa.Column("notice", sa.JSON(), nullable=True))



def downgrade() -> None:
    with op.batch_alter_table("outbound_messages", schema=None) as batch_op:
        batch_op.drop_column("notice")
        batch_op.drop_column("kind")

    with op.batch_alter_table("task_ratings", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_task_ratings_ratee_id"))

    op.drop_table("task_ratings")
    op.drop_table("task_offers")
    with op.batch_alter_table("task_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_task_events_request_id"))

    op.drop_table("task_events")
    with op.batch_alter_table("service_requests", schema=None) as batch_op:
        batch_op.drop_index("ix_service_requests_volunteer_id_status")
        batch_op.drop_index("ix_service_requests_status_starts_at")
        batch_op.drop_index(batch_op.f("ix_service_requests_requester_id"))

    op.drop_table("service_requests")
    op.drop_table("member_home_points")
    with op.batch_alter_table("delivery_attempts", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_delivery_attempts_message_id"))

    op.drop_table("delivery_attempts")
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.drop_index("ix_alerts_status_id")

    op.drop_table("alerts")
