"""Opening accounts and reading their balances."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import and_, case, exists, insert, or_, select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.base import utcnow
from storage.db import Sessions
from storage.ledger.errors import AccountNotFound, InvalidRequest
from storage.ledger.models import REF_LENGTH, AccountRow, HoldResolutionRow, HoldRow, TransferRow
from storage.ledger.rules import posted_balance
from storage.ledger.txn import in_transaction, minutes_total, read_snapshot
from storage.ledger.types import MEMBER, POOL, REVERSAL, SYSTEM_KINDS, Account, Balance

SINGLETON_REF = ""


async def open_member_account(sessions: Sessions, member_ref: str) -> Account:
    """The member's account, opened on first use; safe to call any number of times, concurrently too."""
    _check_ref(member_ref)
    return await _get_or_open(sessions, MEMBER, member_ref)


async def system_account(sessions: Sessions, kind: str, ref: str | None = None) -> Account:
    """issuance, pool and adjustment are singletons (no ref); partner accounts need the partner's ref."""
    if kind not in SYSTEM_KINDS:
        raise InvalidRequest(f"not a system account kind: {kind!r}")
    if SYSTEM_KINDS[kind]:
        _check_ref(ref)
    elif ref is not None:
        raise InvalidRequest(f"the {kind} account is a singleton and takes no ref")
    return await _get_or_open(sessions, kind, ref or SINGLETON_REF)


def _check_ref(ref: str | None) -> None:
    if not ref or len(ref) > REF_LENGTH:
        raise InvalidRequest(f"an owner ref must be 1 to {REF_LENGTH} characters, got {ref!r}")


async def _get_or_open(sessions: Sessions, kind: str, owner_ref: str) -> Account:
    async def work(session: AsyncSession) -> Account:
        return _public(await find_or_insert_account(session, kind, owner_ref, utcnow()))

    # A concurrent opener makes our insert fail on the unique (kind, owner_ref); the retry finds theirs.
    return await in_transaction(sessions, work)


async def find_or_insert_account(session: AsyncSession, kind: str, owner_ref: str, now: datetime) -> AccountRow:
    where = and_(AccountRow.kind == kind, AccountRow.owner_ref == owner_ref)
    row = (await session.execute(select(AccountRow).where(where))).scalar_one_or_none()
    if row is None:
        await session.execute(insert(AccountRow).values(
            kind=kind, owner_ref=owner_ref, debits_posted=0, credits_posted=0,
            debits_pending=0, credits_pending=0, created_at=now))
        row = (await session.execute(select(AccountRow).where(where))).scalar_one()
    return row


async def pool_account_id(session: AsyncSession, now: datetime) -> int:
    return (await find_or_insert_account(session, POOL, SINGLETON_REF, now)).id


def _public(row: AccountRow) -> Account:
    return Account(id=row.id, kind=row.kind, owner_ref=row.owner_ref)


async def live_available(session: AsyncSession, account: AccountRow, now: datetime) -> int:
    return posted_balance(account) - await live_held(session, account, now)


async def available_in(session: AsyncSession, kind: str, owner_ref: str, now: datetime) -> int:
    """Inside the caller's transaction; an account never opened has nothing available (and is not opened)."""
    account = (await session.execute(select(AccountRow).where(
        and_(AccountRow.kind == kind, AccountRow.owner_ref == owner_ref)))).scalar_one_or_none()
    return 0 if account is None else await live_available(session, account, now)


async def live_held(session: AsyncSession, account: AccountRow, now: datetime) -> int:
    """Held by holds still open and before their deadline: one past it holds nothing, swept or not."""
    if account.debits_pending == 0:
        return 0
    return account.debits_pending - await _overdue_open_holds(session, account.id, now)


async def _overdue_open_holds(session: AsyncSession, account_id: int, now: datetime) -> int:
    resolved = exists().where(HoldResolutionRow.hold_id == HoldRow.id)
    return (await session.execute(
        select(minutes_total(HoldRow.amount_min))
        .where(HoldRow.debit_account_id == account_id, HoldRow.expires_at <= now, ~resolved)
    )).scalar_one()


async def balance(sessions: Sessions, account_id: int, now: datetime | None = None) -> Balance:
    async with read_snapshot(sessions) as session:
        account = await session.get(AccountRow, account_id)
        if account is None:
            raise AccountNotFound(f"no ledger account {account_id}")
        return await _balance_in(session, account, now or utcnow())


async def member_balance(sessions: Sessions, member_ref: str, now: datetime | None = None) -> Balance:
    """The member's balance in one snapshot, found by their ref (the account opened first if need be)."""
    _check_ref(member_ref)
    async with read_snapshot(sessions) as session:
        account = (await session.execute(select(AccountRow).where(
            AccountRow.kind == MEMBER, AccountRow.owner_ref == member_ref))).scalar_one_or_none()
        if account is not None:
            return await _balance_in(session, account, now or utcnow())
    return await balance(sessions, (await open_member_account(sessions, member_ref)).id, now)


async def _balance_in(session: AsyncSession, account: AccountRow, now: datetime) -> Balance:
    held = await live_held(session, account, now)
    reversed_in, reversed_out = await _reversal_totals(session, account.id)
    posted = posted_balance(account)
    # Totals are net of corrections: a reversed credit is no longer "earned", a refunded debit no longer "spent".
    return Balance(
        account_id=account.id,
        posted=posted,
        held=held,
        available=posted - held,
        earned_total=account.credits_posted - reversed_in - reversed_out,
        spent_total=account.debits_posted - reversed_out - reversed_in,
    )


async def _reversal_totals(session: AsyncSession, account_id: int) -> tuple[int, int]:
    """Minutes reversals credited to and debited from the account."""
    def total(column):
        return minutes_total(case((column == account_id, TransferRow.amount_min), else_=0))

    row = (await session.execute(
        select(total(TransferRow.credit_account_id), total(TransferRow.debit_account_id))
        .where(TransferRow.kind == REVERSAL,
               or_(TransferRow.credit_account_id == account_id, TransferRow.debit_account_id == account_id))
    )).one()
    return row[0], row[1]
