"""Following the account: a welcome that says what to send, a community's QR code, and coming back."""

from storage import audit, members

ELDER_ANSWERS = ("1", "同意", "王秀英", "13812345678")


async def follows(wechat, openid: str, scene: str = "") -> str:
    return (await wechat.post(wechat.event(openid, "subscribe", scene))).text


async def scans(wechat, openid: str, scene: str) -> str:
    return (await wechat.post(wechat.event(openid, "SCAN", scene))).text


async def register_elder(chat, *, community_asked: bool = True) -> None:
    await chat.says("注册")
    for answer in ELDER_ANSWERS:
        await chat.says(answer)
    if community_asked:
        await chat.says("青山湖社区")
    for answer in ("1944", "青山湖社区5栋2单元301", "李明", "13900001111", "是"):
        await chat.says(answer)


async def test_a_newcomer_is_told_what_the_time_bank_is_and_what_to_send_next(wechat):
    welcome = await follows(wechat, "o_newcomer")
    assert "时间银行" in welcome and "1小时记1个" in welcome
    assert "“注册”" in welcome and "“帮助”" in welcome
    assert "已记下" not in welcome


async def test_following_through_a_community_code_saves_the_community_question(wechat, member_chat, runtime):
    assert "已记下您是青山湖社区的" in await follows(wechat, "o_grandma_wang", "qrscene_青山湖社区")
    grandma = member_chat("o_grandma_wang")
    await grandma.says("注册")
    for answer in ELDER_ANSWERS[:-1]:
        await grandma.says(answer)
    assert "哪一年出生" in await grandma.says("13812345678")  # not "哪个社区"
    assert "家的地址" in await grandma.says("1944")
    for answer in ("青山湖社区5栋2单元301", "李明"):
        await grandma.says(answer)
    assert "社区：青山湖社区" in await grandma.says("13900001111")
    assert "注册好了" in await grandma.says("是")
    assert (await members.member_by_openid(runtime.sessions, "o_grandma_wang")).community == "青山湖社区"


async def test_a_follower_scanning_a_community_code_later_has_it_noted(wechat, member_chat, runtime):
    await follows(wechat, "o_grandpa_li")
    answer = await scans(wechat, "o_grandpa_li", "community:幸福里社区")
    assert "欢迎回来" in answer and "已记下您是幸福里社区的" in answer
    grandpa = member_chat("o_grandpa_li")
    await register_elder(grandpa, community_asked=False)
    assert (await members.member_by_openid(runtime.sessions, "o_grandpa_li")).community == "幸福里社区"


async def test_a_code_that_names_no_community_is_a_plain_welcome(wechat, member_chat):
    assert "已记下" not in await follows(wechat, "o_passer_by", "qrscene_spring_fair_2026")
    passer_by = member_chat("o_passer_by")
    await passer_by.says("注册")
    for answer in ELDER_ANSWERS:
        reply = await passer_by.says(answer)
    assert "哪个社区" in reply


async def test_a_registered_member_scanning_a_code_is_welcomed_back_and_keeps_their_community(
        wechat, member_chat, runtime):
    grandma = member_chat("o_grandma_wang")
    await register_elder(grandma)
    answer = await scans(wechat, "o_grandma_wang", "community:幸福里社区")
    assert "欢迎回来" in answer and "已记下" not in answer
    assert (await members.member_by_openid(runtime.sessions, "o_grandma_wang")).community == "青山湖社区"


async def test_a_member_who_comes_back_confirms_their_phone_before_pushes_restart(wechat, member_chat, runtime):
    grandma = member_chat("o_grandma_wang")
    await register_elder(grandma)
    assert (await wechat.post(wechat.event("o_grandma_wang", "unsubscribe"))).silent

    assert "请发您注册时用的手机号" in await follows(wechat, "o_grandma_wang")
    assert (await members.member_by_openid(runtime.sessions, "o_grandma_wang")).pushes_stopped
    assert "对不上" in await grandma.says("13900001111")  # her emergency contact's, not hers
    assert (await members.member_by_openid(runtime.sessions, "o_grandma_wang")).pushes_stopped
    assert "确认好了" in await grandma.says("138 1234 5678")

    member = await members.member_by_openid(runtime.sessions, "o_grandma_wang")
    assert not member.pushes_stopped
    assert [entry.action for entry in await audit.entries(runtime.sessions, subject=member.id, action="reattach")] \
        == ["reattach"]
    assert "欢迎回来" in await follows(wechat, "o_grandma_wang")  # nothing more to confirm


async def test_someone_elses_number_does_not_bring_a_member_back(wechat, member_chat, runtime):
    await register_elder(member_chat("o_grandma_wang"))
    other = member_chat("o_grandpa_li")
    await other.says("注册")
    for answer in ("1", "同意", "李国强", "13700002222", "青山湖社区", "1940", "青山湖社区6栋", "李四", "13600003333",
                   "是"):
        await other.says(answer)
    await wechat.post(wechat.event("o_grandpa_li", "unsubscribe"))
    await follows(wechat, "o_grandpa_li")
    reply = await other.says("13812345678")
    assert "对不上" in reply and "王" not in reply
    assert (await members.member_by_openid(runtime.sessions, "o_grandpa_li")).pushes_stopped
