"""What parse() returns."""

from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Parse:
    intent: str                                  # one of schema.INTENTS
    slots: dict[str, Any] = field(default_factory=dict)
    confidence: float = 0.0                      # 0..1
    learnt: bool = False                         # the intent is the learnt reader's (intent_model.py), not the lexicon's
