"""The elder's contact for the accepted volunteer, inside the contact window until the task ends; every read logged.

The window opens `contact_window_min` before the start (config [tasks] contact_window_hours): a volunteer
who accepts on Monday for a Friday visit learns the phone on Thursday. Before that they see the
community, the street and a masked name (storage.members.masked_profile, not logged: nothing unmasked).
"""

from __future__ import annotations

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from storage.db import Sessions
from storage.members import Actor, Purpose, RevealRefused, reveal
from storage.privacy import KeyRing
from storage.tasks.errors import ContactNotYet, NotYourTask
from storage.tasks.sealing import open_request
from storage.tasks.tables import ACCEPTED, IN_SERVICE, ServiceRequestRow
from storage.tasks.values import DEFAULT_TASK_RULES, Contact, TaskRules
from storage.tasks.views import task

CONTACT_FIELDS = ("real_name", "phone", "address")
ACTIVE = (ACCEPTED, IN_SERVICE)


def contact_opens_at(starts_at: datetime, rules: TaskRules) -> datetime:
    return starts_at - timedelta(minutes=rules.contact_window_min)


async def contact_for_volunteer(sessions: Sessions, keyring: KeyRing, request_id: int, volunteer: Actor,
                                now: datetime, rules: TaskRules = DEFAULT_TASK_RULES) -> Contact:
    """Through storage.members.reveal, vouched for inside its transaction; the request's own place wins.

    ContactNotYet before the window opens: nothing is read, so nothing is logged.
    """
    current = await task(sessions, request_id)
    requester_id, opens_at = current.requester_id, contact_opens_at(current.starts_at, rules)
    if now < opens_at and current.volunteer_id == volunteer.member_id:
        raise ContactNotYet(opens_at)
    vouched: dict[str, ServiceRequestRow] = {}  # the row, when the check inside reveal's transaction passed

    async def is_the_active_volunteer(session: AsyncSession) -> bool:
        row = await session.get(ServiceRequestRow, request_id)
        if (volunteer.member_id is not None and row.volunteer_id == volunteer.member_id and row.status in ACTIVE
                and now >= contact_opens_at(row.starts_at, rules)):
            vouched["row"] = row
        return "row" in vouched

    try:
        personal = await reveal(sessions, keyring, volunteer, requester_id, CONTACT_FIELDS,
                                Purpose.for_task(request_id), allowed=is_the_active_volunteer)
    except RevealRefused:
        raise NotYourTask(f"request {request_id} is not this member's active task") from None
    if "row" not in vouched:
        # Staff or family passed reveal on their own right; this function is only the volunteer's door.
        raise NotYourTask(f"request {request_id} is not this member's active task")
    row = vouched["row"]
    return Contact(personal.real_name, personal.phone, open_request(keyring, row, "place") or personal.address)
