"""The character n-grams of a message as scikit-learn's `TfidfVectorizer(analyzer="char", sublinear_tf=True)`
weighs them, so that the learnt readers score without scikit-learn at run time."""

import hashlib
import math
import re
from collections import Counter
from pathlib import Path

_WHITESPACE = re.compile(r"\s\s+")


def linear_total(scaled: dict[str, tuple[float, float]], ngram_range: list[int], text: str) -> float:
    """A binary model's score of `text` before its intercept, with `scaled` mapping an n-gram to (idf, idf × weight):
    the dot product of the l2-normalised tf-idf vector with the weights, in one pass."""
    dot = norm2 = 0.0
    for gram, count in ngram_counts(ngram_range, text).items():
        entry = scaled.get(gram)
        if entry is not None:
            tf = _sublinear(count)
            dot += tf * entry[1]
            norm2 += (tf * entry[0]) ** 2
    return dot / (math.sqrt(norm2) or 1.0)


def class_totals(scaled: dict[str, tuple[float, tuple[float, ...]]], intercepts: list[float],
                 ngram_range: list[int], text: str) -> list[float]:
    """A multinomial model's score of each class, intercepts added, with `scaled` mapping an n-gram to
    (idf, idf × each class's weight). Most n-grams occur once and weigh their idf: their columns are summed in one
    pass of `zip` and `sum` rather than n-gram by n-gram, which a long message makes slow."""
    found = [(_sublinear(count), scaled[gram]) for gram, count in ngram_counts(ngram_range, text).items()
             if gram in scaled]
    norm = math.sqrt(sum((tf * idf) ** 2 for tf, (idf, _) in found)) or 1.0
    sums = [sum(column) for column in zip(*(vector for tf, (_, vector) in found if tf == 1.0))] or [0.0] * len(intercepts)
    for tf, (_, vector) in found:
        if tf != 1.0:
            sums = [total + tf * value for total, value in zip(sums, vector)]
    return [intercept + total / norm for intercept, total in zip(intercepts, sums)]


def ngram_counts(ngram_range: list[int], text: str) -> Counter:
    low, high = ngram_range
    text = _WHITESPACE.sub(" ", text.lower())
    return Counter(text[at:at + n] for n in range(low, high + 1) for at in range(len(text) - n + 1))


def _sublinear(count: int) -> float:
    return 1.0 if count == 1 else 1.0 + math.log(count)


def fingerprint(paths: list[Path]) -> str:
    """What a model was learnt from, so that a change of the data without a new model is seen."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
