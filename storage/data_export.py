"""`导出我的信息`: a copy of everything the bank holds about a member, behind a one-time link that expires.

The link's token is a random secret in the URL only; Redis keeps its SHA-256 and the member's id, nothing
personal. The copy is gathered when the link is opened, through storage.members.reveal (the member reading
their own data, reason `export`), so it is logged like any other read of unmasked data. The link is taken
with GETDEL: a second click, or a chat app's link preview after the person, gets nothing.
"""

from __future__ import annotations

import hashlib
import json
import secrets
from dataclasses import asdict
from datetime import datetime, timedelta

from redis.asyncio import Redis
from sqlalchemy import or_, select

from storage import ledger
from storage.db import Sessions
from storage.events.tables import EventRow, EventSignupRow
from storage.members import PERSONAL_FIELDS, Actor, Purpose, ledger_ref, member_by_id, reveal
from storage.privacy import KeyRing
from storage.proofs import ServiceProofRow
from storage.stars.tables import HonourRollChoiceRow, StarMilestoneRow
from storage.surveys.tables import SurveyAnswerRow
from storage.tasks.sealing import open_comment, open_request
from storage.tasks.tables import RatingRow, ServiceRequestRow

LINK_PREFIX = "export:link:"
DEFAULT_TTL = timedelta(hours=24)
EXPORT_REASON = "export"
REDIS_SLACK_S = 60  # Redis forgets a little after the deadline we check ourselves, never before it
MAX_TOKEN_CHARS = 100


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def create_link(redis: Redis, member_id: int, *, now: datetime, ttl: timedelta = DEFAULT_TTL) -> str:
    """A fresh token for the member's copy; the caller has checked who asks."""
    token, expires_at = secrets.token_urlsafe(32), now + ttl
    value = json.dumps({"member_id": member_id, "expires_at": expires_at.isoformat()})
    await redis.set(LINK_PREFIX + _digest(token), value, ex=int(ttl.total_seconds()) + REDIS_SLACK_S)
    return token


async def consume_link(redis: Redis, token: str, *, now: datetime) -> int | None:
    """The member the link was made for, once; None if unknown, used already or expired."""
    if not token or len(token) > MAX_TOKEN_CHARS:
        return None
    raw = await redis.getdel(LINK_PREFIX + _digest(token))
    if raw is None:
        return None
    value = json.loads(raw)
    return value["member_id"] if now < datetime.fromisoformat(value["expires_at"]) else None


async def gather(sessions: Sessions, keyring: KeyRing, member_id: int) -> dict:
    """Everything held about the member: profile, requests and tasks, ratings given and received, transfers, and
    what they did of the bank's events, surveys, honour roll and proofs."""
    member = await member_by_id(sessions, member_id)
    personal = await reveal(sessions, keyring, Actor(member_id), member_id, PERSONAL_FIELDS, Purpose(EXPORT_REASON))
    return {
        "profile": {**asdict(personal), "role": member.role, "community": member.community,
                    "birth_year": member.birth_year, "skills": list(member.skills), "status": member.status,
                    "registered_at": member.created_at, "consent_version": member.consent.version},
        "requests_and_tasks": await _requests(sessions, keyring, member_id),
        "ratings": await _ratings(sessions, keyring, member_id),
        "transfers": await _transfers(sessions, member_id),
        **await _engagement(sessions, member_id),
    }


async def _engagement(sessions: Sessions, member_id: int) -> dict:
    """Events signed up for, survey answers (the member's own words opened), the honour roll choice, the
    congratulations recorded and the proofs of service hours issued."""
    async with sessions() as session:
        signups = (await session.execute(select(EventSignupRow, EventRow).join(
            EventRow, EventRow.id == EventSignupRow.event_id).where(EventSignupRow.member_id == member_id)
            .order_by(EventSignupRow.id))).all()
        answers = (await session.execute(select(SurveyAnswerRow).where(SurveyAnswerRow.member_id == member_id)
                                         .order_by(SurveyAnswerRow.id))).scalars().all()
        choice = await session.get(HonourRollChoiceRow, member_id)
        steps = (await session.execute(select(StarMilestoneRow).where(StarMilestoneRow.member_id == member_id)
                                       .order_by(StarMilestoneRow.id))).scalars().all()
        issued = (await session.execute(select(ServiceProofRow).where(ServiceProofRow.member_id == member_id)
                                        .order_by(ServiceProofRow.id))).scalars().all()
    return {
        "events": [{"event_id": event.id, "title": event.title, "starts_at": event.starts_at, "status": signup.status,
                    "signed_up_at": signup.signed_up_at, "attended_at": signup.attended_at}
                   for signup, event in signups],
        "survey_answers": [{"survey_id": row.survey_id, "rating": row.rating, "wishes": row.wishes, "note": row.note,
                            "answered_at": row.answered_at} for row in answers],
        "honour_roll": None if choice is None else {"opted_in": choice.opted_in, "decided_at": choice.decided_at},
        "star_milestones": [{"hours": row.step_hours, "reached_at": row.reached_at} for row in steps],
        "service_proofs": [{"code": row.code, "issued_at": row.issued_at, "total_min": row.total_min,
                            "revoked": row.revoked_at is not None} for row in issued],
    }


async def _requests(sessions: Sessions, keyring: KeyRing, member_id: int) -> list[dict]:
    async with sessions() as session:
        rows = (await session.execute(select(ServiceRequestRow).where(or_(
            ServiceRequestRow.requester_id == member_id, ServiceRequestRow.volunteer_id == member_id))
            .order_by(ServiceRequestRow.id))).scalars().all()
    return [{"id": row.id, "as": "requester" if row.requester_id == member_id else "volunteer",
             "service": row.service_code, "starts_at": row.starts_at, "duration_min": row.duration_min,
             "cost_min": row.cost_min, "status": row.status,
             # The place and notes are the requester's words: theirs to have, not the volunteer's.
             **({"place": open_request(keyring, row, "place"), "notes": open_request(keyring, row, "notes")}
                if row.requester_id == member_id else {})} for row in rows]


async def _ratings(sessions: Sessions, keyring: KeyRing, member_id: int) -> list[dict]:
    async with sessions() as session:
        rows = (await session.execute(select(RatingRow).where(or_(
            RatingRow.rater_id == member_id, RatingRow.ratee_id == member_id)).order_by(RatingRow.id))).scalars().all()
    return [{"task_id": row.request_id, "given": row.rater_id == member_id, "stars": row.stars,
             "comment": open_comment(keyring, row), "at": row.at} for row in rows]


async def _transfers(sessions: Sessions, member_id: int) -> list[dict]:
    account = await ledger.open_member_account(sessions, ledger_ref(member_id))
    lines, before = [], None
    while True:
        page = await ledger.statement(sessions, account.id, limit=200, before_id=before)
        lines += [{"id": entry.transfer_id, "at": entry.at, "kind": entry.kind, "amount_min": entry.amount_min,
                   "balance_after_min": entry.balance_after_min, "task": entry.task_ref, "reason": entry.reason}
                  for entry in page.entries]
        if page.next_before_id is None:
            return lines
        before = page.next_before_id


def as_json(copy: dict) -> str:
    return json.dumps(copy, ensure_ascii=False, indent=2, default=lambda value: value.isoformat())
