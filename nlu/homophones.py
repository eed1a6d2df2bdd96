"""The bank's words typed with a pinyin keyboard's wrong homophone put back: "打嫂卫生" is 打扫卫生, "想找人聊添"
聊天, "鱼额" 余额, "一养化碳" 一氧化碳.

A table of slips (lexicon.VARIANTS) can only list the slips already seen; a pinyin keyboard offers every character
of the same sound. So a run of characters is put back as one of `lexicon.HOMOPHONE_TARGETS` when it sounds the same
(tones aside), shares at least one character with it in the same place, and is not a word of its own: jieba's
dictionary knows "帮主" and "愉悦", which stay. A run whose first or last character makes a word with the one
beside it ("去消费": 消费, "大扫除": 扫除, "打骚扰电话": 骚扰) is not touched either. The sounds of characters come
from nlu/pinyin_table.json (built by build_pinyin_table.py), so the bot needs no pinyin library.
"""

import json
from functools import lru_cache
from pathlib import Path

from . import lexicon, tokenizer

_TABLE_PATH = Path(__file__).with_name("pinyin_table.json")
# A run that is a word this common, or that makes one this common with the character beside it, is meant.
A_WORD_OF_ITS_OWN = 100


@lru_cache(maxsize=1)
def _sounds() -> dict[str, frozenset[str]]:
    table = json.loads(_TABLE_PATH.read_text(encoding="utf-8"))["characters"]
    return {char: frozenset(readings.split(",")) for char, readings in table.items()}


@lru_cache(maxsize=1)
def _anchors() -> dict[str, tuple[tuple[int, str], ...]]:
    """Each character of a target -> (its place, the target), longer targets first: a slip keeps at least one
    character of the word meant, so only the targets of the message's own characters are tried."""
    found: dict[str, list[tuple[int, str]]] = {}
    for word in sorted(lexicon.HOMOPHONE_TARGETS, key=len, reverse=True):
        for place, char in enumerate(word):
            found.setdefault(char, []).append((place, word))
    return {char: tuple(targets) for char, targets in found.items()}


def load() -> None:
    """Read the sounds of characters now rather than on the first message."""
    _sounds()
    _anchors()


def restore(text: str) -> str:
    """The text with every slip of sound put back; unchanged when it holds none."""
    anchors, restored, kept_to = _anchors(), [], 0
    for at, char in enumerate(text):
        for place, target in anchors.get(char, ()):
            start = at - place
            if start >= kept_to and _sounds_like(text, start, target):
                restored += [text[kept_to:start], target]
                kept_to = start + len(target)
                break
    return "".join(restored) + text[kept_to:] if restored else text


def _sounds_like(text: str, start: int, target: str) -> bool:
    window = text[start:start + len(target)]
    if len(window) < len(target) or window == target or window in lexicon.HOMOPHONE_KEPT:
        return False
    sounds = _sounds()
    if not all(typed == meant or sounds.get(typed, frozenset()) & sounds.get(meant, frozenset())
               for typed, meant in zip(window, target)):
        return False
    # meant as typed: a word of its own ("帮主"), or one end of a word with the character beside it ("去消费": 消费,
    # "大扫除": 扫除, "打骚扰": 骚扰)
    end = start + len(target)
    edges = (text[start - 1:start + 1] if start > 0 else "", text[end - 1:end + 1] if end < len(text) else "")
    return not _is_a_word(window) and not any(_is_a_word(pair) for pair in edges)


def _is_a_word(chars: str) -> bool:
    return len(chars) > 1 and (tokenizer.get().FREQ.get(chars) or 0) >= A_WORD_OF_ITS_OWN
