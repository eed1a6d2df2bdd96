"""Service requests and the tasks they become: posting, matching, accepting, doing, paying, rating.

Every function takes the app's `async_sessionmaker`, runs its own
transaction (storage.ledger.in_transaction: retried on busy, deadlock and
unique races) and returns frozen values without personal data. A status
changes only through storage.tasks.transitions.move, checked against
TRANSITIONS; credits move through ledger holds in the same transaction as
the status change. The request row is locked first, then the ledger locks
accounts in id order, so two operations never wait on each other in a cycle.
See docs/requests.md.
"""

from storage.tasks.acceptance import accept
from storage.tasks.cancelling import cancel
from storage.tasks.contact import contact_for_volunteer, contact_opens_at
from storage.tasks.errors import (AlreadyRated, CannotPay, CheckInTooEarly, CheckInTooLate, ContactNotYet,
                                  IllegalTransition, InvalidTask, NotEligible, NotFinished, NotYourTask, OwnTask,
                                  PausedFromAccepting, ShortVisit, TaskError, TaskNotFound, TaskTaken, TooEarly)
from storage.tasks.flip_flops import accepting_paused_until
from storage.tasks.matching import candidates, offered_to, record_offers
from storage.tasks.payment_check import payment_problems
from storage.tasks.posting import post_request, quote
from storage.tasks.presence import check_in, check_out, distance_m
from storage.tasks.ratings import rate, rating_of
from storage.tasks.settlement import DECISIONS, confirm_done, dispute, resolve_dispute
from storage.tasks.sweeps import auto_confirm, expire_stale, reminders_due, reopen_no_shows
from storage.tasks.tables import (ACCEPTED, CANCELLED, DISPUTED, DONE, EXPIRED, IN_SERVICE, OPEN, REQUESTER, STATUSES,
                                  VOLUNTEER, RatingRow, ServiceRequestRow, TaskEventRow, TaskOfferRow)
from storage.tasks.transitions import EVENTS, TRANSITIONS
from storage.tasks.values import (DEFAULT_TASK_RULES, CheckIn, Contact, NoShow, Point, Quote, Rating, Settlement, Task,
                                  TaskEvent, TaskRules, VolunteerRecord)
from storage.tasks.windows import Pay, check_request_timing, pay_for
from storage.tasks.views import history, open_requests, task, task_for, tasks_of, volunteer_record

__all__ = [
    # operations
    "post_request", "quote", "candidates", "record_offers", "offered_to", "accept", "contact_for_volunteer", "contact_opens_at", "accepting_paused_until",
    "check_in", "check_out", "confirm_done", "dispute", "resolve_dispute", "cancel", "rate",
    # sweeps
    "reopen_no_shows", "auto_confirm", "expire_stale", "reminders_due",
    # views
    "task", "task_for", "open_requests", "tasks_of", "rating_of", "volunteer_record", "history", "distance_m",
    # values
    "TaskRules", "DEFAULT_TASK_RULES", "Task", "Point", "Quote", "CheckIn", "Settlement", "NoShow", "Rating",
    "Contact", "VolunteerRecord", "TaskEvent",
    # names and tables of rules
    "OPEN", "ACCEPTED", "IN_SERVICE", "DONE", "DISPUTED", "CANCELLED", "EXPIRED", "STATUSES", "REQUESTER",
    "VOLUNTEER", "TRANSITIONS", "EVENTS", "DECISIONS",
    # errors
    "TaskError", "TaskNotFound", "InvalidTask", "IllegalTransition", "TaskTaken", "NotYourTask", "NotEligible",
    "CannotPay", "AlreadyRated", "NotFinished", "TooEarly", "CheckInTooEarly", "CheckInTooLate", "ShortVisit",
    "OwnTask", "ContactNotYet", "PausedFromAccepting",
    # windows
    "Pay", "pay_for", "check_request_timing", "payment_problems",
    # tables
    "ServiceRequestRow", "TaskEventRow", "TaskOfferRow", "RatingRow",
]
