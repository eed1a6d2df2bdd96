"""Cleaning what callers give before it is stored, refusing it with InvalidValue."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from storage.base import utcnow
from storage.members.errors import InvalidValue
from storage.members.values import EARLIEST_BIRTH_YEAR, MAX_AVAILABILITY_CHARS, SERVICE_CODE
from storage.privacy import normalize_phone


def clean_text(limit: int) -> Callable[[str], str]:
    def clean(value: str) -> str:
        text = " ".join(value.split())
        if len(text) > limit:
            raise InvalidValue(f"at most {limit} characters")
        return text
    return clean


def _id_number(value: str) -> str:
    return clean_text(32)("".join(value.split()).upper())


NORMALIZE = {
    "real_name": clean_text(50),
    "phone": normalize_phone,
    "address": clean_text(200),
    "emergency_name": clean_text(50),
    "emergency_phone": normalize_phone,
    "id_number": _id_number,
}


def normalized_personal(values: dict[str, str | None]) -> dict[str, str | None]:
    return {field: _normalized(field, value) for field, value in values.items()}


def _normalized(field: str, value: str | None) -> str | None:
    """The stored form of one personal value; an empty one is no value."""
    if not value:
        return None
    try:
        return NORMALIZE[field](value) or None
    except ValueError as error:
        raise InvalidValue(f"{field}: {error}") from None


def clean_skills(skills: Iterable[str]) -> list[str]:
    codes = list(dict.fromkeys(skills))
    bad = [code for code in codes if not isinstance(code, str) or not SERVICE_CODE.fullmatch(code)]
    if bad:
        raise InvalidValue(f"not service codes: {bad}")
    return codes


def clean_availability(value: str | Iterable[str] | None) -> str | list[str] | None:
    clean = clean_text(MAX_AVAILABILITY_CHARS)
    if value is None or isinstance(value, str):
        return clean(value or "") or None
    return [slot for slot in map(clean, value) if slot] or None


def clean_birth_year(year: int | None) -> int | None:
    if year is not None and not EARLIEST_BIRTH_YEAR <= year <= utcnow().year:
        raise InvalidValue(f"birth year {year} is out of range")
    return year


def clean_community(code: str | None) -> str | None:
    return clean_text(32)(code or "") or None


# Profile fields besides personal data that update_profile may change, with their cleaners.
PROFILE_FIELDS: dict[str, Callable] = {
    "community": clean_community,
    "birth_year": clean_birth_year,
    "skills": clean_skills,
    "availability": clean_availability,
    "broadcasts_opted_out": bool,
}
