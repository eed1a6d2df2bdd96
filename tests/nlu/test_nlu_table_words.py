"""Every word in the parser's tables is one a cleaned message can hold.

Both readers match their tables against the message as clean-up gives it: simplified, dialect words
and voice slips put right, stutters collapsed ("好好的" was read as "好的" while 好 was a stutter, so
"人好好的" in SAID_SAFE never matched). A phrase clean-up would change can never be found; this
keeps such a phrase out of the tables.
"""

import ast
import re
from pathlib import Path

import pytest

from nlu import cleanup, danger_words, lexicon
from nlu.schema import INTENTS, SERVICE_CODES

# The names a table gives its rows, never matched: intents, services, the kinds of a period ("noon").
LABELS = {*INTENTS, *SERVICE_CODES, "as_is", "noon", "afternoon"}
REGEX_MARKS = re.compile(r"[()\[\]|\\^$?*+{}.]")
# Tables that are not matched against cleaned text: clean-up's own, and danger.py's variants of it.
NOT_MATCHED = {"VARIANTS", "TRADITIONAL_TO_SIMPLIFIED", "FILLERS", "STUTTER_CHARS", "ANSWER_PARTICLES",
               "DANGER_VARIANTS", "ENGLISH_WORDS"}


def _words(value):
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for key, inner in value.items():
            yield key
            if not isinstance(inner, (int, float)):
                yield from _words(inner)
    elif isinstance(value, (tuple, list)):
        for inner in value:
            yield from _words(inner)


def _table_words():
    for module in (lexicon, danger_words):
        for name in dir(module):
            if name.isupper() and name not in NOT_MATCHED:
                for word in set(_words(getattr(module, name))):
                    if not REGEX_MARKS.search(word) and "_" not in word and word not in LABELS:
                        yield f"{module.__name__}.{name}", word


def _as_cleaned(word: str) -> str:
    """The word as it stands inside a message: fenced, so that a filler rule for a clause's start
    ("额" of "额头" alone) does not count."""
    return cleanup.clean("ω" + word + "ω").strip("ω")


def test_no_table_holds_a_word_that_clean_up_would_change():
    never_found = [(table, word, _as_cleaned(word)) for table, word in _table_words()
                   if _as_cleaned(word).replace(" ", "") != word.replace(" ", "")]
    assert never_found == []


def test_every_yes_and_no_survives_clean_up_said_as_a_whole_message():
    # An answer opens its clause, where clean-up drops fillers: "嗯呐" was read as "呐".
    answers = [word for table in (lexicon.INTENT_CUES, lexicon.YES_NO_CUES) for label in ("affirm", "deny")
               for word in table[label]]
    assert [word for word in answers if cleanup.clean(word) != word] == []


@pytest.mark.parametrize("said, read", [
    ("人好好的", "人好好的"),        # well, not "好的"
    ("好好好", "好"),                # a stutter still collapses when tripled
    ("有冇陪诊的任务", "有没有陪诊的任务"),
    ("冇得力气", "没有力气"),
    ("跌倒哒", "跌倒了"),
    ("还有几多时间币", "还有多少时间币"),
    ("莫再发了", "别再发了"),
    ("哪个帮我取下快递", "谁帮我取下快递"),
    ("我要去消明天的单", "我要取消明天的单"),
    ("明天去消费", "明天去消费"),    # a going to spend, not a cancel
    ("嗯呐", "嗯呐"),                # a northern yes, not the particle left after a filler
    ("阿拉勿要", "我不要"),          # Wu
    ("唔使喇", "不用喇"),            # Cantonese
])
def test_dialect_words_and_voice_slips_are_read_in_their_written_form(said, read):
    assert cleanup.clean(said) == read


@pytest.mark.parametrize("module", [lexicon, danger_words], ids=lambda m: m.__name__)
def test_no_word_is_written_twice_in_one_table(module):
    # A dict literal keeps the last of two equal keys: a word given a weight in one round and written again,
    # lighter, in another silently loses the first ("退休金": 3 was read as 2 until round twenty-five).
    tree = ast.parse(Path(module.__file__).read_text(encoding="utf-8"))
    twice = [key.value for table in ast.walk(tree) if isinstance(table, ast.Dict)
             for seen in [set()] for key in table.keys
             if isinstance(key, ast.Constant) and (key.value in seen or seen.add(key.value))]
    assert twice == []
