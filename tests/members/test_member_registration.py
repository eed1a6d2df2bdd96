"""Registering members: consent first, personal data only encrypted, one phone and one openid per member."""

import asyncio
from datetime import date

import pytest
from sqlalchemy import func, select, text

from storage import audit, members
from storage.members import (SYSTEM, AlreadyRegistered, ConsentRequired, InvalidValue, MemberRow, NotAllowed,
                             PersonalData)
from storage.privacy import InvalidPhone, UndecryptableValue
from tests.members.helpers import CONSENT, raw_dump, raw_rows

WANG = PersonalData(real_name="王小明", phone="+86 138-1234-1234", address="东湖区彭家桥社区5栋2单元301室",
                    emergency_name="王丽", emergency_phone="139 8765 4321", id_number="36010219450101123x")


async def _register(sessions, keyring, **overrides):
    arguments = dict(role=members.ELDER, consent=CONSENT, personal=WANG, openid="o-wang", community="pengjiaqiao",
                     birth_year=1940)
    return await members.register_member(sessions, keyring, **(arguments | overrides))


async def _member_count(sessions) -> int:
    async with sessions() as session:
        return (await session.execute(select(func.count()).select_from(MemberRow))).scalar_one()


async def test_without_consent_nothing_is_stored(sessions, keyring):
    with pytest.raises(ConsentRequired):
        await _register(sessions, keyring, consent=None)
    assert await _member_count(sessions) == 0


async def test_a_registered_elder_is_found_by_openid_id_and_phone_in_any_spelling(sessions, keyring):
    wang = await _register(sessions, keyring)
    assert wang.role == members.ELDER and wang.is_active and wang.consent == CONSENT
    assert wang.ledger_ref == f"member:{wang.id}"
    assert wang.age_on(date(2026, 3, 1)) == 86
    assert await members.member_by_openid(sessions, "o-wang") == wang
    assert await members.member_by_id(sessions, wang.id) == wang
    assert await members.member_by_phone(sessions, keyring, "13812341234") == wang
    assert await members.member_by_phone(sessions, keyring, "１３８ １２３４ １２３４") == wang
    assert await members.member_by_phone(sessions, keyring, "13900000000") is None
    with pytest.raises(InvalidPhone):
        await members.member_by_phone(sessions, keyring, "12345")


async def test_personal_data_is_shown_masked(sessions, keyring):
    wang = await _register(sessions, keyring)
    assert await members.masked_profile(sessions, keyring, wang.id) == PersonalData(
        real_name="王**", phone="138****1234", address="东湖区彭家桥社区****", emergency_name="王*",
        emergency_phone="139****4321", id_number="3****************X")


async def test_the_database_holds_no_plaintext_personal_data(sessions, keyring):
    await _register(sessions, keyring)
    dump = await raw_dump(sessions)
    for plaintext in ("王小明", "13812341234", "1234-1234", "彭家桥", "301室", "王丽", "13987654321",
                      "36010219450101123"):
        assert plaintext not in dump
    row, = await raw_rows(sessions, "members")
    assert row["phone_enc"].startswith("k1:") and len(row["phone_hash"]) == 64


async def test_a_ciphertext_copied_into_another_members_row_does_not_open(sessions, keyring, town):
    wang = await _register(sessions, keyring)
    other = await town.elder()
    async with sessions.begin() as session:
        await session.execute(text("UPDATE members SET phone_enc = (SELECT phone_enc FROM members WHERE id = :wang)"
                                   " WHERE id = :other"), {"wang": wang.id, "other": other.id})
    with pytest.raises(UndecryptableValue):
        await members.masked_profile(sessions, keyring, other.id)


async def test_invalid_values_are_refused_before_anything_is_written(sessions, keyring):
    refusals = [
        dict(role="boss"),
        dict(personal=PersonalData(phone="0791-88888888")),
        dict(personal=PersonalData(emergency_phone="110")),
        dict(personal=PersonalData(real_name="王" * 51)),
        dict(birth_year=1850),
        dict(skills=["Bathing!"]),
    ]
    for overrides in refusals:
        with pytest.raises(InvalidValue):
            await _register(sessions, keyring, **overrides)
    assert await _member_count(sessions) == 0


async def test_the_same_registration_sent_twice_makes_one_member(sessions, keyring):
    first = await _register(sessions, keyring)
    assert await _register(sessions, keyring) == first
    assert await _member_count(sessions) == 1


async def test_another_persons_phone_or_openid_is_refused(sessions, keyring):
    wang = await _register(sessions, keyring)
    with pytest.raises(AlreadyRegistered) as by_phone:
        await _register(sessions, keyring, openid="o-someone-else")
    with pytest.raises(AlreadyRegistered) as by_openid:
        await _register(sessions, keyring, personal=PersonalData(phone="13900000000"))
    assert (by_phone.value.field, by_phone.value.member_id) == ("phone", wang.id)
    assert (by_openid.value.field, by_openid.value.member_id) == ("openid", wang.id)


async def test_two_people_registering_one_phone_at_once_make_exactly_one_member(sessions, keyring):
    outcomes = await asyncio.gather(*(_register(sessions, keyring, openid=f"o-{n}") for n in range(8)),
                                    return_exceptions=True)
    registered = [outcome for outcome in outcomes if isinstance(outcome, members.Member)]
    refused = [outcome for outcome in outcomes if isinstance(outcome, AlreadyRegistered)]
    assert len(registered) == 1 and len(refused) == 7, outcomes
    assert {refusal.member_id for refusal in refused} == {registered[0].id}
    assert await _member_count(sessions) == 1


async def test_one_openid_registering_with_different_phones_at_once_makes_exactly_one_member(sessions, keyring):
    outcomes = await asyncio.gather(
        *(_register(sessions, keyring, personal=PersonalData(phone=f"1380000000{n}")) for n in range(8)),
        return_exceptions=True)
    assert sum(isinstance(outcome, members.Member) for outcome in outcomes) == 1, outcomes
    assert sum(isinstance(outcome, AlreadyRegistered) for outcome in outcomes) == 7
    assert await _member_count(sessions) == 1


async def test_a_resent_registration_racing_itself_returns_one_member_to_both(sessions, keyring):
    first, second = await asyncio.gather(_register(sessions, keyring), _register(sessions, keyring))
    assert first == second
    assert await _member_count(sessions) == 1


async def test_staff_register_an_elder_without_wechat_and_the_log_says_who(sessions, keyring, town):
    staff = await town.staff()
    elder = await _register(sessions, keyring, openid=None, registered_by=staff.actor)
    assert elder.openid is None and elder.registered_by == f"staff:{staff.id}"
    entry, = await audit.entries(sessions, subject=elder.id)
    assert (entry.action, entry.actor, entry.detail["consent_version"]) == ("register", f"staff:{staff.id}",
                                                                           CONSENT.version)
    assert entry.detail["fields"] == sorted(members.PERSONAL_FIELDS)


async def test_a_suspended_member_cannot_register_someone_else(sessions, keyring, town):
    family = await town.family()
    await members.suspend_member(sessions, family.id, SYSTEM, "dispute under review")
    with pytest.raises(NotAllowed):
        await _register(sessions, keyring, registered_by=family.actor)
