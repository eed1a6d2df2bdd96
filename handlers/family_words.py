"""How one relative is named to the other: a binding's relation is the family member's ("儿子"), so each side
reads it from where they stand — the son sees "王**（您是TA的儿子）", the mother sees "儿子 李*"."""

from __future__ import annotations


def elder_seen_by_family(relation: str, masked_name: str) -> str:
    return f"{masked_name or '老人'}（您是TA的{relation}）"


def family_seen_by_elder(relation: str, masked_name: str) -> str:
    return f"{relation} {masked_name}".strip()
