"""What the bot says about requests and tasks: one table, merged into handlers.texts.TEXTS."""

TASK_TEXTS = {
    # posting a request
    "post_for_whom": "为哪位老人预约？",
    "post_service": "需要什么帮助？",
    "post_date": "哪一天？比如“明天”“周四”“12月3号”。",
    "post_time": "几点开始？比如“下午3点”。",
    "post_duration": "大概要多长时间？比如“2小时”“半小时”。说不准的话回复“不知道”，先按2小时安排。",
    "post_place": "在哪里？",
    "post_place_text": "请发地址，比如“青山湖小区3栋2单元501”；也可以在微信里“发送位置”。",
    "post_place_which": "是哪一家{place}？请说全名或地址，比如“省人民医院”“八一大道100号”。",
    "post_notes": "还有什么要交代志愿者的吗？没有就回“没有”。",
    "post_in_past": "这个时间已经过了，请换一个以后的时间。",
    "post_too_soon": "时间太近了，志愿者赶不及。请约{notice}以后的时间；急事请打 {hotline}。",
    "post_too_far": "只能预约{days}天以内的时间。",
    "post_bad_duration": "时间请在{low}到{high}之间。",
    "post_bind_first": "您还没有绑定家里的老人。先发“绑定老人”，老人同意后就能替他预约。",
    "post_summary": "{task}\n地点：{place}\n交代：{notes}\n费用：{cost}，{payer}",
    "post_place_home": "家里（登记的地址）",
    "post_no_notes": "无",
    "payer_requester_self": "从您的时间币里出",
    "payer_requester_elder": "从老人的时间币里出",
    "payer_pool": "由社区公益池资助，老人不用花时间币",
    "payer_issuance": "由时间银行资助，老人不用花时间币",
    "cannot_pay_insufficient_balance": (
        "时间币不够：这次要{cost}，现在能用{available}。可以少约一点时间，或请家人送一些时间币。不想约了，回复“不办了”。"),
    "cannot_pay_no_balance": (
        "这次要{cost}，可是现在还没有时间币。家人可以送一些；也可以打社区电话 {hotline}，工作人员帮您想办法。"
        "不想约了，回复“不办了”。"),
    "cannot_pay_below_spending_age": "按规定，{age}岁以上才能用时间币请人帮自己。可以为家里老人预约，或打 {hotline} 问问工作人员。",
    "post_done": "已发布，单号 #{id}。有志愿者接单会马上告诉您。想取消，回复“取消 {id}”。",
    "post_nobody_yet": "附近暂时没有合适的志愿者，工作人员会帮您找人。",
    "nobody_told_staff": "#{id} {task}：附近没有合适的志愿者，请帮忙找人。",
    # volunteers finding and taking tasks
    "tasks_volunteers_only": "这是志愿者接单用的。想当志愿者，发“我要当志愿者”。",
    "tasks_none": "现在没有等人接的需求。有新的会通知您。",
    "tasks_list": "等人接的需求：\n{lines}\n想接哪一单，回复“接单”加单号，比如“接单 {first}”。",
    "tasks_unverified_note": "\n（您的志愿者身份还没认证，认证后才能接单。请联系社区 {hotline}。）",
    "task_offer": "新需求 #{id}：{task}，{area}。\n能去的话回复“接单 {id}”。",
    "which_task": "请说是哪一单，比如“{example} 12”。您的单：\n{lines}",
    "no_such_task": "没有找到 #{id} 这一单，请核对单号。",
    "no_task_to_act_on": "您现在没有可以办这件事的单。发“我的订单”看看。",
    "accept_done": (
        "接单成功 #{id}：{task}\n{contact}\n"
        "这些信息只用于这次服务，请不要外传。到了回复“签到 {id}”，或发送位置签到。"
    ),
    "accept_done_early": (
        "接单成功 #{id}：{task}\n{place}\n"
        "老人的电话和详细地址，{opens}会发给您。到了回复“签到 {id}”，或发送位置签到。"
    ),
    "contact_masked": "老人：{name}\n社区：{area}\n地址：{address}",
    "contact_own_place": "不在老人家里，具体地点会和电话一起发给您",
    "contact_not_yet": "#{id} 老人的电话和地址，{opens}会发给您，请留意微信。",
    "contact_window_opened": (
        "#{id} {task}\n{contact}\n"
        "这些信息只用于这次服务，请不要外传。到了回复“签到 {id}”，或发送位置签到。"
    ),
    "refusal_contact_not_yet": "#{id} 老人的电话和地址，会在服务前发给您，请留意微信。",
    "refusal_paused": "您最近几次接单后又取消了，暂时不能接新单，过几天会自动恢复。有疑问请打 {hotline}。",
    "cancel_loop_paused": "\n您最近几次接单后又取消了，{until}以前暂时不能接新单。",
    "cancel_loop_told_staff": "志愿者{volunteer}在{days}天内接单后取消了{count}次（最近一次 #{id}），已暂停接单，请了解情况。",
    "contact": "老人：{name}\n电话：{phone}\n地址：{address}",
    "contact_no_address": "未登记，请打电话问",
    "accept_told_requester": "#{id} {task}\n志愿者{volunteer}接单了，到时会上门。",
    "refusal_taken": "这一单已经被别的志愿者接走了，谢谢您！发“有什么任务”看看别的。",
    "refusal_wrong_state": "#{id} 现在是“{status}”，不能这样办。",
    "refusal_not_yours": "#{id} 不是您的单，不能这样办。",
    "refusal_unverified": "您的志愿者身份还没认证，暂时不能接单。请联系社区 {hotline}。",
    "refusal_uncertified": "这项服务需要先参加培训、拿到证书才能接。请联系社区 {hotline}。",
    "refusal_not_volunteer": "只有志愿者可以接单。想当志愿者，发“我要当志愿者”。",
    "refusal_suspended": "您的账户已暂停，请联系社区 {hotline}。",
    "refusal_busy": "这个时间您已经有别的单了，不能同时接两单。",
    "refusal_own_request": "不能接自己家的需求。",
    "refusal_cannot_pay": "这一单暂时接不了（老人的时间币不够），工作人员会处理。谢谢您！",
    "dispute_not_due_yet": "#{id} 约的是{when}，还没到时间呢。过了约定时间还没来，再告诉我，我马上通知工作人员。",
    "refusal_not_found": "没有找到这一单，请核对单号。发“我的订单”或“有什么任务”可以查看。",
    "refusal_task_error": "这一单现在办不了，请打社区电话 {hotline} 问问工作人员。",
    "refusal_invalid": "#{id} 这样办不了，请换个说法，或打 {hotline} 问问工作人员。",
    "refusal_already_rated": "#{id} 这一单您已经评价过了，谢谢！",
    "refusal_not_finished": "服务完成后才能评价。",
    "refusal_too_early": "服务还没开始，现在还不能确认完成。",
    "refusal_check_in_early": "#{id} 还没到签到的时候，{at}以后才能签到。",
    "refusal_check_in_late": "#{id} 已经过了签到时间（{at}），不能签到了。已告诉工作人员，他们会联系您。",
    "refusal_short_visit": "#{id} 才服务了{minutes}分钟，确定做完了吗？做完了请回复“确定”；还没做完就接着服务，做完再签退。",
    "refusal_own_task": "#{id} 是您自己发的、替人发的或您服务的单，按规定这一步要由别人来办。谢谢理解！",
    "late_check_in_told_staff": "#{id} 志愿者过了签到时间才来签到，没能签上，请联系志愿者和老人。",
    "short_visit_told_staff": "#{id} 志愿者签到后{minutes}分钟就签退了，请核实。",
    "post_timing_changed": "约的时间现在不合适了（太近或太远），请重新发“找人帮忙”约个时间。急事请打 {hotline}。",
    # on the day
    "check_in_done": "#{id} 签到成功，开始服务。做完了回复“签退 {id}”。",
    "check_in_far_note": "\n（您的位置离老人家约{distance}米，已告诉工作人员。）",
    "far_told_staff": "#{id} 志愿者{moment}的位置离老人家约{distance}米。",
    "check_in_told_requester": "#{id} 志愿者已经到了，开始服务。",
    "check_out_done": "#{id} 签退成功，辛苦了！等老人确认后，时间币就会到账。",
    "check_out_told_requester": (
        "#{id} 志愿者说服务做完了。约定{planned}，实际服务{served}，确认后给志愿者{amount}时间币。\n"
        "满意的话回复“确认完成”；有问题回复“有问题”。"
        "{hours}小时内没有回复，会自动确认。"
    ),
    "reminder": "提醒：#{id} {task}，别忘了。",
    "no_show_told_requester": "#{id} 志愿者没按时到，真抱歉。我们正在重新找人，工作人员也会联系您。",
    "no_show_told_staff": "#{id} 志愿者{volunteer}没按时签到，需求已重新开放。",
    "expired_told_requester": ("#{id} {task} 到时间没人接，已过期，真对不起。社区工作人员会打电话给您，商量怎么帮您；"
                               "急事请打 {hotline}。"),
    # finishing, disputes, ratings
    "confirm_done": (
        "#{id} 已确认完成。约定{planned}，实际服务{served}，给志愿者{amount}时间币。"
        "请给这次服务打分：回复1到5星，比如“5星”。"
    ),
    "done_told_volunteer": "#{id} 已确认完成，{amount}时间币已到账。也请您评价这次服务：回复“评价 {id} 5星”。",
    "auto_done_told_requester": "#{id} 已自动确认完成。请给这次服务打分：回复1到5星，比如“5星”。",
    "dispute_done": "#{id} 已告诉工作人员，他们会尽快联系您。时间币先不动。",
    "dispute_told_staff": (
        "#{id} 有纠纷：{reason}。核实后发其中一条：\n"
        "处理 {id} 全付 原因\n处理 {id} 部分 1小时 原因\n处理 {id} 退回 原因"
    ),
    "dispute_told_volunteer": "#{id} 老人说有问题，工作人员会联系您核实。",
    "rate_ask_score": "请打分：回复1到5星，比如“5星”。",
    "rate_done": "谢谢您的评价！",
    "confirm_done_and_rated": "#{id} 已确认完成，给志愿者{amount}时间币。谢谢您的评价！",
    "rate_confirm_first": (
        "#{id} 还没确认完成，时间币先不给。服务有问题，请回复“有问题”加上情况，工作人员会联系您；"
        "没问题，回复“确认完成”。"),
    "rate_low_told_staff": "#{id} 收到{stars}星低分评价，请回访。",
    "resolve_usage": "格式：处理 单号 全付/部分 时长/退回 原因。比如“处理 12 部分 1小时 只做了一半”。",
    "resolve_done": "#{id} 已处理：{decision}。",
    "resolve_told": "#{id} 工作人员已处理：{decision}。",
    "decision_pay": "全额支付",
    "decision_part": "支付{amount}",
    "decision_refund": "退回，不扣时间币",
    # cancelling
    "cancel_which": "要取消哪一单？",
    "cancel_confirm_open": "确认取消 #{id} {task} 吗？",
    "cancel_confirm_accepted": "确认取消 #{id} {task} 吗？志愿者会收到通知。",
    "cancel_confirm_volunteer": "确认不去 #{id} {task} 了吗？",
    "cancel_late_note": "离开始不到{hours}小时，这次取消会记录下来。",
    "cancel_done": "#{id} 已取消。",
    "cancel_released": "#{id} 已取消，预留的时间币已退回。",
    "cancel_told_volunteer": "#{id} {task} 老人那边取消了，不用去了。谢谢您！",
    "volunteer_cancel_done": "已取消您的接单 #{id}，我们会另找志愿者。",
    "volunteer_cancel_told_requester": "#{id} 原来的志愿者有事去不了，我们正在另找人。",
    "nothing_to_cancel": "您现在没有可以取消的单。",
    # my orders
    "orders_none": "您还没有需求或任务。需要帮忙，直接说，比如“明天上午找人陪我去医院”。",
    "orders": "您的单：\n{lines}",
}
