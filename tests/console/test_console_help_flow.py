"""The console's 接单情况: requests still waiting by closeness to their start, the flow of help, and
volunteers who never answer."""

from datetime import timedelta

from storage import tasks
from storage.base import utcnow
from storage.members import PersonalData
from tests.members.helpers import Town as MembersTown
from tests.tasks.helpers import Desk


async def test_staff_see_waiting_requests_soonest_first_and_who_never_answers(staff, console, runtime):
    desk = Desk(runtime.sessions, runtime.keyring, MembersTown(runtime.sessions, runtime.keyring))
    desk.now = utcnow() - timedelta(hours=1)
    elder = await desk.elder(funded=600, community="青山湖社区")
    quiet = await desk.volunteer(community="青山湖社区", personal=PersonalData(real_name="孙不语", phone="13700003333"))
    later = await desk.post(elder, starts_in=timedelta(days=3))
    sooner = await desk.post(elder, starts_in=timedelta(days=1))
    await tasks.record_offers(runtime.sessions, later.id, (quiet.id,), desk.now)

    zhao = await console("o_staff_zhao")
    status, page = await zhao.get("/console/help")
    assert status == 200
    assert "还没人接的需求" in page and page.index(f'>{sooner.id}</a>') < page.index(f'>{later.id}</a>')
    assert "孙*" in page and "孙不语" not in page  # masked
    assert "<td>1</td><td>0</td><td>0</td><td>1</td>" in page  # offered one, ignored it
    assert "最近 30 天发布的需求" in page and "<td>2</td><td>0</td>" in page
