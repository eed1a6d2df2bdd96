"""Feedback scores 1-5: 五星/5分 = 5, 很满意 = 5, 满意 = 4, 一般 = 3,
不满意 = 2, 很差 = 1. A stated number beats a feeling word; a verdict ("很满意")
beats praise met on the way ("挺好的")."""

import re

from . import lexicon
from .numbers import to_int

_ABANDONED = re.compile(r"(本来|原本|原来|本)(想|要|打算)[^ ]{0,3}$|难道[^ ]{0,6}$|只能(打|给)?$|满分$")
# A verdict asked back is its opposite ("我能不满意吗", "难道我还能给差评不成", "不能说不满意吧 还行").
_ASKED_BACK = re.compile(r"(难道[^ ]{0,6}|还能(给|打|说)?|我能|哪能|怎么能|不能说|哪有|哪里有)$")
_STATED = re.compile(r"(?<![点\d])([1-5]|[一二两三四五])\s*(?:分|星|颗星)(?!钟)")
# Round thirty-four: praise of a person or a dish with a complaint beside it, and no verdict, gives no score ("饺子包得
# 不错 就是盐放多了", "迟到了快半个钟头 不过人蛮好的"); a verdict summing up both does ("总的来说还行").
PRAISE = 4
_COMPLAINT_AFTER = re.compile(r"就是|但是|可是|只是|不过")
_COMPLAINT_BEFORE = re.compile(r"但是|可是|不过")
_SUMMED_UP = re.compile(r"(总的来说|总的说|总体来说|总体|总之|整体来说|整体|说到底|算下来)[^ ]{0,4}$")


def score(text: str, feeling_words: list[tuple[int, str]], typed: str = "") -> int | None:
    """`feeling_words` are (position, score) hits of the lexicon's SCORE_WORDS; `typed` is the message as sent,
    where a 就是 that clean-up drops as a filler still tells a complaint."""
    stated = _kept(list(_STATED.finditer(text)), text)
    if stated:
        return to_int(stated.group(1))
    feeling_words = [hit for hit in feeling_words if not _ASKED_BACK.search(text, 0, hit[0])]
    if not feeling_words:
        return None
    verdicts = [hit for hit in feeling_words if _is_verdict(text, hit[0])]
    if verdicts:
        return int(verdicts[0][1])
    summed_up = [hit for hit in feeling_words if _SUMMED_UP.search(text, 0, hit[0])]
    if summed_up:  # "一个挺好一个不太行 总的来说还行"
        return int(summed_up[-1][1])
    if all(int(hit[1]) >= PRAISE for hit in feeling_words) and _mixed(typed or text, _word_at(text, feeling_words[0][0])):
        return None  # praise with a complaint and no verdict: "人是挺好的 就是来晚了快半个钟头"
    return int(feeling_words[0][1])


def stated(text: str) -> int | None:
    """The first score given as a number ("四分", "四星"): what a correction puts right ("三分 哦不 四分")."""
    found = _STATED.search(text)
    return to_int(found.group(1)) if found else None


def _mixed(typed: str, praise: str) -> bool:
    praised_at = max(typed.find(praise), 0)
    return bool(_COMPLAINT_AFTER.search(typed, praised_at) or _COMPLAINT_BEFORE.search(typed, 0, praised_at))


def _word_at(text: str, position: int) -> str:
    return max((w for w in lexicon.SCORE_WORDS if text.startswith(w, position)), key=len, default="")


def _kept(stated: list[re.Match], text: str) -> re.Match | None:
    """"本来想打五星 但是他迟到了半个钟头 给四星吧": a score the writer meant to give and did not is not given."""
    return next((m for m in stated if not _ABANDONED.search(text, 0, m.start())), stated[0] if stated else None)


def _is_verdict(text: str, position: int) -> bool:
    return any(mark in _word_at(text, position) for mark in lexicon.SCORE_VERDICT_MARKS)
