"""How a survey's answers are said: the elder's score by number or word, the volunteer's options by numbers
("1 3") or words, and the short replies that may answer a survey's push at all."""

from __future__ import annotations

import re

from handlers.choices import plain
from handlers.types import Choice
from storage.surveys import DISTANCE, MODERATE, NOT_SATISFIED, OTHER, RECOGNITION, TIME, TRAINING, VERY

# The score, by its number and by the words people answer with; a word must be said alone ("满意吗" is a question).
RATING_NUMBERS = {"1": VERY, "一": VERY, "2": MODERATE, "二": MODERATE, "两": MODERATE, "3": NOT_SATISFIED,
                  "三": NOT_SATISFIED}
RATING_WORDS = {
    VERY: ("很满意", "非常满意", "特别满意", "十分满意", "太满意了", "满意极了"),
    MODERATE: ("比较满意", "满意", "还行", "一般", "还可以", "还好", "挺好", "凑合"),
    NOT_SATISFIED: ("不满意", "不太满意", "很不满意", "不好", "太差了"),
}
RATING_LABELS = {VERY: "很满意", MODERATE: "比较满意", NOT_SATISFIED: "不满意"}
RATING_CHOICES = tuple(Choice(rating, RATING_LABELS[rating], words=RATING_WORDS[rating]) for rating in RATING_LABELS)
# What would make a volunteer help more, by number (as asked) and by the words of each option.
WISH_LABELS = {TIME: "时间更方便", TRAINING: "更多培训", RECOGNITION: "更多表彰", DISTANCE: "离家更近", OTHER: "其他"}
WISH_WORDS = {
    TIME: ("时间更方便", "时间方便", "时间"), TRAINING: ("更多培训", "培训"),
    RECOGNITION: ("更多表彰", "表彰", "表扬", "奖励"), DISTANCE: ("离家更近", "离家近", "近一点", "距离"),
    OTHER: ("其他", "其它"),
}
WIDE_DIGITS = str.maketrans("１２３４５", "12345")
WISH_NUMERALS = str.maketrans("１２３４５一二三四五", "1234512345")
LEADING_SELF = re.compile(r"^(?:我觉得|我|都)")
BETWEEN_WISHES = re.compile(r"[\s、，,和及跟还有/]+")
# The short replies a survey's push may get: numbers, or a few words about being satisfied (questions included,
# so that "满意吗" to the survey is asked again rather than read elsewhere).
PUSH_REPLY = re.compile(r"^\s*(?:[\d０-９一二三四五、，,和\s]{1,20}|\D{0,3}(?:满意|还行|一般|还可以|还好|挺好)\D{0,3})"
                        r"\s*[。.!！]?\s*$")


def read_rating(text: str) -> str | None:
    """The score said: its number or one of its words, alone; None for anything else ("4", "满意吗", "")."""
    words = LEADING_SELF.sub("", plain(text).translate(WIDE_DIGITS))
    words = re.sub(r"^(?:第|选)?(\d|[一二三两])(?:个|号|项)?$", r"\1", words)
    if words in RATING_NUMBERS:
        return RATING_NUMBERS[words]
    return next((rating for rating, said in RATING_WORDS.items() if words in said), None)


def read_wishes(text: str) -> list[int] | None:
    """The options picked ("1 3", "1、3", "13", "培训和表彰"), in order, each once; None if anything else is said."""
    rest, picked = BETWEEN_WISHES.sub("", plain(text).translate(WISH_NUMERALS)), []
    while rest:
        found = _next_wish(rest)
        if found is None:
            return None
        number, length = found
        picked.append(number)
        rest = rest[length:]
    return sorted(set(picked)) or None


def _next_wish(text: str) -> tuple[int, int] | None:
    if text[0] in "12345":
        return int(text[0]), 1
    matches = [(number, len(word)) for number, words in WISH_WORDS.items() for word in words if text.startswith(word)]
    return max(matches, key=lambda match: match[1], default=None)


def rating_lines() -> str:
    return "\n".join(f"{number} {RATING_LABELS[rating]}" for number, rating in enumerate(RATING_LABELS, 1))


def wish_lines() -> str:
    return "\n".join(f"{number} {label}" for number, label in WISH_LABELS.items())
