"""What erasing a member and rotating keys do to free text: the SealedText columns and requests' sealed text.

Kept apart from storage.members: erasing the words someone typed reaches into tasks, alerts and the
ledger, which the members package must not know.
"""

from __future__ import annotations

from sqlalchemy import Text, or_, select, update
from sqlalchemy.sql import type_coerce

from storage.alert_tables import AlertRow
from storage.audit import AuditRow, member_actor
from storage.corrections.tables import CorrectionRow
from storage.db import Sessions
from storage.ledger.erasure import erase_reasons_in, transfer_ids_of
from storage.members.values import ledger_ref
from storage.models import metadata
from storage.privacy import KeyRing, decrypt, encrypt
from storage.sealed_text import sealed_columns
from storage.surveys.tables import SurveyAnswerRow
from storage.tasks.tables import RatingRow, ServiceRequestRow, TaskEventRow

ERASED = "（已删除）"  # what is left where an erased member's words were: the record still says something was said


async def erase_about(sessions: Sessions, member_id: int) -> int:
    """Replaces every free text by or about the member with ERASED; returns how many rows. Idempotent.

    About them: events and ratings of their requests, alerts and audit entries on them, transfers and
    holds of their account, staff corrections of it. By them: events they caused, ratings they gave, survey notes. Their requests' place and
    notes go (an empty place reads as "the home address on file", which erasure has emptied too).
    """
    actors = (member_actor(member_id, False), member_actor(member_id, True))
    async with sessions.begin() as session:
        requests = select(ServiceRequestRow.id).where(ServiceRequestRow.requester_id == member_id)
        replaced = [
            (TaskEventRow.reason, or_(TaskEventRow.request_id.in_(requests), TaskEventRow.actor.in_(actors),
                                      TaskEventRow.volunteer_id == member_id)),
            (AlertRow.note, AlertRow.member_id == member_id),
            (AuditRow.reason, AuditRow.subject_id == member_id),
            (SurveyAnswerRow.note, SurveyAnswerRow.member_id == member_id),
            (CorrectionRow.reason, or_(CorrectionRow.member_id == member_id,
                                       CorrectionRow.transfer_id.in_(transfer_ids_of(ledger_ref(member_id))))),
        ]
        count = await erase_reasons_in(session, ledger_ref(member_id), ERASED)
        for column, about in replaced:
            # Only the reason is set, which is all the audit log's trigger lets through.
            result = await session.execute(update(column.class_).where(about, column.is_not(None))
                                           .values({column.key: ERASED}).execution_options(synchronize_session=False))
            count += result.rowcount
        count += (await session.execute(update(RatingRow).where(
            or_(RatingRow.rater_id == member_id, RatingRow.request_id.in_(requests)), RatingRow.comment_enc.is_not(None))
            .values(comment_enc=None))).rowcount
        count += (await session.execute(update(ServiceRequestRow).where(
            ServiceRequestRow.requester_id == member_id,
            or_(ServiceRequestRow.notes_enc.is_not(None), ServiceRequestRow.place_enc.is_not(None),
                ServiceRequestRow.place_point_enc.is_not(None)))
            .values(notes_enc=None, place_enc=None, place_point_enc=None))).rowcount
    return count


async def rotate(sessions: Sessions, keyring: KeyRing, batch_size: int = 100) -> int:
    """Re-seals every SealedText value not under the current key; returns how many. Idempotent, resumable.

    Read and written as the raw stored text, with `keyring` (not the engine's), so a rotation run can
    carry a newer ring than the processes still serving.
    """
    return sum([await _rotate_column(sessions, keyring, metadata.tables[table], column, batch_size)
                for table, column in sealed_columns(metadata)])


async def _rotate_column(sessions: Sessions, keyring: KeyRing, table, column: str, batch_size: int) -> int:
    raw, where = type_coerce(table.c[column], Text()), f"{table.name}.{column}"
    stale = raw.is_not(None) & ~raw.startswith(f"{keyring.current_key_id}:", autoescape=True)
    rewritten, rows = 0, True
    while rows:
        async with sessions.begin() as session:
            rows = (await session.execute(select(table.c.id, raw).where(stale).order_by(table.c.id)
                                          .limit(batch_size).with_for_update())).all()
            for row_id, stored in rows:
                resealed = encrypt(keyring, decrypt(keyring, stored, where), where)
                await session.execute(update(table).where(table.c.id == row_id)
                                      .values({column: type_coerce(resealed, Text())}))
            rewritten += len(rows)
    return rewritten
