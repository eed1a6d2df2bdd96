"""A learnt second reader of intents, for the messages the lexicon cannot place.

The lexicon (lexicon.py) is precise but each new set of messages brings words it does not hold yet
("查订单", "我还剩几个钟", "有什么东西可以换的"). This model, a multinomial logistic regression over
character 1-3-grams learnt from the project's labelled messages, is asked only where the lexicon found
no intent or only a service word to go on ("今天菜市场人真多" names a market, and asks nothing); parser.py
takes its reading when it is sure enough (`TAKES_AT`). `python -m nlu.train_intent_model` writes intent_model.json from the data it names.
"""

import json
import math
from functools import cache
from pathlib import Path

from .ngram_features import class_totals

MODEL_FILE = Path(__file__).with_name("intent_model.json")
# Read by leaving out each data file in turn (docs/nlu.md, "Fifteenth round"): at 0.6 two readings the
# lexicon had right were lost in 2,905, and on the round's fresh set five of thirteen misses were put right.
TAKES_AT = 0.6
NEVER_GUESSED = ("sos",)  # danger is danger.py's alone


@cache
def _model() -> dict:
    return json.loads(MODEL_FILE.read_text(encoding="utf-8"))


def load() -> None:
    _scaled(_model())


def _scaled(model: dict) -> dict[str, tuple[float, tuple[float, ...]]]:
    """The model's weights times each n-gram's idf, worked out once per model (kept in it)."""
    if "_scaled" not in model:
        model["_scaled"] = {gram: (idf, tuple(idf * weight for weight in weights))
                            for gram, (idf, weights) in model["features"].items()}
    return model["_scaled"]


def guess(text: str) -> tuple[str, float] | None:
    """The intent the model is sure enough of for `text` (as cleanup.clean gives it), and how sure."""
    intent, sure = best(_model(), text)
    return (intent, sure) if sure >= TAKES_AT and intent not in NEVER_GUESSED else None


def best(model: dict, text: str) -> tuple[str, float]:
    """`model` as train_intent_model writes it: the most likely intent and its probability."""
    totals = class_totals(_scaled(model), model["intercepts"], model["ngram_range"], text)
    top = max(totals)
    exps = [math.exp(total - top) for total in totals]
    at = exps.index(1.0)
    return model["classes"][at], 1.0 / sum(exps)
