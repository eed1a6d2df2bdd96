"""python -m nlu.evaluate [FILE.jsonl] [--sos SOS.jsonl]

Reads labelled lines ({"text", "now", "intent", "slots"}), prints per-intent
precision and recall and the misses, and ends with exactly one line:

    intent_accuracy=0.973 slot_accuracy=0.941 n=212 p50_us=85 p99_us=310

Only the slots of an intent's contract row are scored; a line counts for
slot_accuracy when its intent is right and those slots equal the labels.
Times are first readings after warm-up: the parser's cache of readings is
cleared before every timed parse, so nothing is served from memory. Each line
is timed TIMING_RUNS times and its median kept, so that one scheduler hiccup
does not count as parse time.

With --sos, reads {"text", "sos": true|false} lines and ends with

    sos_recall=1.000 false_alarms=0/40

where a message counts as read as an emergency when its intent is "sos"
(an alarm or a doubt: both show the emergency numbers).
"""

import argparse
import json
import statistics
import sys
import time
from collections import Counter
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from . import danger_of, parse, parser, warm_up
from .schema import INTENT_SLOTS

MISSES_SHOWN = 25
TIMING_RUNS = 5


@dataclass(frozen=True, slots=True)
class Outcome:
    text: str
    expected_intent: str
    got_intent: str
    expected_slots: dict
    got_slots: dict
    micros: float

    @property
    def intent_right(self) -> bool:
        return self.expected_intent == self.got_intent

    @property
    def slots_right(self) -> bool:
        return self.intent_right and self.expected_slots == self.got_slots


@dataclass(frozen=True, slots=True)
class Summary:
    intent_accuracy: float
    slot_accuracy: float
    n: int
    p50_us: int
    p99_us: int

    def line(self) -> str:
        return (f"intent_accuracy={self.intent_accuracy:.3f} slot_accuracy={self.slot_accuracy:.3f} "
                f"n={self.n} p50_us={self.p50_us} p99_us={self.p99_us}")


def scored(intent: str, slots: dict) -> dict:
    names = INTENT_SLOTS.get(intent, ())
    return {name: value for name, value in slots.items() if name in names}


def run(lines: list[dict]) -> list[Outcome]:
    warm_up()
    outcomes = []
    for line in lines:
        now = datetime.fromisoformat(line["now"])
        result = parse(line["text"], now)
        outcomes.append(Outcome(
            line["text"], line["intent"], result.intent,
            scored(line["intent"], line["slots"]), scored(line["intent"], result.slots),
            parse_micros(line["text"], now),
        ))
    return outcomes


def parse_micros(text: str, now: datetime) -> float:
    runs = []
    for _ in range(TIMING_RUNS):
        parser.forget_readings()
        started = time.perf_counter_ns()
        parse(text, now)
        runs.append((time.perf_counter_ns() - started) / 1000)
    return statistics.median(runs)


def percentile(values: list[float], share: float) -> int:
    ordered = sorted(values)
    return round(ordered[min(len(ordered) - 1, int(share * len(ordered)))])


def summarize(outcomes: list[Outcome]) -> Summary:
    n = len(outcomes)
    micros = [o.micros for o in outcomes]
    return Summary(
        intent_accuracy=sum(o.intent_right for o in outcomes) / n,
        slot_accuracy=sum(o.slots_right for o in outcomes) / n,
        n=n, p50_us=percentile(micros, 0.50), p99_us=percentile(micros, 0.99),
    )


def confusion_report(outcomes: list[Outcome]) -> str:
    expected = Counter(o.expected_intent for o in outcomes)
    got = Counter(o.got_intent for o in outcomes)
    right = Counter(o.expected_intent for o in outcomes if o.intent_right)
    rows = [f"{'intent':<14}{'precision':>10}{'recall':>8}{'n':>5}"]
    for intent in sorted(expected.keys() | got.keys()):
        precision = right[intent] / got[intent] if got[intent] else 0.0
        recall = right[intent] / expected[intent] if expected[intent] else 0.0
        rows.append(f"{intent:<14}{precision:>10.2f}{recall:>8.2f}{expected[intent]:>5}")
    return "\n".join(rows)


def misses_report(outcomes: list[Outcome]) -> str:
    intent_misses = [o for o in outcomes if not o.intent_right]
    slot_misses = [o for o in outcomes if o.intent_right and not o.slots_right]
    rows = [f"misses: {len(intent_misses)} intent, {len(slot_misses)} slots"]
    for o in (intent_misses + slot_misses)[:MISSES_SHOWN]:
        if o.intent_right:
            rows.append(f"  slots   {o.text}\n"
                        f"          expected {o.expected_slots}\n          got      {o.got_slots}")
        else:
            rows.append(f"  intent  {o.text}\n          expected {o.expected_intent}, got {o.got_intent}")
    return "\n".join(rows)


@dataclass(frozen=True, slots=True)
class SosOutcome:
    text: str
    expected: bool
    read_as_sos: bool  # parse() says "sos", the interface the bot and the held-out sets use
    level: str         # how sure: alarm (alert at once) or doubt (ask first)


def run_sos(lines: list[dict]) -> list[SosOutcome]:
    warm_up()
    now = datetime(2026, 1, 1, 9, 0)
    return [SosOutcome(line["text"], line["sos"], parse(line["text"], now).intent == "sos",
                       danger_of(line["text"]).level) for line in lines]


def sos_report(outcomes: list[SosOutcome]) -> str:
    rows = [f"  {'missed' if o.expected else 'false ' + o.level}  {o.text}"
            for o in outcomes if o.expected != o.read_as_sos]
    alarms = sum(o.level == "alarm" for o in outcomes if o.expected)
    return "\n".join([f"emergencies: {alarms} alarm at once, the rest doubt or missed", *rows])


def sos_line(outcomes: list[SosOutcome]) -> str:
    real = [o for o in outcomes if o.expected]
    near = [o for o in outcomes if not o.expected]
    recall = sum(o.read_as_sos for o in real) / len(real) if real else 1.0
    return f"sos_recall={recall:.3f} false_alarms={sum(o.read_as_sos for o in near)}/{len(near)}"


def load(path: Path) -> list[dict]:
    with path.open(encoding="utf-8") as lines:
        return [json.loads(line) for line in lines if line.strip()]


def main(argv: list[str] | None = None) -> int:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("file", type=Path, nargs="?", help="labelled lines in the contract's JSONL form")
    arguments.add_argument("--sos", type=Path, help="emergencies and near misses: {text, sos} lines")
    options = arguments.parse_args(argv)
    if options.file is None and options.sos is None:
        arguments.error("give a FILE, --sos FILE, or both")
    if options.file is not None:
        outcomes = run(load(options.file))
        print(confusion_report(outcomes))
        print(misses_report(outcomes))
        print(summarize(outcomes).line())
    if options.sos is not None:
        sos = run_sos(load(options.sos))
        print(sos_report(sos))
        print(sos_line(sos))
    return 0


if __name__ == "__main__":
    sys.exit(main())
