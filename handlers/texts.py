"""Every sentence the bot says, in one table: short, plain Simplified Chinese.

Placeholders are filled from the community's settings ({community}, {hotline}).
"""

from handlers.broadcast_texts import BROADCAST_TEXTS
from handlers.desk_texts import DESK_TEXTS
from handlers.escalation_texts import ESCALATION_TEXTS
from handlers.event_texts import EVENT_TEXTS
from handlers.my_data_texts import MY_DATA_TEXTS
from handlers.stars_texts import STARS_TEXTS
from handlers.proof_texts import PROOF_TEXTS
from handlers.survey_texts import SURVEY_TEXTS
from handlers.task_texts import TASK_TEXTS

TEXTS = {
    "welcome_back": "欢迎回来！需要什么帮助，直接打字或发语音告诉我。发“帮助”可以看看我能做什么。",
    "help": (
        "我是{community}的小助手，您可以这样跟我说：\n"
        "1. 找人帮忙：如“明天下午找人陪我去医院”\n"
        "2. {second}\n"
        "3. 查时间币：发“余额”\n"
        "4. 了解时间银行：发“什么是时间银行”\n"
        "打字不方便，可以按住说话发语音。\n"
        "遇到紧急情况请马上拨打120，社区电话：{hotline}"
    ),
    "help_line_register": "当志愿者：发“我要注册”",
    "help_line_orders": "看我的订单：发“我的订单”",
    "help_line_tasks": "看看谁要帮忙：发“有什么任务”",
    "sos": (
        "如有危险，请马上拨打 120（急救）或 110（报警）！\n"
        "社区电话：{hotline}\n"
        "我们正在通知社区工作人员。身边有人的话，请大声呼喊求助。"
    ),
    # A message that may be an emergency: the numbers at once, and one question (handlers/emergency.py).
    "sos_doubt": (
        "如有危险，请马上拨打 120（急救）或 110（报警）！社区电话：{hotline}\n"
        "您现在有危险吗？回复“是”我们马上通知工作人员和家人。"
    ),
    # A wish to die: the mental-health hotline beside the emergency numbers (emergency.REPLY_FITTED_TO_KIND).
    "sos_self_harm": (
        "您说的话我们收到了，您不是一个人。\n"
        "有危险请马上拨打 120 或 110；想找人说说话，请打心理援助热线 12356。\n"
        "社区电话：{hotline}\n我们正在通知社区工作人员和您的家人。"
    ),
    "sos_doubt_self_harm": (
        "听您这么说，我们很担心。想找人说说话，请打心理援助热线 12356；有危险请马上拨打 120 或 110。"
        "社区电话：{hotline}\n"
        "您现在有危险吗？回复“是”我们马上通知工作人员和家人。"
    ),
    # ... and then "没事": a member is called by staff (an alert of its own), someone unregistered given the hotlines.
    "sos_doubt_fine_care_call": (
        "好的。心里难受的时候别一个人扛着，社区工作人员这两天会给您打个电话，陪您说说话。"
        "想聊聊也可以打心理援助热线 12356。"
    ),
    "sos_doubt_fine_hotlines": "好的。心里难受的时候别一个人扛着，想找人说说话，请打心理援助热线 12356，或社区电话 {hotline}。",
    "care_call_staff": (
        "【关怀回访 #{alert}】{name}（电话：{phone}）说了想不开的话，问过后说现在没有危险。"
        "请这两天打个电话关心一下，必要时上门看看。处理后请发：处理警报 {alert} 说明"
    ),
    "sos_doubt_alerted": "我们正在通知社区工作人员和您的家人，请保持电话畅通。危急时请马上拨打 120 或 110！",
    "sos_doubt_fine": "好的，您没事就好。",
    # "没事 按错了" after an alert was raised: the alert stands, staff see these words and still call.
    "sos_all_clear": "好的，您没事就好。求助提醒已经发给工作人员了，他们会打电话跟您确认一下。",
    "sos_doubt_again": "您现在有危险吗？有危险请回复“是”，没事请回复“没事”。",
    "not_understood": "抱歉，我没太明白。您可以发“帮助”看看我能做什么，或者打社区电话 {hotline}。",
    "voice_not_recognized": "抱歉，这段语音我没听清。请再说一遍，或者打字告诉我，也可以点下面的菜单。",
    "media_not_understood": "谢谢您发来的内容！我现在只看得懂文字和语音，请打字或发语音告诉我您需要什么。",
    "location_without_context": "收到您的位置了。需要帮忙的话，请打字或发语音告诉我要做什么。",
    # The same, while a question of a flow is open: a short word, then that question again.
    "voice_not_recognized_in_flow": "这段语音我没听清，请再说一遍，或者打字。",
    "media_not_understood_in_flow": "图片我看不懂，请打字或发语音回答。",
    "location_without_context_in_flow": "收到您的位置了，不过现在问的不是地方。",
    "unknown_menu": "这个菜单暂时用不了，请发“帮助”看看我能做什么。",
    "flow_cancelled": "好的，{title}先不办了。还需要什么，随时告诉我。",
    "flow_help": "您正在办：{title}。{question}\n不想办了，回复“不办了”。",
    "flow_confirm": "{summary}\n没问题请回复“是”；不想办了，回复“不办了”。",
    "flow_confirm_again": "没问题请回复“是”；不想办了，回复“不办了”。",
    "flow_which_to_change": "哪一项要改？比如说“地址不对”“改时间”，我再问您一遍。",
    "flow_change": "好的，我们改一下。\n{question}",
    "flow_switch": "您正在办“{current}”。要先放下它，改为“{next}”吗？回复“是”或“不”。",
    "flow_resume": "好的，我们接着办“{title}”。{question}",
    "flow_not_understood": "抱歉，我没明白。{question}",
    "flow_still_not_understood": (
        "抱歉，我还是没明白。{question}\n"
        "不想办了，回复“不办了”；也可以打社区电话 {hotline}，工作人员会帮您。"
    ),
    "small_thanks": "不客气！还需要什么，随时告诉我。",
    "small_bye": "好的，再见！需要帮忙随时找我。",
    "small_hello": "您好！",
    "small_ok": "好的。还需要什么，随时告诉我。",
    # Loneliness told, nothing asked ("好闷", "好久没人跟我说话了"): company offered, in the words that book it.
    "company_offered": (
        "一个人闷的时候，可以请志愿者上门陪您聊聊天、散散步。"
        "需要的话，直接说“明天下午找人陪我聊天”就行。想找人说说话，也可以打社区电话 {hotline}。"
    ),
    "menu_no_such_number": "没有这一项。请回复1到{last}的数字：\n{choices}",
    "main_menu": "抱歉，我还是没听明白。请回复数字：\n{choices}\n也可以打社区电话 {hotline}，工作人员会帮您。",
    "not_registered": "您还没有注册。发“我要注册”，两三分钟就好。",
    "privacy_notice": (
        "注册前请您知道：\n"
        "· 我们会保存您的姓名、手机号和社区，老人还会保存紧急联系人，只用于安排服务。\n"
        "· 这些信息加密保存，别人看到的是遮住的（如138****1234）；只有接了您单子的志愿者，在服务快开始时才能看到电话和地址，每次查看都有记录。\n"
        "· 您随时可以发“我的信息”“谁看过我的信息”“导出我的信息”“删除我的信息”。\n"
        "同意请回复“同意”，不同意请回复“不”。"
    ),
    "privacy_notice_again": "您同意上面的说明吗？同意请回复“同意”，不同意请回复“不”。",
    "register_bad_name": "名字好像不太对，请发2到20个字的真实姓名，不要带数字。比如“王秀英”。",
    "register_bad_phone": "这个手机号好像不对，请发11位手机号，比如13812345678。",
    "register_phone_taken": "这个手机号已经注册过了。如果是您本人，请打社区电话 {hotline} 找回账户。",
    "register_bad_year": "出生年份好像不对，请发4位数字，比如1948。",
    "register_no_skills": "我没看出您会做哪些事，请写服务名称，比如：陪诊、买菜、打扫。",
    "register_already": "您已经注册过了。发“帮助”看看能做什么。",
    "register_done_elder": "注册好了！需要帮忙时，直接说，比如“明天上午找人陪我去医院”。",
    "register_done_volunteer": "注册好了，谢谢您愿意帮助老人！工作人员审核后，您就可以接单了，我们会通知您。",
    "register_done_family": "注册好了！您可以替家里老人找人帮忙，我们也会把服务进展告诉您。",
    # ---- members: welcome, coming back, home address, family proxy, staff commands ----
    "welcome_follow": (
        "您好，欢迎关注{community}！\n"
        "这里是“时间银行”：您帮老人做事的时间会存成时间币，1小时记1个；等您或家里老人需要帮忙时，再用时间币请志愿者来帮忙。\n"
        "想加入，请发“注册”；想看看能做什么，请发“帮助”；也可以问“什么是时间银行”。\n"
        "社区电话：{hotline}"
    ),
    "welcome_back_unregistered": "欢迎回来！想加入时间银行，请发“注册”；想看看能做什么，请发“帮助”。",
    "welcome_community_noted": "\n已记下您是{place}的，注册时不用再填社区。",
    "rejoin_ask": "欢迎回来！为了确认是您本人，请发您注册时用的手机号（11位）。确认后，服务通知会重新发给您。",
    "rejoin_wrong_phone": "这个手机号和您注册时的对不上，请再发一次。想不起来，请打社区电话 {hotline}。",
    "rejoin_done": "确认好了，欢迎回来！服务通知会照常发给您。需要什么，直接告诉我。",
    "register_ask_address": "请发您家的地址，比如“青山湖社区5栋2单元301”。\n也可以点输入框旁的“+”，选“位置”发给我。",
    "register_bad_community": "社区名字好像不太对，请发您住的社区或小区的名字，比如“青山湖社区”。",
    "register_bad_address": "地址好像不太对，请写清楚小区、楼栋和门牌号。",
    "register_name_not_request": "注册办完，马上就能帮您找人。这里请先发您的名字，比如“王秀英”。",
    "register_place_not_request": "注册办完，马上就能帮您找人。这里请先发地方的名字，比如“{example}”。",
    "register_address_not_phone": "这里请发地址，不要发电话号码。比如“青山湖社区5栋2单元301”。",
    "register_location_without_label": "这个位置没有带地址名称，请用文字发您家的地址。",
    "register_offer_binding": "\n现在就绑定家里的老人吧：发“绑定老人”，老人同意后，您就能替老人办事。",
    "bind_ask_phone": "请发老人注册时用的手机号（11位）。",
    "bind_ask_relation": "您是老人的什么人？",
    "bind_self": "这是您自己的手机号，请发老人的手机号。",
    "bind_no_such_elder": (
        "没找到用这个手机号注册的老人，请核对一下。"
        "老人还没注册的话，可以自己注册，也可以请社区工作人员代注册（电话 {hotline}）。"
    ),
    "bind_already": "您已经绑定了这位老人，不用再绑。发“我的家人”可以查看。",
    "bind_waiting": "已经发给这位老人确认了，请等老人回复。发“我的家人”可以查看。",
    "bind_confirm": "申请绑定手机号为{phone}的老人，您是老人的{relation}。老人同意后，您就可以替老人找人帮忙、查看服务进展。",
    "bind_sent": "已发给老人确认。老人回复“同意绑定”后，我们会告诉您。",
    "bind_sent_no_wechat": "申请已记下。这位老人没有用微信，请带老人到社区办公室，或打社区电话 {hotline}，请工作人员帮您确认。",
    "bind_request_to_elder": (
        "{who}申请做您的亲情代理，TA是您的{relation}。同意后，TA可以替您找人帮忙、查看服务进展。\n"
        "同意请回复“同意绑定”，不同意请回复“拒绝绑定”。"
    ),
    "bind_nothing_pending": "现在没有等您确认的绑定申请。",
    "bind_pick": "有{count}个绑定申请在等您确认：\n{lines}\n请回复“同意绑定 1”或“拒绝绑定 1”，数字是上面的序号。",
    "bind_no_such_number": "没有这个序号。请发“同意绑定”看看有哪些申请。",
    "bind_agreed": "好的，已同意。您的{relation}{who}现在可以替您找人帮忙了。想解除，请打社区电话 {hotline}。",
    "bind_refused": "好的，已拒绝这个绑定申请。",
    "bind_confirmed_to_family": "{who}已同意您的绑定申请，您现在可以替老人找人帮忙了。发“我的家人”可以查看。",
    "bind_refused_to_family": "{who}没有同意您的绑定申请。如有疑问，请打社区电话 {hotline}。",
    "bind_staff_nothing_pending": "这位老人没有待确认的绑定申请。",
    "bind_staff_which": "这位老人有{count}个待确认的绑定申请，请发：确认绑定 老人手机号 家属手机号",
    "bind_staff_done": "已为老人{elder}确认绑定：{relation}{family}。已通知家属。",
    "my_family_elders": "您绑定的老人：\n{lines}",
    "my_family_proxies": "您的亲情代理（家人）：\n{lines}",
    "my_family_waiting": "（等待确认）",
    "my_family_none": "您还没有绑定家人。家属可以发“绑定老人”，申请替家里老人办事。",
    "staff_only": "这个指令只有社区工作人员能用。需要帮忙，请打社区电话 {hotline}。",
    "staff_register_first": "请您先发“注册”登记成会员，再用工作人员指令：每一步操作都会记在您名下。",
    "staff_member_not_found": "没找到用这个手机号注册的会员，请核对。",
    "staff_phone_not_name": "这里要写会员注册用的手机号，名字会重名，找不准人。",
    "staff_usage_verify": "请这样发：认证 13812345678",
    "staff_usage_suspend": "请这样发：停用 13812345678 原因",
    "staff_usage_certificate": "请这样发：证书 13812345678 陪诊 2027-12-31（有效期可以不写）",
    "staff_usage_confirm_binding": "请这样发：确认绑定 老人手机号（有多个申请时再加上家属手机号）",
    "staff_usage_act": "请这样发：代办 老人手机号",
    "staff_not_volunteer": "{who}不是志愿者，不用认证。",
    "staff_not_elder": "{who}不是老人会员。",
    "staff_not_self": "不能对自己操作，请找另一位工作人员。",
    "staff_verified": "已认证志愿者{who}，TA现在可以接单了。",
    "volunteer_verified_notice": "恭喜！您已通过社区审核，现在可以接单帮助老人了。发“有什么任务”看看附近的需求。",
    "staff_suspended": "已停用{who}，原因已记下。",
    "staff_unknown_service": "没认出是哪项服务，请写服务名称，比如：陪诊、助浴、理发。",
    "staff_bad_date": "有效期请写成 2027-12-31 这样，而且不能早于今天。",
    "certificate_until": "有效期至{day}",
    "certificate_forever": "长期有效",
    "certificate_notice": "您的“{service}”培训证书已登记（{valid}），可以接这类需求了。",
    "staff_certificate_done": "已为{who}登记“{service}”培训证书，{valid}。",
    "staff_acting": "现在您在替老人{who}办事，30分钟内有效。找人帮忙、确认完成、评价都记在老人名下，并记下是您办的。办完请发“结束代办”。",
    "staff_acting_ended": "已结束代办。",
    "staff_not_acting": "您现在没有在代办。",
    "proxy_register_consent": (
        "代老人注册前，请当面（或电话里）把隐私说明读给老人听：姓名、手机、地址和紧急联系人加密保存，只用于安排服务；"
        "老人随时可以要求删除。老人同意并在纸质说明上签字后，请回复“同意”。"
    ),
    "proxy_register_summary": (
        "请核对老人的信息：\n姓名：{name}\n手机：{phone}\n社区：{place}\n出生年份：{year}\n"
        "地址：{address}\n紧急联系人：{emergency}"
    ),
    "proxy_register_done": "已为老人{who}注册好了。要替老人找人帮忙，请发“代办 老人手机号”。",
    "balance": "您的时间币：\n可用：{available}\n已预留：{held}\n累计获得：{earned}\n累计使用：{spent}",
    "balance_of_elder": "{elder}的时间币：可用{available}",
    "history": "最近的记录：\n{lines}{more}",
    "history_more": "\n回复“更多”看更早的。",
    "history_empty": "您还没有时间币记录。帮助老人以后，这里会记下每一笔。",
    "history_end": "没有更早的记录了。",
    "give_positive": "请说一个大于0的数，比如“1小时”。",
    "give_insufficient": "您现在可用的时间币是{available}，不够这么多。",
    "give_daily_limit": "为了安全，每天送出的时间币有上限，今天还能送{left}。",
    "give_daily_limit_reached": "为了安全，每天送出的时间币有上限，今天已经送满了，明天再送吧。",
    "give_no_such_relative": "时间币只能送给登记过的亲人，没找到这位。请核对手机号，或请工作人员帮您登记亲属关系。",
    "give_recipient_too_young": "对方还不满{age}岁，暂时不能接收赠送的时间币。您可以捐给社区公益池。",
    "give_spent_meanwhile": "这段时间您的时间币用掉了一些，现在不够了，这次没有办成。发“余额”看看还有多少。",
    "give_confirm": "确认送给 {name} {amount}吗？",
    "give_done": "已送出{amount}，对方会收到通知。谢谢您！",
    "give_over_cap": "\n对方的时间币已到上限，其中{overflow}转入了社区公益池。",
    "gift_received": "{giver}送给您时间币{amount}，已经到账。发“余额”可以查看。",
    "amount_rules": "请发整数，比如“30分钟”或“1小时”。",
    "donate_confirm": "确认把{amount}捐给社区公益池吗？公益池会优先帮助高龄和困难老人。",
    "donate_done": "已捐出{amount}，谢谢您的爱心！",
    "redeem_too_young": "年满{age}岁才能给自己兑换。您可以把时间币送给家里老人，或捐给社区公益池。",
    "redeem_nothing": "现在没有可兑换的物品，请过几天再看看。",
    "redeem_confirm": "用{price}兑换 {item}（{partner}）吗？",
    "redeem_withdrawn": "这件刚刚下架了，回复“不”换一件看看。",
    "redeem_sold_out": "抱歉，这件刚好换完了。发“兑换”看看别的。",
    "redeem_insufficient": "您的时间币不够换这件。发“余额”看看还有多少。",
    "redeem_done": "兑换码：{code}\n请在{until}前到{partner}出示这个码领取 {item}。时间币已为您预留，领取后扣除；过期没领会退回。",
    "complete_unknown": "没有这个兑换码，请核对一下。",
    "complete_not_allowed": "只有这家商户的店员或社区工作人员可以核销。",
    "complete_done": "核销成功：{item}，{price}。",
    "complete_completed": "这个码已经核销过了。",
    "complete_expired": "这个码已经过期，时间币已退回给会员。",
    "complete_voided": "这个码已经取消了。",
    "complete_reserving": "这个码还在办理中，请稍后再试。",
    "complete_refused": "这个码没有兑换成功，不能核销。",
    "erase_confirm": (
        "删除后，您的姓名、电话、地址等信息会被清除，账户关闭，不能恢复。"
        "您还有{credits}时间币，会转入社区公益池，帮助其他老人。\n确定要删除吗？"
    ),
    "erase_task_under_way": "您还有一单服务在进行（#{id}）。等服务结束，或先回复“取消 {id}”，再删除信息。",
    "erase_done": "已删除您的个人信息，账户已关闭。谢谢您为时间银行出过力。以后想回来，重新注册就行。",
    "unsubscribe_done": "好的，已为您退订。社区群发的活动和宣传不再发给您；您自己订单的消息照常通知。想再收到，发“订阅”。",
    "unsubscribe_already": "您已经退订了，不会收到群发的消息。想再收到，发“订阅”。",
    "unsubscribe_not_member": "您还没有注册，我们不会给您发通知，不用退订。想加入时间银行，发“注册”。",
    "subscribe_done": "好的，已为您恢复订阅，社区的活动和通知会照常发给您。",
    "subscribe_already": "您一直在接收社区的通知，不用再订阅。",
    "subscribe_not_member": "您还没有注册。注册后就能收到社区的活动和通知，发“注册”，两三分钟就好。",
    "tags_no_room_staff": "公众号的标签已满100个，“{tag}”建不了，按它群发的消息到不了这些会员。请在公众号后台删掉不用的标签。",
    "apology": "抱歉，系统出了点问题，请稍后再试。急事请打社区电话 {hotline}。（编号 {ref}）",
    "busy": "系统繁忙，请稍等一会儿再发。急事请打社区电话 {hotline}。",
    "slow_down": "您发得太快了，请歇一分钟再发。急事请打社区电话 {hotline}，或回复“救命”。",
    # notices that could not reach the member (no window, no template), after their next message's reply
    "held_digest": "您有{count}条新消息：\n{lines}",
    "held_digest_more": "……还有{count}条，请发“我的订单”看看。",
    "sos_staff": (
        "【紧急求助 #{alert}】{name} 刚刚发来求救，请马上联系。\n"
        "电话：{phone}\n地址：{address}\n紧急联系人：{contact_name} {contact_phone}"
    ),
    "sos_staff_stranger": "【紧急求助 #{alert}】一位未注册的微信用户刚刚发来求救，已请对方拨打120/110。请尽快查看告警 #{alert}。",
    "sos_family": (
        "【紧急求助】您的{relation}{name} 刚刚发来求救，请马上联系。\n"
        "电话：{phone}\n地址：{address}\n必要时请拨打120/110，社区电话：{hotline}"
    ),
    "sos_contact": (
        "【紧急求助】{name} 登记您为紧急联系人，刚刚发来求救，请马上联系。\n"
        "电话：{phone}\n地址：{address}\n必要时请拨打120/110，社区电话：{hotline}"
    ),
    "console_link": "管理后台登录链接（{minutes}分钟内有效，只能用一次，请勿转发）：\n{url}",
    "console_unavailable": "管理后台暂时不能登录，请稍后再试。",
    # ---- knowledge base and success stories (handlers/knowledge.py) ----
    "faq_list": "想多了解哪一项，请回复数字：\n{choices}\n发“故事”，听听邻居们互助的故事。",
    "faq_pick_another": "\n\n想看别的问题，回复别的数字。",
    "story_none": "还没有故事。以后社区会把大家互助的好故事放在这里。",
    "story_show": "【{title}】\n{body}",
    "story_others": "\n\n还有这些故事：\n{lines}\n想看哪个，回复“故事”加上序号，比如“故事 {example}”。",
    "story_no_such": "没有这个故事。发“故事”看看有哪些。",
    "story_usage": "请这样发：添加故事 标题｜内容",
    "story_added": "故事已保存（第{id}号）：{title}\n大家发“故事”就能看到；要推送给大家，发“群发故事 {id}”。",
}


# The sentences of requests and tasks are kept in their own table; one lookup serves both.
TEXTS |= TASK_TEXTS
# The staff desk's sentences (handlers/staff_desk.py), likewise.
TEXTS |= DESK_TEXTS
# The sentences of broadcasts (handlers/broadcast.py), likewise.
TEXTS |= BROADCAST_TEXTS
# What a member can see of their own data (handlers/my_data.py), likewise.
TEXTS |= MY_DATA_TEXTS
TEXTS |= ESCALATION_TEXTS
TEXTS |= STARS_TEXTS
TEXTS |= PROOF_TEXTS  # proofs of service hours (handlers/proof.py)
TEXTS |= EVENT_TEXTS
# Satisfaction surveys (handlers/surveys.py), likewise.
TEXTS |= SURVEY_TEXTS


def has_text(key: str) -> bool:
    return key in TEXTS


def say(key: str, **values: str) -> str:
    return TEXTS[key].format(**values)
