"""python -m nlu.build_pinyin_table: write nlu/pinyin_table.json from the word tables.

Grandchildren and voice keyboards type pinyin ("wo nai nai yun dao le", "chaxun yu'e"). Every word the
readers know, in nlu/lexicon.py and nlu/danger_words.py, and the days and numbers they read ("下周二",
"三点半", "两个小时"), is listed here by its toneless pinyin, so that romanised.py can put those words
back in characters without a dictionary of all Chinese (pypinyin's is tens of megabytes, so it is needed
only to build the table; the bot reads the JSON). A word spelt wrong on purpose (a table's homophone slip,
"陪珍", "下五") is not listed: its right spelling is.
"""

import itertools
import json
import re
from pathlib import Path

from . import danger_words, lexicon

TABLE_PATH = Path(__file__).with_name("pinyin_table.json")
MAX_READINGS = 8  # the readings of a word's characters, multiplied out, kept at most
MAX_MIXED_LENGTH = 3  # a word typed half in characters, half in pinyin, has at most this many characters
# Words of one syllable are too many to guess at ("shi" is 是, 十, 事 …): only these, the ones a sentence
# typed in pinyin cannot do without, and only beside a longer word (romanised.py), since "a" and "he" are
# English too.
SINGLE_SYLLABLES = {"wo": "我", "ni": "你", "ta": "他", "de": "的", "le": "了", "bu": "不", "shi": "是",
                    "yao": "要", "hen": "很", "kuai": "快", "zai": "在", "you": "有", "mei": "没", "hao": "好",
                    "ye": "也", "dou": "都", "jiu": "就", "hai": "还", "ma": "吗", "ne": "呢", "a": "啊",
                    "er": "二", "san": "三", "si": "四", "wu": "五", "liu": "六"}
# 嗯 is "n" and 呣 "m": interjections whose letters are English words' ("嗯哦" would be "no").
_VOWEL = re.compile("[aeiouv]")
_HAN_WORD = re.compile(r"[\u4e00-\u9fff]{2,8}")
# Word tables of slips and short forms, whose keys are not words ("陪珍": "陪诊", "下五": "下午"); their values are.
# HOMOPHONE_KEPT's runs are words only beside others ("3点前到").
_SLIP_TABLES = (lexicon.VARIANTS, danger_words.DANGER_VARIANTS, lexicon.CLOCK_PERIODS, lexicon.HOMOPHONE_KEPT)
_NUMERALS = "一二三四五六七八九十"
# Characters typed in either of two readings (血 is xue and, said, xie); a dictionary's every rare reading
# would make words of nothing (吃 is also "qi": "qi le hao da pao" is 起了, not 吃了).
SAID_BOTH_WAYS = {"血": ("xue", "xie"), "了": ("le", "liao"), "着": ("zhe", "zhao", "zhuo"), "还": ("hai", "huan"),
                  "得": ("de", "dei"), "地": ("de", "di"), "给": ("gei", "ji"), "行": ("xing", "hang"),
                  "长": ("chang", "zhang"), "重": ("zhong", "chong"), "倒": ("dao",), "觉": ("jue", "jiao"),
                  "便": ("bian", "pian"), "差": ("cha", "chai"), "都": ("dou", "du"), "和": ("he", "huo")}
# Characters typed for a word in a reading not their usual one (homophones.py): "算勒" is 算了.
SLIPS_OF_SOUND = {"勒": ("le",)}
# Words the tables hold only inside patterns, which a message typed in pinyin often is ("chaxun yu'e").
TYPED_IN_PINYIN = ("查询", "帮帮我", "时候")


def words_of_the_tables() -> list[str]:
    """The time bank's words before the emergency reader's, so that where two share a spelling the everyday
    one is meant ("dao le" is 到了, someone arrived, not 倒了)."""
    slips = {key for table in _SLIP_TABLES for key in table}
    ordered: list[str] = []
    for module in (lexicon, danger_words):
        found: set[str] = set()
        for name, value in vars(module).items():
            if name.isupper() and name != "TRADITIONAL_TO_SIMPLIFIED":  # pairs of one character
                _collect(value, found)
        ordered += sorted(found - slips - set(ordered))
    extra = _days_and_numbers() + list(TYPED_IN_PINYIN)
    return ordered + [word for word in extra if word not in ordered]


def _collect(value, found: set[str]) -> None:
    if isinstance(value, str):
        found.update(match.group() for match in _HAN_WORD.finditer(value) if match.group() == value)
    elif isinstance(value, dict):
        for key, item in value.items():
            _collect(key, found)
            _collect(item, found)
    elif isinstance(value, (list, tuple, set, frozenset)):
        for item in value:
            _collect(item, found)


def _days_and_numbers() -> list[str]:
    """What the date and time readers compose from parts: "下周二", "三点半", "十二号", "两个小时"."""
    numbers = [_numeral(n) for n in range(1, 32)]
    weekdays = [prefix + week + day for prefix in ("", "下", "这") for week in lexicon.WEEK_WORDS
                for day in "一二三四五六日天"]
    hours = [hour + "点" + minutes for hour in numbers[:12] + ["两"] for minutes in ("", "半", "钟", "一刻")]
    lengths = [n + "个" + unit for n in numbers[:10] + ["两", "半", "一个半"]
               for unit in ("小时", "钟头", "时间币", "币")]
    return weekdays + hours + lengths + [n + "号" for n in numbers] + [n + "月" for n in numbers[:12]]


def _numeral(n: int) -> str:
    if n <= 10:
        return _NUMERALS[n - 1]
    tens, ones = divmod(n, 10)
    return (_NUMERALS[tens - 1] if tens > 1 else "") + "十" + (_NUMERALS[ones - 1] if ones else "")


def readings(word: str) -> list[str]:
    """Toneless and spaced, ü as v: the usual reading first ("流血" liu xie), then the others (liu xue)."""
    from pypinyin import Style, lazy_pinyin

    usual = lazy_pinyin(word, style=Style.NORMAL)
    per_char = [(said, *SAID_BOTH_WAYS.get(char, ())) for char, said in zip(word, usual)]
    others = [" ".join(combo) for combo in itertools.islice(itertools.product(*per_char), MAX_READINGS)]
    usual = " ".join(usual)
    return [reading for reading in [usual] + [other for other in others if other != usual]
            if all(_VOWEL.search(syllable) for syllable in reading.split(" "))]


def syllables() -> list[str]:
    """Every toneless syllable of Mandarin, as a pinyin keyboard types it (ü as v)."""
    from pypinyin.contrib.tone_convert import to_normal
    from pypinyin.pinyin_dict import pinyin_dict

    found = {to_normal(reading, v_to_u=False).replace("ü", "v")
             for readings_of_a_char in pinyin_dict.values() for reading in readings_of_a_char.split(",")}
    return sorted(syllable for syllable in found if _VOWEL.search(syllable))


def build() -> dict:
    known = words_of_the_tables()
    words: dict[str, str] = {}
    for rank in (0, 1):  # every usual reading before any other, so that no other reading takes its place
        for word in known:
            spelt = readings(word)
            for reading in spelt[:1] if rank == 0 else spelt[1:]:
                words.setdefault(reading.replace(" ", ""), word)
    # A word begun in characters and finished in pinyin ("理fa", "做fan"), or the other way ("xi澡").
    begun: dict[str, str] = {}
    ended: dict[str, str] = {}
    for word in known:
        if len(word) <= MAX_MIXED_LENGTH and (rest := readings(word[1:])) and (first := readings(word[:-1])):
            begun.setdefault(word[0] + rest[0].replace(" ", ""), word)
            ended.setdefault(first[0].replace(" ", "") + word[-1], word)
            if len(word) == MAX_MIXED_LENGTH and (head := readings(word[0])):  # "shi间币"
                ended.setdefault(head[0] + word[1:], word)
    return {"words": dict(sorted(words.items())), "single_syllables": SINGLE_SYLLABLES, "syllables": syllables(),
            "begun_in_characters": dict(sorted(begun.items())), "ended_in_characters": dict(sorted(ended.items())),
            "characters": characters()}


def characters() -> dict[str, str]:
    """Every character of GB2312 (the 6,763 a pinyin keyboard offers first) by its usual toneless reading, and
    the slips of sound seen, comma joined: homophones.py puts back a word typed with the wrong one of the same
    sound. A dictionary's rare readings would make slips of right words (她 is also "jie": 她单, 接单; 了 "liao":
    到了天亮, 聊天)."""
    from pypinyin import Style, lazy_pinyin

    found = {}
    for high, low in itertools.product(range(0xB0, 0xF8), range(0xA1, 0xFF)):
        try:
            char = bytes((high, low)).decode("gb2312")
        except UnicodeDecodeError:
            continue
        said = dict.fromkeys((*lazy_pinyin(char, style=Style.NORMAL), *SLIPS_OF_SOUND.get(char, ())))
        found[char] = ",".join(reading.replace("ü", "v") for reading in said if _VOWEL.search(reading))
    return found


def main() -> None:
    TABLE_PATH.write_text(json.dumps(build(), ensure_ascii=False, indent=0) + "\n", encoding="utf-8")
    print(f"wrote {TABLE_PATH}")


if __name__ == "__main__":
    main()
