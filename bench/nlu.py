"""Benchmark the NLU parser.

    .venv/bin/python bench/nlu.py [DEV.jsonl] [--sos SOS.jsonl] [--repeat N]

Prints a small table: the process start-up cost (import nlu, warm_up with
and without jieba's cache) and parse throughput, p50 and p99 over the dev
set repeated N times after warm-up, each round on another day so that every
message is read afresh, then of a round read again (the parser remembers
short messages per day: the webhook's SOS check and the conversation read
each message twice), and the emergency reader's two figures on the SOS set:
recall of real emergencies and false alarms among near misses. Parse times are given as wall-clock time
and as the thread's CPU time: on a busy machine the first includes waiting
for a CPU, the second is what the parser itself costs. Asserts nothing.
"""

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# This file is itself named nlu.py: keep its folder off the path so that
# "import nlu" finds the package.
sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
sys.path.insert(0, str(ROOT))

import nlu  # noqa: E402

DEFAULT_DEV = os.environ.get("NLU_DEV_SET", str(ROOT.parent / "shared" / "nlu" / "dev.jsonl"))
DEFAULT_SOS = os.environ.get("NLU_SOS_SET", str(ROOT / "tests" / "nlu" / "data" / "sos_messy.jsonl"))

_STARTUP_PROBE = """
import time
started = time.perf_counter()
import nlu
imported = time.perf_counter()
nlu.warm_up()
warmed = time.perf_counter()
print(imported - started, warmed - imported)
"""


def startup_seconds(cache_home: str | None = None) -> tuple[float, float]:
    """(import nlu, warm_up) in a fresh interpreter."""
    env = dict(os.environ)
    if cache_home is not None:
        env["XDG_CACHE_HOME"] = cache_home
    output = subprocess.run(
        [sys.executable, "-c", _STARTUP_PROBE], cwd=ROOT, env=env,
        capture_output=True, text=True, check=True,
    ).stdout.split()
    return float(output[0]), float(output[1])


def parse_micros(messages: list[tuple[str, datetime]]) -> tuple[list[float], list[float], float]:
    """Per-parse wall and CPU times in microseconds, and the wall time of the run."""
    wall, cpu = [], []
    started = time.perf_counter()
    for text, now in messages:
        wall_begun, cpu_begun = time.perf_counter_ns(), time.thread_time_ns()
        nlu.parse(text, now)
        cpu.append((time.thread_time_ns() - cpu_begun) / 1000)
        wall.append((time.perf_counter_ns() - wall_begun) / 1000)
    return wall, cpu, time.perf_counter() - started


def timing_rows(label: str, measured: tuple[list[float], list[float], float]) -> list[tuple[str, str]]:
    wall, cpu, wall_s = measured
    return [
        (f"{label}: throughput", f"{len(wall) / wall_s:.0f} msg/s ({len(wall)} parses)"),
        (f"{label}: p50 wall / cpu", f"{percentile(wall, 0.50):.0f} / {percentile(cpu, 0.50):.0f} us"),
        (f"{label}: p99 wall / cpu", f"{percentile(wall, 0.99):.0f} / {percentile(cpu, 0.99):.0f} us"),
        (f"{label}: max wall / cpu", f"{max(wall):.0f} / {max(cpu):.0f} us"),
    ]


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def sos_figures(path: Path) -> str:
    from nlu.evaluate import load, run_sos, sos_line
    return sos_line(run_sos(load(path))).replace("sos_recall=", "").replace(" false_alarms=", " / ")


def main() -> None:
    arguments = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    arguments.add_argument("dev", nargs="?", default=DEFAULT_DEV, type=Path)
    arguments.add_argument("--sos", default=DEFAULT_SOS, type=Path, help="emergencies and near misses")
    arguments.add_argument("--repeat", type=int, default=20)
    options = arguments.parse_args()

    import_s, warm_s = startup_seconds()
    with tempfile.TemporaryDirectory() as empty_cache:
        _, cold_warm_s = startup_seconds(cache_home=empty_cache)
    lines = [json.loads(line) for line in options.dev.read_text(encoding="utf-8").splitlines() if line.strip()]
    nlu.warm_up()
    rounds = [[(line["text"], datetime.fromisoformat(line["now"]) + timedelta(days=day)) for line in lines]
              for day in range(options.repeat)]
    afresh = parse_micros([message for messages in rounds for message in messages])
    remembered = parse_micros(rounds[-1])

    rows = [
        ("import nlu", f"{import_s * 1000:.1f} ms"),
        ("warm_up, jieba cache present", f"{warm_s * 1000:.0f} ms"),
        ("warm_up, cold jieba cache", f"{cold_warm_s * 1000:.0f} ms"),
        ("dev set", f"{len(lines)} messages x {options.repeat} days"),
        *timing_rows("read afresh", afresh),
        *timing_rows("read again", remembered),
        ("emergencies: set", str(options.sos.name)),
        ("emergencies: recall / false alarms", sos_figures(options.sos)),
    ]
    width = max(len(name) for name, _ in rows)
    print(f"{'metric':<{width}}  value")
    for name, value in rows:
        print(f"{name:<{width}}  {value}")


if __name__ == "__main__":
    main()
