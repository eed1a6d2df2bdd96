"""The matcher skips a pattern when a message has none of the characters every match of it holds."""

import re

from hypothesis import given
from hypothesis import strategies as st

from nlu import lexicon
from nlu.required_chars import required_chars

PATTERNS = [regex for table in (lexicon.INTENT_PATTERNS, lexicon.SERVICE_PATTERNS, lexicon.ROLE_PATTERNS)
            for texts in table.values() for regex in texts]
LETTERS = "我要买菜药帮妈接单转了个币时间换发公园 123"


def test_every_lexicon_pattern_can_be_skipped_on_a_message_without_its_words():
    assert PATTERNS and not [regex for regex in PATTERNS if required_chars(regex) is None]


def test_the_smallest_set_of_required_characters_is_kept_and_optional_ones_never_count():
    assert required_chars("擦.{0,2}身") == frozenset("擦")
    assert required_chars("(帮|替|代)我?") == frozenset("帮替代")
    assert required_chars("(帮|替|代)(我|他)") == frozenset("我他")  # the smaller of two sets
    assert required_chars("换(成)?(现金|钱)") == frozenset("换")
    assert required_chars("a?b*c{0,3}") is None
    assert required_chars("(?!不)想") == frozenset("想")


def test_what_the_reader_does_not_know_is_always_run():
    assert required_chars(r"(?P<who>我)") is None
    assert required_chars(r"(?i)ab") is None  # a flag changes which characters match
    assert required_chars(r"\u6211") is None


@given(st.sampled_from(PATTERNS), st.text(alphabet=LETTERS, max_size=12))
def test_a_message_without_the_required_characters_never_matches(regex, text):
    if required_chars(regex).isdisjoint(text):
        assert re.search(regex, text) is None
