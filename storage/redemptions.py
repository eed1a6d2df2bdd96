"""Spending credits at partner businesses: a catalogue with stock, and redemption codes backed by ledger holds.

Redeeming reserves one unit of stock and holds the price on the member's
account; the partner (or staff) completes it with the code, which posts the
hold to the partner's account, or it expires and the hold is voided and the
stock returned. The stock row and the ledger live in different transactions,
so each step is idempotent and a redemption row records how far it got:
reserving → held → completed | voided | expired, or refused.
"""

from __future__ import annotations

import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlalchemy import Boolean, Integer, String, UniqueConstraint, select, update
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Mapped, mapped_column

from storage import ledger
from storage.base import Base, UTCDateTime, utcnow
from storage.db import Sessions


RESERVING, HELD, COMPLETED, VOIDED, EXPIRED, REFUSED = "reserving", "held", "completed", "voided", "expired", "refused"
# Codes are read aloud at a shop counter: no 0/O, 1/I/L.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH = 6
DEFAULT_VALIDITY = timedelta(days=7)
EXPIRY_ACTOR = "redemption:expiry"
# Ledger answers that asking again would not change.
PERMANENT_REFUSALS = (ledger.InsufficientCredit, ledger.InvalidRequest, ledger.CapReached, ledger.AccountNotFound)


class RedemptionError(Exception):
    """Base of the refusals a member or partner can be told about."""


class OutOfStock(RedemptionError):
    pass


class UnknownItem(RedemptionError):
    pass


class UnknownCode(RedemptionError):
    pass


class CodeNotOpen(RedemptionError):
    def __init__(self, status: str):
        super().__init__(status)
        self.status = status


class PartnerItemRow(Base):
    __tablename__ = "partner_items"
    __table_args__ = (UniqueConstraint("partner_code", "item_code"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    partner_code: Mapped[str] = mapped_column(String(40))
    partner_name: Mapped[str] = mapped_column(String(100))
    item_code: Mapped[str] = mapped_column(String(40))
    name: Mapped[str] = mapped_column(String(100))
    price_min: Mapped[int] = mapped_column(Integer)
    stock: Mapped[int] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(Boolean, default=True)


class RedemptionRow(Base):
    __tablename__ = "redemptions"

    id: Mapped[int] = mapped_column(Integer, primary_key=True, autoincrement=True)
    code: Mapped[str] = mapped_column(String(CODE_LENGTH), unique=True)
    request_key: Mapped[str] = mapped_column(String(200), unique=True)  # the member's idempotency key
    member_account_id: Mapped[int] = mapped_column(Integer, index=True)
    item_id: Mapped[int] = mapped_column(Integer)
    price_min: Mapped[int] = mapped_column(Integer)
    hold_id: Mapped[int | None] = mapped_column(Integer)
    status: Mapped[str] = mapped_column(String(16), index=True)
    created_at: Mapped[datetime] = mapped_column(UTCDateTime())
    expires_at: Mapped[datetime] = mapped_column(UTCDateTime())
    closed_at: Mapped[datetime | None] = mapped_column(UTCDateTime())
    closed_by: Mapped[str | None] = mapped_column(String(100))


@dataclass(frozen=True)
class CatalogueEntry:
    """An item as configured: the stock is the opening stock, used only when the item is first seen."""

    partner_code: str
    partner_name: str
    item_code: str
    name: str
    price_min: int
    stock: int


@dataclass(frozen=True)
class PartnerItem(CatalogueEntry):
    """An item as the bank holds it: its id, and the stock left now."""

    id: int


@dataclass(frozen=True)
class Redemption:
    id: int
    code: str
    item: PartnerItem
    price_min: int
    status: str
    expires_at: datetime


async def sync_catalogue(sessions: Sessions, entries: tuple[CatalogueEntry, ...]) -> None:
    """Bring names and prices in line with the configuration; stock is the database's from then on."""
    try:
        await _sync_catalogue(sessions, entries)
    except IntegrityError:  # another process starting at the same moment added the same new item
        await _sync_catalogue(sessions, entries)


async def _sync_catalogue(sessions: Sessions, entries: tuple[CatalogueEntry, ...]) -> None:
    async with sessions.begin() as session:
        existing = {(row.partner_code, row.item_code): row for row in (await session.execute(select(PartnerItemRow))).scalars()}
        for entry in entries:
            row = existing.pop((entry.partner_code, entry.item_code), None)
            if row is None:
                session.add(PartnerItemRow(**entry.__dict__, active=True))
            else:
                row.partner_name, row.name, row.price_min, row.active = entry.partner_name, entry.name, entry.price_min, True
        for row in existing.values():  # removed from the configuration: no longer offered
            row.active = False


async def catalogue(sessions: Sessions) -> list[PartnerItem]:
    async with sessions() as session:
        rows = (await session.execute(
            select(PartnerItemRow).where(PartnerItemRow.active.is_(True)).order_by(PartnerItemRow.id))).scalars()
        return [_item(row) for row in rows]


async def partner_name(sessions: Sessions, partner_code: str) -> str | None:
    async with sessions() as session:
        return (await session.execute(select(PartnerItemRow.partner_name)
                                      .where(PartnerItemRow.partner_code == partner_code).limit(1))).scalar()


async def redeem(sessions: Sessions, member_account_id: int, item_id: int, request_key: str, *, actor: str,
                 rules: ledger.LedgerRules = ledger.DEFAULT_RULES, validity: timedelta = DEFAULT_VALIDITY) -> Redemption:
    """Reserve stock, hold the price, hand out a code. The same request_key returns the same redemption."""
    redemption_id = await _reserve(sessions, member_account_id, item_id, request_key, validity)
    row = await _row(sessions, redemption_id)
    if row.status == RESERVING:
        await _hold_price(sessions, row, actor, rules)
    return await _redemption(sessions, redemption_id)


async def _reserve(sessions: Sessions, member_account_id: int, item_id: int, request_key: str,
                   validity: timedelta) -> int:
    try:
        async with sessions.begin() as session:
            item = await session.get(PartnerItemRow, item_id)
            if item is None or not item.active:
                raise UnknownItem(str(item_id))
            taken = await session.execute(update(PartnerItemRow)
                                          .where(PartnerItemRow.id == item_id, PartnerItemRow.stock > 0)
                                          .values(stock=PartnerItemRow.stock - 1))
            if taken.rowcount != 1:
                raise OutOfStock(item.name)
            now = utcnow()
            row = RedemptionRow(code=_new_code(), request_key=request_key, member_account_id=member_account_id,
                                item_id=item_id, price_min=item.price_min, status=RESERVING, created_at=now,
                                expires_at=now + validity)
            session.add(row)
            await session.flush()
            return row.id
    except IntegrityError:
        # The same request again (or, once in a blue moon, a code collision: the retry draws anew).
        async with sessions() as session:
            existing = (await session.execute(
                select(RedemptionRow.id).where(RedemptionRow.request_key == request_key))).scalar_one_or_none()
        if existing is None:
            return await _reserve(sessions, member_account_id, item_id, request_key, validity)
        return existing


async def _hold_price(sessions: Sessions, row: RedemptionRow, actor: str, rules: ledger.LedgerRules) -> None:
    partner = await ledger.system_account(sessions, ledger.PARTNER, await _partner_code(sessions, row.item_id))
    try:
        held = await ledger.hold(sessions, ledger.HoldRequest(
            debit_account_id=row.member_account_id, credit_account_id=partner.id, amount_min=row.price_min,
            kind=ledger.REDEMPTION, idempotency_key=f"redemption:{row.id}:hold", actor=actor,
            expires_at=row.expires_at, task_ref=f"redemption:{row.id}"), rules)
    except PERMANENT_REFUSALS:
        await _close(sessions, row.id, REFUSED, actor, restock=True)
        raise
    # Anything else (the ledger busy, a lost connection) leaves the row reserving: asking again retries it.
    await _set(sessions, row.id, RESERVING, status=HELD, hold_id=held.hold_id)


async def complete(sessions: Sessions, code: str, actor: str) -> Redemption:
    """The partner hands over the item: the held credits are paid to the partner, once.

    The ledger key is the code's, not the actor's: whoever comes second, from any place (chat, console) or
    at the same moment, is told CodeNotOpen(COMPLETED), never handed an error.
    """
    row = await _row_by_code(sessions, code)
    if row.status != HELD:
        raise CodeNotOpen(row.status)
    try:
        posted = await ledger.post_hold(sessions, row.hold_id, f"redemption:{row.id}:post", actor)
    except ledger.IdempotencyKeyReused:  # completed a moment ago by someone else
        await _set(sessions, row.id, HELD, status=COMPLETED, closed_at=utcnow(), closed_by=actor)
        raise CodeNotOpen(COMPLETED) from None
    except (ledger.HoldExpired, ledger.HoldNotOpen):
        status = await _close_expired(sessions, row.id)
        raise CodeNotOpen(EXPIRED if status != COMPLETED else COMPLETED) from None
    await _set(sessions, row.id, HELD, status=COMPLETED, closed_at=utcnow(), closed_by=actor)
    if posted.replayed:  # the same hand twice: the first one did it
        raise CodeNotOpen(COMPLETED)
    return await _redemption(sessions, row.id)


async def ticket(sessions: Sessions, code: str) -> Redemption:
    return await _redemption(sessions, (await _row_by_code(sessions, code)).id)


async def cancel(sessions: Sessions, redemption_id: int, actor: str) -> Redemption:
    row = await _row(sessions, redemption_id)
    if row.status == HELD:
        await ledger.void_hold(sessions, row.hold_id, f"redemption:{row.id}:void", actor, reason="cancelled")
        await _close(sessions, row.id, VOIDED, actor, restock=True)
    return await _redemption(sessions, redemption_id)


async def expire_due(sessions: Sessions, now: datetime | None = None) -> int:
    """Codes past their date: void the hold (the ledger sweeps it too) and return the stock."""
    now = now or utcnow()
    await ledger.expire_holds(sessions, now)
    async with sessions() as session:
        due = (await session.execute(select(RedemptionRow.id).where(
            RedemptionRow.status.in_((HELD, RESERVING)), RedemptionRow.expires_at <= now))).scalars().all()
    return sum([await _close_expired(sessions, redemption_id) == EXPIRED for redemption_id in due])


async def _close_expired(sessions: Sessions, redemption_id: int) -> str:
    """Close a code whose time is up, by what its hold says: paid just in time, or given back."""
    row = await _row(sessions, redemption_id)
    if row.hold_id is not None:
        try:
            await ledger.void_hold(sessions, row.hold_id, f"redemption:{row.id}:void", EXPIRY_ACTOR, reason="expired")
        except ledger.HoldNotOpen as closed:
            if closed.outcome == ledger.POSTED:  # the partner completed it a moment before the deadline
                await _set(sessions, row.id, HELD, status=COMPLETED, closed_at=utcnow(), closed_by=EXPIRY_ACTOR)
                return COMPLETED
    if await _close(sessions, row.id, EXPIRED, EXPIRY_ACTOR, restock=True):
        return EXPIRED
    return (await _row(sessions, row.id)).status  # closed meanwhile by someone else


async def _close(sessions: Sessions, redemption_id: int, status: str, actor: str, *, restock: bool) -> int:
    """Close an open redemption once; only the call that closes it returns the stock."""
    async with sessions.begin() as session:
        row = await session.get(RedemptionRow, redemption_id)
        closed = await session.execute(update(RedemptionRow)
                                       .where(RedemptionRow.id == redemption_id,
                                              RedemptionRow.status.in_((RESERVING, HELD)))
                                       .values(status=status, closed_at=utcnow(), closed_by=actor))
        if closed.rowcount == 1 and restock:
            await session.execute(update(PartnerItemRow).where(PartnerItemRow.id == row.item_id)
                                  .values(stock=PartnerItemRow.stock + 1))
        return closed.rowcount


async def _set(sessions: Sessions, redemption_id: int, expected: str, **values) -> None:
    async with sessions.begin() as session:
        await session.execute(update(RedemptionRow)
                              .where(RedemptionRow.id == redemption_id, RedemptionRow.status == expected)
                              .values(**values))


async def _row(sessions: Sessions, redemption_id: int) -> RedemptionRow:
    async with sessions() as session:
        return await session.get(RedemptionRow, redemption_id)


async def _row_by_code(sessions: Sessions, code: str) -> RedemptionRow:
    async with sessions() as session:
        row = (await session.execute(
            select(RedemptionRow).where(RedemptionRow.code == code.strip().upper()))).scalar_one_or_none()
    if row is None:
        raise UnknownCode(code)
    return row


async def _partner_code(sessions: Sessions, item_id: int) -> str:
    async with sessions() as session:
        return (await session.get(PartnerItemRow, item_id)).partner_code


async def _redemption(sessions: Sessions, redemption_id: int) -> Redemption:
    async with sessions() as session:
        row = await session.get(RedemptionRow, redemption_id)
        item = await session.get(PartnerItemRow, row.item_id)
        return Redemption(row.id, row.code, _item(item), row.price_min, row.status, row.expires_at)


def _item(row: PartnerItemRow) -> PartnerItem:
    return PartnerItem(id=row.id, partner_code=row.partner_code, partner_name=row.partner_name,
                       item_code=row.item_code, name=row.name, price_min=row.price_min, stock=row.stock)


def _new_code() -> str:
    return "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))
