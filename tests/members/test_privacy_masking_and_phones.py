"""How personal data is shown (masked) and how phone numbers are read."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from storage.privacy import InvalidPhone, mask_address, mask_id_number, mask_name, mask_phone, normalize_phone


@pytest.mark.parametrize("phone, shown", [
    ("13812341234", "138****1234"),
    ("+86 138 1234 1234", "138****1234"),
    ("not a phone", "****"),
])
def test_phones_show_the_first_three_and_last_four_digits(phone, shown):
    assert mask_phone(phone) == shown


@pytest.mark.parametrize("name, shown", [
    ("王小明", "王**"),
    ("王明", "王*"),
    ("欧阳娜娜", "欧***"),
    (" 李 ", "*"),
    ("", "*"),
])
def test_names_show_the_surname_only(name, shown):
    assert mask_name(name) == shown


@pytest.mark.parametrize("address, shown", [
    ("南昌市东湖区彭家桥社区5栋2单元301室", "南昌市东湖区彭家桥社区****"),
    ("阳明小区12栋401", "阳明小区****"),
    ("新建区樵舍镇李家村3组", "新建区樵舍镇李家村****"),
    ("彭家桥社区", "彭家桥社区"),
    ("八一大道368号5楼", "八一大道3****"),
    ("胜利路8号", "胜利****"),
])
def test_addresses_show_down_to_the_community_or_a_first_few_characters(address, shown):
    assert mask_address(address) == shown


@pytest.mark.parametrize("number, shown", [
    ("36010219450101123X", "3****************X"),
    ("E1234567", "E******7"),
    ("123", "***"),
])
def test_id_numbers_show_their_first_and_last_character(number, shown):
    assert mask_id_number(number) == shown


@pytest.mark.parametrize("raw, normalized", [
    ("13812341234", "13812341234"),
    ("138 1234 1234", "13812341234"),
    ("138-1234-1234", "13812341234"),
    ("+86 13812341234", "13812341234"),
    ("+86-138-1234-1234", "13812341234"),
    ("008613812341234", "13812341234"),
    ("8613812341234", "13812341234"),
    ("(+86) 199 0000 0000", "19900000000"),
    ("１３８１２３４１２３４", "13812341234"),  # full-width digits from a Chinese keyboard
    (" 15000000000\n", "15000000000"),
])
def test_mainland_mobiles_are_read_in_the_forms_people_type(raw, normalized):
    assert normalize_phone(raw) == normalized


@pytest.mark.parametrize("raw", [
    "",
    "1381234123",       # ten digits
    "138123412345",     # twelve
    "12812341234",      # 12x is not a mobile prefix
    "23812341234",
    "0791-88888888",    # a landline
    "+1 13812341234",
    "86138123412",
    "138一二三四1234",
    "138.1234.1234",
])
def test_anything_else_is_not_a_phone(raw):
    with pytest.raises(InvalidPhone):
        normalize_phone(raw)


@given(st.from_regex(r"1[3-9][0-9]{9}", fullmatch=True))
def test_normalizing_is_idempotent_and_masking_keeps_eleven_characters(phone):
    assert normalize_phone(normalize_phone(phone)) == phone
    assert len(mask_phone(phone)) == 11


@given(st.text(min_size=2, alphabet=st.characters(categories=["Lo"])))
def test_a_masked_name_keeps_its_length_and_only_its_first_character(name):
    masked = mask_name(name)
    assert len(masked) == len(name) and masked[0] == name[0] and set(masked[1:]) == {"*"}
