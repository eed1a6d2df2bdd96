"""Why a correction was refused: one exception with a stable `code` a front end words for its reader."""

from __future__ import annotations

CODES = (
    "not_allowed",  # the act needs a right this staff member does not hold
    "own_account",  # nobody grants to, adjusts or reverses for themselves
    "own_approval",  # the second pair of eyes is someone else's
    "over_act_cap",
    "over_day_cap",
    "no_member",
    "no_transfer",
    "reversal_of_reversal",
    "fully_reversed",
    "not_enough",  # the member's balance cannot give back that much
    "no_approval",  # nothing waits under that number
    "invalid",  # no reason, or an amount that is not a whole number in range
)


class CorrectionRefused(Exception):
    def __init__(self, code: str, detail: str = ""):
        assert code in CODES, code
        super().__init__(f"{code}: {detail}" if detail else code)
        self.code = code
