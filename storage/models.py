"""Every table of the bot, imported in one place so that migrations can compare against them."""

from storage.alert_tables import AlertRow
from storage.audit import AuditRow
from storage.base import Base
from storage.corrections.tables import CorrectionRow
from storage.events.tables import EventRow, EventSignupRow
from storage.ledger.models import AccountRow, HoldResolutionRow, HoldRow, IdempotencyKeyRow, TransferRow
from storage.members.tables import CertificateRow, FamilyBindingRow, HomePointRow, MemberRow
from storage.outbox import DeliveryAttemptRow, OutboundMessage
from storage.proofs import ServiceProofRow
from storage.publicity_tables import (BroadcastRecipientRow, BroadcastRow, MemberTagRow, SuccessStoryRow,
                                      WeChatTagRow)
from storage.redemptions import PartnerItemRow, RedemptionRow
from storage.stars.tables import HonourRollChoiceRow, StarMilestoneRow
from storage.surveys.tables import SurveyAnswerRow, SurveyRow
from storage.tasks.tables import RatingRow, ServiceRequestRow, TaskEventRow, TaskOfferRow

metadata = Base.metadata

__all__ = [
    "AccountRow", "AlertRow", "EventRow", "EventSignupRow", "CorrectionRow", "AuditRow", "BroadcastRecipientRow", "BroadcastRow", "MemberTagRow", "SuccessStoryRow",
    "WeChatTagRow", "DeliveryAttemptRow", "HomePointRow", "RatingRow", "ServiceRequestRow",
    "TaskEventRow", "TaskOfferRow", "Base", "CertificateRow", "FamilyBindingRow", "HoldResolutionRow", "HoldRow",
    "IdempotencyKeyRow", "MemberRow", "OutboundMessage", "PartnerItemRow", "RedemptionRow", "ServiceProofRow", "TransferRow",
    "metadata", "HonourRollChoiceRow", "StarMilestoneRow", "SurveyRow", "SurveyAnswerRow",
]
