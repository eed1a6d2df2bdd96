"""Background jobs: what time brings is done by the job worker, once, however many workers run."""

import asyncio
from datetime import timedelta

from bot.worker import build_worker
from storage import ledger, redemptions
from storage.base import utcnow
from storage.redemptions import CatalogueEntry

RICE = CatalogueEntry("yonghui", "永辉超市", "rice_5kg", "大米5斤", price_min=120, stock=3)


# Long enough that a busy machine makes the hold before its deadline passes (CI once took two seconds between
# the code's deadline and its hold); the tests then wait for the deadline rather than guess at it.
VALIDITY = timedelta(seconds=5)


async def stock(sessions) -> int:
    return {item.item_code: item.stock for item in await redemptions.catalogue(sessions)}["rice_5kg"]


async def past(deadline) -> None:
    await asyncio.sleep(max(0.0, (deadline - utcnow()).total_seconds()) + 0.05)


async def test_an_expired_code_is_closed_by_a_worker_and_its_credit_and_stock_come_back(runtime):
    sessions = runtime.sessions
    await redemptions.sync_catalogue(sessions, (RICE,))
    [rice] = await redemptions.catalogue(sessions)
    volunteer = await ledger.open_member_account(sessions, "member:1")
    issuance = await ledger.system_account(sessions, ledger.ISSUANCE)
    await ledger.transfer(sessions, ledger.TransferRequest(issuance.id, volunteer.id, 300, ledger.GRANT, "seed", "staff:1"))
    code = await redemptions.redeem(sessions, volunteer.id, rice.id, "wx:msg:9", actor="member:1", validity=VALIDITY)
    await past(code.expires_at)

    assert await runtime.jobs.enqueue("expire_redemptions", job_id="expire:test")
    assert not await runtime.jobs.enqueue("expire_redemptions", job_id="expire:test")  # once, by its id
    workers = [build_worker(runtime, burst=True) for _ in range(2)]
    await asyncio.gather(*(worker.async_run() for worker in workers))
    for worker in workers:
        await worker.close()

    assert sum(worker.jobs_complete for worker in workers) >= 1  # ours, and perhaps a scheduled sweep
    assert await stock(sessions) == 3
    assert (await ledger.balance(sessions, volunteer.id)).available == 300


async def test_a_hold_past_its_deadline_is_recorded_expired_by_the_worker(runtime):
    sessions = runtime.sessions
    payer = await ledger.open_member_account(sessions, "member:7")
    payee = await ledger.open_member_account(sessions, "member:8")
    issuance = await ledger.system_account(sessions, ledger.ISSUANCE)
    await ledger.transfer(sessions, ledger.TransferRequest(issuance.id, payer.id, 60, ledger.GRANT, "seed:7", "staff:1"))
    # The hold is made on the clock its deadline was set by, so however late it runs the deadline is ahead of it.
    made_at = utcnow()
    deadline = made_at + timedelta(milliseconds=100)
    held = await ledger.hold(sessions, ledger.HoldRequest(
        payer.id, payee.id, 60, ledger.SERVICE, "hold:7", "member:7", expires_at=deadline), now=made_at)
    await past(deadline)

    await runtime.jobs.enqueue("expire_holds", job_id="expire_holds:test")
    worker = build_worker(runtime, burst=True)
    await worker.async_run()
    await worker.close()

    assert await ledger.expire_holds(sessions) == ()  # nothing left: the worker recorded it
    assert (await ledger.balance(sessions, payer.id)).available == 60
    assert held.hold_id
