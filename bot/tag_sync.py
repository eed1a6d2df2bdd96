"""Tag sync: WeChat's tags brought in step with membership (storage/tags.py says who should carry which).

WeChat's rules: at most 100 tags on an account, 50 OpenIDs a tagging call,
20 tags on one follower. Missing tags are created while there is room; past
100 the tag is refused and staff are told once. Every batch WeChat accepts is
recorded at once, so a run that stops (an error, a killed worker) leaves the
next run only the rest to do. One run at a time: a Redis lock, because
handlers enqueue a run whenever membership changes and the clock adds one
every ten minutes.
"""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import datetime

from wechatpy.exceptions import WeChatClientException

from bot.wechat_api import WeChatApi
from handlers.notices import tell_staff
from storage import tags
from storage.base import utcnow
from storage.db import Sessions
from storage.tags import Holder, TagChange

log = logging.getLogger("timebank.tags")

BATCH = 50  # OpenIDs per batchtagging / batchuntagging call
MAX_ACCOUNT_TAGS = 100
TAG_GONE = 45159  # the tag was deleted on WeChat (the admin console): forget it, recreate it next run
TOO_MANY_TAGS = 45056
# Errors about one of the OpenIDs in a batch, not the batch: try them one by one.
ONE_OPENID_ERRORS = frozenset({40003, 45059, 49003})  # invalid openid, over 20 tags, not this account's follower
LOCK_NAME = "timebank:tag_sync"
LOCK_TIMEOUT_S = 900


@dataclass
class TagSyncReport:
    tagged: int = 0
    untagged: int = 0
    created: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)  # tags the 100-tag limit kept out
    skipped: int = 0  # members WeChat would not tag (over 20 tags, no longer following)
    forgotten: int = 0  # records dropped: erased members, tags deleted on WeChat

    def __add__(self, other: "TagSyncReport") -> "TagSyncReport":
        return TagSyncReport(self.tagged + other.tagged, self.untagged + other.untagged, self.created + other.created,
                             self.refused + other.refused, self.skipped + other.skipped,
                             self.forgotten + other.forgotten)

    def as_dict(self) -> dict:
        return {"tagged": self.tagged, "untagged": self.untagged, "created": self.created,
                "refused": self.refused, "skipped": self.skipped, "forgotten": self.forgotten}


TellStaff = Callable[[str], Awaitable[None]]  # the name of a tag that found no room


class TagSync:
    def __init__(self, sessions: Sessions, wechat: WeChatApi, tell_staff_no_room: TellStaff):
        self.sessions, self.wechat, self.tell_staff_no_room = sessions, wechat, tell_staff_no_room
        self._gone = False  # a tag WeChat no longer has was met during this pass

    async def run(self, now: datetime) -> TagSyncReport:
        """One pass, and a second at once when WeChat said a tag was gone (it is made again, and its members tagged).

        WeChat errors other than the ones handled here stop it (what was done stays recorded).
        """
        self._gone = False
        report = await self._pass(now)
        return report + await self._pass(now) if self._gone else report

    async def _pass(self, now: datetime) -> TagSyncReport:
        report = TagSyncReport(forgotten=await tags.forget_unreachable(self.sessions))
        changes = await tags.plan(self.sessions)
        ids = {change.name: change.wechat_tag_id for change in changes if change.wechat_tag_id is not None}
        if any(change.add and change.wechat_tag_id is None for change in changes):
            on_wechat = {tag["name"]: tag["id"] for tag in await self.wechat.list_tags()}
            # Ids WeChat no longer has (a tag deleted in the admin console, a fresh sandbox) would be handed out
            # again to the tags created now: forget them first, and plan again with what is really there.
            report.forgotten += await tags.forget_gone(self.sessions, on_wechat)
            changes = await tags.plan(self.sessions)
            ids = await self._ensure_tags(changes, on_wechat, now, report)
        for change in changes:  # untag first: it makes room under the 20-per-member limit
            if change.remove and change.wechat_tag_id is not None:
                await self._apply(change.name, change.wechat_tag_id, change.remove, report, add=False)
        for change in changes:
            if change.add and change.name in ids:
                await self._apply(change.name, ids[change.name], change.add, report, add=True)
        return report

    async def _ensure_tags(self, changes: tuple[TagChange, ...], on_wechat: dict[str, int], now: datetime,
                           report: TagSyncReport) -> dict[str, int]:
        """Our tag names → WeChat ids, creating the missing ones WeChat has room for."""
        ids = {change.name: change.wechat_tag_id for change in changes if change.wechat_tag_id is not None}
        for name in [change.name for change in changes if change.add and change.wechat_tag_id is None]:
            tag_id = on_wechat.get(name)
            if tag_id is None and len(on_wechat) < MAX_ACCOUNT_TAGS:
                tag_id = await self._create(name)
                if tag_id is not None:
                    on_wechat[name] = tag_id
                    report.created.append(name)
            if tag_id is None:
                report.refused.append(name)
                log.warning("tag %s not created: the account has %d tags, WeChat's limit", name, MAX_ACCOUNT_TAGS)
                await self.tell_staff_no_room(name)
                continue
            await tags.record_tag(self.sessions, name, tag_id, now)
            ids[name] = tag_id
        return ids

    async def _create(self, name: str) -> int | None:
        try:
            return await self.wechat.create_tag(name)
        except WeChatClientException as error:
            if error.errcode == TOO_MANY_TAGS:  # someone filled the account in the admin console meanwhile
                return None
            raise

    async def _apply(self, name: str, tag_id: int, holders: tuple[Holder, ...], report: TagSyncReport,
                     *, add: bool) -> None:
        for start in range(0, len(holders), BATCH):
            batch = holders[start:start + BATCH]
            try:
                done = await self._call(tag_id, batch, add=add)
            except WeChatClientException as error:
                if error.errcode != TAG_GONE:
                    raise
                report.forgotten += await tags.forget_tag(self.sessions, name)
                self._gone = True
                log.warning("tag %s is gone from WeChat: forgotten, to be created again", name)
                return
            await self._record(name, done if add else batch, add=add)
            if add:
                report.tagged += len(done)
                report.skipped += len(batch) - len(done)
            else:
                report.untagged += len(batch)

    async def _call(self, tag_id: int, batch: tuple[Holder, ...], *, add: bool) -> list[Holder]:
        """The members WeChat took; when one OpenID spoils a batch, the others go one by one."""
        call = self.wechat.tag_users if add else self.wechat.untag_users
        try:
            await call(tag_id, [holder.openid for holder in batch])
            return list(batch)
        except WeChatClientException as error:
            if error.errcode not in ONE_OPENID_ERRORS:
                raise
            if len(batch) == 1:
                log.info("member %d not %s: errcode %s", batch[0].member_id, "tagged" if add else "untagged",
                         error.errcode)
                return []
        return [holder for one in batch for holder in await self._call(tag_id, (one,), add=add)]

    async def _record(self, name: str, holders: list[Holder] | tuple[Holder, ...], *, add: bool) -> None:
        member_ids = [holder.member_id for holder in holders]
        if add:
            await tags.record_tagged(self.sessions, name, member_ids, utcnow())
        else:
            # An untag WeChat refused for one OpenID (not a follower) leaves nothing to remove either.
            await tags.record_untagged(self.sessions, name, member_ids)


async def sync_tags(job: dict) -> dict:
    """The worker's job (bot/worker.py): one sync, after any run already under way."""
    runtime, ctx = job["runtime"], job["handlers"]

    async def tell_staff_no_room(name: str) -> None:
        await tell_staff(ctx, "tag_limit", ctx.text("tags_no_room_staff", tag=name), f"tag_limit:{name}")

    async with runtime.redis.lock(LOCK_NAME, timeout=LOCK_TIMEOUT_S, blocking_timeout=LOCK_TIMEOUT_S):
        report = await TagSync(runtime.sessions, runtime.wechat, tell_staff_no_room).run(utcnow())
    log.info("tag sync: %s", report.as_dict())
    return report.as_dict()
