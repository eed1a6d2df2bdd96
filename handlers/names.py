"""What things are called in Chinese, in chat and on the staff console: one table per kind of name."""

from storage import alerts, ledger, members

ROLES = {members.ELDER: "老人", members.VOLUNTEER: "志愿者", members.FAMILY: "家属"}
TRANSFER_KINDS = {
    ledger.SERVICE: "服务", ledger.GIFT: "赠送", ledger.DONATION: "捐赠", ledger.REDEMPTION: "兑换",
    ledger.GRANT: "发放", ledger.ADJUSTMENT_KIND: "调整", ledger.REVERSAL: "冲正",
}
ALERT_KINDS = {
    alerts.SOS: "紧急求助", alerts.DISPUTE: "服务纠纷", alerts.LOW_RATING: "差评", alerts.NO_SHOW: "志愿者没来",
    alerts.FAR_CHECK_IN: "签到位置太远", alerts.NOBODY_IN_REACH: "附近没有志愿者", alerts.LATE_CANCEL: "临时取消",
    alerts.UNANSWERED: "快开始了还没人接",
    alerts.LATE_CHECK_IN: "签到太晚", alerts.SHORT_VISIT: "服务时间太短", alerts.APPROVAL: "更正待批准",
    alerts.CANCEL_LOOP: "反复接单又取消", alerts.CARE_CALL: "关怀回访",
}
