"""The words that steer a conversation rather than answer it: leaving, "nothing to add", and small talk.

Read as whole short messages (after handlers.choices.plain), before the language understanding, so that
"没有" to an optional question is "none", "谢谢" is thanks, and "不办了" leaves, wherever they are said.
"""

from __future__ import annotations

import re

from handlers.choices import plain

CANCEL_WORDS = frozenset({
    "取消", "算了", "不要了", "不办了", "不办", "不弄了", "不做了", "不需要了", "先不办", "先不办了", "先不要",
    "不想办了", "不找了", "不找人了", "退出", "取消吧", "我不办了", "我不要了", "撤销",
    # round thirty: a newcomer's undo after a menu key tapped by mistake
    "点错了", "我点错了", "返回", "退回去", "退出吧", "不想弄了", "我不弄了", "手滑了",
    # round thirty-two: a polite withdrawal ("不用不用 不麻烦你们了")
    "不麻烦你们了", "不麻烦了", "不用麻烦了", "不用麻烦你们了", "那算了", "算了算了", "那就算了",
})
# Said around a withdrawal, they leave with it ("不用不用 不麻烦你们了", "算了 谢谢"); alone they answer the question.
SOFT_NOES = frozenset({"不用", "不用了", "不用不用", "不要", "不要了", "不了", "谢谢", "谢谢你", "谢谢你们", "好", "好的",
                       "哎", "唉", "哎呀"})
NONE_WORDS = frozenset({
    "没有", "没", "无", "不用", "没了", "没有了", "不需要", "没什么", "没啥", "都没有", "不用了", "没别的",
    "没有别的", "就这些", "就这样", "没其他", "没有其他",
})
# Not knowing the answer: a question with a sensible guess takes the guess (handlers.flow.Slot.when_unsure).
UNSURE_WORDS = frozenset({
    "不知道", "不晓得", "不清楚", "说不准", "说不好", "不好说", "不一定", "看情况", "不确定", "没准", "难说", "估不准",
    "我也不知道", "不太清楚", "不太确定", "你看着办", "你们定", "随便", "都行", "都可以",
})
SMALL_TALK = {
    **dict.fromkeys(("谢谢", "谢谢你", "谢谢您", "多谢", "感谢", "谢了", "好的谢谢", "谢谢啦", "太感谢了", "谢谢了",
                     "谢谢大家", "感谢你", "感谢您", "太谢谢了", "非常感谢", "谢谢您了", "好谢谢", "谢谢关心",
                     "谢谢你关心", "谢谢您关心", "谢谢惦记", "谢谢挂念"), "small_thanks"),
    **dict.fromkeys(("辛苦了", "辛苦你了", "辛苦您了", "麻烦你了", "麻烦您了", "麻烦了", "辛苦"), "small_thanks"),
    **dict.fromkeys(("再见", "拜拜", "再会", "晚安", "回头见", "下次聊", "88", "bye"), "small_bye"),
    **dict.fromkeys(("你好", "您好", "在吗", "在不在", "早上好", "上午好", "下午好", "晚上好", "哈喽", "hello", "hi",
                     "早", "早安", "有人吗", "有人在吗", "你是谁", "你是机器人吗", "你是真人吗", "喂"), "small_hello"),
    # Only outside a conversation: inside one, "知道了" or "收到" may be an answer and the reader decides.
    **dict.fromkeys(("知道了", "收到", "明白了", "明白", "懂了", "晓得了", "晓得", "没事了", "没事", "没什么事", "哦",
                     "嗯嗯", "好嘞", "行了", "哈哈", "呵呵", "ok", "okay", "好的知道了"), "small_ok"),
}
# "谢谢你们" is "谢谢你"; "好的好的" is "好的": said to a bot, the plural and the repeat add nothing.
PLURAL_YOU = re.compile(r"(你|您)们")
REPEATED = re.compile(r"^(.{2,}?)\1+$")


def small_talk(words: str) -> str | None:
    """The text key of a small-talk answer to these words (already plain), or None."""
    words = REPEATED.sub(r"\1", PLURAL_YOU.sub(r"\1", words.lower()))
    return SMALL_TALK.get(words)


CLAUSES = re.compile(r"[\s，,。.!！?？~～、…]+")


def closing_small_talk(text: str) -> str | None:
    """Thanks or a goodbye that closes a message nothing else in is understood ("头晕好了 谢谢关心"): its kind
    word is a better answer than "我没太明白"."""
    clauses = [clause for clause in CLAUSES.split(text or "") if clause]
    talk = small_talk(plain(clauses[-1])) if len(clauses) > 1 else None
    return talk if talk in ("small_thanks", "small_bye") else None


# What people call an answer when they say it is wrong at the summary ("地址不对", "改一下时间"), by slot name.
# The longest name said wins: "联系人电话" is the emergency contact's phone, not one's own; "时间长短" is how long.
SLOT_WORDS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("emergency_phone", ("联系人电话", "联系人的电话", "联系人手机", "联系人的手机", "联系人号码")),
    ("emergency_name", ("紧急联系人", "联系人")),
    ("relative_phone", ("亲人电话", "亲人的电话", "家人电话", "家人的电话")),
    ("elder_phone", ("老人电话", "老人的电话", "老人手机")),
    ("real_name", ("名字", "姓名", "名子")),
    ("phone", ("手机", "电话", "号码")),
    ("community", ("社区", "小区名")),
    ("birth_year", ("出生", "年份", "年龄", "生日", "哪年")),
    ("place_text", ("地址", "住址", "地方", "在哪")),
    ("place", ("地址", "住址", "地方", "在哪")),
    ("address", ("地址", "住址", "住的地方", "家在")),
    ("skills", ("会做", "本事", "特长", "会的")),
    ("availability", ("有空", "空闲", "什么时候有空")),
    ("service", ("服务", "什么事", "干什么", "做什么", "项目")),
    ("date", ("日子", "日期", "哪天", "哪一天", "几号", "星期", "礼拜", "周几")),
    ("time", ("时间", "几点", "钟点", "点钟")),
    ("duration_min", ("多久", "多长", "时长", "长短", "时间长短", "多长时间", "几个小时", "几个钟头")),
    ("notes", ("交代", "备注", "要求")),
    ("amount_min", ("多少", "数目", "数量", "时间币")),
    ("content", ("内容", "正文", "文字")),
    ("send_at", ("发送时间", "什么时候发")),
    ("reason", ("原因", "理由")),
    ("relation", ("关系",)),
)
# Words that say a line of the summary is wrong ("地址不对", "改一下时间"); said without a line, which one is
# asked. Only with these: "地址没错" and "服务不要了，取消" name a line and change nothing.
WRONG_WORDS = re.compile(r"不对|(?<!没)错了|有错|写错|搞错|弄错|(?<!没)错的|要改|改一下|改改|改成|换成|重新填|重填|修改|"
                         r"应该是")


def slot_named(words: str, filled: tuple[str, ...]) -> str | None:
    """The filled slot these words name as one to change, or None."""
    named = [(len(word), name) for name, said in SLOT_WORDS if name in filled for word in said if word in words]
    return max(named)[1] if named else None


def leaves(text: str) -> bool:
    """The whole message withdraws: a leaving word, with nothing but soft noes and thanks around it."""
    clauses = [clause for clause in map(plain, CLAUSES.split(text or "")) if clause]
    return any(c in CANCEL_WORDS for c in clauses) and all(c in CANCEL_WORDS or c in SOFT_NOES for c in clauses)
