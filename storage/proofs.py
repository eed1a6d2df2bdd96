"""Proofs of service hours (志愿服务证明): issued to a member with their figures frozen, checked by code.

The hours are what the ledger paid for services (storage.ledger.served_hours), turned back into time served:
a payment is the service's weight × the minutes served, so each task's payment × its planned minutes ÷ its
cost gives its minutes again. A proof keeps the figures of the moment it was issued; later services or
corrections change the next proof, never this one. Its code is drawn from an alphabet with no look-alikes
(no 0/O, 1/I/L), long enough that guessing one is hopeless; staff may revoke a proof, and the act is audited.
Migration 0011_service_proofs creates the table.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime
from types import MappingProxyType
from typing import Mapping
from zoneinfo import ZoneInfo

from sqlalchemy import JSON, ForeignKey, Integer, String, select, update
from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.orm import Mapped, mapped_column

from storage import audit
from storage.base import Base, UTCDateTime
from storage.db import Sessions
from storage.ledger.served_hours import served_minutes
from storage.members.access import authorize
from storage.members.values import Actor, ledger_ref

LOCAL_TIME = ZoneInfo("Asia/Shanghai")  # a year of service is a calendar year where the bank is
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"  # 31 symbols, none mistaken for another when read aloud
CODE_LENGTH = 12  # 31**12 ≈ 7.9e17 codes
REQUEST_KEY_LENGTH = 120
ISSUE_ATTEMPTS = 3  # a fresh code after the unthinkable collision


class ServiceProofRow(Base):
    __tablename__ = "service_proofs"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    code: Mapped[str] = mapped_column(String(CODE_LENGTH), unique=True)
    # The message that asked for it: WeChat's resend of that message finds this proof instead of making another.
    request_key: Mapped[str] = mapped_column(String(REQUEST_KEY_LENGTH), unique=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    issuer: Mapped[str] = mapped_column(String(100))  # the issuing community's name at the time
    period_year: Mapped[int | None] = mapped_column(Integer)  # None: all service up to the issue date
    minutes_by_service: Mapped[dict] = mapped_column(JSON)  # service code → minutes served, frozen
    total_min: Mapped[int] = mapped_column(Integer)
    star_level: Mapped[int] = mapped_column(Integer)  # 0–5, by all hours served up to the issue date
    issued_at: Mapped[datetime] = mapped_column(UTCDateTime())
    revoked_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    revoked_by: Mapped[str | None] = mapped_column(String(audit.ACTOR_LENGTH))


@dataclass(frozen=True)
class Proof:
    code: str
    member_id: int
    issuer: str
    period_year: int | None
    minutes_by_service: Mapping[str, int]
    total_min: int
    star_level: int
    issued_at: datetime
    revoked_at: datetime | None

    @property
    def valid(self) -> bool:
        return self.revoked_at is None


class ProofNotFound(LookupError):
    pass


class AlreadyRevoked(ValueError):
    pass


def clean_code(typed: str) -> str | None:
    """A code as people type it (lower case, spaces, dashes) in its stored form; None if it cannot be one."""
    code = "".join(char for char in typed.upper() if char not in " -")
    if len(code) != CODE_LENGTH or any(char not in CODE_ALPHABET for char in code):
        return None
    return code


def new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


def year_bounds(year: int) -> tuple[datetime, datetime]:
    return datetime(year, 1, 1, tzinfo=LOCAL_TIME), datetime(year + 1, 1, 1, tzinfo=LOCAL_TIME)


async def served_by_service(sessions: Sessions, member_id: int, year: int | None = None) -> dict[str, int]:
    """Minutes the member served, by service code, in a calendar year or (None) ever, as the ledger paid them."""
    since, until = year_bounds(year) if year is not None else (None, None)
    served = await served_minutes(sessions, ledger_ref(member_id), since=since, until=until)
    return {code: minutes for code, minutes in served.by_service.items() if minutes > 0}


async def issue(sessions: Sessions, *, member_id: int, request_key: str, issuer: str, period_year: int | None,
                minutes_by_service: Mapping[str, int], star_level: int, now: datetime) -> Proof:
    """A new proof with these figures; the same request_key again returns the first proof, unchanged."""
    values = dict(request_key=request_key[:REQUEST_KEY_LENGTH], member_id=member_id, issuer=issuer[:100],
                  period_year=period_year, minutes_by_service=dict(minutes_by_service),
                  total_min=sum(minutes_by_service.values()), star_level=star_level, issued_at=now)
    for _ in range(ISSUE_ATTEMPTS):
        async with sessions.begin() as session:
            dialect = (await session.connection()).dialect.name
            await session.execute(_DIALECT_INSERTS[dialect](ServiceProofRow)
                                  .values(code=new_code(), **values).on_conflict_do_nothing())
            row = (await session.execute(select(ServiceProofRow).where(
                ServiceProofRow.request_key == values["request_key"]))).scalar_one_or_none()
            if row is not None:
                return _proof(row)
    raise RuntimeError("no free proof code after several draws")


_DIALECT_INSERTS = {"postgresql": postgresql_insert, "sqlite": sqlite_insert}


async def find(sessions: Sessions, code: str) -> Proof | None:
    async with sessions() as session:
        row = (await session.execute(select(ServiceProofRow).where(ServiceProofRow.code == code)))\
            .scalar_one_or_none()
    return None if row is None else _proof(row)


async def revoke(sessions: Sessions, code: str, by: Actor, *, now: datetime) -> Proof:
    """Staff withdraw a proof (issued by mistake, figures corrected since); the page then says it is revoked."""
    async with sessions.begin() as session:
        row = (await session.execute(select(ServiceProofRow).where(ServiceProofRow.code == code)
                                     .with_for_update())).scalar_one_or_none()
        if row is None:
            raise ProofNotFound(code)
        actor = await authorize(session, by, "certificate", row.member_id)
        revoked = await session.execute(update(ServiceProofRow).where(
            ServiceProofRow.id == row.id, ServiceProofRow.revoked_at.is_(None)).values(revoked_at=now,
                                                                                       revoked_by=actor))
        if revoked.rowcount == 0:
            raise AlreadyRevoked(code)
        await audit.record(session, actor=actor, action="proof_revoke", subject_id=row.member_id, at=now,
                           detail={"code": code, "total_min": row.total_min})
        await session.refresh(row)
        return _proof(row)


def _proof(row: ServiceProofRow) -> Proof:
    return Proof(row.code, row.member_id, row.issuer, row.period_year,
                 MappingProxyType(dict(row.minutes_by_service)), row.total_min, row.star_level, row.issued_at,
                 row.revoked_at)
