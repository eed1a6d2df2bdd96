"""Training certificates: staff record them, and a service may require a valid one."""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from storage import audit
from storage.base import utcnow
from storage.db import Sessions
from storage.members.access import authorize
from storage.members.errors import InvalidValue
from storage.members.rows import as_certificate, lock_member
from storage.members.tables import CertificateRow
from storage.members.validation import clean_skills, clean_text
from storage.members.values import Actor, Certificate


async def record_certificate(sessions: Sessions, member_id: int, service_code: str, issuer: str, issued_on: date,
                             expires_on: date | None, *, by: Actor) -> Certificate:
    """Staff record a training certificate; expires_on None never expires, else it is valid through that day."""
    clean_skills([service_code])
    issuer = clean_text(100)(issuer)
    if not issuer:
        raise InvalidValue("a certificate needs its issuer")
    if expires_on is not None and expires_on < issued_on:
        raise InvalidValue("a certificate cannot expire before it is issued")
    async with sessions.begin() as session:
        actor = await authorize(session, by, "certificate", member_id)
        await lock_member(session, member_id, open_only=True)
        row = CertificateRow(member_id=member_id, service_code=service_code, issuer=issuer, issued_on=issued_on,
                             expires_on=expires_on, recorded_by=actor, recorded_at=utcnow())
        session.add(row)
        await session.flush()
        await audit.record(session, actor=actor, action="certificate", subject_id=member_id,
                           detail={"certificate_id": row.id, "service_code": service_code})
        return as_certificate(row)


async def certificates_of(sessions: Sessions, member_id: int) -> list[Certificate]:
    async with sessions() as session:
        rows = (await session.execute(select(CertificateRow).where(CertificateRow.member_id == member_id)
                                      .order_by(CertificateRow.id))).scalars().all()
    return [as_certificate(row) for row in rows]


async def is_certified(sessions: Sessions, member_id: int, service_code: str, on_date: date) -> bool:
    return any(certificate.valid_on(on_date) for certificate in await certificates_of(sessions, member_id)
               if certificate.service_code == service_code)
