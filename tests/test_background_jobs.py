"""Background jobs of the bot process: expired codes are closed without anyone asking."""

import asyncio
from datetime import timedelta

from bot.app import handler_context
from bot.jobs import ExpirySweeper
from storage import ledger, redemptions
from storage.redemptions import CatalogueEntry

RICE = CatalogueEntry("yonghui", "永辉超市", "rice_5kg", "大米5斤", price_min=120, stock=3)


async def stock(sessions) -> int:
    return {item.item_code: item.stock for item in await redemptions.catalogue(sessions)}["rice_5kg"]


async def test_the_sweeper_closes_expired_codes_and_returns_credit_and_stock(runtime):
    sessions = runtime.sessions
    await redemptions.sync_catalogue(sessions, (RICE,))
    [rice] = await redemptions.catalogue(sessions)
    volunteer = await ledger.open_member_account(sessions, "member:1")
    issuance = await ledger.system_account(sessions, ledger.ISSUANCE)
    await ledger.transfer(sessions, ledger.TransferRequest(issuance.id, volunteer.id, 300, ledger.GRANT, "seed", "staff:1"))
    await redemptions.redeem(sessions, volunteer.id, rice.id, "wx:msg:9", actor="member:1",
                             validity=timedelta(milliseconds=200))
    sweeper = ExpirySweeper(handler_context(runtime), interval_s=0.05)
    running = asyncio.create_task(sweeper.run())
    for _ in range(200):  # bounded: about ten seconds at most
        if await stock(sessions) == 3:
            break
        await asyncio.sleep(0.05)
    sweeper.stop()
    await running
    assert await stock(sessions) == 3
    assert (await ledger.balance(sessions, volunteer.id)).available == 300
