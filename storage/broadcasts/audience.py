"""Who a broadcast reaches: members with WeChat, active, still following, picked by role or community, or a survey's."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from storage.broadcasts.values import ALL, ROLE_AUDIENCES, community_of, survey_of
from storage import surveys, tags
from storage.db import Sessions
from storage.members import ACTIVE, MemberRow


@dataclass(frozen=True)
class Reached:
    member_id: int
    openid: str
    opted_out: bool


def _reachable():
    return select(MemberRow.id, MemberRow.openid, MemberRow.broadcasts_opted_out).where(
        MemberRow.status == ACTIVE, MemberRow.openid.is_not(None), MemberRow.pushes_stopped.is_(False))


def reachable(audience: str):
    """The members an audience names who could receive a message (opted out or not), as a query."""
    query = _reachable()
    if audience in ROLE_AUDIENCES:
        return query.where(MemberRow.role == audience)
    if (community := community_of(audience)) is not None:
        return query.where(MemberRow.community == community)
    if audience == ALL:
        return query
    if (survey_id := survey_of(audience)) is not None:
        return query.where(MemberRow.id.in_(surveys.invited_by(survey_id)))
    raise ValueError(f"unknown audience {audience!r}")


async def audience_in(session: AsyncSession, audience: str) -> list[Reached]:
    rows = (await session.execute(reachable(audience).order_by(MemberRow.id))).all()
    return [Reached(member_id, openid, opted_out) for member_id, openid, opted_out in rows]


async def audience_of(sessions: Sessions, audience: str) -> list[Reached]:
    """Everyone the audience names who could receive a message, opted out or not (they count as skipped)."""
    async with sessions() as session:
        return await audience_in(session, audience)


async def among(sessions: Sessions, member_ids) -> list[Reached]:
    """Who of an explicit selection of members (a query of ids) could receive a message, opted out or not."""
    async with sessions() as session:
        rows = (await session.execute(_reachable().where(MemberRow.id.in_(member_ids)).order_by(MemberRow.id))).all()
    return [Reached(member_id, openid, opted_out) for member_id, openid, opted_out in rows]


async def communities(sessions: Sessions) -> list[str]:
    """The communities members live in, for the audience question."""
    async with sessions() as session:
        names = (await session.execute(select(MemberRow.community).distinct().where(
            MemberRow.status == ACTIVE, MemberRow.community.is_not(None)).order_by(MemberRow.community))).scalars()
        return [name for name in names if name]


TO_ALL = "to_all"  # WeChat's is_to_all: every follower, whom no opt-out can hold back


async def mass_target(sessions: Sessions, audience: str) -> int | str | None:
    """Where a mass send goes: the audience's tag id (tag sync keeps tags free of opt-outs), WeChat's
    "every follower" for everyone while nobody has opted out, else None: the broadcast fans out instead."""
    tag_id = await tags.tag_id_for(sessions, tags.audience_tag(audience) or "")
    if tag_id is not None:
        return tag_id
    if audience == ALL and not await _anyone_opted_out(sessions):
        return TO_ALL
    return None


async def _anyone_opted_out(sessions: Sessions) -> bool:
    async with sessions() as session:
        return (await session.execute(
            reachable(ALL).where(MemberRow.broadcasts_opted_out.is_(True)).limit(1))).first() is not None
