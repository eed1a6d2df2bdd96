"""The sentences of the staff desk (handlers/staff_desk.py): ledger corrections, alerts, records, staff rights, reports.

Staff read these, not elders, but they are kept as short and plain.
"""

DESK_TEXTS = {
    # ---- staff in chat: their help, reinstating, a command typed while a flow waits ----
    "staff_help": (
        "工作人员指令（手机号是会员注册用的）：\n"
        "· 认证 手机号\n"
        "· 停用 手机号 原因 ／ 恢复 手机号\n"
        "· 证书 手机号 陪诊 2027-12-31\n"
        "· 确认绑定 老人手机号\n"
        "· 代注册 ／ 代办 老人手机号 ／ 结束代办\n"
        "· 发放 手机号 2小时 原因 ／ 冲正 转账号 原因\n"
        "· 待办 ／ 处理警报 编号 说明\n"
        "· 处理 订单号 全付 原因 ／ 部分 1小时 原因 ／ 退回 原因\n"
        "· 志愿者记录 手机号\n"
        "· 设为工作人员 ／ 设为管理员 ／ 撤销工作人员 手机号\n"
        "· 群发 内容 ／ 群发故事 编号 ／ 群发记录 ／ 取消群发 编号\n"
        "· 添加故事 标题｜正文\n"
        "· 光荣榜 2026-11 社区 ／ 群发光荣榜 2026-11 社区\n"
        "· 撤销证明 证明编号\n"
        "· 日报 ／ 日报 昨天\n"
        "· 发问卷 30 ／ 发志愿者问卷 ／ 问卷结果\n"
        "· 登录后台"
    ),
    "staff_usage_reinstate": "请这样发：恢复 13812345678",
    "staff_not_suspended": "{who}没有被停用，不用恢复。",
    "staff_reinstated": "已恢复{who}，TA可以继续使用了，已通知TA。",
    "member_reinstated_notice": "您的账户已恢复，可以继续使用时间银行了。有疑问请打社区电话 {hotline}。",
    "flow_still_waiting": "（“{title}”还没办完。{question}）",
    "command_or_answer": "您发的“{command}”是一条指令。先办这个指令吗？\n回复“是”先办指令；回复“不”，就把它当作上一个问题的回答。",
    # ---- ledger corrections ----
    "desk_ask_transfer": "要冲正哪一笔？请发转账号（数字）。",
    "desk_ask_reason": "原因是什么？（会记进日志）",
    "desk_ask_member_phone": "发给谁？请发会员注册时用的手机号。",
    "desk_ask_amount": "发多少？比如“2小时”或“30分钟”。",
    "desk_no_transfer": "没有第{id}笔转账，请核对转账号。",
    "desk_fully_reversed": "第{id}笔已经全部冲正过了。",
    "desk_no_reversing_a_reversal": "第{id}笔本身就是冲正，不能再冲正。要改回来，请用“发放”。",
    "desk_reason_needed": "请写上原因，会记进日志。",
    "desk_reverse_summary": "冲正第{id}笔（{kind}，{amount}）：从{payee}退回{payer}。\n原因：{reason}",
    "desk_reverse_done": "已冲正第{id}笔，{amount}已退回。双方已收到通知，操作已记入日志。",
    "desk_reversal_notice": "您的时间币有一笔更正：{change}{amount}（第{id}笔冲正）。原因：{reason}\n有疑问请打社区电话 {hotline}。",
    "desk_grant_summary": "给{who}发放{amount}时间币（由社区发行）。\n原因：{reason}",
    "desk_grant_done": "已给{who}发放{amount}时间币，TA已收到通知，操作已记入日志。",
    "desk_grant_over_cap": "\nTA的时间币已接近上限，其中{overflow}转入了社区公益池。",
    "desk_grant_notice": "社区给您发放了{amount}时间币。原因：{reason}\n发“余额”可以查看。",
    "desk_adjust_summary": "给{who}调整{change}。\n原因：{reason}",
    "desk_ask_direction": "是加还是减？",
    "correction_adjust_notice": "您的时间币有一笔调整：{change}{amount}。原因：{reason}\n有疑问请打社区电话 {hotline}。",
    "correction_adjust_done": "已给{who}调整{change}，TA已收到通知，操作已记入日志。",
    "correction_waiting": "这笔数额较大，要另一位工作人员批准后才会办理（编号{id}），已通知其他工作人员。",
    "correction_approval_told_staff": "待批准#{id}：{act}{amount}，原因：{reason}。核实后请发“批准 {id}”。",
    "correction_approved": "已批准#{id}。",
    "correction_not_allowed": "这项更正您没有权限，请找管理员。",
    "correction_own_account": "不能给自己发放、调整或冲正，请找别的工作人员办理。",
    "correction_own_approval": "自己提交的更正要由别的工作人员批准。",
    "correction_over_act_cap": "一次不能超过规定的上限，请分开办理或找管理员。",
    "correction_over_day_cap": "您今天办理的更正已经到上限了，明天再办，或请别的工作人员办理。",
    "correction_no_member": "没有找到这个会员（或已停用），请核对。",
    "correction_no_transfer": "没有这笔转账，请核对转账号。",
    "correction_reversal_of_reversal": "这一笔本身就是冲正，不能再冲正。要改回来，请用“发放”。",
    "correction_fully_reversed": "这一笔已经全部冲正过了。",
    "correction_not_enough": "对方的时间币不够退回，没有办理。请先和TA联系，或请管理员处理。",
    "correction_no_approval": "没有这个待批准的编号，请核对。",
    "correction_invalid": "数额或原因不对：请发整数，比如“30分钟”或“1小时”，并写上原因。",
    "desk_bank_account_issuance": "社区发行",
    "desk_bank_account_pool": "社区公益池",
    "desk_bank_account_adjustment": "调整账户",
    "desk_bank_account_partner": "合作商家",
    # ---- alerts ----
    "desk_alerts_none": "现在没有待处理的警报。",
    "desk_alerts": "待处理的警报（共{count}条，最早的在前）：\n{lines}\n处理完请发：处理警报 编号 说明",
    "desk_alerts_more": "\n……还有{more}条，处理掉一些后再发“待办”查看。",
    "desk_alert_line": "#{id} {kind}{request}{place}，{age}",
    "desk_alert_request": " · 订单#{id}",
    "desk_usage_handle_alert": "请这样发：处理警报 12 已电话联系，老人平安",
    "desk_alert_handled": "警报#{id}已标记为处理完，说明已记下。",
    "desk_alert_was_handled": "警报#{id}已经有人处理过了。",
    "desk_alert_dispute_how": "\n  　核实后发其中一条：处理 {id} 全付 原因 ／ 处理 {id} 部分 1小时 原因 ／ 处理 {id} 退回 原因",
    "desk_alert_dispute_open": (
        "警报#{alert}是订单#{id}的纠纷，还没有处理，警报不能先关。\n"
        "核实后发其中一条：\n处理 {id} 全付 原因\n处理 {id} 部分 1小时 原因\n处理 {id} 退回 原因\n纠纷处理完，警报会自动关闭。"
    ),
    "desk_alert_not_found": "没有警报#{id}，请发“待办”看看编号。",
    "desk_age_minutes": "{n}分钟前",
    "desk_age_hours": "{n}小时前",
    "desk_age_days": "{n}天前",
    # ---- a volunteer's record ----
    "desk_usage_record": "请这样发：志愿者记录 13812345678",
    "desk_volunteer_record": ("志愿者{who}：完成服务{done}次，平均评价{stars}，临时取消{late}次，爽约{no_shows}次。\n"
                              "近{days}天收到需求{offered}次，接了{accepted}次，别人先接{others}次，没回应{ignored}次。{away}"),
    "desk_volunteer_away": "暂停接单到{until}。",
    "desk_no_stars": "暂无",
    "desk_not_volunteer": "{who}不是志愿者。",
    # ---- staff rights ----
    "desk_usage_make_staff": "请这样发：设为工作人员 13812345678",
    "desk_usage_make_admin": "请这样发：设为管理员 13812345678",
    "desk_usage_revoke_staff": "请这样发：撤销工作人员 13812345678",
    "desk_admins_only": "只有管理员能设置或撤销工作人员。",
    "desk_made_staff": "已把{who}设为工作人员，TA已收到通知。",
    "desk_made_admin": "已把{who}设为管理员，TA已收到通知。",
    "desk_revoked_staff": "已撤销{who}的工作人员身份。",
    "desk_not_staff": "{who}本来就不是工作人员。",
    "desk_staff_notice": "您已被设为{community}时间银行的工作人员。发“待办”查看警报，发“日报”查看每日报告。",
    "desk_admin_notice": "您已被设为{community}时间银行的管理员，可以设置和撤销工作人员。",
    # ---- the daily report ----
    "desk_usage_report": "请这样发：日报，或者 日报 11月27日",
    "desk_report_future": "这一天还没到，没有报告。",
    "desk_report_too_early": "{first}年以前没有记录。请这样发：日报，或者 日报 11月27日",
    "desk_report": (
        "【每日报告】{day}{so_far}\n"
        "新会员：{members}\n"
        "需求：发布{posted}单，接单{accepted}单，完成{done}单，取消{cancelled}单，过期{expired}单\n"
        "服务时长：{hours}\n"
        "评价：{ratings}\n"
        "待处理警报：{alerts}条\n"
        "公益池余额：{pool}"
    ),
    "desk_report_so_far": "（截至{clock}）",
    "desk_report_members": "{roles}（共{total}人）",
    "desk_report_hours": "{services}（共{total}）",
    "desk_report_ratings": "平均{stars}星（{count}条）；非常满意{very}条（{very_share}），满意{good}条（{good_share}），不满意{bad}条（{bad_share}）",
    "desk_none": "无",
}
