"""The character n-grams of a message as scikit-learn's `TfidfVectorizer(analyzer="char", sublinear_tf=True)`
weighs them, so that the learnt readers score without scikit-learn at run time."""

import hashlib
import math
import re
from collections import Counter
from pathlib import Path
from typing import Any

_WHITESPACE = re.compile(r"\s\s+")


def weighted(features: dict[str, list], ngram_range: list[int], text: str) -> list[tuple[float, Any]]:
    """Each n-gram of `text` the model knows, as (tf-idf value, its weights), l2-normalised.
    `features` maps an n-gram to [idf, weights]."""
    low, high = ngram_range
    text = _WHITESPACE.sub(" ", text.lower())
    counts = Counter(text[at:at + n] for n in range(low, high + 1) for at in range(len(text) - n + 1))
    found = [((1 + math.log(count)) * features[gram][0], features[gram][1])
             for gram, count in counts.items() if gram in features]
    norm = math.sqrt(sum(value * value for value, _ in found)) or 1.0
    return [(value / norm, weights) for value, weights in found]


def fingerprint(paths: list[Path]) -> str:
    """What a model was learnt from, so that a change of the data without a new model is seen."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
