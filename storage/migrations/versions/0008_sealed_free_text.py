"""Free text people type is sealed: dispute and staff reasons, alert notes, broadcast drafts, stories;
a new alert kind, `cancel_loop`, and an index on a volunteer's task events (their recent cancellations).

The columns become TEXT (a ciphertext is longer than the 500 characters it seals) and every value already
there is sealed under the current key, so upgrading a database with rows needs the key ring
(`storage.migrate.upgrade(url, keyring=…)`, which `timebank migrate` and the embedded start-up pass).
The audit log and the ledger's facts (0007) stay append-only, except that their `reason` may be rewritten: key
rotation re-seals it, and erasing a member replaces the reasons about them.

Revision ID: 0008_sealed_free_text
Revises: 0007_service_windows
Create Date: 2026-12-04
"""

import sqlalchemy as sa
from alembic import context, op

from storage.privacy import decrypt, encrypt

revision = "0008_sealed_free_text"
down_revision = "0007_service_windows"
branch_labels = None
depends_on = None

# (table, column, length before): what storage.sealed_text.SealedText now guards.
SEALED = (
    ("task_events", "reason", 500), ("alerts", "note", 500), ("audit_log", "reason", 500),
    ("ledger_transfers", "reason", 500), ("ledger_holds", "reason", 500), ("ledger_hold_resolutions", "reason", 500),
    ("broadcasts", "content", None), ("success_stories", "title", 64), ("success_stories", "body", None),
    ("staff_corrections", "reason", 500),
)
ALERT_KINDS_BEFORE = ("sos", "dispute", "low_rating", "no_show", "far_check_in", "nobody_in_reach", "late_cancel",
                      "late_check_in", "short_visit", "approval")
ALERT_KINDS_AFTER = ALERT_KINDS_BEFORE + ("cancel_loop",)  # a volunteer accepting and cancelling again and again
IMMUTABLE_AUDIT_COLUMNS = "id, at, actor, action, subject_id, detail"
AUDIT_TRIGGERS = {
    "sqlite": {
        "drop": ("DROP TRIGGER IF EXISTS audit_log_no_update", "DROP TRIGGER IF EXISTS audit_log_no_delete"),
        "reason_only": (
            f"CREATE TRIGGER audit_log_no_update BEFORE UPDATE OF {IMMUTABLE_AUDIT_COLUMNS} ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
            "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"),
        "append_only": (
            "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
            "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
            "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END"),
    },
    "postgresql": {
        "drop": ("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log",),
        "reason_only": (
            "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
            "IF TG_OP = 'DELETE' OR (to_jsonb(NEW) - 'reason') IS DISTINCT FROM (to_jsonb(OLD) - 'reason') THEN "
            "RAISE EXCEPTION 'audit_log is append-only'; END IF; RETURN NEW; END $$",
            "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"),
        "append_only": (
            "CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
            "$$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$",
            "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
            "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()"),
    },
}


# The ledger's facts (0007_service_windows): the same rule, table by table.
LEDGER_TABLES = ("ledger_transfers", "ledger_holds", "ledger_hold_resolutions", "ledger_idempotency_keys")
LEDGER_FUNCTION = {
    "reason_only": "CREATE OR REPLACE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                   "IF TG_OP = 'DELETE' OR (to_jsonb(NEW) - 'reason') IS DISTINCT FROM (to_jsonb(OLD) - 'reason') "
                   "THEN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END IF; RETURN NEW; END $$",
    "append_only": "CREATE OR REPLACE FUNCTION ledger_append_only() RETURNS trigger LANGUAGE plpgsql AS "
                   "$$ BEGIN RAISE EXCEPTION '% is append-only', TG_TABLE_NAME; END $$",
}


def _triggers(which: str) -> None:
    for statement in AUDIT_TRIGGERS[op.get_bind().dialect.name][which]:
        op.execute(statement)


def _ledger_triggers(which: str) -> None:
    """PostgreSQL: one function decides for every ledger table. SQLite: triggers per table, dropped while a
    batch rebuilds the table (it would drop them anyway) and made again after, on every column but `reason`."""
    if op.get_bind().dialect.name == "postgresql":
        if which != "drop":
            op.execute(LEDGER_FUNCTION[which])
        return
    for table in LEDGER_TABLES:
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_update")
        op.execute(f"DROP TRIGGER IF EXISTS {table}_no_delete")
        if which == "drop":
            continue
        columns = [column["name"] for column in sa.inspect(op.get_bind()).get_columns(table)]
        guarded = ", ".join(name for name in columns if which == "append_only" or name != "reason")
        for verb in (f"UPDATE OF {guarded}", "DELETE"):
            op.execute(f"CREATE TRIGGER {table}_no_{verb.split()[0].lower()} BEFORE {verb} ON {table} "
                       f"BEGIN SELECT RAISE(ABORT, '{table} is append-only'); END")


def _rewrite_values(change) -> None:
    """Seals (or, going down, opens) every value already stored, bound to "<table>.<column>"."""
    connection, keyring = op.get_bind(), context.config.attributes.get("keyring")
    for table_name, column, _ in SEALED:
        table = sa.table(table_name, sa.column("id", sa.Integer), sa.column(column, sa.Text))
        key = table.c.id
        rows = connection.execute(sa.select(key, table.c[column]).select_from(table)
                                  .where(table.c[column].is_not(None))).all()
        if rows and keyring is None:
            raise RuntimeError(f"{table_name}.{column} has values to seal: migrate with the key ring "
                               "(storage.migrate.upgrade(url, keyring=…))")
        where = f"{table_name}.{column}"
        for row_id, value in rows:
            connection.execute(sa.update(table).where(key == row_id)
                               .values({column: change(keyring, value, where)}))


def _alert_kinds(kinds: tuple[str, ...]) -> None:
    with op.batch_alter_table("alerts") as batch:
        batch.drop_constraint(op.f("ck_alerts_known_kind"), type_="check")
        batch.create_check_constraint(op.f("ck_alerts_known_kind"),
                                      f"kind IN ({', '.join(repr(kind) for kind in kinds)})")


def upgrade() -> None:
    op.create_index(op.f("ix_task_events_volunteer_id_at"), "task_events", ["volunteer_id", "at"])
    _alert_kinds(ALERT_KINDS_AFTER)
    _triggers("drop")
    _ledger_triggers("drop")
    for table_name, column, length in SEALED:
        if length is not None:
            with op.batch_alter_table(table_name) as batch:
                batch.alter_column(column, existing_type=sa.String(length=length), type_=sa.Text())
    _ledger_triggers("reason_only")
    _rewrite_values(encrypt)
    _triggers("reason_only")


def downgrade() -> None:
    _triggers("drop")
    _ledger_triggers("reason_only")
    _rewrite_values(decrypt)
    _ledger_triggers("drop")
    for table_name, column, length in SEALED:
        if length is not None:
            with op.batch_alter_table(table_name) as batch:
                batch.alter_column(column, existing_type=sa.Text(), type_=sa.String(length=length))
    _ledger_triggers("append_only")
    _triggers("append_only")
    op.execute("DELETE FROM alerts WHERE kind = 'cancel_loop'")
    _alert_kinds(ALERT_KINDS_BEFORE)
    op.drop_index(op.f("ix_task_events_volunteer_id_at"), table_name="task_events")
