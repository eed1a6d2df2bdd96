"""Clean-up of voice-input and phone-keyboard text."""

import pytest

from nlu.cleanup import clean, split_quote

CLEANED = [
    ("明天下午３点", "明天下午3点"),                   # full-width digits
    ("ＯＫ", "ok"),
    ("時間幣還有多少", "时间币还有多少"),              # traditional characters
    ("幫我買菜", "帮我买菜"),
    ("查余额😊", "查余额"),                            # emoji
    ("🆘救命啊 厨房着火了", "sos 救命啊 厨房着火了"),  # an emoji that cries is read as a word
    ("救救救", "救命"),
    ("👍好的", "好的"),
    ("你好，我是新来的！！", "你好 我是新来的"),        # punctuation
    ("《时间银行》是什么？？？", "时间银行 是什么"),
    ("14:30来", "14:30来"),                            # a clock keeps its colon
    ("1.5小时", "1.5小时"),
    ("#35 我接", "#35 我接"),
    ("嗯 那个 就是下周一上午", "下周一上午"),          # fillers at a clause start
    ("嗯嗯那个下周三", "下周三"),
    ("啊那个 我发的", "我发的"),
    ("余额", "余额"),                                  # "额" inside a word stays
    ("嗯", "嗯"),                                      # an answer is not a filler
    ("嗯嗯", "嗯"),
    ("到了到了", "到了"),                              # stutters
    ("不用不用 我自己来", "不用 我自己来"),
    ("好的好的", "好的"),
    ("不不不", "不"),
    ("修修", "修"),
    ("聊聊天", "聊天"),
    ("收拾收拾", "收拾"),
    ("奶奶", "奶奶"),                                  # kinship words keep their doubling
    ("下下周一", "下下周一"),
    ("麻凡找个志原者", "麻烦找个志愿者"),              # homophone slips
    ("菜 单", "菜单"),                                  # characters typed one by one
    ("进 度？？", "进度"),
    ("好 我来", "好 我来"),                            # a one-character clause stays one
    ("嗯 啊 帮我 取个快递", "帮我 取个快递"),          # fillers are not joined into a word
    ("余 额", "余额"),                                  # ... but a word whose last character could be one is
    ("去一附院取药 11/30 早上8点", "去一附院取药 11月30号 早上8点"),  # a date with a slash
    ("给个5/5分", "给个5 5分"),                        # not a score
    ("明夭下午", "明天下午"),                          # a handwriting slip
    ("定阅", "订阅"),
    ("看看我的帐单", "看我的账单"),
    ("俺娘想剪个头", "我娘想剪个头"),                  # dialect
    ("这个东西咋用啊", "这个东西怎么用啊"),
    ("今晚八点", "今天晚上八点"),
]


@pytest.mark.parametrize("raw, cleaned", CLEANED)
def test_clean_up(raw, cleaned):
    assert clean(raw) == cleaned


@pytest.mark.parametrize("raw, head, quote", [
    ("群发：明天停水", "群发", "明天停水"),
    ("群发:明天停水", "群发", "明天停水"),
    ("14:30来", "14:30来", None),
    ("１４：３０来", "１４：３０来", None),
    ("没有冒号", "没有冒号", None),
])
def test_text_after_a_colon_is_a_quote(raw, head, quote):
    assert split_quote(raw) == (head, quote)
