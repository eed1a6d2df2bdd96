"""Who may correct the ledger, and how much: one table for every front end (config [corrections])."""

from __future__ import annotations

from dataclasses import dataclass

from storage.corrections.tables import ADJUST, GRANT, REVERSE

STAFF, ADMIN = "staff", "admin"


@dataclass(frozen=True)
class CorrectionRules:
    grant_by: str = ADMIN  # "admin" or "staff": who may grant credits from the bank's issuance
    reverse_by: str = ADMIN  # who may reverse a transfer
    adjust_by: str = ADMIN  # who may adjust a balance up or down against the adjustment account
    max_per_act_min: int = 6000  # 100 hours: a larger act is a data-entry mistake, not a policy
    max_per_day_min: int = 12000  # what one staff member may move in a local day, all acts together
    approval_over_min: int = 1200  # above 20 hours a second staff member approves before anything moves

    def needed(self, act: str) -> str:
        return {GRANT: self.grant_by, REVERSE: self.reverse_by, ADJUST: self.adjust_by}[act]


DEFAULT_CORRECTION_RULES = CorrectionRules()
