"""Find the lexicon's phrases and patterns in a cleaned message.

Every hit belongs to a layer (intent, service, role, ...); layers do not
compete with each other. Within a layer, among phrases the longest wins an
overlap, so "不满意" beats "满意" and "取消订阅" beats "取消". A pattern spans
a gap of arbitrary words, so its length says little: it wins an overlap with
a hit of another label only by weight ("确认……完成" beats "确认", but
"把一个半小时捐给" does not beat "捐给").
"""

import re
from dataclasses import dataclass
from typing import Iterable

from . import lexicon
from .required_chars import WakeIndex, required_chars

# Layers whose phrases must line up with jieba words: a one-character phrase
# must be a word, a two-character phrase must start one ("到了" not inside
# "收到了", yet "赠送" inside "赠送给"); longer phrases are specific enough.
ALIGNED_LAYERS = ("intent", "negation", "dismissal", "yes_no")


@dataclass(frozen=True, slots=True)
class Hit:
    layer: str
    label: str | None
    weight: float
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class _Entry:
    layer: str
    label: str | None
    weight: float
    alignment: int  # 0 free, 1 must start a word, 2 must be a word


def _alignment(layer: str, phrase: str) -> int:
    if len(phrase) == 1:
        return 2
    if layer in ALIGNED_LAYERS and len(phrase) == 2:
        return 1
    return 0


class Matcher:
    def __init__(self, phrases: Iterable[tuple[str, str, str | None, float]],
                 patterns: Iterable[tuple[str, str, str | None, float]]):
        self._index: dict[str, list[_Entry]] = {}
        for phrase, layer, label, weight in phrases:
            entry = _Entry(layer, label, weight, _alignment(layer, phrase))
            self._index.setdefault(phrase, []).append(entry)
        self._prefixes = {phrase[:end] for phrase in self._index for end in range(1, len(phrase) + 1)}
        self._patterns = [
            (re.compile(regex), required_chars(regex), layer, label, weight)
            for regex, layer, label, weight in patterns
        ]
        self._wake = WakeIndex([required for _, required, *_ in self._patterns])

    def match(self, text: str, tokens: list[str]) -> dict[str, list[Hit]]:
        kept = _longest_phrases(self._phrase_hits(text, tokens))
        _add_patterns(kept, self._pattern_hits(text))
        for layer_hits in kept.values():
            layer_hits.sort(key=lambda h: h.start)
        return kept

    def _phrase_hits(self, text: str, tokens: list[str]) -> list[Hit]:
        starts, ends, position = set(), set(), 0
        for token in tokens:
            starts.add(position)
            position += len(token)
            ends.add(position)
        hits = []
        for start in range(len(text)):
            for end in range(start + 1, len(text) + 1):
                piece = text[start:end]
                if piece not in self._prefixes:
                    break
                for entry in self._index.get(piece, ()):
                    if entry.alignment and start not in starts:
                        continue
                    if entry.alignment == 2 and end not in ends:
                        continue
                    hits.append(Hit(entry.layer, entry.label, entry.weight, start, end))
        return hits

    def _pattern_hits(self, text: str) -> list[Hit]:
        return [
            Hit(layer, label, weight, found.start(), found.end())
            for regex, _, layer, label, weight in map(self._patterns.__getitem__, self._wake.woken(text))
            for found in regex.finditer(text)
        ]


def _longest_phrases(hits: list[Hit]) -> dict[str, list[Hit]]:
    kept: dict[str, list[Hit]] = {}
    for hit in sorted(hits, key=lambda h: (h.start - h.end, h.start)):
        others = kept.setdefault(hit.layer, [])
        if all(_same_span(hit, other) or not _overlap(hit, other) for other in others):
            others.append(hit)
    return kept


def _add_patterns(kept: dict[str, list[Hit]], hits: list[Hit]) -> None:
    for hit in sorted(hits, key=lambda h: (-h.weight, h.start - h.end)):
        others = kept.setdefault(hit.layer, [])
        rivals = [other for other in others if _overlap(hit, other)]
        if all(_outweighs(hit, rival) for rival in rivals):
            kept[hit.layer] = [other for other in others if other not in rivals] + [hit]


def _outweighs(pattern: Hit, rival: Hit) -> bool:
    # A tie goes to the pattern against another label (it read more context),
    # but not against its own label, which would only count the same words twice.
    if pattern.label == rival.label:
        return pattern.weight > rival.weight
    # ... unless the rival read all of its words and more: "有没有教老人家用手机的单子" is a volunteer
    # asking for work, not a request to be taught.
    if rival.start <= pattern.start and pattern.end <= rival.end and rival.end - rival.start > pattern.end - pattern.start:
        # ... and a pattern read wholly inside a neutral phrase means what the phrase means ("钱我先转给你")
        return rival.label is not None and pattern.weight > rival.weight
    return pattern.weight >= rival.weight


def _overlap(a: Hit, b: Hit) -> bool:
    return a.start < b.end and b.start < a.end


def _same_span(a: Hit, b: Hit) -> bool:
    return a.start == b.start and a.end == b.end


def _entries(layer: str, table: dict[str, dict[str, float]]):
    """(phrase or regex, layer, label, weight) rows of a {label: {text: weight}} table."""
    for label, texts in table.items():
        for text, weight in texts.items():
            yield text, layer, label, weight


# Every feeling word of the score table is also a cue for rate.
FEELING_WORD_VOTE = 2.0


def build() -> Matcher:
    intent_cues = dict(lexicon.INTENT_CUES)
    intent_cues["rate"] = {word: FEELING_WORD_VOTE for word in lexicon.SCORE_WORDS} | intent_cues["rate"]
    phrases = [
        *_entries("intent", intent_cues),
        *((phrase, "intent", None, 0.0) for phrase in lexicon.NEUTRAL_PHRASES),
        *_entries("yes_no", lexicon.YES_NO_CUES),
        *((phrase, "negation", None, 0.0) for phrase in lexicon.NEGATIONS),
        *((phrase, "dismissal", None, 0.0) for phrase in lexicon.DISMISSALS),
        *_entries("service", lexicon.SERVICE_CUES),
        *((phrase, "service", None, 0.0) for phrase in lexicon.SERVICE_NEUTRAL_PHRASES),
        *_entries("role", lexicon.ROLE_CUES),
        *_entries("audience", lexicon.AUDIENCE_CUES),
        *((phrase, "score", str(score), 1.0) for phrase, score in lexicon.SCORE_WORDS.items()),
    ]
    patterns = [
        *_entries("intent", lexicon.INTENT_PATTERNS),
        *_entries("service", lexicon.SERVICE_PATTERNS),
        *_entries("role", lexicon.ROLE_PATTERNS),
    ]
    return Matcher(phrases, patterns)
