"""What a message tells of another time weighs less than what it asks for now.

"上回社区帮我们送过饭 挺好的 这次想找个师傅上门剪头发": the meal is a memory, the haircut the
request; "上个礼拜我在这里发了个要人帮我修水龙头的 … 你帮我查查那个单子" asks about an order,
not for a new one. A clause (text between spaces) that names an earlier time, and the clauses after
it until one comes back to now, halve the weight of the intent words and service words in them, so
the ones said of now decide when there are any.
"""

import re
from dataclasses import replace

from . import lexicon
from .matcher import Hit
from .spans import alternation, clause_spans, inside

TOLD_BEFORE_WEIGHT = 0.5
# A service told of then, beside a clause of now, weighs less still: "上个月志愿者小刘陪我去医院复查 人特别好 |
# 这回想找人帮我把屋子打扫打扫" asks for the cleaning, however many hospital words the memory holds.
SERVICE_BESIDE_NOW_WEIGHT = 0.25
# Not a deadline: "月底之前就行", "十点以前" are of a time to come.
_EARLIER = re.compile(r"(?<![底号天点末午晚早])(?:%s)" % alternation(lexicon.EARLIER_TIMES))
_BACK_TO_NOW = re.compile("%s|%s" % (alternation(lexicon.BACK_TO_NOW), lexicon.SCORE_GIVEN))
_DONE = re.compile(lexicon.DONE_TOLD)
# A thing done today tells the ask's day ("今天上午社区医生已经上门看过了 | 下午想找个人…" is this afternoon).
_TODAY = re.compile(alternation(lexicon.RELATIVE_DAYS_OF_TODAY))
THEN, DONE = "then", "done"
# A thing told done is what a confirmation says ("不用再派人了 | 已经帮我弄好了 | 确认 #14").
_DONE_IS_ITS_NEWS = {"confirm_done"}
_DISCOUNTED = {"intent": {"post_request"}, "service": None}  # None: every label of the layer
# When another clause speaks of now, every intent but an answer told of then weighs less too: "上个月捐了
# 两个小时 现在还剩多少" asks the balance, "之前退订了 现在想再收" subscribes. A message told only of then
# keeps them: "上次理发的小王很好" rates.
_DISCOUNTED_BESIDE_NOW = {"intent": set(lexicon.INTENT_CUES) - {"affirm", "deny"}, "service": None}


def discounted(text: str, hits: dict[str, list[Hit]]) -> dict[str, list[Hit]]:
    told = _told_before(text)
    if not any(told):
        return hits
    spans = [span for span, before in zip(clause_spans(text), told) if before]
    done_spans = [span for span, before in zip(clause_spans(text), told) if before == DONE]
    beside_now = not all(told)

    def counts_less(hit: Hit, labels: set[str] | None) -> bool:
        if (labels is not None and hit.label not in labels) or not inside(hit.start, hit.end, spans):
            return False
        return not (hit.label in _DONE_IS_ITS_NEWS and inside(hit.start, hit.end, done_spans))

    out = dict(hits)
    for layer, labels in (_DISCOUNTED_BESIDE_NOW if beside_now else _DISCOUNTED).items():
        weight = SERVICE_BESIDE_NOW_WEIGHT if beside_now and layer == "service" else TOLD_BEFORE_WEIGHT
        out[layer] = [replace(hit, weight=hit.weight * weight) if counts_less(hit, labels) else hit
                      for hit in hits.get(layer, [])]
    return out


def told_spans(text: str) -> list[tuple[int, int]]:
    """Where the clauses of another time are, when others speak of now ("上个月那个打扫的我不太满意 … 这次很满意")."""
    told = _told_before(text)
    return [] if all(told) else [span for span, before in zip(clause_spans(text), told) if before]


def of_now(text: str, dropped: list[bool] | None = None) -> str:
    """The clauses of now: "上礼拜捐了五个时间币 这次想转一个时间币给我姥姥" moves one; without the `dropped` ones."""
    clauses = text.split(" ")
    dropped = dropped or [False] * len(clauses)
    return " ".join(clause for clause, before, drop in zip(clauses, _told_before(text), dropped)
                    if not (before or drop))


def _told_before(text: str) -> list[str | None]:
    """For each clause, whether it tells of another time: one that names an earlier time, and the clauses
    after it until one comes back to now ("上回那志愿者磨磨蹭蹭 | 迟到老半天 | 这回换个利索的"); and one
    that tells a thing done ("菜我已经自己买好了 | 就是想找人来帮忙做一下"): THEN, DONE or None."""
    told, before = [], False
    for clause in text.split(" "):
        before = bool(_EARLIER.search(clause)) or (before and not _BACK_TO_NOW.search(clause))
        told.append(THEN if before else DONE if _DONE.search(clause) and not _TODAY.search(clause) else None)
    return told


