"""A request or a service told of another time weighs less than the one asked for now.

"上回社区帮我们送过饭 挺好的 这次想找个师傅上门剪头发": the meal is a memory, the haircut the
request; "上个礼拜我在这里发了个要人帮我修水龙头的 … 你帮我查查那个单子" asks about an order,
not for a new one. A clause (text between spaces) that names an earlier time halves the weight of
the request words and service words in it, so the ones said of now decide when there are any.
"""

import re
from dataclasses import replace

from . import lexicon
from .matcher import Hit
from .spans import alternation

TOLD_BEFORE_WEIGHT = 0.5
_EARLIER = re.compile(alternation(lexicon.EARLIER_TIMES))
_DISCOUNTED = {"intent": {"post_request"}, "service": None}  # None: every label of the layer


def discounted(text: str, hits: dict[str, list[Hit]]) -> dict[str, list[Hit]]:
    earlier = [(m.start(), m.end()) for m in _EARLIER.finditer(text)]
    if not earlier:
        return hits
    clauses = _clauses_told_before(text, earlier)
    out = dict(hits)
    for layer, labels in _DISCOUNTED.items():
        out[layer] = [replace(hit, weight=hit.weight * TOLD_BEFORE_WEIGHT)
                      if (labels is None or hit.label in labels) and _inside(hit, clauses) else hit
                      for hit in hits.get(layer, [])]
    return out


def _clauses_told_before(text: str, earlier: list[tuple[int, int]]) -> list[tuple[int, int]]:
    spans, start = [], 0
    for piece in text.split(" "):
        end = start + len(piece)
        if any(start <= at < end for at, _ in earlier):
            spans.append((start, end))
        start = end + 1
    return spans


def _inside(hit: Hit, clauses: list[tuple[int, int]]) -> bool:
    return any(start <= hit.start and hit.end <= end for start, end in clauses)
