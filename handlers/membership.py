"""Joining the time bank: who you are, consent to the privacy notice, then the details your role needs."""

from __future__ import annotations

import re

import nlu
from handlers.context import Context
from handlers.events import list_events
from handlers.flow import Choice, Flow, Slot
from handlers.subscription import tags_changed
from handlers.turn import Turn
from handlers.types import Location, Outcome, Reply
from handlers.welcome import remembered_community
from storage import ledger, members
from storage.base import utcnow
from storage.privacy import InvalidPhone, mask_address, mask_phone, normalize_phone

PRIVACY_NOTICE_VERSION = "2026-11"
ROLE_CHOICES = (
    Choice(members.ELDER, "老人本人，需要帮助", words=("老人", "本人", "我自己", "自己")),
    Choice(members.VOLUNTEER, "志愿者，想帮助老人", words=("志愿者", "帮忙的", "义工")),
    Choice(members.FAMILY, "家属，替家里老人办事", words=("家属", "子女", "儿子", "女儿", "家人")),
)
ROLE_NAMES = {choice.value: choice.label.split("，")[0] for choice in ROLE_CHOICES}


def is_elder(slots: dict) -> bool:
    return slots.get("role") == members.ELDER


def is_volunteer(slots: dict) -> bool:
    return slots.get("role") == members.VOLUNTEER


# A request said in words reads at least this sure; a place named after a hospital or a shop ("人民医院宿舍")
# reads as a request by its service word alone, less sure.
ASKED_IN_WORDS = 0.9
# A mobile number anywhere in an answer: then it is a phone, not a name or an address.
MOBILE_INSIDE = re.compile(r"(?<!\d)(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}(?!\d)")


# How a name is given: "我叫李桂英", "名字是李桂英。", "俺姓胡 叫胡桂兰" — the name is what is left.
NAME_SAID = re.compile(r"^(?:(?:我|俺)(?:姓[^\s，,]{1,2}[\s，,]*)?(?:的名字)?(?:叫|是)|(?:名字|姓名)(?:叫|是|[:：])?|叫我)\s*"
                       r"|[\s。！!.，,~～啊呀哈吧哦]+$")
# Who an emergency contact is to the elder, said before the name: "我儿子李强".
CONTACT_RELATION = re.compile(r"^(?:我|是)?的?(儿子|女儿|闺女|老伴|爱人|老公|丈夫|妻子|老婆|孙子|孙女|外孙女?|侄子|侄女|"
                              r"外甥女?|儿媳妇?|女婿|哥哥|姐姐|弟弟|妹妹|邻居|朋友)(?:叫|是)?")


def tidy_name(said: str) -> str:
    return NAME_SAID.sub("", said.strip()).strip()


def name_as_said(said: str) -> dict:
    return {"real_name": tidy_name(said)}


def contact_as_said(said: str) -> dict:
    """"我儿子李强 138 1111 2222": the name (the relation, when no name is given) and the phone, if said."""
    phone = MOBILE_INSIDE.search(said)
    rest = MOBILE_INSIDE.sub(" ", said).strip()
    relation = CONTACT_RELATION.match(rest)
    name = tidy_name(rest[relation.end():] if relation else rest) or (relation.group(1) if relation else "")
    found = {"emergency_name": name or said}
    if phone:
        found["emergency_phone"] = re.sub(r"\D", "", phone.group())[-11:]
    return found


async def a_name(name: str, turn: Turn) -> str | None:
    """2 to 20 characters and no digits: a name is never a phone number or an address; nor a request said one
    question early ("明朝早上九点 有冇人陪俺去一附院复查")."""
    ctx = turn.ctx
    name = name.strip()
    if not (2 <= len(name) <= 20 and not any(ch.isdigit() for ch in name)):
        return ctx.text("register_bad_name")
    return ctx.text("register_name_not_request") if _asks_for_help(name, turn) else None


async def a_new_phone(phone: str, turn: Turn) -> str | None:
    ctx = turn.ctx
    try:
        normalize_phone(phone)
    except InvalidPhone:
        return ctx.text("register_bad_phone")
    if await members.member_by_phone(ctx.bank.sessions, ctx.bank.keyring, phone) is not None:
        return ctx.text("register_phone_taken")
    return None


async def a_phone(phone: str, turn: Turn) -> str | None:
    ctx = turn.ctx
    try:
        normalize_phone(phone)
    except InvalidPhone:
        return ctx.text("register_bad_phone")
    return None


async def a_community(community: str, turn: Turn) -> str | None:
    """A community has a name: not a bare number (a birth year, a phone) said one question early."""
    ctx = turn.ctx
    community = community.strip()
    named = 2 <= len(community) <= 30 and sum(not ch.isdigit() for ch in community) >= 2
    if not named or MOBILE_INSIDE.search(community):
        return ctx.text("register_bad_community")
    return ctx.text("register_place_not_request", example="青山湖社区") if _asks_for_help(community, turn) else None


def _asks_for_help(said: str, turn: Turn) -> bool:
    """"礼拜天下午 想找人来屋里搞下卫生" said where a place was asked: a request, not where one lives. Said in the
    lexicon's words, not guessed by the learnt reader, which has met few names ("周明" is a name)."""
    meaning = nlu.parse(said, now=turn.ctx.local(turn.incoming.received_at))
    return meaning.intent == "post_request" and meaning.confidence >= ASKED_IN_WORDS and not meaning.learnt


async def a_birth_year(year: int, turn: Turn) -> str | None:
    incoming, ctx = turn.incoming, turn.ctx
    this_year = ctx.local(incoming.received_at).year
    return None if members.EARLIEST_BIRTH_YEAR <= year <= this_year - 10 else ctx.text("register_bad_year")


def a_place(location: Location) -> dict:
    """A location message as an address answer: WeChat's label is the address, the point is kept apart."""
    return {"label": location.label.strip(), "point": [location.latitude, location.longitude]}


def address_text(value: str | dict) -> str:
    return (value["label"] if isinstance(value, dict) else value).strip()


def address_point(value: str | dict) -> tuple[float, float] | None:
    return tuple(value["point"]) if isinstance(value, dict) else None


async def an_address(value: str | dict, turn: Turn) -> str | None:
    ctx = turn.ctx
    if isinstance(value, dict) and not value["label"]:
        return ctx.text("register_location_without_label")
    text = address_text(value)
    if MOBILE_INSIDE.search(text):
        return ctx.text("register_address_not_phone")
    if not 4 <= len(text) <= 200 or text.isdigit():
        return ctx.text("register_bad_address")
    return ctx.text("register_place_not_request", example="青山湖社区5栋2单元301") if _asks_for_help(text, turn) else None


async def keep_home_point(member: members.Member, address: str | dict | None, by: members.Actor, turn: Turn) -> None:
    point = address_point(address) if address is not None else None
    if point is not None:
        await members.set_home_point(turn.ctx.bank.sessions, turn.ctx.bank.keyring, member.id, *point, by=by)
        turn.sender_changed()


async def who(member_id: int, ctx: Context) -> str:
    """A member as anyone may be shown them: 王**（138****5678）."""
    masked = await members.masked_profile(ctx.bank.sessions, ctx.bank.keyring, member_id)
    return f"{masked.real_name or ''}（{masked.phone or '无手机'}）"


# What a member already registered means by "我要参加", "给我报一个": one of the community's events.
EVENT_WORDS = re.compile("参加|活动|培训|讲座|课|班|义诊|比赛|演出|开放日|茶话会|联欢|晚会|座谈|聚会|参观")


async def community_from_qr_code(turn: Turn) -> dict:
    community = await remembered_community(turn)
    return {"community": community} if community else {}


async def some_services(text: str, turn: Turn) -> str | None:
    ctx = turn.ctx
    return None if nlu.services_mentioned(text) else ctx.text("register_no_skills")


async def not_yet_registered(turn: Turn) -> Outcome | None:
    ctx = turn.ctx
    if await turn.member() is None:
        return None
    if EVENT_WORDS.search(turn.incoming.text):  # "周三的急救培训我要参加": an event to sign up for, not the bank
        return await list_events(turn)
    return Outcome(Reply(ctx.text("register_already")), "register")


async def summary(turn: Turn) -> str:
    ctx, slots = turn.ctx, turn.slots
    lines = [f"身份：{ROLE_NAMES[slots['role']]}", f"姓名：{slots['real_name']}",
             f"手机：{mask_phone(normalize_phone(slots['phone']))}", f"社区：{slots['community']}",
             f"出生年份：{slots['birth_year']}"]
    if is_elder(slots):
        lines.append(f"地址：{mask_address(address_text(slots['address']))}")
        lines.append(f"紧急联系人：{slots['emergency_name']} {mask_phone(normalize_phone(slots['emergency_phone']))}")
    if is_volunteer(slots):
        skills = "、".join(ctx.bank.catalogue[code].name for code in nlu.services_mentioned(slots["skills"]))
        lines += [f"会做：{skills}", f"有空：{slots['availability']}"]
    return "请核对您的信息：\n" + "\n".join(lines)


async def register(turn: Turn) -> Outcome:
    incoming, ctx, slots = turn.incoming, turn.ctx, turn.slots
    address = slots.get("address")
    personal = members.PersonalData(
        real_name=slots["real_name"].strip(), phone=slots["phone"], address=address and address_text(address),
        emergency_name=slots.get("emergency_name"), emergency_phone=slots.get("emergency_phone"),
    )
    member = await members.register_member(
        ctx.bank.sessions, ctx.bank.keyring, role=slots["role"], openid=incoming.openid, personal=personal,
        consent=members.Consent(PRIVACY_NOTICE_VERSION, utcnow()), community=slots["community"].strip(),
        birth_year=slots["birth_year"], skills=nlu.services_mentioned(slots.get("skills", "")),
        availability=slots.get("availability"),
    )
    turn.sender_changed()
    await ledger.open_member_account(ctx.bank.sessions, member.ledger_ref)
    await keep_home_point(member, address, member.actor, turn)
    await tags_changed(ctx, member.id, incoming, "register")
    reply = ctx.text(f"register_done_{member.role}")
    if member.role == members.FAMILY:
        reply += ctx.text("register_offer_binding")
    return Outcome(Reply(reply), "register")


FLOW = Flow(
    name="register",
    title="注册",
    ready=not_yet_registered,
    prefill=community_from_qr_code,
    slots=(
        Slot("role", "请问您是下面哪一种？", expecting="choice", choices=ROLE_CHOICES),
        Slot("consent", lambda slots, ctx: ctx.text("privacy_notice"), expecting="yes_no",
             again=lambda slots, ctx: ctx.text("privacy_notice_again")),
        Slot("real_name", "请告诉我您的真实姓名。", expecting="text", check=a_name, tidy=name_as_said),
        Slot("phone", "请发您的手机号（11位）。", expecting="phone", check=a_new_phone),
        Slot("community", "您住在哪个社区？比如“青山湖社区”。", expecting="text", check=a_community),
        Slot("birth_year", "您是哪一年出生的？比如“1948”，或者说“78岁”。", expecting="year", check=a_birth_year),
        Slot("address", lambda slots, ctx: ctx.text("register_ask_address"), expecting="text", check=an_address,
             when=is_elder, from_location=a_place),
        Slot("emergency_name", "万一有急事，我们联系谁？请发紧急联系人的名字。", expecting="text", check=a_name, when=is_elder,
             tidy=contact_as_said),
        Slot("emergency_phone", "请发这位紧急联系人的手机号。", expecting="phone", check=a_phone, when=is_elder),
        Slot("skills", "您会做哪些事？比如：陪诊、买菜、打扫、聊天、理发。", expecting="text", check=some_services,
             when=is_volunteer),
        Slot("availability", "您一般什么时候有空？比如“工作日上午”。", expecting="text", when=is_volunteer),
    ),
    confirm=summary,
    finish=register,
)


ROUTES = (FLOW,)
