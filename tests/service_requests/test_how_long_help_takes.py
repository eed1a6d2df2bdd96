"""Staff see the flow of help: per community and service, what was posted, taken, how fast, and what was not."""

from datetime import timedelta

from storage import help_flow, members
from storage.base import utcnow

from .conftest import COMMUNITY

ACROSS_THE_RIVER = "八一社区"


async def test_the_figures_match_a_hand_count(community, member_chat):
    elder = await community.elder()
    await community.grant(elder, 3000)
    await community.staff()
    helpers = [await community.volunteer(f"o_vol_{n}", f"志愿者{n}", certified_for=("medical_escort",)) for n in range(5)]
    posted = (utcnow() - timedelta(hours=3)).replace(microsecond=0)

    # 青山湖社区, companionship: five posted; taken after 10, 20, 30 and 40 minutes; one nobody takes.
    chats = [await community.request(elder, posted_at=posted, hours_ahead=26 + 3 * n) for n in range(4)]
    for minutes, (volunteer, task) in zip((10, 20, 30, 40), zip(helpers, chats)):
        await community.accepted_by(volunteer, task, posted + timedelta(minutes=minutes))
    short_notice = await community.request(elder, posted_at=posted, hours_ahead=2)
    # 青山湖社区, medical escort: one, taken after an hour.
    escort = await community.request(elder, service="medical_escort", posted_at=posted, hours_ahead=40)
    await community.accepted_by(helpers[4], escort, posted + timedelta(hours=1))
    # 八一社区, companionship: one, nobody yet.
    neighbour = await community.person(members.ELDER, "o_elder_liu", "刘桂芳", born=1938, community=ACROSS_THE_RIVER)
    await community.request(neighbour, posted_at=posted, hours_ahead=30)

    await community.time_passes_until(posted + timedelta(minutes=90))  # staff alerted about the short-notice one
    await community.time_passes_until(short_notice.starts_at + timedelta(minutes=1))  # nobody came: expired

    flows = await help_flow.help_flow(community.sessions, posted, utcnow())
    assert [(f.community, f.service_code, f.posted, f.accepted, f.median_to_accept_min, f.p90_to_accept_min,
             f.needed_staff, f.expired) for f in flows] == [
        (ACROSS_THE_RIVER, "companionship", 1, 0, None, None, 0, 0),
        (COMMUNITY, "companionship", 5, 4, 25.0, 40.0, 1, 1),
        (COMMUNITY, "medical_escort", 1, 1, 60.0, 60.0, 0, 0),
    ]
    assert short_notice.id not in {w.id for w in await help_flow.waiting(community.sessions, utcnow())}

    report = await member_chat("o_staff_zhao").says("日报")
    assert "近7天的需求（按社区和服务）" in report
    assert (f"{COMMUNITY} 陪伴聊天：发布5单，接单4单（等接单：一半在25分钟内，九成在40分钟内），"
            "找过工作人员1单，过期1单") in report


def test_percentiles_are_by_nearest_rank():
    assert help_flow.percentile([5.0], 0.9) == 5.0
    assert help_flow.percentile([float(n) for n in range(1, 11)], 0.9) == 9.0
    assert help_flow.percentile([float(n) for n in range(1, 12)], 0.9) == 10.0
