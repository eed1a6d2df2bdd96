"""The knowledge base: questions people ask about the time bank, and their answers, as data.

The answers ship in handlers/faq.toml; staff may keep an override file beside
the config (`[knowledge] faq_file`) whose entries replace shipped ones by id,
field by field, or add new ones. Pure: no database, no NLU. Matching takes the
tokenizer as an argument, so the caller decides how a message is cut into words.
"""

from __future__ import annotations

import re
import string
import tomllib
from dataclasses import dataclass, replace
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any, Callable, Sequence

# The entry that explains the time bank as a whole: the answer to `about` when nothing more precise matches.
ABOUT_ID = "about"

# What an answer may name in braces; the handler fills every one of them from the configuration.
PLACEHOLDERS = frozenset({
    "community",  # the bank's name, [community] name
    "hotline",  # [community] hotline
    "elder_age",  # [exchange] elder_age: the pool pays for elders this old who cannot
    "self_spend_age",  # [exchange] self_spend_age: from this age one may spend on oneself
    "gift_recipient_age",  # [exchange] gift_recipient_age: credits go only to relatives this old
    "cap",  # [ledger] cap_hours, as 1500小时
    "daily_gift_limit",  # [ledger] daily_transfer_limit_minutes, as 10小时
    "standard",  # the service catalogue, one line per service with its weight
    "certified_services",  # the services that need a training certificate, 陪诊就医、助浴
    "star_steps",  # [engagement] star_hours, as 1★ 100小时、2★ 300小时…
})

ENTRY_KEYS = {"id", "question", "keywords", "examples", "answer"}
ID_FORM = re.compile(r"^[a-z][a-z0-9_]{0,31}$")
MAX_QUESTION, MAX_ANSWER = 24, 1200

# Example words that say nothing about which question is asked.
COMMON_WORDS = frozenset({
    "时间银行", "时间", "什么", "怎么", "怎样", "如何", "可以", "能不能", "是不是", "有没有", "我们", "你们", "自己",
    "这个", "那个", "多少", "怎么办", "为什么", "什么样", "请问", "一下", "知道", "还是", "时候",
})

Words = Callable[[str], Sequence[str]]


class FaqError(ValueError):
    """A wrong FAQ file; `where` names the entry and field at fault, e.g. `faq "privacy".answer` ("": the file)."""

    def __init__(self, where: str, problem: str):
        super().__init__(f"{where}: {problem}" if where else problem)
        self.where, self.problem = where, problem


@dataclass(frozen=True)
class FaqEntry:
    id: str
    question: str  # as listed for the member to pick by number: short
    keywords: tuple[str, ...]  # phrases that settle which question it is
    examples: tuple[str, ...]  # natural ways to ask it; their words count too
    answer: str  # plain text with {placeholders}


@dataclass(frozen=True)
class Match:
    entry: FaqEntry
    score: float
    by_keyword: bool  # at least one keyword was said, not only words of the examples


@dataclass(frozen=True)
class Faq:
    entries: tuple[FaqEntry, ...]

    def entry(self, entry_id: str) -> FaqEntry | None:
        return next((entry for entry in self.entries if entry.id == entry_id), None)

    @property
    def about(self) -> FaqEntry:
        return self.entry(ABOUT_ID)

    @property
    def listed(self) -> tuple[FaqEntry, ...]:
        """The questions offered by number, after the general answer (which is not one of them)."""
        return tuple(entry for entry in self.entries if entry.id != ABOUT_ID)

    def best_match(self, text: str, words: Words) -> Match | None:
        """The entry whose keywords and example words the message says most of; None below MIN_SCORE.

        Ties go to the entry that matched more characters, then to the earlier one in the file.
        """
        said = tuple(words(text))
        scored = [(_score(entry, said, words), -position, entry) for position, entry in enumerate(self.entries)]
        (score, matched_chars, by_keyword), _, entry = max(scored, key=lambda item: (item[0][:2], item[1]))
        return Match(entry, score, by_keyword) if score >= MIN_SCORE else None


# A keyword said counts 2, each word shared with an example 1: one keyword, or two telling words, is enough.
KEYWORD_SCORE, EXAMPLE_WORD_SCORE, MIN_SCORE = 2.0, 1.0, 2.0


def _score(entry: FaqEntry, said: Sequence[str], words: Words) -> tuple[float, int, bool]:
    said_text, said_words = "".join(said), set(said)
    keywords = [keyword for keyword in (_normal(phrase, words) for phrase in entry.keywords)
                if keyword and (keyword in said_words if len(keyword) == 1 else keyword in said_text)]
    shared = said_words & _example_words(entry.examples, words)
    score = KEYWORD_SCORE * len(keywords) + EXAMPLE_WORD_SCORE * len(shared)
    return score, sum(map(len, keywords)) + sum(map(len, shared)), bool(keywords)


@lru_cache(maxsize=4096)
def _normal(phrase: str, words: Words) -> str:
    """A keyword in the form messages are compared in (cleaned by the same tokenizer), without spaces."""
    return "".join(words(phrase))


@lru_cache(maxsize=1024)
def _example_words(examples: tuple[str, ...], words: Words) -> frozenset[str]:
    return frozenset(word for example in examples for word in words(example)
                     if len(word) > 1 and word not in COMMON_WORDS)


# ---------------------------------------------------------------- loading

SHIPPED = "faq.toml"


@lru_cache(maxsize=1)
def shipped_faq() -> Faq:
    """The answers that come with the bot (handlers/faq.toml)."""
    text = resources.files(__package__).joinpath(SHIPPED).read_text(encoding="utf-8")
    return Faq(_merge((), _entries(tomllib.loads(text))))


def load_faq(override: Path | None = None) -> Faq:
    """The shipped answers, with an override file's entries replacing them by id or added after them."""
    faq = shipped_faq()
    if override is None:
        return faq
    try:
        data = tomllib.loads(override.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise FaqError("", "no such file") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise FaqError("", f"not valid TOML ({error})") from None
    return Faq(_merge(faq.entries, _entries(data)))


def _entries(data: dict[str, Any]) -> list[dict[str, Any]]:
    if unknown := sorted(set(data) - {"faq"}):
        raise FaqError(unknown[0], "unknown key; write entries as [[faq]] tables")
    tables = data.get("faq", [])
    if not isinstance(tables, list) or not all(isinstance(table, dict) for table in tables):
        raise FaqError("faq", "must be [[faq]] tables")
    seen: set[str] = set()
    for number, table in enumerate(tables, 1):
        entry_id = table.get("id")
        if not isinstance(entry_id, str) or not ID_FORM.match(entry_id):
            raise FaqError(f"faq[{number}].id", f"must be lower-case letters, digits or _, got {entry_id!r}")
        if entry_id in seen:
            raise FaqError(f'faq "{entry_id}"', "the same id appears twice in one file")
        seen.add(entry_id)
        if unknown := sorted(set(table) - ENTRY_KEYS):
            raise FaqError(f'faq "{entry_id}".{unknown[0]}', f"unknown key; expected {', '.join(sorted(ENTRY_KEYS))}")
    return tables


def _merge(entries: tuple[FaqEntry, ...], tables: list[dict[str, Any]]) -> tuple[FaqEntry, ...]:
    merged = {entry.id: entry for entry in entries}
    for table in tables:
        entry_id = table["id"]
        fields = {key: _field(entry_id, key, value) for key, value in table.items() if key != "id"}
        if entry_id in merged:
            merged[entry_id] = replace(merged[entry_id], **fields)
        else:
            if missing := sorted({"question", "answer"} - set(fields)):
                raise FaqError(f'faq "{entry_id}".{missing[0]}', "missing (a new entry needs a question and an answer)")
            merged[entry_id] = FaqEntry(entry_id, fields["question"], fields.get("keywords", ()),
                                        fields.get("examples", ()), fields["answer"])
    if ABOUT_ID not in merged:
        raise FaqError(f'faq "{ABOUT_ID}"', "missing: the general answer about the time bank")
    for entry in merged.values():
        if not entry.keywords and not entry.examples and entry.id != ABOUT_ID:
            raise FaqError(f'faq "{entry.id}".keywords', "needs keywords or examples, or nobody can reach it")
    return tuple(merged.values())


def _field(entry_id: str, key: str, value: Any) -> Any:
    where = f'faq "{entry_id}".{key}'
    if key in ("keywords", "examples"):
        if not isinstance(value, list) or not all(isinstance(item, str) and item.strip() for item in value):
            raise FaqError(where, "must be a list of non-empty texts")
        return tuple(item.strip() for item in value)
    limit = MAX_QUESTION if key == "question" else MAX_ANSWER
    if not isinstance(value, str) or not value.strip():
        raise FaqError(where, "must be a non-empty text")
    if len(value.strip()) > limit:
        raise FaqError(where, f"at most {limit} characters, got {len(value.strip())}")
    if key == "answer":
        _check_placeholders(where, value)
    return value.strip()


def _check_placeholders(where: str, answer: str) -> None:
    try:
        named = {name for _, name, _, _ in string.Formatter().parse(answer) if name is not None}
    except ValueError as error:
        raise FaqError(where, f"{error} (write a literal brace as {{{{ or }}}})") from None
    if unknown := sorted(name for name in named if name not in PLACEHOLDERS):
        raise FaqError(where, f"unknown placeholder {{{unknown[0]}}}; known: {', '.join(sorted(PLACEHOLDERS))}")
