"""The schema comes from migrations, and the migrations describe exactly the models."""

from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from storage.db import create_engine
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


async def test_free_text_already_stored_is_sealed_by_the_upgrade_that_seals_it(tmp_path):
    from sqlalchemy import text

    from storage import audit
    from storage.db import create_engine, session_factory
    from storage.migrate import upgrade
    from storage.privacy import KeyRing

    url, keyring = f"sqlite+aiosqlite:///{tmp_path / 'old.sqlite3'}", KeyRing.generate()
    await upgrade(url, "0006_publicity")
    engine = create_engine(url)
    async with engine.begin() as connection:
        await connection.execute(text("INSERT INTO audit_log (at, actor, action, subject_id, detail, reason) VALUES "
                                      "('2026-11-01 08:00:00', 'staff:1', 'reveal', 5, '{}', '她女儿李小红13944443333')"))
    await engine.dispose()

    await upgrade(url, keyring=keyring)
    engine = create_engine(url, keyring=keyring)
    try:
        async with engine.connect() as connection:
            (stored,) = (await connection.execute(text("SELECT reason FROM audit_log"))).one()
        assert stored.startswith("k1:") and "李小红" not in stored
        assert (await audit.entries(session_factory(engine)))[0].reason == "她女儿李小红13944443333"
    finally:
        await engine.dispose()


async def test_the_migrations_of_this_round_go_down_and_up_again_with_their_rows(tmp_path):
    """Alerts of the new kinds and a sealed ledger reason do not stop an operator from going back a release."""
    import asyncio

    from alembic import command
    from sqlalchemy import text

    from storage.migrate import alembic_config, upgrade
    from storage.privacy import KeyRing

    url, keyring = f"sqlite+aiosqlite:///{tmp_path / 'round.sqlite3'}", KeyRing.generate()
    await upgrade(url, keyring=keyring)
    engine = create_engine(url)
    async with engine.begin() as connection:
        for kind in ("late_check_in", "short_visit", "approval", "cancel_loop", "unanswered", "care_call", "sos"):
            await connection.execute(text("INSERT INTO alerts (kind, status, detail, created_at) "
                                          f"VALUES ('{kind}', 'open', '{{}}', '2026-12-01 08:00:00')"))
    await engine.dispose()

    config = alembic_config(url)
    config.attributes["keyring"] = keyring
    await asyncio.to_thread(command.downgrade, config, "0006_publicity")
    engine = create_engine(url)
    async with engine.connect() as connection:
        kinds = (await connection.execute(text("SELECT kind FROM alerts"))).scalars().all()
    await engine.dispose()
    assert kinds == ["sos"]  # the kinds the older code cannot show are gone with it
    await upgrade(url, keyring=keyring)
    assert await is_up_to_date(url)
