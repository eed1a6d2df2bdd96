"""parse(): one chat message -> intent, slots, confidence."""

import re
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from functools import lru_cache

from . import cleanup, danger, danger_model, homophones, intent_model, lexicon, romanised, tokenizer
from . import expecting as answers
from .intents import Decision, decide
from .reading import Reading
from .result import Parse
from .slots import fill
from .spans import alternation

# China keeps one offset all year, so a fixed zone needs no tz database.
SHANGHAI = timezone(timedelta(hours=8), "Asia/Shanghai")
# A reading depends only on the text, the local day and what was asked, so it is remembered: the webhook's
# SOS check and the conversation read each message, and short messages ("余额", "1", "是") recur all day.
# Long texts are read afresh rather than kept.
REMEMBERED_READINGS = 4096
REMEMBERED_LENGTH = 64
# Nothing but fillers ("嗯嗯那个", "呃 就是"): someone still finding their words, for no reader to place.
_FILLERS_ONLY = re.compile(r"(?:%s|\s)+" % alternation(lexicon.FILLERS))


def parse(text: str, now: datetime, expecting: str | None = None, read_danger: bool = True) -> Parse:
    """`read_danger=False` reads past any danger: for a message whose writer has said they are safe."""
    if expecting is not None and expecting not in answers.EXPECTING:
        raise ValueError(f"unknown expecting value {expecting!r}; use one of {answers.EXPECTING}")
    if len(text) > REMEMBERED_LENGTH:
        return _read(text, local_day(now), expecting, read_danger)
    remembered = _remembered(text, local_day(now), expecting, read_danger)
    return replace(remembered, slots=dict(remembered.slots))  # callers may change slots


@lru_cache(maxsize=REMEMBERED_READINGS)
def _remembered(text: str, day: date, expecting: str | None, read_danger: bool) -> Parse:
    return _read(text, day, expecting, read_danger)


# A confident reading of danger alerts at once; a doubtful one shows the numbers and asks (handlers/emergency.py).
DANGER_CONFIDENCE = {danger.ALARM: 0.95, danger.DOUBT: 0.6}


def forget_readings() -> None:
    """Empty the cache of readings, so that the next parse of any message is a first reading (nlu.evaluate)."""
    _remembered.cache_clear()


def _read(text: str, day: date, expecting: str | None, read_danger: bool = True) -> Parse:
    reading = Reading(text, day)
    level = danger.read_clean(reading.danger_text, learnt=expecting is None).level if read_danger else danger.NONE
    if level != danger.NONE:  # safety first: whatever else the message says or answers
        return Parse("sos", {}, DANGER_CONFIDENCE[level])
    cues = reading.command_hits("intent")
    if expecting == "yes_no":
        cues = cues + reading.command_hits("yes_no")
    services, negations, dismissals = (reading.command_hits(layer) for layer in ("service", "negation", "dismissal"))
    decision = decide(reading.text, cues, services, negations, dismissals)
    if expecting is None:
        decision = _placed_by_the_learnt_reader(decision, reading)
    parsed = Parse(decision.intent, fill(decision.intent, reading), decision.confidence, decision.learnt)
    if expecting is None:
        return parsed
    return answers.answer(expecting, reading, decision, parsed)


def _placed_by_the_learnt_reader(decision: Decision, reading: Reading) -> Decision:
    """Where the lexicon found no intent, or only a service word ("你们这个助浴是怎么收时间币的"), the
    learnt reader may place the message; an answer to the bot's question is left to the question."""
    if decision.stated or _FILLERS_ONLY.fullmatch(reading.command_text):
        return decision
    guessed = intent_model.guess(reading.command_text)
    if guessed is None or guessed[0] == decision.intent:
        return decision
    intent, sure = guessed
    return Decision(intent, round(sure, 3), stated=False, learnt=True)


def tells_a_feeling(text: str) -> bool:
    """Loneliness told, and nothing asked ("好闷", "好久没人跟我说话了"): the bot offers company rather than say it
    did not understand (handlers/conversation.py)."""
    reading = Reading(text, date.today())
    services = reading.layer("service")
    return bool(services) and all(reading.text[h.start:h.end] in lexicon.FEELINGS for h in services)


def services_mentioned(text: str) -> tuple[str, ...]:
    """Every service a message names, in order: "会陪诊，也能买菜" → medical_escort, shopping."""
    reading = Reading(text, date.today())
    return tuple(dict.fromkeys(hit.label for hit in reading.layer("service") if hit.label))


def words(text: str) -> list[str]:
    """The message as the parser reads it, in words: cleaned (simplified, variants replaced) and cut by jieba."""
    return [word for word in tokenizer.cut(cleanup.clean(text)) if word.strip()]


def local_day(now: datetime) -> date:
    if now.tzinfo is not None:
        now = now.astimezone(SHANGHAI)
    return now.date()


def warm_up() -> None:
    """Load jieba, the domain dictionary, the pinyin table, the sounds of characters and the learnt readers now
    rather than on the first message."""
    tokenizer.get()
    romanised.load()
    homophones.load()
    danger_model.load()
    intent_model.load()
    parse("明天下午三点帮我买菜", datetime(2026, 1, 1, 9, 0))
