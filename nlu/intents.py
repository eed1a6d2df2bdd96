"""Decide the intent from the votes of the cues found in a message.

Cue words vote with their weight. A service word is evidence too, but of
whatever the message says about the service: it makes a request only when no
other service-taking intent (cancel, list_tasks, rate, ...) is stated. A
negated need ("不需要买菜了") votes for cancel.
"""

import math
import re
from collections import defaultdict
from dataclasses import dataclass
from datetime import date

from . import lexicon
from .dates import find_dates
from .matcher import Hit
from .schema import INTENTS
from .spans import alternation
from .times import first_time

MIN_VOTES = 1.0             # below this nothing was really said: unknown
SERVICE_VOTE = 1.2          # "理发 明天上午" is a request
NEGATED_SERVICE_VOTE = 2.5  # "不用理发了" is a cancel
NEGATION_REACH = 4          # chars between a service and the negation of it
UNKNOWN_CONFIDENCE = 0.5
# A yes or a no after the first clause is more often a speaker correcting themselves ("我妈 不对 我婆婆 …
# 想约一个助浴的") than the answer: it weighs this much there.
LATER_ANSWER_WEIGHT = 0.5
# ... and one said after what the message asks ("…陪我说说话 后天早上 一个钟头 好 就这样") only closes it.
WRAP_UP_WEIGHT = 0.2
# Intent words after what someone else wants or did are the reason for what the writer asks ("转给我外婆
# 四个时间币 她要请人洗澡" is a transfer).
SOMEONE_ELSE_WEIGHT = 0.3

# "好" and "不是" answer the bot only when they open a clause, and a
# one-character answer only as a clause of its own; inside a sentence
# ("你是机器人吗", "我今天做不了") they are just words.
ANSWER_INTENTS = ("affirm", "deny")

# Intents that can take a service as their object ("取消明天的买菜",
# "有理发的活吗"): when stated, a service word supports them, not a request.
SERVICE_OBJECT_INTENTS = (
    "cancel", "list_tasks", "my_orders", "accept_task", "check_in", "check_out",
    "confirm_done", "rate", "redeem", "about", "donate",
)

_ORDER = {intent: rank for rank, intent in enumerate(INTENTS)}
_DISOWNED_BEFORE = re.compile(lexicon.DISOWNED_BEFORE)
# "不是今天 是明天 …", "不是给我自己 是给我老伴约": a "不是" put right by a "是" after it corrects what the
# writer says; it wins only when the message says nothing else ("不是 是我搞错了").
_CONTRASTED = re.compile(lexicon.CONTRASTED)
CONTRASTED_WEIGHT = MIN_VOTES
# "不是不行", "也不是不可以" is a yes said twice over: neither its "不是" nor its "不行" answers; opening a
# clause, it says yes.
_DOUBLE_NEGATIVE = re.compile(r"(?:也|倒也|并)?不是不")
DOUBLE_NEGATIVE_WEIGHT = 2.0
_TAKEN_BACK_NO = re.compile(lexicon.TAKEN_BACK_NO)
_MEANT_AFTER = re.compile(lexicon.MEANT_AFTER_A_NO)
VALUE_ENDS = "一二三四五六七八九十日天号点半午0123456789"  # the last character of a day or an hour said
DISOWNING_LINK_CHARS = 4  # the 说要 of "不是说要取消", the 要人来 of "不是要人来做饭"
_SOMEONE_ELSE_TOLD = re.compile(lexicon.SOMEONE_ELSE_TOLD)
# Matched where a cue ends (`pattern.match(text, end)`), so neither pattern opens with "^".
_PUT_OFF_AFTER = re.compile(lexicon.PUT_OFF_AFTER)
_CONDITION_AFTER = re.compile(lexicon.CONDITION_AFTER)
_PURPOSE_BEFORE = re.compile(lexicon.PURPOSE_BEFORE)
_NOTICES_COMPLAINED_OF = re.compile("(?:%s)$" % alternation(lexicon.NOTICES_COMPLAINED_OF_BEFORE))
_GIVEN_UP_FOR = re.compile(lexicon.GIVEN_UP_FOR)
# Round twenty-three: a worry, a complaint or a question of the bank's, then a concrete ask in a later clause (a
# request or a service, and when: "…你们这靠得住 那我试试 帮我去社区医院取下药 明天", "…很马虎 … 这次换个人 周五下午
# 两点"): what is asked at the end is the message's point, the words before it its reason.
# Round twenty-seven: and a story opened as one ("我跟你说 … 周二早上 吃完早饭 八点半 能有个人陪我去公园转转吗").
CONTEXT_INTENTS = ("about", "rate", "register", "help", "unknown")
CONTEXT_WEIGHT = 0.3
_ANY_DAY = date(2000, 1, 1)  # days are looked for only to be found, not resolved
# Round nineteen: a request said after a service waved off changes the ask; it cancels nothing ("我想约个剪头发的
# 哎呀算了 … 还是帮我约个人做饭吧").
NEW_ASK_STATED = 1.5
WITHDRAWAL_STATED = 3.0


@dataclass(frozen=True, slots=True)
class Decision:
    intent: str
    confidence: float
    stated: bool  # the intent rests on its own cue words, not only on a service word
    learnt: bool = False  # the learnt reader placed the message (parser.py)


def decide(text: str, cues: list[Hit], services: list[Hit], negations: list[Hit],
           dismissals: list[Hit]) -> Decision:
    votes = _cue_votes(text, cues, services)
    stated = dict(votes)
    last_ask = max((hit.start for hit in cues if hit.label == "post_request" and hit.weight >= NEW_ASK_STATED
                    and not _SOMEONE_ELSE_TOLD.search(text, 0, hit.start)), default=-1)
    _vote_for_services(text, votes, services, negations, dismissals, last_ask)
    if max(votes.values(), default=0.0) < MIN_VOTES:
        no = _opening_no_to_what_it_disowns(text, cues, services)
        votes["deny"] += no
        stated["deny"] = stated.get("deny", 0.0) + no
    ranked = sorted(votes.items(), key=lambda item: (-item[1], _ORDER[item[0]]))
    if not ranked or ranked[0][1] < MIN_VOTES:
        # every word of an intent disowned ("不会被取消吧"): not for the learnt reader to read the word back in
        disowned_all = any(hit.label not in ANSWER_INTENTS and disowned(text, hit) for hit in cues if hit.label)
        return Decision("unknown", UNKNOWN_CONFIDENCE, stated=disowned_all)
    if ranked[0][0] == "unknown":  # small talk, in words the lexicon knows: not for the learnt reader to place
        return Decision("unknown", UNKNOWN_CONFIDENCE, stated=True)
    intent, top = ranked[0]
    runner_up = ranked[1][1] if len(ranked) > 1 else 0.0
    return Decision(intent, _confidence(top, runner_up), stated=stated.get(intent, 0.0) >= MIN_VOTES)


def _cue_votes(text: str, cues: list[Hit], services: list[Hit]) -> defaultdict[str, float]:
    votes: defaultdict[str, float] = defaultdict(float)
    asked_by = min((hit.end for hit in (*cues, *services)
                    if hit.label and hit.label not in ANSWER_INTENTS and not disowned(text, hit)), default=len(text))
    answers_only = _said_in_answers_only(text, cues)
    given_up_before = _given_up_before(text, cues)
    double_negatives = list(_DOUBLE_NEGATIVE.finditer(text))
    no_answer_at = _noes_that_answer_nothing(text, cues, services, double_negatives)
    for hit in cues:
        if _votes(text, hit, answers_only, no_answer_at):
            weight = hit.weight * _weight_where_said(text, hit, asked_by)
            given_up = hit.end <= given_up_before
            if given_up or (hit.label not in ANSWER_INTENTS and _set_aside(text, hit, given_up_before)):
                weight *= SOMEONE_ELSE_WEIGHT
            elif hit.label in CONTEXT_INTENTS and _asked_after(text, hit, cues, services):
                weight *= CONTEXT_WEIGHT
            votes[hit.label] += min(weight, CONTRASTED_WEIGHT) if _CONTRASTED.match(text, hit.start) else weight
    if any(m.start() == 0 or text[m.start() - 1] == " " for m in double_negatives):
        votes["affirm"] += DOUBLE_NEGATIVE_WEIGHT
    return votes


def _asked_after(text: str, hit: Hit, cues: list[Hit], services: list[Hit]) -> bool:
    clause_end = text.find(" ", hit.end)
    if clause_end < 0:
        return False
    # round thirty-four: a reason before a withdrawal said outright ("天气预报说要下雨 先不要了"), which needs no day
    if any(h.start > clause_end and h.label == "cancel" and h.weight >= WITHDRAWAL_STATED for h in cues):
        return True
    asked = any(h.start > clause_end and (h.label == "post_request" or h in services) for h in (*cues, *services))
    rest = text[clause_end:]
    # a day gone by ("前天上门理发那个人 …") is a story's, not the ask's
    return asked and bool(first_time(rest) or any(found.value >= _ANY_DAY for found in find_dates(rest, _ANY_DAY)))


def _set_aside(text: str, hit: Hit, given_up_before: int) -> bool:
    """Words the writer gives up, puts off ("余额的事回头再说"), gives as the purpose of what they ask ("想重新收你们的
    活动通知 好给我mm报名"), notices complained of, or a question of theirs made only the condition of the ask
    ("上门理发收钱吗 不收钱的话我想约一个"; not a topic: "评价的话 还行吧")."""
    return (hit.end <= given_up_before or bool(_PUT_OFF_AFTER.match(text, hit.end))
            or bool(_PURPOSE_BEFORE.search(text, 0, hit.start))
            or (hit.label == "broadcast" and complained_of(text, hit.start))
            or (hit.label == "about" and bool(_CONDITION_AFTER.match(text, hit.end))))


def _given_up_before(text: str, cues: list[Hit]) -> int:
    """Where the writer gives up what they said for another intent ("我想先捐一点给公益池 算了算了 还是先转给我外婆吧"):
    the start of the last change of mind that an intent word of another kind follows; -1 when there is none."""
    # a message of answers alone gives up an answer for another ("好的 哦不 不用了")
    kinds = [h for h in cues if h.label and h.label not in ANSWER_INTENTS] or [h for h in cues if h.label]
    for change in reversed(list(_GIVEN_UP_FOR.finditer(text))):
        before = {h.label for h in kinds if h.end <= change.start()}
        after = {h.label for h in kinds if h.start >= change.end()}
        if before and after - before:
            return change.start()
    return -1


def _votes(text: str, hit: Hit, answers_only: set[int], no_answer_at: set[int]) -> bool:
    if hit.label is None:
        return False
    if hit.label not in ANSWER_INTENTS:
        return not disowned(text, hit)
    said_as_an_answer = _answers(text, hit) or hit.start in answers_only
    return said_as_an_answer and hit.start not in no_answer_at and not _corrects_a_value(text, hit)


def _noes_that_answer_nothing(text: str, cues: list[Hit], services: list[Hit],
                              double_negatives: list[re.Match]) -> set[int]:
    """Where a no answers nothing: the "不是" of "不是要取消", which disowns the word after it (past a 要, 想, 说要
    or 要人来), both noes of "不是不行", and a no the speaker takes back at once ("不对 哦 对对对")."""
    taken_back = {0} if _TAKEN_BACK_NO.match(text) else set()
    return (_disowning_noes(text, cues, services) | taken_back
            | {at for m in double_negatives for at in (m.end() - 3, m.end() - 1)})


def _opening_no_to_what_it_disowns(text: str, cues: list[Hit], services: list[Hit]) -> float:
    """"不要取消 我还要的", "不是要退订 我手滑了": with nothing else said, the no that opens the message answers."""
    opening = [hit for hit in cues if hit.start == 0]
    return sum(hit.weight for hit in opening if hit.start in _disowning_noes(text, cues, services)) if opening else 0.0


def _disowning_noes(text: str, cues: list[Hit], services: list[Hit]) -> set[int]:
    disowned_starts = {h.start for h in (*cues, *services) if h.label not in ANSWER_INTENTS and disowned(text, h)}
    return {h.start for h in cues if h.label in ANSWER_INTENTS
            and any(h.end <= start <= h.end + DISOWNING_LINK_CHARS for start in disowned_starts)}


def complained_of(text: str, start: int) -> bool:
    """"半夜还发通知 吵死了 别发了": the bot's notices complained of, not one asked for."""
    return bool(_NOTICES_COMPLAINED_OF.search(text, 0, start))


def disowned(text: str, hit: Hit) -> bool:
    """"不是要取消 是想改个时间", "我不是志愿者": the word is what the writer says they do not mean."""
    return disowned_at(text, hit.start)


def disowned_at(text: str, start: int) -> bool:
    return bool(_DISOWNED_BEFORE.search(text, 0, start))


def _corrects_a_value(text: str, hit: Hit) -> bool:
    """"周三 不对 周四 上午十点 哦不对 十一点 帮我老伴洗个澡": a no right after a day or an hour puts it right, and
    one before the speaker says again what they meant ("今天天气 哦不对 我是想问明天下不下雨"); it does not answer
    the bot."""
    return hit.label == "deny" and (text[:hit.start].rstrip()[-1:] in tuple(VALUE_ENDS)
                                    or (hit.start > 0 and bool(_MEANT_AFTER.match(text, hit.end))))


def _weight_where_said(text: str, hit: Hit, asked_by: int) -> float:
    if hit.label not in ANSWER_INTENTS and _SOMEONE_ELSE_TOLD.search(text, 0, hit.start):
        return SOMEONE_ELSE_WEIGHT
    if hit.label not in ANSWER_INTENTS or " " not in text[:hit.start]:
        return 1.0
    return WRAP_UP_WEIGHT if hit.start >= asked_by else LATER_ANSWER_WEIGHT


def _said_in_answers_only(text: str, cues: list[Hit]) -> set[int]:
    """Where a clause is nothing but answer words run together, as a voice message gives them ("好好好可以就
    这样行行"): every one of them answers."""
    covered = {at for hit in cues if hit.label in ANSWER_INTENTS for at in range(hit.start, hit.end)}
    starts, at = set(), 0
    for clause in text.split(" "):
        span = range(at, at + len(clause))
        if clause and all(position in covered for position in span):
            starts.update(span)
        at += len(clause) + 1
    return starts


def _answers(text: str, hit: Hit) -> bool:
    opens_clause = hit.start == 0 or text[hit.start - 1] == " "
    if hit.end - hit.start > 1:
        return opens_clause
    return opens_clause and (hit.end == len(text) or text[hit.end] == " ")


def _vote_for_services(text: str, votes: defaultdict[str, float], services: list[Hit],
                       negations: list[Hit], dismissals: list[Hit], last_ask: int) -> None:
    if not services:
        return
    if last_ask < 0 and all(text[h.start:h.end] in lexicon.FEELINGS for h in services):
        votes["unknown"] += MIN_VOTES  # a feeling told: the lexicon is sure it asks nothing
        return
    if any(negated(service, negations, dismissals) and last_ask < service.end for service in services):
        votes["cancel"] += NEGATED_SERVICE_VOTE
    votes[_service_owner(votes)] += SERVICE_VOTE


def negated(service: Hit, negations: list[Hit], dismissals: list[Hit]) -> bool:
    """"不用买菜了" negates before the service, "买菜不用了" after it."""
    return (any(n.end <= service.start <= n.end + NEGATION_REACH for n in negations)
            or any(service.end <= d.start <= service.end + NEGATION_REACH for d in dismissals))


def _service_owner(votes: defaultdict[str, float]) -> str:
    request = votes.get("post_request", 0.0)
    rivals = [i for i in SERVICE_OBJECT_INTENTS if votes.get(i, 0.0) >= max(MIN_VOTES, request)]
    return max(rivals, key=lambda i: votes[i]) if rivals else "post_request"


def _confidence(top: float, runner_up: float) -> float:
    clarity = 0.5 + 0.5 * (top - runner_up) / top   # 1.0 when nothing competes
    strength = 1.0 - math.exp(-top)                 # one strong cue (3) is near 0.95
    return round(clarity * strength, 3)
