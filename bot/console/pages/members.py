"""Members: find by phone or name, one member's page, and what staff do to a member.

Personal data is shown masked; the unmasked values appear only in the answer
to an explicit "查看完整信息" (storage.members.reveal checks and logs it) and
are never put in a URL or kept.
"""

from __future__ import annotations

from aiohttp import web

from bot.console.auth import actor_of, admin_only
from bot.console.pages.common import (back, local_day, member_or_404, runtime_of, staff_actor, today,
                                      whole_number)
from bot.console.render import render
from bot.console.state import CONTEXT, NOW, STAFF
from handlers.notices import tell_member
from handlers.staff import reinstate_and_tell
from storage import console_access, console_queries, ledger, members, tasks

REVEAL_REASON_CHARS = 200


async def search(request: web.Request) -> web.Response:
    """A POST, not a GET: a phone number or a name must not land in a URL, a browser history or an access log."""
    runtime = runtime_of(request)
    form = await request.post() if request.method == "POST" else request.query
    words, role, community = (str(form.get(key, "")).strip() for key in ("q", "role", "community"))
    if request.method == "GET":
        words = ""
    found = await console_queries.find_members(runtime.sessions, runtime.keyring, words=words, role=role or None,
                                               community=community or None)
    if words:  # what was searched for is itself personal data: the log says how, not what
        await console_access.record(runtime.sessions, actor=actor_of(request), action="member_search",
                                    detail={"by": "phone" if words.replace(" ", "").isdigit() else "name",
                                            "role": role, "community": community, "found": len(found)})
    return render(request, "members.html", found=found, words=words, role=role, community=community,
                  communities=await console_queries.communities(runtime.sessions))


async def _member_page(request: web.Request, member_id: int, revealed: members.PersonalData | None = None,
                       status: int = 200) -> web.Response:
    runtime = runtime_of(request)
    member = member_or_404(await members.member_by_id(runtime.sessions, member_id))
    bindings = [*await members.family_of(runtime.sessions, member.id, include_pending=True),
                *await members.bound_elders(runtime.sessions, member.id, include_pending=True)]
    others = {b.family_member_id for b in bindings} | {b.elder_id for b in bindings}
    account = await ledger.open_member_account(runtime.sessions, member.ledger_ref) if member.erased_at is None \
        else None
    record = None
    if member.role == members.VOLUNTEER:
        record = await tasks.volunteer_record(runtime.sessions, member.id, now=request[NOW],
                                              rules=runtime.config.task_rules)
    return render(
        request, "member.html", status=status, member=member, revealed=revealed,
        masked=await members.masked_profile(runtime.sessions, runtime.keyring, member.id),
        certificates=await members.certificates_of(runtime.sessions, member.id), today=today(),
        bindings=bindings, people=await console_queries.member_lines(runtime.sessions, runtime.keyring,
                                                                     sorted(others)),
        record=record, balance=account and await ledger.balance(runtime.sessions, account.id),
        account=account, recent=await tasks.tasks_of(runtime.sessions, member.id, limit=10),
        services=runtime.config.catalogue.services, issuer=runtime.config.community.name,
        refused=request.query.get("refused", ""))


async def member_page(request: web.Request) -> web.Response:
    return await _member_page(request, _member_id(request))


def _member_id(request: web.Request) -> int:
    member_id = whole_number(request.match_info["member_id"])
    if member_id is None:
        raise web.HTTPNotFound(text="没有这个会员")
    return member_id


async def reveal(request: web.Request) -> web.Response:
    """The one place the console shows personal data unmasked: only the ticked fields, logged by reveal."""
    runtime, member_id = runtime_of(request), _member_id(request)
    form = await request.post()
    fields = [name for name in form.getall("field", []) if name in members.PERSONAL_FIELDS]
    # The member reads this reason under 谁看过我的信息: staff say why, in their own words.
    reason = str(form.get("reason", "")).strip()[:REVEAL_REASON_CHARS]
    if not fields or not reason:
        raise web.HTTPSeeOther(f"/console/members/{member_id}?refused={'no_reason' if fields else 'no_fields'}")
    try:
        shown = await members.reveal(runtime.sessions, runtime.keyring, staff_actor(request), member_id, fields,
                                     members.Purpose(reason))
    except members.NotAllowed:
        raise web.HTTPSeeOther(f"/console/members/{member_id}?refused=reveal") from None
    return await _member_page(request, member_id, revealed=shown)


def action(name: str):
    """A POST on one member: run `act`, then back to the member's page saying what was done or refused."""
    def wrap(act):
        async def handler(request: web.Request) -> web.Response:
            member_id = _member_id(request)
            member_or_404(await members.member_by_id(runtime_of(request).sessions, member_id))
            form = await request.post()
            try:
                done = await act(request, member_id, form)
            except (members.MemberError, ValueError):
                raise web.HTTPSeeOther(f"/console/members/{member_id}?refused={name}") from None
            raise back(f"/console/members/{member_id}", done or name)
        return handler
    return wrap


@action("verified")
async def verify(request, member_id, form):
    runtime = runtime_of(request)
    await members.verify_volunteer(runtime.sessions, member_id, staff_actor(request))
    ctx = request.app[CONTEXT]
    await tell_member(ctx, member_id, "verified", ctx.text("volunteer_verified_notice"), "verified")


@action("suspended")
async def suspend(request, member_id, form):
    if member_id == request[STAFF].id:
        raise members.InvalidValue("not oneself")
    await members.suspend_member(runtime_of(request).sessions, member_id, staff_actor(request),
                                 str(form.get("reason", "")))


@action("reinstated")
async def reinstate(request, member_id, form):
    await reinstate_and_tell(request.app[CONTEXT], member_id, staff_actor(request), str(form.get("reason", "")).strip(),
                             request[NOW])


@action("certificate")
async def certify(request, member_id, form):
    runtime = runtime_of(request)
    code, until = str(form.get("service", "")), local_day(str(form.get("until", "")))
    if code not in runtime.config.catalogue or (form.get("until") and until is None):
        raise members.InvalidValue("service or date")
    issued = local_day(str(form.get("issued", ""))) or today()
    await members.record_certificate(runtime.sessions, member_id, code, str(form.get("issuer", "")), issued, until,
                                     by=staff_actor(request))
    ctx = request.app[CONTEXT]
    valid = ctx.text("certificate_until", day=f"{until.year}年{until.month}月{until.day}日") if until \
        else ctx.text("certificate_forever")
    await tell_member(ctx, member_id, "certificate", ctx.text(
        "certificate_notice", service=runtime.config.catalogue[code].name, valid=valid),
        f"certificate:{code}:{request[NOW].timestamp()}")


@action("binding_confirmed")
async def confirm_binding(request, member_id, form):
    binding_id = whole_number(form.get("binding"))
    await members.confirm_binding(runtime_of(request).sessions, binding_id or 0, staff_actor(request))


@action("binding_ended")
async def end_binding(request, member_id, form):
    binding_id = whole_number(form.get("binding"))
    await members.end_binding(runtime_of(request).sessions, binding_id or 0, staff_actor(request))


@action("made_staff")
async def make_staff(request, member_id, form):
    await members.make_staff(runtime_of(request).sessions, member_id, staff_actor(request),
                             admin=form.get("admin") == "yes")


@action("revoked_staff")
async def revoke_staff(request, member_id, form):
    if member_id == request[STAFF].id:
        raise members.InvalidValue("not oneself")
    await members.revoke_staff(runtime_of(request).sessions, member_id, staff_actor(request))


ROUTES = (
    ("GET", "/members", search),
    ("POST", "/members", search),
    ("GET", "/members/{member_id}", member_page),
    ("POST", "/members/{member_id}/reveal", reveal),
    ("POST", "/members/{member_id}/verify", verify),
    ("POST", "/members/{member_id}/suspend", suspend),
    ("POST", "/members/{member_id}/reinstate", reinstate),
    ("POST", "/members/{member_id}/certificate", certify),
    ("POST", "/members/{member_id}/bindings/confirm", confirm_binding),
    ("POST", "/members/{member_id}/bindings/end", end_binding),
    ("POST", "/members/{member_id}/staff", admin_only(make_staff)),
    ("POST", "/members/{member_id}/staff/revoke", admin_only(revoke_staff)),
)
