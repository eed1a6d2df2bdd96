"""The morning job: yesterday's report to every staff member at 08:00 Beijing time (00:00 UTC).

The work is handlers.staff_desk.push_daily_report; each staff member's copy
has a dedupe key per day, so a second run, a retry after a crash or a second
worker sends nobody the same report twice.
"""

from __future__ import annotations

from datetime import date

from handlers.staff_desk import push_daily_report
from storage.base import utcnow


async def daily_report(job: dict, day: str | None = None) -> str:
    """`day` (YYYY-MM-DD) sends that day's report instead of yesterday's: for resending by hand."""
    sent = await push_daily_report(job["handlers"], utcnow(), date.fromisoformat(day) if day else None)
    return sent.isoformat()
