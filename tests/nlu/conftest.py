"""Fixtures for the NLU tests (helpers live here as fixtures so that no test
module imports another)."""

import os
from datetime import datetime
from pathlib import Path

import pytest

import nlu

# A Wednesday morning, for stories that do not care about the day.
WEDNESDAY = datetime(2026, 3, 11, 10, 0)


@pytest.fixture(scope="session", autouse=True)
def loaded_dictionary():
    nlu.warm_up()


@pytest.fixture(scope="session")
def cases_path() -> Path:
    return Path(__file__).parent / "cases.jsonl"


@pytest.fixture(scope="session")
def regressions_path() -> Path:
    """Probe lines written after cases.jsonl, each round measured before the
    parser was tuned on it; kept so later changes do not undo the fixes."""
    return Path(__file__).parent / "regressions.jsonl"


@pytest.fixture(scope="session")
def dev_path() -> Path:
    # shared/ sits beside the checkout, for developers and CI alike.
    default = Path(__file__).resolve().parents[3] / "shared" / "nlu" / "dev.jsonl"
    path = Path(os.environ.get("NLU_DEV_SET", default))
    if not path.exists():
        pytest.skip(f"dev set not found at {path} (set NLU_DEV_SET)")
    return path


@pytest.fixture
def understand():
    def read(text: str, now: datetime = WEDNESDAY, expecting: str | None = None) -> nlu.Parse:
        return nlu.parse(text, now, expecting=expecting)
    return read
