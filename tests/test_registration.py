"""Joining the bank in chat: consent first, only what the role needs, nothing stored in the clear."""

import pytest
from sqlalchemy import text

from storage import ledger, members



@pytest.fixture
def grandma(member_chat):
    return member_chat("o_grandma_wang")


async def test_an_elder_registers_with_an_emergency_contact(grandma, runtime):
    assert "1. 老人本人" in await grandma.says("我要注册")
    assert "同意请回复" in await grandma.says("1")
    assert "真实姓名" in await grandma.says("同意")
    assert "手机号" in await grandma.says("王秀英")
    assert "哪个社区" in await grandma.says("138 1234 5678")
    assert "哪一年出生" in await grandma.says("青山湖社区")
    assert "家的地址" in await grandma.says("1944")
    assert "紧急" in await grandma.says("青山湖社区5栋2单元301室")
    assert "紧急联系人的手机号" in await grandma.says("李明")
    summary = await grandma.says("13900001111")
    assert "身份：老人本人" in summary and "手机：138****5678" in summary and "139****1111" in summary
    assert "地址：青山湖社区****" in summary and "5栋" not in summary
    assert "注册好了" in await grandma.says("是")

    member = await members.member_by_openid(runtime.sessions, "o_grandma_wang")
    assert (member.role, member.community, member.birth_year) == ("elder", "青山湖社区", 1944)
    assert member.consent.version == "2026-11"
    async with runtime.engine.connect() as connection:
        dump = " ".join(str(row) for row in (await connection.execute(text("SELECT * FROM members"))).all())
    assert "13812345678" not in dump and "王秀英" not in dump and "李明" not in dump and "5栋2单元" not in dump


async def test_a_volunteer_says_what_they_can_do_and_waits_for_verification(runtime, member_chat):
    volunteer = member_chat("o_volunteer_liu")
    assert "同意请回复" in await volunteer.says("我想当志愿者")  # the role is understood from the words
    await volunteer.says("同意")
    await volunteer.says("刘芳")
    await volunteer.says("13700001234")
    await volunteer.says("青山湖社区")
    assert "会做哪些事" in await volunteer.says("1962")
    assert "什么时候有空" in await volunteer.says("我会陪诊，也能帮忙买菜")
    summary = await volunteer.says("周末都行")
    assert "会做：陪诊就医、代购买菜" in summary
    assert "审核" in await volunteer.says("对")
    member = await members.member_by_openid(runtime.sessions, "o_volunteer_liu")
    assert member.skills == ("medical_escort", "shopping") and not member.is_verified


async def test_without_consent_nothing_is_kept(grandma, runtime):
    await grandma.says("我要注册")
    await grandma.says("1")
    assert "不办了" in await grandma.says("不同意")
    assert await members.member_by_openid(runtime.sessions, "o_grandma_wang") is None


async def test_a_wrong_phone_number_is_asked_for_again(grandma):
    for message in ("我要注册", "1", "同意", "王秀英"):
        await grandma.says(message)
    assert "请发您的手机号（11位）" in await grandma.says("23812345678")  # no mobile number starts with 2
    assert "哪个社区" in await grandma.says("13812345678")


async def test_registering_twice_is_not_needed(grandma, member_chat):
    for message in ("我要注册", "1", "同意", "王秀英", "13812345678", "青山湖社区", "1944", "青山湖社区5栋2单元301室", "李明",
                    "13900001111", "是"):
        await grandma.says(message)
    assert "已经注册过了" in await grandma.says("我要注册")
    other = member_chat("o_someone_else")
    for message in ("我要注册", "1", "同意", "张三"):
        await other.says(message)
    assert "已经注册过了" in await other.says("13812345678")


async def test_a_half_finished_registration_keeps_no_plain_personal_data_in_redis(grandma, redis):
    for message in ("我要注册", "1", "同意", "王秀英", "13812345678"):
        await grandma.says(message)
    stored = " ".join([str(await redis.get(key)) for key in await redis.keys("*")])
    assert "王秀英" not in stored and "13812345678" not in stored
    assert "哪一年出生" in await grandma.says("青山湖社区")  # and the conversation goes on


async def test_a_member_erases_their_data_and_their_credits_go_to_the_pool(grandma, runtime):
    for message in ("我要注册", "1", "同意", "王秀英", "13812345678", "青山湖社区", "1944", "青山湖社区5栋2单元301室", "李明",
                    "13900001111", "是"):
        await grandma.says(message)
    member = await members.member_by_openid(runtime.sessions, "o_grandma_wang")
    account = await ledger.open_member_account(runtime.sessions, member.ledger_ref)
    issuance = await ledger.system_account(runtime.sessions, ledger.ISSUANCE)
    await ledger.transfer(runtime.sessions, ledger.TransferRequest(issuance.id, account.id, 90, ledger.GRANT, "g", "staff:1"))

    assert "还有1小时30分钟时间币，会转入社区公益池" in await grandma.says("删除我的信息")
    assert "已删除您的个人信息" in await grandma.says("确定")
    assert await members.member_by_openid(runtime.sessions, "o_grandma_wang") is None
    pool = await ledger.system_account(runtime.sessions, ledger.POOL)
    assert (await ledger.balance(runtime.sessions, pool.id)).posted == 90
    assert (await ledger.verify(runtime.sessions)).ok
    async with runtime.engine.connect() as connection:
        row = (await connection.execute(text("SELECT * FROM members WHERE id = :id"), {"id": member.id})).one()
    assert "13812345678" not in str(row) and row.phone_hash is None and row.status == "closed"


async def test_someone_not_registered_has_nothing_to_erase(grandma):
    assert "还没有注册" in await grandma.says("删除我的信息")


ELDER_UP_TO_ADDRESS = ("我要注册", "1", "同意", "王秀英", "13812345678", "青山湖社区", "1944")


async def test_an_elder_sends_her_home_as_a_location_and_it_is_kept_sealed(grandma, wechat, runtime):
    for message in ELDER_UP_TO_ADDRESS:
        await grandma.says(message)
    answer = await wechat.post(wechat.location("o_grandma_wang", 28.6812, 115.8921, "青山湖社区5栋2单元301室"))
    assert "紧急联系人" in answer.text
    await grandma.says("李明")
    assert "地址：青山湖社区****" in await grandma.says("13900001111")
    assert "注册好了" in await grandma.says("是")

    member = await members.member_by_openid(runtime.sessions, "o_grandma_wang")
    assert await members.home_point(runtime.sessions, runtime.keyring, member.id) == (28.6812, 115.8921)
    mine = await members.reveal(runtime.sessions, runtime.keyring, member.actor, member.id, ["address"],
                                members.Purpose("own_profile"))
    assert mine.address == "青山湖社区5栋2单元301室"
    async with runtime.engine.connect() as connection:
        dump = str((await connection.execute(text("SELECT * FROM member_home_points"))).all())
    assert "28.68" not in dump and "115.89" not in dump


async def test_a_location_without_a_name_is_asked_for_in_words(grandma, wechat):
    for message in ELDER_UP_TO_ADDRESS:
        await grandma.says(message)
    answer = await wechat.post(wechat.location("o_grandma_wang", 28.6812, 115.8921, ""))
    assert "没有带地址名称" in answer.text and "家的地址" in answer.text
    assert "紧急联系人" in await grandma.says("青山湖社区5栋2单元301室")


async def test_a_location_outside_any_question_gets_the_plain_answer(grandma, wechat):
    answer = await wechat.post(wechat.location("o_grandma_wang", 28.6812, 115.8921, "青山湖社区"))
    assert "收到您的位置" in answer.text


async def test_a_family_member_is_offered_to_bind_their_elder_when_registered(member_chat):
    son = member_chat("o_son_li")
    for message in ("我要注册", "3", "同意", "李明", "13600001111", "青山湖社区"):
        await son.says(message)
    assert "“绑定老人”" in await son.says("1975") + await son.says("是")


async def test_erasing_an_elder_erases_her_home_point_too(grandma, wechat, runtime):
    for message in ELDER_UP_TO_ADDRESS:
        await grandma.says(message)
    await wechat.post(wechat.location("o_grandma_wang", 28.6812, 115.8921, "青山湖社区5栋2单元301室"))
    for message in ("李明", "13900001111", "是"):
        await grandma.says(message)
    member = await members.member_by_openid(runtime.sessions, "o_grandma_wang")
    await grandma.says("删除我的信息")
    assert "已删除" in await grandma.says("确定")
    assert await members.home_point(runtime.sessions, runtime.keyring, member.id) is None


async def test_a_miss_at_the_privacy_notice_asks_again_in_one_line_not_the_whole_notice(member_chat):
    # Found walking `timebank dev`: "帮我妈注册" then "3" (the role, not asked) brought the five-line notice back.
    daughter = member_chat("o_daughter_li")
    assert "注册前请您知道" in await daughter.says("我想当志愿者")
    again = await daughter.says("3")
    assert "没明白" in again and "注册前请您知道" not in again and "同意请回复“同意”" in again
    assert "真实姓名" in await daughter.says("同意")
