"""Staff corrections of the ledger (grant, reverse, adjust): one service for chat and console. See docs/ledger.md."""

from storage.corrections.errors import CODES, CorrectionRefused
from storage.corrections.rules import ADMIN, DEFAULT_CORRECTION_RULES, STAFF, CorrectionRules
from storage.corrections.service import Correction, Notice, adjust, approve, grant, reverse, waiting
from storage.corrections.tables import ACTS, ADJUST, GRANT, PENDING, POSTED, REVERSE, CorrectionRow

__all__ = ["CODES", "CorrectionRefused", "ADMIN", "STAFF", "CorrectionRules", "DEFAULT_CORRECTION_RULES",
           "Correction", "Notice", "adjust", "approve", "grant", "reverse", "waiting", "ACTS", "ADJUST", "GRANT",
           "REVERSE", "PENDING", "POSTED", "CorrectionRow"]
