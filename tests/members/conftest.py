"""Members fixtures: a fresh key ring and a `town` to register people in, per test."""

import pytest

from storage.privacy import KeyRing
from tests.members.helpers import Town


@pytest.fixture
def keyring() -> KeyRing:
    return KeyRing.generate("k1")


@pytest.fixture
def town(sessions, keyring) -> Town:
    return Town(sessions, keyring)
