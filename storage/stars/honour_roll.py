"""The monthly honour roll of a community: volunteers who said yes to it, masked, with their hours and stars.

Being on it is the member's own choice (上光荣榜 / 不上光荣榜), audited like the broadcast opt-out; nobody
is on it without having said yes. Every reading of a roll by staff (chat preview, broadcast, console) is
in the audit log, as other lists of people are.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from storage import audit
from storage.db import Sessions
from storage.ledger.served_hours import served_minutes_of
from storage.members.disclosure import MASK
from storage.members.sealing import unseal
from storage.members.tables import MemberRow
from storage.members.values import ACTIVE, ledger_ref
from storage.privacy import KeyRing
from storage.stars.levels import StarRules, stars_for
from storage.stars.tables import HonourRollChoiceRow
from storage.stars.upsert import insert_for

UNNAMED = "志愿者"  # a member who left no name is still thanked


@dataclass(frozen=True)
class RollLine:
    member_id: int
    masked_name: str
    served_min: int  # in the month
    stars: int  # by all hours served up to the month's end


async def choice_of(sessions: Sessions, member_id: int) -> bool | None:
    """True: on the roll; False: said no; None: not asked yet."""
    async with sessions() as session:
        row = await session.get(HonourRollChoiceRow, member_id)
    return None if row is None else row.opted_in


async def set_choice(sessions: Sessions, member_id: int, opted_in: bool, *, is_staff: bool, now: datetime) -> bool:
    """上光荣榜 / 不上光荣榜, said by the member themselves: audited; False when it was already so."""
    async with sessions.begin() as session:
        row = await session.get(HonourRollChoiceRow, member_id, with_for_update=True)
        if row is not None and row.opted_in == opted_in:
            return False
        statement = (await insert_for(session, HonourRollChoiceRow)).values(
            member_id=member_id, opted_in=opted_in, decided_at=now)
        await session.execute(statement.on_conflict_do_update(
            index_elements=[HonourRollChoiceRow.member_id], set_={"opted_in": opted_in, "decided_at": now}))
        await audit.record(session, actor=audit.member_actor(member_id, is_staff), subject_id=member_id,
                           action="honour_roll_opt_in" if opted_in else "honour_roll_opt_out", at=now)
        return True


async def honour_roll(sessions: Sessions, keyring: KeyRing, community: str, *, since: datetime, until: datetime,
                      rules: StarRules, viewer_id: int | None, month: str) -> list[RollLine]:
    """Who of `community` said yes and served in [since, until), most hours first. Read by a staff member
    (`viewer_id`), the reading is audited; None only asks whether anyone is on it, and shows nobody."""
    async with sessions.begin() as session:
        rows = (await session.execute(
            select(MemberRow).join(HonourRollChoiceRow, HonourRollChoiceRow.member_id == MemberRow.id)
            .where(HonourRollChoiceRow.opted_in.is_(True), MemberRow.community == community,
                   MemberRow.status == ACTIVE, MemberRow.erased_at.is_(None)))).scalars().all()
        if viewer_id is not None:
            await audit.record(session, actor=audit.member_actor(viewer_id, True), action="honour_roll_view",
                               detail={"community": community, "month": month})
    refs = [ledger_ref(row.id) for row in rows]
    in_month = await served_minutes_of(sessions, refs, since=since, until=until)
    in_all = await served_minutes_of(sessions, refs, until=until)
    lines = [RollLine(row.id, _masked_name(keyring, row), in_month[ledger_ref(row.id)].total,
                      stars_for(in_all[ledger_ref(row.id)].total, rules))
             for row in rows if in_month[ledger_ref(row.id)].total > 0]
    return sorted(lines, key=lambda line: (-line.served_min, line.member_id))


def _masked_name(keyring: KeyRing, row: MemberRow) -> str:
    name = unseal(keyring, row, "real_name")
    return MASK["real_name"](name) if name else UNNAMED
