"""The ledger's tables refuse UPDATE and DELETE in the database; alerts for late check-ins, short visits and approvals.

Revision ID: 0007_service_windows
Revises: 0006_publicity
Create Date: 2026-12-04
"""

from alembic import op

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


def upgrade() -> None:
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
    _alert_kinds(OLD_KINDS)
