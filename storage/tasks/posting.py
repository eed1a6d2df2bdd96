"""Posting a request: what it costs, who would pay, and the request itself, idempotent on its key."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import Sessions
from storage.exchange import Catalogue, ExchangePolicy, UnknownService
from storage.ledger import in_transaction
from storage.ledger.txn import read_snapshot
from storage.members import Actor
from storage.members.access import is_active
from storage.members.rows import member_row
from storage.privacy import KeyRing
from storage.tasks.errors import CannotPay, InvalidTask
from storage.tasks.parties import requester_side
from storage.tasks.payment import decide_payer
from storage.tasks.rules import LOCAL_TIME
from storage.tasks.sealing import seal_request
from storage.tasks.tables import OPEN, ServiceRequestRow
from storage.tasks.transitions import POSTED, append_event
from storage.tasks.values import DEFAULT_TASK_RULES, Point, Quote, Task, TaskRules, as_task
from storage.tasks.windows import check_request_timing

MAX_NOTES_CHARS = 500


def _cost(catalogue: Catalogue, service_code: str, duration_min: int) -> int:
    try:
        return catalogue.cost(service_code, duration_min)
    except UnknownService as error:
        raise InvalidTask(str(error)) from None
    except ValueError:
        raise InvalidTask(f"a duration is a positive number of minutes, got {duration_min!r}") from None


async def quote(sessions: Sessions, *, requester_id: int, service_code: str, duration_min: int,
                catalogue: Catalogue, policy: ExchangePolicy, now: datetime) -> Quote:
    """What post_request would decide now, for the confirmation the member is shown."""
    cost = _cost(catalogue, service_code, duration_min)
    async with read_snapshot(sessions) as session:
        requester = await member_row(session, requester_id)
        payment = await decide_payer(session, requester, cost, policy, now.astimezone(LOCAL_TIME).date(), now)
    return Quote(cost, payment.payer, payment.reason)


async def post_request(sessions: Sessions, keyring: KeyRing, *, request_key: str, requester_id: int, actor: Actor,
                       service_code: str, starts_at: datetime, duration_min: int, catalogue: Catalogue,
                       policy: ExchangePolicy, place: str | None = None, place_point: Point | None = None,
                       notes: str | None = None, rules: TaskRules = DEFAULT_TASK_RULES, now: datetime) -> Task:
    """A new open request; sent again with the same request_key, the first one."""
    cost = _cost(catalogue, service_code, duration_min)
    check_request_timing(starts_at, duration_min, rules, now)
    if notes is not None and len(notes) > MAX_NOTES_CHARS:
        raise InvalidTask(f"notes are at most {MAX_NOTES_CHARS} characters")

    async def work(session: AsyncSession) -> Task:
        first = (await session.execute(select(ServiceRequestRow).where(
            ServiceRequestRow.request_key == request_key))).scalar_one_or_none()
        if first is not None:
            return as_task(first)
        posted_by = await requester_side(session, actor, requester_id)
        requester = await member_row(session, requester_id)
        if not is_active(requester):
            raise InvalidTask(f"member {requester_id} is not active")
        payment = await decide_payer(session, requester, cost, policy, starts_at.astimezone(LOCAL_TIME).date(), now)
        if not payment.allowed:
            raise CannotPay(payment.reason)
        row = ServiceRequestRow(
            request_key=request_key, requester_id=requester_id, posted_by=posted_by, service_code=service_code,
            community=requester.community, starts_at=starts_at, duration_min=duration_min, cost_min=cost,
            status=OPEN, acceptance_no=0, payer=payment.payer, expires_at=starts_at, version=0,
            created_at=now, updated_at=now)
        session.add(row)
        await session.flush()  # the id, which every ciphertext is bound to
        seal_request(keyring, row, place, place_point, notes)
        await append_event(session, row.id, None, OPEN, POSTED, posted_by, now,
                           detail={"payer": payment.payer, "cost_min": cost})
        await session.flush()
        return as_task(row)

    # Two sends of one request at once: the loser's insert fails on request_key; the retry returns the winner's.
    return await in_transaction(sessions, work)
