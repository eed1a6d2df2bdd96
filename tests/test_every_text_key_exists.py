"""Every sentence the bot looks up by key is there, once.

The reply tables of handlers/*texts*.py are merged into one lookup, where a key defined twice would
silently keep one of the two sentences. Keys built at run time (f"refusal_{code}") must exist for every
value the code can produce, read from where those values are defined.
"""

import ast
import inspect
import re
from pathlib import Path

from handlers.my_data import WHY_CODES
from handlers.texts import TEXTS
from storage import exchange, members, redemptions
from storage.ledger.types import SYSTEM_KINDS

ROOT = Path(__file__).parent.parent
SEARCHED = ("handlers", "bot")
KEY_SHAPE = re.compile(r"[a-z_{}]+")


def module_tree(module) -> ast.Module:
    return ast.parse(inspect.getsource(module))


def redemption_statuses_not_open() -> set[str]:
    """complete() raises CodeNotOpen(row.status) for any status but HELD: every status a code can have."""
    line = next(node for node in module_tree(redemptions).body if isinstance(node, ast.Assign)
                and isinstance(node.targets[0], ast.Tuple) and "HELD" in {t.id for t in node.targets[0].elts})
    return {value.value for value in line.value.elts} - {redemptions.HELD}


def refused_payment_reasons() -> set[str]:
    """Every reason of a Payment with no payer, as storage.exchange writes them: Payment(None, REASON)."""
    names = {call.args[1].id for call in ast.walk(module_tree(exchange))
             if isinstance(call, ast.Call) and getattr(call.func, "id", "") == "Payment"
             and isinstance(call.args[0], ast.Constant) and call.args[0].value is None}
    return {getattr(exchange, name) for name in names}


def broadcast_give_up_reasons() -> set[str]:
    from bot import broadcasting
    return {call.args[1].value for call in ast.walk(module_tree(broadcasting))
            if isinstance(call, ast.Call) and getattr(call.func, "attr", "") == "give_up"
            and isinstance(call.args[1], ast.Constant)}


# Each key built at run time, as a template, and every value its code can fill in.
DYNAMIC_KEYS = {
    "reads_why_{}": lambda: set(WHY_CODES),
    "complete_{}": redemption_statuses_not_open,
    "cannot_pay_{}": refused_payment_reasons,
    "{}_not_member": lambda: {"subscribe", "unsubscribe"},
    "{}_already": lambda: {"subscribe", "unsubscribe"},
    "{}_done": lambda: {"subscribe", "unsubscribe"},
    "desk_bank_account_{}": lambda: set(SYSTEM_KINDS),
    "desk_{}_notice": lambda: {"admin", "staff"},
    "desk_made_{}": lambda: {"admin", "staff"},
    "register_done_{}": lambda: set(members.ROLES),
    "broadcast_reason_{}": broadcast_give_up_reasons,
    "{}_in_flow": lambda: {"voice_not_recognized", "media_not_understood", "location_without_context"},
    # Told apart in tests/test_every_refusal_has_words.py, with storage's error classes and rules.
    "refusal_{}": None,
    "correction_{}": None,
}


def built_keys_in_the_code() -> set[str]:
    """Every f-string key passed to text()/has_text() in handlers/ and bot/, as a template."""
    templates = set()
    for path in (path for folder in SEARCHED for path in sorted((ROOT / folder).rglob("*.py"))):
        for call in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            name = getattr(call.func, "attr", getattr(call.func, "id", "")) if isinstance(call, ast.Call) else ""
            if name in ("text", "has_text", "say") and call.args and isinstance(call.args[0], ast.JoinedStr):
                templates.add("".join(part.value if isinstance(part, ast.Constant) else "{}"
                                      for part in call.args[0].values))
    return {template for template in templates if KEY_SHAPE.fullmatch(template)}  # not a printed line


def test_no_sentence_key_is_written_twice_in_the_reply_tables():
    seen: dict[str, str] = {}
    twice = []
    for path in sorted((ROOT / "handlers").glob("*texts*.py")):
        for node in ast.parse(path.read_text(encoding="utf-8")).body:
            if (isinstance(node, ast.Assign) and isinstance(node.value, ast.Dict)
                    and node.targets[0].id.endswith("TEXTS")):
                for key in node.value.keys:
                    where = f"{path.name}:{key.lineno}"
                    if key.value in seen:
                        twice.append(f"{key.value}: {seen[key.value]} and {where}")
                    seen.setdefault(key.value, where)
    assert len(seen) > 300 and not twice, twice


def test_every_key_built_at_run_time_is_known_to_this_test():
    assert built_keys_in_the_code() == DYNAMIC_KEYS.keys()


def test_every_value_a_built_key_can_take_has_a_sentence():
    missing = [template.format(value) for template, values in DYNAMIC_KEYS.items() if values
               for value in values() if template.format(value) not in TEXTS]
    assert not missing


def test_the_values_are_read_from_the_code_not_guessed():
    assert redemption_statuses_not_open() == {"reserving", "completed", "voided", "expired", "refused"}
    assert refused_payment_reasons() == {exchange.INSUFFICIENT_BALANCE, exchange.BELOW_SPENDING_AGE}
    assert broadcast_give_up_reasons() == {"quota", "no_target", "error", "busy"}
