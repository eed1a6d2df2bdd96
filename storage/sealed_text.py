"""Free text a person typed (a dispute, a staff note, a story draft), sealed like personal fields.

A `SealedText` column encrypts on the way into the database and opens on the way out, so the code that
writes and reads a dispute reason is unchanged while the database, its WAL and its backups only ever
hold ciphertext. The key ring belongs to the engine (`create_engine(url, keyring=…)`): an engine without
one refuses to write or read such a column rather than store or show it in the clear.

A value is bound to its column ("task_events.reason"), not its row: the type never sees the row's id.
A ciphertext moved to another column fails to open; moved to another row of the same column it opens,
which shows a note in the wrong place but gives nobody a value they could not already read there.
"""

from __future__ import annotations

from sqlalchemy import Text
from sqlalchemy.types import TypeDecorator

from storage.privacy import KeyRing, PrivacyError, decrypt, encrypt

KEYRING_ATTRIBUTE = "timebank_keyring"


class NoKeyRing(PrivacyError):
    code = "no_keyring"


class SealedText(TypeDecorator):
    impl = Text
    cache_ok = True

    def __init__(self, where: str):
        super().__init__()
        self.where = where  # "<table>.<column>", what the ciphertext is bound to

    def process_bind_param(self, value, dialect):
        return None if value is None else encrypt(keyring_of(dialect, self.where), value, self.where)

    def process_result_value(self, value, dialect):
        return None if value is None else decrypt(keyring_of(dialect, self.where), value, self.where)

    def process_literal_param(self, value, dialect):
        raise NoKeyRing(f"{self.where}: a sealed value is never written into SQL text")


def install_keyring(engine, keyring: KeyRing) -> None:
    """Gives an engine (sync or async) the key ring its SealedText columns seal and open with."""
    setattr(engine.dialect, KEYRING_ATTRIBUTE, keyring)


def keyring_of(dialect, where: str) -> KeyRing:
    keyring = getattr(dialect, KEYRING_ATTRIBUTE, None)
    if keyring is None:
        raise NoKeyRing(f"{where} is sealed: open the database with create_engine(url, keyring=…)")
    return keyring


def sealed_columns(metadata) -> list[tuple[str, str]]:
    """(table, column) of every SealedText column, in table order."""
    return [(table.name, column.name) for table in metadata.sorted_tables for column in table.columns
            if isinstance(column.type, SealedText)]


def binding_of(table, column) -> str | None:
    """What a column's ciphertext is bound to, or None if it is not sealed.

    Three ways to be sealed: a SealedText column; a `<name>_enc` column the code seals per row
    ("<table>:<id>:<name>", storage.rotation); a column marked `info={"sealed": "<binding>"}`.
    """
    if isinstance(column.type, SealedText):
        return f"`{column.type.where}`"
    if column.name.endswith("_enc"):
        (key,) = table.primary_key.columns
        return f"`{table.name}:<{key.name}>:{column.name.removesuffix('_enc')}`"
    if "sealed" in column.info:
        return f"`{column.info['sealed']}`"
    return None


def sealed_columns_table(metadata) -> str:
    """The markdown table of every sealed column that docs/privacy.md carries (a test keeps it in step)."""
    lines = ["| table | column | bound to |", "|---|---|---|"]
    tables = sorted(metadata.tables.values(), key=lambda table: table.name)
    lines += [f"| `{table.name}` | `{column.name}` | {binding} |" for table in tables
              for column in table.columns if (binding := binding_of(table, column))]
    return "\n".join(lines) + "\n"

