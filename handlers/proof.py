"""Proofs of service hours (志愿服务证明): `开证明` sends the member a picture anyone can check by its code.

`开证明` (开个证明, 志愿服务证明, 我要证明; `开证明 2026` for one calendar year) freezes the member's hours,
by service, as the ledger paid them (storage.proofs), and answers at once with the proof's code and the address
of its public page; the picture itself (bot/proof_picture.py: name, hours, period, star level, issuer, date,
code and a QR code of the page) goes out through the outbox as an image message. WeChat's resend of the same
message finds the same proof. Staff withdraw one with `撤销证明 CODE`, audited.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

from handlers.context import Context
from handlers.knowledge import fill
from handlers.numbers import FIRST_YEAR
from handlers.routes import Command
from handlers.staff import staff_action
from handlers.turn import Turn
from handlers.types import Outcome, Reply
from storage import members, outbox, proofs, stars
from storage.exchange import format_minutes
from storage.members import Actor, Purpose, RevealRefused

_ASK = r"(?:我要|我想|我想要|请|请帮我|帮我|给我)?"
_MAKE = r"(?:开|开个|开一个|开张|开一张|开份|开一份|出|出个|出一张|出一份|要|要个|要一张|要一份|打印)?"
_YEAR = r"(?:\s*\d+\s*年?\s*的?\s*)?"
PROOF_COMMAND = re.compile(rf"^\s*({_ASK}{_MAKE}{_YEAR}(?:志愿者?服务(?:时长|时间)?的?|服务时长的?)?证明{_YEAR})"
                           r"\s*[吧。.!！]*\s*$")
REVOKE_COMMAND = re.compile(r"^\s*撤销证明\s*(.*?)\s*$")
# A question about proofs ("证明怎么开", "学校要我的服务时长证明", "怎么知道证明是真的"): the parser hears a request
# for help in 开 and 服务, so these are answered here, from the FAQ's entry, before it is asked.
QUESTION = re.compile(r"^(?=.{0,30}$)(?=.*证明)(?=.*(?:怎么|怎样|如何|哪里|哪儿|能不能|可不可以|可以|能开|真假|真的|假的|"
                      r"查验|核实|需要|要我|要一|要个|要份|要张|[吗呢？?]))(?!.*撤销证明)\s*(.+?)\s*$", re.S)
FAQ_ID = "proof"
YEAR_TYPED = re.compile(r"[0-9]+")

PICTURE_KIND = "proof_image"  # the outbox kind whose body is a proof's code (bot/proof_sending.py draws it)
LEVEL_WORDS = "零一二三四五六七八九十"  # [engagement] allows up to ten steps
INTENT, REVOKE_INTENT = "proof", "proof_revoke"


async def issue_proof(turn: Turn) -> Outcome:
    incoming, ctx = turn.incoming, turn.ctx
    member = await turn.member()
    if member is None:
        return _say(ctx.text("not_registered"))
    this_year = ctx.local(incoming.received_at).year
    typed = YEAR_TYPED.search(unicodedata.normalize("NFKC", turn.argument))
    year = int(typed.group()) if typed and len(typed.group()) <= 4 else (0 if typed else None)
    if year is not None and not FIRST_YEAR <= year <= this_year:
        return _say(ctx.text("proof_bad_year", first=str(FIRST_YEAR), last=str(this_year)))
    if ctx.proofs is None or not ctx.proofs.drawable:
        return _say(ctx.text("proof_unavailable"))
    served = await proofs.served_by_service(ctx.bank.sessions, member.id, year)
    if not served:
        period = ctx.text("proof_no_service_year", year=str(year)) if year else ctx.text("proof_no_service_ever")
        return _say(ctx.text("proof_no_service", period=period))
    ever = served if year is None else await proofs.served_by_service(ctx.bank.sessions, member.id)
    proof = await proofs.issue(
        ctx.bank.sessions, member_id=member.id, request_key=f"{member.id}:{int(incoming.received_at.timestamp())}",
        issuer=ctx.community.name, period_year=year, minutes_by_service=served,
        star_level=stars.stars_for(sum(ever.values()), ctx.bank.stars), now=incoming.received_at)
    await outbox.notify(ctx.bank.sessions, ctx.bank.keyring, incoming.openid, kind=PICTURE_KIND, body=proof.code,
                        dedupe_key=f"proof:{proof.code}")
    return _say(ctx.text("proof_ready", code=proof.code, url=ctx.proofs.verify_url + proof.code))


async def explain(turn: Turn) -> Outcome | None:
    """The FAQ's answer about proofs; a staff FAQ file may have reworded it."""
    entry = turn.ctx.faq.entry(FAQ_ID)
    return None if entry is None else Outcome(Reply(fill(entry, turn.ctx)), "about")


def _say(text: str) -> Outcome:
    return Outcome(Reply(text), INTENT)


@dataclass(frozen=True)
class ProofWords:
    """What the picture says, line by line."""

    title: str
    lines: tuple[str, ...]
    footer: tuple[str, ...]
    qr_caption: str


async def proof_words(proof: proofs.Proof, ctx: Context) -> ProofWords:
    """The member's own proof shows their name in full: read as the member reading their own data (logged)."""
    issued = ctx.local(proof.issued_at).strftime("%Y年%m月%d日")
    period = (ctx.text("proof_line_period_year", year=str(proof.period_year)) if proof.period_year
              else ctx.text("proof_line_period_all", date=issued))
    services = [ctx.text("proof_line_service", service=_service_name(code, ctx), hours=format_minutes(minutes))
                for code, minutes in sorted(proof.minutes_by_service.items(), key=lambda item: -item[1])]
    lines = (ctx.text("proof_line_name", name=await _full_name(proof.member_id, ctx)), period, *services,
             ctx.text("proof_line_total", hours=format_minutes(proof.total_min)),
             ctx.text("proof_line_stars", stars=stars_in_words(proof.star_level, ctx)))
    footer = (ctx.text("proof_footer_issuer", issuer=proof.issuer), ctx.text("proof_footer_date", date=issued),
              ctx.text("proof_footer_code", code=proof.code))
    return ProofWords(ctx.text("proof_title"), lines, footer, ctx.text("proof_qr_caption"))


def stars_in_words(level: int, ctx: Context) -> str:
    steps = ctx.bank.stars.star_hours
    if level == 0:
        return ctx.text("proof_no_stars", first=str(steps[0]))
    marks = "★" * level + "☆" * (len(steps) - level)
    return ctx.text("proof_stars", marks=marks, level=LEVEL_WORDS[level] if level < len(LEVEL_WORDS) else str(level))


def _service_name(code: str, ctx: Context) -> str:
    return ctx.bank.catalogue[code].name if code in ctx.bank.catalogue else code


async def _full_name(member_id: int, ctx: Context) -> str:
    try:
        personal = await members.reveal(ctx.bank.sessions, ctx.bank.keyring, Actor(member_id), member_id,
                                        ("real_name",), Purpose("own_proof"))
    except RevealRefused:  # the member has left since: nobody may read the name any more
        return ctx.text("proof_name_unknown")
    return personal.real_name or ctx.text("proof_name_unknown")


@staff_action(REVOKE_INTENT)
async def revoke(staff, arguments: str, turn: Turn) -> str:
    ctx = turn.ctx
    code = proofs.clean_code(arguments)
    if code is None:
        return ctx.text("proof_revoke_usage")
    proof = await proofs.find(ctx.bank.sessions, code)
    if proof is None:
        return ctx.text("proof_revoke_not_found", code=code)
    if proof.member_id == staff.id:  # storage refuses it too: nobody withdraws their own proof
        return ctx.text("proof_revoke_own")
    try:
        await proofs.revoke(ctx.bank.sessions, code, staff.actor, now=turn.incoming.received_at)
    except proofs.AlreadyRevoked:
        return ctx.text("proof_revoke_already", code=code)
    return ctx.text("proof_revoked", code=code)


ROUTES = (
    Command(PROOF_COMMAND, issue_proof),
    Command(REVOKE_COMMAND, revoke, staff=True),
    Command(QUESTION, explain, everyday=True),  # words a flow may be waiting for ("需要证明吗" as a note)
)
