"""Where a task's credits come from and go to, and the idempotency keys of every ledger step.

Keys name the request and, for holds and voids, the acceptance they belong
to: a request reopened and accepted again gets a fresh hold under a fresh key,
while a retried step replays the first answer.
"""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from storage.exchange import ISSUANCE, POOL, REQUESTER, ExchangePolicy, Payment, who_pays
from storage.ledger import MEMBER, TransferResult
from storage.ledger.accounts import SINGLETON_REF, available_in, find_or_insert_account
from storage.ledger.reading import settled_in
from storage.members import ledger_ref
from storage.members.tables import MemberRow
from storage.tasks.rules import service_day
from storage.tasks.tables import ServiceRequestRow

SYSTEM_PAYERS = {POOL: POOL, ISSUANCE: ISSUANCE}  # exchange payer -> ledger system account kind


def task_ref(request_id: int) -> str:
    return f"request:{request_id}"


def hold_key(request_id: int, acceptance_no: int) -> str:
    return f"request:{request_id}:hold:{acceptance_no}"


def void_key(request_id: int, acceptance_no: int) -> str:
    return f"request:{request_id}:void:{acceptance_no}"


def post_key(request_id: int) -> str:
    return f"request:{request_id}:post"


def resolve_key(request_id: int) -> str:
    return f"request:{request_id}:resolve"


def age_of(requester: MemberRow, request_day) -> int:
    # Unknown birth year: treated as too young to spend on oneself; staff can still flag need.
    return 0 if requester.birth_year is None else request_day.year - requester.birth_year


async def decide_payer(session: AsyncSession, requester: MemberRow, cost_min: int, policy: ExchangePolicy,
                       day, now: datetime) -> Payment:
    """storage.exchange.who_pays with the live balances of the requester and the pool."""
    return who_pays(cost_min, age_of(requester, day),
                    await available_in(session, MEMBER, ledger_ref(requester.id), now),
                    await available_in(session, POOL, SINGLETON_REF, now),
                    in_need=requester.in_need, policy=policy)


async def decide_payer_for(session: AsyncSession, requester: MemberRow, request: ServiceRequestRow,
                           policy: ExchangePolicy, now: datetime) -> Payment:
    return await decide_payer(session, requester, request.cost_min, policy, service_day(request), now)


async def payer_account_id(session: AsyncSession, payer: str, requester_id: int, now: datetime) -> int:
    if payer == REQUESTER:
        return await member_account_id(session, requester_id, now)
    return (await find_or_insert_account(session, SYSTEM_PAYERS[payer], SINGLETON_REF, now)).id


async def member_account_id(session: AsyncSession, member_id: int, now: datetime) -> int:
    return (await find_or_insert_account(session, MEMBER, ledger_ref(member_id), now)).id


async def settled_transfer(session: AsyncSession, request_id: int) -> TransferResult | None:
    """The transfer that paid the volunteer for a done task, as the ledger first answered it."""
    for key in (post_key(request_id), resolve_key(request_id)):
        if (first := await settled_in(session, key)) is not None:
            return first
    return None
