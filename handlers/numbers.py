"""Numbers typed after a command: a record's number is a whole number in the range a database id can take;
a year is one the bank can have kept records in."""

from __future__ import annotations

# Ids are 32-bit in every table: a longer number names no record, and is never sent to SQL.
MAX_RECORD_NUMBER = 2**31 - 1
NO_RECORD = 0  # ids start at 1: looking up 0 finds nothing, and every command already says so politely
# No bank kept credits before. An earlier day names no record, and year 1 cannot even be turned into UTC.
FIRST_YEAR = 2000


def record_number(digits: str) -> int:
    """The record a command names; NO_RECORD when the digits cannot name one (far too long, or not digits)."""
    digits = digits.strip().lstrip("#").strip()
    # ASCII digits only: isdigit() also takes "❶" or "፩", which int() refuses.
    if not (digits.isascii() and digits.isdigit()) or len(digits) > len(str(MAX_RECORD_NUMBER)):
        return NO_RECORD
    number = int(digits)
    return number if number <= MAX_RECORD_NUMBER else NO_RECORD
