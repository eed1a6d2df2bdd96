"""Which handler answers a message: by what kind of message it is, then by what it means."""

from __future__ import annotations

import re
from typing import Awaitable, Callable

import nlu
from handlers import (aftercare, away, broadcast, console_link, credits, emergency, erasure, escalation, family, giving,
                      knowledge, membership, my_data, orders, partners, requests, staff, staff_desk, subscription, tasks,
                      welcome)
from handlers.context import Context
from handlers.conversation import Conversation
from handlers.flow import Flow
from handlers.identity import member_of, one_turn
from handlers.types import Choice, Incoming, Kind, Outcome, Reply
from storage import members

Handler = Callable[[Incoming, Context], Awaitable[Outcome]]
Responder = Handler
# Answers an intent in one turn; `slots` is what the parser read alongside it.
IntentHandler = Callable[[Incoming, Context, dict], Awaitable[Outcome]]


def canned(text_key: str, intent: str | None = None) -> Handler:
    """A handler whose whole answer is one sentence of the text table."""

    async def answer(incoming: Incoming, ctx: Context, slots: dict | None = None) -> Outcome:
        return Outcome(Reply(ctx.text(text_key)), intent or text_key)

    return answer


async def say_nothing(incoming: Incoming, ctx: Context) -> Outcome:
    return Outcome(None, incoming.kind.value)


async def forget_the_conversation(incoming: Incoming, ctx: Context) -> Outcome:
    """Unfollowing ends whatever was under way and stops every push; the account and credits stay."""
    await ctx.dialogue.forget(incoming.openid)
    await members.set_following(ctx.bank.sessions, incoming.openid, False)
    return Outcome(None, "unfollow")


# Intents answered in one turn.
INTENT_HANDLERS: dict[str, IntentHandler] = {
    # A question of the FAQ when the words name one ("时间币能干什么"), else what the bot can do.
    "help": knowledge.help_or_answer,
    "about": knowledge.about,
    # Safety first: whatever else is built, a cry for help gets the numbers to call at once.
    "sos": emergency.answer,
    "balance": lambda incoming, ctx, slots: credits.show_balance(incoming, ctx),
    "history": lambda incoming, ctx, slots: credits.show_history(incoming, ctx, next_page=slots.get("page") == "next"),
    "my_orders": orders.my_orders,
    "list_tasks": tasks.list_tasks,
    "accept_task": tasks.accept_task,
    "check_in": tasks.check_in,
    "check_out": tasks.check_out,
    "confirm_done": aftercare.confirm_done,
    "rate": aftercare.rate,
    "unsubscribe": subscription.unsubscribe,
    "subscribe": subscription.subscribe,
}

# What someone who has not registered may do; everything else first asks them to register.
OPEN_TO_EVERYONE = frozenset({"help", "about", "register", "sos", "subscribe", "unsubscribe"})
MEMBERS_ONLY = frozenset(nlu.INTENTS) - OPEN_TO_EVERYONE - {"unknown", "affirm", "deny"}

# Exact commands read before any language understanding: staff, partner and task operations.
# A command answers None to decline, and the message goes on to the language understanding.
COMMANDS: tuple[tuple[re.Pattern, Callable[[str, Incoming, Context], Awaitable[Outcome | None]]], ...] = (
    (partners.COMPLETE_COMMAND, partners.complete_code),
    (aftercare.DISPUTE_COMMAND, aftercare.dispute),
    (tasks.CONTACT_COMMAND, tasks.show_contact),
    (aftercare.RESOLVE_COMMAND, aftercare.resolve),
    (staff.VERIFY_COMMAND, staff.verify),
    (staff.SUSPEND_COMMAND, staff.suspend),
    (staff.REINSTATE_COMMAND, staff.reinstate),
    (staff.CERTIFICATE_COMMAND, staff.certify),
    (staff.CONFIRM_BINDING_COMMAND, staff.confirm_binding),
    (staff.ACT_COMMAND, staff.act_for),
    (staff.END_ACTING_COMMAND, staff.end_acting),
    (staff_desk.ALERTS_COMMAND, staff_desk.open_alerts),
    (staff_desk.HANDLE_ALERT_COMMAND, staff_desk.handle_alert),
    (staff_desk.RECORD_COMMAND, staff_desk.volunteer_record),
    (staff_desk.APPROVE_COMMAND, staff_desk.approve_correction),
    (staff_desk.MAKE_STAFF_COMMAND, staff_desk.make_staff),
    (staff_desk.MAKE_ADMIN_COMMAND, staff_desk.make_admin),
    (staff_desk.REVOKE_STAFF_COMMAND, staff_desk.revoke_staff),
    (staff_desk.REPORT_COMMAND, staff_desk.daily_report),
    (console_link.LOGIN_COMMAND, console_link.login_link),
    (my_data.READS_COMMAND, my_data.reads),
    (my_data.EXPORT_COMMAND, my_data.export),
    (my_data.HOLDINGS_COMMAND, my_data.holdings),
    (family.AGREE_COMMAND, family.agree),
    (family.REFUSE_COMMAND, family.refuse),
    (family.MY_FAMILY_COMMAND, family.my_family),
    (broadcast.HISTORY_COMMAND, broadcast.history),
    (broadcast.CANCEL_COMMAND, broadcast.cancel),
    (knowledge.FAQ_COMMAND, knowledge.faq_list),
    (knowledge.STORY_COMMAND, knowledge.read_story),
    (knowledge.ADD_STORY_COMMAND, knowledge.add_story),
    (escalation.ASSIGN_COMMAND, escalation.assign),
    (escalation.CALLED_COMMAND, escalation.called),
    (away.PAUSE_COMMAND, away.pause),
    (away.RESUME_COMMAND, away.resume),
)

# Intents that take a conversation of several turns: one row per flow module.
FLOWS: dict[str, Flow] = {flow.name: flow for flow in (
    membership.FLOW,
    giving.DONATE,
    giving.TRANSFER,
    partners.REDEEM,
    erasure.FLOW,
    requests.FLOW,
    aftercare.CANCEL,
    welcome.REJOIN_FLOW,
    family.FLOW,
    staff.REGISTER_FOR_ELDER,
    broadcast.FLOW,
    staff_desk.REVERSE,
    staff_desk.GRANT,
    staff_desk.ADJUST,
)}

# Exact phrases that start a flow no intent of the NLU contract names.
FLOW_COMMANDS: tuple[tuple[re.Pattern, str], ...] = (
    (erasure.ERASE_COMMAND, erasure.FLOW_NAME),
    (family.BIND_COMMAND, family.FLOW_NAME),
    (staff.REGISTER_COMMAND, staff.REGISTER_FLOW_NAME),
    (broadcast.STORY_COMMAND, broadcast.FLOW_NAME),
    (staff_desk.REVERSE_COMMAND, staff_desk.REVERSE_FLOW_NAME),
    (staff_desk.GRANT_COMMAND, staff_desk.GRANT_FLOW_NAME),
    (staff_desk.ADJUST_COMMAND, staff_desk.ADJUST_FLOW_NAME),
)

# Staff commands, by their patterns above. Typed while a flow waits for words (a reason, a broadcast's text),
# one of these may be either; staff are asked which ("先办这个指令吗？") rather than have it swallowed or run.
STAFF_COMMANDS: tuple[re.Pattern, ...] = (
    aftercare.RESOLVE_COMMAND, staff.VERIFY_COMMAND, staff.SUSPEND_COMMAND, staff.REINSTATE_COMMAND,
    staff.CERTIFICATE_COMMAND, staff.CONFIRM_BINDING_COMMAND, staff.ACT_COMMAND, staff.END_ACTING_COMMAND,
    staff_desk.ALERTS_COMMAND, staff_desk.HANDLE_ALERT_COMMAND, staff_desk.RECORD_COMMAND,
    staff_desk.MAKE_STAFF_COMMAND, staff_desk.MAKE_ADMIN_COMMAND, staff_desk.REVOKE_STAFF_COMMAND,
    staff_desk.REPORT_COMMAND, console_link.LOGIN_COMMAND, broadcast.HISTORY_COMMAND, broadcast.CANCEL_COMMAND,
    knowledge.ADD_STORY_COMMAND, staff.REGISTER_COMMAND, broadcast.STORY_COMMAND, broadcast.START_COMMAND,
    staff_desk.REVERSE_COMMAND, staff_desk.GRANT_COMMAND, staff_desk.ADJUST_COMMAND, staff_desk.APPROVE_COMMAND,
    escalation.ASSIGN_COMMAND, escalation.CALLED_COMMAND,
)

# The numbered main menu offered after two misunderstandings.
MAIN_MENU = (
    Choice("about", "了解时间银行"),
    Choice("register", "注册"),
    Choice("post_request", "找人帮忙"),
    Choice("my_orders", "我的订单"),
    Choice("balance", "查时间币"),
    Choice("history", "看时间币明细"),
    Choice("redeem", "兑换物品"),
    Choice("help", "怎么用"),
)


# What a member is doing, in their words, for intents that are not flows: "要先放下它，改为“接单”吗？"
INTENT_TITLES = {
    "help": "看看怎么用", "list_tasks": "看看有什么任务", "accept_task": "接单", "check_in": "签到", "check_out": "签退",
    "confirm_done": "确认完成", "rate": "评价", "my_orders": "查订单", "balance": "查时间币", "history": "看时间币明细",
    "subscribe": "订阅消息", "unsubscribe": "退订消息", "about": "了解时间银行",
}


async def answer_intent(intent: str, slots: dict, incoming: Incoming, ctx: Context) -> Outcome:
    if intent in MEMBERS_ONLY and await member_of(incoming, ctx) is None:
        return Outcome(Reply(ctx.text("not_registered")), intent)
    if intent in INTENT_HANDLERS:
        return await INTENT_HANDLERS[intent](incoming, ctx, slots)
    if intent in ("affirm", "deny"):  # no question of ours is open: perhaps one another member asked
        return await family.answer_if_asked(incoming, ctx, agreed=intent == "affirm") \
            or Outcome(Reply(ctx.text("small_ok")), intent)
    return Outcome(Reply(ctx.text("not_understood")), "unknown")


def is_staff_command(text: str) -> bool:
    return any(pattern.match(text) for pattern in STAFF_COMMANDS)


def make_respond(flows: dict[str, Flow]) -> Responder:
    async def run_command(incoming: Incoming, ctx: Context) -> Outcome | None:
        for pattern, command in COMMANDS:
            # A command may decline (None): words like "有问题" are a dispute only for someone with a visit on.
            if (found := pattern.match(incoming.text)) and (outcome := await command(found.group(1), incoming, ctx)):
                await conversation.after_command(outcome, incoming, ctx)
                return outcome
        for pattern, flow_name in FLOW_COMMANDS:
            if pattern.match(incoming.text):
                return await conversation.begin(flow_name, incoming, ctx)
        return None

    conversation = Conversation(flows, answer_intent, MAIN_MENU, unknown=knowledge.answer_unknown, titles=INTENT_TITLES,
                                command=run_command)

    async def understand_text(incoming: Incoming, ctx: Context) -> Outcome:
        # "您现在有危险吗？" is settled before anything else the member says is read; while it is open, a staff
        # command is not held with a second yes/no question, whose "是" would answer both.
        if (settled := await emergency.settle_doubt(incoming, ctx, obey_text)) is not None:
            return settled
        if is_staff_command(incoming.text) and await staff.staff_member(incoming, ctx) is not None \
                and (asked := await conversation.hold(incoming, ctx)) is not None:
            return asked
        return await obey_text(incoming, ctx)

    async def obey_text(incoming: Incoming, ctx: Context) -> Outcome:
        return await run_command(incoming, ctx) or await conversation.hear(incoming, ctx)

    async def understand_voice(incoming: Incoming, ctx: Context) -> Outcome:
        if not incoming.text.strip():
            return Outcome(Reply(ctx.text("voice_not_recognized")), "voice_unrecognized")
        return await understand_text(incoming, ctx)

    async def menu_click(incoming: Incoming, ctx: Context) -> Outcome:
        # Menu keys are intent names, so a button does exactly what the same words would.
        intent = incoming.menu_key.strip().lower()
        if intent in nlu.INTENTS and intent != "unknown":
            return await conversation.begin(intent, incoming, ctx)
        return Outcome(Reply(ctx.text("unknown_menu")), "unknown_menu")

    kind_handlers: dict[Kind, Handler] = {
        Kind.TEXT: understand_text,
        Kind.VOICE: understand_voice,
        Kind.MENU_CLICK: menu_click,
        # An answer when the open question takes a place; else a volunteer on duty arriving or leaving.
        Kind.LOCATION: lambda incoming, ctx: conversation.place(incoming, ctx, otherwise=tasks.arrived_or_left),
        Kind.FOLLOW: lambda incoming, ctx: welcome.on_follow(incoming, ctx, conversation.begin),
        Kind.SCAN: welcome.on_scan,
        Kind.MEDIA: canned("media_not_understood", "media"),
        Kind.UNFOLLOW: forget_the_conversation,
        Kind.SILENT_EVENT: say_nothing,
        Kind.MASS_SEND_FINISHED: broadcast.mass_send_finished,
    }

    async def respond(incoming: Incoming, ctx: Context) -> Outcome:
        with one_turn():
            return await kind_handlers[incoming.kind](incoming, ctx)

    return respond


respond = make_respond(FLOWS)
