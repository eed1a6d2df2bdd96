"""The ledger's facts cannot be rewritten, not even by SQL behind its back (migration 0007_service_windows).

Runs on the embedded SQLite, and on PostgreSQL when TIMEBANK_TEST_DATABASE_URL points there.
"""

import pytest
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

STATEMENTS = [
    "UPDATE ledger_transfers SET amount_min = amount_min * 2",
    "DELETE FROM ledger_transfers",
    "UPDATE ledger_holds SET amount_min = 1",
    "DELETE FROM ledger_holds",
    "UPDATE ledger_hold_resolutions SET posted_min = 0",
    "DELETE FROM ledger_hold_resolutions",
    "UPDATE ledger_idempotency_keys SET result = '{}'",
    "DELETE FROM ledger_idempotency_keys",
]


@pytest.mark.parametrize("statement", STATEMENTS)
async def test_the_database_refuses_to_rewrite_a_ledger_fact(bank, statement):
    elder, volunteer = await bank.member("elder", funded=600), await bank.member("volunteer")
    held = await bank.hold(elder, volunteer, 60)
    await bank.post(held.hold_id, 30)

    with pytest.raises(DBAPIError, match="append-only"):
        async with bank.sessions.begin() as session:
            await session.execute(text(statement))

    assert (await bank.verify()).ok
    assert await bank.available(volunteer) == 30


async def test_cached_balances_stay_the_ledgers_to_update(bank):
    elder = await bank.member("elder", funded=600)
    await bank.pay(elder, await bank.member("volunteer"), 60)
    assert await bank.available(elder) == 540
