"""The words that steer a conversation rather than answer it: leaving, "nothing to add", and small talk.

Read as whole short messages (after handlers.choices.plain), before the language understanding, so that
"没有" to an optional question is "none", "谢谢" is thanks, and "不办了" leaves, wherever they are said.
"""

from __future__ import annotations

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
    **dict.fromkeys(("谢谢", "谢谢你", "谢谢您", "多谢", "感谢", "谢了", "好的谢谢", "谢谢啦", "太感谢了"),
                    "small_thanks"),
    **dict.fromkeys(("辛苦了", "辛苦你了", "辛苦您了", "麻烦你了", "麻烦您了"), "small_thanks"),
    **dict.fromkeys(("再见", "拜拜", "再会", "晚安", "回头见"), "small_bye"),
    **dict.fromkeys(("你好", "您好", "在吗", "在不在", "早上好", "上午好", "下午好", "晚上好", "哈喽", "hello", "hi"),
                    "small_hello"),
}
