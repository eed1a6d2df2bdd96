"""The time bank's own words typed in English, put in Chinese for both readers: "help me book 陪诊 tmr 3pm",
"cancel 明天陪诊那个单", "大概 2 hours".

Only whole words of lexicon.ENGLISH_WORDS (none of which the emergency reader's English phrases use, so
"no pulse" and "sign up" reach it as typed) and clock times and lengths written with a number.
"""

import re

from . import lexicon
from .spans import alternation

_ANY_LETTER = re.compile("[a-z]")
_WORD = re.compile(r"(?<![a-z])(?:%s)(?![a-z])" % alternation(lexicon.ENGLISH_WORDS))
_CLOCK = re.compile(r"(?<![\d:])(\d{1,2})(?::(\d{2}))? ?(am|pm)(?![a-z])")
_STARS = re.compile(r"(?<!\d)([1-5]) ?stars?(?![a-z])")
_LENGTH = re.compile(r"(?<![\d.])(\d+(?:\.\d+)?) ?(hours|hour|hrs|hr|minutes|minute|mins|min)(?![a-z])")


def in_chinese(text: str) -> str:
    """`text` lower-cased, its English time-bank words in Chinese."""
    if not _ANY_LETTER.search(text):
        return text
    text = _CLOCK.sub(_clock, text)
    text = _STARS.sub(lambda m: " %s星 " % m.group(1), text)
    text = _LENGTH.sub(lambda m: m.group(1) + ("小时" if m.group(2).startswith("h") else "分钟"), text)
    return _WORD.sub(_word_in_chinese, text)


def _word_in_chinese(word: re.Match) -> str:
    """Set apart from the Latin letters and digits beside it, joined to the characters beside it: "我的order看一下" is
    one clause, 我的预约看一下."""
    text, start, end = word.string, word.start(), word.end()
    before = " " if start and text[start - 1].isascii() and text[start - 1].isalnum() else ""
    after = " " if end < len(text) and text[end].isascii() and text[end].isalnum() else ""
    return before + lexicon.ENGLISH_WORDS[word.group()] + after


def _clock(match: re.Match) -> str:
    hour, minutes, half = match.group(1), match.group(2), match.group(3)
    period = "上午" if half == "am" else ("中午" if hour == "12" else "下午")
    return f" {period}{hour}点{minutes + '分' if minutes else ''} "
