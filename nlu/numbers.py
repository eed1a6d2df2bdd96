"""Chinese and Arabic numerals: 12, 十二, 二十五, 一百零八, 两, 俩, 幺三八."""

from . import lexicon

_CHINESE = "".join(lexicon.NUMERAL_DIGITS) + "".join(lexicon.NUMERAL_UNITS)

# A whole number as it appears in text; possessive, so "40" is never read as "4".
NUMBER = rf"(?:\d++|[{_CHINESE}]++)"
CHINESE_NUMERAL_CHARS = _CHINESE


# No number anyone means is longer; Python refuses to convert more than 4,300 digits at all.
MAX_DIGITS = 100


def to_int(numeral: str) -> int | None:
    if len(numeral) > MAX_DIGITS:
        return None
    if numeral.isascii() and numeral.isdigit():
        return int(numeral)
    if not numeral:
        return None
    if all(ch in lexicon.NUMERAL_DIGITS for ch in numeral):
        # Digit by digit, as phone and task numbers are read out: 幺三八 = 138.
        return int("".join(str(lexicon.NUMERAL_DIGITS[ch]) for ch in numeral))
    return _with_units(numeral)


def _with_units(numeral: str) -> int | None:
    total, pending, last_unit, zero_seen = 0, None, 1, False
    for ch in numeral:
        if ch in lexicon.NUMERAL_UNITS:
            unit = lexicon.NUMERAL_UNITS[ch]
            total += (1 if pending is None else pending) * unit
            pending, last_unit, zero_seen = None, unit, False
        elif ch in lexicon.NUMERAL_DIGITS:
            value = lexicon.NUMERAL_DIGITS[ch]
            if value == 0:
                zero_seen = True
            elif pending is not None:
                return None
            else:
                pending = value
        else:
            return None
    if pending is not None:
        # "一百二" is 120 but "一百零二" is 102.
        total += pending * (last_unit // 10 if last_unit >= 100 and not zero_seen else 1)
    return total


def at_most(numeral: str) -> int | None:
    """A count said as a range of two neighbours, "三四个小时", "两三个钟头", is at most the larger: never 34."""
    values = [lexicon.NUMERAL_DIGITS.get(ch) for ch in numeral]
    if len(values) == 2 and None not in values and values[1] == values[0] + 1 and values[0] > 0:
        return values[1]
    return to_int(numeral)
