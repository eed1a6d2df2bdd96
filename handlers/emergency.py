"""SOS (救命, 摔倒了 …): the numbers to call at once, then staff, family and the emergency contact alerted.

The reply is made from the text table alone, so it goes out even when the
database or Redis is down; the webhook asks `is_sos` before de-duplication
and the member's lock, so it never waits behind another turn either.
Alerting runs afterwards as its own task, but the cry is first written to the
local SOS spool (storage/sos_spool.py): a process killed before the pushes are
queued leaves it for the next one to raise. Someone crying for help again
within ALERT_WINDOW gets a fresh reply every time, but the open alert only
counts the repeat: staff are told once.

Pushes that name the member go through `members.reveal` once per recipient,
as that recipient, so each unmasked read is checked and logged; whoever lacks
the right (or is staff only by config, with no member record) gets the masked
version.
"""

from __future__ import annotations

import asyncio
import logging
from datetime import timedelta
from weakref import WeakValueDictionary

import nlu
from handlers.context import Context
from handlers.types import Incoming, Kind, Outcome, Reply
from storage import alerts, members, outbox
from storage.members import Binding, Member, PersonalData, Purpose
from storage.privacy import InvalidPhone
from storage.sos_spool import SpoolEntry

log = logging.getLogger("timebank.sos")

ALERT_WINDOW = timedelta(minutes=5)
PURPOSE = Purpose("sos")
NOT_ON_FILE = "未登记"

# Who is told, in this order (someone in two groups gets the first one's message): the text each
# gets and the fields it shows. Staff also get the emergency contact, whom they will call.
STAFF, FAMILY, CONTACT = "staff", "family", "contact"
NOTICES: dict[str, tuple[str, tuple[str, ...]]] = {
    STAFF: ("sos_staff", ("real_name", "phone", "address", "emergency_name", "emergency_phone")),
    FAMILY: ("sos_family", ("real_name", "phone", "address")),
    CONTACT: ("sos_contact", ("real_name", "phone", "address")),
}

_alerting: set[asyncio.Task] = set()  # strong references: the loop keeps only weak ones to its tasks
# One alert per burst needs the check-then-raise of one person's SOS done one at a time.
_raising: WeakValueDictionary[str, asyncio.Lock] = WeakValueDictionary()


def is_sos(incoming: Incoming) -> bool:
    """The same reading as the conversation engine's; cheap enough (well under 1 ms) to ask of every message."""
    try:
        if incoming.kind is Kind.MENU_CLICK:
            return incoming.menu_key.strip().lower() == "sos"
        if incoming.kind in (Kind.TEXT, Kind.VOICE) and incoming.text.strip():
            return nlu.parse(incoming.text, now=incoming.received_at).intent == "sos"
    except Exception:  # noqa: BLE001 — the ordinary path will answer it
        log.exception("could not tell whether a message is an SOS")
    return False


async def answer(incoming: Incoming, ctx: Context, slots: dict | None = None) -> Outcome:
    """The reply now; the alerting afterwards, on its own, so nothing it waits on can hold the reply."""
    entry = ctx.sos_spool.record(incoming.openid, incoming.received_at) if ctx.sos_spool else None
    _start(_alert(incoming, ctx, entry))
    return Outcome(Reply(ctx.text("sos")), "sos")


async def replay_spooled(ctx: Context) -> int:
    """Raise what a killed process (or a database outage) left in the spool; how many were taken up."""
    taken = 0
    for entry in ctx.sos_spool.leftovers() if ctx.sos_spool else ():
        log.warning("SOS from the spool (received %s): raising it now", entry.received_at.isoformat())
        incoming = Incoming(openid=entry.openid, kind=Kind.TEXT, received_at=entry.received_at)
        await _alert(incoming, ctx, entry)
        taken += 1
    return taken


def _start(work) -> None:
    task = asyncio.create_task(work)
    _alerting.add(task)
    task.add_done_callback(_alerting.discard)


async def settle(timeout_s: float | None = None) -> None:
    """Wait for the alerting under way: at shutdown, and in tests."""
    if _alerting:
        await asyncio.wait(set(_alerting), timeout=timeout_s)


async def _alert(incoming: Incoming, ctx: Context, entry: SpoolEntry | None) -> None:
    try:
        await _raise_the_alarm(incoming, ctx, entry)
    except Exception:  # noqa: BLE001 — the member already has the numbers; operators have this line
        log.exception("SOS could not be recorded or passed on (received %s); it stays in the spool",
                      incoming.received_at.isoformat())
        if entry is not None:
            entry.release()
        return
    if entry is not None:
        entry.done()


async def _raise_the_alarm(incoming: Incoming, ctx: Context, entry: SpoolEntry | None) -> None:
    member = await members.member_by_openid(ctx.bank.sessions, incoming.openid)
    if entry is not None and entry.alert_id is not None:  # raised before a crash: only the pushes may be missing
        alert_id, fresh = entry.alert_id, True
    else:
        async with _raising.setdefault(incoming.openid, asyncio.Lock()):
            alert_id, fresh = await alerts.raise_or_repeat(
                ctx.bank.sessions, alerts.SOS, within=ALERT_WINDOW, now=incoming.received_at,
                member_id=member and member.id, openid=None if member else incoming.openid,
                community=member and member.community)
        if entry is not None:
            entry.raised(alert_id)
    if not fresh:
        log.warning("SOS repeated: alert #%d", alert_id)
        # A replayed cry may be the one that raised this alert in a process killed before it noted the id:
        # its pushes are queued again, which the outbox ignores when they are already there.
        if entry is None or not entry.replayed:
            return
    log.warning("SOS: alert #%d raised, registered=%s", alert_id, member is not None)
    if member is None:
        await _tell_staff_of_a_stranger(ctx, incoming, alert_id)
    else:
        await _tell_about_member(ctx, incoming, member, alert_id)


async def _tell_staff_of_a_stranger(ctx: Context, incoming: Incoming, alert_id: int) -> None:
    body = ctx.text("sos_staff_stranger", alert=str(alert_id))
    notice = {"title": f"紧急求助 #{alert_id}", "keyword1": "未注册的微信用户",
              "keyword2": _when(ctx, incoming), "remark": "已请对方拨打120/110，请尽快查看告警。"}
    for openid in await _staff_openids(ctx, incoming.openid):
        await _push(ctx, openid, alert_id, body, notice)


async def _tell_about_member(ctx: Context, incoming: Incoming, member: Member, alert_id: int) -> None:
    sessions = ctx.bank.sessions
    masked = await members.masked_profile(sessions, ctx.bank.keyring, member.id)
    bindings = await members.family_of(sessions, member.id)
    relation_of = {binding.family_member_id: binding.relation for binding in bindings}
    recipients = dict.fromkeys(await _staff_openids(ctx, incoming.openid), STAFF)
    for openid in await _family_openids(ctx, bindings):
        recipients.setdefault(openid, FAMILY)
    if masked.emergency_phone and (contact := await _contact_openid(ctx, member)):
        recipients.setdefault(contact, CONTACT)
    recipients.pop(incoming.openid, None)
    for openid, group in recipients.items():
        text_key, fields = NOTICES[group]
        reader = await members.member_by_openid(sessions, openid)
        shown = _values(await _shown(ctx, reader, member, fields, masked))
        body = ctx.text(text_key, alert=str(alert_id), relation=relation_of.get(reader and reader.id, ""), **shown)
        notice = {"title": f"紧急求助 #{alert_id}", "keyword1": shown["name"], "keyword2": _when(ctx, incoming),
                  "keyword3": shown["phone"], "remark": f"地址：{shown['address']}。请马上联系，必要时拨打120/110。"}
        await _push(ctx, openid, alert_id, body, notice)


async def _staff_openids(ctx: Context, sender: str) -> list[str]:
    """Staff named in config, and active staff members who can be reached in WeChat."""
    everyone = dict.fromkeys((*ctx.bank.staff_openids, *await members.staff_openids(ctx.bank.sessions)))
    return [openid for openid in everyone if openid != sender]


def _reachable(member: Member | None) -> str | None:
    if member is None or not member.openid or not member.is_active or member.pushes_stopped:
        return None
    return member.openid


async def _family_openids(ctx: Context, bindings: list[Binding]) -> list[str]:
    family = [await members.member_by_id(ctx.bank.sessions, binding.family_member_id) for binding in bindings]
    return [openid for openid in map(_reachable, family) if openid]


async def _contact_openid(ctx: Context, member: Member) -> str | None:
    """The emergency contact, when their phone is a registered member's with WeChat.

    Finding them takes the member's own emergency phone: read as the member
    themself, for this purpose, so the read is in the log like any other.
    """
    try:
        phone = (await members.reveal(ctx.bank.sessions, ctx.bank.keyring, member.actor, member.id,
                                      ("emergency_phone",), PURPOSE)).emergency_phone
        return phone and _reachable(await members.member_by_phone(ctx.bank.sessions, ctx.bank.keyring, phone))
    except (members.RevealRefused, InvalidPhone):  # e.g. a suspended member; staff have the number
        return None


async def _shown(ctx: Context, reader: Member | None, member: Member, fields: tuple[str, ...],
                 masked: PersonalData) -> PersonalData:
    """Unmasked when this reader has the right (the read is logged either way), masked otherwise."""
    if reader is None:  # staff by config only: no member record to check a right against
        return masked
    try:
        return await members.reveal(ctx.bank.sessions, ctx.bank.keyring, reader.actor, member.id, fields, PURPOSE)
    except members.RevealRefused:
        return masked


def _values(shown: PersonalData) -> dict[str, str]:
    return {"name": shown.real_name or "一位会员", "phone": shown.phone or NOT_ON_FILE,
            "address": shown.address or NOT_ON_FILE, "contact_name": shown.emergency_name or NOT_ON_FILE,
            "contact_phone": shown.emergency_phone or ""}


def _when(ctx: Context, incoming: Incoming) -> str:
    return ctx.local(incoming.received_at).strftime("%m-%d %H:%M")


async def _push(ctx: Context, openid: str, alert_id: int, body: str, notice: dict[str, str]) -> None:
    await outbox.notify(ctx.bank.sessions, ctx.bank.keyring, openid, kind=alerts.SOS, body=body, notice=notice,
                        dedupe_key=f"sos:{alert_id}:{openid}")
