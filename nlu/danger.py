"""Is someone in danger now? Three outcomes: alarm (alert at once), doubt (show the numbers, ask), none.

Cues of danger add up per message; a clause that speaks of the past, of learning, of prices or of
thanks does not count ("去年摔过一跤"), nor do weak cues in the clauses after a past one until the
talk comes back to now ("现在", "刚才"), nor weak cues in a message that asks for an ordinary service
or says the trouble has passed. Every word lives in danger_words.py. The learnt reader
(danger_model.py) then has the last word on what the tables read, by the bars in danger_words.py.
"""

import re
from dataclasses import dataclass

from . import cleanup, danger_model
from . import danger_words as words
from .required_chars import WakeIndex, required_chars

ALARM, DOUBT, NONE = "alarm", "doubt", "none"


@dataclass(frozen=True, slots=True)
class Danger:
    level: str              # ALARM, DOUBT or NONE
    weight: float           # the cues' total, after the context rules
    cues: tuple[str, ...]   # the words that counted, for logs and tests

    @property
    def kinds(self) -> frozenset[str]:
        """The kinds of danger its words belong to ("self_harm", "fall" …): what the reply is fitted to."""
        return frozenset(_KIND_OF_CUE[cue] for cue in self.cues if cue in _KIND_OF_CUE)


def _alternation(phrases) -> re.Pattern:
    return re.compile("|".join(map(re.escape, sorted(set(phrases), key=len, reverse=True))))


_KIND_OF_CUE = {phrase: kind for kind, table in words.DANGER_CUES.items() for phrase in table}
_CUE_WEIGHT = {phrase: weight for table in words.DANGER_CUES.values() for phrase, weight in table.items()}
_CUES = _alternation(_CUE_WEIGHT)
_PATTERN_SOURCES = list(words.DANGER_PATTERNS.items())


def _composition(parts: tuple[str, ...], gap: int) -> str:
    """A kind composed of parts ("body" then "injured"): each part's words in turn, `gap` apart at most."""
    alternations = ("(?:%s)" % _alternation(words.KIND_PARTS[part]).pattern for part in parts)
    return ("[^ ]{0,%d}" % gap).join(alternations)


_PATTERN_SOURCES += [(_composition(parts, gap), weight) for parts, gap, weight in words.KIND_COMPOSITIONS]
# Each pattern with the characters it cannot match without, so that a clause holding none of them skips it
# unrun: most of the 200 patterns are about other kinds than the clause's.
_PATTERNS = [(re.compile(regex), required_chars(regex), weight) for regex, weight in _PATTERN_SOURCES]
_PATTERNS_WAKE = WakeIndex([required for _, required, _ in _PATTERNS])
# Round five: the first parts in one clause, the second in the clause after it.
_CROSS = [(re.compile(_composition(first, words.CROSS_CLAUSE_GAP)), re.compile(_composition(then, words.CROSS_CLAUSE_GAP)),
           weight) for first, then, weight in words.CROSS_CLAUSE_COMPOSITIONS]
_WAS_FINE = _alternation(words.KIND_PARTS["was_fine"])
_FRAME = _alternation(words.FRAMES + words.WATCHING_NOW)
_CRY = re.compile(words.CRY_CLAUSE)
_SCREEN = _alternation(words.SCREEN_ACTIVITIES)
_WATCHED = re.compile(words.SCREEN_WATCHED)
_PET = _alternation(words.PETS)
# "被狗咬", "猫抓伤了我": a pet's harm to a person; not "狗被车撞"
_BITTEN = re.compile("(?:%s)(?:%s)" % (_PET.pattern, _alternation(words.PET_ATTACKS).pattern))
_DRILL = _alternation(words.DRILLS)
_STAGED = re.compile(words.STAGED_CUES)
_ANY = re.compile("")  # a frame that silences every cue
_FRAME_RELEASE = re.compile("(?!%s)(?:%s)" % (_alternation(words.NOT_FRAME_RELEASES).pattern,
                                              _alternation(words.FRAME_RELEASES).pattern))
_SIMILE = re.compile("|".join(words.SIMILE_PATTERNS))
_SIMILE_WORD = re.compile("像|跟|如同|好似|一样|似的|一般")  # a cheap look first: most clauses hold no simile
_BODY = _alternation(words.KIND_PARTS["body"] + ("浑身", "全身", "身上", "身子"))
# An object or a pet in a harmed state ("电视没反应了"): hidden like a neutral phrase.
# A few characters may stand between them ("手机掉地上摔了"), but no person ("电视人就不动了").
_NON_PERSON = re.compile("(?:%s)[^ 人他她我爸妈爷奶伴]{0,3}?(?:%s)" % (_alternation(words.NON_PERSONS).pattern,
                                                     _alternation(words.NON_PERSON_STATES).pattern))
_SOFTENED = re.compile("(?:%s)$" % _alternation(words.SOFTENERS).pattern)
_NEUTRAL = _alternation(words.NEUTRAL_PHRASES)
_VARIANTS = _alternation(words.DANGER_VARIANTS)
_CLAUSE_DEFUSER = re.compile("|".join([
    *map(re.escape, sorted({w for table in words.CLAUSE_DEFUSERS.values() for w in table}, key=len, reverse=True)),
    *words.CLAUSE_DEFUSER_PATTERNS]))
_MESSAGE_DEFUSER = _alternation(w for kind, table in words.MESSAGE_DEFUSERS.items() if kind != "resolved" for w in table)
# "没事" settles what was told before it; said first it plays down what follows ("没什么大事 就是一边手脚麻了").
_SAID_OVER = _alternation(words.MESSAGE_DEFUSERS["resolved"])
_NOW = re.compile("(?<!到)(?=%s)" % "|".join(map(re.escape, words.NOW_MARKERS)))  # "到现在" stays whole
_BACK_TO_NOW = re.compile("|".join(map(re.escape, words.NOW_MARKERS)))
_BACK_FROM_AFAR = _alternation(words.BACK_FROM_AFAR)
_NEAR_PAST = _alternation(words.NEAR_PAST)
_NEGATED = re.compile(words.NEGATED_BEFORE)
_NEWS = _alternation(words.NEWS_AFTER_REQUEST)
_SUDDEN = _alternation(words.SUDDEN_NEWS)
_VISIT_UNDER_WAY = _alternation(words.VISIT_UNDER_WAY)
_LASTING = _alternation(words.LASTING_NEED)
_BOOKED_FOR_LATER = re.compile(words.BOOKED_FOR_LATER)
_SELF_HARM = frozenset(words.DANGER_CUES["self_harm"])
_SELF_HARM_SAID = _alternation(_SELF_HARM)
_SETTLING_SAYING = _alternation(words.SETTLING_SAYINGS)
_PRAISE = _alternation(words.PRAISE)
_SYNDROMES = [(re.compile(first), re.compile(second), weight, anywhere)
              for first, second, weight, anywhere in words.SYNDROMES]
_ONSET = _alternation(words.SUDDEN_ONSET)
_CHRONIC_TAG = re.compile(words.CHRONIC_TAG)
_LASTED_FOR = re.compile(words.LASTED_FOR)
# A message that says nobody is in danger, or that the trouble is over: the learnt reader does not raise it.
_SETTLED_IN_WORDS = _alternation(
    words.SAID_SAFE + words.MESSAGE_DEFUSERS["resolved"] + words.NOT_FOR_THE_MODEL_TO_RAISE)
# Smoke or a smell whose harmless source is named ("老伴又在阳台抽烟了 一屋子烟味"): the tables' to raise, not the model's.
_HARMLESS_SOURCE = _alternation(words.MESSAGE_DEFUSERS["harmless_source"])
_SMOKE_OR_SMELL = re.compile("烟|味|糊")  # not a burn or a cut while cooking ("做饭 … 我手被热油烫了")
_ASLEEP = _alternation(words.ASLEEP)
# A request told as a habit or as past ("平时都是志愿者帮我取药") asks for nothing now.
_NOT_ASKING_NOW = _alternation(words.CLAUSE_DEFUSERS["thanks"] + words.CLAUSE_DEFUSERS["habitual"]
                               + words.CLAUSE_DEFUSERS["past"])
# Another time than now, said once, holds over the clauses after it: the past and the hypothetical.
_PAST = _alternation(words.CLAUSE_DEFUSERS["past"] + words.CLAUSE_DEFUSERS["hypothetical"])
# What the message says that explains a cue away, however strong ("喊他不答应 他耳背").
_EXPLAINERS = [(_alternation(says), re.compile(cues)) for says, cues in words.EXPLAINED_AWAY]
LEARNT = "(learnt)"  # the cue of a doubt raised by danger_model.py
OVERRULED = "(overruled)"  # the last cue of a doubt that danger_model.py was sure is no danger
HIDDEN = "_"  # stands in for a neutral phrase's characters: never part of a cue
# Round six: the structures that make a message unsure (see the end of danger_words.py).
_RESOLVED = re.compile("|".join(words.RESOLVED_PATTERNS))
_HOPED = re.compile(words.HOPED_OUTCOME)
_QUESTION_END = re.compile(words.QUESTION_ENDS)
_HYPOTHETICAL = _alternation(words.CLAUSE_DEFUSERS["hypothetical"])
_POSSESSIVE = re.compile(words.POSSESSIVES)
_PET_ERRAND = re.compile(words.PET_ERRANDS)
_PLAIN_WHEN = _alternation(words.PLAIN_CLAUSE_WHEN)
_SUBJECT = _alternation(words.PETS + words.CHILDREN + words.PERSONS)
_SUBJECT_KIND = {**{w: "person" for w in words.PERSONS}, **{w: "child" for w in words.CHILDREN},
                 **{w: "pet" for w in words.PETS}}
_HAZARD = re.compile(words.HAZARD_CUES)
_ORDINARY_CAUSE = _alternation(words.ORDINARY_CAUSES)
_DIFFICULTY = _alternation(words.DIFFICULTIES)
_DIFFICULTY_CRY = re.compile(words.DIFFICULTY_CRIES)
_REQUEST = _alternation(words.MESSAGE_DEFUSERS["request"])
# "谢谢上回帮我交了电费": done, not asked; "送个饭过来" is asked
_REQUEST_DONE = re.compile("(%s)[^ ]{0,2}(?:了|过(?![来去]))" % _REQUEST.pattern)
_MADE_SAFE = re.compile("|".join(words.MADE_SAFE))
_MADE_SAFE_CUE = re.compile(words.MADE_SAFE_CUES)
_URGENT = re.compile("%s|%s" % (_alternation(words.URGENT).pattern, words.PERSON_ASKED_AT_THE_END))
_HEDGE = re.compile(words.HEDGES)
_PLEA = _alternation(words.PLEA_WORDS)
_HASTE = re.compile("%s|%s" % (_alternation(words.HASTE).pattern, words.PERSON_ASKED_AT_THE_END))
_BARE_PLEA = re.compile(words.BARE_PLEA)
_UNITS = re.compile(r"[a-z0-9]+|[^\sa-z0-9_]")  # an English word or number, or any other character


def read(raw: str, learnt: bool = True) -> Danger:
    return read_clean(cleanup.clean(raw), learnt)


def read_clean(text: str, learnt: bool = True) -> Danger:
    """`text` as cleanup.clean gives it (the parser's Reading.text). `learnt=False` reads by the tables
    alone: for an answer to the bot's question ("钥匙在门口地垫下面"), which the learnt reader has not met."""
    text = as_written = normalised(text)  # what the learnt reader was taught on
    text = _HEDGE.sub(_hidden, _NEUTRAL.sub(_hidden, _NON_PERSON.sub(_hidden, text)))
    found: list[tuple[str, float]] = []
    first_cue_at = last_cue_at = -1  # the clauses of the first and the last cue that counted
    resolved_at = -1     # "…仰了会儿头就止住了": the clause of an outcome told after a cue
    subject = "person"   # who the clause is about: the writer until someone else is named
    in_the_past = False  # "上回打120 救护车十分钟就到了", "如果我晕倒 手环能报警吗": until the talk comes back to now
    # ... and when that time is days or more away or only supposed, not even a strong cue is of now:
    # "上个月摔倒了 … 起不来 后来120送去医院", "要是晚上突然胸口疼 喘不上气 是先打120还是…"
    far_away = False
    told_before: list[tuple[str, float]] = []  # the strong cues of a clause after a near past one
    said_plainly = False  # a clause that is the danger and little else: "摔了一跤", "我头好晕"
    last_hazard_at = made_safe_at = -1  # "闻到煤气味 … 已经关好总阀": the hazard is over
    # "梦见家里着火了 吓醒了": every cue silenced (a dream, a screen) or the staged ones (a drill),
    # until a clause comes back
    in_a_frame: re.Pattern | None = None
    told_in_a_frame = False  # a cue the frame silenced: the message has said where its danger lives
    previous = None      # the clause before, for a symptom told across two clauses
    previous_here: list[tuple[str, float]] = []  # the cues that counted in the clause before
    standing: list[tuple[str, float]] = []       # cues told to be a standing condition ("疼得要命 | 老毛病了")
    lasted = False  # the clause before told a condition that has lasted for years ("中风三年了")
    clauses = _clauses(text)
    of_now: list[str] = []  # the clauses whose cues were weighed: not told of another time, a frame or a defuser
    # The clause before can own this one: "…看抗日剧 | 里面喊救命" is the drama's, "我爸总说 | 我快不行了" a saying.
    owned_by_previous: tuple[str, ...] = ()
    for at, clause in enumerate(clauses):
        if clause.startswith(owned_by_previous):
            owned_by_previous = ()
            continue
        owned_by_previous = (words.ON_SCREEN if _SCREEN.search(clause) else
                             ("",) if clause.endswith(words.HABITUAL_SAYINGS) else ())
        subject = _subject(clause) or subject
        if _CHRONIC_TAG.fullmatch(clause):
            standing += [(cue, w) for cue, w in previous_here if w < words.SURE]
        # "我老伴中风三年了 | 右手动不了": what a condition told to have lasted for years brings is standing too
        after_a_lasting_condition, lasted = lasted, bool(_LASTED_FOR.search(clause))
        previous_here = []
        if _told_over(clause) and last_cue_at >= 0:
            resolved_at = at
        if _MADE_SAFE.search(clause):
            made_safe_at = at
        # round thirty-six: a cry is of now, whatever was told before it ("上回陪我去医院的小王说… 快来人 救命啊 我起不来了")
        if (_BACK_TO_NOW.match(clause) or _BACK_FROM_AFAR.search(clause) or _CRY.fullmatch(clause)
                or (far_away and _SUDDEN.search(clause))):
            in_the_past = far_away = False
        if _FRAME_RELEASE.match(clause) or _CRY.fullmatch(clause):
            in_a_frame = None
        if _FRAME.search(clause) or _DRILL.search(clause) or _SCREEN.search(clause):
            # a drama watched on another day is told afterwards, a frame ("昨晚看电视剧 | 里面的老太太…")
            told_afterwards = _FRAME.search(clause) or (_SCREEN.search(clause) and (
                _PAST.search(clause) or _WATCHED.search(clause)))
            in_a_frame = _ANY if told_afterwards else _STAGED if _DRILL.search(clause) else in_a_frame
            told_in_a_frame = told_in_a_frame or bool(told_afterwards and _cues(clause))
            previous = None
            continue
        if in_a_frame is _ANY:
            told_in_a_frame = told_in_a_frame or bool(_cues(clause))
            previous = None
            continue
        if _PAST.search(clause):
            in_the_past = True
            far_away = far_away or not _NEAR_PAST.fullmatch(_PAST.search(clause).group())
            previous = clause  # "昨天还好好的 今天叫不醒": the earlier state still sets off the change
            continue
        # a wish to die said again and again is a warning sign, not a habit of speech ("我爸老说不想活了")
        if _CLAUSE_DEFUSER.search(clause) and not _SELF_HARM_SAID.search(clause):
            previous = None
            continue
        if not in_the_past:
            of_now.append(clause)
        here = [(cue, w) for cue, w in _cues(clause, previous)
                if (not in_the_past or (w >= words.STRONG and not far_away))
                and not (in_a_frame and in_a_frame.search(cue))]
        here = _of_whom(subject, here)
        if _ORDINARY_CAUSE.search(clause):  # "太阳晒得头晕": the cause is named
            here = [(cue, min(w, words.DEMOTED)) for cue, w in here if w >= words.STRONG]
        elif previous is not None and _ORDINARY_CAUSE.search(previous):  # "大热天来修空调 | 满头大汗的"
            here = [(cue, w) for cue, w in here if w >= words.STRONG]  # "天太热了 | 我老伴晕倒了" still alarms
        if after_a_lasting_condition:
            standing += [(cue, w) for cue, w in here if w < words.SURE]
        if here:
            first_cue_at = at if first_cue_at < 0 else first_cue_at
            last_cue_at = at
            last_hazard_at = at if any(_MADE_SAFE_CUE.search(cue) for cue, _ in here) else last_hazard_at
            if _RESOLVED.search(clause[clause.find(here[-1][0]):]) and not _HOPED.search(clause):
                resolved_at = at
        found += here
        previous_here = here
        told_before += here if in_the_past else []
        said_plainly = said_plainly or _said_plainly(clause, here)
        previous = clause
    if _BARE_PLEA.fullmatch(text):
        found.append((text, words.BARE_PLEA_WEIGHT))
    syndromes = _syndromes(of_now, text, subject)
    found += syndromes
    # A cue told after the outcome is a new event ("…好像没事 | 但是头一直晕"): no longer resolved.
    resolved = resolved_at >= last_cue_at >= 0
    if resolved:  # "昨天晚上我爸噎住了 脸都憋紫了 … 今天他好好的": what was told of before is over
        found = [cue for cue in found if cue not in told_before]
    if made_safe_at >= last_hazard_at >= 0:
        found = [(cue, weight) for cue, weight in found if not _MADE_SAFE_CUE.search(cue)]
    said_over = first_cue_at >= 0 and any(_SAID_OVER.search(clause) for clause in clauses[first_cue_at:])
    # Each rule below only ever drops or lowers cues, so a message with none skips their searches.
    if found and (_MESSAGE_DEFUSER.search(_calm(text)) or said_over or resolved):
        found = [(cue, weight) for cue, weight in found if weight >= words.STRONG]
    if resolved:  # "噎着了 喝口水就好了": only the gravest sign still asks once it is told over
        found = [(cue, weight) for cue, weight in found if weight >= words.SURE]
    # ... unless it came on all of a sudden ("我老伴突然说不出话了 嘴歪了 想找人来看看"): that is news, not a reason
    as_a_reason = _REQUEST.search(_calm(text)) and not _URGENT.search(text) and not _SUDDEN.search(text)
    if as_a_reason:  # a condition given as the reason for a visit
        found = [(cue, weight if weight >= words.SURE else min(weight, words.DEMOTED)) for cue, weight in found
                 if (weight >= words.STRONG or not _LASTING.search(text)) and (cue, weight) not in standing]
    else:
        found = [(cue, min(weight, words.DEMOTED) if (cue, weight) in standing else weight) for cue, weight in found]
    if found and _DIFFICULTY.search(text):  # "救命 这歌我学不会": a cry with its difficulty named asks
        found = [(cue, min(weight, words.DEMOTED) if _DIFFICULTY_CRY.search(cue) else weight) for cue, weight in found]
    # The explanations read the message as written, its objects ("手机卡死了 动不了") and set phrases ("我不行了
    # 笑死") named; what was true a moment ago explains nothing now: "他刚才还在看电视 现在怎么喊都不答应".
    explaining = (" ".join(clause for clause in _clauses(as_written) if not _WAS_FINE.search(clause))
                  if found and _WAS_FINE.search(as_written) else as_written)
    explained_away = False  # the message says why its danger words are none ("一看是遥控器找不着了")
    for explanation, explained in _EXPLAINERS if found else ():
        if explanation.search(explaining):
            kept = [(cue, weight) for cue, weight in found if not explained.search(cue)]
            explained_away, found = explained_away or len(kept) < len(found), kept
    weight = sum(w for _, w in found)
    if resolved or _question_about_the_future(text, clauses) or (
            as_a_reason and all(w < words.SURE for _, w in found)):
        weight = min(weight, words.DEMOTED)
    level = ALARM if weight >= words.ALARM_AT else DOUBT if weight >= words.DOUBT_AT else NONE
    tables = Danger(level, weight, tuple(cue for cue, _ in found))
    if not learnt:
        return tables
    # What the message settles itself is not the learnt reader's to raise: a cue it explains, a harm to an
    # object ("屋里灯泡烧了"), a danger told in a story or a dream ("小说里写的老太太摔倒了爬不起来"),
    # "not an emergency", "现在好了", someone asleep, a pet that harmed no one ("小金鱼翻肚皮了 一动不动了"), or
    # smoke from a named harmless source.
    # Round nineteen: nor one whose last clause tells it over ("上礼拜…头晕得厉害 打了针现在降下来了").
    settled = (explained_away or told_in_a_frame or (bool(clauses) and _told_over(clauses[-1]))
               or _SETTLED_IN_WORDS.search(text)
               or (_HARMLESS_SOURCE.search(text) and _SMOKE_OR_SMELL.search(text))
               or _NON_PERSON.search(as_written) or _ASLEEP.search(as_written)
               or (_PET.search(as_written) and not _BITTEN.search(as_written))
               or (as_a_reason and _BOOKED_FOR_LATER.search(text))
               # round twenty-four: a saying that is all its danger ("天太热 嗓子都冒烟了 喝了一大杯水"); round
               # twenty-five: praise
               or (not found and (_SETTLING_SAYING.search(as_written) or _PRAISE.search(as_written))))
    # A danger said plainly and then said to be over ("哮喘犯了一下 喷了药 现在好了") is the model's to weigh.
    # A wish to die is never the learnt reader's to drop: it has met too few to know them ("我真的不想活了").
    # Round twenty-four: nor a sudden onset told ("我妈突然心慌 是什么毛病"): it is news of now, asked about at least.
    # Round thirty: nor signs that are grave together ("一天一夜没尿出来 | 小肚子胀得疼死了"), which the tables name
    # as such on purpose.
    said_plainly = ((said_plainly and not resolved) or any(cue in _SELF_HARM for cue in tables.cues)
                    or (any(cue in tables.cues for cue, _ in syndromes) and not resolved)
                    or (tables.level != NONE and bool(_ONSET.search(text)) and not resolved))
    return _weighed_by_the_model(tables, as_written, clauses, said_plainly, may_raise=not settled)


def _said_plainly(clause: str, here: list[tuple[str, float]]) -> bool:
    """A clause that is a danger word and little else, pleas aside ("摔了一跤", "我头好晕"), or its danger words and
    nothing but who and a particle ("我摔了一跤起不来了"; not "打120叫救护车的钱")."""
    bare = _PLAIN_WHEN.sub("", _PLEA.sub("", clause))
    if any(len(bare) - len(cue) <= words.PLAIN_CLAUSE_SLACK for cue, _ in here):
        return True
    covered = {at for cue, _ in here if (start := bare.find(cue)) >= 0 for at in range(start, start + len(cue))}
    return len(covered) > 0 and all(ch in words.PLAIN_CLAUSE_REST for at, ch in enumerate(bare) if at not in covered)


def _syndromes(of_now: list[str], text: str, subject: str) -> list[tuple[str, float]]:
    """Signs that together are a danger (words.SYNDROMES) in the clauses of now; a person's, not a pet's."""
    if subject != "person":
        return []
    now = " ".join(of_now)
    found = []
    for first, second, weight, anywhere in _SYNDROMES:
        sign, with_it = first.search(now), second.search(text if anywhere else now)
        if sign and with_it:
            found.append((sign.group() + "…" + with_it.group(), weight))
    return found


def normalised(text: str) -> str:
    """What both readers read: spaced-out characters joined, spoken variants in their written form."""
    return _VARIANTS.sub(_variant, _joined(text))


def _weighed_by_the_model(tables: Danger, text: str, clauses: list[str], said_plainly: bool,
                          may_raise: bool) -> Danger:
    """The learnt reader has the last word where it has enough to go on. It raises a message the tables
    let pass to a doubt, even one they read as told of another time ("去年…"), though not a question
    about a time to come ("如果半夜胸口疼 是先打120还是找你们"). It drops a reading of theirs it finds
    unlikely ("我家老头子睡觉叫不醒 昨晚打了一宿麻将"), or only asks about an alarm it finds fairly
    unlikely; never a danger said in a clause of its own ("摔倒了 起不来 想找人扶我"), since its dislike
    of the words of ordinary requests (想找人, 帮我) must not answer for it."""
    units = len(_UNITS.findall(text))
    if units < words.MODEL_MIN_UNITS:
        return tables
    sure = danger_model.probability(text)
    if tables.level == NONE:
        if (sure >= words.MODEL_RAISES_AT and units >= words.MODEL_RAISES_FROM_UNITS
                and may_raise and not _question_about_the_future(text, clauses)):
            return Danger(DOUBT, tables.weight, (LEARNT,))
        return tables
    if sure < words.MODEL_KEEPS_ABOVE and not said_plainly:
        if tables.level == ALARM and sure >= words.MODEL_DROPS_ALARMS_BELOW:
            return Danger(DOUBT, tables.weight, (*tables.cues, OVERRULED))  # asked, not alerted on
        return Danger(NONE, tables.weight, (*tables.cues, OVERRULED))
    return tables


def _told_over(clause: str) -> bool:
    """An outcome told, not only hoped for: "…就止住了", not "估计歇一会就没事"."""
    return bool(_RESOLVED.search(clause)) and not _HOPED.search(clause)


def _calm(text: str) -> str:
    """A request said in haste ("我一个人抬不动她 请马上派人来") is a call for help, not an ordinary visit,
    one followed by sudden news ("今天陪赵奶奶去复查 … 她刚才在路边突然站不稳") is the visit's story, and
    one already done, thanked for or told as a habit ("谢谢上回帮我交了电费", "平时都是志愿者帮我取药") asks
    nothing, and a volunteer writing from the
    visit ("我是今天给李奶奶助浴的志愿者 … 洗到一半她说头晕") asks for no visit: their words do not settle
    the weak cues."""
    text = " ".join(map(_told_not_asked, text.split(" ")))
    text = _REQUEST_DONE.sub(_hidden, text)
    request = _REQUEST.search(text)
    if request and (_HASTE.search(text) or _VISIT_UNDER_WAY.search(text) or _NEWS.search(text, request.end())):
        return _REQUEST.sub(_hidden, text)
    return text


def _told_not_asked(clause: str) -> str:
    """"平时都是志愿者帮我取药": a request after a habit, a thanks or the past is told, not asked; one before
    it ("想找人每天陪他下楼走走") still asks."""
    told = _NOT_ASKING_NOW.search(clause)
    return clause if told is None else clause[:told.start()] + _REQUEST.sub(_hidden, clause[told.start():])


def _subject(clause: str) -> str | None:
    """Who a clause is about: "person", "child", "pet", or None when it names no one."""
    unpossessed = _POSSESSIVE.sub("", clause)
    names = [m.group() for m in _SUBJECT.finditer(unpossessed)
             if not (m.group() in words.PETS and _PET_ERRAND.search(unpossessed[:m.start()]))]
    if not names:
        return None
    if _BITTEN.search(clause):  # "被狗咬了": the one bitten is a person, whatever follows
        return "person"
    kinds = {_SUBJECT_KIND[name] for name in names}
    # a person named anywhere in the clause is in it ("狗咬了我"), and a child is more than a pet
    return "person" if "person" in kinds else "child" if "child" in kinds else "pet"


def _of_whom(subject: str, cues: list[tuple[str, float]]) -> list[tuple[str, float]]:
    """A pet's harm is no one's danger but a hazard near it; a child's slightest harm is a mishap."""
    if subject == "pet":
        return [(cue, w) for cue, w in cues if _HAZARD.search(cue)]
    if subject == "child":
        return [(cue, w) for cue, w in cues if w >= words.DEMOTED]
    return cues


def _question_about_the_future(text: str, clauses: list[str]) -> bool:
    """"要是被骗了钱 能报警追回来吗": a question asked of a time to come, wherever it is asked ("万一…该先打120还是先打给你们？
    我想提前记下来")."""
    return any(_QUESTION_END.search(clause) for clause in clauses) and _HYPOTHETICAL.search(text) is not None


def _whole_word(clause: str, match: re.Match) -> bool:
    """English cues stand as words of their own: "help" yes, "helper" or "shelp" no. A number stands as a
    number of its own: "911" is a cry, the 911 inside the phone number "13807911234" none."""
    said = match.group()
    before, after = clause[match.start() - 1:match.start()], clause[match.end():match.end() + 1]
    if (said[0].isdigit() and before.isdigit()) or (said[-1].isdigit() and after.isdigit()):
        return False
    if not said.isascii() or said.isdigit():
        return True
    return not (before.isascii() and before.isalpha()) and not (after.isascii() and after.isalpha())


def _hidden(match: re.Match) -> str:
    return HIDDEN * len(match.group())


def _variant(match: re.Match) -> str:
    return words.DANGER_VARIANTS[match.group()]


def _joined(text: str) -> str:
    """"救 命 啊" (voice input, or a zero-width character cleaned to a space) → "救命啊"; "打1 2 0" → "打120"."""
    parts = text.split(" ")
    out = [parts[0]]
    for previous, part in zip(parts, parts[1:]):
        spelt_out = len(previous) == 1 and len(part) == 1
        digit_by_digit = previous[-1:].isdigit() and part.isdigit() and len(part) == 1
        # "打 1 2 0": clean-up has joined the digits read out one by one ("120"), not the verb before them
        digit_by_digit |= len(previous) == 1 and not previous.isdigit() and part.isdigit()
        out.append(part if spelt_out or digit_by_digit or _pain_in_pieces(previous, part) else " " + part)
    return "".join(out)


def _pain_in_pieces(previous: str, part: str) -> bool:
    """"胸 疼得很", "疼 胸口": a body part and its pain said apart."""
    return ((previous in words.BODY_PARTS_SAID_ALONE and part.startswith(words.PAIN_WORDS))
            or (previous in words.PAIN_WORDS and part in words.BODY_PARTS_SAID_ALONE))


def _clauses(text: str) -> list[str]:
    return [piece for chunk in _ENGLISH_RUN.split(text) for part in _NOW.split(chunk.strip())
            for piece in _SPOKEN_STOP.split(part) if piece]


# Voice input runs sentences together: "我被困在电梯里了灯也灭了我有心脏病好怕" is three, cut where a
# finished "了" meets the next sentence's subject, so that a condition named in one ("有心脏病") does
# not silence the event told in another.
_SPOKEN_STOP = re.compile(words.SPOKEN_SENTENCE_END)


# English words stay one clause, so that "not breathing" is read as a phrase; other text is cut at spaces.
_ENGLISH_RUN = re.compile(r" (?![a-z0-9]+(?: |$))|(?<![a-z0-9]) | (?=and (?:the|she|he|her|his|my|i|it|we|they) )"
                          # round thirteen: clean-up drops the full stop, so a new sentence is found by
                          # its subject and verb ("…for 14 hours | he has a heart condition")
                          r"|(?<!my) (?=(?:he|she|i|we|they|mum|mom|dad|my mother|my father|my mum|my dad) "
                          r"(?:s|m|has|had|hasn t|is|was|isn t|wasn t|can|can t|cannot|lives|said|says|looks|went"
                          r"|won t|keeps|fell|felt|feels|just|did|didn t|got|seems) )")


def _cues(clause: str, previous: str | None = None) -> list[tuple[str, float]]:
    found = {m.group(): _CUE_WEIGHT[m.group()] for m in _CUES.finditer(clause)
             if _whole_word(clause, m) and not _NEGATED.search(clause, 0, m.start())}
    _drop_images(clause, found)  # first, so that "胸口像着火一样" weighs as a simile, not as a fire
    matches = [(m, weight) for pattern, _, weight in map(_PATTERNS.__getitem__, _PATTERNS_WAKE.woken(clause))
               if (m := pattern.search(clause))]
    if previous is not None:
        matches += [(m, weight) for first, then, weight in _CROSS
                    if first.search(previous) and (m := then.search(clause))]
    matches = [(m, weight) for m, weight in matches if not _NEGATED.search(clause, 0, m.start())]
    for m, weight in matches:
        inside = [cue for cue in found if cue in m.group()]
        # A phrasing with a gap says more than the words it holds ("吞了一把药" is more than "吞了").
        if weight > sum(found[cue] for cue in inside):
            for cue in inside:
                del found[cue]
            found[m.group()] = weight
    _drop_images(clause, found)
    return [(cue, _softened(clause, cue, weight)) for cue, weight in found.items()]


def _drop_images(clause: str, found: dict[str, float]) -> None:
    """"电脑着火一样烫": a danger word used as an image is no cue; without a body in the clause,
    neither is a cue that reaches into the image."""
    if not _SIMILE_WORD.search(clause):
        return
    for image in _SIMILE.finditer(clause):
        of_a_body = _BODY.search(clause) is not None
        for cue in list(found):
            at = clause.find(cue)
            end = at + len(cue)
            if (image.start() <= at and end <= image.end()) or (
                    not of_a_body and at < image.end() and end > image.start()):
                del found[cue]


def _softened(clause: str, cue: str, weight: float) -> float:
    """"嘴有点歪", "有点头晕": a mild cue asks, but on its own no longer alarms."""
    at = clause.find(cue)
    mild = any(s in cue for s in words.SOFTENERS) or _SOFTENED.search(clause[max(0, at - 3):at])
    return max(words.DOUBT_AT, weight / 2) if mild and weight > words.DOUBT_AT else weight
