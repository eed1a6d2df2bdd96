"""The lists the staff console pages through: members, requests, transfers, alerts, redemptions.

Read-only, newest first, bounded. Members come back masked: the console shows
a person unmasked only through storage.members.reveal.

Finding a member by name: names are sealed per row (the ciphertext is bound to
the member and field), so SQL cannot compare them. A keyed hash of the full
name would need a new column, would find only exact full names ("刘芳", never
"刘"), and would tell anyone with the table which members share a name.
Instead the search opens the names of a bounded page of candidates (narrowed
by role, community and status, newest first) and matches in memory; a
community has hundreds of members, not millions. Staff may read names
anyway (storage.members.REVEAL_RIGHTS), results are shown masked, and the
console logs each search (without the words searched for).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select

from storage.alert_tables import AlertRow
from storage.alerts import Alert, as_alert
from storage.db import Sessions
from storage.ledger.reading import TransferLine, transfers_page
from storage.members.disclosure import MASK
from storage.members.rows import as_member
from storage.members.sealing import unseal
from storage.members.tables import MemberRow
from storage.members.values import Member, ledger_ref
from storage.privacy import InvalidPhone, KeyRing, phone_hash
from storage.redemptions import PartnerItemRow, RedemptionRow
from storage.tasks.tables import ServiceRequestRow
from storage.tasks.values import Task, as_task

NAME_SCAN_LIMIT = 2000
PAGE = 50


@dataclass(frozen=True)
class MemberLine:
    member: Member
    masked_name: str | None
    masked_phone: str | None


def _line(keyring: KeyRing, row: MemberRow) -> MemberLine:
    name, phone = unseal(keyring, row, "real_name"), unseal(keyring, row, "phone")
    return MemberLine(as_member(row), name and MASK["real_name"](name), phone and MASK["phone"](phone))


async def find_members(sessions: Sessions, keyring: KeyRing, *, words: str = "", role: str | None = None,
                       community: str | None = None, limit: int = PAGE) -> list[MemberLine]:
    """By phone (exact keyed-hash lookup) when `words` is one, else by part of the name; newest first."""
    query = select(MemberRow).where(MemberRow.erased_at.is_(None)).order_by(MemberRow.id.desc())
    if role:
        query = query.where(MemberRow.role == role)
    if community:
        query = query.where(MemberRow.community == community)
    words = words.strip()
    digits = words.replace(" ", "").replace("-", "")
    if digits.lstrip("+").isdigit():
        try:
            query = query.where(MemberRow.phone_hash == phone_hash(keyring, digits))
        except InvalidPhone:
            return []
        words = ""
    async with sessions() as session:
        rows = (await session.execute(query.limit(NAME_SCAN_LIMIT if words else limit))).scalars().all()
    found = []
    for row in rows:
        if words and words not in (unseal(keyring, row, "real_name") or ""):
            continue
        found.append(_line(keyring, row))
        if len(found) == limit:
            break
    return found


async def member_lines(sessions: Sessions, keyring: KeyRing, member_ids: list[int]) -> dict[int, MemberLine]:
    async with sessions() as session:
        rows = (await session.execute(select(MemberRow).where(MemberRow.id.in_(member_ids)))).scalars().all()
    return {row.id: _line(keyring, row) for row in rows}


async def communities(sessions: Sessions) -> list[str]:
    async with sessions() as session:
        return [name for name in (await session.execute(
            select(MemberRow.community).where(MemberRow.community.is_not(None)).distinct()
            .order_by(MemberRow.community))).scalars()]


@dataclass(frozen=True)
class TaskFilter:
    status: str | None = None
    service_code: str | None = None
    community: str | None = None
    since: datetime | None = None  # planned start from
    until: datetime | None = None  # planned start before


async def find_tasks(sessions: Sessions, where: TaskFilter, *, limit: int = PAGE) -> list[Task]:
    query = select(ServiceRequestRow).order_by(ServiceRequestRow.id.desc()).limit(limit)
    for column, value in ((ServiceRequestRow.status, where.status), (ServiceRequestRow.service_code,
                          where.service_code), (ServiceRequestRow.community, where.community)):
        if value:
            query = query.where(column == value)
    if where.since:
        query = query.where(ServiceRequestRow.starts_at >= where.since)
    if where.until:
        query = query.where(ServiceRequestRow.starts_at < where.until)
    async with sessions() as session:
        return [as_task(row) for row in (await session.execute(query)).scalars()]


async def find_transfers(sessions: Sessions, *, account_id: int | None = None, member_id: int | None = None,
                         limit: int = PAGE) -> list[TransferLine]:
    """The newest transfers, of one account (by id, or a member's) if asked: the ledger's read API."""
    return await transfers_page(sessions, account_id=account_id, limit=limit,
                                owner_ref=ledger_ref(member_id) if member_id is not None else None)


async def recent_alerts(sessions: Sessions, *, status: str, limit: int = PAGE) -> list[Alert]:
    """Open ones oldest first (the queue); handled ones newest first (what was done)."""
    order = AlertRow.id if status == "open" else AlertRow.id.desc()
    async with sessions() as session:
        rows = (await session.execute(select(AlertRow).where(AlertRow.status == status).order_by(order)
                                      .limit(limit))).scalars().all()
    return [as_alert(row) for row in rows]


@dataclass(frozen=True)
class RedemptionLine:
    id: int
    code: str
    partner_name: str
    item_name: str
    price_min: int
    status: str
    member_account_id: int
    created_at: datetime
    expires_at: datetime
    closed_at: datetime | None
    closed_by: str | None


async def recent_redemptions(sessions: Sessions, *, status: str | None = None,
                             limit: int = PAGE) -> list[RedemptionLine]:
    query = (select(RedemptionRow, PartnerItemRow).join(PartnerItemRow, PartnerItemRow.id == RedemptionRow.item_id)
             .order_by(RedemptionRow.id.desc()).limit(limit))
    if status:
        query = query.where(RedemptionRow.status == status)
    async with sessions() as session:
        rows = (await session.execute(query)).all()
    return [RedemptionLine(r.id, r.code, item.partner_name, item.name, r.price_min, r.status, r.member_account_id,
                           r.created_at, r.expires_at, r.closed_at, r.closed_by) for r, item in rows]


@dataclass(frozen=True)
class ItemLine:
    id: int
    partner_name: str
    name: str
    price_min: int
    stock: int
    active: bool


async def all_items(sessions: Sessions) -> list[ItemLine]:
    """Every catalogue item, offered or no longer offered, with the stock left now."""
    async with sessions() as session:
        rows = (await session.execute(select(PartnerItemRow).order_by(PartnerItemRow.partner_code,
                                                                      PartnerItemRow.id))).scalars()
        return [ItemLine(row.id, row.partner_name, row.name, row.price_min, row.stock, row.active) for row in rows]
