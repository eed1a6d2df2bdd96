"""Learn nlu/intent_model.json from the project's labelled messages (needs scikit-learn: `pip install -e '.[train]'`).

    python -m nlu.train_intent_model [--check]

Learnt from every intent set under tests/nlu/ (cases.jsonl, regressions.jsonl, data/messy*.jsonl) except
the untouched_* sets, which stay out of every tuning. Each text is read as the parser reads it (clean-up).
`--check` only says whether the model on disk was learnt from the data as it is now.
"""

import json
import sys
from pathlib import Path

from . import cleanup, train_cli
from .intent_model import MODEL_FILE
from .ngram_features import fingerprint

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "nlu"
NGRAM_RANGE = (1, 3)
C = 10.0       # inverse regularisation, read by leaving out each data file in turn
MIN_MESSAGES = 2  # an n-gram met in one message only says little of the next, and doubles the file
DIGITS = 4


def training_files() -> list[Path]:
    messy = [path for path in (DATA / "data").glob("messy*.jsonl")]
    return sorted(messy) + [DATA / "cases.jsonl", DATA / "regressions.jsonl"]


def examples(paths: list[Path]) -> tuple[list[str], list[str]]:
    texts, labels = [], []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip() and "intent" in (row := json.loads(line)):
                texts.append(cleanup.clean(row["text"]))
                labels.append(row["intent"])
    return texts, labels


def train(paths: list[Path]) -> dict:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts, labels = examples(paths)
    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=NGRAM_RANGE, sublinear_tf=True, min_df=MIN_MESSAGES)
    classifier = LogisticRegression(C=C, max_iter=5000)
    classifier.fit(vectorizer.fit_transform(texts), labels)
    return {
        "fingerprint": fingerprint(paths),
        "ngram_range": list(NGRAM_RANGE),
        "classes": [str(label) for label in classifier.classes_],
        "intercepts": [round(float(value), DIGITS) for value in classifier.intercept_],
        "features": {gram: [round(float(vectorizer.idf_[at]), DIGITS),
                            [round(float(weight), DIGITS) for weight in classifier.coef_[:, at]]]
                     for gram, at in sorted(vectorizer.vocabulary_.items())},
        "examples": len(texts),
    }


def main(argv: list[str] | None = None) -> int:
    return train_cli.run(argv, __doc__.splitlines()[0], MODEL_FILE, training_files(), train, "nlu.train_intent_model")


if __name__ == "__main__":
    sys.exit(main())
