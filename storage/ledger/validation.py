"""Refusing malformed requests before any database work."""

from __future__ import annotations

from datetime import datetime

from storage.ledger.errors import InvalidRequest, NonPositiveAmount, SameAccount
from storage.ledger.idempotency import check_key
from storage.ledger.models import REF_LENGTH
from storage.ledger.types import REVERSAL, TRANSFER_KINDS

# Reversals are made only by `reverse`, which ties them to the transfer they undo.
REQUESTABLE_KINDS = tuple(kind for kind in TRANSFER_KINDS if kind != REVERSAL)


def check_amount(amount) -> None:
    if not isinstance(amount, int) or isinstance(amount, bool):
        raise InvalidRequest(f"amounts are whole minutes, got {amount!r}")
    if amount <= 0:
        raise NonPositiveAmount(f"the amount must be positive, got {amount}")


def check_movement(debit_id: int, credit_id: int, amount, kind: str, key: str, actor: str) -> None:
    check_amount(amount)
    if debit_id == credit_id:
        raise SameAccount(f"account {debit_id} cannot pay itself")
    if kind not in REQUESTABLE_KINDS:
        raise InvalidRequest(f"kind must be one of {', '.join(REQUESTABLE_KINDS)}, got {kind!r}")
    check_key(key)
    check_actor(actor)


def check_actor(actor: str) -> None:
    if not actor or len(actor) > REF_LENGTH:
        raise InvalidRequest(f"an actor must be 1 to {REF_LENGTH} characters, got {actor!r}")


def check_aware(moment: datetime, name: str) -> None:
    if moment.tzinfo is None:
        raise InvalidRequest(f"{name} must be timezone-aware")
