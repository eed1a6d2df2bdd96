"""Staff corrections of the ledger: grant, reverse and adjust, with the same rights, caps and record everywhere.

Chat (handlers/staff_desk.py) and the console (bot/console/pages/ledger.py)
are thin callers of these functions. Each act:

1. is checked in storage against the rights table and the caps (CorrectionRules),
   never by the front end: who may act, not for themselves, not reversing a reversal;
2. above `approval_over_min` waits for a second staff member (四眼原则): a pending
   row, an audit entry and an APPROVAL alert; `approve` then posts it once;
3. moves credits through the ledger under the act's own key, then writes its
   row (a unique key column) and its audit entry in one transaction, so a retry
   replays the ledger's first answer and finds the row already there.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, time
from zoneinfo import ZoneInfo

from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from storage import alerts, audit, ledger
from storage.corrections.errors import CorrectionRefused
from storage.corrections.rules import ADMIN, CorrectionRules
from storage.corrections.tables import ADJUST, GRANT, PENDING, POSTED, REVERSE, CorrectionRow
from storage.db import Sessions
from storage.members import Actor
from storage.members.access import actor_row, is_active
from storage.members.rows import member_row
from storage.members.values import ledger_ref, member_id_of

LOCAL_TIME = ZoneInfo("Asia/Shanghai")  # the per-day limit counts local days
AUDIT_ACTIONS = {GRANT: "ledger_grant", REVERSE: "ledger_reversal", ADJUST: "ledger_adjustment"}
MAX_REASON = 500


@dataclass(frozen=True)
class Notice:
    """A member whose balance the act changed, and by how much (signed minutes)."""

    member_id: int
    change_min: int


@dataclass(frozen=True)
class Correction:
    id: int
    key: str
    act: str
    status: str  # pending: waits for a second staff member; posted: the credits moved
    requested_by: int
    approved_by: int | None
    member_id: int | None
    transfer_id: int | None
    amount_min: int | None
    reason: str
    result_transfer_id: int | None
    moved_min: int | None
    notices: tuple[Notice, ...] = ()
    overflow_min: int = 0  # of a grant, what passed the member's cap and went to the pool


@dataclass(frozen=True)
class _Act:
    act: str
    member_id: int | None
    transfer_id: int | None
    amount_min: int | None
    allow_negative: bool
    reason: str


def _as_correction(row: CorrectionRow, notices: tuple[Notice, ...] = (), overflow_min: int = 0) -> Correction:
    return Correction(row.id, row.key, row.act, row.status, row.requested_by, row.approved_by, row.member_id,
                      row.transfer_id, row.amount_min, row.reason, row.result_transfer_id, row.moved_min, notices,
                      overflow_min)


# ---- the three acts -------------------------------------------------------------------------

async def grant(sessions: Sessions, staff: Actor, member_id: int, amount_min: int, reason: str, key: str, *,
                rules: CorrectionRules, ledger_rules: ledger.LedgerRules, now: datetime) -> Correction:
    """Credits the bank issues to a member (issuance → member)."""
    return await _request(sessions, staff, key, _Act(GRANT, member_id, None, amount_min, False, reason),
                          rules, ledger_rules, now)


async def reverse(sessions: Sessions, staff: Actor, transfer_id: int, reason: str, key: str, *,
                  amount_min: int | None = None, allow_negative: bool = False, rules: CorrectionRules,
                  ledger_rules: ledger.LedgerRules, now: datetime) -> Correction:
    """Undo all (None) or part of what a transfer has left to reverse; a reversal itself is never reversed."""
    return await _request(sessions, staff, key, _Act(REVERSE, None, transfer_id, amount_min, allow_negative, reason),
                          rules, ledger_rules, now)


async def adjust(sessions: Sessions, staff: Actor, member_id: int, amount_min: int, reason: str, key: str, *,
                 rules: CorrectionRules, ledger_rules: ledger.LedgerRules, now: datetime) -> Correction:
    """A member's balance up (positive) or down (negative), against the bank's adjustment account."""
    return await _request(sessions, staff, key, _Act(ADJUST, member_id, None, amount_min, False, reason),
                          rules, ledger_rules, now)


async def approve(sessions: Sessions, approver: Actor, correction_id: int, *, rules: CorrectionRules,
                  ledger_rules: ledger.LedgerRules, now: datetime) -> Correction:
    """The second staff member lets a waiting act post; approving a posted one returns it as it is."""
    async with sessions() as session:
        row = await session.get(CorrectionRow, correction_id)
        if row is None:
            raise CorrectionRefused("no_approval", str(correction_id))
        if row.status != PENDING:
            return _as_correction(row)
        act = _Act(row.act, row.member_id, row.transfer_id, row.amount_min, row.allow_negative, row.reason)
        approver_id = await _staff_with_right(session, approver, row.act, rules)
        if approver_id == row.requested_by:
            raise CorrectionRefused("own_approval")
        await _not_for_themselves(session, approver_id, act)
        key, requested_by = row.key, row.requested_by
    return await _post(sessions, key, requested_by, act, ledger_rules, now, approved_by=approver_id)


async def waiting(sessions: Sessions, limit: int = 20) -> list[Correction]:
    async with sessions() as session:
        rows = (await session.execute(select(CorrectionRow).where(CorrectionRow.status == PENDING)
                                      .order_by(CorrectionRow.id).limit(limit))).scalars().all()
    return [_as_correction(row) for row in rows]


# ---- checks ---------------------------------------------------------------------------------

async def _request(sessions: Sessions, staff: Actor, key: str, act: _Act, rules: CorrectionRules,
                   ledger_rules: ledger.LedgerRules, now: datetime) -> Correction:
    if not act.reason or not act.reason.strip() or len(act.reason) > MAX_REASON:
        raise CorrectionRefused("invalid", "a correction needs its reason")
    async with sessions() as session:
        first = await _by_key(session, key)
        if first is not None:
            return _as_correction(first)
        staff_id = await _staff_with_right(session, staff, act.act, rules)
        await _not_for_themselves(session, staff_id, act)
        act = await _checked_amount(session, act, rules)
        if await _moved_today(session, staff_id, now) + abs(act.amount_min) > rules.max_per_day_min:
            raise CorrectionRefused("over_day_cap")
    if abs(act.amount_min) > rules.approval_over_min:
        return await _wait_for_approval(sessions, key, staff_id, act, now)
    return await _post(sessions, key, staff_id, act, ledger_rules, now)


async def _staff_with_right(session: AsyncSession, staff: Actor, act: str, rules: CorrectionRules) -> int:
    row = await actor_row(session, staff)
    if not (is_active(row) and row.is_staff) or (rules.needed(act) == ADMIN and not row.is_admin):
        raise CorrectionRefused("not_allowed", f"{act} needs {rules.needed(act)}")
    return row.id


async def _not_for_themselves(session: AsyncSession, staff_id: int, act: _Act) -> None:
    if staff_id in await _members_touched(session, act):
        raise CorrectionRefused("own_account")


async def _members_touched(session: AsyncSession, act: _Act) -> set[int]:
    if act.member_id is not None:
        return {act.member_id}
    view = await ledger.transfer_view_in(session, act.transfer_id) if act.transfer_id is not None else None
    owners = (view.debit_owner, view.credit_owner) if view is not None else ()
    return {member_id for member_id in map(member_id_of, owners) if member_id is not None}


async def _checked_amount(session: AsyncSession, act: _Act, rules: CorrectionRules) -> _Act:
    """The act with its amount known and within the per-act cap."""
    if act.act == REVERSE:
        view = await ledger.transfer_view_in(session, act.transfer_id) if act.transfer_id is not None else None
        if view is None:
            raise CorrectionRefused("no_transfer", str(act.transfer_id))
        if view.kind == ledger.REVERSAL:
            raise CorrectionRefused("reversal_of_reversal", str(act.transfer_id))
        remaining = view.remaining_min
        if remaining <= 0:
            raise CorrectionRefused("fully_reversed", str(act.transfer_id))
        amount = remaining if act.amount_min is None else act.amount_min
        if not 0 < amount <= remaining:
            raise CorrectionRefused("invalid", f"between 1 and {remaining} minutes")
    else:
        person = await member_row(session, act.member_id) if act.member_id is not None else None
        if not is_active(person):
            raise CorrectionRefused("no_member", str(act.member_id))
        amount = act.amount_min
        if not isinstance(amount, int) or amount == 0 or (act.act == GRANT and amount < 0):
            raise CorrectionRefused("invalid", f"amount {amount!r}")
    if abs(amount) > rules.max_per_act_min:
        raise CorrectionRefused("over_act_cap")
    return _Act(act.act, act.member_id, act.transfer_id, amount, act.allow_negative, act.reason)


async def _moved_today(session: AsyncSession, staff_id: int, now: datetime) -> int:
    midnight = datetime.combine(now.astimezone(LOCAL_TIME).date(), time(), tzinfo=LOCAL_TIME)
    return (await session.execute(select(func.coalesce(func.sum(func.abs(CorrectionRow.amount_min)), 0)).where(
        CorrectionRow.requested_by == staff_id, CorrectionRow.created_at >= midnight))).scalar_one()


async def _by_key(session: AsyncSession, key: str) -> CorrectionRow | None:
    return (await session.execute(select(CorrectionRow).where(CorrectionRow.key == key))).scalar_one_or_none()


# ---- waiting and posting --------------------------------------------------------------------

def _row(key: str, staff_id: int, act: _Act, status: str, now: datetime) -> CorrectionRow:
    return CorrectionRow(key=key, act=act.act, status=status, requested_by=staff_id, member_id=act.member_id,
                         transfer_id=act.transfer_id, amount_min=act.amount_min, allow_negative=act.allow_negative,
                         reason=act.reason.strip(), created_at=now)


async def _wait_for_approval(sessions: Sessions, key: str, staff_id: int, act: _Act, now: datetime) -> Correction:
    try:
        async with sessions.begin() as session:
            row = _row(key, staff_id, act, PENDING, now)
            session.add(row)
            await session.flush()
            await audit.record(session, actor=audit.member_actor(staff_id, True), action="ledger_correction_pending",
                               subject_id=act.member_id, reason=act.reason, at=now,
                               detail={"correction_id": row.id, "act": act.act, "amount_min": act.amount_min,
                                       "transfer_id": act.transfer_id})
            await alerts.raise_in(session, alerts.APPROVAL, member_id=act.member_id, now=now,
                                  detail={"correction_id": row.id, "act": act.act, "amount_min": act.amount_min,
                                          "requested_by": staff_id})
            return _as_correction(row)
    except IntegrityError:  # the same act sent twice at once: the first one waits
        async with sessions() as session:
            return _as_correction(await _by_key(session, key))


async def _post(sessions: Sessions, key: str, staff_id: int, act: _Act, ledger_rules: ledger.LedgerRules,
                now: datetime, *, approved_by: int | None = None) -> Correction:
    actor = audit.member_actor(approved_by or staff_id, True)
    try:
        result, notices = await _move(sessions, key, actor, act, ledger_rules, now)
    except ledger.InsufficientCredit:
        raise CorrectionRefused("not_enough") from None
    except ledger.ReversalExceedsRemainder:
        raise CorrectionRefused("fully_reversed") from None
    try:
        async with sessions.begin() as session:
            row = await _by_key(session, key)
            if row is None:
                row = _row(key, staff_id, act, POSTED, now)
                session.add(row)
            elif row.status == POSTED:
                return _as_correction(row, notices, result.cap_overflow_min)
            row.status, row.approved_by, row.decided_at = POSTED, approved_by, now
            row.result_transfer_id, row.moved_min = result.transfer_id, result.requested_min
            await session.flush()
            await audit.record(session, actor=actor, action=AUDIT_ACTIONS[act.act],
                               subject_id=next(iter(sorted(n.member_id for n in notices)), None), reason=act.reason,
                               at=now, detail={"correction_id": row.id, "transfer_id": act.transfer_id,
                                               "result_transfer_id": result.transfer_id,
                                               "amount_min": result.requested_min,
                                               "credited_min": result.credited_min,
                                               "requested_by": staff_id, "approved_by": approved_by})
            return _as_correction(row, notices, result.cap_overflow_min)
    except IntegrityError:  # posted twice at once: the ledger replayed; the first row stands
        async with sessions() as session:
            return _as_correction(await _by_key(session, key), notices, result.cap_overflow_min)


async def _move(sessions: Sessions, key: str, actor: str, act: _Act, ledger_rules: ledger.LedgerRules,
                now: datetime) -> tuple[ledger.TransferResult, tuple[Notice, ...]]:
    if act.act == REVERSE:
        result = await ledger.reverse(sessions, act.transfer_id, act.reason.strip(), actor, key,
                                      amount_min=act.amount_min, allow_negative=act.allow_negative,
                                      rules=ledger_rules, now=now)
        return result, await _reversal_notices(sessions, act.transfer_id, result.requested_min)
    account = (await ledger.open_member_account(sessions, ledger_ref(act.member_id))).id
    if act.act == GRANT:
        source = (await ledger.system_account(sessions, ledger.ISSUANCE)).id
        debit, credit, kind = source, account, ledger.GRANT
    else:
        source = (await ledger.system_account(sessions, ledger.ADJUSTMENT)).id
        debit, credit = (source, account) if act.amount_min > 0 else (account, source)
        kind = ledger.ADJUSTMENT_KIND
    result = await ledger.transfer(sessions, ledger.TransferRequest(
        debit, credit, abs(act.amount_min), kind, key, actor, reason=act.reason.strip()), ledger_rules, now=now)
    change = result.credited_min if act.amount_min > 0 else -result.requested_min
    return result, (Notice(act.member_id, change),) if change else ()


async def _reversal_notices(sessions: Sessions, transfer_id: int, amount: int) -> tuple[Notice, ...]:
    """The original payee gives back, the original payer gets back: each member among them is told."""
    view = await ledger.transfer_view(sessions, transfer_id)
    sides = ((view.credit_owner, -amount), (view.debit_owner, amount))
    return tuple(Notice(member_id_of(ref), change) for ref, change in sides if member_id_of(ref) is not None)
