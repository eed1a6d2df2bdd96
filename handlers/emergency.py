"""SOS (救命, 摔倒了 …): the numbers to call at once, then staff, family and the emergency contact alerted.

The reply is made from the text table alone, so it goes out even when the
database or Redis is down; the webhook asks `is_sos` before de-duplication
and the member's lock, so it never waits behind another turn either.
Alerting runs afterwards as its own task, but the cry is first written to the
local SOS spool (storage/sos_spool.py): a process killed before the pushes are
queued leaves it for the next one to raise. Someone crying for help again
within ALERT_WINDOW gets a fresh reply every time, but the open alert only
counts the repeat: staff are told once.

Only a confident reading (nlu.ALARM) alerts at once. A doubtful one (nlu.DOUBT: "摔了一跤", "头很晕")
gets the same numbers and one question, "您现在有危险吗？": "是", a second alarming message, or
silence for [safety] doubt_silence_minutes (the job `sos_silence`) raises the alert; "不是/没事"
settles it, and what the first message asked for is answered as an ordinary message.

A wish to die gets the mental-health hotline beside the numbers (REPLY_FITTED_TO_KIND), and "没事" after it
is not the end of it: a member gets a care call, an alert of its own for staff (`care_call`).

Pushes that name the member go through `members.reveal` once per recipient,
as that recipient, so each unmasked read is checked and logged; whoever lacks
the right (or is staff only by config, with no member record) gets the masked
version.
"""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import re
from datetime import datetime, timedelta
from weakref import WeakValueDictionary

import nlu
from handlers.choices import plain
from handlers.context import Context
from handlers.routes import Handler, Intent
from handlers.turn import Turn
from handlers.types import Incoming, Kind, Outcome, Reply
from storage import alerts, members, outbox
from storage.members import Binding, Member, PersonalData, Purpose
from storage.privacy import InvalidPhone
from storage.sos_spool import SpoolEntry

log = logging.getLogger("timebank.sos")

ALERT_WINDOW = timedelta(minutes=5)
DOUBT = "sos_doubt"  # the dialogue memo of an open "您现在有危险吗？": the message, when it came
DOUBT_KEPT = timedelta(days=1)  # long after the silence job's turn: a lost job still leaves the doubt to settle

# The answer to "您现在有危险吗？", said alone (after `plain`); anything else is read by the parser as yes or no.
DOUBT_ANSWERS = {
    **dict.fromkeys(("是", "是的", "对", "有", "有危险", "危险", "要", "需要", "快", "快来", "快点", "赶紧", "嗯",
                     "快来人", "是啊", "对的", "来人"), True),
    **dict.fromkeys(("不是", "没有", "没事", "没事了", "我没事", "没危险", "没有危险", "不危险", "不", "否", "没",
                     "不用", "不需要", "不要", "还好", "好了", "没关系", "放心", "不是的", "没有没有", "没事没事",
                     "我很好", "挺好的", "都好", "不用了"), False),
}
# What a first message that asked for nothing besides reads as, once its danger is set aside.
NOTHING_ASKED = ("unknown", "affirm", "deny")
# A longer "no" must say so from its first words and add only reassurance ("不是的 我没事 谢谢"): "不是很舒服" or
# "没有力气" are not a no, and settling on them would leave someone unwell with no alert.
SAFE_HEADS = r"不是的?|没有|没|不用了?|不需要|我?没事了?|没有?危险|不危险|我很好|好多了|还好"
SAFE_ANSWER = re.compile(rf"^({SAFE_HEADS})({SAFE_HEADS}|放心|没关系|谢谢[你您]?(们|啦|了)?)*$")
# ... or say it as a word of its own and then tell what happened, with no danger in the telling
# ("没事，她刚回电话了 在菜市场"); "没事 就是头有点晕" tells of danger, so the question stays open.
SAFE_HEAD_AND_STORY = re.compile(rf"^\s*(?:{SAFE_HEADS})[\s,，。.!！~～、]+(?P<story>\S.*)$", re.DOTALL)
# "没事 按错了", "我没事了 虚惊一场" said soon after an alert was raised: the member is told the alert stands and
# staff will call, and staff see the words on the alert. Said plainly from its first words: a flow's "不用了"
# answers the flow.
ALL_CLEAR = re.compile(r"^(我?没事了?|没有?危险|不危险|我很好|我挺好的?|(是我)?[按点看搞弄写]错了?|误会|虚惊一场)")
# ... or that the spell has passed ("刚才那阵过去了 现在好多了"), with no danger told beside it.
SPELL_PASSED = re.compile(r"(现在|已经|这会儿?|那阵子?|那一阵)(好多了|好了|缓过来了|过去了|不疼了|不痛了|不晕了|舒服多了|没事了)")
ALL_CLEAR_WINDOW = timedelta(minutes=30)
PURPOSE = Purpose("sos")
NOT_ON_FILE = "未登记"

# The first reply fitted to the kind of danger (the texts' table): a wish to die also gets the mental-health hotline.
REPLY_FITTED_TO_KIND = {(nlu.ALARM, "self_harm"): "sos_self_harm", (nlu.DOUBT, "self_harm"): "sos_doubt_self_harm"}
# A wish to die answered "no danger now" is not left there: staff are asked to call and talk, at most once a day.
CARE_CALL_KINDS = frozenset({"self_harm"})
CARE_CALL_WINDOW = timedelta(days=1)
CARE_PURPOSE = Purpose("care_call")

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


def danger_in(incoming: Incoming) -> tuple[str, frozenset[str]]:
    """ALARM or DOUBT for what is_sos let through, and the kinds of danger its words tell; the menu's SOS
    button is a cry for help."""
    if incoming.kind is Kind.MENU_CLICK:
        return nlu.ALARM, frozenset()
    danger = nlu.danger_of(incoming.text)
    # parse saw danger in the message: never less than a doubt
    return (nlu.DOUBT if danger.level == nlu.NONE else danger.level), danger.kinds


def _reply_key(level: str, kinds: frozenset[str]) -> str:
    fitted = (REPLY_FITTED_TO_KIND[level, kind] for kind in kinds if (level, kind) in REPLY_FITTED_TO_KIND)
    return next(fitted, "sos" if level == nlu.ALARM else "sos_doubt")


async def answer(incoming: Incoming, ctx: Context) -> Outcome:
    """The reply now; the alerting (or the doubt's bookkeeping) afterwards, on its own, so nothing it waits
    on can hold the reply. The webhook calls it before any turn is made: it needs no database."""
    level, kinds = danger_in(incoming)
    reply = Reply(ctx.text(_reply_key(level, kinds)))
    if level == nlu.DOUBT:
        _background(_doubt(incoming, ctx))
        return Outcome(reply, "sos_doubt")
    _background(_alarm(incoming, ctx, _spooled(incoming, ctx)))
    return Outcome(reply, "sos")


async def _alarm(incoming: Incoming, ctx: Context, entry: SpoolEntry | None) -> None:
    """A clear cry answers any open "您现在有危险吗？" too: its silence must not raise the same incident again."""
    try:
        await ctx.dialogue.take(incoming.openid, DOUBT)
    except Exception:  # noqa: BLE001 — Redis away: the silence job cannot run either
        log.warning("redis unavailable while closing an open SOS doubt")
    await _alert(incoming, ctx, entry)


async def replay_spooled(ctx: Context) -> int:
    """Raise what a killed process (or a database outage) left in the spool; how many were taken up."""
    taken = 0
    for entry in ctx.sos_spool.leftovers() if ctx.sos_spool else ():
        log.warning("SOS from the spool (received %s): raising it now", entry.received_at.isoformat())
        incoming = Incoming(openid=entry.openid, kind=Kind.TEXT, received_at=entry.received_at)
        await _alert(incoming, ctx, entry)
        taken += 1
    return taken


def _spooled(incoming: Incoming, ctx: Context) -> SpoolEntry | None:
    """The cry written to the local spool before anything else: a process killed now leaves it to be raised."""
    return ctx.sos_spool.record(incoming.openid, incoming.received_at) if ctx.sos_spool else None


async def settle_doubt(turn: Turn, go_on: Handler) -> Outcome | None:
    """The member's answer to "您现在有危险吗？"; None when no such question is open.

    "是" raises the alert; "不是/没事" answers what the first message asked, with its danger set aside.
    Any other message is answered as usual and the question asked again: it stays open, and silence
    still raises the alert, since someone unwell may well write of something else.
    """
    incoming, ctx = turn.incoming, turn.ctx
    try:
        asked = await ctx.dialogue.recall(incoming.openid, DOUBT)
    except Exception:  # noqa: BLE001 — without Redis no doubt was kept either: it raised the alert
        log.warning("redis unavailable while looking for an open SOS doubt")
        return None
    if asked is None:
        return None
    in_danger = _in_danger(incoming.text, ctx.local(incoming.received_at))
    if in_danger is None:
        return _with_line(await go_on(turn), ctx.text("sos_doubt_again"), last=True)
    if await ctx.dialogue.take(incoming.openid, DOUBT) is None:  # the silence job settled it just now
        return None
    if in_danger:
        raised = _asked_incoming(incoming, asked)
        await _alert(raised, ctx, _spooled(raised, ctx))
        return Outcome(Reply(ctx.text("sos_doubt_alerted")), "sos")
    log.info("SOS doubt settled: no danger")
    first = dataclasses.replace(_asked_incoming(incoming, asked), danger_settled=True)
    fine = ctx.text(await _care_after_no_danger(first, ctx))
    if nlu.parse(first.text, now=ctx.local(first.received_at), read_danger=False).intent in NOTHING_ASKED:
        # "摔了一跤" alone asked for nothing: replaying it would answer whatever question a flow has open.
        return Outcome(Reply(fine), "sos_doubt_settled")
    return _with_line(await go_on(turn.saying(first)), fine, last=False)


async def _care_after_no_danger(first: Incoming, ctx: Context) -> str:
    """The words for "没事", and for a wish to die the care after them: a member gets a care call (an alert for
    staff, who are told who to call), someone unregistered, whom nobody could call, the hotlines."""
    if not CARE_CALL_KINDS & nlu.danger_of(first.text).kinds:
        return "sos_doubt_fine"
    member = await members.member_by_openid(ctx.bank.sessions, first.openid)
    if member is None:
        return "sos_doubt_fine_hotlines"
    alert_id, fresh = await alerts.raise_or_repeat(ctx.bank.sessions, alerts.CARE_CALL, within=CARE_CALL_WINDOW,
                                                   now=first.received_at, member_id=member.id,
                                                   community=member.community)
    log.warning("care call: alert #%d (%s)", alert_id, "raised" if fresh else "repeated")
    if fresh:
        await _ask_staff_to_call(ctx, first.openid, member, alert_id)
    return "sos_doubt_fine_care_call"


async def _ask_staff_to_call(ctx: Context, openid: str, member: Member, alert_id: int) -> None:
    masked = await members.masked_profile(ctx.bank.sessions, ctx.bank.keyring, member.id)
    for staff_openid in await _staff_openids(ctx, openid):
        reader = await members.member_by_openid(ctx.bank.sessions, staff_openid)
        shown = _values(await _shown(ctx, reader, member, ("real_name", "phone"), masked, CARE_PURPOSE))
        body = ctx.text("care_call_staff", alert=str(alert_id), **shown)
        await outbox.notify(ctx.bank.sessions, ctx.bank.keyring, staff_openid, kind=alerts.CARE_CALL, body=body,
                            dedupe_key=f"care_call:{alert_id}:{staff_openid}")


async def all_clear(turn: Turn) -> Outcome | None:
    """The member's word that they are safe, soon after an alert about them; None when it is not that."""
    incoming, ctx = turn.incoming, turn.ctx
    said = plain(incoming.text)
    if not _says_safe(said, incoming.text, ctx.local(incoming.received_at)):
        return None
    member = await members.member_by_openid(ctx.bank.sessions, incoming.openid)
    alert_id = await alerts.note_all_clear(
        ctx.bank.sessions, alerts.SOS, within=ALL_CLEAR_WINDOW, member_id=member and member.id,
        openid=None if member else incoming.openid, said=incoming.text[:200], now=incoming.received_at)
    if alert_id is None:
        return None
    log.info("SOS alert #%d: the member says they are safe", alert_id)
    return Outcome(Reply(ctx.text("sos_all_clear")), "sos_all_clear")


def _with_line(outcome: Outcome, line: str, *, last: bool) -> Outcome:
    said = outcome.reply.text if outcome.reply and outcome.reply.text else ""
    lines = (said, line) if last else (line, said)
    return dataclasses.replace(outcome, reply=Reply("\n".join(filter(None, lines))))


async def on_silence(ctx: Context, openid: str, asked_at: str, now: datetime) -> bool:
    """The `sos_silence` job: a doubt still open after the silence allowed raises the alert. True if it did."""
    asked = await ctx.dialogue.recall(openid, DOUBT)
    if asked is None or asked["at"] != asked_at or now < datetime.fromisoformat(asked_at) + ctx.bank.doubt_silence:
        return False
    if (asked := await ctx.dialogue.take(openid, DOUBT)) is None:
        return False
    log.warning("SOS doubt unanswered for %s: raising the alert", ctx.bank.doubt_silence)
    raised = Incoming(openid, Kind.TEXT, datetime.fromisoformat(asked["at"]), asked["text"])
    await _alert(raised, ctx, _spooled(raised, ctx))
    return True


def _says_safe(said: str, text: str, now: datetime) -> bool:
    if ALL_CLEAR.match(said):
        return _in_danger(text, now) is False
    return bool(SPELL_PASSED.search(said)) and nlu.danger_of(text, learnt=False).level == nlu.NONE


def _in_danger(text: str, now: datetime) -> bool | None:
    """True: yes, in danger; False: no; None: not an answer."""
    said = plain(text)
    if said in DOUBT_ANSWERS:
        return DOUBT_ANSWERS[said]
    if SAFE_ANSWER.match(said):
        return False
    story = SAFE_HEAD_AND_STORY.match(text)
    # read by the tables alone, as every answer to the bot is: the learnt reader has not met answers
    if story and nlu.danger_of(story["story"], learnt=False).level == nlu.NONE:
        return False
    if nlu.parse(text, now=now, expecting="yes_no").intent == "affirm" or nlu.danger_of(text).level != nlu.NONE:
        return True
    return None  # not an answer: the question stays open, and silence still raises the alert


def _asked_incoming(incoming: Incoming, asked: dict) -> Incoming:
    return dataclasses.replace(incoming, kind=Kind(asked["kind"]), text=asked["text"],
                               received_at=datetime.fromisoformat(asked["at"]))


async def _doubt(incoming: Incoming, ctx: Context) -> None:
    """A second alarming message while a doubt is open raises the alert; else the doubt is kept and timed.
    Whatever cannot be kept or timed raises the alert: safety first."""
    at = incoming.received_at.isoformat()
    try:
        asked = await ctx.dialogue.recall(incoming.openid, DOUBT)
        if asked is not None and (asked["at"], asked["text"]) == (at, incoming.text):
            return  # WeChat resending the message that opened the question: it is kept and timed already
        if asked is not None and await ctx.dialogue.take(incoming.openid, DOUBT) is not None:
            log.warning("SOS doubt followed by another alarming message: raising the alert")
            return await _alert(incoming, ctx, _spooled(incoming, ctx))
        await ctx.dialogue.note(incoming.openid, DOUBT, {"text": incoming.text, "kind": incoming.kind.value, "at": at},
                                int(DOUBT_KEPT.total_seconds()))
        if ctx.bank.jobs is None:
            raise RuntimeError("no job queue to time the silence")
        await ctx.bank.jobs.enqueue("sos_silence", incoming.openid, at, job_id=f"sos_silence:{incoming.openid}:{at}",
                                    at=incoming.received_at + ctx.bank.doubt_silence)
        log.info("SOS doubt: asked whether in danger")
    except Exception:  # noqa: BLE001
        log.exception("SOS doubt could not be kept or timed: raising the alert")
        await _alert(incoming, ctx, _spooled(incoming, ctx))


def _background(work) -> None:
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
                 masked: PersonalData, purpose: Purpose = PURPOSE) -> PersonalData:
    """Unmasked when this reader has the right (the read is logged either way), masked otherwise."""
    if reader is None:  # staff by config only: no member record to check a right against
        return masked
    try:
        return await members.reveal(ctx.bank.sessions, ctx.bank.keyring, reader.actor, member.id, fields, purpose)
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


async def answer_in_turn(turn: Turn) -> Outcome:
    """An SOS read by the conversation (inside a flow, or from the menu button): the same answer."""
    return await answer(turn.incoming, turn.ctx)


# Safety first: whatever else is built, a cry for help gets the numbers to call at once.
ROUTES = (Intent("sos", answer_in_turn),)
