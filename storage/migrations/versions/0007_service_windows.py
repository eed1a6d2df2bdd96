"""The ledger's tables refuse UPDATE and DELETE in the database; staff corrections get their own record (a unique
key per act); alerts for late check-ins, short visits and corrections waiting for approval.

Revision ID: 0007_service_windows
Revises: 0006_publicity
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import op

from storage.base import UTCDateTime

revision = "0007_service_windows"
down_revision = "0006_publicity"
branch_labels = None
depends_on = None

# Balances are cached on ledger_accounts and stay updatable (by the ledger only); everything else it writes is
# a fact: a transfer, a hold, how a hold ended, the first answer to a key.
APPEND_ONLY_TABLES = ("ledger_transfers", "ledger_holds", "ledger_hold_resolutions", "ledger_idempotency_keys")

OLD_KINDS = ("sos", "dispute", "low_rating", "no_show", "far_check_in", "nobody_in_reach", "late_cancel")
NEW_KINDS = OLD_KINDS + ("late_check_in", "short_visit", "approval")


def _sqlite(table: str) -> tuple[str, ...]:
    return tuple(f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                 f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END" for verb in ("UPDATE", "DELETE"))


def _postgresql(table: str) -> tuple[str, ...]:
    return (f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
            "FOR EACH ROW EXECUTE FUNCTION ledger_append_only()",)


def _kinds(kinds: tuple[str, ...]) -> str:
    return f"kind IN ({', '.join(repr(kind) for kind in kinds)})"


def _alert_kinds(kinds: tuple[str, ...]) -> None:
    with op.batch_alter_table("alerts", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_alerts_known_kind"), type_="check")
        batch_op.create_check_constraint("known_kind", _kinds(kinds))


def _staff_corrections() -> None:
    op.create_table(
        "staff_corrections",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("key", sa.String(length=100), nullable=False),
        sa.Column("act", sa.String(length=16), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("requested_by", sa.Integer(), nullable=False),
        sa.Column("approved_by", sa.Integer(), nullable=True),
        sa.Column("member_id", sa.Integer(), nullable=True),
        sa.Column("transfer_id", sa.Integer(), nullable=True),
        sa.Column("amount_min", sa.Integer(), nullable=True),
        sa.Column("allow_negative", sa.Boolean(), nullable=False),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.Column("result_transfer_id", sa.Integer(), nullable=True),
        sa.Column("moved_min", sa.Integer(), nullable=True),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("decided_at", UTCDateTime(), nullable=True),
        sa.CheckConstraint("act IN ('grant', 'reverse', 'adjust')", name=op.f("ck_staff_corrections_known_act")),
        sa.CheckConstraint("status IN ('pending', 'posted', 'rejected')",
                           name=op.f("ck_staff_corrections_known_status")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_corrections")),
        sa.UniqueConstraint("key", name=op.f("uq_staff_corrections_key")),
    )
    op.create_index("ix_staff_corrections_requested_by_created_at", "staff_corrections",
                    ["requested_by", "created_at"], unique=False)


def upgrade() -> None:
    _staff_corrections()
    _alert_kinds(NEW_KINDS)
    dialect = op.get_bind().dialect.name
    if dialect == "postgresql":
        op.execute("CREATE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS "
                   "$$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$")
    for table in APPEND_ONLY_TABLES:
        for statement in (_postgresql if dialect == "postgresql" else _sqlite)(table):
            op.execute(statement)


def downgrade() -> None:
    dialect = op.get_bind().dialect.name
    for table in APPEND_ONLY_TABLES:
        if dialect == "postgresql":
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        else:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
            op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
    if dialect == "postgresql":
        op.execute("DROP FUNCTION IF EXISTS ledger_append_only()")
    op.execute("DELETE FROM alerts WHERE kind IN ('late_check_in', 'short_visit', 'approval')")  # refused below
    _alert_kinds(OLD_KINDS)
    op.drop_index("ix_staff_corrections_requested_by_created_at", table_name="staff_corrections")
    op.drop_table("staff_corrections")
