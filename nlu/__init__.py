"""Natural-language understanding for the time-bank chatbot.

    from nlu import parse, warm_up
    warm_up()                                   # once at start-up (~1 s: jieba)
    parse("明天下午三点想找人陪我去医院", now)
    # Parse(intent="post_request",
    #       slots={"service": "medical_escort", "date": "2026-11-29", "time": "15:00"},
    #       confidence=0.99)

Intent names, slot names and slot forms follow ../shared/nlu/CONTRACT.md.
`now` may be naive or tz-aware; it is read as Asia/Shanghai local time.
The words the parser knows live in nlu/lexicon.py; the words of danger in nlu/danger_words.py.

`danger_of(text)` tells how sure the message is an emergency: ALARM (alert at once), DOUBT (show the
numbers and ask), NONE. `parse` gives intent "sos" for both, with confidence 0.95 or 0.6.

`parse(text, now, expecting=...)` reads a message as the answer to what the
bot just asked. EXPECTING lists the values; each fills these slots:

    "service"   service        "买菜" -> shopping
    "date"      date (+ time)  "明天", "15号", a bare "15" (the 15th)
    "time"      time           "三点", a bare "3" (15:00 by the contract's rule)
    "datetime"  date, time     "后天下午"; a bare number is an hour
    "duration"  duration_min   "两个小时"; a bare n: hours if n <= 12, else minutes
    "amount"    amount_min     "2个时间币"; a bare n: n credits
    "choice"    choice (int)   "2", "二", "第二个", "选3"
    "yes_no"    -- (intent)    affirm for 好/行/可以/嗯/要, deny for 不/不行/不用/不需要
    "phone"     phone (str)    an 11-digit mainland mobile, spaces and dashes removed
    "number"    number (int)   "75", "七十五岁"
    "year"      year (int)     a year of birth: "1948", "四八年" -> 1948; "78岁", "今年七十八" -> this year - 78;
                               a bare "82" (a year or an age?) is not read
    "text"      text (str)     the cleaned message, as a free-text note

`answer_word(text)` is "affirm" or "deny" when the whole message is one yes or no word ("要得", "不消了").

When the message is just such an answer the intent is "unknown" and the
confidence >= 0.8; a message with a clear intent of its own ("我要查余额")
keeps that intent (answer slots are added); nothing readable leaves the
ordinary parse unchanged.
"""

from .amounts import MAX_AMOUNT_MIN, NOT_ACCEPTED, find_amounts
from .danger import ALARM, DOUBT, NONE, Danger
from .danger import read as danger_of
from .expecting import EXPECTING, answer_word
from .numbers import NUMBER, to_int
from .parser import parse, services_mentioned, tells_a_feeling, warm_up, words
from .result import Parse
from .schema import INTENTS, SERVICE_CODES

__all__ = ["ALARM", "DOUBT", "Danger", "EXPECTING", "NONE", "answer_word", "danger_of", "INTENTS", "Parse", "SERVICE_CODES", "parse",
           "services_mentioned", "tells_a_feeling", "warm_up", "words",
           # For commands read by their own grammar (staff desk, away days): amounts and numerals as the parser reads them.
           "MAX_AMOUNT_MIN", "NOT_ACCEPTED", "NUMBER", "find_amounts", "to_int"]
