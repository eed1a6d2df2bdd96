import pytest

from nlu.numbers import to_int

NUMERALS = [
    ("0", 0), ("7", 7), ("12", 12), ("108", 108), ("2026", 2026),
    ("零", 0), ("〇", 0), ("一", 1), ("幺", 1), ("二", 2), ("两", 2), ("俩", 2),
    ("三", 3), ("四", 4), ("五", 5), ("六", 6), ("七", 7), ("八", 8), ("九", 9),
    ("十", 10), ("十一", 11), ("十二", 12), ("十五", 15), ("十九", 19),
    ("二十", 20), ("二十一", 21), ("二十五", 25), ("三十", 30), ("三十一", 31),
    ("四十", 40), ("四十五", 45), ("五十九", 59), ("九十九", 99),
    ("一百", 100), ("一百零八", 108), ("一百零二", 102), ("一百二", 120),
    ("一百二十", 120), ("两百", 200), ("三百五十", 350), ("一千", 1000),
    ("三千五", 3500), ("两千零二十六", 2026),
    # read digit by digit, as phone and task numbers are spoken
    ("幺三八", 138), ("一二三", 123), ("二五", 25), ("零五", 5),
]


@pytest.mark.parametrize("numeral, value", NUMERALS)
def test_numerals_read_as_integers(numeral, value):
    assert to_int(numeral) == value


@pytest.mark.parametrize("not_a_numeral", ["", "半", "三四十", "十x", "abc"])
def test_things_that_are_not_numerals(not_a_numeral):
    assert to_int(not_a_numeral) is None
