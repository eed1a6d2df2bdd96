"""The members' tables; migration 0003_members creates exactly these."""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import JSON, Boolean, CheckConstraint, Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, MappedAsDataclass, mapped_column

from storage.base import Base, UTCDateTime
from storage.members.values import (ACTIVE, BINDING_STATUSES, MAX_RELATION_CHARS, OPENID_LENGTH, REF_LENGTH, ROLES,
                                    STATUSES)


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


class MemberRow(Base):
    __tablename__ = "members"
    __table_args__ = (
        CheckConstraint(_one_of("role", ROLES), name="known_role"),
        CheckConstraint(_one_of("status", STATUSES), name="known_status"),
        CheckConstraint("is_staff OR NOT is_admin", name="admin_is_staff"),
        # An erased row keeps nothing that points at a person; the database holds us to it.
        CheckConstraint(
            "erased_at IS NULL OR (openid IS NULL AND phone_hash IS NULL AND real_name_enc IS NULL"
            " AND phone_enc IS NULL AND address_enc IS NULL AND emergency_name_enc IS NULL"
            " AND emergency_phone_enc IS NULL AND id_number_enc IS NULL)",
            name="erased_holds_nothing"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # NULL for an elder that staff registered without WeChat, and after erasure.
    openid: Mapped[str | None] = mapped_column(String(OPENID_LENGTH), unique=True)
    role: Mapped[str] = mapped_column(String(16))
    is_staff: Mapped[bool] = mapped_column(Boolean, default=False)
    is_admin: Mapped[bool] = mapped_column(Boolean, default=False)
    status: Mapped[str] = mapped_column(String(16), default=ACTIVE)
    community: Mapped[str | None] = mapped_column(String(32), index=True)
    birth_year: Mapped[int | None] = mapped_column(Integer)
    in_need: Mapped[bool] = mapped_column(Boolean, default=False)
    skills: Mapped[list] = mapped_column(JSON)
    # Free text ("weekday mornings") or a list of slots; storage keeps whichever was given.
    availability: Mapped[str | list | None] = mapped_column(JSON)
    verified_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    verified_by: Mapped[str | None] = mapped_column(String(REF_LENGTH))
    # Personal data: "<key id>:<base64 nonce+ciphertext>", see storage.privacy.
    real_name_enc: Mapped[str | None] = mapped_column(Text)
    phone_enc: Mapped[str | None] = mapped_column(Text)
    address_enc: Mapped[str | None] = mapped_column(Text)
    emergency_name_enc: Mapped[str | None] = mapped_column(Text)
    emergency_phone_enc: Mapped[str | None] = mapped_column(Text)
    id_number_enc: Mapped[str | None] = mapped_column(Text)
    # HMAC of the normalized phone: finds a member by phone, and makes one phone one member.
    phone_hash: Mapped[str | None] = mapped_column(String(64), unique=True)
    consent_version: Mapped[str] = mapped_column(String(32))
    consent_at: Mapped[datetime] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    registered_by: Mapped[str | None] = mapped_column(String(REF_LENGTH))
    broadcasts_opted_out: Mapped[bool] = mapped_column(Boolean, default=False)
    pushes_stopped: Mapped[bool] = mapped_column(Boolean, default=False)
    offers_paused_until: Mapped[datetime | None] = mapped_column(UTCDateTime())  # 暂停接单: no offers before then
    erased_at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class FamilyBindingRow(MappedAsDataclass, Base):
    """A dataclass too, with Binding's fields: the value is the row's fields, copied (rows.as_binding)."""

    __tablename__ = "family_bindings"
    __table_args__ = (
        UniqueConstraint("family_member_id", "elder_id"),
        CheckConstraint("family_member_id <> elder_id", name="two_members"),
        CheckConstraint(_one_of("status", BINDING_STATUSES), name="known_status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True, init=False)
    family_member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    elder_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    relation: Mapped[str] = mapped_column(String(MAX_RELATION_CHARS))
    status: Mapped[str] = mapped_column(String(16))
    requested_at: Mapped[datetime] = mapped_column(UTCDateTime())
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime(), default=None)
    confirmed_by: Mapped[str | None] = mapped_column(String(REF_LENGTH), default=None)


class CertificateRow(MappedAsDataclass, Base):
    """A dataclass too, with Certificate's fields: the value is the row's fields, copied (rows.as_certificate)."""

    __tablename__ = "member_certificates"
    __table_args__ = (
        CheckConstraint("expires_on IS NULL OR expires_on >= issued_on", name="expires_after_issue"),
        Index("ix_member_certificates_member_id_service_code", "member_id", "service_code"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True, init=False)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    service_code: Mapped[str] = mapped_column(String(32))
    issuer: Mapped[str] = mapped_column(String(100))
    issued_on: Mapped[date] = mapped_column(Date)
    expires_on: Mapped[date | None] = mapped_column(Date)  # NULL: does not expire
    recorded_by: Mapped[str] = mapped_column(String(REF_LENGTH))
    recorded_at: Mapped[datetime] = mapped_column(UTCDateTime())


class HomePointRow(Base):
    """Where an elder's home is on the map, when they sent it as a location: check-in distances use it.

    Kept apart from `members` so that erasure deletes it whole; sealed like the address.
    """

    __tablename__ = "member_home_points"

    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True)
    point_enc: Mapped[str] = mapped_column(Text)  # "lat,lon", sealed to ("member_home_points", member_id)
    updated_at: Mapped[datetime] = mapped_column(UTCDateTime())
