"""The schema comes from migrations, and the migrations describe exactly the models."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from storage.migrate import head_revision, is_up_to_date
from storage.models import metadata


async def test_the_migrated_schema_matches_the_models(engine):
    def differences(connection):
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return compare_metadata(context, metadata)

    async with engine.connect() as connection:
        assert await connection.run_sync(differences) == []


async def test_a_migrated_database_is_at_the_head_revision(database_url):
    assert head_revision()
    assert await is_up_to_date(database_url)


async def test_migrate_upgrades_an_empty_database_in_place(tmp_path):
    from storage.migrate import upgrade

    url = f"sqlite+aiosqlite:///{tmp_path / 'fresh.sqlite3'}"
    assert not await is_up_to_date(url)
    await upgrade(url)
    await upgrade(url)  # running it again is harmless
    assert await is_up_to_date(url)
