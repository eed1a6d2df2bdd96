"""ConfigError: one line naming the key (`config error: server.port: must be at most 65535`).

Pydantic's errors are turned into it here: the dotted key from the error's location, a short phrase from
its kind. The value given is never repeated, since it may be a secret.
"""

from __future__ import annotations

from pydantic import ValidationError
from pydantic_core import ErrorDetails

ENV_PREFIX = "TIMEBANK_"


class ConfigError(Exception):
    def __init__(self, key: str, problem: str):
        super().__init__(f"config error: {key}: {problem}")
        self.key = key


# Missing keys whose remedy is not "set it".
MISSING = {
    "privacy": "missing: personal data needs encryption keys (`timebank keys` prints a new set)",
}

# A short phrase for each kind of pydantic error, filled from the error's context (its bound, its choices).
PHRASES = {
    "int_parsing": "must be a whole number",
    "int_type": "must be a whole number",
    "int_from_float": "must be a whole number",
    "float_parsing": "must be a number",
    "float_type": "must be a number",
    "bool_parsing": "must be true or false",
    "bool_type": "must be true or false",
    "string_type": "must be text",
    "string_too_short": "must be a non-empty string",
    "list_type": "must be a list",
    "dict_type": "must be a table",
    "model_type": "must be a table",
    "model_attributes_type": "must be a table",
    "extra_forbidden": "unknown key",
    "greater_than_equal": "must be at least {ge}",
    "greater_than": "must be more than {gt}",
    "less_than_equal": "must be at most {le}",
    "less_than": "must be less than {lt}",
    "literal_error": "must be one of {expected}",
    "value_error": "{error}",  # our own validators' ValueError text
}


def env_name(section: str, key: str) -> str:
    return f"{ENV_PREFIX}{section}_{key}".upper()


def dotted(location: tuple) -> str:
    """('partner_items', 0, 'stock') → partner_items[1].stock: lists count from 1, as people do."""
    key = ""
    for part in location:
        key += f"[{part + 1}]" if isinstance(part, int) else f"{'.' if key else ''}{part}"
    return key


def config_error(error: ValidationError, section: str = "") -> ConfigError:
    """The first problem pydantic found, as the one line the CLI prints; `section` when one section was checked."""
    first = error.errors(include_url=False, include_input=False)[0]
    first["loc"] = (section, *first["loc"]) if section else first["loc"]
    key = dotted(first["loc"])
    return ConfigError(key, _problem(first, key))


def _problem(detail: ErrorDetails, key: str) -> str:
    kind, location = detail["type"], detail["loc"]
    if kind == "missing":
        return _missing(key, location)
    if kind == "extra_forbidden" and len(location) == 1:
        return "unknown section"
    phrase = PHRASES.get(kind)
    return phrase.format(**detail.get("ctx", {})) if phrase else detail["msg"]


def _missing(key: str, location: tuple) -> str:
    if key in MISSING or len(location) != 2:
        return MISSING.get(key, "missing")
    return f"missing (set it in the file or in {env_name(*location)})"
