"""Why a members operation was refused: one exception type per reason.

Every exception carries a stable `code` so a handler can pick its wording
from a table without parsing messages.
"""

from __future__ import annotations


class MemberError(Exception):
    code = "member_error"


class InvalidValue(MemberError, ValueError):
    code = "invalid_value"


class ConsentRequired(MemberError):
    code = "consent_required"


class MemberNotFound(MemberError, LookupError):
    code = "member_not_found"


class MemberClosed(MemberError):
    code = "member_closed"


class AlreadyRegistered(MemberError):
    """The openid or phone belongs to another member (`field` says which)."""

    code = "already_registered"

    def __init__(self, field: str, member_id: int):
        super().__init__(f"this {field} is already registered to member {member_id}")
        self.field = field
        self.member_id = member_id


class NotAllowed(MemberError, PermissionError):
    code = "not_allowed"

    def __init__(self, action: str, why: str):
        super().__init__(f"{action}: {why}")
        self.action = action


class RevealRefused(NotAllowed):
    code = "reveal_refused"


class BindingNotFound(MemberError, LookupError):
    code = "binding_not_found"
