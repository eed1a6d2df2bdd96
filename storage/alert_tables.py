"""The staff alert queue's table; migration 0005_service_requests creates it, 0009_escalation and 0014_care_calls
add a kind each."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, Index, Integer, String
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, UTCDateTime
from storage.sealed_text import SealedText

SOS, DISPUTE, LOW_RATING, NO_SHOW, FAR_CHECK_IN, NOBODY_IN_REACH, LATE_CANCEL = (
    "sos", "dispute", "low_rating", "no_show", "far_check_in", "nobody_in_reach", "late_cancel")
UNANSWERED = "unanswered"  # a request nobody took as its start came near (0009_escalation)
LATE_CHECK_IN, SHORT_VISIT, APPROVAL = "late_check_in", "short_visit", "approval"  # 0007_service_windows
CANCEL_LOOP = "cancel_loop"  # a volunteer accepting and cancelling again and again (storage.tasks.flip_flops)
CARE_CALL = "care_call"  # a wish to die said, then "no danger now": staff call to talk (0014_care_calls)
# The alerts that ask staff to find someone for a request: a volunteer taking it answers them.
WAITING_FOR_A_VOLUNTEER = (NOBODY_IN_REACH, UNANSWERED)
KINDS = (SOS, DISPUTE, LOW_RATING, NO_SHOW, FAR_CHECK_IN, NOBODY_IN_REACH, LATE_CANCEL, LATE_CHECK_IN, SHORT_VISIT,
         APPROVAL, CANCEL_LOOP, UNANSWERED, CARE_CALL)
OPEN, HANDLED = "open", "handled"


class AlertRow(Base):
    __tablename__ = "alerts"
    __table_args__ = (
        CheckConstraint(f"kind IN ({', '.join(repr(kind) for kind in KINDS)})", name="known_kind"),
        CheckConstraint("status IN ('open', 'handled')", name="known_status"),
        Index("ix_alerts_status_id", "status", "id"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    kind: Mapped[str] = mapped_column(String(24))
    status: Mapped[str] = mapped_column(String(16), default=OPEN)
    # Who it is about: a member, or, for an SOS from someone not registered, only their OpenID.
    member_id: Mapped[int | None] = mapped_column(Integer)
    openid: Mapped[str | None] = mapped_column(String(64))
    request_id: Mapped[int | None] = mapped_column(Integer)
    community: Mapped[str | None] = mapped_column(String(32))
    detail: Mapped[dict] = mapped_column(JSON, default=dict)  # never personal data in the clear
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    handled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    handled_by: Mapped[str | None] = mapped_column(String(100))
    note: Mapped[str | None] = mapped_column(SealedText("alerts.note"))
