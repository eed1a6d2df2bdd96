"""An elder (or their daughter) asks for help: what it costs, who pays, and the request itself."""

from datetime import timedelta

import pytest

from storage import tasks
from storage.exchange import ISSUANCE, POOL, REQUESTER
from tests.tasks.helpers import HOME, T0


async def test_an_elder_with_credits_pays_for_herself(desk):
    elder = await desk.elder(funded=600)
    quote = await desk.quote(elder, "shopping", 120)
    assert (quote.cost_min, quote.payer) == (120, REQUESTER)

    posted = await desk.post(elder, "shopping", duration=120)

    assert posted.status == tasks.OPEN and posted.payer == REQUESTER and posted.cost_min == 120
    assert posted.community == "pengjiaqiao" and posted.expires_at == posted.starts_at
    assert posted.posted_by == f"member:{elder.id}" and not posted.has_own_place
    assert [(e.event, e.from_status, e.to_status) for e in await tasks.history(desk.sessions, posted.id)] == [
        ("posted", None, "open")]


async def test_the_cost_follows_the_catalogue_weight(desk):
    elder = await desk.elder(funded=600)
    assert (await desk.quote(elder, "bathing", 60)).cost_min == 90  # 助浴 weighs 1.5
    assert (await desk.post(elder, "medical_escort", duration=45)).cost_min == 54  # 45 × 1.2


async def test_an_elder_without_credits_is_sponsored_by_the_pool_then_by_issuance(desk):
    elder = await desk.elder()
    assert (await desk.quote(elder)).payer == ISSUANCE
    await desk.fund_pool(1000)
    assert (await desk.quote(elder)).payer == POOL
    assert (await desk.post(elder)).payer == POOL


async def test_a_young_member_without_credits_cannot_post(desk):
    young = await desk.elder(birth_year=1990)
    assert (await desk.quote(young)).payer is None
    with pytest.raises(tasks.CannotPay) as refused:
        await desk.post(young)
    assert refused.value.code == "cannot_pay" and refused.value.reason == "below_spending_age"


async def test_sending_the_same_request_twice_posts_it_once(desk):
    elder = await desk.elder(funded=600)
    first = await desk.post(elder, key="run-7")
    again = await desk.post(elder, key="run-7")
    assert again == first
    assert len(await tasks.tasks_of(desk.sessions, elder.id)) == 1


async def test_a_bound_daughter_posts_for_her_mother_and_a_stranger_cannot(desk, town):
    mother = await desk.elder(funded=600)
    daughter = await town.family()
    await town.bound(daughter, mother)
    stranger = await town.family()

    posted = await desk.post(mother, actor=daughter.actor)
    assert posted.requester_id == mother.id and posted.posted_by == f"member:{daughter.id}"
    with pytest.raises(tasks.NotYourTask):
        await desk.post(mother, actor=stranger.actor)


async def test_staff_post_for_an_elder_without_wechat(desk, town):
    elder = await desk.elder(funded=600, openid=None)
    staff = await town.staff()
    posted = await desk.post(elder, actor=staff.actor)
    assert posted.posted_by == f"staff:{staff.id}"


async def test_a_request_in_the_past_or_for_an_unknown_service_is_refused(desk):
    elder = await desk.elder(funded=600)
    with pytest.raises(tasks.InvalidTask):
        await desk.post(elder, starts_in=timedelta(minutes=-5))
    with pytest.raises(tasks.InvalidTask):
        await desk.post(elder, "skydiving")


async def test_a_place_of_its_own_is_kept_sealed(desk):
    elder = await desk.elder(funded=600)
    posted = await desk.post(elder, place="市第一医院门诊楼", place_point=HOME, notes="带上医保卡")
    assert posted.has_own_place and posted.starts_at == T0 + timedelta(days=1)
