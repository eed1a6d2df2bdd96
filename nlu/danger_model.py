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

import json
import math
from functools import cache
from pathlib import Path

from .ngram_features import fingerprint, linear_total

__all__ = ["MODEL_FILE", "fingerprint", "load", "probability", "score"]

MODEL_FILE = Path(__file__).with_name("danger_model.json")


@cache
def _model() -> dict:
    return json.loads(MODEL_FILE.read_text(encoding="utf-8"))


def load() -> None:
    """Read the weights now (about 50 ms) rather than on the first message that asks the model."""
    _scaled(_model())


def probability(text: str) -> float:
    """How sure the model is that `text` (as cleanup.clean gives it) tells of danger now, 0 to 1."""
    return score(_model(), text)


def score(model: dict, text: str) -> float:
    """`model` as train_danger_model writes it: n-gram → [idf, weight], and the intercept."""
    total = model["intercept"] + linear_total(_scaled(model), model["ngram_range"], text)
    return 1 / (1 + math.exp(-total))


def _scaled(model: dict) -> dict[str, tuple[float, float]]:
    """The model's weights times each n-gram's idf, worked out once per model (kept in it)."""
    if "_scaled" not in model:
        model["_scaled"] = {gram: (idf, idf * weight) for gram, (idf, weight) in model["features"].items()}
    return model["_scaled"]
