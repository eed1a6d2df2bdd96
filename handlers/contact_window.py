"""The contact window: the elder's name, phone and address reach the volunteer only shortly before the visit.

Before the window (config [tasks] contact_window_hours ahead of the start) a volunteer who has accepted
sees the community, the street and a masked name; the full contact arrives as a push when the window opens
(a sweep), or on `联系方式 N` inside it, and ends with the task. The elder hears that someone is coming when
the window opens too, so a volunteer who accepts and cancels again and again does not ring their phone
each time.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from handlers.context import Context
from handlers.notices import tell_member, tell_requester_side, tell_staff
from handlers.task_words import describe, when
from handlers.types import Reply
from storage import members, outbox, tasks


def contact_lines(contact: tasks.Contact, ctx: Context) -> str:
    return ctx.text("contact", name=contact.real_name or "", phone=contact.phone or "",
                    address=contact.address or ctx.text("contact_no_address"))


async def masked_lines(task: tasks.Task, ctx: Context) -> str:
    """What a volunteer may know before the window: the community, the street, the surname."""
    masked = await members.masked_profile(ctx.bank.sessions, ctx.bank.keyring, task.requester_id)
    # A visit elsewhere (a hospital): the home's street would send the volunteer to the wrong door.
    address = ctx.text("contact_own_place") if task.has_own_place else masked.address
    return ctx.text("contact_masked", name=masked.real_name or "", area=task.community or "",
                    address=address or ctx.text("contact_no_address"))


def opens_at(task: tasks.Task, ctx: Context) -> datetime:
    return tasks.contact_opens_at(task.starts_at, ctx.bank.task_rules)


async def tell_accepted(task: tasks.Task, ctx: Context) -> None:
    """The elder's side hears who is coming: at acceptance inside the window, else when it opens."""
    name = (await members.masked_profile(ctx.bank.sessions, ctx.bank.keyring, task.volunteer_id)).real_name or ""
    await tell_requester_side(ctx, task, "task_accepted", ctx.text(
        "accept_told_requester", id=str(task.id), task=describe(task, ctx), volunteer=name),
        f"accepted:{task.id}:{task.acceptance_no}")


def not_yet(task: tasks.Task, ctx: Context) -> Reply:
    return Reply(ctx.text("contact_not_yet", id=str(task.id), opens=when(opens_at(task, ctx), ctx)))


def pushed_key(task: tasks.Task) -> str:
    return f"contact:{task.id}:{task.acceptance_no}"


async def open_windows(ctx: Context, now: datetime) -> int:
    """Sweep: every accepted task whose window has opened since it was accepted gets its contact pushed once."""
    window = ctx.bank.task_rules.contact_window_min
    opened = 0
    for task in await tasks.reminders_due(ctx.bank.sessions, now=now, within=timedelta(minutes=window)):
        if task.accepted_at is not None and task.accepted_at >= opens_at(task, ctx):
            continue  # accepted inside the window: the accept reply carried the contact
        if await outbox.queued(ctx.bank.sessions, f"{pushed_key(task)}:{task.volunteer_id}"):
            continue  # checked first, so the contact is not read (and logged) every minute
        if not await _reachable(task.volunteer_id, ctx):
            await tell_accepted(task, ctx)  # nothing to push to them, so nothing to read; `联系方式 N` still works
            continue
        try:
            contact = await tasks.contact_for_volunteer(ctx.bank.sessions, ctx.bank.keyring, task.id,
                                                        members.Actor(task.volunteer_id), now, ctx.bank.task_rules)
        except tasks.TaskError:
            continue  # cancelled or moved on meanwhile
        body = ctx.text("contact_window_opened", id=str(task.id), task=describe(task, ctx),
                        contact=contact_lines(contact, ctx))
        await tell_member(ctx, task.volunteer_id, "contact_window", body, pushed_key(task))
        await tell_accepted(task, ctx)
        opened += 1
    return opened


async def _reachable(member_id: int, ctx: Context) -> bool:
    member = await members.member_by_id(ctx.bank.sessions, member_id)
    return member is not None and bool(member.openid) and not member.pushes_stopped and member.is_active


async def tell_of_a_pause(volunteer_id: int, task: tasks.Task, ctx: Context, now: datetime) -> str:
    """After a volunteer's cancellation: a line for them if it paused their accepting; staff told once."""
    until = await tasks.accepting_paused_until(ctx.bank.sessions, volunteer_id, ctx.bank.task_rules, now)
    if until is None:
        return ""
    name = (await members.masked_profile(ctx.bank.sessions, ctx.bank.keyring, volunteer_id)).real_name or ""
    rules = ctx.bank.task_rules
    await tell_staff(ctx, "cancel_loop", ctx.text("cancel_loop_told_staff", volunteer=name, id=str(task.id),
                                                  count=str(rules.cancel_loop_count), days=str(rules.cancel_loop_days)),
                     f"cancel_loop:{volunteer_id}:{until.date().isoformat()}")
    return ctx.text("cancel_loop_paused", until=when(until, ctx))
