"""Secrets never reach a log line or an exception text.

Two nets: every configured secret's value, wherever it appears, and any
`secret=`, `access_token=` or `token=` parameter of a URL (a requests error
names the URL it failed on, and WeChat's token URL carries the app secret).
"""

from __future__ import annotations

import logging
import re
from typing import Iterable

REDACTED = "[redacted]"
MIN_SECRET_CHARS = 6  # shorter values would blank ordinary words; WeChat's tokens and keys are longer
_URL_SECRETS = re.compile(r"((?:app)?secret|access_token|token|encoding_aes_key)=[^&\s'\"<>)]+", re.IGNORECASE)


class Redactor:
    def __init__(self, secrets: Iterable[str] = ()):
        self._secrets = sorted({value for value in secrets if value and len(value) >= MIN_SECRET_CHARS},
                               key=len, reverse=True)

    def __call__(self, text: str) -> str:
        text = _URL_SECRETS.sub(lambda match: f"{match.group(1)}={REDACTED}", text)
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text

    def exception(self, error: BaseException) -> BaseException:
        """The same kind of error, its text redacted, with no chain back to the original's."""
        try:
            scrubbed = type(error)(self(str(error)))
        except Exception:  # noqa: BLE001 — a type that takes other arguments: a plain RuntimeError says it
            scrubbed = RuntimeError(f"{type(error).__name__}: {self(str(error))}")
        scrubbed.__suppress_context__ = True
        return scrubbed


class RedactingFormatter(logging.Formatter):
    """Redacts the whole formatted record: message, arguments and traceback alike."""

    def __init__(self, fmt: str, redactor: Redactor):
        super().__init__(fmt)
        self._redact = redactor

    def format(self, record: logging.LogRecord) -> str:
        return self._redact(super().format(record))
