"""Turn a raw chat message into the canonical text the parser reads.

Full-width -> half-width, traditional -> simplified, pinyin and the
time bank's English words -> characters, homophone slips (listed, and
any of the bank's words typed with a character of the same sound) and
dialect words replaced, emoji and punctuation dropped, stutters collapsed,
fillers at the start of a clause removed.
"""

import re
import unicodedata

from . import english, homophones, lexicon, romanised

_TO_SIMPLIFIED = str.maketrans({pair[0]: pair[1] for pair in lexicon.TRADITIONAL_TO_SIMPLIFIED})
_VARIANT = re.compile("|".join(map(re.escape, sorted(lexicon.VARIANTS, key=len, reverse=True))))
_VARIANT_PATTERNS = tuple((re.compile(pattern), replacement) for pattern, replacement in lexicon.VARIANT_PATTERNS)

# Keep letters, digits and the few marks that carry numbers: '#12', '14:30',
# '1.5', '138-0000-0000'.
_NOT_TEXT = re.compile(r"[^\w#:.\-]|_")
_STRAY_MARK = re.compile(r"(?<!\d)[:.\-]|[:.\-](?!\d)|#(?!\s*\d)")
_SPACES = re.compile(r"\s+")
_SPELT_DIGITS = re.compile(r"(?<!\w)\d(?: \d){2,}(?!\w)")  # "单号 1 0 8" is 108, read out digit by digit
# "转 1 个时间币", "下午 3 点", "12 号": a number typed apart from its measure word is one with it (round twenty-five)
_SPACED_MEASURE = re.compile(r"(?<=\d) (?=[个小分号点时块元岁])")

_HAN = "\u4e00-\u9fff"
# Characters typed one by one with spaces ("菜 单", "进 度？？"): one word. A clause of one character ("好 我来") stays.
_SPACED_CHARACTERS = re.compile(rf"(?<!\S)[{_HAN}](?: [{_HAN}])+(?!\S)")
# "11/30", "12/20上午": a month and a day written with a slash, before the slash is dropped; not a score ("5/5分")
# or a share ("1/2小时").
_SLASHED_DATE = re.compile(r"(?<![\d/.])(1[0-2]|0?[1-9])/(3[01]|[12]\d|0?[1-9])(?![\d/.]|\s*(?:分|星|个|小时|钟))")
# 到了到了 -> 到了; not a contrast across two clauses ("不是我 是我对门的张奶奶")
_REPEATED_CHUNK = re.compile(rf"(?<!不)([{_HAN}]{{2,4}}?)(?:\s?\1)+")
_TRIPLED_CHAR = re.compile(rf"([{_HAN}])\1{{2,}}")               # 不不不 -> 不
_LAUGHTER = re.compile(r"([哈呵嘿嘻])\1{2,}")                     # 哈哈哈哈 -> 哈哈, not 哈: laughter is a word
_DOUBLED_CHAR = re.compile(rf"([{re.escape(lexicon.STUTTER_CHARS)}])\1")  # 修修 -> 修

_FILLER_CHARACTERS = frozenset(word for word in lexicon.FILLERS if len(word) == 1)
# Not a filler with an answer's particle ("嗯呢 是这单" answers yes).
_FILLER_RUN = re.compile(
    r"(?:^|(?<=\s))(?:(?:%s)(?![%s](?:\s|$))\s*)+" % (
        "|".join(map(re.escape, sorted(lexicon.FILLERS, key=len, reverse=True))), "".join(lexicon.ANSWER_PARTICLES))
)


def clean(raw: str) -> str:
    text = unicodedata.normalize("NFKC", raw).lower().translate(_TO_SIMPLIFIED)
    text = english.in_chinese(romanised.in_characters(text))
    text = homophones.restore(_patterned(_VARIANT.sub(lambda m: lexicon.VARIANTS[m.group()], text)))
    text = _SLASHED_DATE.sub(r"\1月\2号", text)
    text = _STRAY_MARK.sub(" ", _NOT_TEXT.sub(" ", text))
    text = _SPACES.sub(" ", text).strip()
    text = _SPACED_MEASURE.sub("", _SPELT_DIGITS.sub(lambda m: m.group().replace(" ", ""), text))
    text = _DOUBLED_CHAR.sub(r"\1", _TRIPLED_CHAR.sub(r"\1", _REPEATED_CHUNK.sub(r"\1", _LAUGHTER.sub(r"\1\1", text))))
    text = _SPACED_CHARACTERS.sub(_joined_unless_fillers, text)
    # A message that is nothing but "嗯", or "嗯" and a particle ("嗯呐", "嗯哪"), is an answer, not a filler.
    kept = _FILLER_RUN.sub("", text).strip()
    return kept if kept and kept not in lexicon.ANSWER_PARTICLES else text


def _patterned(text: str) -> str:
    for pattern, replacement in _VARIANT_PATTERNS:
        text = pattern.sub(replacement, text)
    return text


def _joined_unless_fillers(spaced: re.Match) -> str:
    """"余 额" is 余额 (its 额 no filler then), but "嗯 啊 帮我…" is fillers, dropped after."""
    characters = spaced.group().split(" ")
    return spaced.group() if all(ch in _FILLER_CHARACTERS for ch in characters) else "".join(characters)


def split_quote(raw: str) -> tuple[str, str | None]:
    """Split "群发：明天停水" into the command and the quoted content; a colon
    between digits is a clock ("14:30") and splits nothing."""
    for position, ch in enumerate(raw):
        before, after = raw[position - 1:position], raw[position + 1:position + 2]
        if ch in ":：" and not (before.isdigit() and after.isdigit()):
            return raw[:position], raw[position + 1:]
    return raw, None
