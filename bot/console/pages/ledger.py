"""The ledger: transfers by account or member, corrections with a reason (admins), verify, and CSV export.

Each correction form carries a fresh nonce that becomes the ledger's
idempotency key, so pressing the button twice (or the browser resending the
form) moves credits once.
"""

from __future__ import annotations

import io
import re
import secrets

from aiohttp import web

from bot.console.auth import actor_of, admin_only
from bot.console.pages.common import back, runtime_of, whole_number
from bot.console.render import SECURITY_HEADERS, local_time, render
from bot.console.state import CONTEXT, NOW, STAFF
from handlers.corrections import announce
from handlers.people import named
from nlu import MAX_AMOUNT_MIN
from storage import console_access, console_queries, corrections, ledger, tasks
from storage.base import utcnow

NONCE = re.compile(r"^[A-Za-z0-9_-]{8,40}$")


def owner_of(label: str) -> str:
    """"member/member:5" → "member:5"; a system account's label is its own."""
    return label.split("/", 1)[1] if "/" in label else label


async def ledger_page(request: web.Request) -> web.Response:
    runtime = runtime_of(request)
    member_id = whole_number(request.query.get("member", ""))
    account_id = whole_number(request.query.get("account", ""))
    found = await console_queries.find_transfers(runtime.sessions, account_id=account_id, member_id=member_id)
    accounts = {label for line in found for label in (line.debit_account, line.credit_account)}
    refs = [line.actor for line in found] + [owner_of(label) for label in accounts]
    names = await named(runtime.sessions, runtime.keyring, refs)
    return render(request, "ledger.html", found=found, member_id=member_id, account_id=account_id, actors=names,
                  accounts={label: names.get(owner_of(label), label) for label in accounts},
                  nonce=secrets.token_urlsafe(12), refused=request.query.get("refused", ""),
                  waiting=await corrections.waiting(runtime.sessions))


def _correction(name: str):
    """A staff POST that corrects the ledger, a thin caller of storage.corrections: a reason is required, rights
    and caps are storage's (the same as in chat), refused ones go back with the reason, members are told."""
    def wrap(act):
        async def handler(request: web.Request) -> web.Response:
            form = await request.post()
            reason, nonce = str(form.get("reason", "")).strip(), str(form.get("nonce", ""))
            if not reason or not NONCE.match(nonce):
                raise web.HTTPSeeOther(f"/console/ledger?refused={name}_reason")
            runtime = runtime_of(request)
            try:
                done = await act(request, form, reason, f"console:{name}:{nonce}", runtime)
            except corrections.CorrectionRefused as refused:
                raise web.HTTPSeeOther(f"/console/ledger?refused=correction_{refused.code}") from None
            await announce(done, request.app[CONTEXT])
            await console_access.record(runtime.sessions, actor=actor_of(request), action=f"ledger_{name}",
                                        reason=reason, detail={"correction_id": done.id, "status": done.status})
            raise back("/console/ledger", "waiting" if done.status == corrections.PENDING else DONE[name])
        return handler
    return wrap


DONE = {"reverse": "reversed", "grant": "granted", "adjust": "adjusted", "approve": "approved"}


def _rules(runtime) -> dict:
    return {"rules": runtime.config.corrections, "ledger_rules": runtime.config.ledger_rules, "now": utcnow()}


def _signed_minutes(value) -> int | None:
    """"-30" or "45": whole minutes either way, bounded like any amount (nlu.amounts.MAX_AMOUNT_MIN)."""
    text = str(value or "").strip()
    sign, digits = (-1, text[1:]) if text.startswith("-") else (1, text.lstrip("+"))
    number = whole_number(digits, high=MAX_AMOUNT_MIN)
    return None if number is None else sign * number


@_correction("reverse")
async def reverse(request, form, reason: str, key: str, runtime) -> corrections.Correction:
    amount = whole_number(form.get("minutes"), high=MAX_AMOUNT_MIN) if str(form.get("minutes", "")).strip() else None
    return await corrections.reverse(runtime.sessions, request[STAFF].actor, whole_number(form.get("transfer")) or 0,
                                     reason, key, amount_min=amount,
                                     allow_negative=form.get("allow_negative") == "yes", **_rules(runtime))


@_correction("grant")
async def grant(request, form, reason: str, key: str, runtime) -> corrections.Correction:
    """Credits the bank creates for a member (issuance → member), e.g. for work done before the bot existed."""
    return await corrections.grant(runtime.sessions, request[STAFF].actor, whole_number(form.get("member")) or 0,
                                   whole_number(form.get("minutes"), high=MAX_AMOUNT_MIN) or 0, reason, key,
                                   **_rules(runtime))


@_correction("adjust")
async def adjust(request, form, reason: str, key: str, runtime) -> corrections.Correction:
    return await corrections.adjust(runtime.sessions, request[STAFF].actor, whole_number(form.get("member")) or 0,
                                    _signed_minutes(form.get("minutes")) or 0, reason, key, **_rules(runtime))


@_correction("approve")
async def approve(request, form, reason: str, key: str, runtime) -> corrections.Correction:
    return await corrections.approve(runtime.sessions, request[STAFF].actor,
                                     whole_number(form.get("correction")) or 0, **_rules(runtime))


async def verify(request: web.Request) -> web.Response:
    runtime = runtime_of(request)
    report = await ledger.verify(runtime.sessions, runtime.config.ledger_rules)
    problems = report.problems + await tasks.payment_problems(runtime.sessions, runtime.config.task_rules)
    report = ledger.VerifyReport(not problems, problems)
    await console_access.record(runtime.sessions, actor=actor_of(request), action="ledger_verify",
                                detail={"ok": report.ok, "problems": len(report.problems)})
    return render(request, "ledger_verify.html", report=report)


async def export(request: web.Request) -> web.Response:
    runtime = runtime_of(request)
    account_id = whole_number(request.query.get("account", ""))
    out = io.StringIO()
    try:
        rows = await ledger.export_csv(runtime.sessions, out, account=account_id)
    except ledger.AccountNotFound:
        raise web.HTTPNotFound(text="没有这个账户") from None
    await console_access.record(runtime.sessions, actor=actor_of(request), action="ledger_export",
                                detail={"account": account_id, "rows": rows})
    name = f"ledger-{account_id or 'all'}-{local_time(request[NOW], '%Y%m%d-%H%M')}.csv"
    # A BOM, so that Excel opens the Chinese reasons as UTF-8.
    return web.Response(body=("\ufeff" + out.getvalue()).encode("utf-8"), headers={
        **SECURITY_HEADERS, "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": f'attachment; filename="{name}"'})


ROUTES = (
    ("GET", "/ledger", ledger_page),
    ("POST", "/ledger/reverse", reverse),
    ("POST", "/ledger/grant", grant),
    ("POST", "/ledger/adjust", adjust),
    ("POST", "/ledger/approve", approve),
    ("GET", "/ledger/verify", verify),
    ("GET", "/ledger/export.csv", admin_only(export)),
)
