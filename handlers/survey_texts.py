"""The sentences of satisfaction surveys (handlers/surveys.py, handlers/survey_results.py); merged into
handlers/texts.py."""

SURVEY_TEXTS = {
    # The pushes: what the broadcast carries.
    "survey_push_elder": (
        "【满意度问卷】{community}想听听您的意见，回答只用来改进服务。\n"
        "您对最近的服务满意吗？回复数字：\n{options}"
    ),
    "survey_push_volunteer": (
        "【志愿者问卷】{community}想听听您的意见。\n"
        "什么能让您更多参加服务？回复数字（可多选，如 1 3）：\n{options}"
    ),
    # Answering.
    "survey_ask_rating": "您对最近的服务满意吗？",
    "survey_ask_wishes": "什么能让您更多参加服务？回复数字（可多选，如 1 3）：\n{options}",
    "survey_rating_again": "请回复数字1、2或3。",
    "survey_wishes_again": "请回复1到5的数字，可以选几个，比如“1 3”。",
    "survey_ask_note": "记下了，谢谢您！\n还有什么建议？没有请回复“没有”。",
    "survey_ask_note_again": "还有什么建议？没有请回复“没有”。",
    "survey_thanks": "谢谢您！您的回答已经记下了，只给工作人员做统计用。",
    "survey_already_answered": "这份问卷您已经回答过了，记下的是您第一次的回答。谢谢您！",
    "survey_none": "您现在没有要回答的问卷。需要什么帮助，直接告诉我就行。",
    # Staff: sending.
    "survey_usage": "发问卷的格式：“发问卷”或“发问卷 30”（最近30天服务过的老人，1到{max}天）；志愿者发“发志愿者问卷”。",
    "survey_nobody_elder": "{where}最近{days}天没有服务过、能收到消息的老人，问卷没有发出。",
    "survey_nobody_volunteer": "{where}没有能收到消息的志愿者，问卷没有发出。",
    "survey_summary": (
        "{preview}\n问卷：{title}\n发给：{audience}（{size}人{opted}）\n"
        "方式：客服消息逐个发，48小时内和我们说过话的人才能收到；其他人发“问卷”也能回答\n"
        "收回答到：{closes}"
    ),
    "survey_title_elder": "老人满意度",
    "survey_title_volunteer": "志愿者意见",
    "survey_audience_elder": "{where}最近{days}天服务过的老人",
    "survey_audience_volunteer": "{where}的志愿者",
    "survey_everywhere": "全部社区",
    "survey_sent": "问卷 #{id} 已记下，回答收到{closes}。",
    # Staff: results.
    "survey_results_none": "还没有发过问卷。发“发问卷”开始。",
    "survey_results_head": "最近的问卷：",
    "survey_results_elder": (
        "#{id} {title}（{audience}，{day}发）\n  发出{reached}人，回答{answered}人{shares}"
    ),
    "survey_results_volunteer": "#{id} {title}（{audience}，{day}发）\n  发出{reached}人，回答{answered}人{counts}",
    "survey_shares": "\n  很满意{very}，比较满意{moderate}，不满意{not}\n  调研基线：很满意28%，比较满意63%，不满意9%",
    "survey_share": "{count}人（{percent}）",
    "survey_counts": "\n  {counts}",
    "survey_report_elder": "问卷 #{id} 满意度：回答{answered}/{reached}人{shares}",
    "survey_report_shares": "；很满意{very}，比较满意{moderate}，不满意{not}（调研基线28%/63%/9%）",
    "survey_report_volunteer": "志愿者问卷 #{id}：回答{answered}/{reached}人{counts}",
    "survey_report_counts": "；{counts}",
}

# The sentences that differ by the kind of survey (storage.surveys.KINDS), by what they say.
KIND_KEYS = {
    kind: {part: f"survey_{part}_{kind}" for part in ("push", "nobody", "title", "audience")}
    for kind in ("elder", "volunteer")
}
