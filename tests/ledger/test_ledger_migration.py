"""The 0002_ledger migration creates exactly the tables the models describe."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from storage.models import metadata


async def test_the_migrated_ledger_tables_match_the_models(engine):
    def differences(connection):
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, metadata)

    async with engine.connect() as connection:
        diffs = await connection.run_sync(differences)
    assert [diff for diff in diffs if "ledger" in repr(diff)] == []
