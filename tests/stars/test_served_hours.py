"""Hours of service are the ledger's service payments, counted as time served: by service, by period, net of
corrections, and nothing else that moves credits."""

from datetime import datetime, timedelta

from storage import ledger
from storage.ledger.served_hours import served_minutes
from tests.stars.conftest import MONTH_BEFORE

OCTOBER, NOVEMBER = MONTH_BEFORE, datetime.fromisoformat("2026-11-01T00:00+08:00")


async def test_a_volunteers_hours_are_what_the_ledger_paid_for_by_service_and_month(community, runtime):
    elder = await community.elder()
    zhang = await community.volunteer("o_vol_zhang", "张志强")
    company = await community.served(zhang, elder, 120, OCTOBER)
    repair = await community.served(zhang, elder, 60, NOVEMBER + timedelta(days=2, hours=9), service="repair")
    assert repair.transfer.requested_min == 72  # 居家小修 earns 1.2 credits an hour …
    await community.grant(zhang, 600)  # … and a grant is no service

    served = await served_minutes(runtime.sessions, zhang.ledger_ref)
    assert served.total == 180 and dict(served.by_service) == {"companionship": 120, "repair": 60}  # … it is an hour
    in_november = await served_minutes(runtime.sessions, zhang.ledger_ref, since=NOVEMBER,
                                       until=NOVEMBER + timedelta(days=30))
    assert dict(in_november.by_service) == {"repair": 60}

    await ledger.reverse(runtime.sessions, company.transfer.transfer_id, "只陪了一小时", "staff:1", "fix:1",
                         amount_min=60)
    assert (await served_minutes(runtime.sessions, zhang.ledger_ref, until=NOVEMBER)).total == 60
    assert (await served_minutes(runtime.sessions, elder.ledger_ref)).total == 0  # who was served served nobody
