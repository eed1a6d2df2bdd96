"""Asking for help: the posting conversation, who it is for, what it costs, and telling the right volunteers."""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from handlers.context import LOCAL_TIME, Context
from handlers.flow import Choice, Flow, Slot
from handlers.family_words import elder_seen_by_family
from handlers.identity import account_of
from handlers.membership import a_place, address_point, address_text, an_address
from handlers.notices import tell_members, tell_staff
from handlers.staff import acting_for
from handlers.task_words import describe, when
from handlers.turn import Turn
from handlers.types import Incoming, Outcome, Reply
from storage import alerts, ledger, members, tasks
from storage.exchange import INSUFFICIENT_BALANCE, ISSUANCE, POOL, format_minutes

HOME, ELSEWHERE = "home", "elsewhere"
HOME_WORDS = ("家", "在家", "我家", "家里来", "上门", "到家里", "屋里", "来屋里", "屋头", "屋企",  # Gan, Sichuan, Cantonese
              "住的地方", "住处", "登记的地址", "注册的地址", "注册写的", "注册时写的")  # "我住的地方 刚才注册写了的"
ELSEWHERE_WORDS = ("别处", "外面", "外边", "别的", "其他地方", "不在家")
# A place named where "家里 or 别的地方?" was asked: "省人民医院", "去八一路菜场", "我女儿家" is somewhere else.
PLACE_WORDS = re.compile(r"医院|附院|诊所|卫生院|卫生站|门诊|药店|药房|超市|菜场|市场|银行|邮局|公园|广场|商场|车站|"
                         r"学校|饭店|食堂|理发店|派出所|居委会|活动室|老年大学|路|街|巷|大道|大厦|小区|门口|"
                         r"(女儿|儿子|闺女|朋友|亲戚|邻居)家")
SHORTEST_PLACE_NAME = 3  # "二附院", "省医院": shorter than any home address we accept
LONGEST_PLACE_NAME = 20  # "南昌大学第二附属医院东湖院区" is 14
GOING = re.compile(r"^(就|我|我们)?(要|想)?(去|到|在)")  # "去省人民医院", "就在一附院门口": the place follows
MEETING = re.compile(r"(等我?|见面?|碰头|集合|会合)$")  # "…门口等": where to meet, said with the place
# "不知道" to how long: a visit is planned at two hours, and paid for the minutes actually served.
GUESSED_DURATION_MIN = 120
PAYER_WORDS = {POOL: "payer_pool", ISSUANCE: "payer_issuance"}


# ---- who the request is for ------------------------------------------------------

async def elders_to_choose(turn: Turn) -> tuple[Choice, ...]:
    ctx = turn.ctx
    member = await turn.member()
    choices = []
    for binding in await members.bound_elders(ctx.bank.sessions, member.id):
        name = (await members.masked_profile(ctx.bank.sessions, ctx.bank.keyring, binding.elder_id)).real_name or ""
        choices.append(Choice(binding.elder_id, elder_seen_by_family(binding.relation, name)))
    return tuple(choices)


async def who_it_is_for(turn: Turn) -> dict:
    """Staff acting for an elder, a family member's only elder, or the member themselves."""
    ctx = turn.ctx
    if (elder := await acting_for(turn)) is not None:
        return {"for_elder": elder.id}
    member = await turn.member()
    if member.role != members.FAMILY:
        return {"for_elder": member.id}
    bound = await members.bound_elders(ctx.bank.sessions, member.id)
    return {"for_elder": bound[0].elder_id} if len(bound) == 1 else {}


async def able_to_ask(turn: Turn) -> Outcome | None:
    ctx = turn.ctx
    member = await turn.member()
    if member is None:
        return Outcome(Reply(ctx.text("not_registered")), "post_request")
    if member.role == members.FAMILY and await acting_for(turn) is None \
            and not await members.bound_elders(ctx.bank.sessions, member.id):
        return Outcome(Reply(ctx.text("post_bind_first")), "post_request")
    return None


# ---- when, how long, where ---------------------------------------------------------

def starts_at(slots: dict) -> datetime | None:
    if "date" not in slots or "time" not in slots:
        return None
    return datetime.combine(date.fromisoformat(slots["date"]), time.fromisoformat(slots["time"]), tzinfo=LOCAL_TIME)


async def a_future_day(value: str, turn: Turn) -> str | None:
    incoming, ctx, slots = turn.incoming, turn.ctx, turn.slots
    today = ctx.local(incoming.received_at).date()
    day = date.fromisoformat(value)
    if day < today:
        return ctx.text("post_in_past")
    # The timing rules are storage's (storage.tasks.windows); asking early here only saves the member a step.
    ahead = ctx.bank.task_rules.max_ahead_days
    if day > today + timedelta(days=ahead):
        return ctx.text("post_too_far", days=str(ahead))
    if "time" not in slots:
        return None
    return await a_future_start(slots["time"], turn.with_slots({**slots, "date": value}))


async def a_future_start(value: str | None, turn: Turn) -> str | None:
    incoming, ctx, slots = turn.incoming, turn.ctx, turn.slots
    start = starts_at({**slots, "time": value})
    if start is None:
        return None  # the day is not known yet: checked when it is
    if start <= incoming.received_at:
        return ctx.text("post_in_past")
    notice = ctx.bank.task_rules.min_notice_min
    if start < incoming.received_at + timedelta(minutes=notice):
        return ctx.text("post_too_soon", notice=format_minutes(notice))
    return None


async def an_affordable_duration(minutes: int, turn: Turn) -> str | None:
    incoming, ctx, slots = turn.incoming, turn.ctx, turn.slots
    low, high = ctx.bank.task_rules.min_duration_min, ctx.bank.task_rules.max_duration_min
    if not low <= minutes <= high:
        return ctx.text("post_bad_duration", low=format_minutes(low), high=format_minutes(high))
    if "service" not in slots or "for_elder" not in slots:
        return None
    quote = await _quote({**slots, "duration_min": minutes}, ctx, incoming)
    return None if quote.payer is not None else await _cannot_pay(quote, slots, ctx, incoming)


async def _quote(slots: dict, ctx: Context, incoming: Incoming) -> tasks.Quote:
    return await tasks.quote(ctx.bank.sessions, requester_id=slots["for_elder"], service_code=slots["service"],
                             duration_min=slots["duration_min"], catalogue=ctx.bank.catalogue,
                             policy=ctx.bank.policy, now=incoming.received_at)


async def _cannot_pay(quote: tasks.Quote, slots: dict, ctx: Context, incoming: Incoming) -> str:
    elder = await members.member_by_id(ctx.bank.sessions, slots["for_elder"])
    available = (await ledger.balance(ctx.bank.sessions, (await account_of(elder, ctx)).id)).available
    if quote.reason == INSUFFICIENT_BALANCE and available <= 0:
        # "Book less time" cannot help someone with nothing yet: say where credits come from instead.
        return ctx.text("cannot_pay_no_balance", cost=format_minutes(quote.cost_min))
    return ctx.text(f"cannot_pay_{quote.reason}", cost=format_minutes(quote.cost_min),
                    available=format_minutes(available), age=str(ctx.bank.policy.self_spend_age))


def a_named_place(said: str) -> dict:
    """"省人民医院" answered to "在哪里？": somewhere else, and that is where; {} when the words name no place,
    or are a sentence with a place in it ("上个月没人来 这回想再约个人陪我去医院 明天上午")."""
    words = MEETING.sub("", GOING.sub("", said.strip()))
    named = PLACE_WORDS.search(words) and len(words) <= LONGEST_PLACE_NAME and len(words.split()) == 1
    return {"place": ELSEWHERE, "place_text": words} if named else {}


def place_as_said(said: str | dict) -> dict:
    """"去八一路菜场" to "请发地址": the place is 八一路菜场; a location sent keeps its own label."""
    return {"place_text": MEETING.sub("", GOING.sub("", said).strip()) or said} if isinstance(said, str) else {}


async def a_destination(value: str | dict, turn: Turn) -> str | None:
    """An address, or a place people know by a short name ("二附院"); "医院" alone does not say which."""
    text = address_text(value)
    if PLACE_WORDS.fullmatch(text):
        return turn.ctx.text("post_place_which", place=text)
    if len(text) == SHORTEST_PLACE_NAME and not text.isdigit():
        return None
    return await an_address(value, turn)


async def services(turn: Turn) -> tuple[Choice, ...]:
    ctx = turn.ctx
    return tuple(Choice(service.code, service.name) for service in ctx.bank.catalogue.services.values())


def elsewhere(slots: dict) -> bool:
    return slots.get("place") == ELSEWHERE


def place_of(slots: dict) -> dict:
    """The place given for this request, if not home: its words, and its point when sent as a location."""
    if not elsewhere(slots):
        return {}
    point = address_point(slots["place_text"])
    return {"place": address_text(slots["place_text"]), "place_point": tasks.Point(*point) if point else None}


def notes_of(slots: dict) -> str | None:
    text = (slots.get("notes") or "").strip()
    return text or None


# ---- confirming and posting ------------------------------------------------------------

async def summary(turn: Turn) -> str:
    incoming, ctx, slots = turn.incoming, turn.ctx, turn.slots
    quote = await _quote(slots, ctx, incoming)
    member = await turn.member()
    payer = PAYER_WORDS.get(quote.payer) or ("payer_requester_self" if slots["for_elder"] == member.id
                                             else "payer_requester_elder")
    task_line = f"{when(starts_at(slots), ctx)} {ctx.bank.catalogue[slots['service']].name} 约{format_minutes(slots['duration_min'])}"
    return ctx.text("post_summary", task=task_line,
                    place=address_text(slots["place_text"]) if elsewhere(slots) else ctx.text("post_place_home"),
                    notes=notes_of(slots) or ctx.text("post_no_notes"),
                    cost=format_minutes(quote.cost_min), payer=ctx.text(payer))


async def post(turn: Turn) -> Outcome:
    incoming, ctx, slots = turn.incoming, turn.ctx, turn.slots
    member = await turn.member()
    try:
        task = await tasks.post_request(
            ctx.bank.sessions, ctx.bank.keyring, request_key=f"post:{slots['run_id']}",
            requester_id=slots["for_elder"], actor=member.actor, service_code=slots["service"],
            starts_at=starts_at(slots), duration_min=slots["duration_min"], catalogue=ctx.bank.catalogue,
            policy=ctx.bank.policy, notes=notes_of(slots), rules=ctx.bank.task_rules, now=incoming.received_at,
            **place_of(slots))
    except tasks.CannotPay:
        return Outcome(Reply(await _cannot_pay(await _quote(slots, ctx, incoming), slots, ctx, incoming)),
                       "post_request")
    except tasks.InvalidTask:  # the time asked for was fine when given, but time passed while confirming
        return Outcome(Reply(ctx.text("post_timing_changed")), "post_request")
    reply = ctx.text("post_done", id=str(task.id))
    if not await offer_to_volunteers(task, ctx, incoming.received_at):
        reply += "\n" + ctx.text("post_nobody_yet")
    return Outcome(Reply(reply), "post_request")


async def offer_to_volunteers(task: tasks.Task, ctx: Context, now: datetime) -> bool:
    """Tell the best few volunteers in reach; if nobody is, staff find someone. False: nobody was told."""
    ranked = await tasks.candidates(ctx.bank.sessions, task.id, catalogue=ctx.bank.catalogue,
                                    rules=ctx.bank.task_rules, now=now, limit=ctx.bank.task_rules.match_top_n)
    newly = await tasks.record_offers(ctx.bank.sessions, task.id, ranked, now)
    body = ctx.text("task_offer", id=str(task.id), task=describe(task, ctx), area=task.community or ctx.community.name)
    await tell_members(ctx, newly, "task_offer", body, f"offer:{task.id}")
    if ranked or await tasks.offered_to(ctx.bank.sessions, task.id):
        return True
    await alerts.raise_alert(ctx.bank.sessions, alerts.NOBODY_IN_REACH, member_id=task.requester_id,
                             request_id=task.id, community=task.community, now=now)
    await tell_staff(ctx, "nobody_in_reach", ctx.text("nobody_told_staff", id=str(task.id), task=describe(task, ctx)),
                     f"nobody:{task.id}:{task.acceptance_no}")
    return False


FLOW = Flow(
    name="post_request",
    title="找人帮忙",
    ready=able_to_ask,
    prefill=who_it_is_for,
    slots=(
        Slot("for_elder", lambda slots, ctx: ctx.text("post_for_whom"), expecting="choice", offer=elders_to_choose),
        Slot("service", lambda slots, ctx: ctx.text("post_service"), expecting="service", offer=services),
        Slot("date", lambda slots, ctx: ctx.text("post_date"), expecting="date", check=a_future_day),
        Slot("time", lambda slots, ctx: ctx.text("post_time"), expecting="time", check=a_future_start),
        Slot("duration_min", lambda slots, ctx: ctx.text("post_duration"), expecting="duration",
             check=an_affordable_duration, when_unsure=GUESSED_DURATION_MIN),
        Slot("place", lambda slots, ctx: ctx.text("post_place"), expecting="choice",
             choices=(Choice(HOME, "家里（登记的地址）", words=HOME_WORDS), Choice(ELSEWHERE, "别的地方", words=ELSEWHERE_WORDS)),
             otherwise=a_named_place),
        Slot("place_text", lambda slots, ctx: ctx.text("post_place_text"), expecting="text", when=elsewhere,
             check=a_destination, from_location=a_place, tidy=place_as_said),
        Slot("notes", lambda slots, ctx: ctx.text("post_notes"), expecting="text", may_be_none=True),
    ),
    confirm=summary,
    finish=post,
)


ROUTES = (FLOW,)
