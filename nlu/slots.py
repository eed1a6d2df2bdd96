"""Fill the slots an intent can carry from a Reading."""

import re
from typing import Any, Callable

from . import lexicon, tasks
from .numbers import CHINESE_NUMERAL_CHARS
from .matcher import Hit
from .intents import ANSWER_INTENTS, disowned_at
from .reading import Reading, put_right, put_right_hits, settled, strongest_label
from .spans import clause_spans, inside
from .schema import INTENT_SLOTS
from .scores import score, stated

_RECIPIENT = re.compile(
    rf"(?:转给|送给|赠送给|转账给|分给|匀给|给)\s*([\u4e00-\u9fff]{{1,6}}?)(?=$|\s|转|送|赠|划|打|\d|[{CHINESE_NUMERAL_CHARS}]|的|半|吧)"
)
# What is left of "群发一下" before the content; a lone 下 only as a word of its own ("下礼拜三" is the content).
_CONTENT_LEAD = re.compile(r"^(?:一下|一条|一个)\s*|^下(?:\s+|$)")
# "给所有老人群发一下，内容是：明天停水": words that only say the notice follows
_CONTENT_INTRODUCED = re.compile(r"(?:通知|公告|消息)?(?:的)?(?:内容|正文)?(?:是|如下|为)?|说|写|就说|这样写|写上")
_ADDRESSED_TO = re.compile(r"(?:发给|给|向|对|跟)?")
# "给所有志愿者": a group's quantifier before its name, when the two are not one word ("所有人")
_EVERY_ONE_OF = re.compile(r"(?:所有的?|全体的?|全部的?|各位)?")
_SENT_TO = re.compile(r"(?:都|也)?(?:要)?(?:发|通知)(?:一下|到)?(?:吧|啊)?")
# ... or said before it: "群发通知 下下周三上午九点社区免费体检 发给所有老人".
_SENT_TO_BEFORE = re.compile(r"(?:只|就)?(?:发给|发送给|发到|通知|给)(?:所有的?|全体的?|全部的?)?")


def _task_id(r: Reading) -> int | None:
    """The task the message acts on: of several, one the writer does not disown ("签到 任务77 不是76"), in a
    clause that says what is done ("两个单子 35号和36号 36号取消 35号不变"); and a number said after a
    correction puts it right ("任务四十 撤销 不对 是四十一")."""
    services = [(h.start, h.end) for h in r.layer("service")]
    found = tasks.task_numbers(r.text, services)
    if not found:
        return None
    owned = [f for f in found if not disowned_at(r.text, f.start)] or found
    acts = [h for h in (*r.layer("intent"), *r.layer("score")) if h.label and h.label not in ANSWER_INTENTS]
    acting = [span for span in clause_spans(r.text) if any(inside(h.start, h.end, [span]) for h in acts)]
    # "#21是买菜那个 #22是理发那个 给22号打3分": a bare number where the act is said names the task too
    in_acts = ([f for f in owned if inside(f.start, f.end, acting)]
               or [f for f in tasks.bare_numbers(r.text, services) if inside(f.start, f.end, acting)])
    said = (in_acts[-1] if in_acts else owned[0]).value
    return put_right(r.text, tasks.number_put_right) or said


def _score(r: Reading) -> int | None:
    """"上个月那个打扫的我不太满意 … 这次很满意": the verdict on this visit, not the last; "五星 哦不 四星吧": the
    score put right."""
    of_now = r.hits_of_now("score")
    feelings = put_right_hits(r.text_of_now, [h for h in r.owned("score") if h in of_now])  # "满意 不 很满意"
    return put_right(r.text_of_now, stated) or score(r.text_of_now, [(h.start, h.label) for h in feelings], r.raw)


def _role(r: Reading) -> str | None:
    return strongest_label(put_right_hits(r.text, r.owned("role")))


def _audience(r: Reading) -> str | None:
    start, end = _broadcast_head(r)
    said_last = put_right_hits(r.text, r.layer("audience"))
    if said_last != r.layer("audience"):  # "给志愿者群发 哦不 给所有人发"
        return strongest_label(said_last)
    named = strongest_label([h for h in r.layer("audience") if start <= h.start and h.end <= end])
    # ... or as the content's first words, when they call out to it ("广播一下 所有人注意 降温了") or
    # say who it is for ("群发 给志愿者 寒假期间服务时间调整")
    at = end + 1 + len(_ADDRESSED_TO.match(r.text, end + 1).group())
    called_out = _called_out(r, at) or _called_out(r, at + len(_EVERY_ONE_OF.match(r.text, at).group()))
    return named or strongest_label(called_out) or _addressed_before(r, start) or _addressed_last(r)


def _addressed_last(r: Reading) -> str | None:
    """"广播一下 下周二社区免费量血压 所有人都发": a last clause that only says who it goes to."""
    clause = _last_clause_sent_to(r)
    return strongest_label([h for h in r.layer("audience") if clause is not None and h.start >= clause])


def _last_clause_sent_to(r: Reading) -> int | None:
    """Where the last clause starts, when it is an audience and "(都)发" and nothing else, or "发给" and an
    audience and nothing else."""
    start = r.text.rfind(" ") + 1
    lead = _SENT_TO_BEFORE.match(r.text, start)
    said = [h for h in r.layer("audience") if h.start == (lead.end() if lead else start)]
    if not (start and said):
        return None
    rest = r.text[said[-1].end:].removeprefix("们")  # "发给老人们"
    return start if (rest == "" and lead) or _SENT_TO.fullmatch(rest) else None


def _addressed_before(r: Reading, head_start: int) -> str | None:
    """"给咱们社区的老人 群发一下": the clause before the broadcast word's says who it is for."""
    if head_start == 0:
        return None
    start = r.text.rfind(" ", 0, head_start - 1) + 1
    named = [h for h in r.layer("audience") if start <= h.start and h.end < head_start]
    # ... or calls out to it ("全体居民注意 群发一下 …", "各位居民注意 …")
    called_at = start + len(_EVERY_ONE_OF.match(r.text, start).group())
    if not _ADDRESSED_TO.match(r.text, start).group() and not (named and named[0].start in (start, called_at)):
        return None
    return strongest_label(named)


def _called_out(r: Reading, at: int) -> list[Hit]:
    """The audience words that open the content, one after another ("全体志愿者")."""
    called = []
    for hit in r.layer("audience"):
        if hit.start == at:
            called.append(hit)
            at = hit.end
    return called


def _broadcast_head(r: Reading) -> tuple[int, int]:
    """Where a broadcast names its audience: before a colon, else in the clause
    holding the broadcast word; what follows is the content."""
    if r.quote is not None:
        return 0, r.quote_start
    cue = next((h for h in r.layer("intent") if h.label == "broadcast"), None)
    if cue is None:
        return 0, len(r.text)
    start = r.text.rfind(" ", 0, cue.start) + 1
    end = r.text.find(" ", cue.end)
    return start, len(r.text) if end < 0 else end


def _content(r: Reading) -> str | None:
    if r.quote is not None:
        # "通知所有的用户，时间银行新规则：每人每月…": the head's clauses after its ask are the notice's title
        title = r.text[r.command_end:r.quote_start].strip()
        quote = r.quote.strip()
        return (f"{title}：{quote}" if title and not _CONTENT_INTRODUCED.fullmatch(title) else quote) or None
    _, head_end = _broadcast_head(r)
    end = _last_clause_sent_to(r) or len(r.text)  # "… 所有人都发" is said to the bot, not in the notice
    return _CONTENT_LEAD.sub("", r.text[head_end:end].strip()) or None


def _recipient(r: Reading) -> str | None:
    """The one named last after a change of mind ("我想先捐一点给公益池 算了算了 还是先转给我外婆吧")."""
    return settled(r.text, lambda text: (found := _RECIPIENT.search(text)) and found.group(1))


def _page(r: Reading) -> str | None:
    return "next" if any(word in r.text for word in lexicon.NEXT_PAGE_WORDS) else None


SLOT_READERS: dict[str, Callable[[Reading], Any]] = {
    "service": lambda r: r.service,
    "date": lambda r: r.date,
    "time": lambda r: r.time,
    "duration_min": lambda r: r.duration_min,
    "amount_min": lambda r: r.amount_min,
    "task_id": _task_id,
    "score": _score,
    "role": _role,
    "audience": _audience,
    "recipient": _recipient,
    "content": _content,
    "page": _page,
}

# A service a volunteer turns down is no filter for the tasks listed ("陪诊的不要 我没车 有买菜的吗").
SLOT_READERS_OF_AN_INTENT: dict[tuple[str, str], Callable[[Reading], Any]] = {
    ("list_tasks", "service"): lambda r: r.wanted_service,
}

# Unscored extras the handlers can use, beside the contract's slots.
EXTRA_SLOTS: dict[str, tuple[str, ...]] = {
    "cancel": ("date",),
    "transfer": ("recipient",),
    "history": ("page",),
    "broadcast": ("content",),
}
INTENT_FILLS: dict[str, tuple[str, ...]] = {
    intent: INTENT_SLOTS.get(intent, ()) + EXTRA_SLOTS.get(intent, ())
    for intent in {*INTENT_SLOTS, *EXTRA_SLOTS}
}


def fill(intent: str, reading: Reading) -> dict[str, Any]:
    slots = {}
    for name in INTENT_FILLS.get(intent, ()):
        value = SLOT_READERS_OF_AN_INTENT.get((intent, name), SLOT_READERS[name])(reading)
        if value is not None:
            slots[name] = value
    return slots
