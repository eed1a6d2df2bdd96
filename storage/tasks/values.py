"""The frozen values storage.tasks takes and returns; none of them holds personal data in the clear."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from storage.ledger import TransferResult
from storage.tasks.tables import ACCEPTED, IN_SERVICE, ServiceRequestRow


@dataclass(frozen=True)
class TaskRules:
    """From config [tasks]."""

    match_top_n: int = 3  # volunteers told about a new request
    no_show_grace_min: int = 30  # no check-in by start + this: a no-show
    auto_confirm_after_min: int = 1440  # after check-out (else after the planned end) with no dispute
    late_cancel_min: int = 1440  # a volunteer cancelling this close to the start: a late cancellation
    far_check_in_m: int = 500  # check-in/out farther than this from the place: flagged for staff
    hold_days: int = 30  # a task's hold deadline = planned end + this (disputes need time)
    fairness_days: int = 30  # "recent tasks" window for fair ranking
    # The escalation ladder of a request nobody takes (storage.tasks.escalation), counted from its posting:
    widen_after_min: int = 60  # then every eligible volunteer of its community is told
    neighbours_after_min: int = 180  # then those of the other communities too
    staff_before_min: int = 1440  # staff alerted this long before the start (half the lead time if shorter)
    check_in_early_min: int = 30  # check-in opens this long before the planned start
    check_in_late_min: int = 60  # and closes this long after it
    min_visit_min: int = 10  # a shorter visit is asked about and flagged
    pay_tolerance_min: int = 0  # served minutes paid up to the planned duration plus this
    min_notice_min: int = 60  # a request starts at least this long after it is posted
    max_ahead_days: int = 60  # and at most this many days ahead
    min_duration_min: int = 15
    max_duration_min: int = 480

    @property
    def no_show_after_min(self) -> int:
        """A no-show is only called once the late check-in window has closed too."""
        return max(self.no_show_grace_min, self.check_in_late_min)
    contact_window_min: int = 1440  # the elder's name, phone and address reach the volunteer this long before
    cancel_loop_count: int = 3  # this many volunteer cancellations…
    cancel_loop_days: int = 7  # …within this many days pause the volunteer from accepting…
    cancel_pause_days: int = 7  # …for this long after the last of them (0 count: never)


DEFAULT_TASK_RULES = TaskRules()


@dataclass(frozen=True)
class Task:
    id: int
    requester_id: int
    posted_by: str
    service_code: str
    community: str | None
    starts_at: datetime
    duration_min: int
    cost_min: int
    status: str
    volunteer_id: int | None
    payer: str | None
    hold_id: int | None
    acceptance_no: int
    accepted_at: datetime | None
    checked_in_at: datetime | None
    checked_out_at: datetime | None
    finished_at: datetime | None
    check_in_distance_m: int | None
    check_out_distance_m: int | None
    expires_at: datetime
    created_at: datetime
    version: int
    has_own_place: bool  # a place other than the home address was given

    @property
    def ends_at(self) -> datetime:
        return self.starts_at + timedelta(minutes=self.duration_min)

    @property
    def is_active(self) -> bool:
        return self.status in (ACCEPTED, IN_SERVICE)


def as_task(row: ServiceRequestRow) -> Task:
    return Task(
        id=row.id, requester_id=row.requester_id, posted_by=row.posted_by, service_code=row.service_code,
        community=row.community, starts_at=row.starts_at, duration_min=row.duration_min, cost_min=row.cost_min,
        status=row.status, volunteer_id=row.volunteer_id, payer=row.payer, hold_id=row.hold_id,
        acceptance_no=row.acceptance_no, accepted_at=row.accepted_at, checked_in_at=row.checked_in_at,
        checked_out_at=row.checked_out_at, finished_at=row.finished_at,
        check_in_distance_m=row.check_in_distance_m, check_out_distance_m=row.check_out_distance_m,
        expires_at=row.expires_at, created_at=row.created_at, version=row.version,
        has_own_place=row.place_enc is not None)


@dataclass(frozen=True)
class Point:
    latitude: float
    longitude: float


@dataclass(frozen=True)
class Quote:
    cost_min: int
    payer: str | None  # storage.exchange REQUESTER / POOL / ISSUANCE, None: nobody can pay
    reason: str  # storage.exchange reason code


@dataclass(frozen=True)
class CheckIn:
    task: Task
    distance_m: int | None
    far: bool


@dataclass(frozen=True)
class Settlement:
    task: Task
    transfer: TransferResult | None  # None: refunded


@dataclass(frozen=True)
class NoShow:
    task: Task
    volunteer_id: int


@dataclass(frozen=True)
class Rating:
    id: int
    request_id: int
    side: str
    rater_id: int
    ratee_id: int
    stars: int
    at: datetime


@dataclass(frozen=True)
class Contact:
    """Unmasked, for the accepted volunteer only."""

    real_name: str | None
    phone: str | None
    address: str | None


@dataclass(frozen=True)
class VolunteerRecord:
    done: int
    average_stars: float | None
    late_cancellations: int
    no_shows: int


@dataclass(frozen=True)
class TaskEvent:
    at: datetime
    event: str
    from_status: str | None
    to_status: str
    actor: str
    reason: str | None
    late: bool
    volunteer_id: int | None
