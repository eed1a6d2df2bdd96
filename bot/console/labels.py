"""What the console calls things, in Simplified Chinese: one table per kind of name."""

from __future__ import annotations

from handlers.names import ALERT_KINDS, ROLES, TRANSFER_KINDS  # noqa: F401 — read by the templates
from handlers.texts import say
from storage import corrections, dashboard, members, redemptions, tasks
from storage.tasks import escalation, transitions

MEMBER_STATUSES = {members.ACTIVE: "正常", members.SUSPENDED: "已停用", members.CLOSED: "已注销"}
TASK_STATUSES = {
    tasks.OPEN: "待接单", tasks.ACCEPTED: "已接单", tasks.IN_SERVICE: "服务中", tasks.DONE: "已完成",
    tasks.DISPUTED: "有争议", tasks.CANCELLED: "已取消", tasks.EXPIRED: "已过期",
}
TASK_EVENTS = {
    transitions.POSTED: "发布", transitions.ACCEPT: "接单", transitions.CHECK_IN: "签到",
    transitions.CHECK_OUT: "签退", transitions.CONFIRM: "确认完成", transitions.AUTO_CONFIRM: "自动确认",
    transitions.DISPUTE: "提出异议", transitions.CANCEL: "取消", transitions.VOLUNTEER_CANCEL: "志愿者取消",
    transitions.NO_SHOW: "志愿者未到", transitions.EXPIRE: "过期", transitions.RESOLVE_PAY: "裁定：照付",
    transitions.RESOLVE_PART: "裁定：部分支付", transitions.RESOLVE_REFUND: "裁定：退回",
}
ESCALATION_STEPS = {
    escalation.BEST: "已告诉最合适的志愿者", escalation.COMMUNITY: "已告诉本社区所有志愿者",
    escalation.NEIGHBOURS: "已告诉附近社区的志愿者", escalation.STAFF: "已提醒工作人员",
}
REDEMPTION_STATUSES = {
    redemptions.RESERVING: "预留中", redemptions.HELD: "待核销", redemptions.COMPLETED: "已核销",
    redemptions.VOIDED: "已作废", redemptions.EXPIRED: "已过期", redemptions.REFUSED: "未成功",
}
SATISFACTION = {dashboard.VERY_SATISFIED: "非常满意", dashboard.SATISFIED: "满意",
                dashboard.NOT_SATISFIED: "不满意"}
PERSONAL_FIELDS = {
    "real_name": "姓名", "phone": "手机", "address": "地址", "emergency_name": "紧急联系人",
    "emergency_phone": "紧急联系人手机", "id_number": "身份证号",
}
# What the page says after an action redirected back to it (?done=…).
FLASH = {
    "handled": "告警已处理。", "settled": "纠纷已处理，双方已收到通知，告警已关闭。", "handled_before": "这条告警已被别人处理。", "verified": "已认证该志愿者。",
    "suspended": "已停用该会员。", "reinstated": "已恢复该会员。", "certificate": "已登记培训证书。",
    "binding_confirmed": "已确认家属绑定。", "binding_ended": "已解除家属绑定。", "made_staff": "已设为工作人员。",
    "revoked_staff": "已取消工作人员身份。", "reversed": "冲正已完成。", "granted": "发放已完成。",
    "adjusted": "调整已完成。", "approved": "已批准，已办理。",
    "waiting": "这笔数额较大，已提交，要另一位工作人员批准后才会办理。",
    "redeemed": "兑换码已核销。", "broadcast_sent": "群发已确认，正在发送。", "broadcast_cancelled": "群发已取消。",
}
# What the page says when an action was refused (?refused=…).
REFUSED = {
    "no_fields": "请勾选要查看的信息。", "no_reason": "请写明查看原因，本人能看到。", "reveal": "您没有查看这些信息的权限。",
    "verified": "不能认证：只有正常状态的志愿者可以认证。", "suspended": "不能停用：请写明原因（也不能停用自己）。",
    "reinstated": "不能恢复这个会员。", "certificate": "证书没登记上：请选服务、写发证单位，日期格式如 2027-06-30。",
    "binding_confirmed": "不能确认这个绑定。", "binding_ended": "不能解除这个绑定。",
    "made_staff": "不能设为工作人员。", "revoked_staff": "不能取消这个工作人员（也不能取消自己）。",
}
# Ledger corrections are refused by storage.corrections, in the same words as in chat.
REFUSED |= {f"correction_{code}": say(f"correction_{code}") for code in corrections.CODES}
REFUSED |= {
    "reverse_reason": "冲正需要写明原因。", "grant_reason": "发放需要写明原因。",
    "adjust_reason": "调整需要写明原因。", "approve_reason": "批准也要写一句核实情况。",
    "reverse": "冲正没有完成：请核对转账编号和分钟数（对方余额不足时需勾选“允许为负”）。",
    "grant": "发放没有完成：请核对会员编号和分钟数（每次最多 6000 分钟）。",
}
REFUSED |= {"code": "核销没有完成：兑换码不存在、已用过或已过期。", "completed": "这个码已经核销过了。",
            "expired": "这个码已经过期了，时间币已退回。", "voided": "这个码已经取消了。"}
FLASH |= {"broadcast_not_cancelled": "这条群发已经开始或结束，不能取消了。"}
REFUSED |= {"nobody": "这个范围里没有能收到群发的人。", "quota": "本期群发次数已用完，没有发送。"}
FLASH |= {"event_created": "活动已建好。", "event_attended": "已登记签到。", "event_qrcode": "签到二维码已生成。"}
REFUSED |= {"event_attend": "不能登记这个人（培训不能给自己登记）。", "event_not_now": "活动开始前2小时才能签到。",
            "event_not_seated": "这个人没有报上名，不能签到。", "event_not_found": "没有这个活动。",
            "event_qrcode": "微信没有生成二维码，请稍后再试。"}
AUDIT_ACTIONS = {
    "register": "登记", "update_profile": "修改资料", "reattach": "重新绑定微信", "verify": "审核通过",
    "suspend": "停用", "reinstate": "恢复", "set_in_need": "标记困难", "make_staff": "设为工作人员",
    "revoke_staff": "撤销工作人员", "certificate": "登记证书", "bind": "申请亲情代理", "confirm_binding": "确认亲情代理",
    "end_binding": "解除亲情代理", "erase": "删除个人信息", "reveal": "查看个人信息", "reveal_refused": "查看被拒绝",
    "member_search": "查找成员", "alert_handled": "处理告警", "resolve_dispute": "裁定纠纷",
    "ledger_grant": "发放时间币", "ledger_reversal": "冲正", "ledger_verify": "核对账本", "ledger_export": "导出账本",
    "redemption_complete": "核销兑换", "console_login": "登录后台", "console_logout": "退出后台",
    "broadcast_preview": "群发预览", "broadcast_confirmed": "确认群发", "broadcast_cancelled": "取消群发",
    "broadcast_finished": "群发完成", "broadcast_failed": "群发失败", "broadcasts_opt_out": "退订群发",
    "survey_created": "发问卷", "survey_notes_read": "查看问卷建议",
    "add_story": "添加故事", "export": "导出我的信息",
    "honour_roll_opt_in": "同意上光荣榜", "honour_roll_opt_out": "不上光荣榜", "honour_roll_view": "查看光荣榜",
    "add_story": "添加故事", "export": "导出我的信息", "event_created": "建活动", "event_attended": "活动签到",
}
