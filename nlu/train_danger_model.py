"""Learn nlu/danger_model.json from the project's labelled messages (needs scikit-learn: `pip install -e '.[train]'`).

    python -m nlu.train_danger_model [--check]

Learnt from: every emergency and near-miss set under tests/nlu/data/ except the untouched_* sets,
which stay out of every tuning so that they measure what a new message meets; the ordinary messages
of the intent sets (tests/nlu/cases.jsonl, regressions.jsonl, data/messy*.jsonl), labelled by whether
their intent is sos; and data/ordinary_phrases.jsonl, what members and the bot say in the
conversation tests (taken once from their string literals where the tables read no danger), so that
the model meets the everyday words of a chat ("不", "钥匙在门口地垫下面") and not only near misses.
Each text is read as danger.py reads it: spaced-out characters joined, voice slips put right.
`--check` only says whether the model on disk was learnt from the data as it is now.
"""

import json
import sys
from pathlib import Path

from . import cleanup, danger, train_cli
from .danger_model import MODEL_FILE, fingerprint

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "nlu"
NGRAM_RANGE = (1, 3)
C = 16.0  # inverse regularisation; chosen by leaving out each set in turn (docs/nlu.md, "Twelfth round")


def training_files() -> list[Path]:
    sos = [path for path in (DATA / "data").glob("*sos*.jsonl") if not path.name.startswith("untouched_")]
    ordinary = [*(DATA / "data").glob("messy*.jsonl"), DATA / "cases.jsonl", DATA / "regressions.jsonl",
                DATA / "data" / "ordinary_phrases.jsonl"]
    return sorted(sos) + sorted(ordinary)


def examples(paths: list[Path]) -> tuple[list[str], list[bool]]:
    texts, labels = [], []
    for path in paths:
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                texts.append(danger.normalised(cleanup.clean(row["text"])))
                labels.append(bool(row["sos"]) if "sos" in row else row.get("intent") == "sos")
    return texts, labels


def train(paths: list[Path]) -> dict:
    from sklearn.feature_extraction.text import TfidfVectorizer
    from sklearn.linear_model import LogisticRegression

    texts, labels = examples(paths)
    vectorizer = TfidfVectorizer(analyzer="char", ngram_range=NGRAM_RANGE, sublinear_tf=True)
    classifier = LogisticRegression(C=C, max_iter=5000, class_weight="balanced")
    classifier.fit(vectorizer.fit_transform(texts), labels)
    weights = classifier.coef_[0]
    return {
        "fingerprint": fingerprint(paths),
        "ngram_range": list(NGRAM_RANGE),
        "intercept": round(float(classifier.intercept_[0]), 6),
        "features": {gram: [round(float(vectorizer.idf_[at]), 5), round(float(weights[at]), 6)]
                     for gram, at in sorted(vectorizer.vocabulary_.items())},
        "examples": len(texts),
    }


def main(argv: list[str] | None = None) -> int:
    return train_cli.run(argv, __doc__.splitlines()[0], MODEL_FILE, training_files(), train, "nlu.train_danger_model")


if __name__ == "__main__":
    sys.exit(main())
