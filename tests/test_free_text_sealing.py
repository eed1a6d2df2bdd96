"""Free text in a SealedText column: ciphertext at rest, the words back on reading, re-sealed by key rotation,
and never written by an engine that has no key ring."""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import StatementError

from storage import audit, free_text, ledger
from storage.db import create_engine, session_factory
from storage.privacy import KeyRing
from storage.sealed_text import NoKeyRing

WORDS = "王阿姨说志愿者态度不好，她女儿李小红13944443333"


async def _raw(sessions, sql: str) -> list:
    async with sessions() as session:
        return [value for (value,) in (await session.execute(text(sql))).all()]


async def _a_reason_in_the_log_and_the_ledger(sessions):
    async with sessions.begin() as session:
        await audit.record(session, actor="staff:1", action="reveal", subject_id=5, reason=WORDS)
    issuance = await ledger.system_account(sessions, ledger.ISSUANCE)
    account = await ledger.open_member_account(sessions, "member:5")
    await ledger.transfer(sessions, ledger.TransferRequest(issuance.id, account.id, 60, ledger.GRANT, "g1", "staff:1",
                                                           reason=WORDS))


async def test_the_words_are_sealed_at_rest_and_read_back_as_typed(sessions):
    await _a_reason_in_the_log_and_the_ledger(sessions)
    stored = await _raw(sessions, "SELECT reason FROM audit_log") + await _raw(
        sessions, "SELECT reason FROM ledger_transfers")
    assert all(value.startswith("k1:") and "13944443333" not in value for value in stored)
    assert (await audit.entries(sessions))[0].reason == WORDS


async def test_rotation_re_seals_free_text_once_and_the_old_key_can_go(sessions, keyring, database_url):
    await _a_reason_in_the_log_and_the_ledger(sessions)
    fresh = KeyRing.generate("k2")
    both = KeyRing("k2", {**keyring.keys, **fresh.keys}, keyring.lookup_key)
    assert await free_text.rotate(sessions, both, batch_size=1) == 2
    assert await free_text.rotate(sessions, both) == 0
    engine = create_engine(database_url, keyring=KeyRing("k2", {"k2": fresh.keys["k2"]}, keyring.lookup_key))
    try:
        assert (await audit.entries(session_factory(engine)))[0].reason == WORDS
    finally:
        await engine.dispose()


async def test_an_engine_without_a_key_ring_refuses_to_write_free_text(database_url):
    engine = create_engine(database_url)
    try:
        with pytest.raises(StatementError, match="audit_log.reason is sealed") as refused:
            async with session_factory(engine).begin() as session:
                await audit.record(session, actor="staff:1", action="reveal", subject_id=5, reason=WORDS)
        assert isinstance(refused.value.orig, NoKeyRing)
    finally:
        await engine.dispose()
