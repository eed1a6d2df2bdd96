"""WeChat tags in step with membership: role and community tags, in batches of 50, within WeChat's limits."""

import aiohttp
import pytest
from wechatpy.exceptions import WeChatClientException

from bot.handler_context import handler_context
from bot.tag_sync import sync_tags
from bot.worker import build_worker
from storage import members, outbox, tags
from storage.base import utcnow

CONSENT = members.Consent("v1", utcnow())


class WeChatSide:
    """What the sandbox (WeChat) holds and how often it was called, seen through its own API."""

    def __init__(self, sandbox, runtime):
        self.url, self.api = str(sandbox.make_url("")).rstrip("/"), runtime.wechat

    async def calls(self, api: str) -> int:
        async with aiohttp.ClientSession() as http, http.get(f"{self.url}/sandbox/calls") as response:
            return (await response.json()).get(api, 0)

    async def fail(self, api: str, errcode: int, *, after: int = 0) -> None:
        async with aiohttp.ClientSession() as http:
            await http.post(f"{self.url}/sandbox/faults", json={"api": api, "errcode": errcode, "after": after})

    async def tag_counts(self) -> dict[str, int]:
        return {tag["name"]: tag["count"] for tag in await self.api.list_tags()}

    async def tags_of(self, openid: str) -> set[str]:
        names = {tag["id"]: tag["name"] for tag in await self.api.list_tags()}
        info = await self.api.call(self.api.client.user.get, openid)
        return {names[tag_id] for tag_id in info["tagid_list"]}


@pytest.fixture
def wechat_side(sandbox, runtime):
    return WeChatSide(sandbox, runtime)


@pytest.fixture
def sync(runtime):
    job = {"runtime": runtime, "handlers": handler_context(runtime)}
    return lambda: sync_tags(job)


async def register(runtime, openid: str, role: str = members.ELDER, community: str | None = "青山湖社区"):
    return await members.register_member(runtime.sessions, runtime.keyring, role=role, consent=CONSENT,
                                         openid=openid, community=community)


async def test_120_elders_are_tagged_fifty_at_a_time_and_a_second_run_has_nothing_to_do(runtime, wechat_side, sync):
    for number in range(120):
        await register(runtime, f"o_elder_{number:03}")
    await register(runtime, "o_volunteer_li", members.VOLUNTEER, community="幸福里社区")

    report = await sync()

    assert sorted(report["created"]) == sorted(["时间银行会员", "老人", "志愿者", "社区:青山湖社区", "社区:幸福里社区"])
    assert await wechat_side.tag_counts() == {"时间银行会员": 121, "老人": 120, "社区:青山湖社区": 120,
                                              "志愿者": 1, "社区:幸福里社区": 1}
    # 50 + 50 + 20 (or 21) for each tag the elders share; one call for each of the volunteer's own two.
    assert await wechat_side.calls("tags/members/batchtagging") == 3 * 3 + 2
    assert report["tagged"] == 121 * 3
    assert await tags.tag_id_for(runtime.sessions, tags.audience_tag("community:青山湖社区")) is not None

    looked_up = await wechat_side.calls("tags/get")
    again = await sync()
    assert again["tagged"] == again["untagged"] == 0 and again["created"] == []
    assert await wechat_side.calls("tags/members/batchtagging") == 11
    assert await wechat_side.calls("tags/get") == looked_up  # tags it knows need no look-up


async def test_a_run_stopped_half_way_is_finished_by_the_next_without_tagging_anyone_twice(runtime, wechat_side, sync):
    for number in range(120):
        await register(runtime, f"o_elder_{number:03}", community=None)
    await wechat_side.fail("tags/members/batchtagging", 48001, after=1)  # the second call fails

    with pytest.raises(WeChatClientException):
        await sync()
    done = await wechat_side.tag_counts()
    assert sorted(done.values()) == [0, 50]  # the first batch of the first tag, recorded

    report = await sync()

    assert report["tagged"] == 70 + 120
    assert await wechat_side.tag_counts() == {"时间银行会员": 120, "老人": 120}
    # Run one: a batch and the failure. Run two: the other 70 (two calls), then 120 (three calls).
    assert await wechat_side.calls("tags/members/batchtagging") == 2 + 2 + 3


async def test_past_100_tags_the_tag_is_refused_and_staff_are_told_once(runtime, wechat_side, sync):
    for number in range(99):
        await runtime.wechat.create_tag(f"活动{number}")
    await register(runtime, "o_elder_wang")  # wants three tags: room for the first

    first, second = await sync(), await sync()

    assert len(first["created"]) == 1 and len(first["refused"]) == 2
    assert second["refused"] == first["refused"] and second["created"] == []
    assert len(await wechat_side.tag_counts()) == 100
    told = [notice for notice in await outbox.notifications_to(runtime.sessions, runtime.keyring, "o_staff_zhao")
            if notice.kind == "tag_limit"]
    assert len(told) == 2 and all("100" in notice.body for notice in told)  # once per tag, not per run


async def test_a_follower_with_20_tags_is_left_out_and_the_rest_of_the_batch_is_tagged(runtime, wechat_side, sync):
    full = "o_elder_busy"
    for number in range(20):
        tag_id = await runtime.wechat.create_tag(f"兴趣{number}")
        await runtime.wechat.tag_users(tag_id, [full])
    for openid in ("o_elder_a", full, "o_elder_b"):
        await register(runtime, openid)

    report = await sync()

    assert report["skipped"] == 3  # the busy member, for each of the three tags
    assert await wechat_side.tags_of("o_elder_a") == {"时间银行会员", "老人", "社区:青山湖社区"}
    assert len(await wechat_side.tags_of(full)) == 20
    busy = await members.member_by_openid(runtime.sessions, full)
    assert await tags.tags_of(runtime.sessions, busy.id) == ()


async def test_opted_out_unfollowed_suspended_and_erased_members_carry_no_tags(runtime, wechat_side, sync):
    for openid in ("o_stays", "o_opts_out", "o_unfollows", "o_suspended", "o_erased"):
        await register(runtime, openid)
    await sync()

    opted = await members.member_by_openid(runtime.sessions, "o_opts_out")
    await members.set_broadcasts_opted_out(runtime.sessions, opted.id, True)
    await members.set_following(runtime.sessions, "o_unfollows", False)
    suspended = await members.member_by_openid(runtime.sessions, "o_suspended")
    await members.suspend_member(runtime.sessions, suspended.id, members.SYSTEM, "投诉核实中")
    erased = await members.member_by_openid(runtime.sessions, "o_erased")
    await members.erase_member(runtime.sessions, erased.id, members.SYSTEM)
    report = await sync()

    assert report["untagged"] == 3 * 3 and report["forgotten"] == 3  # the erased member's records: no OpenID left
    for openid in ("o_opts_out", "o_unfollows", "o_suspended"):
        assert await wechat_side.tags_of(openid) == set()
    assert await wechat_side.tags_of("o_stays") == {"时间银行会员", "老人", "社区:青山湖社区"}


async def test_a_tag_deleted_on_wechat_is_created_again(runtime, wechat_side, sync):
    await register(runtime, "o_elder_wang")
    await sync()
    await wechat_side.fail("tags/members/batchuntagging", 45159)  # on the first tag untagged: 时间银行会员
    elder = await members.member_by_openid(runtime.sessions, "o_elder_wang")
    await members.set_broadcasts_opted_out(runtime.sessions, elder.id, True)

    report = await sync()  # WeChat says the tag is gone: forgotten, to be made anew when someone needs it

    assert report["forgotten"] == 1 and await tags.tag_id_for(runtime.sessions, "时间银行会员") is None
    await members.set_broadcasts_opted_out(runtime.sessions, elder.id, False)
    await sync()
    assert await tags.tag_id_for(runtime.sessions, "时间银行会员") is not None
    assert await wechat_side.tags_of("o_elder_wang") == {"时间银行会员", "老人", "社区:青山湖社区"}


async def test_the_worker_runs_tag_sync_from_the_queue(runtime, wechat_side):
    await register(runtime, "o_elder_wang")
    assert await runtime.jobs.enqueue("sync_tags", job_id="sync_tags:test")
    worker = build_worker(runtime, burst=True)
    await worker.async_run()
    await worker.close()
    assert await wechat_side.tags_of("o_elder_wang") == {"时间银行会员", "老人", "社区:青山湖社区"}


def test_tag_names_fit_wechat_and_audiences_name_their_tags():
    assert tags.community_tag("青山湖社区") == "社区:青山湖社区"
    long_one, long_two = "南昌市青山湖区湖坊镇青山湖社区", "南昌市青山湖区湖坊镇贤士湖社区"
    assert len(tags.community_tag(long_one).encode()) <= 30
    assert tags.community_tag(long_one) != tags.community_tag(long_two)
    assert tags.audience_tag("all") == "时间银行会员" and tags.audience_tag("volunteer") == "志愿者"
    assert tags.audience_tag("community:青山湖社区") == "社区:青山湖社区"


async def test_a_fresh_wechat_side_that_hands_out_old_ids_again_gets_every_tag_made_anew(runtime, wechat_side, sync):
    """A second `timebank dev` on the same data: the sandbox starts empty and gives out the ids we recorded."""
    await register(runtime, "o_elder_wang")
    await sync()
    async with aiohttp.ClientSession() as http, http.post(f"{wechat_side.url}/sandbox/reset"):
        pass
    await register(runtime, "o_volunteer_li", role=members.VOLUNTEER)

    report = await sync()

    assert report["forgotten"] == 3  # 会员, 老人, 社区: none of them is on WeChat any more
    assert await wechat_side.tags_of("o_elder_wang") == {"时间银行会员", "老人", "社区:青山湖社区"}
    assert await wechat_side.tags_of("o_volunteer_li") == {"时间银行会员", "志愿者", "社区:青山湖社区"}
    assert (await sync())["tagged"] == 0


async def test_a_tag_gone_from_wechat_is_made_again_in_the_same_run_for_whoever_needs_it(runtime, wechat_side, sync):
    """A second dev run again, the newcomer needing only tags we had recorded: WeChat says they are gone."""
    await register(runtime, "o_elder_wang")
    await sync()
    async with aiohttp.ClientSession() as http, http.post(f"{wechat_side.url}/sandbox/reset"):
        pass
    await register(runtime, "o_elder_zhao")

    await sync()

    for elder in ("o_elder_wang", "o_elder_zhao"):
        assert await wechat_side.tags_of(elder) == {"时间银行会员", "老人", "社区:青山湖社区"}
