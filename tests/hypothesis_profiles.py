"""Hypothesis profiles, loaded by tests/conftest.py: `ci` (the default) and `long`.

- `ci`: derandomized (each property's examples are fixed by its name, the same on every run and machine),
  no per-example deadline (a shared CI machine must not turn slowness into a failure), the project's
  example counts. A failure on CI is reproduced by running the same test again.
- `long`: random examples, ten times as many, for exploring on a developer's machine:
  `HYPOTHESIS_PROFILE=long .venv/bin/pytest tests/nlu/test_nlu_properties.py`.

A property with its own budget writes `max_examples=examples(N)`: N under `ci`, ten times N under `long`.
"""

from __future__ import annotations

import os

from hypothesis import settings

CI_EXAMPLES = 100
LONG_FACTOR = 10

settings.register_profile("ci", derandomize=True, deadline=None, max_examples=CI_EXAMPLES, print_blob=True)
settings.register_profile("long", derandomize=False, deadline=None, max_examples=CI_EXAMPLES * LONG_FACTOR,
                          print_blob=True)


def load() -> str:
    name = os.environ.get("HYPOTHESIS_PROFILE", "ci")
    settings.load_profile(name)
    return name


def examples(count: int) -> int:
    """A property's own example count, scaled as the loaded profile scales the default."""
    return max(1, count * settings.default.max_examples // CI_EXAMPLES)
