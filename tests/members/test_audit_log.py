"""The audit log: recorded with the action it records, read newest first, never rewritten."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from storage import audit


async def test_an_entry_commits_or_rolls_back_with_its_action(sessions):
    async with sessions.begin() as session:
        await audit.record(session, actor="staff:1", action="verify", subject_id=5, reason="training done")
    with pytest.raises(RuntimeError):
        async with sessions.begin() as session:
            await audit.record(session, actor="staff:1", action="suspend", subject_id=5)
            raise RuntimeError("the action failed after its entry was written")
    entry, = await audit.entries(sessions)
    assert (entry.actor, entry.action, entry.subject_id, entry.reason) == ("staff:1", "verify", 5, "training done")


async def test_entries_come_newest_first_filtered_by_subject_and_action(sessions):
    async with sessions.begin() as session:
        for subject, action in [(1, "register"), (2, "register"), (1, "reveal"), (1, "reveal_refused")]:
            await audit.record(session, actor=audit.SYSTEM, action=action, subject_id=subject,
                               detail={"fields": ["phone"]})
    assert [entry.action for entry in await audit.entries(sessions, subject=1)] == [
        "reveal_refused", "reveal", "register"]
    assert [entry.subject_id for entry in await audit.entries(sessions, action="register")] == [2, 1]
    assert len(await audit.entries(sessions, limit=2)) == 2
    assert (await audit.entries(sessions, subject=1, limit=1))[0].detail == {"fields": ["phone"]}


@pytest.mark.parametrize("statement", [
    "UPDATE audit_log SET action = 'nothing_to_see'",
    "UPDATE audit_log SET detail = '{\"fields\": []}', reason = NULL",
    "UPDATE audit_log SET actor = 'system'",
    "DELETE FROM audit_log",
])
async def test_the_database_refuses_to_rewrite_or_delete_entries(sessions, statement):
    async with sessions.begin() as session:
        await audit.record(session, actor="staff:1", action="reveal", subject_id=5, reason="emergency")
    with pytest.raises(DBAPIError, match="append-only"):
        async with sessions.begin() as session:
            await session.execute(text(statement))
    entry, = await audit.entries(sessions)
    assert entry.reason == "emergency"
