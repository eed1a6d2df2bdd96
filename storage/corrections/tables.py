"""The record of every staff correction of the ledger; migration 0007_service_windows creates it.

One row per act, named by its idempotency key (a unique column), so a
confirmation said twice or a form sent twice is one act with one entry.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import CheckConstraint, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, UTCDateTime
from storage.sealed_text import SealedText

GRANT, REVERSE, ADJUST = "grant", "reverse", "adjust"
ACTS = (GRANT, REVERSE, ADJUST)
PENDING, POSTED, REJECTED = "pending", "posted", "rejected"


class CorrectionRow(Base):
    __tablename__ = "staff_corrections"
    __table_args__ = (
        CheckConstraint("act IN ('grant', 'reverse', 'adjust')", name="known_act"),
        CheckConstraint("status IN ('pending', 'posted', 'rejected')", name="known_status"),
        Index("ix_staff_corrections_requested_by_created_at", "requested_by", "created_at"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    key: Mapped[str] = mapped_column(String(100), unique=True)
    act: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    requested_by: Mapped[int] = mapped_column(Integer)  # the staff member's id
    approved_by: Mapped[int | None] = mapped_column(Integer)  # the second staff member, above the approval amount
    member_id: Mapped[int | None] = mapped_column(Integer)  # whose credits change (grant, adjust)
    transfer_id: Mapped[int | None] = mapped_column(Integer)  # the transfer reversed
    amount_min: Mapped[int | None] = mapped_column(Integer)  # signed for an adjustment; None: all that is left
    allow_negative: Mapped[bool] = mapped_column(default=False)
    reason: Mapped[str] = mapped_column(SealedText("staff_corrections.reason"))  # staff quote members
    result_transfer_id: Mapped[int | None] = mapped_column(Integer)
    moved_min: Mapped[int | None] = mapped_column(Integer)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    decided_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
