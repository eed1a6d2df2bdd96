"""Care calls: alerts.kind gains 'care_call', a wish to die said and then answered "no danger now".

Revision ID: 0014_care_calls
Revises: 0013_surveys
Create Date: 2026-12-07
"""

from alembic import op

revision = "0014_care_calls"
down_revision = "0013_surveys"
branch_labels = None
depends_on = None

OLD_KINDS = ("sos", "dispute", "low_rating", "no_show", "far_check_in", "nobody_in_reach", "late_cancel",
             "late_check_in", "short_visit", "approval", "cancel_loop", "unanswered")
NEW_KINDS = (*OLD_KINDS, "care_call")


def _kinds(kinds) -> str:
    return f"kind IN ({', '.join(repr(kind) for kind in kinds)})"


def upgrade() -> None:
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_alerts_known_kind"), type_="check")
        batch_op.create_check_constraint(op.f("ck_alerts_known_kind"), _kinds(NEW_KINDS))


def downgrade() -> None:
    op.execute("DELETE FROM alerts WHERE kind = 'care_call'")  # the older constraint refuses them
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_alerts_known_kind"), type_="check")
        batch_op.create_check_constraint(op.f("ck_alerts_known_kind"), _kinds(OLD_KINDS))
