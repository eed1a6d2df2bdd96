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


class CheckInTooEarly(TaskError):
    """Before the check-in window opens; `at` is when it does."""

    code = "check_in_early"

    def __init__(self, at):
        super().__init__(f"check-in opens at {at.isoformat()}")
        self.at = at


class CheckInTooLate(TaskError):
    """After the check-in window closed at `at`; staff are told."""

    code = "check_in_late"

    def __init__(self, at):
        super().__init__(f"check-in closed at {at.isoformat()}")
        self.at = at


class ShortVisit(TaskError):
    """A check-out sooner than the shortest visit: asked again, then flagged."""

    code = "short_visit"

    def __init__(self, minutes: int):
        super().__init__(f"a visit of {minutes} minutes")
        self.minutes = minutes


class OwnTask(TaskError):
    """Separation of duties: nobody takes, serves, confirms or rates a task they posted or posted for."""

    code = "own_task"


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
