"""Words typed in pinyin put back in characters, for both readers: "wo nai nai yun dao le" is 我奶奶晕倒了,
"chaxun yu'e" 查询余额, "wǒ yéye hūndǎo le" the same with its tones, "理fa" 理发, "xi澡" 洗澡.

Only words the readers know are put back (nlu/pinyin_table.json, built from the word tables by
build_pinyin_table.py), and a run of Latin words only where it is pinyin: most of its letters in known
words, or every word of it a Mandarin syllable and half its letters in known words, or a long word typed
unspaced. "help me" and "a man is following her" stay English. A one-syllable word ("wo", "le") is put
back only in a run that also holds a longer one, since "a" is English too.
"""

import json
import re
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import NamedTuple

_TABLE_PATH = Path(__file__).with_name("pinyin_table.json")
_RUN = re.compile(r"[a-z']+(?: [a-z']+)*")
_LATIN = re.compile(r"[a-z\u00c0-\u024f]")  # a letter, plain or toned ("wǒ")
_TONED = re.compile(r"[^\x00-\x7f\u4e00-\u9fff]")  # a mark outside ASCII and the common characters
# Tones typed as numbers ("ming2tian1 xia4wu3"): a word of letters, each syllable followed by its digit.
_TONE_NUMBERS = re.compile(r"(?<![a-z0-9])(?:[a-z]+[1-5])+(?![a-z0-9])")
_TONE_DIGIT = re.compile(r"[1-5]")
# A number and its unit in pinyin ("1yue3hao", "3dian", "8 hao"): the unit in characters.
_UNITS = {"dian": "点", "hao": "号", "yue": "月", "xiaoshi": "小时", "fenzhong": "分钟", "fen": "分", "ge": "个"}
_NUMBER_AND_UNIT = re.compile(r"(\d+) ?(%s)(?![a-z])" % "|".join(sorted(_UNITS, key=len, reverse=True)))
_BEGUN_IN_CHARACTERS = re.compile(r"[\u4e00-\u9fff][a-z]+(?![a-z])")  # "理fa", "做fan"
_ENDED_IN_CHARACTERS = re.compile(r"(?<![a-z])[a-z]+[\u4e00-\u9fff]{1,2}")  # "xi澡", "shi间币"
_LONGEST_LETTERS = 24
# A run is pinyin when most of its letters spell known words: in "i'd like to book" only "like" does (立刻).
MOSTLY_PINYIN = 0.6
# ... or, failing that, a token this long that spells syllables only, half of its letters in known words: no
# English word of nine letters is made of pinyin syllables, and a phone's pinyin is often typed unspaced.
LONG_TOKEN = 9
# A word alone this short is as likely English ("like" is 立刻 too); "zhuce", "jiedan" are not.
SHORTEST_LONE_WORD = 5
HALF_PINYIN = 0.5


def load() -> None:
    _table()


class _Table(NamedTuple):
    words: dict[str, str]             # "shuaidao": "摔倒"
    single_syllables: dict[str, str]  # "wo": "我"
    begun_in_characters: dict[str, str]  # "理fa": "理发"
    ended_in_characters: dict[str, str]  # "xi澡": "洗澡"
    syllables: frozenset[str]


@lru_cache(maxsize=1)
def _table() -> _Table:
    table = json.loads(_TABLE_PATH.read_text(encoding="utf-8"))
    return _Table(table["words"], table["single_syllables"], table["begun_in_characters"],
                  table["ended_in_characters"], frozenset(table["syllables"]))


def in_characters(text: str) -> str:
    """`text` lower-cased; the pinyin words in it in characters, the rest as it was."""
    if not _LATIN.search(text):  # most messages: nothing to read, and no pass below to pay for
        return text
    if _TONED.search(text):
        text = _toneless(text)
    text = _TONE_NUMBERS.sub(lambda m: _TONE_DIGIT.sub("", m.group()), text)
    text = _NUMBER_AND_UNIT.sub(lambda m: m.group(1) + _UNITS[m.group(2)], text)
    text = _BEGUN_IN_CHARACTERS.sub(lambda m: _table().begun_in_characters.get(m.group(), m.group()), text)
    text = _ENDED_IN_CHARACTERS.sub(_ended_in_characters, text)
    return _RUN.sub(_run_in_characters, text)


def _ended_in_characters(typed: re.Match) -> str:
    """"shi间币" is 时间币; "xi澡盆" is 洗澡 and 盆."""
    said, ended = typed.group(), _table().ended_in_characters
    if said in ended:
        return ended[said]
    if said[-2].isascii():  # letters and one character, not known
        return said
    return ended.get(said[:-1], said[:-1]) + said[-1]


def _toneless(text: str) -> str:
    """ǒ is o and ü is v, as a pinyin keyboard types them; every other character is kept."""
    def plain(char: str) -> str:
        if char in "üǖǘǚǜ":
            return "v"
        base = unicodedata.normalize("NFD", char)[0]
        return base if base.isascii() and base.isalpha() else char
    return "".join(plain(char) if not char.isascii() else char for char in text)


def _run_in_characters(match: re.Match) -> str:
    typed = match.group().split(" ")
    if len(typed) == 1 and len(typed[0]) < SHORTEST_LONE_WORD:
        return match.group()
    tokens = [token.replace("'", "") for token in typed]
    # Most of it in known words; else every token spelt in syllables, half of it in known words ("yeye cong
    # louti shang shuai xia lai le": 从楼梯上 are not the tables' words, but no English word is "cong")
    pieces = _best_cover(tokens, MOSTLY_PINYIN) or _best_cover(tokens, HALF_PINYIN, keep_syllables=True)
    if pieces is not None:
        return "".join(pieces)
    return " ".join(_long_token_in_characters(token) for token in typed)


def _long_token_in_characters(typed: str) -> str:
    """A long token typed without spaces ("wocongloutishangshuaixialaile") is pinyin when it spells syllables
    only, half of them in known words: those words in characters, the other syllables as typed."""
    token = typed.replace("'", "")
    if len(token) < LONG_TOKEN:
        return typed
    pieces = _best_cover([token], HALF_PINYIN, keep_syllables=True)
    return typed if pieces is None else "".join(pieces)


def _best_cover(tokens: list[str], mostly: float, keep_syllables: bool = False) -> list[str] | None:
    """The run as characters and untouched tokens: each token either whole as typed or covered by words
    (which may run over into the next token) and, with `keep_syllables`, syllables kept as typed; as many
    letters in words as can be, then as few pieces. None when fewer than `mostly` of its letters are in
    words, or no word is longer than one syllable."""
    table = _table()
    words, singles, syllables = table.words, table.single_syllables, table.syllables
    letters = "".join(tokens)
    starts, at = set(), 0
    for token in tokens:
        starts.add(at)
        at += len(token)
    ends = {start for start in starts if start} | {len(letters)}
    # best[i]: (letters covered, -pieces, the longest word's letters, pieces, a longer word used) for
    # letters[:i]; only token starts, and any point a word or a kept syllable has reached, can be one.
    best: dict[int, tuple[int, int, int, tuple[str, ...], bool]] = {0: (0, 0, 0, (), False)}
    for i in range(len(letters)):
        if i not in best:
            continue
        covered, minus_pieces, longest, pieces, longer = best[i]
        if i in starts and not keep_syllables:
            end = min(e for e in ends if e > i)
            _keep_better(best, end, (covered, minus_pieces - 1, longest, pieces + (" " + letters[i:end] + " ",), longer))
        for j in range(i + 1, min(len(letters), i + _LONGEST_LETTERS) + 1):
            piece = letters[i:j]
            word = words.get(piece) or singles.get(piece)
            if word:
                _keep_better(best, j, (covered + j - i, minus_pieces - 1, max(longest, j - i), pieces + (word,),
                                       longer or piece in words))
            elif keep_syllables and piece in syllables:
                _keep_better(best, j, (covered, minus_pieces - 1, longest, pieces + (" " + piece + " ",), longer))
    if len(letters) not in best:
        return None
    covered, _, _, pieces, longer = best[len(letters)]
    if not longer or covered < mostly * len(letters):
        return None
    return list(pieces)


def _keep_better(best: dict, at: int, candidate: tuple) -> None:
    if at not in best or candidate[:3] > best[at][:3]:
        best[at] = candidate
