"""A second reader of danger, learnt from the project's labelled messages: it weighs the tables' reading.

The tables in danger_words.py are precise but cannot list every way a frightened person puts it, and
on messages they were not tuned on this model reads better than they do (docs/nlu.md, "Twelfth
round"). It is a logistic regression over character 1-3-grams, tf-idf weighted, as scikit-learn's
`TfidfVectorizer(analyzer="char", sublinear_tf=True)` builds them; danger.py asks it of every message
and raises or drops the tables' reading by its bars. It never raises an alarm, only a doubt: the
numbers and "您现在有危险吗？". `python -m nlu.train_danger_model` writes danger_model.json from the
data it names.
Scoring is a dot product over the message's n-grams, so the bot needs no scikit-learn at run time.
"""

import hashlib
import json
import math
import re
from collections import Counter
from functools import cache
from pathlib import Path

MODEL_FILE = Path(__file__).with_name("danger_model.json")
_WHITESPACE = re.compile(r"\s\s+")


@cache
def _model() -> dict:
    return json.loads(MODEL_FILE.read_text(encoding="utf-8"))


def load() -> None:
    """Read the weights now (about 50 ms) rather than on the first message that asks the model."""
    _model()


def probability(text: str) -> float:
    """How sure the model is that `text` (as cleanup.clean gives it) tells of danger now, 0 to 1."""
    return score(_model(), text)


def score(model: dict, text: str) -> float:
    """`model` as train_danger_model writes it: n-gram → [idf, weight], and the intercept."""
    features = model["features"]
    low, high = model["ngram_range"]
    text = _WHITESPACE.sub(" ", text.lower())
    counts = Counter(text[at:at + n] for n in range(low, high + 1) for at in range(len(text) - n + 1))
    weighted = [((1 + math.log(count)) * features[gram][0], features[gram][1])
                for gram, count in counts.items() if gram in features]
    norm = math.sqrt(sum(value * value for value, _ in weighted)) or 1.0
    total = model["intercept"] + sum(value * weight for value, weight in weighted) / norm
    return 1 / (1 + math.exp(-total))


def fingerprint(paths: list[Path]) -> str:
    """What the model was learnt from, so that a change of the data without a new model is seen."""
    digest = hashlib.sha256()
    for path in sorted(paths):
        digest.update(path.name.encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()
