"""Residents ask what the time bank is and how it works; staff keep the answers and the success stories."""

import re

import pytest

from bot.config import ConfigError, load_config
from bot.handler_context import handler_context
from handlers.knowledge import answer_values, exchange_standard, fill
from storage import audit, ledger, members, stories
from storage.base import utcnow
from storage.exchange import Catalogue
from handlers.faq import PLACEHOLDERS, load_faq, shipped_faq
from storage.members import Consent, PersonalData
from storage.privacy import KeyRing

HOTLINE = "0791-86668888"

# The bank's own settings, so that every number in an answer is seen to come from the configuration.
SETTINGS = f"""
[community]
name = "东湖区时间银行"
hotline = "{HOTLINE}"
[ledger]
cap_hours = 1000
daily_transfer_limit_minutes = 120
[exchange]
elder_age = 75
self_spend_age = 55
gift_recipient_age = 65
[services.bathing]
name = "助浴"
weight = 2
certified = true
[knowledge]
faq_file = "staff_faq.toml"
"""

# What the staff of this bank changed: their own office in the contact answer, and a question of their own.
STAFF_FAQ = """
[[faq]]
id = "contact"
answer = "有问题请到社区办公室（幸福路8号），或打电话：{hotline}"

[[faq]]
id = "activities"
question = "活动在哪里办？"
keywords = ["活动在哪", "在哪里办", "活动地点"]
answer = "社区活动都在幸福路8号活动室办。"
"""


@pytest.fixture
def bot_config(bot_config, tmp_path):
    """The test bank's config file, with the settings above and the staff's FAQ file beside it."""
    (tmp_path / "staff_faq.toml").write_text(STAFF_FAQ, encoding="utf-8")
    path = tmp_path / "config.toml"
    path.write_text(path.read_text(encoding="utf-8") + SETTINGS, encoding="utf-8")
    return load_config(path, environ={})


@pytest.fixture
def ctx(runtime):
    return handler_context(runtime)


def answer_of(ctx, entry_id: str) -> str:
    return fill(ctx.faq.entry(entry_id), ctx)


# One natural question per entry, as residents asked them in the field study.
QUESTIONS = [
    ("参加要什么条件", "join"),
    ("怎样才能挣时间币", "earn"),
    ("时间币能存多久", "store"),
    ("攒的时间币以后怎么花", "spend"),
    ("时间币可以给我爸妈用吗", "give"),
    ("兑换标准是什么", "standard"),
    ("多大年纪可以用时间币", "rules"),
    ("换了社区还能用吗", "anywhere"),
    ("谁能看到我的地址", "privacy"),
    ("怎么删除我的信息", "delete"),
    ("出了急事怎么办", "emergency"),
    ("打120要钱不", "emergency_calls"),  # the cost of a call: no emergency now, and not the bank's own fees
    ("手机没钱了还能打110吗", "emergency_calls"),
    ("119怎么打", "emergency_calls"),
    ("万一我摔了怎么办", "emergency"),
    ("社区电话是多少", "contact"),
    ("志愿者靠谱吗", "trust"),
    ("家里人能帮我办吗", "family"),
    ("时间币能换钱吗", "fees"),
    ("社区活动在哪里办", "activities"),
    ("星级是怎么算的", "stars"),
    ("签到签退是怎么回事", "check_in"),
    ("光荣榜是什么", "honour_roll"),
    ("怎么上光荣榜", "honour_roll"),
    ("志愿者怎样才能升星", "stars"),
    ("志愿服务证明怎么开", "proof"),
    ("活动报满了怎么候补", "events"),
    ("问卷是干什么的", "survey"),
]


@pytest.mark.parametrize("question, entry_id", QUESTIONS)
async def test_each_question_is_answered_when_asked_in_plain_words(member_chat, ctx, question, entry_id):
    assert await member_chat("o_curious").says(question) == answer_of(ctx, entry_id)


def test_every_question_of_the_faq_has_a_natural_question_above(bot_config):
    assert {entry_id for _, entry_id in QUESTIONS} == {entry.id for entry in bot_config.knowledge.listed}


async def test_the_numbers_in_the_answers_are_the_banks_own_settings(member_chat):
    resident = member_chat("o_curious")
    rules = await resident.says("多大年纪可以用时间币")
    assert "年满55岁" in rules and "年满75岁" in rules and "年满65岁" in rules
    assert "最多存1000小时" in rules and "每天最多送2小时" in rules
    standard = await resident.says("兑换标准是什么")
    assert "· 助浴：2个时间币（要有培训证书）" in standard and "· 陪诊就医：1.2个时间币（要有培训证书）" in standard
    assert "· 代购买菜：1个时间币\n" in standard
    assert HOTLINE in await resident.says("出了急事怎么办")
    assert "东湖区时间银行的时间币通存通兑" in await resident.says("通存通兑是什么意思")


async def test_the_staffs_file_replaces_an_answer_and_keeps_the_others(member_chat):
    assert await member_chat("o_curious").says("有事找谁") == f"有问题请到社区办公室（幸福路8号），或打电话：{HOTLINE}"
    assert shipped_faq().entry("contact").question == "有事找谁？"


async def test_what_is_a_time_bank_is_answered_with_the_questions_numbered_and_a_number_picks_one(member_chat, ctx):
    resident = member_chat("o_newcomer")
    overview = await resident.says("时间银行是干什么的")
    assert overview.startswith(answer_of(ctx, "about"))
    assert "1. 怎么加入？" in overview and "9. 我的信息安全吗？" in overview
    assert f"{len(ctx.faq.listed)}. 活动在哪里办？" in overview  # the staff's own question comes last
    assert ". 怎么报名参加活动？" in overview
    assert (await resident.says("9")).startswith(answer_of(ctx, "privacy"))
    assert (await resident.says("第三个")).startswith(answer_of(ctx, "store"))  # the list still holds
    assert "没太明白" in await resident.says("99")


async def test_the_menu_button_lists_the_questions_too(wechat, ctx):
    answer = await wechat.post(wechat.event("o_clicker", "CLICK", "about"))
    assert "时间银行是什么" in answer.text and "回复数字" in answer.text
    assert (await wechat.post(wechat.text("o_clicker", "1"))).text.startswith(answer_of(ctx, "join"))


async def test_common_questions_can_be_asked_for_by_name(member_chat, ctx):
    resident = member_chat("o_curious")
    listing = await resident.says("常见问题")
    assert listing.startswith("想多了解哪一项") and "2. 怎么挣时间币？" in listing
    assert (await resident.says("2")).startswith(answer_of(ctx, "earn"))


async def test_a_help_message_naming_a_question_gets_its_answer_and_plain_help_stays_help(member_chat, ctx):
    resident = member_chat("o_curious")
    assert await resident.says("时间币能干什么") == answer_of(ctx, "spend")
    assert "您可以这样跟我说" in await resident.says("帮助")
    assert "您可以这样跟我说" in await resident.says("你好")


async def test_questions_never_take_the_place_of_what_people_ask_for(member_chat):
    resident = member_chat("o_newcomer")
    await resident.says("常见问题")
    assert "您是下面哪一种" in await resident.says("我要注册")
    assert "注册前请您知道" in await resident.says("2")  # the role asked, not question 2 of the list
    chatter = member_chat("o_chatter")
    assert "没太明白" in await chatter.says("今天天气怎么样")
    assert "还没有注册" in await chatter.says("余额")


def test_every_placeholder_an_answer_may_use_is_filled_and_every_shipped_answer_reads(ctx):
    assert set(answer_values(ctx)) == PLACEHOLDERS
    for entry in shipped_faq().entries:
        assert "{" not in fill(entry, ctx), entry.id


def test_a_weight_that_is_no_short_decimal_is_shown_in_exact_minutes():
    catalogue = Catalogue.from_mapping({"companionship": {"name": "陪伴聊天", "weight": "4/3", "certified": False}})
    assert exchange_standard(catalogue) == "· 陪伴聊天：1小时20分钟"


# ---- a staff member's FAQ file that is wrong stops start-up with one line naming the entry ----

BROKEN_FILES = [
    ('[[faq]]\nid = "privacy"\nanswer = "电话：{phone}"\n', 'faq "privacy".answer: unknown placeholder {phone}'),
    ('[[faq]]\nid = "parking"\nkeywords = ["停车"]\nanswer = "小区门口"\n', 'faq "parking".question: missing'),
    ('[[faq]]\nid = "parking"\nquestion = "哪里停车？"\nanswer = "小区门口"\n', 'faq "parking".keywords: needs keywords'),
    ('[[faq]]\nid = "fees"\nanswer = "不要钱 {"\n', 'faq "fees".answer: Single \'{\' encountered'),
    ('[[faq]]\nid = "fees"\nkeywords = "钱"\n', 'faq "fees".keywords: must be a list'),
    ('[[faq]]\nid = "fees"\nanwser = "不收钱"\n', 'faq "fees".anwser: unknown key'),
    ('[[faq]]\nid = "Fees!"\n', "faq[1].id: must be lower-case"),
    ('[[faq]]\nid = "fees"\n[[faq]]\nid = "fees"\n', 'faq "fees": the same id appears twice'),
    ('[[faq]\nid = "fees"\n', "not valid TOML"),
]


def config_with_faq(config_file, faq_text: str | None):
    keys = KeyRing.generate().to_config()
    path = config_file(f"""
[wechat]
app_id = "wx_test_app"
app_secret = "test-secret"
token = "testtoken"
[privacy]
current_key_id = "k1"
keys = {{ k1 = "{keys['keys']['k1']}" }}
lookup_key = "{keys['lookup_key']}"
[knowledge]
faq_file = "faq/ours.toml"
""")
    if faq_text is not None:
        (path.parent / "faq").mkdir()
        (path.parent / "faq" / "ours.toml").write_text(faq_text, encoding="utf-8")
    return path


@pytest.mark.parametrize("faq_text, problem", BROKEN_FILES)
def test_a_broken_faq_file_is_one_line_naming_the_entry(config_file, faq_text, problem):
    path = config_with_faq(config_file, faq_text)
    with pytest.raises(ConfigError) as error:
        load_config(path, environ={})
    message = str(error.value)
    assert message.startswith(f"config error: knowledge.faq_file: {path.parent / 'faq' / 'ours.toml'}: ")
    assert problem in message and "\n" not in message


def test_a_missing_faq_file_is_named(config_file):
    path = config_with_faq(config_file, None)
    with pytest.raises(ConfigError, match=re.escape("ours.toml: no such file")):
        load_config(path, environ={})


def test_without_a_file_of_their_own_the_shipped_answers_are_used(tmp_path):
    faq = load_faq(None)
    assert faq is shipped_faq() and faq.about.question == "时间银行是什么？"


# ---- success stories ----

STAFF_PHONE = "13900009999"


@pytest.fixture
async def staff(runtime, member_chat):
    """赵敏 is in the test config's [staff] openids and has registered."""
    member = await members.register_member(
        runtime.sessions, runtime.keyring, role="volunteer", openid="o_staff_zhao", community="青山湖社区",
        birth_year=1980, consent=Consent("2026-11", utcnow()), personal=PersonalData(real_name="赵敏", phone=STAFF_PHONE))
    await ledger.open_member_account(runtime.sessions, member.ledger_ref)
    return member_chat("o_staff_zhao")


async def test_staff_add_a_story_that_everyone_can_then_read(staff, member_chat, runtime):
    assert "还没有故事" in await member_chat("o_neighbour").says("故事")
    saved = await staff.says("添加故事 陪王奶奶看病｜志愿者小李每周陪王奶奶去医院，已经一年了。")
    assert saved.startswith("故事已保存（第1号）：陪王奶奶看病") and "群发故事 1" in saved
    await staff.says("添加故事 楼上楼下\n刘大爷教邻居用智能手机，攒的时间币给老伴请人助浴。")
    newest = await member_chat("o_neighbour").says("听听故事")
    assert newest.startswith("【楼上楼下】\n刘大爷教邻居用智能手机")
    assert "1. 陪王奶奶看病" in newest and "故事 1" in newest
    assert (await member_chat("o_neighbour").says("故事 1")).startswith("【陪王奶奶看病】\n志愿者小李每周")
    assert "没有这个故事" in await member_chat("o_neighbour").says("故事 7")
    added = await audit.entries(runtime.sessions, action="add_story")
    assert len(added) == 2 and all(entry.actor.startswith("staff:") for entry in added)


async def test_only_staff_may_add_a_story_and_it_needs_a_title_and_a_body(staff, member_chat, runtime):
    refusal = await member_chat("o_neighbour").says("添加故事 我的故事｜我自己写的")
    assert "只有社区工作人员能用" in refusal
    assert "请这样发：添加故事 标题｜内容" in await staff.says("添加故事 只有标题")
    assert await stories.stories(runtime.sessions) == []
