"""The package's public face and its evaluation command."""

import dataclasses
import logging
import re
from datetime import datetime
from pathlib import Path

import pytest

import nlu
from nlu import evaluate, tokenizer

CONTRACT_INTENTS = {
    "help", "about", "register", "post_request", "list_tasks", "accept_task", "check_in",
    "check_out", "confirm_done", "cancel", "my_orders", "balance", "history", "transfer",
    "donate", "redeem", "rate", "sos", "subscribe", "unsubscribe", "broadcast", "affirm",
    "deny", "unknown",
}
CONTRACT_SERVICES = {
    "medical_escort", "shopping", "cleaning", "companionship", "haircut", "meal",
    "bathing", "repair", "errand", "digital_help",
}
SUMMARY_LINE = re.compile(r"^intent_accuracy=\d\.\d{3} slot_accuracy=\d\.\d{3} n=\d+ p50_us=\d+ p99_us=\d+$")


def test_intent_and_service_names_follow_the_contract():
    assert set(nlu.INTENTS) == CONTRACT_INTENTS
    assert set(nlu.SERVICE_CODES) == CONTRACT_SERVICES


def test_a_parse_is_frozen():
    result = nlu.parse("你好", datetime(2026, 3, 11))
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.intent = "sos"


def test_a_remembered_reading_is_the_same_each_time_and_not_shared_with_callers():
    now = datetime(2026, 3, 11, 9, 0)
    first = nlu.parse("明天下午三点陪我去医院", now)
    first.slots["service"] = "haircut"  # a caller changing its own copy
    again = nlu.parse("明天下午三点陪我去医院", now)
    assert again.slots == {"service": "medical_escort", "date": "2026-03-12", "time": "15:00"}
    assert nlu.parse("明天下午三点陪我去医院", datetime(2026, 3, 12, 9, 0)).slots["date"] == "2026-03-13"


def test_every_intent_and_service_word_of_the_lexicon_uses_contract_names():
    from nlu import lexicon
    assert set(lexicon.INTENT_CUES) <= CONTRACT_INTENTS
    assert set(lexicon.INTENT_PATTERNS) <= CONTRACT_INTENTS
    assert set(lexicon.SERVICE_CUES) | set(lexicon.SERVICE_PATTERNS) == CONTRACT_SERVICES


def test_jieba_is_quiet_and_caches_outside_the_source_tree():
    source_tree = Path(nlu.__file__).resolve().parent.parent
    assert logging.getLogger("jieba").level >= logging.WARNING
    assert not Path(tokenizer.cache_dir()).resolve().is_relative_to(source_tree)
    assert not list(source_tree.glob("**/jieba*.cache"))


def test_the_dictionary_is_loaded_once():
    assert tokenizer.get() is tokenizer.get()


@pytest.mark.parametrize("path_fixture, intent_floor, slot_floor", [
    ("dev_path", 0.95, 0.90),
    ("cases_path", 0.95, 0.90),
    ("regressions_path", 0.95, 0.90),
])
def test_accuracy_thresholds(request, path_fixture, intent_floor, slot_floor):
    summary = evaluate.summarize(evaluate.run(evaluate.load(request.getfixturevalue(path_fixture))))
    assert summary.intent_accuracy >= intent_floor
    assert summary.slot_accuracy >= slot_floor


def test_held_out_cases_cover_every_intent_and_service(cases_path):
    lines = evaluate.load(cases_path)
    assert len(lines) >= 150
    assert {line["intent"] for line in lines} == CONTRACT_INTENTS
    assert {line["slots"]["service"] for line in lines if "service" in line["slots"]} == CONTRACT_SERVICES


def test_the_evaluator_ends_with_one_summary_line(cases_path, capsys):
    evaluate.main([str(cases_path)])
    output = capsys.readouterr().out.rstrip("\n").splitlines()
    assert SUMMARY_LINE.match(output[-1])
    assert "precision" in output[0]


def test_slots_outside_the_intent_row_are_not_scored():
    assert evaluate.scored("cancel", {"task_id": 3, "date": "2026-03-12"}) == {"task_id": 3}
    assert evaluate.scored("unknown", {"date": "2026-03-12"}) == {}
