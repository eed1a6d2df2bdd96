"""Task numbers: #12, 单号12, 任务12, 单子十七, 12号单, 41号的单子, 第5个任务, 第5个; and, in a message
about a task, a bare 12号 or 12 that is not a date or a quantity."""

import re

from . import lexicon
from .numbers import CHINESE_NUMERAL_CHARS, NUMBER, to_int
from .spans import Found, alternation, find_all

_HASH = re.compile(r"#\s*(\d+)")
_WORD_THEN_NUMBER = re.compile(rf"(?:{alternation(lexicon.TASK_WORDS_BEFORE)})\s*[号#:]?\s*({NUMBER})")
_TASK_WORD_AFTER = alternation(lexicon.TASK_WORDS_AFTER)
# Not a month's day ("帮我把12月5号那个单取消一下" names the order by its day).
_NUMBER_THEN_WORD = re.compile(rf"(?<!月)({NUMBER})\s*号\s*(?:的)?\s*(?:那个)?\s*(?:{_TASK_WORD_AFTER})")
# Round twenty-four: a number said before "那个单子" ("三七那个单子我接"), or right after taking or signing ("我接 幺零八").
_NUMBER_THEN_THAT_TASK = re.compile(rf"({NUMBER})\s*(?:那个|这个)\s*(?:{_TASK_WORD_AFTER})")
_AFTER_A_TASK_VERB = re.compile(rf"(?:我接|接单|签到|签退)\s+({NUMBER})(?=\s|$)")
_ORDINAL_TASK = re.compile(rf"第\s*({NUMBER})\s*[个号]?\s*(?:{_TASK_WORD_AFTER})")
# ... and "第23个我接了", "给第8个打5分", in a message about a task; not "第2个星期", "第三个孙子"
_ORDINAL_ALONE = re.compile(rf"第\s*({NUMBER})\s*个(?!\s*(?:小时|钟|月|星|礼拜|周|年|人|老人|孙|儿|女))")
_EXPLICIT = (_HASH, _WORD_THEN_NUMBER, _NUMBER_THEN_WORD, _ORDINAL_TASK, _ORDINAL_ALONE, _NUMBER_THEN_THAT_TASK,
             _AFTER_A_TASK_VERB)

_PLACE = alternation(lexicon.PLACE_NUMBER_AFTER)
# "一共4盒", "买了2箱牛奶": a count of things, not a task (round twenty-seven)
_MEASURES = alternation(lexicon.COUNTED_THINGS_AFTER)
# A number right after a place's word ("7栋602") is a room or a house, not a task.
_ONE_CHAR_PLACES = "".join(place for place in lexicon.PLACE_NUMBER_AFTER if len(place) == 1)
# "12号" is a task unless it reads as a date ("12月3号", "5号那天", "15号那次", "15号跟18号", "5号上午") or a place
# ("3号楼").
_BARE_NUMBER_HAO = re.compile(
    rf"(?<![月\d{CHINESE_NUMERAL_CHARS}])({NUMBER})\s*号"
    rf"(?!\s*(?:那天|那次|那回|[跟和或到]\d+号|{_PLACE}|的?(?:{alternation(lexicon.PERIODS)})|{alternation(lexicon.DAY_EVENTS_AFTER)}))"
)
# A lone Arabic number, not a clock, a count, a score, an age, a place or a number dialled: "签到 12", not "2号楼3单元",
# "他今年89", "要不是她及时打了120".
_LONE_NUMBER = re.compile(
    rf"(?<![\d.:#{_ONE_CHAR_PLACES}打拨叫])(?<!今年)(?<!年纪)(?<!岁数)(?<!打了)(?<!拨了)(?<!叫了)(?<!打个)(?<!叫个)"
    rf"(?<!单元)(?<!门牌号)(?<!尾号)(?<!门牌)(\d+)"
    rf"(?![\d.:]|\s*(?:号|点|分|个|小时|天|月|日|年|岁|元|块|星|%|斤|了|{_PLACE}|{_MEASURES}))")

# A number that opens what follows a correction, alone in its clause: "… 不对 是四十一", "… 说错了 41号"; not the
# number a "不是" takes back ("不是61"). Round thirty-one: or the one pointed at ("13号 不对 31号那个已经弄好了").
_NUMBER_FIRST = re.compile(rf"^(?:\s+是?|\s*是)\s*({NUMBER})\s*号?(?=\s|$|那个|那单|那一单|这个|这单)")

# "64号大扫除弄好了": a 号 past any month's last day names no day, though a service follows it.
LAST_DAY_OF_A_MONTH = 31
# Task numbers are database ids: a longer number names no task (and must never reach SQL).
MAX_TASK_ID = 2**31 - 1


def task_id(text: str, service_spans: list[tuple[int, int]] = ()) -> int | None:
    """The first task number of a message already known to be about a task, if it could be one."""
    found = task_numbers(text, service_spans)
    return found[0].value if found else None


def task_numbers(text: str, service_spans: list[tuple[int, int]] = ()) -> list[Found]:
    """Every task number the message names, in order: the explicit ones ("#12", "任务12", "12号单"), else a
    bare "12号" (`service_spans` mark service words: "12号的理发" names a day, not a task), else lone numbers."""
    return (find_all(text, [(pattern, _number) for pattern in _EXPLICIT]) or bare_numbers(text, service_spans)
            or find_all(text, [(_LONE_NUMBER, _number)]))


def bare_numbers(text: str, service_spans: list[tuple[int, int]] = ()) -> list[Found]:
    """"给22号打3分": a bare "22号" that names no day, nor a day's service."""
    return [Found(m.start(), m.end(), _number(m)) for m in _BARE_NUMBER_HAO.finditer(text)
            if _number(m) is not None
            and (_number(m) > LAST_DAY_OF_A_MONTH or not _followed_by_service(text, m.end(), service_spans))]


def _number(match: re.Match) -> int | None:
    number = to_int(match.group(1))
    return number if number is not None and 0 < number <= MAX_TASK_ID else None


def number_put_right(text: str) -> int | None:
    """The task number right after a correction ("… 不对 是四十一", "… 说错了 #42")."""
    found = _first(text, _EXPLICIT) or _first(text, (_NUMBER_FIRST,))
    return found if found is not None and 0 < found <= MAX_TASK_ID else None


def _followed_by_service(text: str, end: int, service_spans) -> bool:
    after = end + (1 if text[end:end + 1] == "的" else 0)
    return any(start == after for start, _ in service_spans)


def _first(text: str, patterns) -> int | None:
    for pattern in patterns:
        match = pattern.search(text)
        if match:
            return to_int(match.group(1))
    return None
