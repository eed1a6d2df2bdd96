"""Personal data on the way through a request: seen by the accepted volunteer while the task is on, by nobody else."""

from sqlalchemy import inspect, text

from storage import audit
from tests.service_requests.conftest import NEXT_DOOR

ELDER_ADDRESS = "青山湖小区3栋2单元501"


class Recorder:
    """Everything one member was told: replies to what they said, and pushes."""

    def __init__(self, member_chat, inbox, outbox_drained, openid):
        self.chat, self.inbox, self.openid = member_chat(openid), inbox, openid
        self.outbox_drained = outbox_drained
        self.seen: list[str] = []

    async def says(self, message: str, at=None) -> str:
        reply = await self.chat.says(message, at)
        self.seen.append(reply)
        return reply

    async def pushes(self) -> list[str]:
        """What the bot has pushed to them by now: the outbox drained, no guessed wait."""
        await self.outbox_drained()
        arrived = [message["text"] for message in await self.inbox.new_messages(self.openid)]
        self.seen += arrived
        return arrived

    def ever_saw(self, fragment: str) -> bool:
        return any(fragment in text for text in self.seen)


async def _all_text_in_the_database(sessions) -> str:
    async with sessions() as session:
        names = await session.run_sync(lambda sync: inspect(sync.connection()).get_table_names())
        dumps = []
        for name in names:
            rows = (await session.execute(text(f"SELECT * FROM {name}"))).all()
            dumps += [str(tuple(row)) for row in rows]
    return "\n".join(dumps)


async def test_only_the_accepted_volunteer_sees_the_address_and_phone_and_only_while_the_task_is_on(
        community, member_chat, inbox, runtime, outbox_drained):
    elder = await community.elder()
    await community.daughter_of(elder)
    await community.volunteer("o_vol_zhang", "张志强")
    await community.volunteer("o_vol_liu", "刘芳")
    phone = "13800130001"  # the elder's: the first person the community registered
    people = {openid: Recorder(member_chat, inbox, outbox_drained, openid)
              for openid in ("o_elder_wang", "o_family_li", "o_vol_zhang", "o_vol_liu")}
    for recorder in people.values():
        await recorder.says("你好")
        await recorder.pushes()

    task = await community.request(elder, hours_ahead=20)  # inside the contact window: the phone comes at once
    liu, zhang, daughter = people["o_vol_liu"], people["o_vol_zhang"], people["o_family_li"]
    assert "接单成功" in await zhang.says(f"接单 {task.id}")
    assert zhang.ever_saw(phone) and zhang.ever_saw(ELDER_ADDRESS)
    await liu.says(f"接单 {task.id}")
    await liu.says("有什么任务")
    await liu.says(f"联系方式 {task.id}")
    arrival = zhang.chat.wechat.location("o_vol_zhang", *NEXT_DOOR, created=task.starts_at)
    assert "签到成功" in await zhang.chat.sends(arrival)
    await zhang.says("签退", at=task.ends_at)
    assert any("确认完成" in text for text in await daughter.pushes())
    await daughter.says("确认完成", at=task.ends_at)
    await daughter.says("我的订单")
    after = await zhang.says(f"联系方式 {task.id}")
    for recorder in people.values():
        await recorder.pushes()

    assert phone not in after and ELDER_ADDRESS not in after  # the task is over: no more
    for outsider in (liu, daughter):
        assert not outsider.ever_saw(phone) and not outsider.ever_saw(ELDER_ADDRESS)
    assert not any("1380013" in text for text in daughter.seen)  # nobody's phone at all
    task_reveals = [entry for entry in await audit.entries(runtime.sessions, subject=elder.id, action="reveal")
                    if entry.detail.get("task_id") == task.id]
    assert task_reveals  # every time the volunteer was shown the contact, it was logged


async def test_the_database_holds_no_plaintext_phone_address_or_name(community, member_chat, runtime):
    elder = await community.elder()
    await community.volunteer("o_vol_zhang")
    wang = member_chat("o_elder_wang")
    await wang.says("后天上午9点找人帮我打扫卫生，3个小时")
    await wang.says("2")
    await wang.says("幸福路88号女儿家")
    await wang.says("钥匙在门口鞋柜里")
    assert "单号" in await wang.says("是")
    await member_chat("o_vol_zhang").says("接单 1")
    everything = await _all_text_in_the_database(runtime.sessions)
    for secret in ("13800130001", ELDER_ADDRESS, "王秀英", "张志强", "幸福路88号", "鞋柜"):
        assert secret not in everything, secret
    assert elder.id
