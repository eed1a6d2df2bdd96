"""亲情代理: a son asks to act for his mother, she says yes (or no) in her own chat, or staff confirm for her."""

import pytest

from storage import audit, ledger, members
from storage.base import utcnow
from storage.members import Consent, PersonalData

MOTHER_PHONE, SON_PHONE, DAUGHTER_PHONE, STAFF_PHONE = "13800002222", "13600001111", "13500003333", "13900009999"


@pytest.fixture
def town(runtime):
    class Town:
        async def member(self, openid, name, phone, *, role, born=1975):
            member = await members.register_member(
                runtime.sessions, runtime.keyring, role=role, openid=openid, community="青山湖社区", birth_year=born,
                consent=Consent("2026-11", utcnow()),
                personal=PersonalData(real_name=name, phone=phone, address="青山湖社区5栋2单元301室"))
            await ledger.open_member_account(runtime.sessions, member.ledger_ref)
            return member

    return Town()


@pytest.fixture
async def mother(town, member_chat):
    member = await town.member("o_mother_wang", "王秀英", MOTHER_PHONE, role="elder", born=1941)
    await member_chat("o_mother_wang").says("你好")  # she wrote today, so the bot may write to her
    return member


@pytest.fixture
async def son(town, member_chat):
    member = await town.member("o_son_li", "李明", SON_PHONE, role="family")
    await member_chat("o_son_li").says("你好")
    return member


async def told(inbox, openid: str, words: str) -> str:
    """The one push to the member that says `words` (a reply that missed the deadline may arrive too)."""
    [push] = [text for text in await inbox.wait_for(openid, words) if words in text]
    return push


async def ask_to_bind(chat, phone: str = MOTHER_PHONE) -> str:
    assert "老人注册时用的手机号" in await chat.says("绑定老人")
    relations = await chat.says(phone)
    assert "1. 儿子" in relations and "2. 女儿" in relations
    confirmation = await chat.says("1")
    assert "138****2222" in confirmation and "儿子" in confirmation and MOTHER_PHONE not in confirmation
    return await chat.says("是")


async def test_a_son_binds_to_his_mother_and_she_agrees_in_her_own_chat(mother, son, member_chat, inbox, runtime):
    son_chat, mother_chat = member_chat("o_son_li"), member_chat("o_mother_wang")
    assert "已发给老人确认" in await ask_to_bind(son_chat)

    request = await told(inbox, "o_mother_wang", "申请做您的亲情代理")
    assert "李*（136****1111）申请做您的亲情代理" in request and "同意绑定" in request and SON_PHONE not in request
    assert not await members.is_bound(runtime.sessions, son.id, mother.id)

    agreed = await mother_chat.says("同意绑定")
    assert "已同意" in agreed and "儿子李*" in agreed
    assert await members.is_bound(runtime.sessions, son.id, mother.id)
    agreement = await told(inbox, "o_son_li", "已同意")
    assert "王**（138****2222）已同意" in agreement and MOTHER_PHONE not in agreement

    family = await son_chat.says("我的家人")
    assert "您绑定的老人" in family and "王**（138****2222），您是TA的儿子" in family
    assert MOTHER_PHONE not in family and "5栋" not in family
    assert "儿子 李*（136****1111）" in await mother_chat.says("我的家人")
    [confirmed] = await audit.entries(runtime.sessions, subject=mother.id, action="confirm_binding")
    assert confirmed.actor == f"member:{mother.id}"


async def test_a_mother_who_refuses_is_not_bound_and_her_son_is_told(mother, son, member_chat, inbox, runtime):
    await ask_to_bind(member_chat("o_son_li"))
    await told(inbox, "o_mother_wang", "申请做您的亲情代理")
    assert "已拒绝" in await member_chat("o_mother_wang").says("拒绝绑定")
    assert not await members.is_bound(runtime.sessions, son.id, mother.id)
    assert await members.family_of(runtime.sessions, mother.id, include_pending=True) == []
    await told(inbox, "o_son_li", "没有同意")
    assert "还没有绑定家人" in await member_chat("o_son_li").says("我的家人")


async def test_asking_twice_is_not_needed(mother, son, member_chat, inbox):
    son_chat = member_chat("o_son_li")
    await ask_to_bind(son_chat)
    await son_chat.says("绑定老人")
    assert "已经发给这位老人确认了" in await son_chat.says(MOTHER_PHONE)
    await son_chat.says("取消")
    assert "等待确认" in await son_chat.says("我的家人")
    await member_chat("o_mother_wang").says("同意绑定")
    await son_chat.says("绑定老人")
    assert "已经绑定了这位老人" in await son_chat.says(MOTHER_PHONE)


async def test_a_phone_that_is_no_elders_is_refused_without_saying_whose_it_is(mother, son, town, member_chat):
    await town.member("o_volunteer_zhou", "周强", "13700004444", role="volunteer")
    son_chat = member_chat("o_son_li")
    await son_chat.says("绑定老人")
    not_an_elder = await son_chat.says("13700004444")
    assert "没找到用这个手机号注册的老人" in not_an_elder and "周" not in not_an_elder
    assert "没找到" in await son_chat.says("13711112222")  # nobody's
    assert "您自己的手机号" in await son_chat.says(SON_PHONE)


async def test_someone_not_registered_cannot_ask(mother, member_chat):
    assert "还没有注册" in await member_chat("o_stranger").says("绑定老人")


async def test_with_two_requests_waiting_the_mother_picks_by_number(mother, son, town, member_chat, inbox, runtime):
    daughter = await town.member("o_daughter_li", "李红", DAUGHTER_PHONE, role="family")
    await member_chat("o_daughter_li").says("你好")
    await ask_to_bind(member_chat("o_son_li"))
    daughter_chat = member_chat("o_daughter_li")
    await daughter_chat.says("绑定老人")
    await daughter_chat.says(MOTHER_PHONE)
    await daughter_chat.says("2")
    await daughter_chat.says("是")

    listed = await member_chat("o_mother_wang").says("同意绑定")
    assert "有2个绑定申请" in listed and "1. 儿子 李*" in listed and "2. 女儿 李*" in listed
    assert SON_PHONE not in listed and DAUGHTER_PHONE not in listed
    assert "已同意" in await member_chat("o_mother_wang").says("同意绑定 2")
    assert await members.is_bound(runtime.sessions, daughter.id, mother.id)
    assert not await members.is_bound(runtime.sessions, son.id, mother.id)
    assert "没有这个序号" in await member_chat("o_mother_wang").says("拒绝绑定 5")


async def test_nothing_to_agree_to_is_said_plainly(mother, member_chat):
    assert "没有等您确认的绑定申请" in await member_chat("o_mother_wang").says("同意绑定")


async def test_staff_confirm_for_an_elder_without_wechat(son, town, member_chat, inbox, runtime):
    grandpa = await members.register_member(
        runtime.sessions, runtime.keyring, role="elder", consent=Consent("2026-11", utcnow()), birth_year=1936,
        personal=PersonalData(real_name="李国强", phone="13300005555"))
    son_chat = member_chat("o_son_li")
    await son_chat.says("绑定老人")
    await son_chat.says("13300005555")
    await son_chat.says("1")
    assert "没有用微信" in await son_chat.says("是")

    assert "只有社区工作人员" in await son_chat.says("确认绑定 13300005555")
    assert not await members.is_bound(runtime.sessions, son.id, grandpa.id)

    staff = await town.member("o_staff_zhao", "赵敏", STAFF_PHONE, role="volunteer")  # in [staff] openids
    done = await member_chat("o_staff_zhao").says("确认绑定 133 0000 5555")
    assert "已为老人李**（133****5555）确认绑定" in done and "13300005555" not in done
    assert await members.is_bound(runtime.sessions, son.id, grandpa.id)
    [confirmed] = await audit.entries(runtime.sessions, subject=grandpa.id, action="confirm_binding")
    assert confirmed.actor == f"staff:{staff.id}"
    await told(inbox, "o_son_li", "已同意")
    assert "没有待确认的绑定申请" in await member_chat("o_staff_zhao").says("确认绑定 13300005555")


@pytest.mark.parametrize("words", [f"绑定我妈 {MOTHER_PHONE}", f"我要绑定老妈{MOTHER_PHONE}"])
async def test_a_son_who_names_his_mother_and_her_phone_at_once_is_asked_only_the_relation(mother, son, member_chat,
                                                                                            words):
    son_chat = member_chat("o_son_li")
    assert "1. 儿子" in await son_chat.says(words)
    assert "138****2222" in await son_chat.says("儿子")


async def test_binding_said_as_people_say_it_asks_for_the_phone(son, member_chat):
    assert "老人注册时用的手机号" in await member_chat("o_son_li").says("绑定我妈")


async def test_a_daughter_says_who_she_is_in_a_sentence_and_the_binding_goes_on(mother, town, member_chat):
    # Found walking `timebank dev`: "我是她女儿" was heard as registering, "是" dropped the binding for
    # "您已经注册过了", and the daughter was left unbound.
    await town.member("o_daughter_li", "李娟", DAUGHTER_PHONE, role="family")
    daughter = member_chat("o_daughter_li")
    await daughter.says("绑定老人")
    await daughter.says(MOTHER_PHONE)
    confirmation = await daughter.says("我是她女儿")
    assert "女儿" in confirmation and "要先放下它" not in confirmation
    assert "已发给老人确认" in await daughter.says("是")
