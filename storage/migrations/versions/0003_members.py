"""Members with encrypted personal data, family bindings, training certificates, the audit log.

Revision ID: 0003_members
Revises: 0002_ledger
Create Date: 2026-11-28
"""

import sqlalchemy as sa
from alembic import op

from storage.base import UTCDateTime

revision = "0003_members"
down_revision = "0002_ledger"
branch_labels = None
depends_on = None

PERSONAL_COLUMNS = ("real_name_enc", "phone_enc", "address_enc", "emergency_name_enc", "emergency_phone_enc",
                    "id_number_enc")
ERASED_HOLDS_NOTHING = ("erased_at IS NULL OR (openid IS NULL AND phone_hash IS NULL AND real_name_enc IS NULL"
                        " AND phone_enc IS NULL AND address_enc IS NULL AND emergency_name_enc IS NULL"
                        " AND emergency_phone_enc IS NULL AND id_number_enc IS NULL)")

# The audit log is append-only in the database itself, not only by convention in the code.
# (On SQLite, a later batch migration of audit_log recreates the table and must recreate these.)
APPEND_ONLY = {
    "sqlite": (
        "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
        "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
        "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    ),
    "postgresql": (
        "CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS "
        "$$ BEGIN RAISE EXCEPTION 'audit_log is append-only'; END $$",
        "CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log "
        "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()",
    ),
}
DROP_APPEND_ONLY = {
    "sqlite": ("DROP TRIGGER IF EXISTS audit_log_no_update", "DROP TRIGGER IF EXISTS audit_log_no_delete"),
    "postgresql": ("DROP TRIGGER IF EXISTS audit_log_append_only ON audit_log",
                   "DROP FUNCTION IF EXISTS audit_log_append_only()"),
}


def upgrade() -> None:
    op.create_table(
        "members",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("openid", sa.String(64), nullable=True),
        sa.Column("role", sa.String(16), nullable=False),
        sa.Column("is_staff", sa.Boolean(), nullable=False),
        sa.Column("is_admin", sa.Boolean(), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("community", sa.String(32), nullable=True),
        sa.Column("birth_year", sa.Integer(), nullable=True),
        sa.Column("in_need", sa.Boolean(), nullable=False),
        sa.Column("skills", sa.JSON(), nullable=False),
        sa.Column("availability", sa.JSON(), nullable=True),
        sa.Column("verified_at", UTCDateTime(), nullable=True),
        sa.Column("verified_by", sa.String(100), nullable=True),
        *(sa.Column(name, sa.Text(), nullable=True) for name in PERSONAL_COLUMNS),
        sa.Column("phone_hash", sa.String(64), nullable=True),
        sa.Column("consent_version", sa.String(32), nullable=False),
        sa.Column("consent_at", UTCDateTime(), nullable=False),
        sa.Column("created_at", UTCDateTime(), nullable=False),
        sa.Column("registered_by", sa.String(100), nullable=True),
        sa.Column("broadcasts_opted_out", sa.Boolean(), nullable=False),
        sa.Column("pushes_stopped", sa.Boolean(), nullable=False),
        sa.Column("erased_at", UTCDateTime(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_members")),
        sa.UniqueConstraint("openid", name=op.f("uq_members_openid")),
        sa.UniqueConstraint("phone_hash", name=op.f("uq_members_phone_hash")),
        sa.CheckConstraint("role IN ('elder', 'volunteer', 'family')", name=op.f("ck_members_known_role")),
        sa.CheckConstraint("status IN ('active', 'suspended', 'closed')", name=op.f("ck_members_known_status")),
        sa.CheckConstraint("is_staff OR NOT is_admin", name=op.f("ck_members_admin_is_staff")),
        sa.CheckConstraint(ERASED_HOLDS_NOTHING, name=op.f("ck_members_erased_holds_nothing")),
    )
    op.create_index(op.f("ix_members_community"), "members", ["community"])
    op.create_table(
        "family_bindings",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("family_member_id", sa.Integer(), nullable=False),
        sa.Column("elder_id", sa.Integer(), nullable=False),
        sa.Column("relation", sa.String(16), nullable=False),
        sa.Column("status", sa.String(16), nullable=False),
        sa.Column("requested_at", UTCDateTime(), nullable=False),
        sa.Column("confirmed_at", UTCDateTime(), nullable=True),
        sa.Column("confirmed_by", sa.String(100), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_family_bindings")),
        sa.UniqueConstraint("family_member_id", "elder_id",
                            name=op.f("uq_family_bindings_family_member_id_elder_id")),
        sa.CheckConstraint("family_member_id <> elder_id", name=op.f("ck_family_bindings_two_members")),
        sa.CheckConstraint("status IN ('pending', 'confirmed')", name=op.f("ck_family_bindings_known_status")),
        sa.ForeignKeyConstraint(["family_member_id"], ["members.id"],
                                name=op.f("fk_family_bindings_family_member_id_members")),
        sa.ForeignKeyConstraint(["elder_id"], ["members.id"], name=op.f("fk_family_bindings_elder_id_members")),
    )
    op.create_index(op.f("ix_family_bindings_elder_id"), "family_bindings", ["elder_id"])
    op.create_table(
        "member_certificates",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("service_code", sa.String(32), nullable=False),
        sa.Column("issuer", sa.String(100), nullable=False),
        sa.Column("issued_on", sa.Date(), nullable=False),
        sa.Column("expires_on", sa.Date(), nullable=True),
        sa.Column("recorded_by", sa.String(100), nullable=False),
        sa.Column("recorded_at", UTCDateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_member_certificates")),
        sa.CheckConstraint("expires_on IS NULL OR expires_on >= issued_on",
                           name=op.f("ck_member_certificates_expires_after_issue")),
        sa.ForeignKeyConstraint(["member_id"], ["members.id"], name=op.f("fk_member_certificates_member_id_members")),
    )
    op.create_index(op.f("ix_member_certificates_member_id_service_code"), "member_certificates",
                    ["member_id", "service_code"])
    op.create_table(
        "audit_log",
        sa.Column("id", sa.Integer(), autoincrement=True, nullable=False),
        sa.Column("at", UTCDateTime(), nullable=False),
        sa.Column("actor", sa.String(100), nullable=False),
        sa.Column("action", sa.String(32), nullable=False),
        sa.Column("subject_id", sa.Integer(), nullable=True),
        sa.Column("detail", sa.Text(), nullable=False),
        sa.Column("reason", sa.String(500), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_audit_log")),
    )
    op.create_index(op.f("ix_audit_log_action"), "audit_log", ["action"])
    op.create_index(op.f("ix_audit_log_subject_id_id"), "audit_log", ["subject_id", "id"])
    for statement in APPEND_ONLY.get(op.get_bind().dialect.name, ()):
        op.execute(statement)


def downgrade() -> None:
    for statement in DROP_APPEND_ONLY.get(op.get_bind().dialect.name, ()):
        op.execute(statement)
    op.drop_table("audit_log")
    op.drop_table("member_certificates")
    op.drop_table("family_bindings")
    op.drop_table("members")
