"""Tasks fixtures: a `town` to register people in, and a `desk` (tests/tasks/helpers.py)."""

import pytest

from tests.members.helpers import Town
from tests.tasks.helpers import Desk


@pytest.fixture
def town(sessions, keyring) -> Town:
    return Town(sessions, keyring)


@pytest.fixture
def desk(sessions, keyring, town) -> Desk:
    return Desk(sessions, keyring, town)
