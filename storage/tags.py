"""WeChat tags kept in step with membership: who should carry which tag, what WeChat has, and the difference.

Mass sends reach a role or a community through a tag (`filter.tag_id`), so
tags decide who hears publicity. A member carries the all-members tag, their
role's tag and their community's tag while they are active, follow the
account and have not said 退订; otherwise none. `member_tags` records what we
have told WeChat, batch by batch, so a sync that stopped half-way continues
where it stopped. The WeChat calls are bot/tag_sync.py's.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import delete, insert, select, update
from sqlalchemy.exc import IntegrityError

from storage.db import Sessions
from storage.members import ACTIVE, ELDER, FAMILY, VOLUNTEER, MemberRow
from storage.publicity_tables import MemberTagRow, WeChatTagRow

ALL_MEMBERS_TAG = "时间银行会员"  # "all" broadcasts go to this tag, not to every follower: opt-outs hold
ROLE_TAGS = {ELDER: "老人", VOLUNTEER: "志愿者", FAMILY: "家属"}
COMMUNITY_PREFIX = "社区:"
MAX_NAME_BYTES = 30  # WeChat: 45158 beyond 30 bytes of UTF-8
MAX_TAGS_PER_MEMBER = 20  # WeChat: 45059 beyond it


@dataclass(frozen=True)
class Holder:
    """A member as a tagging call names them."""

    member_id: int
    openid: str


@dataclass(frozen=True)
class TagChange:
    """One tag: who should get it, who should lose it, and its WeChat id if it has one yet."""

    name: str
    wechat_tag_id: int | None
    add: tuple[Holder, ...]
    remove: tuple[Holder, ...]


def role_tag(role: str) -> str:
    return ROLE_TAGS[role]


def community_tag(community: str) -> str:
    """社区:<name>, shortened with a digest when it would pass WeChat's 30 bytes (two long names never share one)."""
    name = COMMUNITY_PREFIX + community
    if len(name.encode()) <= MAX_NAME_BYTES:
        return name
    digest = "~" + hashlib.sha1(community.encode()).hexdigest()[:4]
    room = MAX_NAME_BYTES - len(digest)
    while len(name.encode()) > room:
        name = name[:-1]
    return name + digest


def audience_tag(audience: str) -> str | None:
    """The tag a broadcast audience is sent to: all, elder, volunteer, family, community:<name>."""
    if audience == "all":
        return ALL_MEMBERS_TAG
    if audience.startswith("community:"):
        return community_tag(audience.removeprefix("community:"))
    return ROLE_TAGS.get(audience)


def desired_tags(member) -> tuple[str, ...]:
    """The tags a member (a Member, or a row with the same fields) should carry on WeChat."""
    reachable = member.openid and member.status == ACTIVE and not member.pushes_stopped
    if not reachable or member.broadcasts_opted_out:
        return ()
    names = [ALL_MEMBERS_TAG, role_tag(member.role)]
    if member.community:
        names.append(community_tag(member.community))
    return tuple(names[:MAX_TAGS_PER_MEMBER])


async def plan(sessions: Sessions) -> tuple[TagChange, ...]:
    """What tag sync has to do: per tag, the members to tag and to untag, by name order."""
    async with sessions() as session:
        people = (await session.execute(select(
            MemberRow.id, MemberRow.openid, MemberRow.role, MemberRow.community, MemberRow.status,
            MemberRow.broadcasts_opted_out, MemberRow.pushes_stopped).order_by(MemberRow.id))).all()
        held = (await session.execute(select(MemberTagRow.member_id, WeChatTagRow.name).join(
            WeChatTagRow, WeChatTagRow.id == MemberTagRow.tag_id))).all()
        ids = dict((await session.execute(select(WeChatTagRow.name, WeChatTagRow.wechat_tag_id))).all())
    has = {(member_id, name) for member_id, name in held}
    wants = {(person.id, name) for person in people for name in desired_tags(person)}
    openids = {person.id: person.openid for person in people if person.openid}
    adding, removing = _by_tag(wants - has, openids), _by_tag(has - wants, openids)
    return tuple(TagChange(name, ids.get(name), tuple(adding.get(name, ())), tuple(removing.get(name, ())))
                 for name in sorted(adding.keys() | removing.keys()))


def _by_tag(pairs: set[tuple[int, str]], openids: dict[int, str]) -> dict[str, list[Holder]]:
    """Tag name → its members in id order; members without a WeChat account cannot be named in a call."""
    grouped: dict[str, list[Holder]] = {}
    for member_id, name in sorted(pairs):
        if member_id in openids:
            grouped.setdefault(name, []).append(Holder(member_id, openids[member_id]))
    return grouped


async def forget_unreachable(sessions: Sessions) -> int:
    """Drop what we recorded for members who no longer have a WeChat account with us (erased): no call can reach it."""
    async with sessions.begin() as session:
        gone = select(MemberRow.id).where(MemberRow.openid.is_(None))
        return (await session.execute(delete(MemberTagRow).where(MemberTagRow.member_id.in_(gone)))).rowcount


async def known_tags(sessions: Sessions) -> dict[str, int]:
    """Our tag names → WeChat's ids, for the tags WeChat has given an id."""
    async with sessions() as session:
        rows = await session.execute(select(WeChatTagRow.name, WeChatTagRow.wechat_tag_id)
                                     .where(WeChatTagRow.wechat_tag_id.is_not(None)))
        return dict(rows.all())


async def tag_id_for(sessions: Sessions, name: str) -> int | None:
    """WeChat's id of one of our tags (for a mass send's filter.tag_id); None until tag sync has created it."""
    return (await known_tags(sessions)).get(name)


async def record_tag(sessions: Sessions, name: str, wechat_tag_id: int, now: datetime) -> None:
    """WeChat has (or has just created) this tag under this id."""
    try:
        async with sessions.begin() as session:
            found = await session.execute(update(WeChatTagRow).where(WeChatTagRow.name == name)
                                          .values(wechat_tag_id=wechat_tag_id))
            if not found.rowcount:
                await session.execute(insert(WeChatTagRow).values(name=name, wechat_tag_id=wechat_tag_id,
                                                                  created_at=now))
    except IntegrityError:  # another sync recorded it meanwhile
        if (await known_tags(sessions)).get(name) != wechat_tag_id:
            raise


async def forget_tag(sessions: Sessions, name: str) -> int:
    """WeChat no longer knows this tag (deleted in the admin console): forget its id and who had it.

    The next sync creates it again and tags everyone anew. The number of members it was on.
    """
    async with sessions.begin() as session:
        tag_id = (await session.execute(select(WeChatTagRow.id).where(WeChatTagRow.name == name))).scalar()
        if tag_id is None:
            return 0
        await session.execute(update(WeChatTagRow).where(WeChatTagRow.id == tag_id).values(wechat_tag_id=None))
        return (await session.execute(delete(MemberTagRow).where(MemberTagRow.tag_id == tag_id))).rowcount


async def forget_gone(sessions: Sessions, on_wechat: dict[str, int]) -> int:
    """Forget every tag whose recorded id WeChat does not list under its name; the member records dropped."""
    forgotten = 0
    for name, wechat_tag_id in (await known_tags(sessions)).items():
        if on_wechat.get(name) != wechat_tag_id:
            forgotten += await forget_tag(sessions, name)
    return forgotten


async def record_tagged(sessions: Sessions, name: str, member_ids: Iterable[int], now: datetime) -> None:
    """WeChat accepted a tagging call for these members."""
    async with sessions.begin() as session:
        tag_id = (await session.execute(select(WeChatTagRow.id).where(WeChatTagRow.name == name))).scalar_one()
        wanted = list(dict.fromkeys(member_ids))
        already = set((await session.execute(select(MemberTagRow.member_id).where(
            MemberTagRow.tag_id == tag_id, MemberTagRow.member_id.in_(wanted)))).scalars())
        new = [{"member_id": member_id, "tag_id": tag_id, "tagged_at": now}
               for member_id in wanted if member_id not in already]
        if new:
            await session.execute(insert(MemberTagRow), new)


async def record_untagged(sessions: Sessions, name: str, member_ids: Iterable[int]) -> None:
    """WeChat accepted an untagging call for these members (or never had them)."""
    async with sessions.begin() as session:
        tag_id = select(WeChatTagRow.id).where(WeChatTagRow.name == name).scalar_subquery()
        await session.execute(delete(MemberTagRow).where(MemberTagRow.tag_id == tag_id,
                                                         MemberTagRow.member_id.in_(list(member_ids))))


async def tags_of(sessions: Sessions, member_id: int) -> tuple[str, ...]:
    """The tags we have put on a member, by name."""
    async with sessions() as session:
        rows = await session.execute(select(WeChatTagRow.name).join(
            MemberTagRow, MemberTagRow.tag_id == WeChatTagRow.id).where(MemberTagRow.member_id == member_id)
            .order_by(WeChatTagRow.name))
        return tuple(rows.scalars())
