"""Telling other people what happened: the elder and their family, a volunteer, staff on duty.

Every notice goes through the outbox with a dedupe key named after the event,
so a resent message or a job that runs twice tells nobody twice.
"""

from __future__ import annotations

from handlers.context import Context
from storage import members, outbox, tasks


async def tell_member(ctx: Context, member_id: int, kind: str, body: str, dedupe_key: str) -> None:
    member = await members.member_by_id(ctx.bank.sessions, member_id)
    if member is None or not member.openid or member.pushes_stopped or not member.is_active:
        return  # an elder without WeChat hears from staff instead
    await outbox.notify(ctx.bank.sessions, ctx.bank.keyring, member.openid, kind=kind, body=body, dedupe_key=f"{dedupe_key}:{member_id}")


async def tell_requester_side(ctx: Context, task: tasks.Task, kind: str, body: str, dedupe_key: str) -> None:
    """The elder served, and every family member bound to them: both receive the notifications."""
    family = await members.family_of(ctx.bank.sessions, task.requester_id)
    for member_id in (task.requester_id, *(binding.family_member_id for binding in family)):
        await tell_member(ctx, member_id, kind, body, dedupe_key)


async def tell_staff(ctx: Context, kind: str, body: str, dedupe_key: str) -> None:
    openids = dict.fromkeys((*ctx.bank.staff_openids, *await members.staff_openids(ctx.bank.sessions)))
    for openid in openids:
        await outbox.notify(ctx.bank.sessions, ctx.bank.keyring, openid, kind=kind, body=body, dedupe_key=f"{dedupe_key}:{openid}")
