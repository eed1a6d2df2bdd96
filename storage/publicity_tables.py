"""The tables of publicity: broadcasts and their recipients, WeChat tags, success stories.

Migration 0006_publicity creates exactly these.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, CheckConstraint, ForeignKey, Index, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from storage.base import Base, UTCDateTime
from storage.sealed_text import SealedText

# A broadcast's life: drafted (preview sent) → scheduled or sending → done; cancelled before it goes.
DRAFT, SCHEDULED, SENDING, DONE, CANCELLED, FAILED = "draft", "scheduled", "sending", "done", "cancelled", "failed"
BROADCAST_STATUSES = (DRAFT, SCHEDULED, SENDING, DONE, CANCELLED, FAILED)
MASS, FANOUT = "mass", "fanout"  # WeChat's mass send to a tag or all; customer-service messages one by one
CHANNELS = (MASS, FANOUT)
# One recipient of a fan-out.
PENDING, CLAIMED, SENT, UNDELIVERED, SKIPPED = "pending", "claimed", "sent", "failed", "skipped"
RECIPIENT_STATUSES = (PENDING, CLAIMED, SENT, UNDELIVERED, SKIPPED)


def _one_of(column: str, values: tuple[str, ...]) -> str:
    return f"{column} IN ({', '.join(repr(value) for value in values)})"


class BroadcastRow(Base):
    __tablename__ = "broadcasts"
    __table_args__ = (
        CheckConstraint(_one_of("status", BROADCAST_STATUSES), name="known_status"),
        CheckConstraint(_one_of("channel", CHANNELS), name="known_channel"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    request_key: Mapped[str] = mapped_column(String(100), unique=True)  # the composing conversation's run id
    author_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    content: Mapped[str] = mapped_column(SealedText("broadcasts.content"))  # a draft can name people
    audience: Mapped[str] = mapped_column(String(48))  # all, elder, volunteer, family, community:<name>
    channel: Mapped[str] = mapped_column(String(16))
    status: Mapped[str] = mapped_column(String(16))
    scheduled_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    confirmed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    started_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    finished_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    # Mass send: the id that makes a retry harmless, and what WeChat answered and later reported.
    clientmsgid: Mapped[str | None] = mapped_column(String(64), unique=True)
    wechat_msg_id: Mapped[str | None] = mapped_column(String(32), index=True)
    audience_size: Mapped[int] = mapped_column(Integer, default=0)
    sent: Mapped[int] = mapped_column(Integer, default=0)
    failed: Mapped[int] = mapped_column(Integer, default=0)
    skipped: Mapped[int] = mapped_column(Integer, default=0)
    result: Mapped[dict] = mapped_column(JSON, default=dict)  # MASSSENDJOBFINISH counts, or the error
    version: Mapped[int] = mapped_column(Integer, default=0)


class BroadcastRecipientRow(Base):
    """One member of a fan-out's audience, frozen when the broadcast starts: nobody twice, nobody skipped."""

    __tablename__ = "broadcast_recipients"
    __table_args__ = (
        UniqueConstraint("broadcast_id", "member_id"),
        CheckConstraint(_one_of("status", RECIPIENT_STATUSES), name="known_status"),
        Index("ix_broadcast_recipients_broadcast_id_status", "broadcast_id", "status"),
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    broadcast_id: Mapped[int] = mapped_column(ForeignKey("broadcasts.id"))
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    openid: Mapped[str] = mapped_column(String(64))
    status: Mapped[str] = mapped_column(String(16))
    claimed_until: Mapped[datetime | None] = mapped_column(UTCDateTime())
    attempts: Mapped[int] = mapped_column(Integer, default=0)
    reason: Mapped[str | None] = mapped_column(String(100))  # why failed or skipped
    at: Mapped[datetime | None] = mapped_column(UTCDateTime())


class WeChatTagRow(Base):
    """A tag on the official account (role and community tags), by our name and WeChat's id."""

    __tablename__ = "wechat_tags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    name: Mapped[str] = mapped_column(String(30), unique=True)
    wechat_tag_id: Mapped[int | None] = mapped_column(Integer, unique=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())


class MemberTagRow(Base):
    """A tag WeChat has on a member, as far as we have told it: what tag sync compares against."""

    __tablename__ = "member_tags"

    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True)
    tag_id: Mapped[int] = mapped_column(ForeignKey("wechat_tags.id"), primary_key=True)
    tagged_at: Mapped[datetime] = mapped_column(UTCDateTime())


class SuccessStoryRow(Base):
    __tablename__ = "success_stories"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    # Sealed until and after publication alike: a story names the people it is about.
    title: Mapped[str] = mapped_column(SealedText("success_stories.title"))
    body: Mapped[str] = mapped_column(SealedText("success_stories.body"))
    author_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    broadcast_id: Mapped[int | None] = mapped_column(ForeignKey("broadcasts.id"))  # when it was pushed
