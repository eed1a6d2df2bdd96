"""Members of every kind tapping and typing at random through the real webhook: never an internal error.

A seeded random walk: each step one member (unregistered, elder, volunteer, family, staff, staff acting for
an elder) sends one thing a person might send — every menu key and intent as a click, every command with
good and bad arguments, bare numbers, yes and no, cancel words, the project's own test phrases, emoji,
full-width and mixed numbers, walls of text, voice with and without recognition, locations with and without
a label, an image, a video, a link, a scan, a menu link, unfollowing and following again. After every step:
HTTP 200 and no internal-error apology (in the reply, in a pushed late reply, or as "handler failed" in the
log); at the end the ledger verifies.

`TIMEBANK_FUZZ_STEPS=5000 TIMEBANK_FUZZ_SEED=7 pytest tests/test_conversation_fuzz.py` walks longer.
"""

from __future__ import annotations

import json
import logging
import os
import random
from pathlib import Path

import pytest

import nlu
from storage import ledger, members
from storage.base import utcnow
from storage.members import Consent, PersonalData

STEPS = int(os.environ.get("TIMEBANK_FUZZ_STEPS", "300"))
SEED = int(os.environ.get("TIMEBANK_FUZZ_SEED", "20261203"))
APOLOGY = "系统出了点问题"

HERE = Path(__file__).parent
SHARED_DEV = HERE.parent.parent / "shared" / "nlu" / "dev.jsonl"

# Every command of the router and the words that start a flow, each with the arguments people get wrong.
COMMAND_STEMS = (
    "接单", "签到", "签退", "联系方式", "评价", "确认完成", "取消", "处理", "处理警报", "认证", "停用", "证书",
    "确认绑定", "代办", "结束代办", "待办", "志愿者记录", "设为工作人员", "设为管理员", "撤销工作人员", "日报",
    "冲正", "发放", "核销", "同意绑定", "拒绝绑定", "我的家人", "群发", "群发故事", "群发记录", "取消群发",
    "故事", "添加故事", "常见问题", "登录后台", "绑定老人", "代注册", "删除我的信息", "有问题", "没来", "投诉",
    "捐", "转", "兑换", "恢复", "我的订单", "余额", "明细", "有什么任务", "指派", "已联系", "暂停接单", "恢复接单",
    "我的星级", "我几星了", "光荣榜", "上光荣榜", "不上光荣榜", "群发光荣榜",
    "开证明", "撤销证明",
    "活动", "最近有什么活动", "报名", "取消报名", "我的活动", "新活动", "群发活动", "签到码",
    "发问卷", "发志愿者问卷", "问卷", "回答问卷", "问卷结果",
)
ARGUMENTS = ("1", "2", "999", "0", "-1", "1.5", "9" * 30, "abc", "13900001111", "#1", "1 全付", "1 部分 30分钟",
             "1 退回", "30分钟", "-30分钟", "0.5分钟", "2000小时", "1" + "0" * 23 + "小时", "5星", "")
# Numbers that look like numbers to str.isdigit() or a regex's \d and that int() refuses ("❶", "፩"), more
# digits than int() converts, and dates at the two ends of the calendar, which no time zone can hold.
REFUSED_BY_INT = ("❶", "፩", "9" * 4400, "0001-01", "0001-01-01", "9999-12-31")
SHORT_ANSWERS = tuple(str(n) for n in range(13)) + (
    "一", "第一个", "1.", "是", "不", "好的", "对", "不是", "没事", "没有", "不用", "没了", "同意", "不同意",
    "取消", "算了", "不要了", "不办了", "谢谢", "再见", "辛苦了", "你好", "帮助", "家里", "别的地方", "明天下午三点",
    "两个小时", "陪诊", "张三", "1950", "南昌市东湖区八一大道100号", "我女儿 13900001111", "😀", "？？", " ",
    "查一下我的时间", "我要接这个活", "好的我同意",
)
# What people send that nobody writes into a test: emoji and WeChat's own emoticons, punctuation alone,
# full-width and spelled-out numbers, numbers mixed with words, negative numbers, English, traditional
# characters, stray newlines and markup, a pasted wall of text.
ODD_TEXTS = (
    "👍", "🙏🙏🙏", "😭😭", "[微笑]", "/::)", "[捂脸][捂脸]", "。。。", "……", "？！", "~", "1️⃣", "２", "１２", "０",
    "－１", "-2", "+1", "负一", "两", "十二", "一百", "3号", "第3单", "#3", "＃３", "3个", "2.5", "1/2", "三点半",
    "明天 3点 2小时", "接单 #3", "接单 ＃３", "接单 三", "接单 第3单", "接单3", "签到 三", "签到 3 号", "签退 #1",
    "评价 1 五星", "评价 #1 五星 很好", "光荣榜 13月", "光荣榜 2099-01", "光荣榜 上个月 八一社区",
    "群发光荣榜 本月", "光荣榜是什么", "评价 1 ５星", "评价 1 0星", "评价 1 6星", "评价 1 -1星", "取消 #1",
    "取消 1 2", "联系方式 ３", "处理 1 部分 -1小时", "处理 1 部分 abc", "发放 13900001111 -2小时 测试",
    "发放 １３９００００１１１１ ２小时", "捐 -1小时", "捐 ０.５小时", "转给我妈 -1小时", "暂停接单 -3天",
    "暂停接单 1000天", "暂停接单 三天", "日报 13月45日", "日报 明年", "证书 13900001111 飞行 2027-02-30",
    "hello", "help", "OK", "yes", "no", "Hi 你好", "幫助", "餘額", "我要註冊", "1\n2\n3", "是\n不",
    "<b>是</b>", "&amp;", "13900001111", "139 0000 1111", "0791-12345678", "12:30", "2026-12-31", "12月32日",
    "昨天下午三点", "下个月", "半夜", "100岁", "我今年-5岁", "1800", "2030",
    "我" * 600, "明天下午三点找人陪我去医院，" * 40, "救命" + "啊" * 300,
)
OWN_PHRASES = ("我想找人帮忙", "找个人帮忙", "我需要人帮忙", "帮我叫个人明天来家里", "明天上午找人陪我去医院",
               "什么是时间银行", "我要注册", "时间币会过期吗", "捐1个时间币", "给我妈转1小时")
MEMBER_KINDS = ("unregistered", "elder", "volunteer", "family", "staff", "staff_acting")


def own_phrases() -> list[str]:
    """Free text from the project's own labelled NLU cases, and the shared dev set when it is beside the project."""
    phrases = list(OWN_PHRASES)
    for path in (HERE / "nlu" / "cases.jsonl", HERE / "nlu" / "regressions.jsonl", SHARED_DEV):
        if path.exists():
            phrases += [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return phrases


def menu_keys(menu) -> list[str]:
    keys = {button.intent for top in menu for button in (top.sub_buttons or (top,)) if button.intent}
    return sorted(keys | set(nlu.INTENTS) | {"no_such_key"})


class Walker:
    """Picks the next thing someone might send."""

    def __init__(self, seed: int, menu):
        self.random = random.Random(seed)
        self.phrases, self.keys = own_phrases(), menu_keys(menu)

    def step(self, wechat, openid: str) -> tuple[str, str | tuple[str, ...]]:
        choice = self.random.random()
        if choice < 0.12:
            key = self.random.choice(self.keys)
            return f"click {key}", wechat.event(openid, "CLICK", key)
        if choice < 0.40:
            text = f"{self.random.choice(COMMAND_STEMS)} {self.random.choice(ARGUMENTS)}".strip()
        elif choice < 0.62:
            text = self.random.choice(SHORT_ANSWERS)
        elif choice < 0.75:
            text = self.random.choice(ODD_TEXTS)
        elif choice < 0.93:
            text = self.random.choice(self.phrases)
        else:
            return self._other_kind(wechat, openid)
        return f"text {text!r}", wechat.text(openid, text)

    def _other_kind(self, wechat, openid: str) -> tuple[str, str | tuple[str, ...]]:
        kind = self.random.choice(("voice", "empty_voice", "unrecognised_voice", "location", "bare_location",
                                   "image", "video", "link", "scan", "view", "unfollow_follow"))
        if kind == "voice":
            text = self.random.choice(self.phrases)
            return f"voice {text!r}", wechat.voice(openid, text)
        if kind == "empty_voice":
            return "voice ''", wechat.voice(openid, "")
        if kind == "unrecognised_voice":  # speech recognition off or failed: no Recognition field at all
            return "voice without recognition", wechat.voice(openid, None)
        if kind == "location":
            return "location", wechat.location(openid, 28.68, 115.89, "南昌市东湖区八一大道100号")
        if kind == "bare_location":  # no label, and a point far from any community
            return "location without label", wechat.location(openid, 0.0, 0.0, "")
        if kind in ("video", "link"):
            fields = {"MediaId": "m2", "Title": "看看", "Url": "http://example.invalid"}
            return kind, wechat.message_xml(openid, kind, fields)
        if kind == "scan":
            return "scan", wechat.event(openid, "SCAN", self.random.choice(("青山湖社区", "spring_fair_2026", "", "event:1", "event:999")))
        if kind == "view":  # a menu link opened: WeChat still tells the bot
            return "view", wechat.event(openid, "VIEW", "http://example.invalid/page")
        # Unfollowing forgets the dialogue; following again (registered) asks for the phone
        return "unfollow and follow", (wechat.event(openid, "unsubscribe"), wechat.event(openid, "subscribe"))


@pytest.fixture
def member_messages_per_minute() -> int:
    return 0  # a walk sends hundreds of messages a minute from one member; behind the limit it would test nothing


@pytest.fixture
async def cast(runtime, member_chat):
    """Five members of every kind; the staff member acting for an elder has said so in chat."""

    async def join(openid: str, role: str, number: int, **personal) -> members.Member:
        member = await members.register_member(
            runtime.sessions, runtime.keyring, role=role, openid=openid, community="青山湖社区", birth_year=1950,
            consent=Consent("2026-11", utcnow()),
            personal=PersonalData(real_name=f"测试{number}号", phone=f"139{number:08d}", **personal))
        await ledger.open_member_account(runtime.sessions, member.ledger_ref)
        return member

    cast: dict[str, list[str]] = {kind: [] for kind in MEMBER_KINDS}
    number = 0
    for n in range(5):
        number += 1
        cast["unregistered"].append(f"o_fuzz_stranger_{n}")
        elder = await join(f"o_fuzz_elder_{n}", members.ELDER, number, address="青山湖社区5栋2单元301室",
                           emergency_name="李四", emergency_phone=f"137{number:08d}")
        cast["elder"].append(elder.openid)
        number += 1
        volunteer = await join(f"o_fuzz_volunteer_{n}", members.VOLUNTEER, number)
        await members.verify_volunteer(runtime.sessions, volunteer.id, members.SYSTEM)
        cast["volunteer"].append(volunteer.openid)
        number += 1
        family = await join(f"o_fuzz_family_{n}", members.FAMILY, number)
        binding = await members.request_binding(runtime.sessions, family.id, elder.id, "女儿")
        await members.confirm_binding(runtime.sessions, binding.id, elder.actor)
        cast["family"].append(family.openid)
    staff_openids = ["o_staff_zhao"] + [f"o_fuzz_staff_{n}" for n in range(1, 10)]
    for n, openid in enumerate(staff_openids):
        number += 1
        staff = await join(openid, members.VOLUNTEER, number)
        await members.make_staff(runtime.sessions, staff.id, members.SYSTEM, admin=n % 2 == 0)
        (cast["staff"] if n < 5 else cast["staff_acting"]).append(openid)
    for n, openid in enumerate(cast["staff_acting"]):
        await member_chat(openid).says(f"代办 1390000{(n * 3 + 1):04d}")
    return cast


async def test_a_random_walk_of_every_kind_of_member_never_meets_an_internal_error(cast, wechat, inbox, runtime,
                                                                                    caplog):
    caplog.set_level(logging.ERROR)
    walker, everyone = Walker(SEED, runtime.config.menu), [openid for openids in cast.values() for openid in openids]
    for number in range(STEPS):
        openid = walker.random.choice(everyone)
        what, sent = walker.step(wechat, openid)
        where = f"step {number} (seed {SEED}): {openid} sends {what}"
        for xml in sent if isinstance(sent, tuple) else (sent,):
            answer = await wechat.post(xml)
            assert answer.status == 200, where
            assert APOLOGY not in answer.text, f"{where} → {answer.text}"
        failures = [record.getMessage() for record in caplog.records if "handler failed" in record.getMessage()]
        assert not failures, f"{where} → {failures}"
    for openid in everyone:
        pushed = [message["text"] for message in await inbox.new_messages(openid)]
        assert not [text for text in pushed if APOLOGY in text], openid
    report = await ledger.verify(runtime.sessions, runtime.config.ledger_rules)
    assert report.ok, report.problems


async def test_every_command_with_a_number_int_refuses_gets_words_not_the_apology(cast, wechat, caplog):
    caplog.set_level(logging.ERROR)
    for openid in (cast["staff"][0], cast["volunteer"][0], cast["elder"][0]):
        for stem in COMMAND_STEMS:
            for argument in REFUSED_BY_INT:
                answer = await wechat.post(wechat.text(openid, f"{stem} {argument}"))
                assert answer.status == 200 and APOLOGY not in answer.text, f"{openid}: {stem} {argument[:10]}"
    assert not [record.getMessage() for record in caplog.records if "handler failed" in record.getMessage()]
