"""Who did something, as a person should read it: a masked name and a role, never `member:5` or `staff:1`.

Used by the chat (谁看过我的信息) and by the staff console alike.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from handlers.names import ROLES
from storage import console_queries
from storage.db import Sessions
from storage.privacy import KeyRing

PERSON_REF = re.compile(r"^(member|staff):(\d+)$")
NOT_PEOPLE = {"system": "系统", "test": "系统"}
STAFF_ROLE = "工作人员"
UNNAMED = "（已注销）"


async def named(sessions: Sessions, keyring: KeyRing, refs: Iterable[str]) -> dict[str, str]:
    """{ref: "王**（志愿者）"} for every ref given; a ref that is not a person keeps a plain Chinese word."""
    found = {ref: PERSON_REF.match(ref or "") for ref in set(refs)}
    ids = sorted({int(match.group(2)) for match in found.values() if match})
    lines = await console_queries.member_lines(sessions, keyring, ids)
    return {ref: _name(ref, match, lines) for ref, match in found.items()}


def _name(ref: str, match, lines) -> str:
    if match is None:
        return NOT_PEOPLE.get(ref, ref or "")
    line = lines.get(int(match.group(2)))
    if line is None:
        return UNNAMED
    role = STAFF_ROLE if match.group(1) == "staff" else ROLES.get(line.member.role, "")
    return f"{line.masked_name or UNNAMED}（{role}）"
