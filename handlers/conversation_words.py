"""The words that steer a conversation rather than answer it: leaving, "nothing to add", and small talk.

Read as whole short messages (after handlers.choices.plain), before the language understanding, so that
"没有" to an optional question is "none", "谢谢" is thanks, and "不办了" leaves, wherever they are said.
"""

from __future__ import annotations

import re

CANCEL_WORDS = frozenset({
    "取消", "算了", "不要了", "不办了", "不办", "不弄了", "不做了", "不需要了", "先不办", "先不办了", "先不要",
    "不想办了", "不找了", "不找人了", "退出", "取消吧", "我不办了", "我不要了", "撤销",
})
NONE_WORDS = frozenset({
    "没有", "没", "无", "不用", "没了", "没有了", "不需要", "没什么", "没啥", "都没有", "不用了", "没别的",
    "没有别的", "就这些", "就这样", "没其他", "没有其他",
})
# Short yes and no words: never a name, an address or a note when a free-text question is open.
YES_NO_WORDS = frozenset({"是", "是的", "对", "对的", "好", "好的", "嗯", "行", "可以", "不", "不是", "不对", "不行"})
SMALL_TALK = {
    **dict.fromkeys(("谢谢", "谢谢你", "谢谢您", "多谢", "感谢", "谢了", "好的谢谢", "谢谢啦", "太感谢了", "谢谢了",
                     "谢谢大家", "感谢你", "感谢您", "太谢谢了", "非常感谢", "谢谢您了", "好谢谢"), "small_thanks"),
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
