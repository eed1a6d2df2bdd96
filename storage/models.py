"""Every table of the bot, imported in one place so that migrations can compare against them."""

from storage.audit import AuditRow
from storage.base import Base
from storage.ledger.models import AccountRow, HoldResolutionRow, HoldRow, IdempotencyKeyRow, TransferRow
from storage.members import CertificateRow, FamilyBindingRow, MemberRow
from storage.outbox import OutboundMessage
from storage.redemptions import PartnerItemRow, RedemptionRow

metadata = Base.metadata

__all__ = [
    "AccountRow", "AuditRow", "Base", "CertificateRow", "FamilyBindingRow", "HoldResolutionRow", "HoldRow",
    "IdempotencyKeyRow", "MemberRow", "OutboundMessage", "PartnerItemRow", "RedemptionRow", "TransferRow", "metadata",
]
