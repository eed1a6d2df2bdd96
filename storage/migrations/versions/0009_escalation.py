"""No request left behind: how far a request's escalation got, staff's part in it, volunteers who pause.

service_requests.escalation_step: 0 best-matched volunteers told, 1 the whole community, 2 the neighbouring
communities, 3 staff alerted (staff_alerted_at); staff_called_at: staff phoned the elder.
members.offers_paused_until: a volunteer away (暂停接单) gets no offers before then.
alerts.kind gains 'unanswered'.

Revision ID: 0009_escalation
Revises: 0008_sealed_free_text
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

from storage.base import UTCDateTime

revision = "0009_escalation"
down_revision = "0008_sealed_free_text"
branch_labels = None
depends_on = None

OLD_KINDS = ("sos", "dispute", "low_rating", "no_show", "far_check_in", "nobody_in_reach", "late_cancel",
             "late_check_in", "short_visit", "approval", "cancel_loop")
NEW_KINDS = (*OLD_KINDS, "unanswered")


def _kinds(kinds) -> str:
    return f"kind IN ({', '.join(repr(kind) for kind in kinds)})"


def upgrade() -> None:
    with op.batch_alter_table("service_requests", schema=None) as batch_op:
        batch_op.add_column(sa.Column("escalation_step", sa.Integer(), nullable=False, server_default="0"))
        batch_op.add_column(sa.Column("staff_alerted_at", UTCDateTime(), nullable=True))
        batch_op.add_column(sa.Column("staff_called_at", UTCDateTime(), nullable=True))
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.add_column(sa.Column("offers_paused_until", UTCDateTime(), nullable=True))
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_alerts_known_kind"), type_="check")
        batch_op.create_check_constraint(op.f("ck_alerts_known_kind"), _kinds(NEW_KINDS))


def downgrade() -> None:
    op.execute("DELETE FROM alerts WHERE kind = 'unanswered'")  # the older constraint refuses them
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_alerts_known_kind"), type_="check")
        batch_op.create_check_constraint(op.f("ck_alerts_known_kind"), _kinds(OLD_KINDS))
    with op.batch_alter_table("members", schema=None) as batch_op:
        batch_op.drop_column("offers_paused_until")
    with op.batch_alter_table("service_requests", schema=None) as batch_op:
        batch_op.drop_column("staff_called_at")
        batch_op.drop_column("staff_alerted_at")
        batch_op.drop_column("escalation_step")
