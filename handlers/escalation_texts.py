"""What the bot says while a request nobody took climbs the escalation ladder, and about volunteers away."""

ESCALATION_TEXTS = {
    # the elder's side, at most once a day
    "still_looking": "#{id} {task}：还在帮您找志愿者，社区工作人员也知道了，会帮您想办法。急事请打 {hotline}。",
    # staff
    "unanswered_told_staff": ("#{id} {task}，老人{elder}：快开始了还没人接，已经问过{asked}位志愿者。\n"
                              "请志愿者去：回复“指派 {id} 手机号”；打过电话给老人：回复“已联系 {id}”。"),
    "expired_told_staff": "#{id} {task} 没人接，已过期。请打电话问问老人{elder}还要不要帮忙。",
    "assign_usage": "格式：指派 单号 志愿者手机号，比如“指派 12 13800138000”。",
    "assign_no_request": "没有找到 #{id}。",
    "assign_not_open": "#{id} 已经不是等人接的单了，不用指派。",
    "assign_refused": "没有指派 #{id}：{who}{why}。请换一位志愿者。",
    "assign_cannot": "{who}接不了 #{id}：{reason}",
    "assign_asked": "已请志愿者{who}确认 #{id}；TA回复“接单 {id}”就算接下了，接下后会告诉老人。",
    "assign_told_volunteer": "工作人员请您帮忙：#{id} {task}，{area}。\n能去的话回复“接单 {id}”。",
    "called_usage": "格式：已联系 单号，比如“已联系 12”。",
    "called_done": "已记下：#{id} 已经打电话联系过老人。",
    # the daily report: how long help takes
    "flow_report": "近{days}天的需求（按社区和服务）：\n{lines}",
    "flow_line": "{area} {service}：发布{posted}单，接单{accepted}单{waits}，找过工作人员{staff}单，过期{expired}单",
    "flow_waits": "（等接单：一半在{median}内，九成在{p90}内）",
    # volunteers away
    "pause_usage": "请说停几天，比如“暂停接单 7天”，最多{most}天。",
    "pause_done": "好的，{until}以前不给您发新需求。回来了回复“恢复接单”。",
    "pause_volunteers_only": "暂停接单是给志愿者用的。",
    "resume_done": "欢迎回来！有新需求会再发给您。",
    "resume_not_paused": "您现在就能收到新需求，不用恢复。",
}

# Why a volunteer cannot be asked to take a request, as staff read it (the codes of accepting, storage.tasks.rules).
ASSIGN_REFUSALS = {
    "not_volunteer": "不是志愿者", "suspended": "已被停用", "unverified": "还没通过认证",
    "own_request": "是这一单的发单人", "own_task": "和这一单有关（发单或代发）", "uncertified": "没有这项服务的培训证书",
    "busy": "那个时间已经有别的单", "paused": "最近反复接单又取消，正在暂停接单", "away": "自己暂停接单了",
}
