"""Staff commands in their own chat: verify, suspend, certify, register and act for an elder without WeChat.

Staff are members with the staff flag; an OpenID in `[staff] openids` gets
the flag the first time it uses a staff command, once it has registered.
Every action goes through storage.members, which checks the right again and
writes the audit log under the staff member's id.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import nlu
from handlers.context import Context
from handlers.family import confirm_by_staff
from handlers.flow import Flow, Slot
from handlers.membership import (PRIVACY_NOTICE_VERSION, a_birth_year, a_name, a_new_phone, a_phone, a_place,
                                 address_text, an_address, contact_as_said, keep_home_point, name_as_said, who)
from handlers.notices import tell_member
from handlers.subscription import tags_changed
from handlers.routes import Command
from handlers.turn import Turn
from handlers.types import Outcome, Reply
from storage import ledger, members
from storage.base import utcnow
from storage.privacy import InvalidPhone, mask_address, mask_name, mask_phone, normalize_phone

# A phone number (or nothing) must follow, so that "认证要多久" and the like still reach the parser.
VERIFY_COMMAND = re.compile(r"^\s*认证\s*([+\d\s-]*)$")
SUSPEND_COMMAND = re.compile(r"^\s*停用\s*((?:[+\d].*)?)$")
REINSTATE_COMMAND = re.compile(r"^\s*恢复\s*((?:[+\d].*)?)$")
CERTIFICATE_COMMAND = re.compile(r"^\s*证书\s*((?:[+\d].*)?)$")
CONFIRM_BINDING_COMMAND = re.compile(r"^\s*确认绑定\s*((?:[+\d].*)?)$")
ACT_COMMAND = re.compile(r"^\s*代办\s*([+\d\s-]*)$")
END_ACTING_COMMAND = re.compile(r"^\s*(结束代办)\s*$")
REGISTER_COMMAND = re.compile(r"^\s*代注册\s*$")
REGISTER_FLOW_NAME = "register_for_elder"

ACTING_MEMO = "acting_for"
ACTING_TTL_S = 30 * 60
# A staff command typed with something other than what it takes: a name where the phone goes ("认证 李明"),
# a record number with no decision ("处理 1"). Staff hear how to write it; anyone else's words go on to the
# parser as before ("认证 要多久"). (pattern, its usage, whether a name was given for the phone)
MISSHAPEN_COMMANDS = (
    (re.compile(r"^\s*认证\s+[^\d\s+]"), "staff_usage_verify", True),
    (re.compile(r"^\s*停用\s+[^\d\s+]"), "staff_usage_suspend", True),
    (re.compile(r"^\s*证书\s+[^\d\s+]"), "staff_usage_certificate", True),
    (re.compile(r"^\s*代办\s+[^\d\s+]"), "staff_usage_act", True),
    (re.compile(r"^\s*处理\s*#?\s*\d+(?!\d)(?!\s*(?:全付|部分|退回))"), "resolve_usage", False),
)
MISSHAPEN_COMMAND = re.compile("|".join(f"(?:{pattern.pattern})" for pattern, _, _ in MISSHAPEN_COMMANDS))
PHONE_PART = re.compile(r"[+\d-]+")
DATE = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")


async def staff_member(turn: Turn) -> members.Member | None:
    """The sender, if staff; a configured staff OpenID is promoted on first use (see promote_configured_staff)."""
    incoming, ctx = turn.incoming, turn.ctx
    member = await turn.member()
    if member is not None and not member.is_staff and incoming.openid in ctx.bank.staff_openids:
        admins = (incoming.openid,) if incoming.openid in ctx.bank.staff_admins else ()
        promoted = await members.promote_configured_staff(ctx.bank.sessions, (incoming.openid,), admins)
        member = promoted[0] if promoted else member
        turn.sender_changed()
    return member if member is not None and member.is_staff else None


async def refuse_non_staff(turn: Turn, intent: str) -> Outcome:
    incoming, ctx = turn.incoming, turn.ctx
    registered = await turn.member() is not None
    key = "staff_register_first" if incoming.openid in ctx.bank.staff_openids and not registered else "staff_only"
    return Outcome(Reply(ctx.text(key)), intent)


def staff_command(intent: str, usage_key: str):
    """Wraps a command: staff only, and its arguments split into the member's phone and the rest."""

    def wrap(act):
        async def command(turn: Turn) -> Outcome:
            ctx = turn.ctx
            staff = await staff_member(turn)
            if staff is None:
                return await refuse_non_staff(turn, intent)
            phone, rest = _phone_and_rest(turn.argument)
            try:
                subject = await members.member_by_phone(ctx.bank.sessions, ctx.bank.keyring, phone)
            except InvalidPhone:
                return Outcome(Reply(ctx.text(usage_key)), intent)
            if subject is None or subject.status == members.CLOSED:
                return Outcome(Reply(ctx.text("staff_member_not_found")), intent)
            return Outcome(Reply(await act(staff, subject, rest.strip(), turn)), intent)
        return command

    return wrap


def staff_action(intent: str):
    """Wraps a command that names no member: staff only; the act gets (staff, arguments, turn)."""

    def wrap(act):
        async def command(turn: Turn) -> Outcome:
            staff = await staff_member(turn)
            if staff is None:
                return await refuse_non_staff(turn, intent)
            return Outcome(Reply(await act(staff, turn.argument.strip(), turn)), intent)
        return command

    return wrap


def staff_gate(intent: str):
    """A flow's `ready`: staff go on to the first question, anyone else gets the polite refusal."""

    async def ready(turn: Turn) -> Outcome | None:
        return None if await staff_member(turn) is not None else await refuse_non_staff(turn, intent)

    return ready


def _phone_and_rest(arguments: str) -> tuple[str, str]:
    """The leading phone number, which people type in groups ("138 1234 5678"), and what follows it."""
    tokens, taken, digits = arguments.split(), 0, 0
    while taken < len(tokens) and digits < 11 and PHONE_PART.fullmatch(tokens[taken]):
        digits += sum(char.isdigit() for char in tokens[taken])
        taken += 1
    return "".join(tokens[:taken]), " ".join(tokens[taken:])


phone_and_rest = _phone_and_rest  # for the staff desk's commands that take a phone among other words


@staff_command("verify", "staff_usage_verify")
async def verify(staff, volunteer, rest: str, turn: Turn) -> str:
    ctx = turn.ctx
    if volunteer.role != members.VOLUNTEER:
        return ctx.text("staff_not_volunteer", who=await who(volunteer.id, ctx))
    if volunteer.id == staff.id:  # storage refuses it too: nobody vouches for themselves
        return ctx.text("staff_not_self")
    await members.verify_volunteer(ctx.bank.sessions, volunteer.id, staff.actor)
    await tell_member(ctx, volunteer.id, "verified", ctx.text("volunteer_verified_notice"), "verified")
    return ctx.text("staff_verified", who=await who(volunteer.id, ctx))


@staff_command("suspend", "staff_usage_suspend")
async def suspend(staff, member, reason: str, turn: Turn) -> str:
    incoming, ctx = turn.incoming, turn.ctx
    if not reason:
        return ctx.text("staff_usage_suspend")
    if member.id == staff.id:
        return ctx.text("staff_not_self")
    await members.suspend_member(ctx.bank.sessions, member.id, staff.actor, reason)
    await tags_changed(ctx, member.id, incoming, "suspend")
    return ctx.text("staff_suspended", who=await who(member.id, ctx))


@staff_command("reinstate", "staff_usage_reinstate")
async def reinstate(staff, member, reason: str, turn: Turn) -> str:
    """`恢复 13812345678 [原因]`: a suspended member may use the bank again, and is told so."""
    incoming, ctx = turn.incoming, turn.ctx
    if member.status != members.SUSPENDED:
        return ctx.text("staff_not_suspended", who=await who(member.id, ctx))
    await reinstate_and_tell(ctx, member.id, staff.actor, reason, incoming.received_at)
    await tags_changed(ctx, member.id, incoming, "reinstate")
    return ctx.text("staff_reinstated", who=await who(member.id, ctx))


async def reinstate_and_tell(ctx: Context, member_id: int, by: members.Actor, reason: str, now: datetime) -> None:
    """Reinstated (audited under `by`) and told so: `恢复` in chat and the console's button alike."""
    await members.reinstate_member(ctx.bank.sessions, member_id, by, reason or None)
    await tell_member(ctx, member_id, "reinstated", ctx.text("member_reinstated_notice"),
                      f"reinstated:{now.timestamp()}")


@staff_command("certificate", "staff_usage_certificate")
async def certify(staff, volunteer, rest: str, turn: Turn) -> str:
    incoming, ctx = turn.incoming, turn.ctx
    if volunteer.id == staff.id:  # storage refuses it too: nobody certifies themselves
        return ctx.text("staff_not_self")
    service_words, _, until_text = rest.partition(" ")
    code = _service_code(service_words, ctx)
    if code is None:
        return ctx.text("staff_unknown_service")
    today = ctx.local(incoming.received_at).date()
    until = _date(until_text.strip()) if until_text.strip() else None
    if until_text.strip() and (until is None or until < today):
        return ctx.text("staff_bad_date")
    await members.record_certificate(ctx.bank.sessions, volunteer.id, code, ctx.community.name, today, until,
                                     by=staff.actor)
    service = ctx.bank.catalogue[code].name
    valid = ctx.text("certificate_until", day=f"{until.year}年{until.month}月{until.day}日") if until \
        else ctx.text("certificate_forever")
    await tell_member(ctx, volunteer.id, "certificate", ctx.text("certificate_notice", service=service, valid=valid),
                      f"certificate:{code}:{incoming.received_at.timestamp()}")
    return ctx.text("staff_certificate_done", who=await who(volunteer.id, ctx), service=service, valid=valid)


def _service_code(words: str, ctx: Context) -> str | None:
    if words in ctx.bank.catalogue:
        return words
    named = [code for code in nlu.services_mentioned(words) if code in ctx.bank.catalogue]
    return named[0] if named else None


def _date(text: str) -> date | None:
    found = DATE.match(text)
    try:
        return date(*map(int, found.groups())) if found else None
    except ValueError:  # 2027-02-30
        return None


@staff_command("confirm_binding", "staff_usage_confirm_binding")
async def confirm_binding(staff, elder, family_phone: str, turn: Turn) -> str:
    """`确认绑定 <老人手机号> [<家属手机号>]`: for an elder without WeChat, whom staff met or called."""
    ctx = turn.ctx
    if elder.role != members.ELDER:
        return ctx.text("staff_not_elder", who=await who(elder.id, ctx))
    return await confirm_by_staff(ctx, staff, elder, family_phone)


# ---- acting for an elder ----------------------------------------------------------


@staff_command("act_for", "staff_usage_act")
async def act_for(staff, elder, rest: str, turn: Turn) -> str:
    incoming, ctx = turn.incoming, turn.ctx
    if elder.role != members.ELDER or not elder.is_active:
        return ctx.text("staff_not_elder", who=await who(elder.id, ctx))
    await ctx.dialogue.note(incoming.openid, ACTING_MEMO, elder.id, ACTING_TTL_S)
    return ctx.text("staff_acting", who=await who(elder.id, ctx))


async def end_acting(turn: Turn) -> Outcome:
    incoming, ctx = turn.incoming, turn.ctx
    if await staff_member(turn) is None:
        return await refuse_non_staff(turn, "act_for")
    was_acting = await ctx.dialogue.recall(incoming.openid, ACTING_MEMO) is not None
    await ctx.dialogue.note(incoming.openid, ACTING_MEMO, None, 1)  # the store has no delete for memos
    return Outcome(Reply(ctx.text("staff_acting_ended" if was_acting else "staff_not_acting")), "act_for")


async def acting_for(turn: Turn) -> members.Member | None:
    """The elder this staff member is acting for (`代办`), for 30 minutes; None if not, or no longer staff."""
    incoming, ctx = turn.incoming, turn.ctx
    elder_id = await ctx.dialogue.recall(incoming.openid, ACTING_MEMO)
    if elder_id is None or await staff_member(turn) is None:
        return None
    elder = await members.member_by_id(ctx.bank.sessions, elder_id)
    return elder if elder is not None and elder.is_active else None


# ---- registering an elder without WeChat -------------------------------------------


async def staff_only(turn: Turn) -> Outcome | None:
    return None if await staff_member(turn) is not None else await refuse_non_staff(turn, REGISTER_FLOW_NAME)


async def elder_summary(turn: Turn) -> str:
    ctx, slots = turn.ctx, turn.slots
    emergency_phone = mask_phone(normalize_phone(slots["emergency_phone"]))
    return ctx.text(
        "proxy_register_summary", name=mask_name(slots["real_name"].strip()),
        phone=mask_phone(normalize_phone(slots["phone"])), place=slots["community"],
        year=str(slots["birth_year"]), address=mask_address(address_text(slots["address"])),
        emergency=f"{mask_name(slots['emergency_name'].strip())} {emergency_phone}")


async def register_elder(turn: Turn) -> Outcome:
    ctx, slots = turn.ctx, turn.slots
    staff = await staff_member(turn)
    if staff is None:
        return await refuse_non_staff(turn, REGISTER_FLOW_NAME)
    personal = members.PersonalData(
        real_name=slots["real_name"].strip(), phone=slots["phone"], address=address_text(slots["address"]),
        emergency_name=slots["emergency_name"], emergency_phone=slots["emergency_phone"])
    # The consent is the elder's, given in person on the paper notice; the log names the staff who took it.
    elder = await members.register_member(
        ctx.bank.sessions, ctx.bank.keyring, role=members.ELDER, personal=personal,
        consent=members.Consent(PRIVACY_NOTICE_VERSION, utcnow()), community=slots["community"].strip(),
        birth_year=slots["birth_year"], registered_by=staff.actor)
    await ledger.open_member_account(ctx.bank.sessions, elder.ledger_ref)
    await keep_home_point(elder, slots["address"], staff.actor, turn)
    return Outcome(Reply(ctx.text("proxy_register_done", who=await who(elder.id, ctx))), REGISTER_FLOW_NAME)


REGISTER_FOR_ELDER = Flow(
    name=REGISTER_FLOW_NAME,
    title="代老人注册",
    ready=staff_only,
    slots=(
        Slot("consent", lambda slots, ctx: ctx.text("proxy_register_consent"), expecting="yes_no"),
        Slot("real_name", "老人的真实姓名？", expecting="text", check=a_name, tidy=name_as_said),
        Slot("phone", "老人的手机号（11位）？", expecting="phone", check=a_new_phone),
        Slot("community", "老人住在哪个社区？", expecting="text"),
        Slot("birth_year", "老人哪一年出生？比如“1940”，或者说“86岁”。", expecting="year", check=a_birth_year),
        Slot("address", "老人家的地址？（小区、楼栋、门牌号；在老人家里也可以直接发位置）", expecting="text",
             check=an_address, from_location=a_place),
        Slot("emergency_name", "紧急联系人的名字？", expecting="text", check=a_name, tidy=contact_as_said),
        Slot("emergency_phone", "紧急联系人的手机号？", expecting="phone", check=a_phone),
    ),
    confirm=elder_summary,
    finish=register_elder,
)


async def how_to_write_it(turn: Turn) -> Outcome | None:
    """The usage of a staff command typed misshapen; None (the parser reads it) for anyone but staff."""
    if await staff_member(turn) is None:
        return None
    ctx = turn.ctx
    usage, named = next((usage, named) for pattern, usage, named in MISSHAPEN_COMMANDS
                        if pattern.match(turn.incoming.text))
    return Outcome(Reply(f"{ctx.text('staff_phone_not_name')}\n{ctx.text(usage)}" if named else ctx.text(usage)),
                   "staff_usage")


ROUTES = (
    REGISTER_FOR_ELDER,
    Command(VERIFY_COMMAND, verify, staff=True),
    Command(SUSPEND_COMMAND, suspend, staff=True),
    Command(REINSTATE_COMMAND, reinstate, staff=True),
    Command(CERTIFICATE_COMMAND, certify, staff=True),
    Command(CONFIRM_BINDING_COMMAND, confirm_binding, staff=True),
    Command(ACT_COMMAND, act_for, staff=True),
    Command(END_ACTING_COMMAND, end_acting, staff=True),
    Command(REGISTER_COMMAND, flow=REGISTER_FLOW_NAME, staff=True),
    Command(MISSHAPEN_COMMAND, how_to_write_it),
)
