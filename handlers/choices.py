"""Numbered options, and picking one by its words: "家里" picks "1. 家里（登记的地址）" as "1" does."""

from __future__ import annotations

import re

from handlers.types import Choice

# What is not part of the words: spaces and punctuation; and the particles people end a short answer with.
NOISE = re.compile(r"[\s，。,.!！?？、~～…:：;；\"“”'‘’（）()]+")
PARTICLES = re.compile(r"(?<=\S)[吧呀啊啦哈嘛呢哦噢]+$")
# The label's head names the option on its own: "家里（登记的地址）" → "家里"; "老人本人，需要帮助" → "老人本人".
LABEL_HEAD = re.compile(r"^[^（(，,：:]+")


def numbered_lines(choices: tuple[Choice, ...]) -> str:
    return "\n".join(f"{number}. {choice.label}" for number, choice in enumerate(choices, 1))


def plain(text: str) -> str:
    """The words alone, without spaces, punctuation or a closing particle: "好的吧！" → "好的"."""
    return PARTICLES.sub("", NOISE.sub("", text or ""))


def picked_by_words(text: str, choices: tuple[Choice, ...]) -> Choice | None:
    """The one option the words name: its label, the label's head or one of its own words, said alone or
    inside a short answer ("我在家里"). None when no option, or more than one, is named."""
    said = plain(text)
    if not said:
        return None
    exact = [choice for choice in choices if said in _names(choice)]
    if len(exact) == 1:
        return exact[0]
    inside = [choice for choice in choices if any(len(name) >= 2 and name in said for name in _names(choice))]
    return inside[0] if len(inside) == 1 else None


def _names(choice: Choice) -> set[str]:
    head = LABEL_HEAD.match(choice.label)
    return {plain(choice.label), *(plain(head.group(0)) for _ in [0] if head), *map(plain, choice.words)} - {""}
