"""Erasing a member: their personal data goes, a pseudonymous row stays for the ledger and the log."""

from __future__ import annotations

from sqlalchemy import delete, or_

from storage import audit
from storage.base import utcnow
from storage.db import Sessions
from storage.members.access import HOLDS_RIGHT, STAFF_ONLY, actor_ref, actor_row
from storage.members.errors import NotAllowed
from storage.members.rows import lock_member
from storage.members.tables import CertificateRow, FamilyBindingRow, HomePointRow, MemberRow
from storage.members.values import CLOSED, PERSONAL_FIELDS, Actor, Erasure, ledger_ref


async def erase_member(sessions: Sessions, member_id: int, actor: Actor) -> Erasure:
    """Erase all personal data and close the account, by the member or staff; idempotent.

    The row stays, pseudonymous, so the ledger's `member:<id>` account and the
    audit log still point somewhere. Its bindings, certificates and home point go. Moving
    the remaining credits to the pool is the caller's, with the returned ledger_ref.
    """
    async with sessions.begin() as session:
        row = await lock_member(session, member_id)
        eraser = await actor_row(session, actor)
        # Erasure is the member's own right, whatever their standing; otherwise it is staff's.
        if eraser is not None and eraser.id != member_id and not HOLDS_RIGHT[STAFF_ONLY](eraser):
            raise NotAllowed("erase", "only the member themself or staff")
        if row.erased_at is None:
            _wipe(row)
            await session.execute(delete(FamilyBindingRow).where(
                or_(FamilyBindingRow.family_member_id == member_id, FamilyBindingRow.elder_id == member_id)))
            await session.execute(delete(CertificateRow).where(CertificateRow.member_id == member_id))
            await session.execute(delete(HomePointRow).where(HomePointRow.member_id == member_id))
            await audit.record(session, actor=actor_ref(eraser), action="erase", subject_id=member_id)
        return Erasure(member_id, ledger_ref(member_id), row.erased_at)


def _wipe(row: MemberRow) -> None:
    for field in PERSONAL_FIELDS:
        setattr(row, f"{field}_enc", None)
    row.phone_hash = row.openid = row.birth_year = row.availability = None
    row.skills = []
    row.is_staff = row.is_admin = row.in_need = False
    row.broadcasts_opted_out = row.pushes_stopped = True
    row.status, row.erased_at = CLOSED, utcnow()
