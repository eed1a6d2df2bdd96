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
from bot.console.state import NOW
from handlers.people import named
from storage import console_access, console_queries, ledger, members

MAX_GRANT_MIN = 6000  # 100 hours: a larger grant is a data-entry mistake, not a policy
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
                  nonce=secrets.token_urlsafe(12), refused=request.query.get("refused", ""))


def _correction(name: str):
    """An admin's POST that moves credits: a reason is required; refused ones go back with a message."""
    def wrap(act):
        async def handler(request: web.Request) -> web.Response:
            form = await request.post()
            reason, nonce = str(form.get("reason", "")).strip(), str(form.get("nonce", ""))
            if not reason or not NONCE.match(nonce):
                raise web.HTTPSeeOther(f"/console/ledger?refused={name}_reason")
            try:
                transfer_id = await act(request, form, reason, f"console:{name}:{nonce}")
            except (ledger.LedgerError, members.MemberError):
                raise web.HTTPSeeOther(f"/console/ledger?refused={name}") from None
            await console_access.record(runtime_of(request).sessions, actor=actor_of(request),
                                        action=f"ledger_{name}", reason=reason,
                                        detail={"transfer_id": transfer_id})
            raise back("/console/ledger", {"reverse": "reversed", "grant": "granted"}[name])
        return admin_only(handler)
    return wrap


@_correction("reverse")
async def reverse(request, form, reason: str, key: str) -> int | None:
    runtime = runtime_of(request)
    transfer_id = whole_number(form.get("transfer"))
    amount = whole_number(form.get("minutes")) if str(form.get("minutes", "")).strip() else None
    if transfer_id is None:
        raise ledger.InvalidRequest("which transfer")
    result = await ledger.reverse(runtime.sessions, transfer_id, reason, actor_of(request), key, amount_min=amount,
                                  allow_negative=form.get("allow_negative") == "yes",
                                  rules=runtime.config.ledger_rules)
    return result.transfer_id


@_correction("grant")
async def grant(request, form, reason: str, key: str) -> int | None:
    """Credits the bank creates for a member (issuance → member), e.g. for work done before the bot existed."""
    runtime = runtime_of(request)
    member_id = whole_number(form.get("member"))
    minutes = whole_number(form.get("minutes"), high=MAX_GRANT_MIN)
    member = member_id and await members.member_by_id(runtime.sessions, member_id)
    if not member or not member.is_active or minutes is None:
        raise ledger.InvalidRequest("member or amount")
    account = await ledger.open_member_account(runtime.sessions, member.ledger_ref)
    issuance = await ledger.system_account(runtime.sessions, ledger.ISSUANCE)
    result = await ledger.transfer(runtime.sessions, ledger.TransferRequest(
        issuance.id, account.id, minutes, ledger.GRANT, key, actor_of(request), reason=reason),
        runtime.config.ledger_rules)
    return result.transfer_id


async def verify(request: web.Request) -> web.Response:
    runtime = runtime_of(request)
    report = await ledger.verify(runtime.sessions, runtime.config.ledger_rules)
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
    ("GET", "/ledger/verify", verify),
    ("GET", "/ledger/export.csv", admin_only(export)),
)
