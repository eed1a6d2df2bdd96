"""Exchange rules: the catalogue and its rounding, who pays, who may spend, how minutes are shown."""

from fractions import Fraction

import pytest

from storage.exchange import (BELOW_SPENDING_AGE, DEFAULT_CATALOGUE, INSUFFICIENT_BALANCE, ISSUANCE,
                              NOT_A_RELATIVE, POOL, RECIPIENT_TOO_YOUNG, REQUESTER, SERVICE_CODES, Catalogue,
                              CatalogueError, ExchangePolicy, UnknownService, format_minutes, may_donate, may_give,
                              may_spend_on_self, who_pays)


def test_the_default_catalogue_prices_every_service_of_the_nlu_contract():
    assert set(DEFAULT_CATALOGUE.services) == set(SERVICE_CODES)
    assert DEFAULT_CATALOGUE["bathing"].weight == Fraction(3, 2)
    assert DEFAULT_CATALOGUE["medical_escort"].weight == Fraction(6, 5)
    assert DEFAULT_CATALOGUE["companionship"].weight == 1
    assert DEFAULT_CATALOGUE["bathing"].needs_certified and not DEFAULT_CATALOGUE["shopping"].needs_certified
    assert DEFAULT_CATALOGUE["bathing"].name == "助浴"


@pytest.mark.parametrize("service, minutes, cost", [
    ("companionship", 60, 60),
    ("bathing", 60, 90),
    ("bathing", 45, 68),  # 67.5 rounds half up
    ("bathing", 1, 2),  # 1.5 rounds half up
    ("medical_escort", 25, 30),
    ("medical_escort", 2, 2),  # 2.4 rounds down
    ("meal", 5, 6),  # 5.5 rounds half up
])
def test_a_service_costs_its_minutes_times_its_weight_rounded_half_up(service, minutes, cost):
    assert DEFAULT_CATALOGUE.cost(service, minutes) == cost


def test_a_positive_duration_never_costs_nothing():
    catalogue = Catalogue.from_mapping({"errand": {"name": "跑腿", "weight": "0.1", "certified": False}})
    assert catalogue.cost("errand", 4) == 1


@pytest.mark.parametrize("minutes", [0, -30, 1.5, True])
def test_a_cost_needs_a_positive_whole_number_of_minutes(minutes):
    with pytest.raises(ValueError):
        DEFAULT_CATALOGUE.cost("meal", minutes)


def test_an_unknown_service_has_no_price():
    with pytest.raises(UnknownService):
        DEFAULT_CATALOGUE.cost("massage", 60)


def test_a_catalogue_builds_from_toml_like_data_with_exact_weights():
    catalogue = Catalogue.from_mapping({
        "bathing": {"name": "助浴", "weight": 1.5, "certified": True},
        "meal": {"name": "助餐", "weight": "1.1"},
    })
    assert catalogue["bathing"].weight == Fraction(3, 2)
    assert catalogue["meal"].weight == Fraction(11, 10) and not catalogue["meal"].needs_certified
    assert "cleaning" not in catalogue


@pytest.mark.parametrize("data, key", [
    ({"massage": {"name": "按摩", "weight": 1}}, "massage:"),
    ({"bathing": {"name": "助浴", "weight": 0}}, "bathing.weight:"),
    ({"bathing": {"name": "助浴", "weight": "heavy"}}, "bathing.weight:"),
    ({"bathing": {"name": "助浴", "weight": True}}, "bathing.weight:"),
    ({"bathing": {"name": "助浴", "weight": 11}}, "bathing.weight:"),
    ({"bathing": {"name": "", "weight": 1.5}}, "bathing.name:"),
    ({"bathing": {"name": "助浴", "weight": 1.5, "certified": "yes"}}, "bathing.certified:"),
    ({"bathing": {"name": "助浴", "weight": 1.5, "price": 3}}, "bathing.price:"),
    ({"bathing": 1.5}, "bathing:"),
    ({}, "services:"),
])
def test_a_wrong_catalogue_entry_is_refused_naming_its_key(data, key):
    with pytest.raises(CatalogueError) as refused:
        Catalogue.from_mapping(data)
    assert str(refused.value).startswith(key)


@pytest.mark.parametrize("age, available, pool, in_need, payer, reason", [
    (70, 120, 0, False, REQUESTER, "requester_balance"),
    (85, 120, 500, False, REQUESTER, "requester_balance"),
    (85, 30, 500, False, POOL, "pool_sponsors_elder"),
    (85, 30, 50, False, ISSUANCE, "issuance_sponsors_elder"),
    (72, 30, 500, True, POOL, "pool_sponsors_elder"),
    (72, 30, 500, False, None, INSUFFICIENT_BALANCE),
    (45, 500, 500, False, None, BELOW_SPENDING_AGE),
])
def test_who_pays_the_requester_first_then_for_eligible_elders_the_pool_then_issuance(
        age, available, pool, in_need, payer, reason):
    payment = who_pays(cost_min=90, requester_age=age, requester_available_min=available,
                       pool_available_min=pool, in_need=in_need)
    assert (payment.payer, payment.reason, payment.allowed) == (payer, reason, payer is not None)


def test_the_elder_age_threshold_is_configuration():
    payment = who_pays(90, requester_age=75, requester_available_min=0, pool_available_min=500,
                       policy=ExchangePolicy(elder_age=75))
    assert payment.payer == POOL


def test_members_spend_on_themselves_only_from_sixty():
    assert may_spend_on_self(60).allowed
    assert may_spend_on_self(59) == may_spend_on_self(35)
    assert may_spend_on_self(59).reason == BELOW_SPENDING_AGE
    assert may_spend_on_self(55, ExchangePolicy(self_spend_age=55)).allowed


def test_a_younger_member_may_give_to_a_registered_relative_aged_sixty_or_more_or_donate():
    assert may_give(recipient_age=82, recipient_is_registered_relative=True).allowed
    assert may_give(recipient_age=82, recipient_is_registered_relative=False).reason == NOT_A_RELATIVE
    assert may_give(recipient_age=58, recipient_is_registered_relative=True).reason == RECIPIENT_TOO_YOUNG
    assert may_donate().allowed


@pytest.mark.parametrize("minutes, text", [
    (0, "0分钟"), (30, "30分钟"), (60, "1小时"), (120, "2小时"), (65, "1小时5分钟"), (90_000, "1500小时"),
    (-90, "-1小时30分钟"),
])
def test_minutes_display_as_hours_and_minutes_dropping_a_zero_part(minutes, text):
    assert format_minutes(minutes) == text
