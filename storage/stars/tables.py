"""The tables of star levels and the honour roll; migration 0010_stars_and_honour_roll creates them.

Neither counts hours (the ledger's service payments do, storage.ledger.served_hours): one records which
congratulations were given, the other who wants to be on the honour roll.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import Boolean, ForeignKey, Integer, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, UTCDateTime


class StarMilestoneRow(Base):
    """A step a volunteer was congratulated on; the unique pair is what makes "told once" a database fact."""

    __tablename__ = "star_milestones"
    __table_args__ = (UniqueConstraint("member_id", "step_hours"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    step_hours: Mapped[int] = mapped_column(Integer)  # 0: the first service
    reached_at: Mapped[datetime] = mapped_column(UTCDateTime())


class HonourRollChoiceRow(Base):
    """A member's own answer to "上光荣榜吗？"; no row: not asked yet, and not on the roll."""

    __tablename__ = "honour_roll_choices"

    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True)
    opted_in: Mapped[bool] = mapped_column(Boolean)
    decided_at: Mapped[datetime] = mapped_column(UTCDateTime())
