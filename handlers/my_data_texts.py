"""The sentences of 我的信息, 谁看过我的信息 and 导出我的信息 (handlers/my_data.py)."""

MY_DATA_TEXTS = {
    "my_data": "{whose}在时间银行存的信息（别人看到的是遮住的样子）：\n{lines}",
    "my_data_footer": (
        "\n要改正，请打社区电话 {hotline}，或到社区找工作人员。\n"
        "发“谁看过我的信息”，看谁看过；发“导出我的信息”，拿一份完整的副本。"
    ),
    "my_data_line": "· {field}：{value}",
    "my_data_whose_own": "您",
    "my_data_whose_elder": "{name}（您代理的老人）",
    "my_data_role": "身份",
    "my_data_community": "社区",
    "my_data_birth_year": "出生年份",
    "my_data_since": "注册时间",
    "reads": "近{days}天，看过{whose}完整信息的有：\n{lines}",
    "reads_none": "近{days}天，除了{whose}自己，没有人看过{whose}的完整信息。",
    "reads_line": "· {when} {who}看了{fields}{task}，{why}",
    "reads_more": "（只列出最近{shown}次，共{count}次。完整记录可以找工作人员要。）",
    "reads_task": "（#{id}）",
    "reads_why_task_contact": "为了上门服务联系",
    "reads_why_sos": "紧急求助时联系",
    "reads_why_emergency": "紧急情况",
    "reads_why_export": "导出您的信息",
    "reads_why_staff": "原因：{reason}",
    "reads_footer": "\n只有接了单的志愿者（服务前{hours}小时起）、绑定的家人和工作人员能看，每次都有记录。",
    "export_link": (
        "您的信息副本已准备好，点开下面的链接就能下载（只能打开一次，{hours}小时内有效）：\n{url}\n"
        "这是您的个人信息，请不要转发给别人。"
    ),
    "export_unavailable": "现在没法导出，请打社区电话 {hotline}，工作人员会帮您。",
}
