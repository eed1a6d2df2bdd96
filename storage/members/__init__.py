"""Members and their personal data: registration, roles, family bindings, training certificates, consent.

Every function takes the app's `async_sessionmaker`, runs its own transaction
and returns frozen values, never ORM rows. Personal data (see
`PERSONAL_FIELDS`) is stored only encrypted (storage.privacy), found by a
keyed hash, shown masked (`masked_profile`), and read in the clear only
through `reveal`, which checks the reader's right and writes the audit log in
the same transaction. See docs/privacy.md.

Acting members are named by `Actor`. `SYSTEM` is the operator's CLI and the
background jobs: trusted for staff and admin actions, but nobody's self,
family or staff, so it neither reads nor edits anyone's personal data.
"""

from storage.members.access import (ADMIN_ONLY, FAMILY_OF, HOLDS_RIGHT, NEEDS, SELF, STAFF, STAFF_ONLY,
                                    TASK_VOLUNTEER)
from storage.members.bindings import bound_elders, confirm_binding, end_binding, family_of, is_bound, request_binding
from storage.members.certificates import certificates_of, is_certified, record_certificate
from storage.members.disclosure import ALL_FIELDS, MASK, REVEAL_RIGHTS, masked_profile, reveal
from storage.members.erasure import erase_member
from storage.members.errors import (AlreadyRegistered, BindingNotFound, ConsentRequired, InvalidValue, MemberClosed,
                                    MemberError, MemberNotFound, NotAllowed, RevealRefused)
from storage.members.profile import (PROFILE_EDITORS, pause_offers, reattach_openid, set_broadcasts_opted_out,
                                     set_following, update_profile)
from storage.members.registration import (member_by_id, member_by_openid, member_by_phone, members_by_ids,
                                          register_member)
from storage.members.rotation import rotate
from storage.members.places import home_point, set_home_point
from storage.members.staff import (appoint, make_staff, promote_configured_staff, reinstate_member, revoke_staff,
                                   set_in_need, staff_members, staff_openids, suspend_member, verify_volunteer)
from storage.members.tables import CertificateRow, FamilyBindingRow, HomePointRow, MemberRow
from storage.members.validation import NORMALIZE, PROFILE_FIELDS
from storage.members.values import (ACTIVE, BINDING_STATUSES, CLOSED, CONFIRMED, EARLIEST_BIRTH_YEAR, ELDER, FAMILY,
                                    MAX_AVAILABILITY_CHARS, MAX_RELATION_CHARS, OPENID_LENGTH, PENDING,
                                    PERSONAL_FIELDS, REF_LENGTH, ROLES, SERVICE_CODE, STATUSES, SUSPENDED, SYSTEM,
                                    VOLUNTEER, Actor, Binding, Certificate, Consent, Erasure, Member, PersonalData,
                                    Purpose, Vouch, ledger_ref, member_id_of)

__all__ = [
    # registration, lookups and profile
    "register_member", "member_by_id", "members_by_ids", "member_by_openid", "member_by_phone", "update_profile", "set_following",
    "pause_offers", "reattach_openid", "set_broadcasts_opted_out",
    # staff actions and certificates
    "verify_volunteer", "suspend_member", "reinstate_member", "set_in_need", "make_staff", "revoke_staff",
    "staff_openids",
    "record_certificate", "certificates_of", "is_certified",
    # family bindings
    "request_binding", "confirm_binding", "end_binding", "bound_elders", "family_of", "is_bound",
    # home points and staff from the configuration
    "set_home_point", "home_point", "promote_configured_staff", "appoint", "staff_members",
    # personal data
    "masked_profile", "reveal", "erase_member", "rotate",
    # values
    "Actor", "SYSTEM", "Consent", "PersonalData", "Member", "Binding", "Certificate", "Erasure",
    "Purpose", "Vouch", "ledger_ref", "member_id_of",
    # names and limits
    "ELDER", "VOLUNTEER", "FAMILY", "ROLES", "ACTIVE", "SUSPENDED", "CLOSED", "STATUSES", "PENDING", "CONFIRMED",
    "BINDING_STATUSES", "REF_LENGTH", "OPENID_LENGTH", "SERVICE_CODE", "MAX_AVAILABILITY_CHARS",
    "MAX_RELATION_CHARS", "EARLIEST_BIRTH_YEAR", "PERSONAL_FIELDS",
    # rules as tables
    "NORMALIZE", "PROFILE_FIELDS", "MASK", "ALL_FIELDS", "REVEAL_RIGHTS", "PROFILE_EDITORS",
    "SELF", "STAFF", "FAMILY_OF", "TASK_VOLUNTEER", "STAFF_ONLY", "ADMIN_ONLY", "NEEDS", "HOLDS_RIGHT",
    # errors
    "MemberError", "InvalidValue", "ConsentRequired", "MemberNotFound", "MemberClosed", "AlreadyRegistered",
    "NotAllowed", "RevealRefused", "BindingNotFound",
    # tables
    "MemberRow", "FamilyBindingRow", "CertificateRow", "HomePointRow",
]
