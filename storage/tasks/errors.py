"""Why a task operation was refused: one exception type per reason, each with a stable `code`.

Handlers pick their (kind, short) wording from a table keyed by `code`.
"""

from __future__ import annotations


class TaskError(Exception):
    code = "task_error"


class TaskNotFound(TaskError, LookupError):
    code = "not_found"


class InvalidTask(TaskError, ValueError):
    """A request or a rating that cannot be: unknown service, a start in the past, 6 stars."""

    code = "invalid"


class IllegalTransition(TaskError):
    code = "wrong_state"

    def __init__(self, status: str, event: str):
        super().__init__(f"a task that is {status} cannot be {event}")
        self.status = status
        self.event = event


class TaskTaken(TaskError):
    code = "taken"


class NotYourTask(TaskError):
    code = "not_yours"


class NotEligible(TaskError):
    """The volunteer may not take this task; `code` says why (see storage.tasks.rules.ELIGIBILITY)."""

    def __init__(self, code: str):
        super().__init__(code)
        self.code = code


class CannotPay(TaskError):
    code = "cannot_pay"

    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason  # storage.exchange reason code, e.g. insufficient_balance


class AlreadyRated(TaskError):
    code = "already_rated"


class NotFinished(TaskError):
    code = "not_finished"


class TooEarly(TaskError):
    code = "too_early"


class PausedFromAccepting(TaskError):
    """Accepted and cancelled too often lately (storage.tasks.flip_flops): no accepting until `until`."""

    code = "paused"

    def __init__(self, until):
        super().__init__(f"paused from accepting until {until.isoformat()}")
        self.until = until


class ContactNotYet(TaskError):
    """The elder's name, phone and address reach the volunteer only from `opens_at` (the contact window)."""

    code = "contact_not_yet"

    def __init__(self, opens_at):
        super().__init__(f"the contact window opens at {opens_at.isoformat()}")
        self.opens_at = opens_at
