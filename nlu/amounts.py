"""Credits to move, in minutes: 1 时间币 = 1 小时 = 60."""

import re

from . import lexicon
from .durations import find_durations
from .numbers import NUMBER, to_int
from .spans import Found, alternation, find_all

_COINS = alternation(lexicon.COIN_WORDS)
_COUNTED_COINS = re.compile(rf"({NUMBER})个?(半)?(?:{_COINS})")
_HALF_COIN = re.compile(rf"半个?(?:{_COINS})")
# "转给我儿子2个": a bare count of what is being moved means coins.
_BARE_COUNT = re.compile(rf"({NUMBER})个(?=$|\s|给|吧)")


def find_amounts(text: str) -> list[Found]:
    coins = find_all(text, (
        (_COUNTED_COINS, lambda m: _coins(m.group(1), half=bool(m.group(2)))),
        (_HALF_COIN, lambda m: lexicon.MINUTES_PER_COIN // 2),
    ))
    return coins or find_durations(text) or find_all(text, ((_BARE_COUNT, lambda m: _coins(m.group(1))),))


def first_amount(text: str) -> int | None:
    found = find_amounts(text)
    return found[0].value if found else None


def _coins(numeral: str, half: bool = False) -> int | None:
    count = to_int(numeral)
    if not count:
        return None
    return count * lexicon.MINUTES_PER_COIN + (lexicon.MINUTES_PER_COIN // 2 if half else 0)
