"""Telling other people what happened: the elder and their family, a volunteer, staff on duty.

Every notice goes through the outbox with a dedupe key named after the event,
so a resent message or a job that runs twice tells nobody twice.
"""

from __future__ import annotations

from collections.abc import Iterable

from handlers.context import Context
from storage import members, outbox, tasks


async def tell_member(ctx: Context, member_id: int, kind: str, body: str, dedupe_key: str) -> None:
    await tell_members(ctx, (member_id,), kind, body, dedupe_key)


async def tell_members(ctx: Context, member_ids: Iterable[int], kind: str, body: str, dedupe_key: str) -> None:
    """Each of them who can be reached on WeChat; one read and one write however many they are."""
    reachable = {member.openid: f"{dedupe_key}:{member.id}"
                 for member in await members.members_by_ids(ctx.bank.sessions, member_ids)
                 # an elder without WeChat hears from staff instead
                 if member.openid and not member.pushes_stopped and member.is_active}
    if reachable:
        await outbox.notify_each(ctx.bank.sessions, ctx.bank.keyring, reachable, kind=kind, body=body)


async def tell_requester_side(ctx: Context, task: tasks.Task, kind: str, body: str, dedupe_key: str) -> None:
    """The elder served, and every family member bound to them: both receive the notifications."""
    family = await members.family_of(ctx.bank.sessions, task.requester_id)
    await tell_members(ctx, (task.requester_id, *(binding.family_member_id for binding in family)), kind, body,
                       dedupe_key)


async def tell_staff(ctx: Context, kind: str, body: str, dedupe_key: str) -> None:
    openids = dict.fromkeys((*ctx.bank.staff_openids, *await members.staff_openids(ctx.bank.sessions)))
    if openids:
        await outbox.notify_each(ctx.bank.sessions, ctx.bank.keyring,
                                 {openid: f"{dedupe_key}:{openid}" for openid in openids}, kind=kind, body=body)
