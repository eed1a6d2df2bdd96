"""Schema migrations through alembic, callable from the CLI and the tests."""

from __future__ import annotations

import asyncio
from pathlib import Path

from alembic import command
from alembic.config import Config as AlembicConfig
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy.ext.asyncio import AsyncEngine

from storage.db import create_engine
from storage.privacy import KeyRing

MIGRATIONS = Path(__file__).with_name("migrations")


def alembic_config(url: str) -> AlembicConfig:
    config = AlembicConfig()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.set_main_option("sqlalchemy.url", url.replace("%", "%%"))
    return config


def head_revision() -> str:
    return ScriptDirectory.from_config(alembic_config("sqlite://")).get_current_head()


async def upgrade(url: str, revision: str = "head", *, keyring: KeyRing | None = None) -> None:
    """Upgrade in place; alembic's env runs its own event loop, so it gets a thread.

    `keyring`: for a migration that seals values already stored (0008); an empty database needs none.
    """
    config = alembic_config(url)
    config.attributes["keyring"] = keyring
    await asyncio.to_thread(command.upgrade, config, revision)


async def current_revision(engine: AsyncEngine) -> str | None:
    async with engine.connect() as connection:
        return await connection.run_sync(lambda sync: MigrationContext.configure(sync).get_current_revision())


async def is_up_to_date(url: str) -> bool:
    engine = create_engine(url)
    try:
        return await current_revision(engine) == head_revision()
    finally:
        await engine.dispose()
