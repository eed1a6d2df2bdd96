"""jieba, loaded once, quietly, with the domain words of the lexicon.

A private jieba.Tokenizer is used so that other code importing jieba keeps
its own dictionary; its cache goes to the user's cache directory, never into
the source tree.
"""

import logging
import os
import tempfile
import threading
from pathlib import Path

import jieba

from . import lexicon

_lock = threading.Lock()
_tokenizer: jieba.Tokenizer | None = None


def domain_words() -> set[str]:
    """Multi-character words of the lexicon that jieba should keep whole."""
    tables = [
        *lexicon.INTENT_CUES.values(), *lexicon.SERVICE_CUES.values(),
        *lexicon.ROLE_CUES.values(), *lexicon.AUDIENCE_CUES.values(),
        *lexicon.YES_NO_CUES.values(),
        lexicon.SCORE_WORDS, lexicon.PERIODS, lexicon.RELATIVE_DAYS, lexicon.FIXED_DURATIONS,
        lexicon.NEUTRAL_PHRASES, lexicon.NEGATIONS, lexicon.DISMISSALS, lexicon.TASK_WORDS_BEFORE,
    ]
    weekdays = {
        prefix + week + name
        for prefix in lexicon.WEEK_PREFIXES
        for week in lexicon.WEEK_WORDS
        for name in lexicon.WEEKDAY_NAMES
        if not name.isdigit()
    }
    return {word for table in tables for word in table if len(word) > 1} | weekdays


def cache_dir() -> str:
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    path = os.path.join(base, "timebank-nlu")
    try:
        os.makedirs(path, exist_ok=True)
    except OSError:
        return tempfile.gettempdir()
    return path


def _load() -> jieba.Tokenizer:
    logging.getLogger("jieba").setLevel(logging.WARNING)
    tokenizer = jieba.Tokenizer()
    tokenizer.tmp_dir = cache_dir()
    tokenizer.initialize()
    for word in sorted(domain_words()):
        tokenizer.add_word(word)
    return tokenizer


def get() -> jieba.Tokenizer:
    global _tokenizer
    if _tokenizer is None:
        with _lock:
            if _tokenizer is None:
                _tokenizer = _load()
    return _tokenizer


def cut(text: str) -> list[str]:
    # Without HMM, unknown characters stay single tokens: boundaries are then
    # predictable, which is what cue alignment needs.
    return get().lcut(text, HMM=False)
