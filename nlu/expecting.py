"""Reading a message as the answer to what the bot just asked.

EXPECTING names what the bot may be waiting for. When the message carries
that kind of value and no intent of its own, the result is intent "unknown"
with the value in its slots (the handler that asked knows what to do with
it); a message with a clear new intent ("我要查余额") keeps that intent.
"""

import re
from dataclasses import replace
from typing import Any, Callable

from . import cleanup, lexicon
from .amounts import NOT_ACCEPTED, bounded, negative
from .dates import day_of_month_date
from .durations import hours_to_minutes
from .intents import Decision
from .numbers import NUMBER, to_int
from .reading import Reading
from .result import Parse
from .times import clock

EXPECTING = (
    "service", "date", "time", "datetime", "duration", "amount",
    "choice", "yes_no", "phone", "number", "year", "text",
)

# Every yes and no the parser knows, said as a whole message ("要得", "好嘞", "莫搞了" once clean-up has read it).
_ANSWER_WORDS = {phrase: label for table in (lexicon.YES_NO_CUES, lexicon.INTENT_CUES)
                 for label in ("affirm", "deny") for phrase in table[label]}

ANSWER_CONFIDENCE = 0.85
# Free text often contains cue words; only a confident command interrupts it.
TEXT_INTERRUPT_CONFIDENCE = 0.8
# A bare number as a duration: up to this many it means hours, above minutes.
MAX_BARE_HOURS = 12

_SIGNED_OR_DECIMAL = re.compile(r"^\s*(?:[-－−负]\s*\d|\d+\.\d)")
_BARE_NUMBER = re.compile(rf"^(?:第|选|选择|要)?\s*({NUMBER})\s*(?:个|项|条|号|种|位|次|点)?\s*(?:吧|啊|呀)?$")
_ORDINAL = re.compile(rf"第\s*({NUMBER})")
_COUNTED_NUMBER = re.compile(rf"\d+|({NUMBER})(?:岁|个|次|位|人|号|块|元|斤|天|年)")
_MOBILE = re.compile(r"(?<!\d)(?:86)?(1[3-9]\d{9})(?!\d)")
_SPOKEN_DIGITS = str.maketrans({ch: str(v) for ch, v in lexicon.NUMERAL_DIGITS.items()})


# An answer about a request often says more than was asked ("明天下午，两个小时"):
# these values, when stated in words, come along with the one expected.
REQUEST_DETAILS = ("service", "date", "time", "duration")


def answer(expecting: str, reading: Reading, decision: Decision, parsed: Parse) -> Parse:
    """`parsed` is what the message means on its own."""
    slots = _READERS[expecting](reading)
    if slots and expecting in REQUEST_DETAILS + ("datetime",):
        slots = {**_stated_request_details(reading), **slots}
    if not slots:
        return parsed
    if _has_own_intent(expecting, decision):
        return replace(parsed, slots={**slots, **parsed.slots})
    return Parse("unknown", slots, ANSWER_CONFIDENCE)


def _has_own_intent(expecting: str, decision: Decision) -> bool:
    if not decision.stated or decision.intent in ("unknown", "affirm", "deny"):
        return False
    if expecting == "text":
        return decision.intent != "post_request" and decision.confidence >= TEXT_INTERRUPT_CONFIDENCE
    return True


def bare_number(text: str) -> int | None:
    """The number when the whole message is one: "2", "二", "第二个", "选3"."""
    found = _BARE_NUMBER.match(text) or _ORDINAL.search(text)
    return to_int(found.group(1)) if found else None


def _only(**values: Any) -> dict[str, Any]:
    return {name: value for name, value in values.items() if value is not None}


def _date(r: Reading, bare_number_is_day: bool = True) -> dict[str, Any]:
    day = r.date
    if day is None and bare_number_is_day and (number := bare_number(r.text)) is not None:
        found = day_of_month_date(r.today, number)
        day = found.isoformat() if found else None
    return _only(date=day, time=r.time)


def _time(r: Reading) -> dict[str, Any]:
    time = r.time
    if time is None and (number := bare_number(r.text)) is not None:
        time = clock(number, 0, None)
    return _only(time=time)


def _duration(r: Reading) -> dict[str, Any]:
    minutes = r.duration_min
    if minutes is None and (number := bare_number(r.text)):
        if r.text.rstrip("吧啊呀").endswith("点"):  # "两点" is two o'clock, never two hours: the start time, said late
            return _time(r)
        minutes = hours_to_minutes(str(number)) if number <= MAX_BARE_HOURS else number
    return _only(duration_min=minutes)


def _amount(r: Reading) -> dict[str, Any]:
    minutes = r.amount_min
    if minutes is None and (number := bare_number(r.text)) is not None:
        minutes = bounded(number * lexicon.MINUTES_PER_COIN)
    if minutes is not None and negative(r.raw) or minutes is None and _SIGNED_OR_DECIMAL.match(r.text):  # "-3", "0.5": a number, but no whole amount
        minutes = NOT_ACCEPTED
    return _only(amount_min=minutes)


def _number(r: Reading) -> dict[str, Any]:
    counted = _COUNTED_NUMBER.search(r.text)
    return _only(number=to_int(counted.group(1) or counted.group()) if counted else bare_number(r.text))


_AGE = re.compile(rf"(?:虚岁|周岁)\s*({NUMBER})|({NUMBER})\s*(?:周)?岁|今年\s*都?\s*({NUMBER})|({NUMBER})\s*了")
_SHORT_YEAR = re.compile(rf"({NUMBER})\s*年")
YOUNGEST_AGE = 10


def _year(r: Reading) -> dict[str, Any]:
    """A year of birth as elders say it: 1948, 一九四八, 四八年 (the century is the one that fits), or an age
    instead ("78岁", "今年七十八", "八十二了"), counted back from this year. A bare "82" may be either: not read."""
    age = _AGE.search(r.text)
    if age:
        years = to_int(next(group for group in age.groups() if group))
        return _only(year=r.today.year - years if years and years < 130 else None)
    said = _number(r).get("number")
    if said is None or said >= 100:
        return _only(year=said)
    short = _SHORT_YEAR.search(r.text)
    if short is None or to_int(short.group(1)) != said:
        return {}
    latest = r.today.year - YOUNGEST_AGE
    in_this_century = latest - latest % 100 + said
    return _only(year=in_this_century if in_this_century <= latest else in_this_century - 100)


def _phone(r: Reading) -> dict[str, Any]:
    digits = re.sub(r"[\s\-]", "", r.text.translate(_SPOKEN_DIGITS))
    found = _MOBILE.search(digits)
    return _only(phone=found.group(1) if found else None)


def _stated_request_details(r: Reading) -> dict[str, Any]:
    """Only values said outright: a bare number belongs to the question asked, not to these."""
    return _only(service=r.service, date=r.date, time=r.time, duration_min=r.duration_min)


_READERS: dict[str, Callable[[Reading], dict[str, Any]]] = {
    "service": lambda r: _only(service=r.service),
    "date": _date,
    "time": _time,
    # a bare "3" answering "when?" is an hour more often than a day
    "datetime": lambda r: {**_date(r, bare_number_is_day=False), **_time(r)},
    "duration": _duration,
    "amount": _amount,
    "choice": lambda r: _only(choice=bare_number(r.text)),
    # yes/no answers are intents (affirm/deny), decided with extra cues
    "yes_no": lambda r: {},
    "phone": _phone,
    "number": _number,
    "year": _year,
    "text": lambda r: _only(text=r.text or None),
}


def answer_word(text: str) -> str | None:
    """"affirm" or "deny" when the whole message is one yes or no word, in any of its forms; else None.
    Such a message answers a question: it is never a name, a place or a note."""
    return _ANSWER_WORDS.get(cleanup.clean(text))
