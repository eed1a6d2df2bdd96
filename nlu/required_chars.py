"""The characters a regex cannot match without: at least one of them is in every match.

The matcher skips a pattern whose characters are all absent from a message
without running it. This reads the plain part of the regex language the
lexicon writes (literals, escaped literals, classes of literals, groups,
alternatives, lookarounds, anchors, quantifiers); anything else, or a regex
whose every item may be absent, gives None: the pattern is always run.
"""

from __future__ import annotations

Chars = frozenset[str] | None

ZERO_WIDTH_GROUPS = ("?=", "?!", "?<=", "?<!")
CAPTURE_FREE_GROUPS = ("?:", "?>")
ANCHORS = "^$"
QUANTIFIERS = "?*+{"
ESCAPED_CLASSES = "dDsSwWbBAZ"  # \d, \s …: many characters, or none (\b)
SPECIAL = ".()[]|\\" + ANCHORS + QUANTIFIERS


class Unread(ValueError):
    """A construct this reader does not know."""


def required_chars(regex: str) -> Chars:
    try:
        reader = _Reader(regex)
        chars = reader.alternatives()
        if reader.pos != len(regex):
            raise Unread(regex)
        return chars
    except Unread:
        return None


class _Reader:
    def __init__(self, regex: str):
        self.regex, self.pos = regex, 0

    def alternatives(self) -> Chars:
        branches = [self.sequence()]
        while self._peek() == "|":
            self.pos += 1
            branches.append(self.sequence())
        return None if None in branches else frozenset().union(*branches)

    def sequence(self) -> Chars:
        candidates = []
        while self._peek() not in ("", "|", ")"):
            chars = self.item()
            if not self._quantifier_allows_none() and chars is not None:
                candidates.append(chars)
        return min(candidates, key=len) if candidates else None

    def item(self) -> Chars:
        ch = self.regex[self.pos]
        self.pos += 1
        if ch == "(":
            return self._group()
        if ch == "[":
            return self._class()
        if ch == "\\":
            return self._escape()
        if ch in ANCHORS or ch == ".":
            return None
        if ch in QUANTIFIERS:
            raise Unread(self.regex)  # a quantifier with nothing before it
        return frozenset(ch)

    def _group(self) -> Chars:
        head = next((h for h in ZERO_WIDTH_GROUPS + CAPTURE_FREE_GROUPS if self.regex.startswith(h, self.pos)), "")
        if not head and self._peek() == "?":
            raise Unread(self.regex)  # named groups, flags, conditionals
        self.pos += len(head)
        chars = self.alternatives()
        self._expect(")")
        return None if head in ZERO_WIDTH_GROUPS else chars

    def _class(self) -> Chars:
        end = self.regex.find("]", self.pos + 1)  # a "]" first in the class is a literal
        if end < 0:
            raise Unread(self.regex)
        members = self.regex[self.pos:end]
        self.pos = end + 1
        plain = not members.startswith("^") and not any(ch in "\\-[" for ch in members)
        return frozenset(members) if plain else None

    def _escape(self) -> Chars:
        ch = self._peek()
        if not ch:
            raise Unread(self.regex)
        self.pos += 1
        if ch in ESCAPED_CLASSES:
            return None
        if ch.isalnum():
            raise Unread(self.regex)  # \1, \x41, \n …: not read here
        return frozenset(ch)

    def _quantifier_allows_none(self) -> bool:
        ch = self._peek()
        if ch not in QUANTIFIERS or not ch:
            return False
        if ch == "{":
            end = self.regex.find("}", self.pos)
            low = self.regex[self.pos + 1:end].split(",")[0] if end > 0 else ""
            if not low.isdigit():
                raise Unread(self.regex)
            self.pos = end + 1
            none = int(low) == 0
        else:
            self.pos += 1
            none = ch != "+"
        if self._peek() in ("?", "+") and self._peek():  # lazy or possessive: the same counts
            self.pos += 1
        return none

    def _peek(self) -> str:
        return self.regex[self.pos] if self.pos < len(self.regex) else ""

    def _expect(self, ch: str) -> None:
        if self._peek() != ch:
            raise Unread(self.regex)
        self.pos += 1


class WakeIndex:
    """Which of many patterns a text may match, by the characters each requires: most need one of a few characters
    and a message holds few of them, so only those are tried (asking each of hundreds in turn cost more than
    running the few)."""

    def __init__(self, required: list[Chars]):
        self._always = [at for at, chars in enumerate(required) if chars is None]
        self._woken_by: dict[str, list[int]] = {}
        for at, chars in enumerate(required):
            for char in chars or ():
                self._woken_by.setdefault(char, []).append(at)

    def woken(self, text: str) -> list[int]:
        """The patterns that may match `text`, in their order."""
        found = set(self._always)
        for char in set(text):
            found.update(self._woken_by.get(char, ()))
        return sorted(found)
