"""Family proxy (亲情代理): a family member asks to act for an elder, the elder (or staff) says yes.

`绑定老人` asks the elder's registered phone and the relation, then sends the
elder a message; the elder answers `同意绑定` or `拒绝绑定`, and both are told.
An elder without WeChat is confirmed by staff: `确认绑定 <老人手机号>`.
`我的家人` lists one's bindings, masked.
"""

from __future__ import annotations

import re

from handlers.numbers import record_number
from handlers.context import Context
from handlers.flow import Choice, Flow, Slot
from handlers.identity import registered_only
from handlers.membership import who
from handlers.notices import tell_member
from handlers.routes import Command
from handlers.turn import Turn
from handlers.types import Outcome, Reply
from storage import members
from storage.privacy import InvalidPhone, mask_phone, normalize_phone

FLOW_NAME = "bind_elder"
# "绑定老人", and as people say it: "我要绑定我妈 13912345678", "绑定老妈", "关联我爸".
ELDER_WORDS = "老人|家人|父母|爸爸|妈妈|亲人|我妈|我爸|老妈|老爸|母亲|父亲|爷爷|奶奶|外公|外婆|姥姥|姥爷|老伴"
BIND_COMMAND = re.compile(rf"^\s*(?:我要|我想|帮我)?(?:绑定|关联)\s*(?:我的?|我家的?)?(?:{ELDER_WORDS})?[\s,，:：]*"
                          r"(?:\+?86)?(?:1\d{10})?\s*$|^\s*亲情代理\s*$")
PHONE_INSIDE = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
AGREE_COMMAND = re.compile(r"^\s*同意绑定\s*(\d*)\s*$")
REFUSE_COMMAND = re.compile(r"^\s*拒绝绑定\s*(\d*)\s*$")
MY_FAMILY_COMMAND = re.compile(r"^\s*(我的(家人|家属|亲人))\s*$")

RELATIONS = tuple(Choice(name, name) for name in ("儿子", "女儿", "儿媳", "女婿", "孙子", "孙女", "其他亲属"))


# ---- asking: 绑定老人 -------------------------------------------------------------


async def _elder_by_phone(phone: str, ctx: Context) -> members.Member | None:
    try:
        elder = await members.member_by_phone(ctx.bank.sessions, ctx.bank.keyring, phone)
    except InvalidPhone:
        return None
    return elder if elder is not None and elder.role == members.ELDER and elder.is_active else None


async def an_elders_phone(phone: str, turn: Turn) -> str | None:
    ctx = turn.ctx
    try:
        normalize_phone(phone)
    except InvalidPhone:
        return ctx.text("register_bad_phone")
    asker = await turn.member()
    owner = await members.member_by_phone(ctx.bank.sessions, ctx.bank.keyring, phone)
    if owner is not None and owner.id == asker.id:
        return ctx.text("bind_self")
    elder = await _elder_by_phone(phone, ctx)
    if elder is None:
        return ctx.text("bind_no_such_elder")
    existing = [binding for binding in await members.bound_elders(ctx.bank.sessions, asker.id, include_pending=True)
                if binding.elder_id == elder.id]
    if existing:
        return ctx.text("bind_already" if existing[0].is_confirmed else "bind_waiting")
    return None


async def confirm_request(turn: Turn) -> str:
    ctx, slots = turn.ctx, turn.slots
    return ctx.text("bind_confirm", phone=mask_phone(normalize_phone(slots["elder_phone"])), relation=slots["relation"])


async def ask_the_elder(turn: Turn) -> Outcome:
    ctx, slots = turn.ctx, turn.slots
    asker, elder = await turn.member(), await _elder_by_phone(slots["elder_phone"], ctx)
    if elder is None:  # closed or suspended since the phone was checked
        return Outcome(Reply(ctx.text("bind_no_such_elder")), FLOW_NAME)
    binding = await members.request_binding(ctx.bank.sessions, asker.id, elder.id, slots["relation"])
    if not elder.openid or elder.pushes_stopped:
        return Outcome(Reply(ctx.text("bind_sent_no_wechat")), FLOW_NAME)
    await tell_member(ctx, elder.id, "binding_request", ctx.text(
        "bind_request_to_elder", who=await who(asker.id, ctx), relation=binding.relation),
        f"binding:{binding.id}:request")
    return Outcome(Reply(ctx.text("bind_sent")), FLOW_NAME)


async def phone_in_the_command(turn: Turn) -> dict:
    incoming = turn.incoming
    found = PHONE_INSIDE.search(incoming.text or "")
    return {"elder_phone": found.group(0)} if found else {}


FLOW = Flow(
    name=FLOW_NAME,
    title="绑定老人",
    ready=registered_only,
    prefill=phone_in_the_command,
    slots=(
        Slot("elder_phone", lambda slots, ctx: ctx.text("bind_ask_phone"), expecting="phone", check=an_elders_phone),
        Slot("relation", lambda slots, ctx: ctx.text("bind_ask_relation"), expecting="choice", choices=RELATIONS),
    ),
    confirm=confirm_request,
    finish=ask_the_elder,
)


# ---- answering: 同意绑定 / 拒绝绑定 ------------------------------------------------


async def agree(turn: Turn) -> Outcome:
    return await _answer(turn, agreed=True)


async def refuse(turn: Turn) -> Outcome:
    return await _answer(turn, agreed=False)


async def answer_if_asked(turn: Turn, *, agreed: bool) -> Outcome | None:
    """"好的我同意" to a binding request this elder was sent; None when no request waits for them."""
    ctx = turn.ctx
    elder = await turn.member()
    if elder is None or not await _requests_waiting(elder, ctx):
        return None
    return await _answer(turn.with_argument(""), agreed=agreed)


async def _requests_waiting(elder: members.Member, ctx: Context) -> list[members.Binding]:
    return [binding for binding in await members.family_of(ctx.bank.sessions, elder.id, include_pending=True)
            if not binding.is_confirmed]


async def _answer(turn: Turn, *, agreed: bool) -> Outcome:
    ctx, number = turn.ctx, turn.argument
    elder = await turn.member()
    waiting = [] if elder is None else await _requests_waiting(elder, ctx)
    if not waiting:
        return Outcome(Reply(ctx.text("bind_nothing_pending")), "binding_answer")
    if len(waiting) > 1 and not number:
        lines = [f"{n}. {b.relation} {await who(b.family_member_id, ctx)}" for n, b in enumerate(waiting, 1)]
        return Outcome(Reply(ctx.text("bind_pick", count=str(len(waiting)), lines="\n".join(lines))), "binding_answer")
    index = (record_number(number) if number else 1) - 1
    if not 0 <= index < len(waiting):
        return Outcome(Reply(ctx.text("bind_no_such_number")), "binding_answer")
    binding = waiting[index]
    if agreed:
        await members.confirm_binding(ctx.bank.sessions, binding.id, elder.actor)
        await _tell_family(ctx, binding, "bind_confirmed_to_family", "binding_confirmed")
        reply = ctx.text("bind_agreed", relation=binding.relation, who=await who(binding.family_member_id, ctx))
    else:
        await members.end_binding(ctx.bank.sessions, binding.id, elder.actor)
        await _tell_family(ctx, binding, "bind_refused_to_family", "binding_refused")
        reply = ctx.text("bind_refused")
    return Outcome(Reply(reply), "binding_answer")


async def _tell_family(ctx: Context, binding: members.Binding, text_key: str, kind: str) -> None:
    await tell_member(ctx, binding.family_member_id, kind, ctx.text(text_key, who=await who(binding.elder_id, ctx)),
                      f"binding:{binding.id}:{kind}")


async def confirm_by_staff(ctx: Context, staff: members.Member, elder: members.Member, family_phone: str) -> str:
    """Staff confirm for an elder without WeChat; with two or more waiting, the family member's phone says which."""
    waiting = [binding for binding in await members.family_of(ctx.bank.sessions, elder.id, include_pending=True)
               if not binding.is_confirmed]
    if family_phone:
        try:
            family = await members.member_by_phone(ctx.bank.sessions, ctx.bank.keyring, family_phone)
        except InvalidPhone:
            family = None
        waiting = [binding for binding in waiting if family is not None and binding.family_member_id == family.id]
    if not waiting:
        return ctx.text("bind_staff_nothing_pending")
    if len(waiting) > 1:
        return ctx.text("bind_staff_which", count=str(len(waiting)))
    binding = await members.confirm_binding(ctx.bank.sessions, waiting[0].id, staff.actor)
    await _tell_family(ctx, binding, "bind_confirmed_to_family", "binding_confirmed")
    return ctx.text("bind_staff_done", elder=await who(elder.id, ctx), relation=binding.relation,
                    family=await who(binding.family_member_id, ctx))


# ---- 我的家人 ----------------------------------------------------------------------


async def my_family(turn: Turn) -> Outcome:
    ctx = turn.ctx
    member = await turn.member()
    if member is None:
        return Outcome(Reply(ctx.text("not_registered")), "my_family")
    sessions = ctx.bank.sessions
    elders = [f"{n}. {await who(b.elder_id, ctx)}，您是TA的{b.relation}{_waiting(b, ctx)}"
              for n, b in enumerate(await members.bound_elders(sessions, member.id, include_pending=True), 1)]
    family = [f"{n}. {b.relation} {await who(b.family_member_id, ctx)}{_waiting(b, ctx)}"
              for n, b in enumerate(await members.family_of(sessions, member.id, include_pending=True), 1)]
    parts = ([ctx.text("my_family_elders", lines="\n".join(elders))] if elders else []) + \
            ([ctx.text("my_family_proxies", lines="\n".join(family))] if family else [])
    return Outcome(Reply("\n".join(parts) if parts else ctx.text("my_family_none")), "my_family")


def _waiting(binding: members.Binding, ctx: Context) -> str:
    return "" if binding.is_confirmed else ctx.text("my_family_waiting")


ROUTES = (
    FLOW,
    Command(BIND_COMMAND, flow=FLOW_NAME),
    Command(AGREE_COMMAND, agree),
    Command(REFUSE_COMMAND, refuse),
    Command(MY_FAMILY_COMMAND, my_family),
)
