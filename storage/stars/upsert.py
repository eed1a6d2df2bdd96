"""INSERT … ON CONFLICT in the database's own dialect: a race settled by the unique key, not by a read first."""

from __future__ import annotations

from sqlalchemy.dialects.postgresql import insert as postgresql_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncSession

_DIALECT_INSERTS = {"postgresql": postgresql_insert, "sqlite": sqlite_insert}


async def insert_for(session: AsyncSession, table):
    return _DIALECT_INSERTS[(await session.connection()).dialect.name](table)
