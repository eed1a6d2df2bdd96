"""The elder's contact for the accepted volunteer, from acceptance until the task ends; every read logged."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy.ext.asyncio import AsyncSession

from storage.members import Actor, Purpose, RevealRefused, Sessions, reveal
from storage.privacy import KeyRing
from storage.tasks.errors import NotYourTask
from storage.tasks.sealing import open_request
from storage.tasks.tables import ACCEPTED, IN_SERVICE, ServiceRequestRow
from storage.tasks.values import Contact
from storage.tasks.views import task

CONTACT_FIELDS = ("real_name", "phone", "address")
ACTIVE = (ACCEPTED, IN_SERVICE)


async def contact_for_volunteer(sessions: Sessions, keyring: KeyRing, request_id: int, volunteer: Actor,
                                now: datetime) -> Contact:
    """Through storage.members.reveal, vouched for inside its transaction; the request's own place wins."""
    requester_id = (await task(sessions, request_id)).requester_id
    vouched: dict[str, ServiceRequestRow] = {}  # the row, when the check inside reveal's transaction passed

    async def is_the_active_volunteer(session: AsyncSession) -> bool:
        row = await session.get(ServiceRequestRow, request_id)
        if volunteer.member_id is not None and row.volunteer_id == volunteer.member_id and row.status in ACTIVE:
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
