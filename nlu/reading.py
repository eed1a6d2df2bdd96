"""One message, cleaned, segmented and matched against the lexicon; slot
values are read from it on demand and remembered.

Text after a colon is quoted content ("群发：重阳节活动报名开始了"): when the
words before the colon ask for a notice, the quote's words do not vote. After
any other words a colon only opens the details ("帮我爸下个单：换灯泡，星期五晚上").
Without a colon, a notice's content is the clauses after the one that asks for
it ("这次给志愿者群发一下 周日培训改到下午").
"""

import re
from datetime import date
from functools import cached_property
from typing import Callable, TypeVar

from . import cleanup, lexicon, matcher, own_plans, tokenizer, told_before
from .amounts import first_amount
from .dates import find_dates
from .durations import FIXED_DURATION, first_duration
from .intents import complained_of, disowned, negated
from .matcher import Hit
from .numbers import CHINESE_NUMERAL_CHARS
from .spans import alternation, inside
from .times import find_times, first_time

_MATCHER = matcher.build()
_SET_ASIDE_BEFORE = re.compile(lexicon.SET_ASIDE_BEFORE)
_SELF_CORRECTION = re.compile("(?:^| )(?:%s|%s|%s|%s(?=[%s\\d]|%s))|%s" % (
    lexicon.CONTRASTED, lexicon.SETTLED_CHOICE, "|".join(map(re.escape, lexicon.SELF_CORRECTIONS)),
    lexicon.CHANGED_TO_BEFORE_A_NUMBER, CHINESE_NUMERAL_CHARS, "|".join(lexicon.DAY_OR_HOUR_OPENINGS),
    "|".join(lexicon.MOVED_TO)))
# Round thirty-one: a service is put right by a clause that opens with 还是 too ("有助浴的吗 呃 我一个男的 还是看看
# 有没有打扫的吧"); a day or an hour is not ("… 还是不管用 今天这雨下得…").
_SERVICE_PUT_RIGHT = re.compile(_SELF_CORRECTION.pattern + "|(?:^| )还是")
_LENGTH_PUT_RIGHT = re.compile(_SELF_CORRECTION.pattern + "|" + lexicon.LENGTH_SETTLED)
_ANY_WILL_DO = re.compile(alternation(lexicon.ANY_WILL_DO))
_REFERS_BACK = re.compile(lexicon.DAY_REFERRED_BACK)
_WRITING_DAY = re.compile(lexicon.WRITING_DAY_AFTER)
_PERIOD_WORD = re.compile(alternation(lexicon.PERIODS))
# An hour said with its number ("明天晚上八点找个人…"), not a period alone ("他晚上洗了睡不着觉").
_CLOCK_HOUR = re.compile(r"[\d%s]\s*点|\d:\d" % CHINESE_NUMERAL_CHARS)
Value = TypeVar("Value")
ASK_STATED = 1.5  # a request's cue that asks on its own ("想找人", "能来个人"), not a 帮我 in passing
NOTICE_STATED = 3.0  # a cue that asks for a notice on its own ("群发", "发个通知"), not "公告" in passing


class Reading:
    def __init__(self, raw: str, today: date):
        self.raw = raw
        self.today = today
        head, self.quote = cleanup.split_quote(raw)
        quoted = cleanup.clean(self.quote) if self.quote else ""
        self.text = " ".join(part for part in (cleanup.clean(head), quoted) if part)
        self.quote_start = len(self.text) - len(quoted)
        self.tokens = tokenizer.cut(self.text)
        self.hits: dict[str, list[Hit]] = told_before.discounted(self.text, _MATCHER.match(self.text, self.tokens))
        self._plans = own_plans.plan_clauses(self.text, self.hits)
        self.hits = own_plans.discounted(self.text, self.hits, self._plans)
        # A neutral service phrase has won its overlap; it names no service.
        self.hits["service"] = [h for h in self.layer("service") if h.label]
        self._head_asks_for_a_notice = self.quote is not None and any(
            h.label == "broadcast" for h in self.layer("intent") if h.end <= self.quote_start)
        # "通知所有的用户，时间银行新规则：每人每月…": the head's clauses after the one that asks belong to the notice
        self._notice_at = (min(self.quote_start, self._end_of_notice_cue()) if self._head_asks_for_a_notice
                           else self._end_of_notice_cue())

    def _end_of_notice_cue(self) -> int:
        """Where the clause that asks for a notice ends: the clauses after it are the notice. Not a notice
        told of ("看到你们群发的通知了 以后别发了"), nor complained of ("半夜还发通知 把我吵醒了 别发了")."""
        asked = [h.end for h in self.layer("intent") if h.label == "broadcast" and h.weight >= NOTICE_STATED
                 and self.text[h.end:h.end + 1] != "的" and not complained_of(self.text, h.start)]
        clause_end = self.text.find(" ", min(asked, default=len(self.text)))
        return len(self.text) if clause_end < 0 else clause_end

    def layer(self, name: str) -> list[Hit]:
        return self.hits.get(name, [])

    def owned(self, name: str) -> list[Hit]:
        """Hits of a layer without those the writer disowns ("我不是志愿者 我是老人"), unless all are."""
        return [h for h in self.layer(name) if not disowned(self.text, h)] or self.layer(name)

    @cached_property
    def _told_spans(self) -> list[tuple[int, int]]:
        return told_before.told_spans(self.text)

    @cached_property
    def text_of_now(self) -> str:
        """The text with the clauses of another time blanked, where others speak of now; positions kept."""
        text = self.text
        for start, end in self._told_spans:
            text = text[:start] + " " * (end - start) + text[end:]
        return text

    def hits_of_now(self, name: str) -> list[Hit]:
        """Hits of a layer outside the clauses of another time, when there are any there."""
        return [h for h in self.layer(name) if not inside(h.start, h.end, self._told_spans)] or self.layer(name)

    @property
    def command_text(self) -> str:
        """The words that speak for the intent: without a notice's content."""
        return self.text[:self.command_end]

    @property
    def command_end(self) -> int:
        """Where the words that speak for the intent end, and a notice's content begins."""
        return self._notice_at

    @property
    def danger_text(self) -> str:
        """What the emergency reader reads: all of it, but for a notice's content ("群发：明天消防演练 着火了
        别坐电梯"), which is staff's words to others. "评价：非常满意 先不聊了 我闻到好大一股煤气味" is read whole."""
        return self.text[:self.quote_start] if self._head_asks_for_a_notice else self.text

    def command_hits(self, name: str) -> list[Hit]:
        """Hits of a layer that speak for the message's intent."""
        return [h for h in self.layer(name) if h.end <= self._notice_at]

    @cached_property
    def said_of_now(self) -> str:
        """The clauses of now, where the day, the hour, the length and the amount asked for are read ("昨天拧了
        半天才打开 … 12月3号两点", "上礼拜捐了五个时间币 这次想转一个"); the whole text when it is all of then."""
        return told_before.of_now(self.text) or self.text

    @cached_property
    def said_of_the_ask(self) -> str | None:
        """The clauses of now without the writer's own plans (own_plans.py), when there are plans."""
        return told_before.of_now(self.text, dropped=self._plans) if any(self._plans) else None

    @cached_property
    def date(self) -> str | None:
        found = (put_right(self._said_for_the_ask, self._dates_in) or self._day_referred_back()
                 or self._of_the_ask(self._dates_in))
        return found[0].value.isoformat() if found else None

    def _day_referred_back(self) -> list | None:
        """"医生叫我下礼拜四再去复查 | 到时候能不能派个人陪我去": an ask that opens with 到时候 and names no day of its own
        means the last day said before it."""
        asked = self.said_from_the_ask
        if not asked or not _REFERS_BACK.match(asked) or self._dates_in(asked):
            return None
        before = self._dates_in(self.text[:len(self.text) - len(asked)])
        return before[-1:] if before else None

    @cached_property
    def time(self) -> str | None:
        """The asking clause's own clock hour; else the hour put right ("明天晚上七点 哦不 早上七点 帮我爸洗个澡
        他晚上洗了睡不着觉"); else the ask's."""
        # read in the whole text from the ask on: a bare hour keeps an evening said before it ("晚上 | 七点半 | 来个人…")
        asked = self.said_from_the_ask and self._time_from(len(self.text) - len(self.said_from_the_ask))
        if asked and _CLOCK_HOUR.search(self.said_from_the_ask):
            return asked
        if hour := self._time_put_right(self._said_for_the_ask):
            return hour
        if asked:
            return asked
        if self.said_of_the_ask and self._dates_in(self.said_of_the_ask):  # the ask's own day: its hour or none
            return settled(self.said_of_the_ask, self._time_in)
        return self._of_the_ask(self._time_in)

    @property
    def _said_for_the_ask(self) -> str:
        """Where a day or an hour put right is looked for: the clauses of now but the writer's own plans
        ("周二不行 | 周二社区有活动 | 周三下午两点 找人来帮我理发")."""
        return self.said_of_the_ask or self.said_of_now

    @cached_property
    def said_from_the_ask(self) -> str | None:
        """From the clause that asks on, when clauses before it tell other days and hours ("星期天下午我闺女来
        星期一上午她就走了 星期一下午三点找个人来陪我说说话吧"); None when the ask opens the message."""
        asks = [h for h in self.layer("intent") if h.label == "post_request" and h.weight > 0]
        # the last ask said outright, not a 帮我 in the story after it ("…周三下午能来个人帮我买袋米 … 上回那个小伙子
        # 还帮我把米倒缸里了")
        asks = [h for h in asks if h.weight >= ASK_STATED] or asks
        start = self.text.rfind(" ", 0, asks[-1].start) + 1 if asks else 0
        # ... with the day and hour said in short clauses of their own right before it ("明天上午 | 九点 | 有没有人能陪我…")
        while start > 0 and _a_day_or_hour_alone(self.text[self.text.rfind(" ", 0, start - 1) + 1:start - 1], self.today):
            start = self.text.rfind(" ", 0, start - 1) + 1
        return self.text[start:] if start > 0 else None

    def _of_the_ask(self, read: Callable[[str], Value | None]) -> Value | None:
        """Read from the asking clause on, else from the ask's clauses, else from every clause of now."""
        return ((self.said_from_the_ask and settled(self.said_from_the_ask, read))
                or (self.said_of_the_ask and settled(self.said_of_the_ask, read)) or settled(self.said_of_now, read))

    def _dates_in(self, text: str) -> list | None:
        """The days said, but not the day the writer writes on when another follows ("今天先想预约个人明天陪我去…")."""
        found = find_dates(text, self.today)
        visits = [f for f in found if not _WRITING_DAY.match(text, f.end)]
        return (visits if visits and len(visits) < len(found) else found) or None

    @staticmethod
    def _time_put_right(text: str, start: int = 0) -> str | None:
        """The hour said after the speaker's last correction (from `start` on) that is followed by one, read in the
        whole text: an hour put right keeps the evening said before it ("晚上七点 不 八点吧" is 20:00)."""
        unlengthened = FIXED_DURATION.sub(" ", text)
        for correction in reversed(list(_SELF_CORRECTION.finditer(text, max(start - 1, 0)))):
            at = len(FIXED_DURATION.sub(" ", text[:_after(text, correction)]))
            if (hour := first_time(unlengthened, at)) is not None:
                return hour
        return None

    def _time_from(self, start: int) -> str | None:
        """The hour settled on from `start` on, read in the whole text."""
        return self._time_put_right(self.text, start) or first_time(
            self._unlengthened, len(FIXED_DURATION.sub(" ", self.text[:start])))

    @cached_property
    def _unlengthened(self) -> str:
        """The text with its lengths of time blanked: "一上午" names how long, not when."""
        return FIXED_DURATION.sub(" ", self.text)

    @staticmethod
    def _time_in(text: str) -> str | None:
        # "一上午" is how long, not when: a period inside a length of time names no start.
        return first_time(FIXED_DURATION.sub(" ", text))

    @cached_property
    def duration_min(self) -> int | None:
        """Not the length of the writer's own plans ("… 17号我一整天都在医院")."""
        return settled(self._said_for_the_ask, first_duration, _LENGTH_PUT_RIGHT)

    @cached_property
    def amount_min(self) -> int | None:
        return settled(self.said_of_now, lambda text: first_amount(text, self.raw))

    @cached_property
    def service(self) -> str | None:
        """The service asked for; one the writer refuses is not it ("我不要买菜 我要人来帮我打扫"), unless it is
        the only one named ("不用买菜了" cancels the shopping); one set aside ("除了陪诊 …") never is."""
        services, wanted = self._services
        return strongest_label(wanted or services)

    @cached_property
    def wanted_service(self) -> str | None:
        """The service wanted, never one refused: "看看还有哪些单子 打扫的就算了" filters by none, nor does
        "买菜的 或者 算了 啥都行"."""
        if put_right(self.text, _ANY_WILL_DO.search):
            return None
        return strongest_label(self._services[1])

    @cached_property
    def _services(self) -> tuple[list[Hit], list[Hit]]:
        set_aside = {h.label for h in self.layer("service") if _SET_ASIDE_BEFORE.search(self.text, 0, h.start)}
        named = [h for h in self.owned("service") if h.label not in set_aside]
        # "我想约个理发 哎说错了 是助浴": the service put right, never by one of the writer's own plans ("… 哦等一下
        # 是16号 17号我一整天都在医院")
        plans = own_plans.plan_spans(self.text, self._plans)
        services = _put_right(self.text, [h for h in named if not inside(h.start, h.end, plans)],
                              _SERVICE_PUT_RIGHT) or named
        return services, [h for h in services if not negated(h, self.layer("negation"), self.layer("dismissal"))]


def _a_day_or_hour_alone(clause: str, today: date) -> bool:
    """"明天上午", "九点", "这个礼拜天下午三点": a clause that says when and nothing else ("星期一上午她就走了" says more)."""
    spans = [(f.start, f.end) for f in (*find_dates(clause, today), *find_times(clause))]
    if not spans:
        return False
    left = "".join(ch for at, ch in enumerate(clause) if not any(start <= at < end for start, end in spans))
    return len(_PERIOD_WORD.sub("", left).strip("这个的吧啊呢 ")) == 0


def settled(text: str, read: Callable[[str], Value | None],
            corrections: re.Pattern = _SELF_CORRECTION) -> Value | None:
    """What the speaker settled on: the first value read after their last correction that is followed by
    one ("礼拜四 呃不是 是礼拜五" is Friday), else the first value of the text."""
    value = put_right(text, read, corrections)
    return read(text) if value is None else value


def put_right(text: str, read: Callable[[str], Value | None],
              corrections: re.Pattern = _SELF_CORRECTION) -> Value | None:
    """The first value read after the speaker's last correction that is followed by one, if any."""
    for correction in reversed(list(corrections.finditer(text))):
        value = read(text[_after(text, correction):])
        if value is not None:
            return value
    return None


def _after(text: str, correction: re.Match) -> int:
    """Where what a correction puts right begins: a "不 " gives its space back, so that "签到 28号 哦不 82号"
    reads " 82号" as a number said on its own, as "不是61" does not."""
    end = correction.end()
    if correction.group().lstrip() == "不是" and text[end:end + 1] not in ("", " "):
        # "周五 不是周五 周六上午十点", "签到 是#9 不是#6": what "不是" opens is what it takes back
        clause_end = text.find(" ", end)
        return len(text) if clause_end < 0 else clause_end
    return end - 1 if text[end - 1:end] == " " else end


def put_right_hits(text: str, hits: list[Hit]) -> list[Hit]:
    """The hits said after the speaker's last correction that is followed by one ("我想当志愿者 哦不 我是想替我爸
    报名"), else all of them."""
    return _put_right(text, hits) or hits


def _put_right(text: str, hits: list[Hit], corrections: re.Pattern = _SELF_CORRECTION) -> list[Hit]:
    """The hits said after the speaker's last correction that is followed by one; none when no correction is."""
    for correction in reversed(list(corrections.finditer(text))):
        after = [hit for hit in hits if hit.start >= correction.end()]
        if after:
            return after
    return []


def strongest_label(hits: list[Hit]) -> str | None:
    """The label with the most weight; on a tie, the one said first."""
    totals: dict[str, float] = {}
    for hit in hits:
        totals[hit.label] = totals.get(hit.label, 0.0) + hit.weight
    return max(totals, key=totals.get) if totals else None
