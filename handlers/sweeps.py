"""What time brings, said to the people concerned: escalation, reminders (of tasks and events), no-shows,
automatic confirmation, expiry.

Run every minute by bot.jobs. Each step is safe to run in several processes at
once: storage changes each task once, and every notice has a dedupe key.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from handlers.aftercare import tell_auto_confirmed
from handlers.contact_window import open_windows
from handlers.context import Context
from handlers.escalation import climb, tell_staff_expired
from handlers.events import remind as remind_events
from handlers.notices import tell_member, tell_requester_side, tell_staff
from handlers.requests import offer_to_volunteers
from handlers.task_words import describe
from storage import members, tasks

# Reminders, by how long before the start they go out: the nearest first, so a task accepted at short
# notice gets only the reminder that fits, not both at once.
REMINDERS = (("hour", timedelta(hours=1)), ("day", timedelta(days=1)))


async def run_sweeps(ctx: Context, now: datetime) -> dict[str, int]:
    """One pass of every sweep; returns how many tasks each touched, for the log."""
    return {
        "expired": await expire_stale_requests(ctx, now),
        "no_shows": await reopen_no_shows(ctx, now),
        "auto_confirmed": await auto_confirm(ctx, now),
        "reminded": await remind(ctx, now),
        "contacts_given": await open_windows(ctx, now),
        "events_reminded": await remind_events(ctx, now),
        "escalated": await climb(ctx, now),  # last: a request in trouble here delays nothing else
    }


async def expire_stale_requests(ctx: Context, now: datetime) -> int:
    expired = await tasks.expire_stale(ctx.bank.sessions, now=now)
    for task in expired:
        await tell_requester_side(ctx, task, "request_expired",
                                  ctx.text("expired_told_requester", id=str(task.id), task=describe(task, ctx)),
                                  f"expired:{task.id}")
        await tell_staff_expired(task, ctx)
    return len(expired)


async def reopen_no_shows(ctx: Context, now: datetime) -> int:
    no_shows = await tasks.reopen_no_shows(ctx.bank.sessions, rules=ctx.bank.task_rules, now=now)
    for no_show in no_shows:
        task = no_show.task
        key = f"no_show:{task.id}:{task.acceptance_no}"
        await tell_requester_side(ctx, task, "no_show", ctx.text("no_show_told_requester", id=str(task.id)), key)
        volunteer = (await members.masked_profile(ctx.bank.sessions, ctx.bank.keyring, no_show.volunteer_id)).real_name
        await tell_staff(ctx, "no_show", ctx.text("no_show_told_staff", id=str(task.id), volunteer=volunteer or ""), key)
        await offer_to_volunteers(task, ctx, now)
    return len(no_shows)


async def auto_confirm(ctx: Context, now: datetime) -> int:
    settled = await tasks.auto_confirm(ctx.bank.sessions, rules=ctx.bank.task_rules, ledger_rules=ctx.bank.rules,
                                      now=now)
    for settlement in settled:
        await tell_auto_confirmed(settlement, ctx)
    return len(settled)


async def remind(ctx: Context, now: datetime) -> int:
    reminded: set[int] = set()
    for which, ahead in REMINDERS:
        for task in await tasks.reminders_due(ctx.bank.sessions, now=now, within=ahead):
            if task.id in reminded:
                continue
            body = ctx.text("reminder", id=str(task.id), task=describe(task, ctx))
            key = f"remind:{task.id}:{task.acceptance_no}:{which}"
            await tell_requester_side(ctx, task, "reminder", body, key)
            await tell_member(ctx, task.volunteer_id, "reminder", body, key)
            reminded.add(task.id)
    return len(reminded)
