"""Members fixtures: a `town` to register people in, per test."""

import pytest

from tests.members.helpers import Town


@pytest.fixture
def town(sessions, keyring) -> Town:
    return Town(sessions, keyring)
