"""Events staff organise (trainings, lectures, open days, activities): sign-up with a waiting list, reminders,
attendance by the venue's QR code or by staff, and the certificate a training gives.

Every function takes the app's sessions, runs its own transaction and returns frozen values.
"""

from storage.events.attendance import attend, claim_certificate
from storage.events.catalogue import create_event, event, recent, set_qr_ticket, upcoming
from storage.events.counts import Attendee, DayCounts, Tally, attendees, by_community, day_counts, tallies
from storage.events.reminders import DAY, HOUR, Due, claim_reminders
from storage.events.signups import cancel, place_of, places_of, sign_up
from storage.events.tables import (ACTIVITY, AUDIENCES, CANCELLED, COMMUNITY, EVERYONE, KINDS, LECTURE, OPEN_DAY,
                                   SCAN, SEATED, STAFF_MARK, TRAINING, WAITING, EventRow, EventSignupRow)
from storage.events.values import MAX_CAPACITY, MAX_PLACE, MAX_TITLE, Attendance, Cancelled, Event, Place, SignUp

__all__ = [
    "create_event", "event", "upcoming", "recent", "set_qr_ticket",
    "sign_up", "cancel", "place_of", "places_of",
    "attend", "claim_certificate", "claim_reminders", "Due", "DAY", "HOUR",
    "tallies", "by_community", "attendees", "day_counts", "Tally", "DayCounts", "Attendee",
    "Event", "Place", "SignUp", "Cancelled", "Attendance",
    "TRAINING", "LECTURE", "OPEN_DAY", "ACTIVITY", "KINDS", "COMMUNITY", "EVERYONE", "AUDIENCES",
    "SEATED", "WAITING", "CANCELLED", "SCAN", "STAFF_MARK", "MAX_TITLE", "MAX_PLACE", "MAX_CAPACITY",
    "EventRow", "EventSignupRow",
]
