"""One alert per burst, even when the cries of one person reach several processes of the bot at the same moment
(each call here has its own connection, as two gunicorn workers would)."""

import asyncio
from datetime import datetime, timedelta, timezone

from storage import alerts

NOW = datetime(2026, 12, 4, 2, 0, tzinfo=timezone.utc)


async def test_cries_raced_from_several_connections_raise_one_alert(sessions):
    raced = await asyncio.gather(*(alerts.raise_or_repeat(sessions, alerts.SOS, within=timedelta(minutes=5),
                                                          openid="o_stranger", now=NOW) for _ in range(5)))
    assert sum(fresh for _, fresh in raced) == 1
    [alert] = await alerts.open_alerts(sessions, (alerts.SOS,))
    assert alert.detail["repeats"] == 4
