"""What a member can see of their own data: `我的信息`, `谁看过我的信息`, `导出我的信息`.

`我的信息` lists what the bank holds, masked as others see it, and how to correct it. `谁看过我的信息` lists
every read of their unmasked data in the last 90 days (from the audit log): who, in their masked name and
role, when, for which task and why; their own reads are left out. A family member bound to an elder
(亲情代理) sees the same for the elder too. `导出我的信息` gives a one-time link to a JSON copy of
everything held (storage.data_export), valid for a day.

Commands read before the language understanding, in the words people use ("我的电话谁看过",
"你们存了我什么信息", "把我的资料发给我"), none of which the NLU contract names.
"""

from __future__ import annotations

import re
from datetime import timedelta

from handlers.context import Context
from handlers.names import ROLES
from handlers.people import named
from handlers.task_words import when
from handlers.routes import Command
from handlers.turn import Turn
from handlers.types import Outcome, Reply
from storage import audit, data_export, members
from storage.privacy import mask_phones_in

_DATA = r"(?:个人)?(?:信息|资料|数据|隐私|电话|手机|手机号|号码|地址)"
_WHO = r"(?:谁|哪些人|什么人|有人)"
_SAW = r"(?:看过|看了|查过|查了|查看过|看到过|看到了|调过|拿过|用过)"
_ME = r"(?:我|我的|我家|我妈|我爸|老人)"
READS_COMMAND = re.compile(
    rf"^\s*((?:请问|想问问?|我想知道)?(?:{_WHO}(?:都|还)?{_SAW}{_ME}?的?{_DATA}|{_ME}?的?{_DATA}(?:被|让)?{_WHO}(?:都|还)?{_SAW}))"
    r"\s*(?:吗|呢|没有)?\s*[？?。!！]*\s*$")
HOLDINGS_COMMAND = re.compile(
    r"^\s*((?:查看|看看|查查|查一下|看一下)?\s*我的(?:个人)?(?:信息|资料)(?:怎么改|怎么修改|错了|不对|要改一下?)?"
    r"|(?:你们|银行|时间银行)(?:里)?(?:都)?(?:存|有|保存|记|留)了?我(?:的)?(?:哪些|什么|啥)(?:信息|资料)?)"
    r"\s*(?:吗|呢)?\s*[？?。!！]*\s*$")
EXPORT_COMMAND = re.compile(
    r"^\s*((?:导出|下载|拷贝|复制|打包)(?:一份)?我?的?(?:全部|所有)?(?:个人)?(?:信息|资料|数据)"
    r"|(?:把|将)我的(?:全部|所有)?(?:个人)?(?:信息|资料|数据)(?:导出|发给我|给我|下载))"
    r"\s*(?:吧|呢)?\s*[。!！]*\s*$")

READS_DAYS = 90
READS_SHOWN = 10
HOLDINGS, READS, EXPORT = "my_data", "my_data_reads", "my_data_export"
# Why the data was read, for the codes the bot itself gives; anything else is staff's own words.
WHY_CODES = ("task_contact", "sos", "emergency", "export")
FIELD_NAMES = {"real_name": "姓名", "phone": "电话", "address": "地址", "emergency_name": "紧急联系人",
               "emergency_phone": "紧急联系人电话", "id_number": "身份证号"}


async def _subjects(member: members.Member, ctx: Context) -> list[tuple[members.Member, str]]:
    """The member, then each elder they act for as confirmed family: (whose data, how to call them)."""
    subjects = [(member, ctx.text("my_data_whose_own"))]
    for binding in await members.bound_elders(ctx.bank.sessions, member.id):
        elder = await members.member_by_id(ctx.bank.sessions, binding.elder_id)
        if elder is not None and elder.erased_at is None:
            name = (await members.masked_profile(ctx.bank.sessions, ctx.bank.keyring, elder.id)).real_name or ""
            subjects.append((elder, ctx.text("my_data_whose_elder", name=name)))
    return subjects


async def holdings(turn: Turn) -> Outcome:
    ctx = turn.ctx
    member = await turn.member()
    if member is None:
        return Outcome(Reply(ctx.text("not_registered")), HOLDINGS)
    parts = [await _holdings_of(subject, whose, ctx) for subject, whose in await _subjects(member, ctx)]
    return Outcome(Reply("\n\n".join(parts) + ctx.text("my_data_footer")), HOLDINGS)


async def _holdings_of(subject: members.Member, whose: str, ctx: Context) -> str:
    masked = await members.masked_profile(ctx.bank.sessions, ctx.bank.keyring, subject.id)
    values = [(FIELD_NAMES[field], getattr(masked, field)) for field in members.PERSONAL_FIELDS]
    values += [(ctx.text("my_data_role"), ROLES.get(subject.role)), (ctx.text("my_data_community"), subject.community),
               (ctx.text("my_data_birth_year"), subject.birth_year and str(subject.birth_year)),
               (ctx.text("my_data_since"), when(subject.created_at, ctx))]
    lines = "\n".join(ctx.text("my_data_line", field=field, value=value) for field, value in values if value)
    return ctx.text("my_data", whose=whose, lines=lines)


async def reads(turn: Turn) -> Outcome:
    ctx = turn.ctx
    member = await turn.member()
    if member is None:
        return Outcome(Reply(ctx.text("not_registered")), READS)
    parts = [await _reads_of(subject, whose, turn) for subject, whose in await _subjects(member, ctx)]
    footer = ctx.text("reads_footer", hours=str(ctx.bank.task_rules.contact_window_min // 60))
    return Outcome(Reply("\n\n".join(parts) + footer), READS)


async def _reads_of(subject: members.Member, whose: str, turn: Turn) -> str:
    incoming, ctx = turn.incoming, turn.ctx
    since = incoming.received_at - timedelta(days=READS_DAYS)
    own = {audit.member_actor(subject.id, False), audit.member_actor(subject.id, True)}
    found = [entry for entry in await audit.entries(ctx.bank.sessions, subject=subject.id, action="reveal",
                                                    since=since, limit=500) if entry.actor not in own]
    if not found:
        return ctx.text("reads_none", days=str(READS_DAYS), whose=whose)
    shown = found[:READS_SHOWN]
    names = await named(ctx.bank.sessions, ctx.bank.keyring, [entry.actor for entry in shown])
    lines = "\n".join(_read_line(entry, names, ctx) for entry in shown)
    more = ctx.text("reads_more", shown=str(len(shown)), count=str(len(found))) if len(found) > len(shown) else ""
    return ctx.text("reads", days=str(READS_DAYS), whose=whose, lines=lines) + ("\n" + more if more else "")


def _read_line(entry: audit.AuditEntry, names: dict[str, str], ctx: Context) -> str:
    task_id = entry.detail.get("task_id")
    fields = "、".join(FIELD_NAMES.get(field, field) for field in entry.detail.get("fields", ()))
    reason = entry.reason or ""
    why = (ctx.text(f"reads_why_{reason}") if reason in WHY_CODES
           else ctx.text("reads_why_staff", reason=mask_phones_in(reason)))
    return ctx.text("reads_line", when=when(entry.at, ctx), who=names.get(entry.actor, entry.actor), fields=fields,
                    task=ctx.text("reads_task", id=str(task_id)) if task_id else "", why=why)


async def export(turn: Turn) -> Outcome:
    incoming, ctx = turn.incoming, turn.ctx
    member = await turn.member()
    if member is None:
        return Outcome(Reply(ctx.text("not_registered")), EXPORT)
    if ctx.console is None:
        return Outcome(Reply(ctx.text("export_unavailable")), EXPORT)
    token = await data_export.create_link(ctx.console.redis, member.id, now=incoming.received_at,
                                          ttl=data_export.DEFAULT_TTL)
    hours = str(int(data_export.DEFAULT_TTL.total_seconds() // 3600))
    url = f"{ctx.console.base_url}/export/{token}"
    return Outcome(Reply(ctx.text("export_link", url=url, hours=hours)), EXPORT)


ROUTES = (
    Command(READS_COMMAND, reads),
    Command(EXPORT_COMMAND, export),
    Command(HOLDINGS_COMMAND, holdings),
)
