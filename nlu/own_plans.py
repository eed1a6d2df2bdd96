"""What the writer will do themselves, told beside what they ask for, is not the request.

"我周四要去医院复查 我女儿会陪我 你们帮我在周三上午找个人来打扫下卫生就行": Thursday's hospital visit is the
writer's own, with their daughter; the request is the cleaning on Wednesday morning. "明天早上七点半我要去医院
要扫健康码 我不会弄 今天晚上能不能来个人教我一下" asks for someone tonight. A clause in which the writer (or
their family) will go or manage something themselves, puts something off ("出院以后再说") or sets a day aside
("今天不用了", "不要周一") (`lexicon.OWN_PLANS`) is a plan when another clause asks (holds a request word): its
service words weigh less (`PLAN_WEIGHT`), and the day and hour are read from the other clauses when they name
one. When only the plan names a day ("明天我要去医院复查 一个人去不了 想找人陪"), that day is the request's.
"""

import re
from dataclasses import replace

from . import lexicon
from .matcher import Hit
from .spans import clause_spans, inside

PLAN_WEIGHT = 0.3
_OWN_PLAN = re.compile(lexicon.OWN_PLANS)


def plan_clauses(text: str, hits: dict[str, list[Hit]]) -> list[bool]:
    """For each clause, whether it tells the writer's own plan while another clause asks."""
    asks = [h for h in hits.get("intent", []) if h.label == "post_request"]
    plans, asked_elsewhere = [], False
    for start, end in clause_spans(text):
        asked_here = any(inside(h.start, h.end, [(start, end)]) for h in asks)
        plans.append(bool(_OWN_PLAN.search(text, start, end)) and not asked_here)
        asked_elsewhere |= asked_here
    return plans if asked_elsewhere else [False] * len(plans)


def plan_spans(text: str, plans: list[bool]) -> list[tuple[int, int]]:
    """Where the clauses that tell the writer's own plans are (`plans` from plan_clauses)."""
    return [span for span, plan in zip(clause_spans(text), plans) if plan] if any(plans) else []


def discounted(text: str, hits: dict[str, list[Hit]], plans: list[bool]) -> dict[str, list[Hit]]:
    spans = plan_spans(text, plans)
    if not spans:
        return hits
    return hits | {"service": [replace(h, weight=h.weight * PLAN_WEIGHT) if inside(h.start, h.end, spans) else h
                               for h in hits.get("service", [])]}

