"""The sentences of broadcasts (handlers/broadcast.py, bot/broadcasting.py); merged into handlers/texts.py."""

BROADCAST_TEXTS = {
    "broadcast_ask_content": "要群发什么内容？请直接发文字。",
    "broadcast_ask_audience": "发给谁？不用挑的话，回复“1”发给全体成员。",
    "broadcast_ask_when": "什么时候发？\n1. 现在就发（不用挑就回复“1”）\n或者直接说时间，比如“明天上午9点”。",
    "broadcast_too_long": "内容太长了，请控制在{limit}个字以内。",
    "broadcast_bad_time": "没听懂时间。回复“1”现在就发，或者说具体时间，比如“明天上午9点”。",
    "broadcast_past_time": "这个时间已经过去了，请说一个以后的时间。",
    "broadcast_far_time": "最多只能提前{days}天安排群发。",
    "broadcast_no_story": "没有编号 {id} 的故事。",
    "broadcast_summary": "{preview}\n发给：{audience}（{size}人{opted}）\n方式：{channel}\n时间：{when}\n内容：{start}",
    "broadcast_preview_sent": "预览已发到您的微信，请先看一下。",
    "broadcast_preview_unavailable": "（现在发不了预览，请仔细核对内容。）",
    "broadcast_opted": "，另有{count}人已退订，不发",
    "broadcast_channel_mass": "微信群发，{period}还能群发{left}次",
    "broadcast_channel_fanout": "客服消息逐个发，48小时内和我们说过话的人才能收到",
    "broadcast_now": "现在",
    "broadcast_no_quota": "{period}的群发次数已经用完了（每{unit}{allowed}次），这条没有发出。可以换个时间再发。",
    "broadcast_nobody": "“{audience}”里现在没有能收到消息的成员，这条没有发出。",
    "broadcast_scheduled": "好的，群发 #{id} 安排在{when}发出。要取消请发“取消群发 {id}”。",
    "broadcast_started": "好的，群发 #{id} 开始发送，发完会告诉您结果。",
    "broadcast_no_queue": "群发 #{id} 已记下，但发送服务现在没有运行，请联系管理员。",
    "broadcast_progress": "群发 #{id}：已发送 {sent}/{total}，失败 {failed}",
    "broadcast_done_fanout": "群发 #{id} 发完了：发出 {sent}/{total}，失败 {failed}，跳过 {skipped}（已退订或48小时内没联系过）。",
    "broadcast_done_mass": "群发 #{id} 已交给微信发给“{audience}”，微信发完后会再告诉您结果。",
    "broadcast_mass_finished": "群发 #{id} 微信已发完：发出 {sent}，失败 {failed}，过滤 {skipped}。",
    "broadcast_failed": "群发 #{id} 没有发出：{reason}",
    "broadcast_reason_quota": "群发次数已经用完了。",
    "broadcast_reason_busy": "微信一直繁忙，请稍后再试。",
    "broadcast_reason_no_target": "这个对象还没有微信标签，请联系管理员。",
    "broadcast_reason_error": "微信拒绝了这条消息（错误码 {code}）。",
    "broadcast_cancelled": "已取消群发 #{id}，不会发出。",
    "broadcast_cannot_cancel": "群发 #{id} {status}，不能取消了。",
    "broadcast_not_found": "没有编号 {id} 的群发。",
    "broadcast_history_empty": "还没有群发记录。",
    "broadcast_history_head": "最近的群发：",
    "broadcast_history_line": "#{id} {time} {status}\n  {author} → {audience}\n  “{start}”{results}",
    "broadcast_history_results": "\n  发出 {sent}，失败 {failed}，跳过 {skipped}",
}

AUDIENCE_LABELS = {"all": "全体成员", "elder": "老人", "volunteer": "志愿者", "family": "家属"}
SURVEY_AUDIENCE_LABEL = "问卷 #{id} 的对象"  # a survey's own audience (handlers/surveys.py)
STATUS_LABELS = {"draft": "草稿", "scheduled": "待发送", "sending": "正在发送", "done": "已发出",
                 "cancelled": "已取消", "failed": "没发出"}
# The quota's period: how "this one" and "each one" are said.
PERIOD_LABELS = {"day": ("今天", "天"), "month": ("本月", "月")}
