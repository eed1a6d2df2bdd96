"""The sentences of star levels, milestones and the honour roll (handlers/stars.py, handlers/honour_roll.py);
merged into handlers/texts.py."""

STARS_TEXTS = {
    # ---- 我的星级 ----
    "stars_standing": "您已经服务了{served}，现在是{stars}志愿者。\n再服务{left}就是{next}。",
    "stars_below_first": "您已经服务了{served}，谢谢您！\n再服务{left}就是{next}志愿者。",
    "stars_top": "您已经服务了{served}，是{stars}志愿者，已经是最高星级了。谢谢您！",
    "stars_none_volunteer": (
        "您还没有服务记录，所以还没有星级。\n"
        "1. 发“有什么任务”，看看谁需要帮忙\n"
        "2. 接单、上门服务，老人确认后就记下时长\n"
        "服务满{first}小时就是1★志愿者。"
    ),
    "stars_none_other": "星级是给志愿者的：按服务的时长评1★到{top}★。想当志愿者，请打社区电话 {hotline}。",
    "stars_line_roll": "\n您在光荣榜上。不想上了，发“不上光荣榜”。",
    # ---- congratulations, pushed once per step ----
    "stars_first_service": "恭喜您完成第一次志愿服务！服务时长已经记下了。\n发“我的星级”可以看时长和星级。",
    "stars_milestone": "恭喜！您的志愿服务满{hours}小时了，谢谢您！",
    "stars_next": "\n再服务{left}就是{next}志愿者。",
    "stars_new_level": "恭喜！您的志愿服务满{hours}小时，成为{stars}志愿者！谢谢您！",
    "stars_invite_roll": (
        "\n每个月社区会在光荣榜上感谢服务的志愿者（名字只显示姓，比如“王**”）。"
        "想上榜，请回复“上光荣榜”；不想上，不用回复。"
    ),
    # ---- 上光荣榜 / 不上光荣榜 ----
    "roll_opted_in": "好的，您会上社区的光荣榜，名字只显示姓，比如“王**”。\n不想上了，随时发“不上光荣榜”。",
    "roll_opted_out": "好的，您不会上光荣榜。\n想上了，随时发“上光荣榜”。",
    "roll_already_in": "您已经在光荣榜上了。不想上了，发“不上光荣榜”。",
    "roll_already_out": "您没有上光荣榜。想上，发“上光荣榜”。",
    # ---- 光荣榜 ----
    "roll_about": (
        "光荣榜：每个月感谢服务过的志愿者，写服务时长和星级，名字只显示姓。\n"
        "自己同意才上榜：想上，发“上光荣榜”；不想上，发“不上光荣榜”。"
    ),
    "roll_about_in": "\n您现在在光荣榜上。",
    "roll_about_out": "\n您现在没有上光荣榜。",
    "roll_head": "{place}{month}志愿服务光荣榜",
    "roll_line": "{rank}. {name} {served}{stars}",
    "roll_more": "……还有{count}位志愿者",
    "roll_foot": "感谢每一位志愿者！想上榜的志愿者，发“上光荣榜”。",
    "roll_empty": (
        "{place}{month}的光荣榜上还没有人。\n"
        "只有这个月服务过、并且自己发过“上光荣榜”的志愿者才会上榜。"
    ),
    "roll_preview_hint": "\n——\n这是预览，还没有发出。要发给大家，请发“群发光荣榜 {month} {place}”。",
    "roll_which_community": "请写上社区，比如“光荣榜 {month} 青山湖社区”。",
    "roll_usage": "请这样发：光荣榜 2026-11 青山湖社区（月份和社区可以不写：默认上个月、您的社区）。",
}
