"""A value found at a place in the text, a helper to find values in order, and the clauses of a text."""

import re
from dataclasses import dataclass
from typing import Any, Callable, Iterable


@dataclass(frozen=True, slots=True)
class Found:
    start: int
    end: int
    value: Any


Reader = tuple[re.Pattern, Callable[[re.Match], Any]]


def find_all(text: str, readers: Iterable[Reader]) -> list[Found]:
    """Apply readers in priority order; a later reader cannot claim text an
    earlier one used. A reader returns None to pass on a match."""
    found: list[Found] = []
    for pattern, read in readers:
        for match in pattern.finditer(text):
            if any(match.start() < f.end and f.start < match.end() for f in found):
                continue
            value = read(match)
            if value is not None:
                found.append(Found(match.start(), match.end(), value))
    return sorted(found, key=lambda f: f.start)


def alternation(words: Iterable[str]) -> str:
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))


def clause_spans(text: str) -> list[tuple[int, int]]:
    """Where each clause (text between spaces, as clean-up leaves it) starts and ends."""
    spans, start = [], 0
    for clause in text.split(" "):
        spans.append((start, start + len(clause)))
        start += len(clause) + 1
    return spans


def inside(start: int, end: int, spans: list[tuple[int, int]]) -> bool:
    return any(span_start <= start and end <= span_end for span_start, span_end in spans)
