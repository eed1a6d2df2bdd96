"""Credits in chat: looking, giving, donating and spending, with every refusal said kindly."""

import pytest

from storage import ledger, members, redemptions
from storage.base import utcnow
from storage.members import Consent, PersonalData
from storage.redemptions import CatalogueEntry



@pytest.fixture
def bank(runtime):
    class Bank:
        async def member(self, openid, name, phone, *, role="volunteer", born=1985, minutes=0):
            member = await members.register_member(
                runtime.sessions, runtime.keyring, role=role, openid=openid, community="青山湖社区", birth_year=born,
                consent=Consent("2026-11", utcnow()), personal=PersonalData(real_name=name, phone=phone))
            account = await ledger.open_member_account(runtime.sessions, member.ledger_ref)
            if minutes:
                await self.grant(account.id, minutes)
            return member

        async def grant(self, account_id, minutes):
            issuance = await ledger.system_account(runtime.sessions, ledger.ISSUANCE)
            await ledger.transfer(runtime.sessions, ledger.TransferRequest(
                issuance.id, account_id, minutes, ledger.GRANT, f"grant:{account_id}:{utcnow().timestamp()}",
                "staff:1", reason="opening grant"))

        async def available(self, member):
            account = await ledger.open_member_account(runtime.sessions, member.ledger_ref)
            return (await ledger.balance(runtime.sessions, account.id)).available

        async def pool(self):
            pool = await ledger.system_account(runtime.sessions, ledger.POOL)
            return (await ledger.balance(runtime.sessions, pool.id)).posted

        async def bind(self, family, elder, relation):
            binding = await members.request_binding(runtime.sessions, family.id, elder.id, relation)
            await members.confirm_binding(runtime.sessions, binding.id, members.Actor(elder.id))

    return Bank()


@pytest.fixture
def volunteer(member_chat):
    return member_chat("o_volunteer_liu")


async def test_a_volunteer_checks_their_balance_in_the_pinned_form(bank, volunteer):
    await bank.member("o_volunteer_liu", "刘芳", "13700001234", minutes=150)
    reply = await volunteer.says("我还有多少时间币")
    assert "可用：2小时30分钟" in reply and "已预留：0分钟" in reply and "累计获得：2小时30分钟" in reply


async def test_someone_not_registered_is_told_how_to_join(volunteer):
    assert "我要注册" in await volunteer.says("余额")


async def test_the_statement_comes_a_page_at_a_time(bank, volunteer, runtime):
    member = await bank.member("o_volunteer_liu", "刘芳", "13700001234")
    account = await ledger.open_member_account(runtime.sessions, member.ledger_ref)
    for _ in range(7):
        await bank.grant(account.id, 30)
    first = await volunteer.says("我的明细")
    assert first.count("发放 +30分钟 时间银行") == 5 and "回复“更多”" in first
    second = await volunteer.says("更多")
    assert second.count("发放 +30分钟") == 2 and "更多" not in second
    assert "没有更早的记录了" in await volunteer.says("更多")


async def test_a_donation_is_confirmed_then_moved_once(bank, volunteer):
    member = await bank.member("o_volunteer_liu", "刘芳", "13700001234", minutes=120)
    assert "确认把1小时捐给社区公益池吗" in await volunteer.says("我想捐1个时间币")
    assert "谢谢您的爱心" in await volunteer.says("是")
    await volunteer.says("是")  # said again: the donation is already done
    assert await bank.available(member) == 60 and await bank.pool() == 60


async def test_one_cannot_donate_more_than_one_has(bank, volunteer):
    await bank.member("o_volunteer_liu", "刘芳", "13700001234", minutes=60)
    reply = await volunteer.says("捐给公益池5小时")
    assert "可用的时间币是1小时" in reply and "捐多少" in reply


@pytest.fixture
async def family(bank):
    son = await bank.member("o_son_li", "李明", "13600001111", born=1980, minutes=600)
    mother = await bank.member("o_mother_wang", "王秀英", "13800002222", role="elder", born=1941)
    await bank.bind(son, mother, "儿子")
    return son, mother


async def test_a_son_gives_his_mother_credits_and_she_is_told(bank, family, inbox, member_chat):
    son, mother = family
    person = member_chat("o_son_li")
    choices = await person.says("转给我妈2小时")
    assert "1. 王**（您是TA的儿子）" in choices and "其他亲人（发手机号）" in choices
    assert "确认送给 王** 2小时吗" in await person.says("1")
    assert "已送出2小时" in await person.says("好")
    assert await bank.available(son) == 480 and await bank.available(mother) == 120
    pushes = await inbox.wait_for("o_mother_wang")
    assert pushes == ["李*送给您时间币2小时，已经到账。发“余额”可以查看。"]


async def test_credits_cannot_be_given_to_a_stranger(bank, family, member_chat):
    await bank.member("o_stranger", "赵四", "13500003333", born=1940)
    person = member_chat("o_son_li")
    await person.says("送给别人时间币")
    await person.says("2")
    assert "只能送给登记过的亲人" in await person.says("13500003333")


async def test_a_relative_too_young_to_spend_cannot_receive(bank, member_chat):
    mother = await bank.member("o_mother_wang", "王秀英", "13800002222", role="elder", born=1941, minutes=300)
    son = await bank.member("o_son_li", "李明", "13600001111", born=1980)
    await bank.bind(son, mother, "儿子")
    person = member_chat("o_mother_wang")
    await person.says("转给我儿子1小时")
    assert "还不满60岁" in await person.says("1")


async def test_the_daily_gift_limit_is_kept(bank, family, runtime, member_chat):
    son, _ = family
    await bank.grant((await ledger.open_member_account(runtime.sessions, son.ledger_ref)).id, 1200)
    person = member_chat("o_son_li")
    await person.says("转给我妈")
    await person.says("1")
    assert "今天还能送10小时" in await person.says("11小时")


async def test_what_would_pass_the_cap_goes_to_the_pool_and_the_giver_is_told(bank, family, runtime, member_chat):
    son, mother = family
    mother_account = await ledger.open_member_account(runtime.sessions, mother.ledger_ref)
    await bank.grant(mother_account.id, 1500 * 60 - 30)
    person = member_chat("o_son_li")
    await person.says("转给我妈1小时")
    await person.says("1")
    reply = await person.says("是")
    assert "其中30分钟转入了社区公益池" in reply
    assert await bank.available(mother) == 1500 * 60 and await bank.pool() == 30


@pytest.fixture
async def shop(runtime, bot_server):
    # After the bot started: at start-up it brings the catalogue in line with its (empty) configuration.
    await redemptions.sync_catalogue(runtime.sessions, (
        CatalogueEntry("yonghui", "永辉超市", "rice_5kg", "大米5斤", price_min=120, stock=5),))


async def test_an_elder_redeems_rice_and_the_cashier_completes_the_code(bank, shop, member_chat):
    elder = await bank.member("o_elder_zhou", "周桂兰", "13800004444", role="elder", born=1950, minutes=200)
    person = member_chat("o_elder_zhou")
    # One thing on offer: nothing to choose, the bot asks straight away.
    assert "用2小时兑换 大米5斤（永辉超市）吗" in await person.says("我想兑换东西")
    done = await person.says("确认")
    code = done.split("兑换码：")[1][:6]
    assert await bank.available(elder) == 80
    assert "只有这家商户的店员" in await member_chat("o_random").says(f"核销 {code}")
    assert "核销成功：大米5斤" in await member_chat("o_staff_zhao").says(f"核销 {code}")
    assert "已经核销过了" in await member_chat("o_staff_zhao").says(f"核销 {code}")


async def test_younger_members_cannot_spend_on_themselves(bank, volunteer, shop):
    await bank.member("o_volunteer_liu", "刘芳", "13700001234", born=1985, minutes=300)
    assert "年满60岁才能给自己兑换" in await volunteer.says("兑换")


async def test_a_phone_number_of_nobody_and_of_a_stranger_get_the_same_answer(bank, family, member_chat):
    await bank.member("o_stranger", "赵四", "13500003333", born=1940)
    answers = []
    for phone in ("13500003333", "13500009999"):
        person = member_chat("o_son_li")
        await person.says("送给别人时间币")
        await person.says("2")
        answers.append(await person.says(phone))
        await person.says("算了")
    assert answers[0] == answers[1]  # nobody can learn whether a number is registered


async def test_credits_spent_between_question_and_confirmation_are_not_given_twice(bank, member_chat, runtime):
    member = await bank.member("o_volunteer_liu", "刘芳", "13700001234", minutes=120)
    person = member_chat("o_volunteer_liu")
    assert "确认把2小时捐给社区公益池吗" in await person.says("捐2小时")
    account = await ledger.open_member_account(runtime.sessions, member.ledger_ref)
    pool = await ledger.system_account(runtime.sessions, ledger.POOL)
    await ledger.transfer(runtime.sessions, ledger.TransferRequest(  # spent elsewhere meanwhile
        account.id, pool.id, 60, ledger.DONATION, "elsewhere", member.ledger_ref))
    assert "现在不够了，这次没有办成" in await person.says("是")
    assert await bank.available(member) == 60


async def test_a_son_asking_what_his_mother_has_left_sees_hers_under_his_own(bank, family, member_chat):
    # Found walking `timebank dev`: "我妈还有多少时间币" showed only the asker's own balance.
    reply = await member_chat("o_son_li").says("我妈还有多少时间币")
    assert "您的时间币" in reply and "可用：10小时" in reply
    assert "王**（您是TA的儿子）的时间币：可用0分钟" in reply
    assert "您是TA" not in await member_chat("o_mother_wang").says("余额")  # an elder's own balance is hers alone
