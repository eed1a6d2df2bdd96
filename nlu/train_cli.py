"""What `python -m nlu.train_danger_model` and `python -m nlu.train_intent_model` share: learn a model from
its data files and write it, or with --check only say whether the model on disk was learnt from them."""

import argparse
import json
from collections.abc import Callable
from pathlib import Path

from .ngram_features import fingerprint


def run(argv: list[str] | None, description: str, model_file: Path, paths: list[Path],
        train: Callable[[list[Path]], dict], command: str) -> int:
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--check", action="store_true", help="only say whether the model matches the data")
    args = parser.parse_args(argv)
    if args.check:
        fresh = json.loads(model_file.read_text(encoding="utf-8"))["fingerprint"] == fingerprint(paths)
        print("the model matches its data" if fresh else f"the data changed: run python -m {command}")
        return 0 if fresh else 1
    model = train(paths)
    model_file.write_text(json.dumps(model, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    print(f"{model_file.name}: {model['examples']} examples from {len(paths)} files, {len(model['features'])} n-grams")
    return 0
