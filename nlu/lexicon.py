"""Every word the parser knows, as data.

Staff extend the parser by editing these tables, not the code:

* phrase tables map a phrase to a weight (or a value); phrases are matched
  after clean-up, i.e. in simplified Chinese, half-width, lower case, with
  fillers and stutters removed and the VARIANTS below already applied;
* pattern tables hold regular expressions for phrasings with a gap
  ("转……给", "有……的任务吗");
* weights are votes: about 3 for a word that settles the intent on its own,
  2 for a clear cue, 1 or less for a hint that needs company.

Intent phrases must line up with jieba word boundaries (so "到了" does not
fire inside "收到了"); service, role, audience and score phrases may sit
inside a longer word (so "医院" fires inside "人民医院"), except one-character
phrases, which always need a word of their own.
"""

# ---------------------------------------------------------------- clean-up

# Traditional -> simplified for the characters elders' phones commonly emit.
# Written as "traditional simplified" pairs.
TRADITIONAL_TO_SIMPLIFIED = """
時时 洩泄 間间 銀银 幣币 幫帮 預预 約约 買买 賣卖 醫医 週周 點点 號号 請请 個个 來来 開开 關关
這这 還还 麼么 發发 單单 務务 簽签 電电 話话 視视 頻频 訊讯 燈灯 飯饭 診诊 掛挂 複复 檢检
餘余 額额 錄录 賬账 帳账 轉转 給给 媽妈 爺爷 贈赠 換换 兌兑 評评 價价 滿满 氣气 訂订 閱阅
廣广 對对 確确 認认 過过 題题 見见 門门 們们 鐘钟 頭头 兩两 倆俩 後后 邊边 樣样 幾几 說说
聽听 裡里 裏里 鄰邻 區区 層层 樓楼 棟栋 業业 處处 辦办 報报 註注 冊册 參参 誌志 願愿 護护
戶户 網网 機机 碼码 會会 沒没 聯联 繫系 寫写 讀读 進进 遲迟 塊块 錢钱 東东 餃饺 湯汤 掃扫
潔洁 廚厨 髮发 鎖锁 龍龙 藥药 費费 遞递 領领 證证 談谈 園园 課课 學学 習习 歲岁 勞劳 動动
為为 爲为 麵面 鍋锅 難难 員员 術术 場场 車车 帶带 幹干 準准 備备 從从 讓让 謝谢 煩烦 兒儿
孫孙 親亲 愛爱 醬酱 雞鸡 魚鱼 貨货 體体 態态 壞坏 導导 線线 腦脑 腳脚 暈晕 壓压 緊紧 災灾
燒烧 煙烟 傳传 聲声 語语 計计 劃划 選选 項项 擇择 燙烫 鬚须 淨净 衛卫 廁厕 興兴 樂乐 節节
慶庆 陽阳 壽寿 療疗 舊旧 雙双 隻只 張张 條条 種种 義义 權权 質质 積积 獎奖 禮礼 紅红 綠绿
黃黄 錶表 狀状 況况 結结 畢毕 記记 驗验 實实 綁绑 類类 別别 覺觉 觀观 應应 該该 嗎吗 憑凭
據据 錯错 誤误 歡欢 訴诉 詢询 問问 閒闲 閑闲 鬆松 裝装 鍵键 盤盘 軟软 數数 筆笔 貼贴 補补
統统 團团 隊队 鎮镇 鄉乡 內内 陳陈 劉刘 楊杨 趙赵 吳吴 鄭郑 馬马 羅罗 許许 韓韩 葉叶 蘇苏
盧卢 鍾钟 顧顾 嚴严 萬万 頓顿 飽饱 餓饿 燉炖 餅饼 飲饮 遠远 運运 陣阵 現现 啓启 啟启 閉闭
舉举 長长 聚聚 誰谁 與与 並并 產产 廳厅 館馆 蘭兰 紀纪 獻献 讚赞 則则 規规 譜谱 騙骗 銷销
詳详 細细 歷历 絡络 載载 設设 輪轮 攙搀 講讲 紙纸 書书 畫画 戲戏 將将 簾帘 熱热 鑰钥 櫃柜
爐炉 繳缴 郵邮 購购 貴贵 鴨鸭 蘿萝 蔔卜 蔥葱 薑姜 鹽盐 糧粮 饅馒 髒脏 亂乱 塵尘 鬍胡 臉脸
頸颈 臟脏 傷伤 癢痒 著着 灑洒 滅灭 險险 當当 噹当 於于 隨随 態态 懂懂 麗丽 費费 頁页 順顺
顆颗 夠够 齒齿 撥拨 獨独 紹绍 臺台 婦妇 閨闺 姪侄 練练 鐵铁 鏡镜 響响 離离 顯显 屜屉 饃馍 膚肤
曆历 漬渍 鋪铺 櫥橱 涼凉 餵喂 剛刚 輛辆 圖图 標标 稱称 職职 歸归 藍蓝 嘗尝 嚐尝 喫吃 睏困 濕湿
憂忧 慮虑 慣惯 攢攒 賺赚 掙挣 總总 遙遥 槍枪 鬧闹 試试 陰阴 雲云 霧雾 颳刮 風风 溫温 懶懒 罰罚
沖冲 晝昼 執执
""".split()

# Whole-word replacements applied before anything else: voice-input
# homophone slips, common miswritings and dialect words.
VARIANTS = {
    # emoji that carry a cry or a danger, read as words before emoji are dropped; a tripled cry
    # ("救救救") would otherwise collapse to one character
    "🆘": " sos ", "🚑": " 救护车 ", "🔥": " 火苗 ", "救救救": "救命",  # not 🚨: "🚨紧急通知" is an announcement
    # stars drawn are stars given: "⭐⭐⭐⭐" is four (a run of one character would collapse in clean-up)
    **{star * count: f" {numeral}星 " for star in "⭐🌟★" for count, numeral in zip(range(1, 6), "一二三四五")},
    # laughter in emoji is laughter in words: "救命 这广场舞也太难学了😂" is a joke
    "😂": " 哈哈 ", "🤣": " 哈哈 ", "😆": " 哈哈 ", "😹": " 哈哈 ",
    # Taiwanese and Hong Kong words for the gas supply ("瓦斯外洩了")
    "瓦斯": "煤气",
    # round twenty-eight: the internet's yeses ("好哒~~~"), read before Xiang 哒 = 了
    # round thirty: numerals written as on a cheque ("时长贰小时", "捐壹个时间币") and 廿 ("廿五号"); not 伍, 陆 and 拾,
    # which are also 队伍, 陆续 and 收拾
    "哎呀": "哎呀 ",  # round thirty: its 呀 is no particle left alone once the filler 哎 is dropped ("哎呀点错了")
    "壹": "一", "贰": "二", "叁": "三", "肆": "四", "柒": "七", "捌": "八", "玖": "九", "廿": "二十",
    "👍": " 好的 ",  # round twenty-nine: a thumb up is a yes, as 👌 is
    "好哒": "好的", "是哒": "是的", "对哒": "对的", "嗯哒": "嗯", "么么哒": "",
    # homophone slips of speech recognition and pinyin typing
    "志原者": "志愿者", "志元者": "志愿者", "自愿者": "志愿者", "治愿者": "志愿者", "志愿着": "志愿者",
    # Wu (Shanghainese): 寻 is to look for, 揩 to wipe ("寻个人来揩揩窗")
    "寻个人": "找个人", "寻人": "找人", "揩": "擦",
    "麻凡": "麻烦", "定阅": "订阅", "退定": "退订", "帐单": "账单", "帐户": "账户",
    "签倒": "签到", "签推": "签退", "陪镇": "陪诊", "陪珍": "陪诊", "理法": "理发",
    "保结": "保洁", "助玉": "助浴", "代够": "代购", "姐单": "接单", "街单": "接单",
    "余饿": "余额", "时间笔": "时间币", "时间比": "时间币", "时间必": "时间币", "时间逼": "时间币",
    "健康吗": "健康码", "视屏": "视频", "兑还": "兑换", "评介": "评价", "撤消": "撤销",
    "余合": "余额", "鱼额": "余额", "于额": "余额", "余鹅": "余额", "明系": "明细", "理个法": "理个发",
    "主浴": "助浴", "住浴": "助浴", "医圆": "医院", "大扫出": "大扫除", "洗燥": "洗澡", "陪症": "陪诊", "陪真": "陪诊",
    "帮我卖": "帮我买", "卖点菜": "买点菜", "去卖菜": "去买菜", "陪我卖菜": "陪我买菜",
    "接咯": "接了",  # round twenty-four: Gan 咯 ends a deed as 了 does ("看下我接咯几个单")
    "点一可": "点一刻",  # round twenty-three: "三点一可 来修门锁"
    "取肖": "取消", "区消": "取消", "礼发": "理发", "签道": "签到", "兑环": "兑换", "捐增": "捐赠", "转帐": "转账", "查帐": "查账",
    # round fourteen
    "取销": "取消", "曲消": "取消", "住册": "注册", "注测": "注册", "陪枕": "陪诊", "宝洁": "保洁", "达扫": "打扫", "搭扫": "打扫",
    "洗躁": "洗澡",
    # round eighteen
    "赔诊": "陪诊", "满义": "满意", "竹浴": "助浴", "注浴": "助浴",
    "跶倒": "摔倒", "跶跤": "摔跤", "跶了一跤": "摔了一跤", "起不赖": "起不来", "帮组": "帮助",  # round nineteen: Gan 跶 is to fall
    "么样用": "怎么用", "么样弄": "怎么弄", "么样搞": "怎么搞",  # Gan 么样 is 怎么
    # 去消 is 取消 said by voice, except where 去 is a going ("去消费", "去消毒"): the longer word is matched
    # first and kept as it is
    "去消": "取消", "去消费": "去消费", "去消毒": "去消毒", "去消防": "去消防", "去消化": "去消化", "去消食": "去消食",
    "去消暑": "去消暑", "去消遣": "去消遣", "去消气": "去消气",
    # Cantonese 唔到 after a going is 不了 ("任务23我去唔到了"); 唔得闲 is 没空
    "去唔到": "去不了", "来唔到": "来不了", "唔得闲": "没空",
    # dialect and spoken forms
    "俺": "我", "咋": "怎么", "啥": "什么", "干嘛": "干什么", "甚么": "什么", "木有": "没有", "么有": "没有",
    "今儿": "今天", "明儿": "明天", "后儿": "后天", "今个": "今天", "明个": "明天",
    "甭": "不用",  # northern 甭 is 不用 fused: 甭了, 甭麻烦了, 甭找人了
    "老半天": "好久",  # a long while, not half a day of service
    # Gan (Nanchang) and Xiang function words, heard in every other message here: 冇 is 没 (有冇 is
    # 有没有, 冇得 is 没有), 哒 ends a change as 了 does, 几多 is 多少, 么子 is 什么, 莫 before a verb
    # is 别, and 哪个 asking who will help is 谁
    "有冇": "有没有", "冇得": "没有", "冇": "没", "哒": "了", "几多": "多少", "么子": "什么",
    "莫得": "没有",  # Sichuan
    "莫再": "别再", "莫搞": "别搞", "莫发": "别发", "莫来": "别来", "莫去": "别去", "莫要": "不要", "莫找": "别找",
    "莫弄": "别弄", "转把": "转给", "送把": "送给", "哪个帮": "谁帮", "哪个来": "谁来", "哪个能": "谁能", "哪个有空": "谁有空", "哪个可以": "谁可以",
    # Wu (Shanghai): 阿拉 is 我, 侬 is 你, 勿 is 不, 覅 is 不要, 几钿 is 多少钱, 今朝 is 今天, 物事 is 东西,
    # 拨 after a giving verb is 给 (not alone: "拨120" dials), 一家头 is 一个人
    "阿拉": "我", "侬": "你", "勿": "不", "覅": "不要", "几钿": "多少钱", "今朝": "今天", "物事": "东西",
    "送拨": "送给", "转拨": "转给", "一家头": "一个人",
    # Cantonese words whose Mandarin is another word (唔 before other words is the danger reader's, which
    # reads 郁唔到 and 起唔到 whole): 俾 is 给, 佢 is 他, 呢个 is 这个, 点用 is 怎么用, 睇 is 看, 嘅 is 的,
    # 咩 is 什么, 係 is 是, 掣 is a button, 唔系 is 不是, 唔使 is 不用
    "俾": "给", "佢": "他", "係": "是", "掣": "键", "呢个": "这个", "点用": "怎么用", "睇": "看", "嘅": "的", "咩": "什么",
    "唔系": "不是", "唔使": "不用",
    # Sichuan 一哈 is 一下
    "一哈": "一下",
    # round fifteen, Cantonese: 搵 is 找, 冲凉 is 洗澡 (not 冲凉水, cooling a burn), 得唔得 is 行不行, 唔该 is
    # 谢谢, 朝早 is 早上, 下昼 is 下午, 咗 is 了, 边 is 哪, 餸 is 菜, 隔篱 is 隔壁, 阿嫲 is 奶奶
    "搵": "找", "冲凉": "洗澡", "冲凉水": "冲凉水", "得唔得": "行不行", "唔该": "谢谢", "朝早": "早上", "下昼": "下午",
    "咗": "了", "边几": "哪几", "边个": "谁", "边度": "哪里", "餸": "菜", "隔篱": "隔壁", "阿嫲": "奶奶", "阿妈": "妈妈",
    "阿爸": "爸爸", "唔係": "不是", "唔是": "不是", "唔满意": "不满意",
    # Wu: 寻 is 找, 屋里厢 is 家里, 讲闲话 is 聊天, 坏脱 is 坏了, 伐 at the end asks as 吗 does (not 步伐, 砍伐)
    "寻个": "找个", "屋里厢": "家里", "讲讲闲话": "聊聊天", "讲闲话": "聊天", "坏脱": "坏",
    "发一记": "发一下", "看一记": "看一下", "查一记": "查一下", "问一记": "问一下", "帮一记": "帮一下",  # Wu 一记 is 一下
    "伐": "吗", "步伐": "步伐", "砍伐": "砍伐", "采伐": "采伐", "讨伐": "讨伐", "征伐": "征伐", "伐木": "伐木",
    # Sichuan: 老汉儿 is 爸爸, 耍手机 is 玩手机, 咋个 is 怎么, 用脱 is 用掉, 屋头 is 家里, 去不到 is 去不了
    "老汉儿": "爸爸", "耍手机": "玩手机", "咋个": "怎么", "用脱": "用掉", "屋头": "家里", "去不到": "去不了",
    # a clock's hours said short ("半个钟", "两个钟"): the length reader knows 钟头
    "个钟": "个钟头", "个钟头": "个钟头", "个钟点": "个钟点",
    # 理发 misheard as 里发 where the verb is plain ("我想里个发", "上门里发"); not "这里发生"
    "里个发": "理个发", "想里发": "想理发", "要里发": "要理发", "去里发": "去理发", "门里发": "门理发", "约里发": "约理发",
    "实践币": "时间币", "dingdan": "订单", "菜但": "菜单", "明填": "明天", "我借了": "我接了", "卖菜的单": "买菜的单",
    "有没得": "有没有",  # Sichuan
    # Cantonese: 系 before a particle is 是, 唔好 is 不要 (not 唔好意思), 啲 is 些, 嘢 is 东西, 揾 is 找, 执屋 is
    # tidying the home; Wu 汰浴 is a bath
    "系啊": "是啊", "系呀": "是呀", "系嘅": "是的", "唔好": "不要", "唔好意思": "不好意思", "啲": "些", "嘢": "东西",
    "揾": "找", "执屋": "收拾屋子", "汰浴": "洗澡",
    # round sixteen, Cantonese: 点样 is 怎么, 唔识 is 不会, 哋 makes a plural, 食 is 吃, a question ending in 未 is 没
    "点样": "怎么", "唔识": "不会", "你哋": "你们", "我哋": "我们", "佢哋": "他们", "食咗": "吃了", "食饭": "吃饭",
    "饭未": "饭没", "洗造": "洗澡", "帮我里发": "帮我理发", "来里发": "来理发",
    "要唔要": "要不要", "签腿": "签退", "对换": "兑换", "名天": "明天", "注个册": "注册",
    "超是": "超市", "菜丹": "菜单", "注侧": "注册", "确任": "确认", "积分商场": "积分商城",
    "今晚": "今天晚上", "明晚": "明天晚上", "今早": "今天早上", "明早": "明天早上",
    "早晨": "早上", "清早": "早上", "清晨": "早上", "晚间": "晚上", "夜里": "晚上",
    "礼拜日": "礼拜天", "星期日": "星期天",
    # lengths said loosely, put in the form the duration reader knows: 半个来小时 = 半个小时, 四十来分钟 = 四十分钟,
    # 两小时半 = 两个半小时, 一点五个小时 = 一个半小时
    "个来小时": "个小时", "个来钟头": "个钟头", "十来分钟": "十分钟", "十来个小时": "十个小时", "个小时半": "个半小时", "小时半": "个半小时", "个钟头半": "个半钟头",
    "点五个小时": "个半小时", "点五小时": "个半小时", "点五个钟头": "个半钟头",
    # round twenty: voice slips of the bank's own words, and Gan 冒 (没) where it cannot be the verb 冒
    "石涧银行": "时间银行", "实践银行": "时间银行", "时间阴行": "时间银行", "智愿者": "志愿者",
    "千退": "签退", "千到": "签到", "明西": "明细", "洗早": "洗澡", "冒事": "没事", "冒得事": "没事",
    "冒味道": "没味道", "冒得味道": "没味道",
    # round twenty-one: more of the same, from voice input in Gan ("俺的身份正要绑一下", "存的时间都娟给社区吧", "腰椎要去
    # 户查", "有冇人赔"); 明朝早上 is tomorrow morning, not Cantonese 朝早
    "身份正": "身份证", "名细": "明细", "娟给": "捐给", "冇要": "不要", "户查": "复查", "复茶": "复查",
    "超事": "超市", "赚给": "转给", "赔俺去": "陪我去", "赔我去": "陪我去", "冇人赔": "没人陪", "明朝早": "明天早",
    # round twenty-two: handwriting input: characters of a like shape ("明夭下午", "志原者", "己经")
    "明夭": "明天", "今夭": "今天", "后夭": "后天", "己经": "已经",
    # Cantonese, Shanghainese and returnees' words ("我想订阅返你哋嘅推送", "想check下进度", "这个陪诊的单我take了",
    # "阿拉老头子汏浴不方便 … 寻个人来")
    "你哋嘅": "你们的", "订阅返": "重新订阅", "check下": "查下", "我take了": "我接了",
    "汏浴": "洗澡",
    # round twenty-five: days, parts of the day and lengths in northern, Sichuan, Wu and Cantonese words ("后个儿上午",
    # "晚黑来个人", "今朝夜到", "明朝中浪向", "明天清起来个人", "一个点儿就行", "两只钟头", "想搵人嚟执下屋", "攞药", "覆诊");
    # 黑下, 夜到 and 清起 only after a day: "天黑下来", "半夜到医院", "清起来" are other words
    "后个儿": "后天", "后儿个": "后天", "明儿个": "明天", "今儿个": "今天", "晚黑": "晚上", "中浪向": "中午",
    "今儿黑下": "今天晚上", "今天黑下": "今天晚上", "明儿黑下": "明天晚上", "明天黑下": "明天晚上",
    "今朝夜到": "今天晚上", "明朝夜到": "明天晚上", "今天夜到": "今天晚上", "明天夜到": "明天晚上",
    "明天清起": "明天早上", "明儿清起": "明天早上", "今天清起": "今天早上", "今儿清起": "今天早上",
    "一个点儿": "一个钟头", "两个点儿": "两个钟头", "三个点儿": "三个钟头", "半个点儿": "半个钟头",
    "只钟头": "个钟头", "只小时": "个小时", "执下屋": "收拾下屋子", "执屋企": "收拾家里", "汏个浴": "洗个澡",
    "帮我老汉": "帮我爸爸", "给我老汉": "给我爸爸", "替我老汉": "替我爸爸", "👌": " 好的 ", "🙆": " 好的 ", "嚟": "来", "攞药": "取药", "攞": "拿", "覆诊": "复诊", "覆查": "复查",
    "sign up做volunteer": "报名做志愿者", "sign up做": "报名做", "做volunteer": "做志愿者", "当volunteer": "当志愿者",
    # round thirty-five: English words the emergency reader also knows, in Chinese company only ("我想register成volunteer",
    # "群发给all volunteers：…", "grandpa下周三要去hospital做CT", "我要发个request")
    "成volunteer": "成志愿者", "all volunteers": "所有志愿者", "去hospital": "去医院", "个request": "个需求",
    # round thirty-three: a pinyin keyboard's wrong word and a handwriting pad's near shape ("转给我妈2个事件比", "时问币",
    # "令天下午", "想约个上门立法", "送个反过来", "剩下的时间都娟了", "去不 了了")
    "事件比": "时间币", "事件币": "时间币", "时问币": "时间币", "令天": "今天", "立法": "理发",
    "送个反": "送个饭", "送反": "送饭", "做反": "做饭", "娟了": "捐了", "都娟": "都捐",
    "去不 了": "去不了", "来不 了": "来不了",
}
# Round thirty-three: slips only a pattern tells apart: a period after a day, typed 五 or 牛 for 午 ("今天下五", "1月8号
# 上牛"; not 下五子棋, 下牛肉面), a day's 号 typed 好 ("擦窗户 20好 上午"), and 取消 typed as its initials ("任务16 qx").
VARIANT_PATTERNS = (
    (r"(?<=[天日号末])( ?)([上下中])[五牛](?![子肉奶排楼层个块元斤\d])", r"\1\2午"),
    (r"(?<=\d)好(?= |$|上午|下午|中午|晚上|早上)", "号"),
    (r"(?<![a-z])qx(?![a-z])", "取消"),
    (r"^en(?: ?en)*$", "嗯"),  # round thirty-four: 嗯 in pinyin, said alone ("en en"); inside a run it is English's
)

# A speaker putting right what they just said ("礼拜四 呃不是 是礼拜五", "下午三点 不对 四点"), at the start
# of a clause: the day, hour, length or amount said after it is the one meant. A 不 alone between two values is
# one too ("周三 哦不 周四", once clean-up has dropped the filler 哦).
SELF_CORRECTIONS = ("不对", "不是", "说错了", "搞错了", "记错了", "讲错了", "哦不", "错了", "不 ",
                    "别 ", "算了",  # round eighteen: "8号上午十点 别 九点吧", "转5个小时 算了 先转3个小时"
                    # a change of mind: "改成礼拜五"
                    "改成", "改到", "改在", "换成", "换到",
                    # round twenty-one: "单号130 哦写错了 是131", "17号 … 哦等一下 是16号", "本来说15号 现在改成18号了"
                    "写错了", "打错了", "按错了", "等一下 是", "等等 是", "现在改成", "现在改到", "又改成", "要改成",
                    # round twenty-four: the day said again, plainly or as the one settled on ("体检前一天也就是后天下午",
                    # "她说是14号 我查了挂号单是16号 就按16号")
                    "也就是", "就按",
                    "看错了", "听错了",  # round twenty-five: "12月3号 哦看错了 单子上写的12月8号"
                    # round thirty-one: a length cut short ("三个小时 不用那么久 两个小时")
                    "不用那么久", "用不了那么久", "不要那么久", "没那么久", "要不了那么久")
# Round twenty-seven: an order moved, anywhere in a clause ("明天那个能不能改到后天上午"): the day after it is meant.
MOVED_TO = ("改到", "推到", "挪到", "调到", "改成", "换到", "换成")  # round thirty: "周四的陪诊改成下周四吧"
# "不是今天 是明天": a "不是" put right by a "是" in the next clause; what follows that "是" is meant.
CONTRASTED = r"不是[^ ]* (?:而|就|只)?(?=是)"  # the 是 left to what it puts right ("不是23 是32")
# "周日也行 周六也行 就周六吧", "志愿者说5号和6号都能来 那就6号吧": a clause that opens with 就 and ends with 吧,
# or opens with 那就, settles the choice.
SETTLED_CHOICE = r"[^ ]{1,6}还是(?=[^ ]{1,4}吧(?: |$))|就(?=[^ ]{1,6}吧(?: |$))|那就"  # and "周六没空 那就周日"
# Round eighteen: ... and a clause that ends in 吧 after one put aside ("周一 哦周一不行我要去看病 | 周三吧 上午九点",
# "不要早上来 我起得晚 | 下午来吧 后天"): what it holds is what is meant.
SETTLED_CHOICE += r"|(?=[^ ]{1,6}吧(?: |$))"
# ... what follows a day or hour put aside ("今晚不行 明天晚上八点"), not someone's state (round twenty-four: "她腿脚
# 不方便 能不能请个志愿者陪她去一下" puts nothing aside); the first alternative above is the second of two with 还是
# ("周一还是周二吧"), tried before a clause ending in 吧 is.
SETTLED_CHOICE += r"|(?![^ ]{0,4}(?:腿|脚|身体|眼睛|耳朵|手|腰))[^ ]{1,8}(?:不行|没空|不方便|不在家)(?= )"
SETTLED_CHOICE += r"|(?=是#|是\d+(?![\d月号日点:]))"  # a task number put right after another ("签退 #40 哦 是#41", "任务45 哦 是54")
# Round thirty-one: a length said to be enough after another puts it right ("两个小时 呃 一个半小时就够了"); not
# a service ("想找人陪我去 陪一个小时就够").
LENGTH_SETTLED = r"(?:^| )(?=[^ ]{1,8}就(?:够了|够|行了|可以了)(?: |$))"
# Round thirty-two: an ask that refers back to a day said before it ("医生叫我下礼拜四再去复查 到时候能不能派个人陪我去"),
# and the day the writer writes on, not the visit's, when another day follows ("今天先想预约个人明天陪我去医院",
# "我今天找你们是想约个人 … 明天上午"); matched where the day ends.
DAY_REFERRED_BACK = r"(到时候|到那天|那天|到时|那时候)"
WRITING_DAY_AFTER = r"(先|就|是)?(想|要)?(预约|约个|约一|订个|订一|找你们|发个|发需求|联系你们|来问|问问)"
# Whatever will do ("买菜的 或者 算了 啥都行"): after a correction, no service is asked for.
ANY_WILL_DO = ("都行", "都可以", "随便", "都成", "都好")
# ... and 改 right before a number ("九点 … 改十点吧"), which is read as part of the value.
# Round twenty-seven: and 还是 ("还是周五吧"), only so: "贴了两贴膏药 还是不管用 今天这雨下得…" corrects nothing.
CHANGED_TO_BEFORE_A_NUMBER = "改|还是(?:转|捐|送|约|定|选)?"  # and "还是转一个小时吧"
# ... or before a day or an hour said in words ("礼拜四我要去女儿那 改礼拜五 还是三点")
DAY_OR_HOUR_OPENINGS = ("礼拜", "星期", "周", "明天", "后天", "今天", "下周", "下礼拜", "上午", "下午", "中午", "晚上", "早上")

# Words said while thinking; dropped at the start of a clause only, so that
# "余额" keeps its "额" and "这个我接了" keeps its meaning.
FILLERS = (
    "嗯", "啊", "呃", "额", "哎", "唉", "诶", "欸", "哦", "噢", "喂",
    "那个什么", "那个", "就是说", "就是", "然后", "那啥", "那什么",
)

# Characters whose doubling is a stutter or casual reduplication
# ("修修" -> "修", "聊聊天" -> "聊天"); others ("奶奶", "下下周") stay.
STUTTER_CHARS = "看聊说走陪擦修剪教收弄帮试问查洗坐转逛散玩歇理搞瞧讲拿送买做学练捐签嗯对是行不"

# ---------------------------------------------------------------- intents

INTENT_CUES: dict[str, dict[str, float]] = {
    "help": {
        # round nineteen: a button on the screen, where to tap
        "按钮": 3, "按键": 2.5, "点哪里": 3, "点哪个": 3,
        "你好": 2, "您好": 2, "你们好": 2, "大家好": 2, "嗨": 2, "老师好": 2, "老师您好": 2, "早上好": 2, "上午好": 2, "中午好": 2, "下午好": 2, "晚上好": 2, "早安": 2,
        "在吗": 2, "在不在": 2, "hi": 2, "hello": 2, "哈喽": 2, "帮助": 3, "菜单": 3, "怎么用": 1.5, "如何使用": 2.5,
        "怎么使用": 2.5, "使用说明": 3, "说明书": 2, "不会用": 1.2, "能说话不": 3, "能发语音吗": 3.5, "不会弄": 1.2, "怎么弄": 1.5, "怎么整": 1.5, "怎么操作": 2,
        "功能": 2, "能干什么": 2.5, "能做什么": 2.5, "干什么用": 2, "新来的": 1, "找不到": 1, "教程": 2, "有人在吗": 2.5,
        "有没有人在": 3, "看不懂": 2, "不明白": 1.5, "有人吗": 2.5,
        "过年好": 2, "新年好": 2, "春节好": 2,  # greetings, as 早上好 is; a wish (新年快乐) is small talk
        "找了半天": 3, "点了半天": 3,  # round twenty-nine: "紧急联系人在哪里设置啊 我找了半天"
        # round thirty: a newcomer's first questions ("头一回用这个", "我刚才点的是啥", "我应该怎么跟你说", "发语音你能听懂吗")
        "头一回用": 1.8, "第一次用": 1.8, "流程": 2.5, "点的是什么": 3.5, "怎么跟你说": 4, "能听懂吗": 3.5,
        "听得懂吗": 3.5,
        "能做些什么": 2.5, "能干些什么": 2.5, "刚关注": 2.5, "在哪里下单": 3, "在哪下单": 3, "哪里下单": 3,
    },
    "about": {
        # round nineteen: training and certificates, a deposit, what is done with one's number, counting
        # family help as time, credits kept across branches: the bank's rules
        # round twenty-nine: how volunteers are chosen, vetted, insured and ranked, and what the bank does when no one answers
        "犯罪记录": 4.5, "体检过": 3.5, "传染病": 3, "意外险": 4, "保费": 4, "担责任": 4, "按规定": 4, "规定": 2.5,
        "星级": 3.5, "自己挑": 3.5, "随便派": 3, "能换人吗": 4, "回访": 3.5, "一键呼叫": 3, "24小时": 2.5, "是谁接": 3,
        "有合作": 3, "还要考试": 4, "还算不算": 4.5,
        "荣誉证书": 3.5, "荣誉": 2.5,  # round twenty-one: "服务满100小时有没有荣誉证书"
        "培训": 3, "证书": 3, "资质": 3, "押金": 3, "卖给别人": 3, "推销电话": 2.5, "是这个意思吗": 3,
        "也算时间": 3.5, "算时间吗": 3.5, "能算时间": 3.5, "算不算时间": 3.5, "认不认": 3, "异地": 3, "别的站点": 3,
        "其他站点": 3, "别的社区": 2.5,
        "清零": 3,  # whether credits expire ("时间币年底清零 真的假的")
        "作数": 3, "算数吗": 3, "算不算数": 3, "怎么个算法": 3.5, "算法": 2.5, "是真的吗": 2,  # round seventeen
        "时间银行": 2.5, "什么是": 1.5, "是什么": 1, "规则": 2.5, "怎么算": 2.5, "怎么换算": 2.5, "怎么计算": 2.5,
        "会过期": 2.5, "过期": 2, "有效期": 2.5, "靠谱": 2.5, "靠不靠谱": 2.5, "骗": 1.5, "骗人": 2, "交钱": 2,
        "收费": 2, "要钱": 2, "干什么的": 2, "什么意思": 2, "怎么回事": 1.5, "等于多少": 2.5, "等于几个": 2.5, "值多少钱": 2.5, "多少钱": 1.5,
        "介绍": 2, "原理": 2, "能用吗": 1, "政府办": 1.5, "正规": 2, "提现": 2.5,
        # Questions the FAQ answers (handlers/faq.toml) that other intents' cue words would otherwise take.
        "隐私": 3, "泄露": 3, "泄漏": 3, "信息安全": 3, "谁能看到": 3.5, "兑换标准": 4, "统一标准": 3, "通存通兑": 3,
        "别过期": 3, "不会过期吧": 3.5, "新规": 3, "管理费": 3, "继承": 4, "审核": 3, "背景调查": 4,
        "传销": 4, "拉人头": 4, "政府的还是": 4, "出了事找谁": 4, "存在哪": 3.5, "怎么存": 3, "安不安全": 3,
        "查过没有": 2.5,  # round twenty-five: "希望这个时间币别过期 我都存了好几年了"
        "换钱": 3, "换成钱": 3, "靠得住": 2.5, "注销": 2.5, "好处": 2.5, "有什么用": 2,
        "做什么的": 2, "搞什么的": 2, "规矩": 2.5, "谁来保证": 3, "谁保证": 3, "有保障吗": 3, "换多少时间币": 3.5, "换几个时间币": 3.5, "算多少时间币": 3.5,
    },
    "register": {
        "注册": 3, "报名": 3, "报个名": 3, "加入": 2.5, "入会": 2.5, "绑定": 2.5, "实名": 2.5, "认证": 2, "登记": 2,
        "加入了": 1,  # done, often by someone else ("我爸在老家也加入了"): not a wish to join
        "开户": 2.5, "开个户": 2.5, "开通": 2, "入个会": 3, "登个记": 3, "入会吧": 3, "入伙": 3, "入个伙": 3, "想加入": 3, "加入你们": 3.5, "当会员": 3, "成为会员": 3,
        # Wanting to help others is wanting to volunteer; these win the overlap with help's "帮助".
        "帮助别人": 2.5, "帮助他人": 2.5, "帮助老人": 2.5, "做好事": 1.5, "献爱心": 2,
        "想参加": 2.5, "我也参加": 2.5, "我也要参加": 2.5,  # not a bare 参加: "参加要什么条件" is a question
    },
    "post_request": {
        # round nineteen: an order put up for someone ("我在厦门帮她下单", "远程帮我爸下个单")
        "下个单": 2.5, "下单": 2, "约一次": 2,
        "求助单": 3, "发个求助": 3,
        "想订": 2.5, "订个": 2.5, "这次能不能": 2.5, "这回能不能": 2.5,  # booking again ("这次能不能还是礼拜五")
        "想找人": 2.5, "找人": 2, "找个人": 2, "找个": 1, "请人": 2, "请个人": 2, "想请": 1.5, "需要人": 2, "需要有人": 2,
        "需要人帮": 2.5, "帮我": 0.6, "帮忙": 1, "预约": 1.5, "约个": 1.5, "约个人": 2, "能不能": 1, "有没有人": 1.5, "有人能": 1.5,
        "有人陪": 2, "来个人": 2, "来人": 1.5, "上门": 1.5, "麻烦": 0.8, "发个需求": 3, "发需求": 2, "发布": 1.5,
        "发布需求": 3, "提需求": 3, "需求": 1, "想有人": 2, "帮我去": 1.5, "陪我去": 1.5, "谁能": 1.5, "谁可以": 1.5,
        "有谁": 1.2, "想学": 1.5, "帮个忙": 1.5, "需要帮助": 3,
        # Why help is needed, not a cancellation: these win the overlap with "去不了".
        "谁有空": 2, "谁有时间": 2, "一个人去不了": 1, "自己去不了": 1, "一个人去不成": 1, "自己去不成": 1, "一个人来不了": 1, "自己来不了": 1, "都去不了": 1, "也去不了": 1, "但我去不了": 1, "可我去不了": 1, "但是我去不了": 1, "哪都去不了": 1, "还想约": 2.5, "想再约": 2.5, "再约": 2,
        "重新约": 2.5, "谁帮我": 2, "谁来帮": 2, "约一个": 1.5, "想约": 1.5, "想约人": 2.5,
    },
    "list_tasks": {
        "有什么任务": 3, "任务列表": 3, "task list": 3, "查看任务": 3, "看任务": 3, "那种任务": 3, "这种任务": 3,
        "有需求吗": 3, "没人接": 2.5, "可以接": 2, "想接单": 3,
        "能接什么单": 4, "接什么单": 3.5,  # round twenty-nine: "刚培训完拿到证了 现在能接什么单"
        "能接": 1.5, "有空": 0.8, "有时间": 0.5, "我能帮谁": 3, "帮谁": 2, "学过": 1,
    },
    "accept_task": {
        "我包了": 3, "的我去": 2.5,  # northern "第十二号俺包了"; "李奶奶那个买菜的我去"
        "接单": 3, "我接了": 3, "我接": 2, "接了": 1.5, "我来": 2, "我来接": 3, "我来做": 3, "我来吧": 2.5, "我去吧": 2.5,
        "这个我要了": 2.5, "我要了": 2, "抢单": 3, "我要接": 3, "交给我": 2.5,
        "派给我": 3, "分给我": 2.5, "让我来": 2.5,
        "那我来": 3, "那我接": 3.5, "那我去": 3,  # round twenty-eight: "就没人接这个陪诊吗 那我来 #71"
    },
    "check_in": {
        "开工了": 3.5, "开工": 3,  # round thirty-six: "开工了 #8"
        "签到": 4, "签个到": 4, "打卡": 2.5, "已到": 2.5, "到了": 1.5, "我到了": 2.5, "已经到了": 2.5, "到达": 2, "已到达": 2.5,
        "开始服务": 3, "现在开始": 2, "开始了": 1.5, "我来了": 2, "到地方了": 2.5, "到地儿了": 2.5,
        "到啦": 2, "我到啦": 2.5, "到咯": 2, "我到咯": 2.5,
    },
    "check_out": {
        "陪诊完了": 3, "陪完了": 3,  # round twenty-seven: "陪诊完了 单号8 明天7点还要去拿结果"
        "签退": 4, "签个退": 4, "服务结束": 3, "结束服务": 3, "做完了": 2.5, "干完了": 2.5, "弄完了": 2, "完事了": 2, "完事": 2, "结束了": 2,
        "结束": 1.5, "完毕": 2, "收工": 2.5, "任务完成": 2.5, "服务完成": 2.5, "订单完成": 2, "完成了": 1.2,
        "搞定了": 2, "搞完了": 2.5, "忙完了": 2, "服务完了": 2.5, "做完啦": 2.5, "干完啦": 2.5, "弄完啦": 2,
    },
    "confirm_done": {
        "确认完成": 3.5, "已经帮我": 2, "弄好了": 1.5, "帮我弄好了": 2.5, "修好了": 2, "剪好了": 2, "做好了": 1.5, "买回来了": 2,
        "收到了": 2, "送来了": 2, "送到了": 2, "买来了": 2, "已经收到": 2, "办好了": 2, "确认收到": 3, "已完成": 1.2,
        "已经完成": 1.5,
    },
    "cancel": {
        # round nineteen: a task given back ("取消接单 单号58", "#64 放弃 太远了")
        "取消接单": 5, "放弃": 2.5, "不接单了": 4, "退单": 3.5, "撤单": 3,
        "不接了": 3.5, "不搞了": 2.5,  # a volunteer giving back a task; southern 搞 is 做
        "取消": 3, "取消一下": 3.5, "撤销": 3, "不需要人帮忙": 3.5, "不用人帮忙": 3.5, "不用帮忙了": 3, "撤回": 3, "不需要了": 3, "不需要啦": 3, "去不了了": 3, "去不了": 3, "去不成": 3, "来不了": 3, "来不成": 2.5,
        "不去了": 2.5, "不来了": 2.5, "不用来了": 3, "不用来": 2.5, "不要了": 2, "不做了": 2, "作废": 2.5, "退掉": 2,
        "临时有事": 1.5, "撤了": 2.5, "撤掉": 3, "家里有事": 1, "别来了": 2.5, "别过来了": 3, "不用过来了": 3, "先不要了": 3, "撤一下": 3, "帮忙撤": 3, "我退了": 3, "接错了": 3.5, "改天": 2, "我自己去": 2,
        # after "算了" a no, not a withdrawal; round thirty-two: nor after "不用" ("不用不用 不麻烦你们了")
        "不麻烦你们了": 1.4, "不麻烦了": 1.4,
        "不用约了": 3, "不约了": 3, "不用预约了": 3,  # round twenty: "明天那个不用约了 我女儿回来陪我去"
    },
    "my_orders": {
        # round nineteen: whether the one booked is settled, and who took it
        "确定了没": 3, "定了没": 3, "约上了没": 3, "几号来着": 3, "哪天来着": 3, "几点来着": 3,
        "定下来了吗": 3, "志愿者是哪个": 3, "志愿者是谁": 3, "是不是约上了": 3, "安排人了吗": 3, "安排人了没": 3, "单子还在": 3,
        "接单的是谁": 4, "谁接的": 3, "谁接了": 3,
        "是不是没人接": 3.5, "怎么还没动静": 3.5, "还没动静": 3, "没动静": 2,  # round twenty-eight
        "还没到": 2.5, "人一直没来": 3.5, "一直没来": 3, "发出去了没": 3.5, "发出去没": 3.5, "发出去了吗": 3.5,  # round thirty
        "发过哪些": 3.5, "发过的需求": 3.5,
        "待服务": 3,  # round twenty-five: "待服务的单子给我看看"
        "我的需求": 3, "我的订单": 3, "查订单": 3, "我的单子": 3, "我的预约": 3, "我的任务": 3, "进度": 2.5, "进展": 2.5, "状态": 2,
        "到哪一步": 3, "到哪步": 3, "什么情况": 1.5, "怎么样了": 1.5, "还没来": 2, "什么时候来": 2, "怎么还没": 2,
        "没见着人": 2, "没见到人": 2, "没人来": 2, "我接的单子": 3.5, "我接的单": 3.5,
        # whether what was booked is settled ("我约了明天理发 定下来没有")
        "定下来没": 3, "定了没有": 2.5, "有人接了没": 3, "有没有人接单": 4, "有没有人接": 3.5, "有人接没有": 3, "安排好了没": 3, "安排了没有": 3,
    },
    "balance": {
        "总共多少": 3, "一共多少": 3,  # round nineteen: "现在总共多少", "志愿时长一共多少了"
        "累计多少": 3.5, "累计了多少": 3.5,  # round twenty-four: "我做志愿者到现在累计多少个小时啊"
        "余额": 3, "还有多少": 2.5, "还剩多少": 2.5, "剩多少": 2, "剩下多少": 2, "有多少": 2, "有几个": 1.5, "存了多少": 2.5,
        "小时数": 2.5, "现在是多少": 2.5,  # round twenty-nine: "换手机了 … 我的小时数还在吧 现在是多少"
        "有没有时间币": 3.5, "还是零": 3.5,  # round thirty: "我刚注册 有没有时间币啊"
        "攒了多少": 2.5, "赚了多少": 2.5, "挣了多少": 2.5, "查余额": 3, "账户": 1.5, "我的时间币": 2,
    },
    "history": {
        "转账记录": 4.5, "转账明细": 4.5,  # round nineteen: not a new transfer
        "到账了没": 2.5, "到账没": 2.5, "到账了吗": 2.5, "到没到账": 2.5, "到账没有": 2.5,  # a transfer's arrival
        "进账": 3.5, "有没有一笔": 3.5, "历史记录": 4, "存取记录": 4.5, "给没给记上": 3.5,  # round twenty-nine
        "明细": 3, "记录": 2.5, "流水": 3, "账单": 3, "收支": 3, "交易": 2, "怎么花": 2, "每一笔": 2.5, "花到哪": 2,
        "用到哪": 2, "查账": 2.5, "干过活": 2.5, "帮谁干过": 3, "干过哪些": 2.5, "做过哪些": 2.5, "花哪": 2.5, "花在哪": 2.5, "用在哪": 2.5, "用哪去": 2.5, "时间币记录": 3, "都干什么了": 2, "怎么少了": 2.5, "怎么变少": 2.5, "谁扣": 2.5, "扣了多少": 2.5, "列一下": 1.5, "列出来": 1.5, "列列": 2.5, "进进出出": 2.5, "收入": 2, "支出": 2, "更多": 2.5, "下一页": 3, "再往前": 2.5,
    },
    "transfer": {
        "转给": 3, "转账": 3, "赠送": 2.5, "送给": 2.5, "划给": 2.5, "分给": 3, "匀给": 3,
    },
    "donate": {
        "捐赠": 3, "捐给": 3, "捐出": 3, "公益池": 2.5, "捐献": 3,
        "donate": 3,  # round twenty-two: "donate 半个钟头 给需要的老人 thanks"
    },
    "redeem": {
        "抵扣": 3, "抵钱": 3, "抵饭钱": 3.5,  # round nineteen: credits taken off a bill
        "兑换": 3, "换东西": 3, "兑点": 2.5, "能兑": 2.5, "积分商城": 3, "商城": 3, "能换": 2, "换点": 1.5, "礼品": 2, "奖品": 2, "兑奖": 3,
    },
    "rate": {
        "评价": 3, "评个价": 3, "打个分": 3, "打分": 3, "评分": 3, "好评": 2.5, "差评": 2.5, "五星": 2.5, "满意": 2.5, "不满意": 3, "很满意": 3, "非常不满意": 3.5, "很不满意": 3.5,
        "非常满意": 3, "十分满意": 3, "特别满意": 3, "挺满意": 3, "太满意": 3, "相当满意": 3, "不太满意": 3, "一般": 2, "还行": 2, "很好": 1.5, "不错": 1.5, "挺好": 1.5,
        "很差": 2.5, "太差": 2.5, "差劲": 2.5, "很耐心": 2, "手艺": 1.5, "态度": 1.5, "马虎": 2, "迟到": 1.5,
        "投诉": 2.5, "表扬": 2.5, "点赞": 2.5, "满分": 2.5, "周到": 2, "热情": 1.5, "很认真": 2, "认真": 1.5,
        "负责": 1.5,
        "勤快": 2, "嘴甜": 2, "嘴也甜": 2,  # round twenty-five: "小孙人勤快 嘴也甜 我们老两口都喜欢她"
    },
    "subscribe": {
        "订阅": 3, "想订阅": 3.5, "要订阅": 3.5, "恢复推送": 4, "还是订阅": 4.5, "重新订阅": 3.5, "打开推送": 3, "开启推送": 3, "接收推送": 3, "开启消息": 2.5,  # 想订阅: round thirty-one, not 想订 (a booking)
        "消息提醒": 1.5, "推送": 1, "发给我": 2, "关注": 2, "再给我发": 3, "还给我发": 3, "接着发": 2.5,
        "继续发": 2.5, "想再收": 3, "还想收": 3, "又想看": 4, "又想收": 4, "想收": 2, "再给我打开": 3, "给我打开": 2.5, "重新开": 2.5,
        "还是推给我": 3.5, "还是发给我": 3.5, "接着收": 3, "继续收": 3,  # round seventeen
        "给我推": 2.5, "推给我": 2.5, "还给我推": 3, "给我恢复": 3, "恢复一下": 2.5,
        "给我订上": 4, "再订上": 4, "重新订上": 4, "订回来": 3.5,  # round twenty-eight: "不会把我退订了吧 再给我订上"
        "别不给我发": 5, "别不发": 4.5, "不是不想收": 4.5,  # a no said twice over
    },
    "unsubscribe": {
        "退订": 3.5, "取消订阅": 4, "取消推送": 4, "取消关注": 4, "关闭通知": 3.5, "不要再发": 3.5, "别再发": 3.5, "别发了": 3.5, "不要发了": 3.5,
        "关闭推送": 3.5, "关掉推送": 3.5, "不想收": 3, "屏蔽": 2.5, "td": 3, "烦死了": 0.9,  # round thirty-five: below MIN_VOTES, alone it is any annoyance ("又在吵架 … 烦死了")
        "不用给我发": 3.5, "不要给我发": 3.5, "别给我发": 3.5,  # "甭给俺发了" once clean-up has read it
        "别再推": 3.5, "不要再推": 3.5, "别推了": 3,
    },
    "broadcast": {
        "群发个通知": 4.5, "群发一条": 4, "群发给": 4.5,  # staff, whatever the notice is about
        "群发": 3.5, "广播": 3.5, "发通知": 3, "发个通知": 3, "发条通知": 3, "通知一下": 2.5, "通知全体": 3, "通知所有": 3, "通知大家": 3,
        "公告": 2.5, "发布公告": 3.5,
    },
    "affirm": {
        "是": 1.2, "是的": 2, "对": 1.2, "对的": 2, "好": 1.2, "好的": 2, "好嘞": 2, "好吧": 1.5, "好好": 2, "妥妥的": 2, "行": 1.2,
        "可以": 1.5, "可以的": 2, "嗯": 1.2, "恩": 1.2, "确认": 1.5, "没错": 2, "没问题": 2, "就这样": 2, "就这么定了": 2.5,
        "要得": 2, "中": 1.2, "ok": 2, "okay": 2, "确定": 2, "行吧": 1.5, "那好": 1.5, "那行": 1.5, "同意": 2,
        "当然": 1.5, "成": 1.2, "好滴": 2, "对头": 2, "没毛病": 2, "我同意": 2.5, "愿意": 2, "我愿意": 2.5,
        # northern and south-western yeses, and agreeing to a plan
        "得嘞": 2, "妥了": 2, "妥": 1.2, "要的": 2, "没得问题": 2, "没有问题": 2, "阔以": 2, "就这么办": 2.5, "就这么着": 2.5,
        "就这样吧": 2, "那就这样": 2, "那就这么办": 2.5, "就照这个": 2,
        # taking in what the bot said
        "知道了": 1.5, "晓得了": 1.5, "明白了": 1.5, "懂了": 1.5,
        # round twenty-eight: a yes asked back ("可不是嘛", "那还用说吗 当然要", "怎么不是", "我没有不同意")
        "也行": 2, "也行吧": 2, "也可以": 2, "也成": 2,  # round thirty-two: a yes without fuss ("也行吧")
        "可不是": 2.5, "可不是嘛": 3, "可不嘛": 2.5, "那可不": 2.5, "那还用说": 3, "还用说": 2.5, "当然要": 2,
        "怎么不是": 3, "是我本人": 3, "是我发的": 3, "没有不同意": 3.5, "没不同意": 3.5, "我没有不同意": 3.5, "我没不同意": 3.5, "不是不同意": 3.5,
    },
    "deny": {
        "先别发": 2.5, "先不发": 2.5, "先别": 1.5,  # round seventeen: not yet, to the bot's "发出去吗？"
        "没": 1.2,  # round thirty-three: Cantonese 冇, cleaned to 没, said alone
        "不用评价": 4, "不想评价": 4, "不要评价": 4, "不评了": 4, "不用打分": 4, "不打分了": 4,  # round twenty-five
        "那可不对": 2.5, "算咯": 2,  # 咯 for 了
        # round twenty-nine: a no said twice, a no that only asks, dialect ("不用不用 我好好的", "不需要叫人 我就是问问", "算球")
        # round thirty: undo, as a newcomer says it ("点错了", "返回", "上一步", "不弄了", "手滑了")
        "点错了": 2.5, "返回": 2.5, "上一步": 2.5, "回到上一步": 3, "重新来": 2.5, "不弄了": 2.5, "退回去": 2.5,
        "退出": 2, "不想弄了": 2.5, "手滑了": 2.5,
        "我就是问": 3, "随便问": 3, "只是问": 3, "不需要叫人": 3, "我好好的": 2,  # 问问 as clean-up leaves it
        "不合适": 2.5, "算球": 2, "否": 1.5,
        "不是": 2, "不对": 2, "不用": 1.5, "不用了": 2, "不要": 1.5, "不行": 2, "算了": 2, "算了吧": 2, "没有": 1.2,
        "没有了": 2, "错了": 2, "不需要": 1.5, "别了": 1.5, "不同意": 2, "不可以": 2, "我自己来": 1.5, "不必了": 2,
        "不了": 1.5, "我不同意": 3, "别搞了": 2, "不搞了": 2, "不愿意": 2.5, "我不愿意": 3, "还是算了": 2.5,
        # dialect noes (Henan 不中, Sichuan 不得行/要不得, Wu 不消, northern 甭/拉倒) and waving it off
        "不": 1.5, "免了": 2, "拉倒": 2, "拉倒吧": 2, "不必": 1.5, "用不着": 2, "不消": 1.5, "不消了": 2,
        "要不得": 2, "不中": 2, "不得行": 2, "不成": 1.5, "不麻烦了": 1.5, "别": 1.5,
        # not now: put off rather than refused, still a no to what was asked
        "先不用": 2, "先不要": 2, "暂时不用": 2, "暂时不需要": 2, "再说吧": 1.5, "以后再说": 2, "过两天再说": 2,
        "下次吧": 2, "下回吧": 2, "下次再说": 2,
    },
    # Off-topic subjects: they vote for "unknown" so that a stray cue word in
    # small talk ("天气不错") does not turn it into a command.
    "unknown": {
        # round nineteen: thanks said for their own sake ("这次不找你们办事 就是来说声谢谢")
        "手环": 2, "步数": 2, "走八千步": 3,  # round twenty-nine: a bank's interest, a step counter
        "说声谢谢": 3.5, "说一声谢谢": 3.5, "道个谢": 3.5, "道声谢": 3.5, "好人有好报": 2.5,
        # round twenty-three: the bank's accounts are not a bank's ("我家银行卡鱼额咋查 工行的", "退休金到帐没"), nor is
        # the clock asked the bot's business ("几点了 手机上的时间好像不准")
        "银行卡余额": 4, "卡里余额": 3.5, "卡上余额": 3.5, "银行卡密码": 4, "退休金": 3, "养老金": 2,  # 养老金认证 is an errand "几点了": 2.5,
        "现在几点": 2.5,
        # round seventeen: opening hours or customs asked ("请问社区医院周末开门吗", "冬至到底该吃饺子还是汤圆")
        "该吃": 3, "开门吗": 3, "几点开门": 3, "几点关门": 3, "几度": 3, "开不开门": 3, "营业吗": 3,
        "有没有人知道": 3, "有没有人晓得": 3, "谁知道": 2,
        "什么都贵": 3, "都涨价": 3, "钓鱼": 2.5, "晴天": 1.5,  # prices and pastimes, told
        "天气": 2.5, "下雨": 2, "气温": 2, "降温": 2, "笑话": 2.5, "讲故事": 2, "唱歌": 2, "新闻": 2, "股票": 2,
        "彩票": 2, "机器人": 2, "你叫什么": 2, "血压": 1.5, "几点下班": 2, "几号": 1.5, "星期几": 2,
        "几点": 1, "吃了吗": 2, "吃了没": 2, "心情": 2.5, "身体还": 2.5, "退休证": 2.5, "老年证": 2.5, "办证": 1.5,
        # round fourteen: when a shop or an event opens is news, not an errand ("超市几点关门", "今晚广场舞几点
        # 开始"); so are the market's prices, the cold, a song
        "开门没": 2, "关门没": 2, "营业时间": 2.5, "几点营业": 2.5, "广场舞": 2,
        "多少钱一斤": 3, "一斤多少钱": 3, "菜价": 2.5, "冷不冷": 2.5, "热不热": 2.5, "天冷了": 2, "冷得很": 2,
        "二人转": 2.5, "唱个": 2, "巴适": 2,
        "真好用": 2.5, "挺好用": 2.5, "很好用": 2.5,  # round fifteen: a new phone praised
        # round twenty-five: money that is not credits ("帮我把微信零钱转给我闺女", "人民币换美元现在多少钱")
        "微信零钱": 4.5, "微信红包": 4.5, "支付宝": 3.5, "美元": 3, "美金": 3, "汇率": 3, "外币": 3,
    },
}

# What the writer says they are not asking for casts no vote: "不是要取消原来那个 是想再约一次",
# "我不是要注册 就想先问问", "我没说要取消", "也别转给我儿子". Not 是不是, which asks.
DISOWNED_BEFORE = r"(?<!是)不是(要|想|说要)?(人来|找人|请人)?$|没说(要|想)?$|不想$|(?<![再])别(?:给我|帮我|替我)?$|不要$"
# ... nor what they will do later ("明天还有任务67 到时候再签到")
DISOWNED_BEFORE += r"|到时候再?$|回头再$|等会儿?再$|等下再$"
# ... nor what they meant to before they thought again ("我本来想再约一个打扫的 想了想还是算了")
DISOWNED_BEFORE += r"|(?:本来|原本)(?:是)?$"
# ... nor what they will not do yet ("先不报名 我想问问存的时间以后能取出来用吗")
DISOWNED_BEFORE += r"|先不$"
# ... with what they meant to do between ("我本来是想查一下余额的 哎不对 先说正事 …")
DISOWNED_BEFORE += r"|(?:本来|原本)(?:是)?(?:想|要|打算)[^ ]{0,3}$"
# Round twenty-eight: ... nor what they never said or fear was done ("我哪说过要转账了", "不会把我退订了吧")
DISOWNED_BEFORE += r"|(?:哪|哪里|哪儿|什么时候|啥时候)说过(?:要|想)?$|没说过(?:要|想)?$|没(?:想|打算)(?:要)?$|不会(?:把|给|被)[^ ]{0,6}$"
# Round thirty-one: a no taken back at once by its own yes ("不对 哦 对对对 是的", "不行 行 就这样")
TAKEN_BACK_NO = r"不(对|是|行)(?= \1)"
# ... and a no before the speaker says again what they meant ("今天天气 哦不对 我是想问明天下不下雨")
MEANT_AFTER_A_NO = r" (?:我是|我)(?:想问|想说|要问|要说|说的是|想|问|说|要)"
# Round thirty-one: ... nor what a 不 opening its clause refuses ("取消 不对不对 不取消 我是想看看进度")
DISOWNED_BEFORE += r"|(?:^| )不$"
# Round twenty-one: what the writer puts off after naming it ("余额的事回头再说", "公益池的以后再说"): its words
# weigh as little as someone else's.
PUT_OFF_AFTER = r"[^ ]{0,3}?的?(事|事情)?(回头|以后|改天|下次|等会儿?|过两天|晚点|先不)再?(说|讲|弄|查|办)"
PUT_OFF_AFTER += r"|(不用|不必|先不|不)(看|查)了?(?= |$)"  # round twenty-five: "余额不用看 给我看下流水"
# Round twenty-two: ... and what is only the condition of the ask ("上门理发收钱吗 不收钱的话我想约一个").
CONDITION_AFTER = r"[^ ]{0,4}的话"
# ... and what they give up for another thing in the next breath ("我想先捐一点给公益池 算了算了 还是先转给我外婆吧",
# "… 哎不对 先说正事 …"): the words before weigh as little, when an intent word follows.
GIVEN_UP_FOR = r"(?:^| )(?:哎呀|哎|唉|哦|呃)?(?:算了算了|算了|不对不对|不对|不用了)(?: |$)(?:还是|先说正事|先说)?|(?:^|(?<![吗呢么嘛]) )(?:还是|先说正事)"  # not the other half of a question ("她能直接用吗 还是得转给她")
# Round thirty-one: ... and a slip put right in a clause of its own ("签到 哦不 签退 #45", "退订 哦不 我是想订阅",
# "好的 哦不 不用了"; clean-up drops the 哦).
GIVEN_UP_FOR += r"|(?:^| )(?:不是|不|说错了|搞错了|讲错了|错了|按错了|点错了|打错了|口误)(?= [^ ])"
# What someone else wants or did, told as the reason for what the writer asks ("转给我外婆 四个时间币 她要请人
# 洗澡" is a transfer; "老李说他把时间币都捐给公益池了 … 我就想看看自己攒了多少" asks the balance): the intent
# words after it in its clause weigh less. Not 帮她把, 给他, which are the writer's own act for them.
SOMEONE_ELSE_TOLD = (r"(?<![帮给替让叫])(他|她|人家|老奶奶|老爷爷|老太太|老爷子|老人家)(说)?(要|想|把|已经|也|都|需要)[^ ]*$"
                     # round seventeen: someone else's habit ("她这两个月天天找人帮忙 …")
                     r"|(?<![帮给替让叫我])(他|她|人家)[^ ]{0,6}(天天|经常|老是|总是|每天)[^ ]*$"
                     # ... and a stranger's need told right before its words ("有个老奶奶要人陪着去医院复查的")
                     r"|(老奶奶|老爷爷|老太太|老爷子|老人家)$"
                     # ... and what the writer asks for in the end, given as the purpose of the ask ("能不能也给我注册一个
                     # 以后好找人帮忙")
                     r"|(以后好|以后方便|好让|方便以后|以便)[^ ]{0,2}$"
                     # round twenty-one: "想转给俺女儿 让她以后请人帮忙"
                     r"|让(她|他)[^ ]{0,4}$"  # ... "让她下周陪诊用"
                     # round seventeen: a verdict passed on by a volunteer ("#61 做完了 老人家说很满意")
                     r"|(?<![我俺])(老人家|老人|老太太|老爷子|大爷|大妈|阿姨|他|她|人家)(也|都)?说$"
                     # round twenty: family who will do it themselves ("陪诊不用约了 我儿子回来陪我去")
                     r"|(?<![帮给替让叫])(儿子|女儿|闺女|孙子|孙女|老伴|家里人)[^ 我]{0,3}(回来|自己|会来|来)[^ 我]{0,2}$")

# Earlier times: a request or a service told in their clause weighs less (told_before.py).
EARLIER_TIMES = ("上回", "上次", "上一次", "以前", "之前", "去年", "前年", "上个月", "上个礼拜", "上礼拜", "上周",
                 "昨天", "昨晚", "前天", "大前天",
                 "上个星期", "上星期", "前几天", "前些天", "那次", "那回", "年轻时候", "年轻的时候",
                 "原先", "原来约", "原来的", "本来约")  # round eighteen: what was booked before a change
# ... and the words that come back from them to now: a time to come, a day named, a wish.
BACK_TO_NOW = ("这回", "这次", "现在", "如今", "今天", "这下", "明天", "后天", "下周", "下礼拜", "下星期", "下个",
               "号", "礼拜", "星期", "周", "想", "今年",
               "那就", "还是",  # round eighteen: a choice settled is of now ("… 上回她帮了我一个多钟头呢 | 那就送一个小时")
               # round seventeen: a question of now about what was done ("上礼拜转给我妈那2个时间币 | 记录在哪看")
               "在哪看", "在哪查", "哪里看", "哪里查", "怎么查", "怎么看", "查一下", "查下",
               # round twenty-seven: an ask of now after a story of years ("…老周去年搬到他女儿那去了 … 能不能找个会下象棋的
               # 来陪他下两盘 | 两个小时就行")
               "能不能", "可不可以", "能否")
# Round nineteen: and a score given now ("陪我聊我以前当兵的事 他听得可认真了 | 打5分").
SCORE_GIVEN = r"(打|给)[^ ]{0,3}[1-5一二三四五]\s*(分|星|颗星)"

# Round eighteen: a clause that tells a thing done ("原来约的25号理发我已经取消了 | 想重新约一个",
# "礼拜一陪诊已经去过了 | 礼拜三还得去", "志愿者已经签退走了 | 给他打个五星") is told, as one of an earlier
# time is, though the clauses after it are not.
RELATIVE_DAYS_OF_TODAY = ("今天", "今日")  # 今早, 今晚 and 今儿 are 今天… once cleaned
DONE_TOLD = r"已经|早就|早已|(?<![不没])[查去看约买做修弄办交取装来捐转签]过了|[修买做弄办交取装]好了"
DONE_TOLD += r"|(?<![要想能好得就])(取消|注册|签退|捐|转|兑换)(了|过)(?![吧吗])"  # "我闺女给我注册了 | …还没整明白"
# Round nineteen: who the writer is, told by what they asked or took ("我是明天要人陪我去医院的那个陈奶奶", "我是接了
# 单号46的志愿者"): a description, not the ask.
DONE_TOLD += r"|我是[^ ]{1,14}的(那个|那位)|我是[^ ]{1,10}的志愿者"

# What the writer, or their family, will do themselves ("我周四要去医院复查", "我女儿会陪我", "那个我自己能办"),
# and what they put off or put aside: beside a clause that asks, its day and service are not the request's
# (own_plans.py).
# Not "我妈后天要去复查": the one going there is the one the request is for.
OWN_PLANS = (r"我[^ 妈爸婆公奶爷娘爹伴儿女孙姥舅姑叔伯]{0,8}(要去|得去|会去|要出去|自己去|自己能|自己会|自己可以)"
             r"|(以后|之后|回头|下次|下回|改天)再说"  # put off, not asked: "我下礼拜一要去住院 出院以后再说 …"
             # a day put aside: "今天不用了 明天早上八点再来帮我买菜"
             r"|(今天|明天|后天|今晚|明晚|上午|下午|晚上|周.|礼拜.|星期.)[^ ]{0,6}(不用了|不行|没空|不方便|不在家|有事|有活动)"
             r"|不要(今天|明天|后天|上午|下午|晚上|周.|礼拜.|星期.)"  # "他说不要周一 周二下午吧"
             r"|我[^ ]{0,8}在医院"  # the writer's own vigil ("我老伴住院了我在医院陪床", "17号我一整天都在医院")
             # round seventeen: family coming over ("我两个孙儿礼拜六要来吃饭 | 礼拜五下午帮我去买点肉和菜")
             r"|(孙儿|孙子|孙女|孩子们|孩子|儿子|女儿|闺女|儿女|小辈|亲戚|外孙)[^ ]{0,6}要(来|回来|过来)"
             # ... and whoever helps going away ("保姆下周一回老家了要走半个月")
             r"|(保姆|护工|儿子|女儿|闺女|老伴|家里人)[^ ]{0,6}(回老家|出差|出远门|不在家|要走)"
             # ... and the one the request is for, going elsewhere ("她下周一要去我姑家吃喜酒 … 这个周日上午来吧")
             r"|(?<![^ ])(她|他)[^ ]{0,8}(要去|得去|会去|要出去)"
             r"|(女儿|儿子|闺女|姑娘|老伴|孩子|媳妇|女婿|家里人|孙子|孙女|外孙)[^ ]{0,6}(会|要|能)(陪|带|送|接|帮|给)我")

# A short answer said with a sentence-final particle ("好呀", "是滴", "行嘞", "不用啦") is the same answer:
# every affirm and deny word of up to two characters gets these endings, with at least a clear cue's weight.
ANSWER_PARTICLES = ("呀", "啊", "哇", "呐", "哪", "呢", "嘞", "咧", "滴", "哈", "嘛", "啦", "哦", "喔", "额", "咯")  # 额: Wu


def _with_particles(answers: dict[str, float]) -> dict[str, float]:
    said = {word + particle: max(weight, 2)
            for word, weight in answers.items()
            if len(word) <= 2 and not word.isascii() and word[-1] not in ANSWER_PARTICLES
            for particle in ANSWER_PARTICLES}
    return said | answers  # a word already listed keeps its own weight


INTENT_CUES["affirm"] = _with_particles(INTENT_CUES["affirm"])
INTENT_CUES["deny"] = _with_particles(INTENT_CUES["deny"])

# Phrasings with a gap. Matched anywhere (no word-boundary check).
# The elders a son or daughter acts for, in the words they call them by.
ELDER_RELATIVES = ("姆妈|阿婆|阿公|老豆|老爸|老妈|父母|父亲|母亲|爷爷|奶奶|外公|外婆|姥姥|姥爷|老人|公公|婆婆|岳父|岳母|老爹|老娘|"
                   "老爷子|老太太|老丈人|丈人|丈母娘|舅舅|姑姑|叔叔|伯伯|爸爸|妈妈|爸|妈|爹|娘")

# "…想重新收你们的活动通知 好给我mm报名": what a cue after these is for, the reason of what was asked (round twenty-five)
PURPOSE_BEFORE = r"(?:(?<![最好])好|以便|为了|方便)$"
# Round thirty-five: ... and a question asked in passing after the ask ("麻烦找个志愿者陪她 顺便问一下陪诊一次扣几个时间币")
PURPOSE_BEFORE += r"|顺便(问|说|提)(一下|下|问)?[^ ]{0,10}$"
# A notice word after these is the bot's notices complained of, not one asked for ("半夜还发通知 … 别发了").
NOTICES_COMPLAINED_OF_BEFORE = ("还", "又", "老", "总", "总是", "老是", "天天", "一直", "整天", "成天")
# The groups a notice goes to, as staff name them (round twenty-five).
BROADCAST_GROUPS = "老人|老年人|长者|志愿者|义工|会员|居民|住户|老同志|爷爷奶奶|大家|每个人|青年志愿者|独居老人|用户|家属"

INTENT_PATTERNS: dict[str, dict[str, float]] = {
    "help": {
        r"怎么(签到|签退|接单|下单|转账|兑换|评价|打分)(啊|呀|呢)?(?= |$)": 4.5,  # round thirty-six: "志愿者怎么签退啊"
        r"(这里面?|这个|你们这个?|这儿)[^ ]{0,2}(都)?(能|可以)(办|做|干)点?(哪些|什么|啥)(事|事情)?": 4,  # "你们这个能干点啥"
        # round thirty-two: where to tap, and what the bot can do ("找不到发需求的地方 能不能告诉我在哪", "想请教一下 这里面都能办哪些事情")
        r"找不到[^ ]{0,6}的(地方|入口|按钮|地儿)": 4.5,
        r"(这里面?|这个|你们这|这儿)[^ ]{0,2}(都)?(能|可以)(办|做|干)(哪些|什么|啥)(事|事情)?": 4,
        r"^早(啊|呀|安|上好)?$": 3,  # round twenty-nine: "早" said alone is a greeting, not the morning
        r"(接单|签到|签退|下单|兑换|转账)[^ ]{0,2}(怎么|如何)(操作|弄|用|办)": 4.5,  # round twenty-five: "接单怎么操作啊"
        r"(链接|网页|页面)[^ ]{0,2}(点不开|打不开)": 4,  # round twenty-five: "报名链接我点不开 怎么弄"
        # round twenty-five: what to do next, asked by a newcomer ("服务完了接下来要干啥")
        r"(接下来|下一步)[^ ]{0,2}(要|该|得)?(干什么|做什么|怎么弄|怎么办|怎么做)": 3.5,
        # round twenty-two: "群发在哪里操作啊 找不到入口"
        r"(群发|广播|发通知)[^ ]{0,2}(在哪|怎么|如何)(里|儿)?(操作|弄|用|点|发)": 5,
        # round twenty-one: where in the menu ("我想发个需求 从哪里点进去啊")
        r"从哪(里|儿)?(点|进|找到?)": 4,  # not "积分商城在哪里进", which is the shop
        r"怎么说[^ ]{0,4}(听得懂|听懂|能懂|才懂)": 4,  # round twenty-three: "预约的时候时间要怎么说它才听得懂"
        r"找(了)?半天[^ ]{0,2}(没|冇)找到": 4,  # ... and where to tap ("怎么给志愿者打分啊 找半天冇找到")
        r"在哪(里|儿)?点": 4,  # round twenty-four: "签到在哪里点 我咋没看到", "我想找人陪我 但是不知道在哪里点"
        r"的话[^ ]{0,2}(在|从)?(哪里|哪儿|哪)点": 4,  # round nineteen: "要找人帮忙的话在哪里点"
        r"(在哪里?|在哪儿|从哪)(发|点|提交|操作)的": 3.5,  # where in the app: "请问发需求是在哪里发的"
        r"(怎么|咋)在这(上面|里面?)(约|发|找|弄|下单)": 4,  # how to use the bot itself
        r"怎么(?!还没|还不)(?!.还没).{0,2}(发(?!语音|微信|视频|照片|图片|红包|消息|短信)|提交|填|下单|预约|找人|找志愿者|叫人|接单|签到|兑换)": 3.5,
        r"(这个|这|公众号).{0,4}怎么(用|使用|弄|操作)": 3,
        r"(有|提供)(什么|哪些)服务": 2.5,
        # round twenty: how to put up a parent's need from afar ("怎么帮屋里老人发需求啊"), the bot asked to teach
        r"怎么[^ ]{3,8}(发|下|提)(需求|单|订单)": 3.5,
        r"(^| )(你|您)(们)?教(一下|下)?我(吧|啊|呀|哈)?$": 3,
        r"(在哪|哪里|哪儿|怎么)(能|可以|去)?(改|修改|更改)": 3,  # where a setting is changed
        # round twenty-nine: "在哪里能指定志愿者啊 我点了半天找不到", "怎么在这里面改我妈的紧急联系人电话"
        r"在哪(里|儿)?(能|可以)?(指定|设置|设|填|找到)": 4.5,
        r"(菜单|目录)[^ ]{0,6}(发|给)": 5,  # round thirty: "把菜单再给我发一遍"
        r"怎么[^ ]{0,5}(改|修改|更改|设置)[^ ]{0,8}(电话|手机号|联系人|名字|地址|密码)": 4,
    },
    "about": {
        # round thirty-six: how time counts, and a transfer taken back ("时间币还按整个时长算吗", "转给别人的时间币还能要回来吗")
        r"按[^ ]{0,6}(算|计)(吗|不|么)": 4.5,
        r"(转|送)(给|出去)[^ ]{0,6}(还能|能不能|可以)(要回来|退回|拿回|撤回)": 5,
        r"(时间币|币)[^ ]{0,3}(是)?怎么(扣|算|收)的(?! ?[^ ]{0,8}(记录|明细|流水))": 4.5,  # round thirty-five: "我请人帮我买菜 我的时间币是怎么扣的"
        # round thirty-four: what a rating does, when service time starts, what joining asks of one, who may join, and what
        # saved time will buy in old age ("评价会影响志愿者拿时间币吗", "服务时间是从几点开始算", "加入了是不是每个月都得去
        # 服务啊", "没钱也能加入吗 我是低保户", "等我自己老了真能换到服务吗")
        r"(评价|差评|好评|打分)[^ ]{0,4}(会|会不会)?影响": 4.5,
        r"从几点开始算|(服务)?时间(是)?怎么算": 4.5,
        r"加入(了|以后|之后)[^ ]{0,4}(是不是|要不要|得|必须)": 4.5,
        r"(没钱|低保|残疾|没文化|不识字)[^ ]{0,6}(也)?(能|可以)(加入|参加|注册)": 4.5,
        r"(老了|以后|将来)[^ ]{0,4}(真|真的)?能(换|用|兑)[^ ]{0,6}(吗|不|么|没)": 4.5,
        # round thirty-three: the survey's asks in members' words: an emergency plan, one standard for every hour, the
        # volunteers' training, what a rating does ("有没有应急预案啊", "跟陪人聊天一个钟头都算一样多吗", "理发二十分钟也算
        # 一小时吗", "陪诊的志愿者都是经过培训的吗", "评价有啥用 给了差评志愿者会被处理吗")
        r"应急预案|预案": 4,
        r"(算|记)(得)?一样(多)?(吗|不|么)|一样(算|记)吗|也算(一|1)?个?(小时|钟头)吗|算几个(小时|钟头)|不太?公平": 4.5,
        r"(志愿者|他们)[^ ]{0,6}((经过|受过)[^ ]{0,2}培训|培训过)的?(吗|没有|不)": 4.5,
        r"评价有(啥|什么)用|差评[^ ]{0,8}(会|会不会)[^ ]{0,4}(处理|处罚|扣|批评)": 4.5,
        # round thirty-two: credits borrowed ahead ("时间币能不能先借点 我不够了 可以透支吗")
        r"透支|预支|(时间币|时间|币)[^ ]{0,4}借|借(点|些|一点|几个)(时间币|时间|币)": 4,
        # round thirty-two: what counts as a service, and earns ("她帮别人缝补衣服算不算服务 能不能记时间币")
        r"算不算(服务|志愿服务|时间|时长)|(能不能|能否|可不可以|能|可以)(记|算|给)(时间币|时间|时长)|(记|算)不(记|算)(时间币|时间|时长)": 4.5,
        # round thirty-one: the bank's rules for what a volunteer does ("志愿者接单有什么规则")
        r"(有什么|有啥|有哪些|都有什么)(规则|规定|规矩|讲究|要求)": 4,
        # round twenty-seven: the bank on holidays ("过年你们放假不 放假了还能发需求吗", "清明放假那几天还有志愿者接单吗", "你们服务站
        # 哪几天关门")
        r"(你们|服务站|时间银行)[^ ]{0,6}(放假|关门|开门|休息)": 4.5,
        r"(放假|过节|节假日|过年)[^ ]{0,8}(还能|能不能|还有|有没有|是不是)[^ ]{0,8}(需求|接单|志愿者|服务|发|处理)": 4.5,
        # round twenty-seven: newcomers' doubts and questions ("是不是传销 拉人头那种", "你们是哪个单位搞的", "出了事找谁", "那个
        # 时间怎么存 存在哪", "人家帮我 我拿啥还人家", "那时间能干啥", "跟工商银行有关系没")
        r"(时间|时间币)[^ ]{0,2}能(干|做)什么": 4,  # not "时间币能换什么东西": what to spend on
        # round twenty-eight: who may spend what was saved, and when ("我女儿给我存的时间 我瘫在床上的老伴能不能用", "存的时间币能不能
        # 留着 等我以后瘫了再用"); the rules for some ("残疾人参加时间银行有什么规定吗"); a fee asked back ("难道取消了还要扣时间币吗")
        # round thirty-one: and for whom, far away ("我在深圳做志愿者攒的时间 能给南昌的爸妈用吗")
        r"(存|攒|挣|赚)的(时间币?|币|小时)?.{0,16}((能不能|能否|可不可以)[^ ]{0,10}(用|留)|(能|可以)[^ ]{0,10}(用|留着)(吗|不|么))": 4.5,
        r"有(什么|啥|哪些)(规定|要求|条件|限制)": 4,
        # round twenty-nine: volunteers chosen, vetted, insured and ranked, and what the bank would do ("派志愿者是按什么派的",
        # "上门的志愿者有没有经过培训", "三星志愿者跟一星的有啥区别", "能升二星", "有没有保险", "你们会派人上门去看吗", "老人打120去
        # 医院的时候会有志愿者陪着吗", "志愿者做这种事有时间币拿吗", "为啥陪诊跟擦窗户都算一个小时", "捐到公益池的时间 最后都给谁用了")
        r"(按|根据|凭)(什么|啥)(派|分|排|算|定)": 4.5,
        # round thirty: a newcomer's questions of the rules ("签到是啥意思", "志愿者上门前都得签到吗", "公益池里的时间是哪来的", "取消
        # 预约要扣时间币吗", "签退以后时间币多久能到账", "下雨天上门有没有额外的时间补贴")
        r"(签到|签退|打卡)[^ ]{0,4}(是啥意思|是什么意思|什么意思|是什么规矩|是个什么规矩|什么规矩|是怎么回事|怎么回事|是干什么的|干什么用的)": 5.5,
        r"(都得|都要|要|得)签(到|退)吗": 4,
        r"公益池[^ ]{0,4}(是)?哪(里|儿)?来的|谁能用": 4.5,
        r"要扣[^ ]{0,4}(时间币|币|时间|小时)[^ ]{0,2}(吗|不|么)": 5.5,
        r"(时间币|币|时间)[^ ]{0,4}多久(能|才能|会)?到账": 5,
        r"(额外|另外)的?(时间)?补贴": 4,
        r"(经过|受过|参加过|有没有|有没|都)[^ ]{0,2}培训(过)?(吗|没有|没|啊|吧|？|\?|$| )": 4.5,
        r"[一二三四五1-5]星(志愿者|级)|升[一二三四五几1-5]?星": 4.5,  # not one's own ("我现在是几星志愿者啊")
        r"[一二三四五几1-5]星[^ ]{0,5}(跟|和|与|比)[^ ]{0,3}[一二三四五几1-5]星": 6,  # stars compared, not given
        r"(有没有|有没|有)(保险|意外险)|保险(谁|怎么)": 4.5,
        r"会(有|派|安排)(志愿者|人|个人)?[^ ]{0,6}(陪|来|上门|去看|去|帮)[^ ]{0,6}吗": 4,
        r"有(没有)?时间币(拿|给|算)?(吗|不|没有)|(给|算)不给?时间币": 4,
        r"(为啥|为什么|凭什么|咋)[^ ]{0,12}(都算|一样算|算一样|算得一样)": 4.5,
        r"(捐|公益池).{0,12}(给谁用|谁用了|用到哪|怎么用的|用在哪)": 4.5,
        r"有(没有)?证(吗|没有|不|书吗)": 3,
        r"(还要|还得|会不会|要不要|也要|会)扣[^ ]{0,4}(时间币|币|时间|小时)": 4.5,
        r"(拿什么|拿啥|用什么)还(人家|他们|别人)": 4,
        r"(跟|和)[^ ]{0,4}银行有(关系|关联)": 4,
        r"^(你们|这个|这)?[^ ]{0,4}(是不是|是)骗子": 3.5,  # of the bank, first; not a scam told of ("…是不是骗子")
        # round twenty-five: a rule a notice announced ("通知里说的公益池是什么", "兑换规则改了 改成啥样了", "忘了签退咋办 时间还算不算",
        # "最多能转多少")
        r"(公益池|时间币|兑换规则|积分规则|规则|新规)[^ ]{0,4}(是什么|是啥|什么意思|改成|怎么改|改了|是干什么|是做什么|是干嘛)": 4.5,
        r"(忘了|忘记|没)(签到|签退)[^ ]{0,4} ?[^ ]{0,6}(怎么办|算不算|还算)": 5,
        r"最多(能|可以)(转|捐|换|存)多少": 4,
        # round twenty-five: what a service costs in credits ("请人来助浴一次要花几个小时的币", "上门打扫两个钟头 要扣我几个币"),
        # not what was spent ("扣了我几个币"); credits saved at one branch spent at another (通存通兑); what ratings
        # bring ("好评多了能多给时间币吗", "五星志愿者有什么好处"); how certificates are given; what credits are at all
        r"(花|扣|收|算)[^ 了]{0,3}(几个|多少个?)[^ ]{0,4}(币|时间币)": 4.5,  # not "换一箱牛奶 要几个时间币": a price
        r"(站|站点|服务站|社区|网点)[^ ]{0,2}存的.{0,14}(站|站点|服务站|社区|网点)[^ ]{0,3}(能不能|能|可以|可不可以)?(用|兑|花|认)": 4.5,
        r"(好评|五星|差评|评价|星级)(多了|少了|多的|高的|多)?[^ ]{0,3}(能|会)[^ ]{0,2}(多给|少给|多拿|多得|多加|加|扣)": 4.5,
        r"(五星|星级|好评)[^ ]{0,6}有(什么|哪些)(好处|用|奖励)": 4.5,
        r"(证书|奖状|荣誉)[^ ]{0,3}(是)?怎么(发|评|拿|领|给)": 4.5,
        r"(时间币|时间银行|积分) ?(是|到底是|又是)?(什么东西|什么玩意|什么来的)": 4,
        # round twenty-three: the rules asked of credits years on, of a bad rating, of choosing a volunteer
        # ("十年以后还能兑出来给自己用吗", "给了差评志愿者会扣时间币吗", "能不能指定志愿者")
        r"(以后|将来|老了)[^ ]{0,6}(还能|能不能|可不可以|还可以)[^ ]{0,6}(用|兑|换)": 4,
        r"会(不会)?(扣|减|少)[^ ]{0,4}(时间币|积分|时间|币|分)": 4,
        r"(能不能|可不可以|可以|能)指定": 4,
        # round twenty-four: how credits are earned and levels given ("做一个小时的志愿能换几个币", "星级志愿者是怎么评的")
        r"(能|可以)换(几|多少)个?(币|时间币)": 4, r"(星级|等级|级别)[^ ]{0,6}怎么(评|算|定)": 4,
        # round twenty-two: "半个钟头的服务算0.5个币还是1个币"
        r"算[^ ]{0,6}(币|时间币|小时)还是": 4,
        # round twenty-one: credits left to one's children, asked ("俺走了以后存的时间必能留给伢崽么", "时间币能不能留给我儿子以后用")
        r"(存的|攒的|挣的)?(时间币|时间|小时)[^ ]{0,4}(能不能|能|可以|可不可以|必能)留给": 4.5,
        r"(平台|你们|这个)[^ ]{0,4}(不搞了|倒闭|黄了|不办了|散了|没了).{0,30}(怎么办|咋办)": 4.5,  # what if the bank closes
        r"(能|可以|可不可以)(开|出|给)[^ ]{0,6}(证明|证书)(吗|么|不)": 4,  # a certificate of hours, asked
        r"有没有(什么)?(规定|规矩|限制)": 4,  # "志愿者接单有没有什么规定"
        r"(公益池|捐)[^ ]{0,6}(给谁用|谁用|用在哪|用到哪)": 4.5,  # "公益池里的时间是给谁用的"
        # round nineteen: what one's papers or number are wanted for ("你们要我身份证照片干嘛")
        r"(要|拿|收)我?的?(身份证|电话|手机号|信息|照片|号码)[^ ]{0,4}(干什么|做什么|有什么用|为什么)": 4,
        r"(能不能|可不可以|能否).{0,16}(存的|攒的|挣的)(时间|小时|时间币|时长)": 4,  # "…然后存的时间给南昌的爸妈用"
        # ... and the other way round: "他存的时间能不能给我用" (walking timebank dev, it was read as a request)
        r"(存的|攒的|挣的)(时间|小时|时间币|时长)[^ ]{0,4}(能不能|能|可以|可不可以)[^ ]{0,4}给[^ ]{0,6}用": 4,
        # what joining takes, asked ("报名当义工要交押金吗"), not joining
        r"(报名|注册|加入|入会|当志愿者|当义工|做志愿者|做义工)[^ ]{0,4}(要不要|要|需要|得)[^ ]{0,6}(吗|么|不)$": 4,
        # round seventeen: whether credits may go to the family at all, asked of no one in particular
        r"(能不能|可不可以)[^ ]{0,2}(转|送|留|传)给?(家里人|家人|别人|亲戚|朋友|子女|孩子|其他人|儿女)": 4.5,  # round twenty-five
        r"(能|可以|能不能|可不可以)[^ ]{0,2}(转|送|留|传)给?(家里人|家人|别人|亲戚|朋友|子女|孩子|其他人|儿女)[^ ]{0,4}(吗|么|不)$": 4.5,
        # ... and how a case would be counted ("要是服务做到一半取消了 时间币怎么算")
        r"(要是|如果|万一|假如).{0,20}(怎么算|咋算|算不算|怎么处理|扣不扣|退不退|还给不给|算谁的)": 4.5,
        r"(能|可以)(直接)?用(吗|么)? ?还是(得|要|需要|必须)转给": 4.5,  # "她能直接用吗 还是得转给她"
        r"(从|在)[^ ]{0,4}(账上|账户|账里)扣|扣还是": 4,  # whose account a visit is paid from
        r"通不通|能不能通用|通用吗|能通用|互通|两边都能用": 4.5,  # credits across branches (通存通兑)
        r"(要|得|需要)?(扣|收)(几个|多少)(个)?(时间币|小时|钟头)": 4,  # what a visit costs ("请人上门理发要扣几个时间币")
        r"(年龄|年纪|岁数)[^ ]{0,2}(限制|要求)|有什么(条件|要求)": 3.5,  # who may join
        r"(一小时|一个小时|每小时|一个钟头)[^ ]{0,3}(算|换|等于|记)[^ ]{0,2}(一个|几个|多少)?(币|时间币)": 4,  # the rate
        r"(也|能|可以)算(不算)?[^ ]{0,4}(时长|服务时间|工时)(吗|不|么)": 4,  # "做健康咨询也能算服务时长吗"
        r"捐(出去)?的[^ ]{0,6}(给谁|谁用|用在)": 4,  # where donated credits go
        r"(要不要|用不用|需不需要)(交|花|给)钱": 3.5,  # what joining costs
        r"能(攒|存|挣|赚|得|拿)(多少|几个)": 3,
        r"(能|可以|会)?(记|算|挣|赚)(几个|多少)(个)?(时间币|小时|钟头|币)": 4,  # what a visit earns, not joining
        r"(时间币|币)[^ ]{0,3}是[^ ]{0,6}还是": 4,  # "时间币1个是1小时还是半小时"
        r"怎么收(时间币|费|钱)": 3.5,  # "你们这个助浴是怎么收时间币的"
        r"(要|需要|得)(交|花|付)?钱(吗|不|么)": 3.5,
        r"要不要(交|花|付|出)钱|交不交钱": 4,  # "参加时间银行要不要交钱" asks, it does not join
        r"(也|能|可以)?算(不算)?(时间|时间币|积分)(吗|不|么)": 3.5,  # "帮人买菜也算时间吗"
        r"(能|可以)(攒|存|挣|赚|得到).{0,4}(时间|币)": 3,
        r"(时间币|时间银行|积分).{0,4}(怎么|如何|为什么|是什么)": 2,
        r"时间银行.{0,4}(怎么回事|是什么|什么意思|干什么的)": 4,  # not my order's story: the bank's
        r"(时间币|时间银行|积分).{0,2}(有什么用|有啥用|干什么用|能干什么|能做什么)": 3,
        r"怎么(挣|赚|攒|得|拿|换)(到)?(时间币|币|积分)": 3,
        r"(给|算|得)(几个|多少)(时间币|币|积分|小时)": 3,
        r"算(几个|多少)": 2.5,
        r"以后.{0,2}(怎么用|能用|能不能用)": 2,
        r"(以后|老了).{0,4}能使": 2,  # "赶明儿俺老了能使不": 使 is 用 in the north
        r"(要|需要|花|用|扣)多少(时间币|币|时间|小时)": 2.5,
        r"(时间币|时间|积分).{0,8}(可以|能)(不能)?.{0,6}吗": 2.5,
        r"换(不换)?(得|的)?(成)?(现金|钱)": 3.5,
        r"收(不收)?钱|花不花钱|要不要钱": 3.5,
        r"(会不会|会|能不能)(作废|过期|清零|失效|没了)": 3.5,
        r"(能不能|可以|能)给别人用": 3,
        r"(能|可以)?换(成)?多少钱": 3.5,
    },
    "register": {
        r"志愿者报名|报名(当|做)志愿者": 5,  # round thirty-four: "大学生志愿者报名 会教老人用智能手机"
        r"开(个|一个)[^ ]{0,8}账户": 4.5,  # round twenty-nine: "我要开个时间银行的账户"
        r"以[^ ]{0,4}身份(注册|登记|报名)": 5,  # round thirty: "我想以老人的身份注册 平时需要人帮我买买菜"
        rf"(把|帮|给)(我的?|我家)?({ELDER_RELATIVES})[^ ]{{0,6}}绑定": 4.5,  # round twenty-five: "怎么把我妈绑定到我这个微信上"
        # round twenty-five: signing up for what a notice announced ("周三的急救培训我要参加", "给我报一个", "包饺子帮厨 我报一个",
        # "…招志愿者教老人用手机 我报名")
        r"(我要参加|我也去|我报一个|给我报一个|帮我报一个|我报名|我来报名)( |$)": 4.5,
        # round twenty-one: "俺的身份正要绑一下"
        r"(身份证|手机号)[^ ]{0,3}(要|想)?绑(一下|下)?": 3.5,
        r"绑(一下|下|个)?(身份证|手机号|手机|微信)": 3,  # "请问可以帮我绑一下身份证吗"
        # not one who has been one a while ("我当志愿者快一年了 … 把我接的单子都列出来")
        r"(当|做|成为|加入).{0,4}(志愿者|义工)(?![^ ]{0,4}(年|个月)了)": 2.5,
        # Wanting to help others is wanting to volunteer ("闲着也是闲着 想来帮帮老人").
        r"想(报名|报个名|报名了)?(来|去|出来)?(帮|帮助|照顾|服务|陪陪?)(一下|下)?(老人|老年人|有需要的人|别人|大家|孤寡老人)": 3,
        r"(加入|参加|注册).{0,3}时间银行": 3,
        r"(帮|替|给)[^ ]{1,8}(注册|报名|报个名)": 4,  # round eighteen: "想帮我南昌的姆妈注册一下 她自己不会弄手机"
        # a son or daughter signing a parent up ("我是替我爸报名的 … 以后他要找人帮忙的事都我来代办")
        rf"(替|给|帮)(我|他|她)?(家里老人|{ELDER_RELATIVES})[^ ]{{0,4}}(报名|注册|登记|开户|开个户)": 5.5,
        # A bare introduction ("我是家属") is how a newcomer answers "您是下面哪一种": they mean to join.
        r"^我(就)?是(一个|一位|个)?(他|她|老人)?的?(家属|子女|儿子|女儿|家人|老人|老年人|志愿者|义工)(啊|呀|哦|嘛)?$": 3,
    },
    "post_request": {
        # round thirty-six: a difficulty with a day said after it asks for a visit ("视频通话不会弄 今天 晚上8点 半小时")
        r"(不会弄|不会用|弄不来|搞不懂)(?= (今天|明天|后天|下周|周|礼拜|星期))": 4.5,
        r"现在(帮|给|替)(他|她|我|我爸|我妈)(预约|约|找|订)": 4.5,  # round thirty-six: "我转给我爸2个时间币了 现在帮他预约个助浴"
        r"教(我|我妈|我爸|她|他)发[^ ]{0,4}(红包|语音|视频|朋友圈)": 5,  # round thirty-five: "教我妈发微信红包"
        r"再(帮我|给我)(安排|派|找|约)(一个|个|一位|位)": 4.5,  # round thirty-four: "原来那个理发的人去不了 再帮我安排一个"
        r"(还|再)想请(她|他|那个人)(来|再来)": 3.5,  # round thirty-four: "满意是满意 … 明天中午还想请她来做一顿"
        # round thirty-four: anyone asked to come ("有没有志愿者能来做", "有没有人能来给卧床的老人剪剪头"); a phone's
        # payment taught ("教我用支付宝交话费")
        r"有没有(人|志愿者|谁|师傅)(能|可以|愿意)来": 4,
        r"教(我|我妈|我爸)(用|弄|怎么用)[^ ]{0,4}(支付宝|微信支付|手机支付)": 4.5,
        # round thirty-two: a request entered for an elder at the desk ("帮老人登记一个代购 周三买点鸡蛋和挂面")
        r"登记(一个|个|一单|一笔)(代购|陪诊|助浴|理发|打扫|保洁|送餐|维修|跑腿|代办|需求|服务)": 6,
        r"(能|可以)(有|来)个人": 2.5,  # round twenty-seven: "…能有个人陪我去公园转转吗"
        # round twenty-eight: someone asked to come and do it ("能来家里给我剪个头吗", "帮我去居委会拿下老年证")
        r"能(不能)?(来|上门|到)(家里?|我家|屋里)?[^ ]{0,2}(给|帮|替)(我|俺|她|他)": 3,
        r"能(给|帮|替)(她|他|我妈|我爸|老人)(约|订|预约|找)(个|一个)": 3.5,  # "我在这边存的时间能给她约个陪诊吗"
        r"帮我去[^ ]{0,8}(拿|取|领|办|交|买|送)": 3,
        r"什么时候来都(中|行|可以|成|好)": 2.5,  # "…大概一个钟头吧 啥时候来都中": any time suits, not an order chased
        # round twenty-seven: an order moved to another day ("明天那个能不能改到后天上午", "那个事往后推推 推到下周一", "把明天中午
        # 那个送饭的挪到后天中午")
        r"(改到|改成|推到|挪到|调到|换到)[^ ]{0,2}(明天|后天|大后天|下周|下礼拜|下星期|礼拜|星期|周|这礼拜|这周|\d+号|[一二三四五六七八九十]+号)": 2.5,
        r"(改到|换到|推到|挪到|调到)[^ ]{0,10} ?(行吗|可以吗|好吗|行不行|可不可以)": 4.5,  # round thirty: a move asked
        r"(换个地方|换地方|改个地方|地点改|地方改|换个地点)": 3.5,  # round thirty: "理发换个地方 不在我家了 去我女儿家"
        r"(想找|找|请|约|派)(个|一个|一位|位)[^ ]{0,6}的(志愿者|义工)": 3.5,  # round twenty-five: "想找个会做饭的志愿者"
        # round twenty-two: a parent taken to the hospital, a paper seen to ("8号下午陪我妈去社区医院量个血压", "代办个老年证")
        r"^[^ ]{0,8}陪(我|我妈|我爸|她|他|老伴|我老伴)[^ ]{0,3}去[^ ]{0,8}(医院|诊所|卫生院)": 2.5,
        r"(代办|帮[^ ]{0,3}办)(个|一个|一下)?[^ ]{0,4}(证|手续)": 3,
        # round twenty-two: "想请个会修的志愿者来看看"
        r"想请(个|一个|位|一位)?[^ ]{0,6}(志愿者|师傅|人)(来|上门|过来)": 3.5,
        # round twenty-one: an ask made on a condition, after asking about it ("不要钱的话我想约一个", "要是正规的 我想找人教我…")
        r"(的话|是正规的|是真的) ?[^ ]{0,3}(我)?(就)?(想|要)(约|请|找|预约|订|给)": 4.5,
        r"(?<!到底)(能不能|可不可以|有没有)有?人(陪|帮|来)(?!了)": 3.5,  # "就是想问问下周三上午能不能有人陪我去"
        # ... and a visit liked, asked for again ("下礼拜二下午三点再请他来剪一次", "能不能还是请她陪")
        r"(再|还是)(请|约|叫|找)(他|她|小.)(来)?": 3.5,
        r"(找|请|要|叫|派)(个|一个|几个|位|一位)?(人|志愿者|年轻人|义工|师傅|阿姨)": 2,
        # a body that cannot go is the reason for a visit, not a cancellation ("我这腿脚去不了")
        r"(腿脚|腿|脚|腰|身体|眼睛)[^ ]{0,3}(去不了|去不成|走不了|出不去)": 3,
        # "帮我" + an errand's verb is a request however plain ("帮我领一下养老金"); not 帮我取消
        # and not a question about who may do it ("家里人能帮我办吗")
        r"帮(我|我们|俺|她|他)(去)?(领|取(?!消)|交|缴|办|寄|修|换|装|擦|蒸|包)(?![吗么嘛不])": 1.5,  # round twenty: 帮她取下快递
        # being taught to do something on a phone is a request for digital help, not a question about this bot
        r"(?<![她他])教(我|我妈|我爸|她|他|老人)[^ ]{0,4}(手机|微信|视频|电脑|支付宝|扫码|网上|上网|交|缴|挂号|打车|发语音)": 2.5,
        r"能不能.{0,4}(来|帮|找|派)": 1.5,
        # Not managing a device is a need for digital help, not a question about this bot.
        r"(?<![们她他妈爸奶爷婆公人])不会(弄|用|整|搞|打)[^ ]{0,3}(视频|微信|手机|电脑|支付宝|健康码|电话|遥控器)": 2,
    },
    "list_tasks": {
        r"(还有空|有空)[^ ]{0,4} ?[^ ]{0,6}(还有|有没有)[^ ]{0,6}(单|任务|活)": 5,  # "刚签退 还有空 附近还有买菜的单吗"
        r"有[^ ]{0,4}没人(去|接|做)的[^ ]{0,4}(单|任务|活)": 4,  # round thirty-four: "有临时没人去的陪诊单吗"
        r"新(的)?(任务|单子|需求)": 3,  # round thirty-three: "看看新任务"
        # round thirty-one: what waits to be taken ("待接的需求看一下")
        r"待接的?(需求|单子?|任务|活)|(需求|单子?|任务)[^ ]{0,2}待接": 4,
        # round twenty-one: "哪些单子还空着 俺看下"
        r"(哪些|哪个|有哪些|还有哪些)(单子?|任务|活儿?)[^ ]{0,3}(空着|没人接|没人做|没人要)": 4,
        r"(附近|周边|周围|离我近)[^ ]{0,8}(任务|需求|单子|活)": 3,  # round nineteen: "附近3公里内的任务给我看看"
        r"的(单子?|活儿?|任务)?(有没有|有吗|有没)(?!人)": 3,  # a volunteer: "擦窗户的有没有", "洗澡那种的单有吗"
        # a volunteer offering a trade ("附近哪个老人屋里要修东西 我是电工", "有冇人要剪头发 我以前开过发廊")
        r"(哪个|哪家|谁家)老人[^ ]{0,6}(要|需要)|有没有人?(要|需要)(上门)?(剪|修|理|洗|买|打扫|陪|教)": 3,
        r"有没有(要|需要)(?!人)[^ ]{1,6}的(?= |$)": 3,  # round eighteen: "过年前有冇要大扫除的 我们几个同学想一起去"
        r"(有没有|有什么|有哪些|还有哪些|还有什么).{0,8}(任务|单子|活儿|活(?!动)|需求|单(?![位独身]))": 2.5,
        r"有.{0,8}(任务|单子|活儿|活(?!动)|需求)(吗|没有|没|呢|不)": 2.5,
        r"接(什么|哪些|点什么)": 2.5,
        # a helper asking after the elders who need one ("有没有老人需要教用手机的", "有没有想找人聊天的老人")
        r"有没有(老人|老年人|老人家)(需要|想|要)": 3.5,
        r"谁家(的)?(老人)?(要|需要|想)": 3.5,  # "谁家老人要助浴 我能帮忙"
        r"有没有[^ ]{0,14}的(那种|这种)?(任务|单子|活儿|活(?!动)|单(?![位独身]))": 3.5,
        r"有没有要[^ ]{0,6}的 我(会|能)": 3.5,  # "有没有要修东西的 我会整水电"
        r"有没有[^ ]{0,12}的(老人|老年人|老人家)": 3.5,
        r"有没有[^ ]{2,16}的需求": 4,  # round twenty-eight: "有没有给糖尿病老人做饭的需求 我会做低糖菜"
        r"有没有[^ ]{1,8}的活(?!动)": 3.5,  # round twenty-nine: "有没有装扶手的活 我家里有电钻"
        r"有.{0,8}的单(吗|没有|没|呢|不)": 3,  # "有买菜的单吗 我下班顺路"
        r"附近.{0,4}有": 1.5,
        r"有(没有)?需要.{0,8}(老人|人)": 2.5,
        r"有(没有)?需要.{1,8}的": 2.5,
        r"有(没有)?要人.{1,8}的": 2.5,
        r"有没有要.{1,6}的(老人|人|老人家)": 3,
        r"(有没有|有什么|有哪些|哪些|谁)(老人)?.{0,4}需要(帮助|帮忙|服务)": 3.5,
        r"有(人|老人|谁)(需要|要)(帮忙|帮助|服务)": 3.5,
        r"有(没有)?谁(需要|要)(人|帮|陪)": 3.5,
        r"(去|想)?帮帮别人|有需要的吗|有什么我(能|可以)(做|帮)": 3,
    },
    "accept_task": {
        r"没人接的话 ?[^ ]{0,6}我(来|去|接)": 4.5,  # round thirty-two: "要是还没人接的话 任务23我来吧"
        r"(还是|那)我去吧": 4,  # round twenty-five: "没人接的话还是我去吧"
        # round thirty-one: a task claimed as one's own ("那个教手机的单我想接", "好嘞 这单归我了")
        r"(单|单子|活|任务)[^ ]{0,2}我(想|要)接": 4, r"(单|单子|活|任务)[^ ]{0,2}归我": 4.5,
        r"接一下.{0,16}(单号|任务|#) ?\d+": 4,  # "我帮我同事接一下 她手机没电了 单号77"
        # round twenty-five: a task claimed by whose it is ("王奶奶的助浴我可以去"), or to be taken for the writer ("帮我把42号接下来")
        r"[^ ]{1,6}的[^ ]{1,4}我(可以|能)去(?![^ ]{0,2}(吗|么|不))": 4,
        r"把[^ ]{0,6}(单|号|任务)接(下来|了)": 4,
        # round twenty-one: "这个理发的活给我吧"
        r"(活|单|任务)[^ ]{0,2}给我(吧|呗|啊|呀)?$": 4,
        r"单(子)?给我(吧|来)": 3.5,  # "12号单给我吧"
        r"我(接|包|来)了? ?(不用|别|不要)再?(找|派)(别人|其他人|别的人)": 5,  # "我接了 不用再找别人了"
        r"(单|单子|\d)\s*我(可以|能)?(去|来|接)": 2.5,
        r"(单|单子)\s?\d+\s?给我": 3.5,  # "单子203 给我"
        # a task named by its number in words: "四十二号我去"
        r"[零一二两三四五六七八九十百幺]号(单|单子|任务)?\s*我(去|来|接)": 2.5,
        r"(任务|单号)[零一二两三四五六七八九十百幺\d]+\s*我(去|来|接)": 2.5,
        # taking what nobody has taken: "那个买菜的单子没人接的话我来"
        r"(的话|就)我(来|去|接)(?!不)": 3,
        r"(这个|这|那个)(单|单子|任务)?我(要|接|来|去)了?": 2.5,
        r"^接(了|吧|啊|哈)?$": 3,  # a volunteer's one word to a task pushed to them
        r"(任务|单号|单|#)\s?\d+\s?我(可以|能)(去|来|接)": 3.5,  # round twenty: "任务89 我可以去 我有车"
        r"我去[^ ]{0,3} ?[^ ]{0,4}单号是?\d+": 3.5,  # round twenty-four: "好 我去 就那个单号是64的"
    },
    "check_in": {
        r"我是要签到": 5,  # round twenty-five: "刚才点错成签退了 我是要签到的"
        r"已经到.{0,6}(家|门口|楼下)": 2,
        r"(^| )前到(?= |$)": 3,  # 签到 said into a phone ("前到 单号47")
        r"(?<![现正实存还滴漏流渗掉])(到|在)(?!回).{0,6}(家|门口|楼下|小区)(门口)?了": 2,  # not "现在回家了"
    },
    "check_out": {
        r"我是要签退": 5,
        r"打卡下班": 4,  # round twenty-five: "搞定 打卡下班 三号楼那家"
        r"(打扫|收拾|做|干|弄|修|剪|陪|洗|买)完(了|毕)": 2,
        r"\d+号?单(子)?\s?(结束|完成|做完)": 3,  # "44号单结束"
        # the work left tidy, and the volunteer leaving ("活儿拾掇利索了 俺走了 单号23")
        r"(?<!给我)(?<!帮我)(打扫|收拾|拾掇|弄|整|干|活儿?)[^ ]{0,2}(利索|妥当|干净)了": 2,  # not "给我拾掇利索了"
        r"(^| )我(先)?(走|撤)了": 1.5,
    },
    "confirm_done": {
        r"确认(一下)?[^ ]{0,2} ?[^ ]{0,8}(做完了|弄好了|完成了|服务完)": 5,  # round thirty-six: "确认一下 56号单服务做完了"
        # round twenty-seven: help told given in vague words ("你给他记上", "给人家算上", "那个事完了", "这个事算办完了", "那姑娘陪我
        # 看完病了")
        r"(给他|给人家|给她|给小伙子|给姑娘)(记上|算上|记一下|算一下|记时间)": 5,
        r"(那个事|这个事|事儿|那事)[^ ]{0,2}(成了|完了|办完了|办好了)": 4.5,
        r"(陪我|帮我|给我)[^ ]{0,4}完[^ ]{0,2}了": 3,
        r"^确认 ?(#|单号|任务)?\s?\d+": 3.5,  # round twenty-five: "确认 #147 已经服务完了"
        r"已经(给我|帮我)(做完|弄好|干完|搞好|做好|修好)了": 3.5,  # "88号单子志愿者已经给我做完了"
        r"确认(?!什么|啥).{0,8}(完成|完|好了)|(完成|完|好了).{0,8}确认": 3.5,
        r"(收到|好了|完成了?|来了|到了).{0,6}确认": 3,
        r"已经.{0,8}(好了|回来了|收到了?)": 2,
        r"(帮|替)[^ ]{0,3}确认": 3.5,  # a son or daughter confirming for a parent
    },
    "cancel": {
        r"(单子?|订单)[^ ]{0,2}不用了": 4,  # round thirty-five: "单子不用了 我已经找到人了"
        r"(单|单子|活|任务)[^ ]{0,2}我接错了|接错(单|了)": 4,  # round thirty-four: "这个单我接错了 … 退回去吧"
        r"那个(不用|不要|不需要)了": 4.5,  # round twenty-seven: "明天上午陪我去医院那个不用了 … 这回先取消"
        # round twenty-seven: one's own order called off in vague words ("我约的那个 帮我退掉", "我约的 能不能不要了", "说好的那个
        # 小伙子让他别跑了")
        r"(我约的|约的那个|我订的|我那个)[^ ]{0,6} ?[^ ]{0,6}(退掉|退了|不要了|取消|撤了)": 5,
        r"(让|叫)(他|她)别(跑|来)了": 4.5,
        r"做不了了|又要撤": 3.5,  # round twenty-five: "对不起 接了单又要撤 … 任务66我做不了了"
        # round twenty-five: a task the volunteer took handed back ("把我接的那个陪诊退掉", "刚接的那个退回去吧 点错了", "这周的打扫
        # 就不去了 麻烦另外找人", "19号单还给大家吧")
        r"(我接的|刚接的|接的那个)[^ ]{0,8}(退回去|退掉|退了|不去了|取消|不要了)": 5,
        r"(去不了|来不了|不去了|不来了|做不了)[^ ]{0,3} ?(麻烦|请)(你们)?[^ ]{0,3}(再|另外|重新)找": 4.5,
        r"(单|单子|任务)[^ ]{0,4}(还给|退给|交还给)大家": 4.5,
        r"取消报名|报名取消|不报了": 4.5,  # round twenty-five: "重阳节的活动去不了了 帮我取消报名"
        r"(#|单号|任务) ?\d+ ?取消|取消 ?(#|单号|任务) ?\d+": 5.5,  # "#91 取消 上次来的那个态度不好 …": the rest is its reason
        # round twenty-five: services to come stopped ("接下来那几次送餐都停了吧 饭菜不合我们口味"); not 停水, 停电
        r"(送餐|买菜|打扫|陪诊|理发|助浴|做饭|陪聊|服务|那几次|这几次|以后的|后面的)[^ ]{0,4}(都|先|就|全)?停(了吧|掉|了)": 3.5,
        r"(那就|就)?不(用)?麻烦(志愿者|人家|师傅)了": 2.5,  # round nineteen: "他陪我去 那就不麻烦志愿者了"
        r"(这|那)?(个)?单(子)?我?退(了|掉)": 4,  # round twenty-four: a volunteer's task handed back ("这单我退了")
        # ... with someone else asked for in its place ("实在是去不了了 麻烦你们帮忙再找个人")
        r"(去不了|来不了)[^ ]{0,3} ?(麻烦|请)你们[^ ]{0,3}(再|另外|重新)找": 4.5,
        r"(那个|那单|那个单|我接的|报名的)[^ ]{0,10} ?[^ ]{0,3}去不了": 3.5,  # and "我接的单 去不了了 #77"  # one of two tasks: "71那个下午三点的去不了了"
        r"的(不用|不要|不需要)了": 3,
        r"取消(掉|了吧|掉吧)": 3,  # "她之前约的打扫帮她取消掉"
        # No one need come any more: "不要人来了", "不用派志愿者了", "甭找师傅了".
        r"(不要|不用|不需要|不必|甭|别)(再)?(派|找|叫|请)?(人|志愿者|师傅|义工)(来|上门|帮忙|过来)?了": 3.5,
        r"(单|单子|预约|需求)(给我)?(撤|退|删)(了|掉)": 3.5,
        # round twenty: a task handed back ("任务63还给你们吧", "接的那个27号任务麻烦帮我退了")
        r"(单|单子|任务)[^ ]{0,4}(还给|退给|交还给)你们": 4,
        r"(单|单子|任务)[^ ]{0,6} ?[^ ]{0,3}(帮我|给我)(撤|退|删)(了|掉)": 3.5,
    },
    "my_orders": {
        # round thirty-six: a visit under way asked after ("来打扫的小伙子开始了没", "陪诊的人出发了吗", "师傅签到了没有", "哪个
        # 还没签退")
        r"(的人|小伙子|师傅|志愿者|阿姨|姑娘)[^ ]{0,3}(开始了|出发了|签到了|到了|来了)(没|没有|吗|么)": 4.5,
        r"哪(个|一个|些)(单子?|任务)?(还)?没(签退|签到|完成|确认)": 5,
        # round thirty-four: one's own order asked after: feared cancelled, still unanswered, shown wrongly ("我的订单是不是
        # 被取消了啊", "我发的修水管的单子三天了还没人接", "可我那单怎么还显示进行中")
        r"(订单|单子|单)[^ ]{0,4}是不是(被|给)?(取消|撤|删)": 5.5,
        r"我(发|下|约)的[^ ]{0,10}(单子?|需求|订单)[^ ]{0,8}(没人接|还没人|没人理|没动静)": 5,
        r"怎么还显示|还显示(是)?(进行中|未完成|没完成|待接|待确认)": 5,
        r"说好的[^ ]{0,4}没来": 4.5, r"那个[^ ]{0,2}还(作数|算数)": 4,  # "说好的人没来啊 …", "今天下午那个还作数不"
        r"有(志愿者|人)接(了没|没有|了吗|了没有)": 4.5,  # round twenty-seven: "元宵节晚上看灯的那个 有志愿者接了没"
        # round twenty-seven: one's own order chased in vague words ("上回那个人这回还来不来", "人呢？？说好九点的", "我那个单子
        # 到底有没有人管", "他到哪了", "我那个预约的 在不在", "我点了个啥来着", "是不是还是上回那个人")
        r"(说好的|上回那个|那个|约的?那个)(人|小伙子|姑娘|志愿者|师傅)?[^ ]{0,8}(还来不来|来不来|几时来|什么时候来|还没来|来没来)": 3.5,
        r"(^| )人呢": 4,
        # round thirty: the volunteer late, and the volunteer asking the way to the elder ("陪诊的人到底来不来", "单号41的地址发我一下",
        # "门禁密码多少", "明天那单老人家住哪", "来帮我的志原者叫啥 电话多少")
        r"的人[^ ]{0,3}(到底)?(来不来|还来不来|怎么还不来|还没来|还没到)": 4.5,
        r"(单号?|任务|#)\s*\d+[^ ]{0,6}(地址|电话|住哪|哪个小区|几栋|门禁|在哪)": 4.5,
        r"(老人|老人家|志愿者|志原者)[^ ]{0,2}(住哪|住在哪|电话多少|叫啥|叫什么|手机号多少)": 4,
        r"(门禁|大门|单元门)[^ ]{0,3}密码": 4,
        r"不会(把|给|被)[^ ]{0,8}(取消|删掉|退掉|退了)[^ ]{0,3}吧": 5.5,  # round twenty-nine: a worry about one's order ("不会把我的单子取消了吧")
        r"(单子|预约的?|那个)[^ ]{0,6} ?(有没有人管|有人管没|在不在|还在不在)": 4.5,
        r"(他|她|志愿者|小伙子|姑娘|师傅)到哪(了|儿了|里了)": 4.5,
        r"(没人接|有没有人接)我(那个|的)": 4.5,
        r"我(点|约|订)了(个|些)?什么": 4.5,
        r"(是不是|还是)上回那个人": 4,
        r"(今天|明天)我?要?(跑|去)几家": 4,  # round twenty-five: "今天我要跑几家来着"
        r"(^| )订单( |$)": 2.5,  # round twenty-five: "orders 我奶奶的"
        r"(确认|查|看)(一)?下[^ ]{0,4}(有没有|是不是)(这个|这)单": 4.5,  # "mm说她约了个理发 我想确认下到底有没有这个单"
        # round twenty-one: an order chased ("昨天约的修水管 到底有没有人来啊 等了一上午了")
        r"(约的|订的|下的单)[^ ]{0,8} ?(到底|怎么)[^ ]{0,2}(有没有人来|还没人来|没人来|来不来人|来没来人)": 4,
        # round nineteen: the orders looked up, one's own or a parent's ("帮我查一下她的订单", "看看我替我爸发的所有需求")
        r"(查|看)(?![到见])(一下|下|查|看)?[^ 有]{0,8}的[^ ]{0,3}(订单|单子|预约|需求)": 3.5,
        r"我[^ ]{0,4}有几(个|单)(任务|单|订单|活)": 3.5,  # "看下我明天有几个任务"
        r"(查|看)[^ ]{0,2}我[^ ]{0,6}有(哪些|哪几个)(单|订单|任务)(?![^ ]{0,4}(接|做))": 3.5,  # "查下我这个周末有哪些单"
        r"接了我的(单|订单|需求)": 4,  # "上回那个小刘接了我的单冇": someone took mine
        r"还有几个单|我接了几个单|我接了几单": 3.5,  # round twenty-four: a volunteer's own ("今天还有几个单没做完")
        # round seventeen: an order named by what it asked for ("教我爸视频那个单子现在什么状态")
        r"(那个|那)(单子|订单|单)[^ ]{0,4}(状态|进度|怎么样|咋样|有人接|什么情况|到哪)": 4,
        r"我[^ ]{0,4}接了(好多|好几|多少|几)个?单|有人(应|接|理)了?没": 3.5,  # "看下我接了好多单", "有人应了没有"
        r"有(没有)?人接单?了?(没|吗)": 3,
        # The writer waits on their own request: "等了半天都没人接单", "到现在都没人理".
        r"等.{0,6}(没人|没有人)(接|理|来)|(到现在|一直|还是)(都|还)?(没人|没有人)(接|理|来)": 4,
        # one the writer put up (not "帮我发个单", which asks), not what they could do one day ("以后有事我也能帮她发需求")
        r"我(?![^ ]{0,2}(能|会|可以)).{0,4}(发|提|约|预约)(了|过)(个|一个)?(需求|单子|单)": 2.5,
        r"(看|查|问)(一?下)?.{0,6}(什么情况|怎么回事|进展|进度|怎么样了)": 3.5,
        r"我(刚才|刚刚|昨天|前天|上次|之前|今天|早上|上周|上礼拜|上星期|上个月|前几天|前两天|那天)?(发|提|预约|约|接|下)(的|过的)": 2.5,
        r"(到底|究竟|怎么)还?(有没有人|没人)(来|接)": 3,
        r"(什么时候|啥时候|几点)(有人|才|能)?来": 3,
        # which or how many jobs the writer has taken ("看下我接了哪几单"), not taking one
        r"我(都)?接了(哪|几|多少)": 3.5,
        r"(有没有|有没)(人|志愿者|谁)接(?!的)": 4,  # not "还有没人接的单吗", which asks for work
        r"约上(人)?了?(没|吗)": 3.5,  # "我妈那个助浴约上人了没有"
        r"我(今天|这周|这个月|明天|本周)?(还)?有(哪些|几个|几|多少)单": 3.5,  # "月底前我还有哪些单没做完": one's own  # "上礼拜约的洗澡 到底有没有志愿者接啊"
        r"(预约|约|下单|提交|发布)(成功|好)了?(吗|没)": 3.5,
        r"(志愿者|师傅|人)(?!培训|活动|证书|服务站|协会).{0,2}(到哪|在哪|到了没|来了没|出发了没)": 3,
        r"(约|预约|发|接)的.{0,8}(怎么样了|什么情况|到哪|进展|状态|有人接)": 3,
        r"接了(哪些|什么|几)": 3,
        r"(我|我的|我那|我这)(个)?(单|需求|预约|订单)[^ ]{0,4}(谁接|有人接|接了没|怎么样)": 4,
        r"我?(都)?(约|订|预约|发|下)了(些|哪些|什么|几个)": 3.5,
        # "那个单子呢" (clean-up has dropped the 那个 that opens it)
        r"^(我的|我那个?)?(单子|订单|预约|需求)(呢|怎么样了)": 3.5,
        r"(单|单子|任务)[^ ]{0,3}(还)?在我(的)?名下": 4,  # round twenty: "#140那单还在我名下吗"
    },
    "balance": {
        r"有(时间币|币)(没|吗|没有)": 4,  # round thirty-four: "我刚注册 里面有时间币没"
        r"先[^ ]{0,3}(查|看)[^ ]{0,3}(余额|还有多少|剩多少)": 6,  # round twenty-nine: "兑换之前先帮我查查余额 够不够换一桶油"
        r"(时间币|余额|币)[^ ]{0,4}(还是|只有|就是|是不是还是)零": 5,  # round thirty: "我的时间币是不是还是零啊"
        r"(看看|查查|看一下|查一下)我?还(有|剩)多少": 4,  # round twenty-five: "… 算了 不约了 先看看我还有多少时间币"
        r"(总共|一共|现在)[^ ]{0,2}多少个?(币|时间币|小时)": 4.5,  # round twenty-five: "刚签退完 看看我现在总共多少个币了"
        # round twenty-two: "我是不是还有12个小时 你查查"
        r"(我|俺)(是不是)?还(有|剩)[^ ]{0,6}(小时|钟头|时间币|个币)": 4,
        # round twenty-one: "看看我妈还有多少时间可以用"
        r"还(有|剩)多少(时间|时间币|小时|钟头)(可以|能)?用": 4,
        r"够不够[^ ]{0,3}(请|约|用)|够的话": 3.5,  # "还剩多少个钟头 够不够请人打扫一次": the balance first
        r"到底[^ ]{0,4}(攒|存|挣)了?(好多|多少)": 3.5,
        # what the writer has saved up ("到底存下多少小时了", "攒了几多个钟了")
        r"(存|攒|挣)(下|了)+(多少|几个)个?(小时|钟|时间币|币)?(?!.*(花|用)了?(多少|几))": 3.5,  # not in and out
        r"(有|剩|还有)(多少|几个).{0,3}(时间币|币|小时|时间)": 2.5,
        r"还剩(几个|多少)|账上.{0,4}(多少|几个)": 3,  # "我还剩几个钟", "账上一共多少小时"
        r"查.{0,4}时间币": 2.5,
        r"^(帮我|给我)?(查|看)(一?下|查|看)?(我|我的|我家)?的?(时间|积分|账)$": 2.5,
        r"(时间币|币|积分|余额).{0,2}(还剩|剩下?|还有)(几个|多少)": 3,
        r"(时间币|余额|积分).{0,2}(查|看)(一下|下|看)?$": 3,
        r"(存|攒|挣|赚)了(几个|多少)": 2.5,
        r"我的?(时间币|积分|时间|余额).{0,3}(是|有|还有|剩)?多少": 2.5,
        # The question at the end of a long message: "就是想问问 我有几个时间币".
        r"我(还)?(有|剩)(几个|多少)(时间币|个币|币)": 4,
        r"(币|时间币|时间|余额)[^ ]{0,2}(够不够|够用吗|还够)": 4,
        r"(现在|一共|总共)(攒|存|挣|赚|有)了?(几个|多少)": 4,
        r"(时间银行|账户|账上|账里)[^ ]{0,4} ?(还有|还剩)(多少|几个)": 4,  # round twenty: "我时间银行里面 还有多少个小时"
    },
    "history": {
        r"扣了(我)?一笔|流水[^ ]{0,4}(是)?(怎么|咋)回事": 4.5,  # round thirty-five: "上周扣了我一笔 看看流水是咋回事"
        r"(是)?(哪天|什么时候|啥时候)(转|捐|送)的": 4.5,  # round thirty-six: "我以前转过5个时间币给我妹 是哪天转的"
        # round thirty-three: one's work recorded ("每次帮人干活都记上没有 有没有漏记的"), not a booking ("我约那个事你们记上了没有")
        r"(干活|服务|帮人|时间|时长|时间币)[^ ]{0,6}(记上没有|记上了没|记没记上)|漏记": 3,
        # round twenty-nine: a transfer looked for, not made ("转给隔壁王阿姨的40分钟 我怎么在记录里没看到")
        r"(记录|明细|账)(里|上)[^ ]{0,4}(没|看不到|找不到|查不到|没看到)": 5,
        r"(进账|到账|入账|收到)[^ ]{0,6}(有没有|没有|了没)|有没有一笔": 4,
        r"列(个|一个|一张|张|份)(清单|明细|表)(给我|出来)?": 4,  # round thirty-two: "每次服务得了多少 列个清单给我"
        # round twenty-five: "查一下我转给我妈的记录 转了几次了"; thirty-one: "…的那笔记录在哪看"
        r"转给[^ ]{0,6}的(那笔|那次|这笔)?(记录|明细)|转了几次": 5,
        r"捐(出去|过|了)的[^ ]{0,4}(记录|明细|去向)": 4.5,  # "我捐出去的那些有记录吗"
        r"(时间币|币|时间)[^ ]{0,3}都是怎么来的": 4,  # round twenty-five: "这仨月存的时间币都是咋来的", not "时间币是怎么来的"
        # round twenty-one: "查一下今年的兑换和捐赠记录"
        r"(兑换|捐赠|捐款|转账|收支)[^ ]{0,4}记录": 4.5,
        # where credits came from or went ("那三个币是谁转给我的", "我捐的那几次都记在哪了")
        r"(谁|哪个)转(给我)?的|(捐|转)的那?(几次|几笔|记录)": 4,
        r"(时间币|币|积分)的?(流水|明细|账单)": 4,
        r"谁给我(转|送)": 3.5,
        r"(哪个|哪些人|哪几个)给我(转|送)": 4,  # round twenty: "上个月都是哪个给我转了时间"
        r"(时间币|币|这个月|上个月|这几个月)[^ ]{0,3}的?账(?![户上里])": 3.5,
        r"(时间币|币)的?(进出|来往|往来|收支|进账|出账)": 3.5,
        r"(时间币|币|积分)?.{0,4}(花|用|花掉|用掉)了(多少|几个)": 3,
        r"(时间币|币|余额|积分).{0,4}(怎么|为什么|咋)(少|多|变|没)了?": 3.5,
        r"(怎么|为什么|为啥)[^ ]{0,6}(时间币|币|余额|积分)[^ ]{0,3}(少|多|变少|变多|没|不见)了": 3.5,
        # where the credits went: "币都用哪了", "时间币花到哪儿去了"
        r"(币|时间币|积分)[^ ]{0,3}(用|花)(到|在)?(哪|什么上)": 3.5,
        # how one's own credits went ("我这个月的时间币是怎么用的"); "时间币是怎么用的" alone asks the rules
        r"(我|这个月|上个月|这几个月)[^ ]{0,4}(币|积分)[^ ]{0,3}(是)?怎么(用|花|扣|少)(的|掉的|了)": 3.5,
    },
    "transfer": {
        r"送给[^ ]{1,12}?[0-9零一二两三四五六七八九十半]+个?半?(小时|时间币|币|分钟)": 3.5,  # "送给帮我修水管的师傅半小时"
        # round twenty-two: "… 想先给她转一个半钟 让她下周陪诊用"
        r"给[^ ]{1,6}转[^ 的]{0,3}[一两二三四五六七八九十半0-9][^ ]{0,3}(个|小时|钟|分钟|时间币)": 4.5,
        # round twenty-one: credits moved to someone's name, or tipped ("划一个半钟头到楼下王师傅名下", "赏小刘45分钟", "打赏点时间币");
        # 赚 misheard for 转 ("赚四十五分钟给俺孙子")
        r"划[^ ]{0,8}(到|给)[^ ]{0,10}(名下|账上|账户)": 4,
        r"打赏(点|一点|些|几个|[0-9一二三四五六七八九十两半])|给[^ ]{1,8}打赏|^赏[^ ]{1,6}[0-9一二三四五六七八九十两半]": 4,
        r"赚[^ ]{0,8}(分钟|小时|钟头|时间币)给": 4,
        r"(?<!不)转(?!发)[^ ]{0,8}给": 3,  # not a forwarded article ("转发给我一篇文章"), nor "不转给我妈了"
        r"(?<![捐献])给(?!公益池)[^ 找请陪做帮来的捐]{1,6}?(打|转|送|分|匀)?[0-9一两二三四五六七八九十半]+个半?(小时|时间币|币)(?!的)": 3,
        r"(打|分|匀|拨)[^ ]{0,2}[0-9一两二三四五六七八九十半]+个?(时间币|币)": 3,
        # "送我奶奶一些时间币 | 冬天她需要人帮忙洗澡": the bath is its purpose; not "新注册送不送时间币", which asks
        r"送(?!不送)(?!的)[^ ]{0,6}(时间币|小时的时间)": 4,  # not what was given ("新人送的时间币到了没")
        # round seventeen: hours given to someone, whatever they will pay for ("我想送她一个半小时 给她应应急")
        rf"送(给)?(我的?)?(她|他|你|您|老伴|{ELDER_RELATIVES})[0-9一两二三四五六七八九十半]+个?半?(小时|钟头|时间币|币)": 4,
        # An amount moved outweighs a service named as its purpose ("转一个半小时 她要请人助浴").
        # not a stroll ("陪我散散步吧 就小区里转转 半小时就够")
        r"(?<![里边外面上园区圈头])转(?![的过]).{0,2}[0-9零一二两三四五六七八九十半]+个?半?(小时|时间币|币)": 4,
        r"转(点|些|一点|一些)(时间|时间币|币|小时)": 4.5,  # round twenty-eight: "给我婆婆转点时间 她礼拜六要找人理发"
        # not a song and dance ("给俺唱个二人转"), a message passed on (转告), nor a transfer already made (转过)
        r"给[^ ]{1,6}(?<!二人)转(?![告过的])": 3,
        r"转到[^ ]{0,6}(名下|账上|账户|账里)": 4,  # "帮她全部转到我舅舅名下"
        r"(送|转|匀|分|拨)[0-9一两二三四五六七八九十半]+个?半?(小时|钟头|时间币|币)(的时间币?)?给": 3.5,
        r"把.{0,6}(时间|时间币|小时).{0,2}给": 2.5,
        r"我把我的[^ ]{0,4}给": 3,  # round nineteen: "他的时间币不够 我把我的给他"
        # round twenty: credits moved from one's account, or one's saved hours given ("从我账户划半个小时给我娘")
        r"划[^ ]{0,8}给": 3.5,
        r"(攒|存|挣)的(时间|时间币|小时) ?[^ ]{0,2}(送给|转给|分给|匀给)": 4,
        r"给.{1,8}送.{0,4}(时间币|小时|时间|币)": 3,
        r"(送|转)给?[\u4e00-\u9fff]{1,6}?[0-9零一二两三四五六七八九十半]+个?半?(小时|时间币|币|分钟)": 2.5,
        r"(送|转)给?(?:(?!过)[\u4e00-\u9fff]){1,6}?[0-9零一二两三四五六七八九十半]+个?半?(时间币|币)": 4,  # round thirty-six: coins named
        # round thirty-two: to a neighbour called by name, in hours said as 钟头 ("送楼下老周一个半钟头")
        r"(送|转)给?(楼下|楼上|隔壁|对门|对面)?的?(老|小)[\u4e00-\u9fff][0-9零一二两三四五六七八九十半]+个?半?(小时|钟头|时间币|币)": 4,
    },
    "donate": {
        r"(余额|时间币|时间|小时) ?(能不能|能|可以|可不可以)(都|全|全部)?捐": 4,  # round twenty-five: "剩的那些时间 能不能都捐了"
        r"(?<!不)(?<!不想)捐": 3,  # not what the writer will not do ("我不捐")
        r"(余额|时间币|时间)[^ ]{0,3}(都|全|全部)?捐": 4,  # "余额都捐了吧", not the balance asked
    },
    "redeem": {
        r"用[^ ]{0,2}[0-9一两二三四五六七八九十半]+个?(钟头|小时|时间币|币)换": 4.5,  # round thirty-six: "用两个钟头换一次上门理发"
        # round thirty-one: a partner's goods named ("攒够了 想换张电影票")
        r"换(张|个|点|些|一张|一个|两张|几张)[^ ]{0,4}(票|券|购物卡|礼品|奖品|纪念品)": 4,
        # round twenty-five: credits spent at a partner, asked ("能拿时间币剪头吗", "食堂吃饭可以刷时间币不", "去药房买药 时间币
        # 能顶钱用吗", "满十个币送一桶油的 咋换啊")
        r"(拿|用|刷)(时间币|积分|币)[^ ]{0,6}(剪|理|吃|买|打|付|结|交|包|抵|换(?!服务|人|志愿者))": 4,
        r"(能|可以)刷(时间币|积分|币)": 4,
        # round twenty-nine: what a thing costs in credits, a partner shop ("换一桶花生油要几个时间币", "时间币能在那买米吗")
        r"换[^ ]{1,8}(要|得|需要)(几个|多少)(个)?(时间币|币|小时)": 4.5,
        r"(时间币|积分)能在[^ ]{0,4}(买|换|用|吃)": 4.5,
        r"合作的(超市|商家|店|商店|饭店|药店)": 3,
        r"(店|食堂|药房|药店|超市|饭馆|买).{0,10}(时间币|积分)[^ ]{0,2}(能|可以|能不能)?(顶|当|抵)钱": 4,
        r"(币|积分).{0,14}(怎么|怎样|如何)(换|兑)(?!算)": 3.5,
        # round twenty-one: paying with credits at a partner, and what was saved spent ("能拿时间币抵吗", "我攒了20个小时了 想换张食堂的饭卡")
        r"(拿|用)(时间币|时间|积分)(抵|付|买|结账|支付|换(?!服务|人))": 4,
        r"(攒|存)了[^ ]{0,8} ?(想|要|能)换(?!人)": 3.5,
        r"(哪些|哪个|哪家|哪几家|哪几个|什么)(店|商家|超市|食堂|地方|商店)[^ ]{0,4}(能用|可以用|能花|可以花|收|能兑|能换)": 4,  # round nineteen
        r"抵[^ ]{0,2}(钱|费|账)": 3,  # "时间币可以去社区食堂抵饭钱吗"
        r"(时间币|(?<!人民)币|积分).{0,6}换(?!算|服务|人)": 3,  # not "人民币换美元", nor "用时间币换服务" (joining)
        r"(攒|存|挣)的时间[^ ]{0,4}换(?!算|别人|人|志愿者)": 3.5,  # round twenty: "想用攒的时间换盒月饼"
        r"换(一|几|两)(袋|桶|箱|斤|包|瓶|盒)": 2.5,
        r"兑(一|几|两|个|点|些)": 3,
        r"(什么|哪些)(东西)?(可以|能)(换|兑)": 3.5,
        r"换(个|点|些)(米|面|油|鸡蛋|东西|礼品|奶|毛巾)": 3,
    },
    "rate": {
        r"我(很|非常|挺|特别)满意$": 3.5,  # round thirty-four: the verdict closing a message ("…上回陪我去看病 我很满意")
        # round thirty-four: how a visit was done, told of its helper or its result ("帮她洗澡的大姐手法专业 就是来得太早了",
        # "教我用手机那个大学生有耐心", "菜买得挺新鲜 就是葱忘买了", "剪得太短了跟劳改犯一样")
        r"(帮|给|陪|教)[^ ]{1,8}(的|那个)(大姐|阿姨|小伙子|姑娘|师傅|志愿者|大学生|小伙|人)(?:(?!不会|会不会|可别|别)[^ ]){0,8}(专业|挺好|很好|不错|有耐心|耐心|认真|热情|负责|麻利|利索|太快|太慢|太早|太晚|来晚|迟到|马虎)": 4,
        r"(买|做|剪|打扫|扫|洗|包|修|擦|理)得(挺|很|蛮|太|不太|真|好)?(新鲜|干净|好吃|难吃|咸|淡|短|长|仔细|马虎|难看|精神|利索)": 3,
        # round twenty-five: a volunteer not to be sent again, or their conduct on a visit told ("再也不要让他来了 …",
        # "那个志愿者来了就一直低头玩手机")
        r"(不要|别|不想|不许)(再)?(让|叫|派|安排)(他|她|这个人|那个人|这个志愿者|那个志愿者)[^ ]{0,2}来": 4,
        r"来了(以后)?就?一直[^ ]{0,4}(玩手机|看手机|刷手机|打电话|坐着)": 4,
        # round twenty-eight: a visit signed for that never happened ("很差 人都没来就签退了")
        r"(没来|没到|没上门|没干活|没干|没做)[^ ]{0,3}就?(签退|签到|打卡|点了完成)": 5,
        # not the minutes of a clock ("三点四十五分")
        r"(?<![点\d十零差])([1-5]|[一二三四五])\s*(分|星|颗星)(?!钟)": 3,  # nor "差五分三点"
        # a verdict on the service or the volunteer's work: "服务不太好", "手艺真不错", "活干得挺好"
        r"(服务|态度|手艺|活儿?)[^ ]{0,2}(不太|不怎么|很|挺|真|非常|特别|太|蛮)(好|差|行|棒|不错|一般|凑合|马虎|满意|细|周到)": 2.5,
    },
    "subscribe": {
        # round thirty-three: an unsubscribe taken back, and the notices asked for again ("上次退订错了 再给我推送吧")
        r"退订错了|退错了|不该退订": 4.5, r"(?<![别要用])再给我(推送|推|发通知)": 3.5,
        r"(给我|帮我)?重新(开开|打开|开通|开一下)": 4.5,  # round twenty-five: "是不是我退订了 给我重新开开"
        # round twenty-five: the notices turned on, or an unsubscribe taken back ("帮我开一下活动通知", "刚才手滑点了退订
        # 帮我恢复一下", "退订 哎呀不对 按错了 我还要收通知的")
        r"(开|打开|开通)(一下|下)?[^ ]{0,2}(活动)?(通知|推送|提醒)": 4.5,
        r"(手滑|点错|按错|不小心)[^ ]{0,4}(点了|按了)?退订": 5,
        r"还要收[^ ]{0,4}(通知|推送|消息)": 5,  # "退订 哎呀不对 按错了 我还要收通知的"
        r"(退订|取消订阅|取消推送)[^ ]{0,2}(点错|按错|弄错|搞错)": 5,  # round twenty-five: "上次退订点错了"
        # round twenty-one: pushes turned back on ("把那个推送恢复起来", "帮俺开通推送")
        r"推送[^ ]{0,3}(恢复|开通|打开|开开)|(恢复|开通|打开)[^ ]{0,3}推送": 4.5,
        r"(这种|这类|这样的)活动.{0,8}给我发": 4,
        r"(通知|消息|活动)[^ ]{0,4}(也|都)(给)?(发|推)(给)?我": 3.5,  # "以后这种通知也发我一份吧"
        r"(收|接收|要)(?!到)(你们的)?.{0,4}(通知|推送|消息)": 2,  # not a notice received ("收到通知说…")
        r"(又|还是|重新)想?(收到|接收|收(?!拾|起|好|到|不))": 4,  # not "又要去医院", "还是收拾不完"
        r"(通知|消息|推送|活动)[^不别没 ]{0,2}(还是|还|继续|照样|照常|接着)(给我)?发": 4,
        r"(推送|通知|消息).{0,2}(重新)?(打开|开启|恢复)": 3.5,  # "把活动通知重新打开"
        r"(还是|继续|接着|照样)(给我)?(推|发)(吧|送|着)": 3.5,
    },
    "unsubscribe": {
        # round twenty-five: the notices stopped or taken back, said every way ("一天发八百条 给我停了", "老给我发这些干什么
        # 不要了", "都是你们的通知 帮她退了吧", "不用再通知我了", "刚才订阅是我孙子给点的 我不要 退掉")
        r"(发|推|通知|消息)[^ ]{0,10} ?(给我|帮我|帮她|帮他|给她|给他)(停了|停掉|关了|关掉|退了|退掉)": 4,
        r"老?给我发这些[^ ]{0,2}(干什么|做什么|有什么用)": 4,
        r"不用再?通知我|别再?通知我": 4,
        r"订阅[^ ]{0,10} ?[^ ]{0,4}(不要|不想要) ?[^ ]{0,2}(退掉|退了|取消)": 5,
        # round twenty-two: "我爸眼睛不好 这些通知他看不懂 停掉吧"
        r"(通知|推送)[^ ]{0,8} ?[^ ]{0,4}(停掉|停了吧|别发了|不要发了|别推了)": 4.5,
        # round twenty-one: "那个推送 帮俺关掉算了", "以后活动通知不用推给我了"
        r"推送 ?[^ ]{0,6}(关掉|关了|关闭|停了|停掉)|(不用|别|不要)再?推(给我|了)": 4.5,
        r"订阅的?[^ ]{0,6}退": 4,  # "订阅的那些都给我退了"
        r"不用给我推|别给我推|通知[^ ]{0,4}不(看|要)了": 4,  # "甭给俺推这些了", "活动通知俺不看了 关了吧"
        # not "先别发", an answer to the bot ("不对 先别发")
        # not hair ("更别说剪头发了 头发长得像个野人", round thirty-two)
        r"(?<!先)(?<!更)(不想|不要|别|不愿意)再?.{0,4}(收|推(?![光平寸头])|(?<![头理剪])发)(到|送)?.{0,4}(通知|消息|推送)?了?": 3.5,
        r"(通知|消息|推送|活动)[^ ]{0,4}(不想|不要|别|不用)(再)?(看|收|要|发)": 4,
        r"(推送|通知|提醒)[^ ]{0,4}(关了|关掉|关上|停了|停掉)": 4,  # "帮她把你们的推送关了", "推送能不能关掉"
        r"(天天|老是|总是|一直)(推|发)[^ ]{0,12}关掉": 4,  # "天天推这些东西 手机都卡了 关掉"
    },
    "broadcast": {
        r"^(帮我)?(发个通知|发通知|群发|广播一下)": 4.5,  # opening the message: what follows is its content
        r"(给|向|通知)(所有|全体|全部|大家)": 2.5,
        r"(不要|别|不用)发给(老人|志愿者|家属|大家|他们)": 4,  # "给志愿者群发 不要发给老人：…"
        r"通知(各位|大伙|全体|所有)": 3,
        # Round twenty-five: a notice sent to a group, in staff's everyday words ("给老年人发：重阳节快乐", "给所有会员推一下",
        # "给义工们发个消息", "推送给60岁以上的老人 …", "帮我推送一条消息给志愿者们：…", "所有住户都发 …", "通知志愿者 …",
        # "再给老人发一遍", "发一条推送 …"): a group, never one person ("给志愿者发个消息 让他明天别来了" is said to one)
        rf"给(所有|全体|全部|各位)?的?[^ ]{{0,6}}?({BROADCAST_GROUPS})(们都?|都)(发|推|推送|通知)": 5,
        rf"给(所有|全体|全部|各位)的?[^ ]{{0,6}}?({BROADCAST_GROUPS})(发|推|推送|通知)": 5,
        rf"^(那个 )?给[^ ]{{0,4}}({BROADCAST_GROUPS})(发|推)[^ ]{{0,4}}( |$)(?!.*[让叫跟告](他|她))": 4.5,  # not "… 让他明天别来了"
        rf"(推送|推)[^ ]{{0,6}}给[^ ]{{0,4}}(所有|全体|各位|[0-9六七八]+岁以上)?的?[^ ]{{0,4}}({BROADCAST_GROUPS})": 4.5,
        # ... sent (发) to a group said as one, not "取件码发给志愿者" (the one who fetches a parcel)
        rf"发[^ ]{{0,6}}给(所有|全体|各位|[0-9六七八]+岁以上)的?[^ ]{{0,4}}({BROADCAST_GROUPS})|发[^ ]{{0,6}}给[^ ]{{0,4}}({BROADCAST_GROUPS})们": 4.5,
        rf"^(所有|全体)[^ ]{{0,4}}({BROADCAST_GROUPS})都?(发|通知)": 4.5,
        rf"^通知({BROADCAST_GROUPS})": 4.5,
        r"(再|重新)给[^ ]{0,6}(发|推)一(遍|次|下)": 4.5,
        r"^(发一条推送|发条推送|发个推送|推一条)(?= |$)": 4.5,
        # round thirty-one: a notice asked for in a desk's everyday words, opening the message ("告诉志愿者们 陪老人看病…",
        # "跟所有志愿者说一声 元旦那天…", "公告一下 积分商城新上了…", "写个通知发出去：…"); to a group, never to one
        # person ("告诉志愿者 我明天不在家" is the member's word to their own volunteer)
        rf"^(帮我)?(告诉|通知|提醒)(所有|全体|全部|各位)的?[^ ]{{0,4}}({BROADCAST_GROUPS})|^(帮我)?(告诉|提醒)[^ ]{{0,4}}({BROADCAST_GROUPS})们": 4.5,
        rf"^(跟|和|给)(所有|全体|全部|各位)?的?[^ ]{{0,4}}({BROADCAST_GROUPS})(们)?都?(说一声|说一下|讲一声|讲一下|打个招呼)": 4.5,
        r"^(帮我)?(公告一下|发个公告|发公告|出个公告|贴个公告|发一条公告)(?= |$)": 4.5,
        r"^(帮我)?(写|拟|编|起草)(个|一个|一条|条|份|一份)(通知|公告)": 4.5,
        rf"^(帮我)?发(一条|个|条)?(通知|消息|公告)给(所有|全体|全部|各位)": 4.5,
        rf"^推送 (所有|全体|各位)?的?[^ ]{{0,4}}({BROADCAST_GROUPS})": 4.5,  # "推送 青年志愿者 周六…", not "推送 取消订阅吧"
    },
    # A pension or a wage that has not come is not an order of ours ("退休金这个月咋还没到").
    "affirm": {
        # round twenty-nine: a choice accepted, as an answer ("要得 那个会说南昌话的就蛮好", "嗯嗯 女的就行")
        r"(?:^|(?<= ))[^ ]{1,10}的就(行|好|蛮好|挺好|可以|成)(了|啦|吧)?$": 3,
        # ... and a yes with the reason the one offered suits ("可以可以 小李挺好的")
        r"^(可以|行|好|要得|中|嗯|好的)[啊呀吧的]? [^ ]{1,6}(挺好|蛮好|不错|很好)的?$": 3.5,
    },
    "unknown": {
        # round twenty-five: the where and when of a training or a class, one's own certificate or ratings, a phone
        # number to complain to: staff's to answer, not the bank's rules ("下个月的志愿者培训在哪里上课", "急救培训还有名额吗",
        # "我的志愿者证书什么时候能拿到", "能看到老人们给我的评价吗", "你们有没有投诉电话")
        r"(培训|讲座|活动|课)[^ ]{0,4}(在哪|在什么地方|几楼|还有名额|有名额|有没有名额|几点开始|什么时候开始|是教什么|教什么|要带|带什么)": 4.5,
        r"通知[^ ]{0,2} ?说?停(水|电|气)[^ ]{0,2} ?(哪天|什么时候|几点)": 4.5,  # "收到的通知 说停水 哪天停啊"
        r"我的[^ ]{0,6}证书?[^ ]{0,4}(什么时候|多久|几时)": 4.5,
        r"(看到|看看|查|查看)[^ ]{0,6}给我的(评价|打分|评分)": 4.5,
        r"投诉(电话|热线|号码)": 4.5,
        r"哪(里|儿)有(卖|买)|哪(里|儿)能买到|有没有卖": 3.5,  # round thirty-two: shopping advice ("附近哪里有卖老年鞋的")
        # round thirty-five: a rumour checked, a scam told, a buyer of old things, the bot's nature ("听说要来台风了 是真的吗",
        # "有人打电话说我中奖了 要先交手续费", "让我把钱转到安全账户", "收旧手机吗", "跟我说话的是电脑吗")
        r"听说[^ ]{0,12} ?[^ ]{0,4}(是真的吗|真的假的|是不是真的)": 4.5,
        r"中奖|洗钱|安全账户|先交[^ ]{0,2}手续费": 4.5,
        r"收旧(手机|电视|家电|冰箱|衣服|报纸)": 4,
        r"谁(能|来)管管|你们管不管|管一管": 4,  # a neighbour complained of ("楼下那条狗天天叫 谁能管管")
        r"(是|你是)(电脑|机器人|真人|人工)(吗|还是)": 4.5,
        # round thirty-four: a volunteer running late (the writers leave it to staff), another app's sign-up, a class
        # joined, a pension short ("公交还没来 我会晚点", "阿姨我大概10点半才能过去", "手机银行注册要去柜台吗", "注册了个
        # 拼多多", "我报名了社区的太极拳班", "我的养老金这个月怎么少了两百")
        r"我(会|要|得|可能|可能要)?晚(点|一点|些|一会儿?)(到|过去|过来)?|我[^ ]{0,8}才能(过去|过来|到)|(可能|会|得)要?晚(一)?点": 4,
        r"(手机银行|银行卡|医保|社保)[^ ]{0,4}注册|注册了个?(拼多多|淘宝|抖音|快手|支付宝)": 4.5,
        r"报名了[^ ]{0,8}(班|课|比赛)|(班|课)[^ ]{0,4}报名了": 4,
        r"(养老金|退休金|工资)[^ ]{0,6}(少了|扣了|没到|没发|晚了)": 4.5,
        r"(老年大学|老干部大学|社区大学|兴趣班)[^ ]{0,6}(报名|上课|招生)": 4.5,  # round thirty-three: "老年大学在哪报名"
        # ... and a dose missed, asked about ("降压药早上忘吃了 中午补上行不行"): the doctor's to answer
        r"药[^ ]{0,4}(忘吃|忘了吃|忘记吃|漏吃|没吃)[^ ]{0,2} ?[^ ]{0,8}(补|行不行|要紧|要不要紧|怎么办|可以吗|行吗)": 4,
        # round thirty-one: a volunteer's news of an elder, or a course finished ("陪诊那个刘爷爷检查结果出来了 没啥大问题",
        # "上回我陪的王奶奶出院了 恢复得不错", "李爷爷最近咋样了 好久没去看他了", "急救培训上完了 挺有收获")
        r"(检查|化验|体检|复查|检验)结果(都)?出来了|(顺利|已经)?出院了": 3,
        r"(爷爷|奶奶|大爷|大妈|大娘|婆婆|阿姨|叔叔|老人家)(最近|现在|这几天|身体)(怎么样|还好|好些)": 3.5,
        r"培训(上完|学完|结束)了(?= |$)": 4,
        # round twenty-nine: the heating's season, a word's meaning ("今年暖气啥时候来", "救命稻草这个词是啥意思")
        r"(暖气|供暖|天然气|自来水)[^ ]{0,4}(什么时候|啥时候|几时|哪天)(来|通|开始|开)": 4.5,
        r"(这个词|这句话|这个字|成语)[^ ]{0,4}(什么|啥)意思": 4.5,
        r"(银行|存款|存折|定期)[^ ]{0,4}利息|利息[^ ]{0,3}(降|涨|又)": 3.5,
        # round twenty-eight: a doctor's question, not the bank's ("白内障手术后多久能洗头", "透析的人一天能喝多少水", "造口袋多久换一次",
        # "助听器哪个牌子好", "医保能报销透析的钱吗")
        r"(多久|多长时间|(?<!这)几天|几个月)(以后|之后)?(才)?(能|可以)(?![^ ]{0,6}(来|帮|陪))": 3.5,
        r"(能|可以)(喝|吃)多少|多久(换|吃|打|量|测|洗)一次": 3.5,
        r"(哪个|什么|啥)(牌子|品牌)的?(好|比较好|最好)": 4,
        r"(医保|新农合|社保)[^ ]{0,4}(能不能|能|可以|给不给|报不报)报": 4.5,
        r"(退休金|养老金|工资|补贴)[^ ]{0,6}(到账|到了没|发了没|发没发)": 5,  # "我爸退休金这个月到账了没"
        # round twenty-eight: a pension late, a car park charged ("怎么还不发退休金啊", "凭什么小区停车位也要收钱")
        r"(还不|还没|怎么不|咋还不)(发|到|打)[^ ]{0,2}(退休金|养老金|工资|补贴)": 5,
        r"(停车|车位|物业|有线电视|电梯费)[^ ]{0,6}(收钱|收费|要钱|涨价|交钱)": 4.5,
        # round twenty-two: a story opened as one ("跟你说个事 我们楼下那个小超市要拆了 …")
        r"^(跟你说个事|跟你讲个事|我跟你说|我跟你讲|告诉你个事)(啊|呀|哈)?( |$)": 3,
        # round twenty-two: a talk or a notice talked about, and where to buy a food ("昨天社区那个讲座讲得蛮好", "通知上说的体检要空腹吗",
        # "南昌有啥地方能买到正宗的生煎")
        r"(讲座|活动|课|节目|电视|戏)[^ ]{0,4}(讲得|办得|搞得|演得|唱得)": 4,
        r"通知(上|里)(说|讲)的": 3.5,
        r"(哪里|哪儿|啥地方|什么地方|哪个地方)[^ ]{0,4}(能|可以)?买(到|得到)": 4,
        # round twenty-one: other services than ours: a loan, a taxi, a ticket's price
        r"(办|贷)[^ ]{0,2}(贷款|信用卡)|(叫|打)(个|辆)?(滴滴|出租车|的士|网约车)|门票[^ ]{0,3}(多少钱|要钱|几块|贵不贵)": 4,
        r"(买|送)(个|点|些)?什么[^ ]{0,6}好": 3,  # round nineteen: advice asked ("给我妈买个什么生日礼物好")
        r"(退休金|养老金|工资|银行)卡?[^ ]{0,4}(还有|剩)多少钱": 4,  # money in a bank, not credits
        # a chore the writer or the family has done, told for its own sake ("今天自己去超市买了菜 累死我了")
        r"(?<!把)(?<!把我)(自己|孙女|孙子|儿子|女儿|老伴)[^ ]{0,6}(买了|剪了|做了|包了|洗了|修了|打扫了|收拾了)": 3,
        r"排了[^ ]{0,6}队": 3,  # a queue at the hospital, told
        r"(培训|讲座|课)[^ ]{0,6}(几时|什么时候|哪天)(开|上)": 3.5,  # when a class starts: information
        r"(退休金|养老金|工资|补贴)[^ ]{0,6}(还没|没到|没发|没打|到账)": 3,
        # what an ambulance costs is information, not the bank's fees ("打一二零是不是要收钱")
        r"((打|叫)(个|了)?(120|119|110|一二零|幺二零)|救护车|消防车).{0,8}(钱|收费|费用|免费)": 4,
        # ... and how to make the call, or whether one can ("想学学怎么打120", "手机没钱了还能打110吗"); a call
        # asked for in danger is read before any intent
        r"(怎么|咋|如何|还能|能不能|能)(打|拨)[^ ]{0,2}(120|110|119|一二零|幺二零|幺幺零|急救电话|报警电话)": 4,
        r"(120|110|119|急救电话|报警电话)[^ ]{0,3}(怎么打|怎么拨|是什么电话|是多少)": 4,
        # a parcel or a meal has arrived, not the volunteer ("快递到了 帮我去取一下")
        r"(快递|包裹|外卖|货|件)(已经|都)?到了": 1.5,
        # money given to a cause is news, not credits to the pool ("老陈给山区小学捐了一千块")
        r"捐了?[0-9零一二两三四五六七八九十百千万]+(块|元|万)": 4,
        r"(又|都)?涨(价|了)": 2,  # prices gone up: a complaint ("物业费又涨了 真闹心")
        # round eighteen: prices told ("菜市场白菜两块五一斤 比超市便宜")
        r"[0-9一二两三四五六七八九十]+块[0-9一二两三四五六七八九]?一?斤|比[^ ]{1,4}(便宜|贵)": 2,
    },
}

# Question forms and set phrases that contain an answer word but are not an
# answer ("行不行", "不好意思"); they win the overlap and vote for nothing.
NEUTRAL_PHRASES = (
    # round twenty-seven: a place one cannot get to, the reason for a visit ("能上门理个发吗 我瘫在床上去不了活动中心")
    "那个号注册的", "号码注册的", "手机注册的", "手机号注册的",  # round twenty-seven: "我手机尾号5566那个号注册的"
    "去不了活动", "去不了社区", "去不了医院", "去不了超市", "去不了菜场", "去不了公园", "去不了理发店",
    # round twenty-eight: what was promised, asked back ("不是说有送餐服务吗 明天中午给我送一份饭来"); a shop one cannot get to,
    # the reason for a visit ("理发店去不了 能来家里给我剪个头吗"); money paid by phone ("钱我先转给你")
    "不是说", "不是讲", "不是说好", "不是讲好",
    *(place + "去不了" for place in ("理发店", "澡堂", "浴室", "菜场", "菜市场", "超市", "食堂", "活动中心")),
    *(no + kin for no in ("别通知我", "不要通知我", "别告诉我") for kin in ("女儿", "儿子", "闺女", "家里", "家人", "孩子")),
    # round thirty: a pick-up no longer needed is a change of place ("明天陪诊不用来家里接我了 我直接在医院门口等"); the
    # bank's care praised and its fun are no visit's verdict ("你们想得真周到", "这个还挺好玩")
    "不用来家里接", "不用来接我", "不用来我家接", "不用到家里接", "想得真周到", "想得周到", "挺好玩", "真好玩", "好好玩",
    "钱我先转给", "钱我转给", "钱先转给", "先把钱转给", "钱我先转", "钱我再转",
    # round thirty-one: any time will do, no order asked after ("随便么子时候来都行")
    "什么时候来都", "随便时候来都", "哪天来都", "几点来都",
    "想请教", "请教一下",  # round thirty-two: a question asked politely, not a request ("想请教一下 …")
    # round thirty-four: someone else who cannot come, before a new ask ("原来那个理发的人去不了 再帮我安排一个"); a lift
    # to hospital offered, not a task taken ("会开车 可以接送老人去医院"); a bus late; and one just registered
    "的人去不了", "的人来不了", "志愿者去不了", "志愿者来不了", "可以接送", "能接送", "接送老人", "公交还没来",
    "车还没来", "刚注册", "才注册", "查下单子", "看下单子", "查下单", "看下单",
    "吵架",  # round thirty-five: a row that is not about notices ("楼上那家又在吵架 … 烦死了")
    "给我包了",  # round thirty-six: "她前天给我包了饺子"
    # round thirty-three: the hospital's procedures, not the bot's ("我怕他们不懂医院流程")
    "医院流程", "看病流程", "就医流程",
    # ... and a chat closed, or a grumble ("…不说了 我去做饭了", "算了不说了 跟你们发发牢骚")
    "算了不说了", "不说了", "发发牢骚", "发牢骚",
    # ... and a registration just done, told before what is asked ("刚注册好 现在能接点啥活")
    *(just + done for just in ("刚", "才", "刚刚") for done in ("注册好", "注册完", "注册了", "报名好", "报完名", "报了名")),
    "行不行", "中不中", "好不好", "可不可以", "是不是", "对不对", "要不要",
    # round twenty-four: a pension's yearly check is papers, not joining the bank ("帮我跑趟社保局办个认证")
    "养老认证", "资格认证", "办个认证", "办认证", "社保认证",
    # round twenty-three: a volunteer wished for, not the bank's training asked about ("… 这回能不能换个认真点的 最好是
    # 培训过的 早上七点半出门")
    "最好是培训过", "最好培训过", "要培训过的", "找个培训过",
    # cannot manage it, not "do not come" ("这个微信我硬是搞不来")
    "搞不来", "弄不来", "整不来", "学不来", "做不来", "玩不来", "用不来",
    # round nineteen: "also can", not the verdict 还可以 ("有人会上门帮忙做饭 还可以一起吃")
    *("还可以" + verb for verb in "一帮陪用做去来给找约再带教送买跟和在把让叫"),
    # round nineteen: someone else who cannot manage the phone, the reason the writer acts ("她不会用手机 我帮她下单")
    *(person + cannot for person in ("她", "他", "我妈", "我爸", "老人") for cannot in ("不会用", "不会弄")),
    # picking someone up, not taking a task ("月底我接我妈去我那住")
    *("我接" + person for person in ("我妈", "我爸", "老伴", "孩子", "孙子", "孙女", "外孙")),
    # a day's period asked about, not a greeting: "礼拜天下午好伐", "明天上午好吗"
    *(day + period + "好" for day in "天日号末一二三四五六" for period in ("早上", "上午", "中午", "下午", "晚上")),
    "可以吗", "行吗", "好吗", "中吗", "对吗", "是吗", "不好意思", "好久", "好多",
    # round sixteen: a forwarded article ("孙女转发给我一篇文章"), an order told of by its past, a class's sign-in, and what the writer
    # will not do ("我不捐 我就想看看自己攒了多少")
    "转发给我", "转发给", "取消了的", "取消的那个", "扫码签到", "要签到", "不捐", "不想捐", "不转", "不想转",
    "是时间银行吗",  # a caller making sure of whom they reached ("喂 是时间银行吗 我是刘婆婆 我想订个送餐")
    "不太", "不方便", "不舒服", "不会", "不知道", "好像", "不好", "是否",
    "紧急联系人", "紧急电话",  # naming an emergency contact is not an emergency
    "说来不了", "说来不成", "说去不了",  # what someone else said: news of an order, not the writer cancelling
    "回不去", "回不来",  # round seventeen: not home for the holidays ("过年回不去了"), not "不去了"
    # round seventeen: coping, and who the writer is ("做饭我还能凑合", "我是要人帮忙的老人 帮我注册一下")
    "还能凑合", "能凑合", "凑合着", "要人帮忙的", "需要帮忙的",
    # the registration referred to, not asked for ("我住的地方 刚才注册写了的", "注册的时候填过了")
    "注册写", "注册时写", "注册时填", "注册的时候", "注册填", "注册登记", "注册的地址",
    "退订了就退订了",  # let it be: what was done, not what is asked ("我老伴那个号退订了就退订了 我这个号恢复推送")
    # round seventeen: a day coming, not a volunteer arriving ("重阳节快到了", "到了明年 … 还作数吗")
    "快到了", *("到了" + when for when in ("明年", "年底", "冬天", "夏天", "过年", "那天", "时候")),
    # round seventeen: health, not a verdict on a visit ("中风以后 … 现在恢复得还行 就是洗澡不方便")
    *(said + also + well for said in ("恢复得", "身体", "身子") for also in ("", "都", "也")
      for well in ("还行", "还可以", "挺好", "很好", "不错", "还不错")),
    # round seventeen: doing it for a parent, not taking a task ("想给她在你们这注册一个 … 我来替她办")
    *("我来" + verb + person for verb in ("替", "帮", "给") for person in ("她", "他", "我妈", "我爸", "老人")),
    # ... or might one day ("以后有事我也能帮她发需求")
    *(can + "帮" + person + "发" for can in ("能", "会", "可以") for person in ("她", "他", "我妈", "我爸", "老人")),
    # water running from a leak is not a statement (流水)
    "一直流水", "老是流水", "总是流水", "在流水", "哗哗流水", "往外流水", "直流水",
    "考了满分", "考满分", "考了100分", "考了一百分",  # round twenty-two: a grandchild's test, not a rating
    "走了以后", "走了之后",  # round twenty-one: gone, not checked out ("俺走了以后存的时间…")
    "地流水",  # round twenty: "厕所的水箱一直哗哗地流水"
    # round twenty: the account someone else set up, and meals made do with, are the story, not the ask
    "帮我关注", "给我关注", "老是凑合", "总是凑合", "吃饭凑合", "随便凑合",
    # round twenty: the bank called by name before the ask ("喂 石涧银行吗 我想约个智愿者…")
    *("时间银行" + tail for tail in ("吗", "啊", "呀", " 我要", " 我想", " 帮我", " 给我")),
    # round eighteen: money sent by phone, not credits ("钱我微信转给他")
    "微信转", "微信转给", "支付宝转", "支付宝转给", "转钱", "钱转给", "转账给志愿者",
    # ... the task signed up for, not signing up ("我报名的那个单去不了了")
    "报名的单", "报名的任务", "报名的那个",
    # fetching one's pension is an errand, not small talk about pensions
    *(verb + money for verb in ("领", "取", "拿") for money in ("养老金", "退休金")),
)

# Phrases that hold a service word but name no service to ask for: they win the overlap and
# name nothing ("电梯维修" is the building's notice, a reason for a request, not a repair at home).
SERVICE_NEUTRAL_PHRASES = ("电梯维修", "电梯检修", "电梯修好", "电梯坏了",
                           # round thirty-four: a registered letter, a bath the broken shower prevents, a shop's group
                           "挂号信", "洗不了澡", "团购群", "超市的团购",
                           # round thirty-five: the cleaner, a photo in the park, dumplings made ("保洁阿姨每礼拜都来", "早上
                           # 去公园拍的", "今天包的饺子")
                           "保洁阿姨", "保洁员", "公园拍的", "去公园拍", "今天包的饺子", "我包的饺子", "自己包的饺子",
                           "刚包的饺子", "做的饭", "做的菜",
                           # round thirty-two: the writer's own chore ("不说了 我去做饭了")
                           "我去做饭", "我要去做饭", "我得去做饭", "做饭去了",
                           "讲话怎么", "讲话的口音",  # round twenty-one: the bot's speech, not company
                           "给它洗", "给猫洗", "给狗洗",  # ... and a pet washed
                           # a walk already taken, told on the way to the ask ("出去溜达了一圈 回来才想起来家里没米了")
                           "溜达了一圈", "转了一圈", "逛了一圈", "走了一圈", "散了一圈",
                           "给我买了", "给我买的",  # round fifteen: a gift told, not an errand asked
                           "来检查", "要来检查", "下来检查",  # round seventeen: an inspection ("区里要来检查")
                           # round twenty-three: someone else in hospital, the reason for the ask ("今晚 … 来个人陪陪我
                           # 老伴住院了我一个人在家睡不着", "帮我公公找个人送午饭 他住院了在二附院")
                           "老伴住院了", "他住院了", "她住院了", "爸住院了", "妈住院了")

# Round twenty-four: a feeling told is no ask, when nothing else in the message asks ("好闷", "好久没人跟我说话了");
# with an ask it names the service ("好闷 想找人来坐坐").
FEELINGS = frozenset({"闷", "孤单", "寂寞", "心情不好", "冷清", "没人跟我说话", "没人说话", "没人陪我说话",
                      "说不上一句话"})

# What the bot hears when it asked a yes/no question: a bare "不" or "要" is
# then an answer.
YES_NO_CUES: dict[str, dict[str, float]] = {
    "affirm": {
        "要": 2, "需要": 2, "有": 1.5, "嗯": 2, "恩": 2, "好": 2, "行": 2, "可以": 2,
        "对": 2, "是": 2, "中": 2, "确定": 2,
    },
    "deny": {
        "不": 2.5, "不行": 2.5, "不用": 2.5, "不需要": 3.5, "不需要了": 3.5,
        "不要了": 3, "没有": 2, "不确定": 2,
    },
}

# A need negated ("不需要买菜了", "不用理发了") cancels the request; so does
# a service followed by a dismissal ("后天的买菜不用了").
DISMISSALS = ("不用了", "不要了", "不需要了", "不做了", "算了", "就算了", "不必了",
              "的不要", "的不用",  # round eighteen: "陪诊的不要 我没车"
              # round twenty: "那个陪诊不用约了 我自己陪他去"
              "不用约了", "不约了", "不用找了", "不用请了", "不用派了", "不用安排了", "不用来了")
# A service set aside ("除了陪诊 还有别的单吗") is neither asked for nor cancelled.
SET_ASIDE_BEFORE = r"(?:除了|除开|除去)$"
NEGATIONS = (
    "不需要", "不用", "不要", "别", "不想", "不必", "用不着", "没必要", "不想要", "不去", "不来",
)

# ---------------------------------------------------------------- services

SERVICE_CUES: dict[str, dict[str, float]] = {
    "medical_escort": {
        "陪诊": 3, "医院": 2, "看病": 2.5, "复查": 2.5, "复诊": 2.5, "义诊": 2.5, "挂号": 2, "就医": 2.5, "就诊": 2.5, "门诊": 2, "体检": 2,
        "看医生": 2.5, "看牙": 2.5, "拿结果": 1.5, "做检查": 2, "b超": 2, "诊所": 2, "卫生院": 2, "医生": 1, "透析": 2.5, "抽血": 2.5, "验血": 2.5, "化验": 2,
        "输液": 2, "打针": 2, "出院": 2.5, "住院": 2,
        "疫苗": 2.5, "打疫苗": 3,  # round twenty-eight: "陪我去社区打流感疫苗"
        "胃镜": 2.5, "肠镜": 2.5, "一附院": 2, "二附院": 2, "附属医院": 2,  # round twenty
        "专家号": 2.5, "卫生服务中心": 2.5, "量血压": 2, "量个血压": 2,  # round twenty-three: "陪我去挂专家号"
        "拍个片": 2.5, "拍片子": 2.5, "中医院": 2.5,  # round twenty-four: "想找人周五陪她去拍个片子"
        "眼科": 2.5, "牙科": 2.5, "骨科": 2.5, "内科": 2.5, "外科": 2.5, "皮肤科": 2.5, "拍片": 2, "核酸": 2, "检查": 1, "中医": 2.5, "看中医": 3, "针灸": 2, "理疗": 2,
    },
    "shopping": {
        "买菜": 3, "代购": 3, "超市": 2.5, "买东西": 3, "日用品": 2, "菜市场": 2.5, "买米": 2.5, "采购": 2.5,
        "购物": 2.5, "买": 1, "年货": 2.5, "办年货": 3, "生活用品": 2, "菜场": 2.5,
    },
    "cleaning": {
        "换被子": 2.5, "换上厚被子": 3, "收凉席": 3, "凉席收": 3,  # round twenty-seven: "把凉席收了换上厚被子"
        "打扫": 3, "保洁": 3, "收拾": 2, "擦窗户": 3, "擦玻璃": 3, "擦窗": 3, "大扫除": 3, "搞卫生": 3, "打扫卫生": 3,
        "拖地": 3, "扫地": 3, "家政": 2.5, "整理": 1.5, "洗衣服": 2, "洗碗": 2, "除尘": 2.5, "擦桌子": 2.5, "家务": 2.5,
        "理一理": 2.5, "理一下": 2, "衣柜": 1.5,  # round twenty-three: "来个人帮我把衣柜理一理"
        "晒被子": 2, "拾掇": 2.5, "归置": 2.5, "洗被子": 3, "洗床单": 3, "拆洗": 3, "晾衣服": 2,
    },
    "companionship": {
        "推我去": 2.5, "推他去": 2.5, "推她去": 2.5,  # round twenty-seven: a wheelchair pushed to an event
        "陪伴": 3, "聊天": 3, "说话": 2, "陪聊": 3, "散步": 3, "解闷": 2.5, "谈心": 3, "下棋": 2.5, "打牌": 2,
        "遛弯": 3, "陪": 1, "闷": 1.5, "唠唠": 2.5, "唠家常": 3, "拉家常": 3, "聊家常": 3, "拉呱": 3,
        "摆龙门阵": 3, "谝闲传": 3, "侃大山": 3, "聊会": 2.5, "串门": 2.5, "看望": 2, "散心": 3, "一起跳舞": 2.5,
        "广场舞": 2.5, "孤单": 2, "寂寞": 2, "心情不好": 1.5, "读报": 2.5, "晒太阳": 2, "照看": 2.5,
        "照顾": 2, "唠嗑": 3, "溜达": 3, "遛遛": 2.5,
        "讲话": 2,  # round twenty: Gan 讲话 is 说话 ("想有人来屋里坐坐讲讲话")
        "去公园": 2.5, "太极": 2.5,  # round eighteen: "明早八点陪我去公园打下太极拳"
        "逛公园": 3, "看灯": 2,  # round twenty-three: "元宵节晚上 想有人陪我去看灯"
        "看跳舞": 2.5, "看戏": 2.5, "听戏": 2.5,  # round twenty-eight: "陪我去广场看跳舞"
        # round twenty-nine: a daily call to an elder alone ("每天给她打个电话聊几句", "给我老爹打个电话问问平安")
        "聊几句": 2.5, "问平安": 3, "报平安": 2, "打个电话聊": 3, "打个视频聊": 3,
        # round twenty-four: nobody to talk to, told (a feeling: lexicon.FEELINGS)
        "没人跟我说话": 2, "没人说话": 2, "没人陪我说话": 2, "说不上一句话": 2,
    },
    "haircut": {
        "剃脑壳": 3, "飞发": 3,  # Hunan, Cantonese
        "理发": 3, "平头": 3, "推平头": 3, "剪短发": 3, "剪头发": 3, "刮胡子": 3, "剃胡子": 3, "剪发": 3, "剪头": 3, "剃头": 3, "剃个头": 3, "推个头": 2.5, "剃剃头": 3, "头发": 2, "剪": 1.5, "理个发": 3, "修头发": 3,
    },
    "meal": {
        "送碗粥": 3, "白粥": 2,  # round twenty-seven
        "包点粽子": 3, "包顿饺子": 3, "包点饺子": 3,  # round twenty-seven
        "做饭": 3, "家常菜": 2.5, "汤圆": 2.5, "粽子": 2.5, "送饭": 3, "送餐": 3, "送个餐": 3, "送个饭": 3, "做个饭": 3, "包饺子": 3, "饺子": 2, "午饭": 2, "晚饭": 2, "早饭": 2, "做菜": 2.5, "煮饭": 3,
        "烧饭": 3, "做顿饭": 3, "年夜饭": 3, "团圆饭": 3, "包粽子": 3, "包汤圆": 3, "饭": 1, "配餐": 3, "助餐": 3, "老年食堂": 2, "煮粥": 2.5,
        "热饭": 2, "搓汤圆": 3,  # round twenty: "想吃口热饭", "帮忙搓汤圆"
        "腊八粥": 2.5, "熬粥": 2.5, "煮锅": 2,  # round twenty-three: "腊八那天上午来帮我煮锅腊八粥"
        "烧两个菜": 3, "烧几个菜": 3, "炒两个菜": 3, "炒几个菜": 3, "做两个菜": 3,  # round twenty-four
        "打份饭": 3, "打个饭": 3, "打一份饭": 3, "带份饭": 3,  # round twenty-five: "帮我从食堂打份饭送过来"
    },
    "bathing": {
        "助浴": 3, "洗澡": 3, "搓澡": 3, "擦澡": 3, "泡澡": 3, "擦身": 3, "擦身子": 3, "擦洗": 2.5, "洗头": 2, "泡脚": 2, "洗浴": 3,
    },
    "repair": {
        "修一修": 3,  # round twenty-seven: "空调 … 在这之前能不能先找人来帮我看看 修一修"
        "暖气片": 2.5, "放气": 2, "墙皮": 2.5, "补墙": 2.5, "补一补": 2,  # round twenty-seven: "暖气片得找人先放放气", "墙皮…补一补"
        "电视机": 2, "遥控没反应": 2.5,  # round twenty-three: "帮我看下电视机 按遥控没反应了"
        "热水器": 2.5, "出不来热水": 2.5,  # round twenty-one: a water heater with no hot water, whatever the bath
        "灯胆": 2.5,  # Cantonese bulb
        # round twenty-nine: things installed or seen to for safety ("给厕所装个扶手", "装个烟雾报警器", "报警器 … 该换电池了")
        "扶手": 2.5, "报警器": 2.5, "换电池": 2.5, "煤气管": 2.5, "电线": 2, "呼叫器": 2.5, "关阀": 2.5,
        "修": 2, "喷头": 3, "淋浴头": 3, "花洒": 3, "窗帘轨道": 3, "门把手": 3, "维修": 3, "修理": 3, "换灯泡": 3, "灯泡": 2, "水管": 2.5, "漏水": 3, "滴水": 2, "马桶": 2.5,
        "堵了": 2.5, "门锁": 2.5, "坏了": 2, "不亮": 2, "电路": 2, "跳闸": 2.5, "插座": 2, "水龙头": 2.5, "纱窗": 2,
        "下水道": 2.5, "漏雨": 3, "屋顶": 1.5, "安装": 2, "漏电": 2.5, "暖气": 1.5, "电工": 2.5, "懂电": 2, "水电": 2,
    },
    "errand": {
        "扫墓": 2.5,  # round twenty-seven: "找个志愿者代我去墓地扫扫墓" (visiting a grave with someone is company)
        # round twenty-four: papers at the police station or the social security office ("帮我去派出所办一下", "跑趟社保局
        # 办养老认证")
        "体检报告": 1.5,  # round twenty-five: "体检报告到了 … 帮我去居委会取一下", not "陪我去医院拿体检报告"
        "派出所": 2.5, "销户": 2.5, "社保局": 2.5, "养老认证": 3, "资格认证": 3, "办个认证": 3, "办认证": 3,
        "煤气罐": 2, "换煤气": 3, "送煤气": 3, "扛煤气": 3, "扛一罐": 2.5, "换一罐": 2.5,  # a gas cylinder carried up
        "药快吃完了": 2.5, "药吃完了": 2.5, "药快没了": 2.5,  # round seventeen: medicine running out
        "取个药": 3, "拿个药": 3,  # round twenty-nine
        "取药": 3, "拿药": 3, "买药": 2.5, "缴费": 3, "交费": 3, "电费": 2.5, "水费": 2.5, "燃气费": 2.5, "话费": 2,
        "物业费": 2.5, "跑腿": 3, "证明": 2, "办事": 2.5, "代办": 3, "取快递": 3, "快递": 2, "寄快递": 3, "手续": 2, "社保": 2,
        "邮局": 2, "驿站": 2, "跑一趟": 2.5, "药店": 2, "药房": 2, "跑趟": 2.5, "跑个腿": 3, "营业厅": 2,
        "老年证": 2, "居委会": 1.5,  # round twenty-eight: "帮我去居委会拿下老年证"
        "年审": 3, "寄包裹": 3, "寄个包裹": 3, "寄东西": 3, "寄点": 2,  # round nineteen: the post and the papers
    },
    "digital_help": {
        "教我用手机": 3, "手机": 1.5, "智能手机": 2.5, "微信": 2, "视频通话": 3, "视频电话": 3, "视频": 1.5, "健康码": 3, "电脑": 2,
        "上网": 2.5, "网上": 1.5, "发语音": 2, "支付宝": 2, "扫码": 2.5, "二维码": 2, "app": 2, "教": 1.5, "教我": 2,
        "打字": 2, "电视遥控": 2,
    },
}

SERVICE_PATTERNS: dict[str, dict[str, float]] = {
    "medical_escort": {
        r"陪[^ ]{0,3}去[^ ]{0,4}开(点|些)?药": 3.5,  # round twenty-five: "想找人陪我去开药": the trip is the escort's
        # round twenty-two: "8号下午陪我妈去社区医院量个血压开点药": the medicine is fetched on the visit
        r"陪(我|我妈|我爸|她|他|老伴|我老伴)[^ ]{0,3}去[^ ]{0,8}(医院|诊所|卫生院)": 4,
        r"陪.{0,4}(医院|看病|复查|看医生|就医)": 3,
        # round twenty-eight: the visit told, then company asked for it ("…复查心脏 想找个人陪着", "开药 … 谁能陪我走一趟")
        r"(医院|诊所|卫生院|复查|看病|开药|透析|疫苗|体检|拿药).{0,24}(陪着|陪我走一趟|陪我去一趟|陪一趟|走一趟|陪同)": 4,
        r"(医院|诊所|卫生院|服务中心)[^ ]{0,10} ?(要人陪|找人陪|有人陪|陪她去|陪他去)": 4,  # round twenty-four: "去中医院开中药 要人陪"
        # the writer goes to the hospital themselves: a medicine fetched there is their visit ("我要去医院开药 想找人陪着")
        r"(?<![帮替给让])(我|我要|要)去[^ ]{0,6}(医院|诊所|卫生院)": 4,
        # a part of the body to have looked at: "去看眼睛", "查查膝盖"
        r"(看|查|检查)(一下|下)?(眼睛|牙|耳朵|腿|腰|心脏|血糖|皮肤|骨头|颈椎|膝盖)": 2.5,
    },
    "shopping": {
        r"帮我(去)?买(点|些|束|盒|袋|瓶|几)": 3,  # round twenty-seven: "帮我去买点纸钱和菊花"
        # round twenty-two: "帮我整点菜回来呗"
        r"(整|弄|搞|带)(点|些)菜回来": 3,
        # round twenty-one: "帮俺去菜场带两斤排骨"
        r"(菜场|菜市场|超市)[^ ]{0,2}(带|买|捎)": 3,
        r"买.{0,3}(菜|米|面|油|东西|水果|鸡蛋|肉|蛋|奶|日用品|年货|零食|面包|调料|酱油|醋|盐|纸巾|卫生纸|洗衣粉|牙膏)": 3,
        r"(菜|米|面|油|水果|鸡蛋|日用品)(给我|帮我)?买": 3,
        r"(捎|带|稍)(点|些|个|一点)?[^ ]{0,2}(菜|米|面|油|水果|鸡蛋|肉|奶)": 3,
    },
    "cleaning": {
        # round twenty-one: "阳台上堆了好多旧报纸瓶子 想请人帮俺清一下"
        r"帮[^ ]{0,3}清(一下|下|一清|理一下)": 2.5,
        r"(窗帘|被罩|床单|沙发套|门帘)[^ ]{0,6}(拆|洗)": 3,  # "想把窗帘拆下来洗洗"
        r"油烟机.{0,10}(擦|洗|清洗|清理)|(擦|洗|清洗|清理)[^ ]{0,3}油烟机": 3,  # grease to clean, not a repair
        # round thirty-two: a window or a stove to wipe clean ("厨房窗户上全是油 过年前想擦干净")
        r"(窗户|玻璃|灶台|瓷砖|纱窗)[^ ]{0,8} ?[^ ]{0,2}(擦|清洗|清理)|擦干净": 3,
        r"(搞|做|打扫).{0,2}卫生": 3,
        # bedding to air: "把冬天的被子拿出来晒晒"
        r"(被子|被褥|褥子|床单|棉被)[^ ]{0,6}晒|晒[^ ]{0,2}(被子|被褥|褥子|棉被)": 3,
        r"(窗户|玻璃|地板|屋里|家里|屋子)[^ ]{0,3}(脏|乱)": 2.5,
        r"(屋里|家里|屋子|房间)[^ ]{0,3}(搞|弄|收拾|打扫)干净": 3,  # round twenty-four: "想请人先来把屋里搞干净"
        r"(窗户|玻璃|地板|桌子).{0,6}(擦|拖|扫)": 3,
        r"(擦|拖|扫|清洗|洗)(一下|一擦|擦|下)?.{0,2}(窗户|窗|玻璃|地板|桌子|地|油烟机|灶台|厨房|柜子|家具|瓷砖|卫生间|厕所)": 3,
    },
    "companionship": {
        r"陪[^ ]{0,2}去[^ ]{0,6}看看?(她|他|老姐妹|老朋友|老同事|亲戚|朋友)": 2.5,  # "陪我去看看她" (at the care home)
        r"陪(我|她|他|老人)吃": 3.5,  # round twenty-seven: "来个人陪我吃顿年夜饭": company, though the meal is named
        r"陪[^ ]{0,2}去[^ ]{0,8}(逛|玩|转|看(热闹|戏|灯|花|划?龙舟|比赛|演出|电影|风景))": 2,  # "陪我去河边看划龙舟"
        # round twenty-one: "陪俺去绳金塔那边转下"
        r"陪[^ ]{0,8}(转下|转转|转一转|逛逛|逛下|溜达)": 3,
        r"陪我去[^ ]{1,8}(走|转|逛)": 2.5,  # round twenty-three: "想有人陪我去滕王阁那边走走"
        r"陪我去(墓地|公墓|扫墓|上坟|滕王阁|八一广场|公园|江边|湖边)": 3,  # round twenty-four: "想有人陪我去墓地看看他"
        r"陪.{0,6}(坐|待|呆|聊|说|走|散|玩|逛|转|串门)": 2,
        r"陪.{0,4}(看|看望|探望)(老|朋友|战友|同学|亲戚|邻居)": 2.5,
        r"(公园|小区|楼下).{0,3}(走|转|逛)": 2.5,
    },
    "haircut": {
        # round twenty-one: "来修下头发 剪短点"
        r"修(一下|下|修)?头发": 4,
        r"剪.{0,2}头": 3,
        r"(刮|剃)(个|一下|下)?胡子": 3,
        r"理.{0,2}发": 3,
    },
    "meal": {
        r"(帮忙|帮我|请人|找人)[^ ]{0,4}做(一桌|一顿|几个)(菜|饭)": 3.5,  # round thirty-five: "想找人帮忙做一桌菜"
        # round twenty-one: "帮俺做几个菜 蒸点米粉肉", "帮俺熬点稀饭"
        r"做(几个|个|两个|点)菜|米粉肉|熬(点|个)?(稀饭|粥)": 3,
        r"(做|送|煮|烧)(个|顿|点|一顿)?[^ ]{0,4}饭": 3,
        r"(整|弄)(个|顿|点|一顿|口)饭": 3,  # north-eastern and Sichuan: "给俺整顿饭"
        r"(蒸|包|擀|炖|熬|炒|煮)(个|点|些|几个|一锅|一碗|两屉|一屉)?.{0,2}(馒头|包子|饺子|面条|粥|汤|菜)": 3,
        r"(菜|饭)(给我|帮我)?(做|煮|烧|炒)": 3,
    },
    "bathing": {
        # round thirty-four: the one helped washed, whatever the story names ("刚出院 … 想找人帮他擦擦身", "热水器她又不会开
        # 你们能来个人帮她洗吗")
        r"(帮|给)(他|她|我|老人)?擦(擦)?身": 4, r"帮(她|他|我|老人)洗(澡|个澡|一下|洗)?(吗|吧)?(?= |$)": 3.5,
        r"洗.{0,2}澡": 3,
        r"擦.{0,2}身": 3,
        r"(帮|给)(他|她|我爸|我妈|老人)[^ ]{0,2}洗一?洗(?![衣碗菜被床窗头])": 2.5,  # round twenty: "要人帮他洗一洗"
    },
    "repair": {
        r"(管子|水管|管道)[^ ]{0,2}漏": 3,  # round thirty-five: "好像是底下管子漏的 谁能来看看"
        r"(窗帘|轨道|拉链|抽屉|柜门|门把手|把手)[^ ]{0,4}(卡住|坏了|掉了|拉不动|关不上|松了)": 3.5,  # round thirty-four
        # round twenty-one: "柜子门掉下来了 帮俺安上去"
        r"(安|装)(上去|回去)": 2.5,
        r"(装|安)(个|一个|两根|两个|几个|上)?[^ ]{0,8}(扶手|报警器|呼叫器|门铃|防滑|关阀|栏杆|感应灯)": 3.5,  # round twenty-nine
        # round twenty-one: "有没有会修的志愿者"
        r"会修(的|东西)": 3,
        r"(玻璃|窗户|门|柜子|椅子|桌子)[^ ]{0,3}(烂|坏|破|碎)(了|咗)": 2.5,
        r"换.{0,2}灯泡": 3,
        r"(热水器|空调|冰箱|洗衣机|电视|燃气灶|灶台|油烟机)[^ ]{0,3}(不出热水|不出水|不制冷|不制热|不转|不亮|打不着|不工作|没反应)": 3,
        # something in the home to fit, change or mend: "换个锁", "装个窗帘", "修修洗衣机"
        r"(换|修|装|安)(个|一下|下|一个|把)?.{0,2}(锁|窗帘|灯|插座|开关|水龙头|马桶|纱窗|煤气罐|燃气罐|热水器|油烟机|空调|电视|洗衣机|冰箱|门)": 3,
        r"通.{0,2}(马桶|下水道)": 3,
        r"灯.{0,4}(坏|闪|不亮|不灵)": 3,
        r"换(块|个|一块)?玻璃": 3,  # round twenty: a cracked pane
        r"(水箱|水管|水龙头|马桶)[^ ]{0,10}(流水|关不住|关不上|漏)": 3,  # round twenty: a cistern that runs on
    },
    "errand": {
        # round thirty-two: something done at the hospital on someone's behalf, not a visit with them ("帮她去医院把住院费
        # 交了", "帮我去医院取一下"), and a report fetched for them ("帮我取一下体检报告 在社区卫生服务中心"; not "想找人陪俺去医院
        # … 拿体检报告", where the writer goes too)
        r"(帮|替|给)(她|他|我|我妈|我爸|老人)?去[^ ]{0,6}(医院|卫生院|诊所)[^ ]{0,2}(把|取|拿|交|缴|领|办|打印)": 4.5,
        r"(帮|替)(我|她|他|老人)?去?[^ ]{0,4}(取|拿|领|打印)(一下|下|个)?[^ ]{0,2}(体检报告|检查报告|化验单|报告单|片子)": 4,
        r"(体检报告|检查报告|化验单|报告单|片子)[^ ]{0,6} ?(帮|替)(我|她|他|老人)?去?(取|拿|领|打印)": 4,
        # round twenty-nine: medicine fetched from the hospital for someone ("明天上午能不能帮她去医院取个药")
        r"(帮|替|给)(她|他|我|我妈|我爸)?去[^ ]{0,6}(医院|药店|药房|诊所|卫生院)[^ ]{0,3}(取|拿)(个|点|些)?药": 4.5,
        # round twenty-two: "代办个老年证 要去社区跑一趟"
        r"代办|跑一趟": 2.5,
        r"(交|缴)(个|一下|下)?.{0,3}费": 3,
        r"药[^ ]{0,6}拿|拿[^ ]{0,2}药": 3,  # "有个药要去医院拿": the medicine fetched, not a visit
        r"(水电|水|电|燃气|煤气|话|网|物业|电话|暖气)费": 3,
        r"(取|拿|开|买|配)(个|点|些|一下|下)?.{0,3}药": 3,
        r"(领|取|拿)(一下|下|个)?.{0,2}(养老金|退休金|补贴)": 3,
        r"药.{0,2}(取|拿|买)": 3,
        # a medicine ready to be fetched, and brought home ("药在社区医院开好了 … 帮忙取一下送到家")
        r"药[^ ]{0,10}(开好|配好|准备好)了": 3,
        r"(取|拿)(一下|回来)?[^ ]{0,2}送(到家|过来|回来|上门)": 3,
        r"充(一下|个)?[^ ]{0,3}(燃气卡|电卡|水卡|电费|燃气费|话费)|(燃气卡|电卡|水卡)[^ ]{0,3}充": 3,
        r"(取|拿|寄)(个|一下|下)?[^ ]{0,2}(快递|包裹)": 3,
        r"办(个|点)?.{0,2}(手续|证|卡|事)": 3,
        r"(?<!时间)银行": 1.5,  # the bank down the road, not the time bank
    },
    "digital_help": {
        # round thirty-four: an app's booking taught, not a visit ("医院那个挂号的小程序我弄不来 想请个人教一下")
        r"(小程序|app|软件|公众号)[^ ]{0,6}(弄不来|不会|搞不懂|用不来|教)|教(一下|下|我)?[^ ]{0,4}(小程序|app)": 4.5,
        r"教(我|我妈|我爸|他|她|老人)?.{0,4}(用|弄|发|玩|操作|上网|视频|微信|手机)": 3,
        r"(怎么|学|学会|不会)用?.{0,2}(手机|微信|电脑|视频|扫码)": 3,
        r"(手机|微信|电脑|网上).{0,4}(挂号|缴费|付|支付|视频|怎么|不会)": 3,
        # round nineteen: a chore done on the phone is the phone taught ("教我怎么在手机上买菜"), not the chore
        r"(用|在)(手机|微信|网上|app)上?(买菜|买东西|挂号|缴费|交费|打车|点外卖)": 4,
    },
}

# ---------------------------------------------------------------- roles, audiences

ROLE_CUES: dict[str, dict[str, float]] = {
    "volunteer": {"志愿者": 3, "义工": 3, "大学生": 1, "学生": 2, "帮助别人": 2, "献爱心": 2,
                  "志愿服务": 3, "帮别人": 2.5,  # round nineteen: a retired teacher joining to help
                  "帮老人": 3, "帮助老人": 3,
                  # round twenty-three: the wish said outright outweighs an age and a retirement told ("我今年66
                  # 刚退休 … 想当志愿者帮帮楼里的老人"): the younger old are the bank's volunteers
                  "当志愿者": 4, "做志愿者": 4, "想当志愿者": 8, "想做志愿者": 8},  # round twenty-two: "… 可以做志原者 帮老人买买菜聊聊天 我想报名"
    "family": {"子女": 3, "家属": 3, "代办": 2, "儿女": 3},
    "elder": {"老两口": 3, "老太婆": 3, "老头子": 2, "老人": 2, "老年人": 2, "独居": 2, "退休": 2, "空巢": 2, "老头": 1.5, "老太太": 1.5, "一个人住": 2,
              "自己住": 1.5},
}

ROLE_PATTERNS: dict[str, dict[str, float]] = {
    "family": {
        # round twenty-one: "我想替他们在你们平台上注册一个"
        r"(替|给|帮)(他们|我爸妈|爸妈|父母|二老)[^ ]{0,8}(注册|报名|登记)": 4,
        r"(孙女|孙子|外孙|外孙女|儿子|女儿|闺女|儿媳)(替|给|帮)(奶奶|爷爷|外婆|外公|姥姥|姥爷|我妈|我爸|老人)[^ ]{0,6}(注册|绑定|报名|登记)": 4,
        rf"(帮|替|代|给)(我|我家|他|她|家里|老家)的?(两位|两个|俩|几位)?({ELDER_RELATIVES})": 3.5,
        rf"(帮|替|代|给)({ELDER_RELATIVES})(注册|报名|报个名|登记|登个记)": 3.5,  # "我想帮阿爸注册一下"
        r"我是[^ ]{0,4}的?(儿子|女儿|闺女|孙子|孙女|外孙|外孙女|子女|家属|儿媳|女婿|外甥|侄子|侄女)": 3.5,
        r"(帮|替|给)(他|她|我妈|我爸|老人)[^ ]{0,10}?(注册|报名|报个名|登记|登个记|加入|开户|开个户)": 4,  # "想给她在你们这注册一个"
        rf"(帮|替|给)我[^ ]{{1,6}}的老?({ELDER_RELATIVES})[^ ]{{0,6}}(注册|报名|登记)": 4.5,  # round twenty-nine: "帮我独居的老父亲注册"
    },
    "volunteer": {
        r"(注册|报名)(成|当|做)(一名|个)?(志愿者|义工)": 6,  # round twenty-five: "我也想注册成志愿者 … 以后给我妈用"
        r"招(募)?(志愿者|义工)[^ ]{0,12} ?(我报名|我报一个|我参加|我来)": 5,  # round twenty-five: a call for volunteers answered
        r"(当|做|成为)(个|一个|一名)?.{0,2}(志愿者|义工)": 5,
        r"想(报名|报个名|报名了)?(来|去|出来)?(帮|帮助|照顾|服务|陪陪?)(一下|下)?(老人|老年人|有需要的人|别人|大家|孤寡老人)": 3,
        r"^我(就)?是(一个|一位|个)?(志愿者|义工)": 3,
    },
    "elder": {
        # round thirty-four: an elder telling where the children are, not a child ("我们老两口都想注册 … 儿女都在广东")
        r"(儿女|子女|孩子们?)(都)?(在|不在)(外地|外面|身边|广东|上海|北京|深圳|国外|外省)": 4,
        r"我(今年)?\d+岁": 2,
        r"^我(就)?是(一个|一位|个)?(老人|老年人)": 3,
        r"我是[^ ]{1,6}的(老人|老年人)": 4,  # "我老伴是志愿者 … 我是要人帮忙的老人 帮我注册一下"
        r"(我|今年|已经)?[六七八九]十[一二三四五六七八九几多]?岁": 2.5,
        r"我(今年|都|已经)?[六七八九]十(多|几)了": 2.5,  # round thirty-five: "我七十多了 自己注册个账号"  # and "我七十几岁"
        r"今年([六七八九]十[一二三四五六七八九]?|[6-9]\d)(?![个号块元])": 2.5,
        r"我(今年|都|已经)?[六七八九]十[一二三四五六七八九]?了": 2.5,
        # Someone who wants volunteers to help them is the one helped.
        r"(让|请|找|要|等)(个|一个)?(志愿者|义工)(来)?(帮|陪|照顾|看看)": 4,
        r"我是.{0,3}(大爷|大妈|奶奶|爷爷|老太太|老头)": 3,
    },
}

AUDIENCE_CUES: dict[str, dict[str, float]] = {
    "all": {"所有人": 3, "全体": 1, "大家": 2, "全部": 1, "每个人": 2, "所有用户": 3, "所有的用户": 3, "全部用户": 3, "用户": 1.5, "居民": 1.5, "大伙": 2,
            "全小区": 3, "全社区": 3, "住户": 2, "会员": 2, "所有会员": 3},  # round twenty-five
    "elder": {"老人": 3, "老年人": 3, "老年会员": 3, "老人会员": 3, "长者": 3, "爷爷奶奶": 3, "老年朋友": 3, "长辈": 2.5, "叔叔阿姨": 2.5,
              "老同志": 3, "岁以上": 2.5},
    "volunteer": {"志愿者": 3, "义工": 3},
}

# ---------------------------------------------------------------- scores

# Feedback words -> score 1..5 (contract: 很满意 5, 满意 4, 一般 3, 不满意 2,
# 很差 1; other words follow by analogy).
SCORE_WORDS = {
    "五星": 5, "满分": 5, "很满意": 5, "非常满意": 5, "十分满意": 5, "特别满意": 5,
    "太满意": 5, "很好": 5, "非常好": 5, "太好了": 5, "特别好": 5, "很棒": 5, "好评": 5,
    "满意": 4, "比较满意": 4, "挺满意": 4, "还算满意": 4, "不错": 4, "挺好": 4,
    "一般": 3, "还行": 3, "还可以": 3, "凑合": 3, "马马虎虎": 3,
    "不满意": 2, "不太满意": 2, "不太行": 2, "不怎么样": 2, "服务不好": 2, "态度不好": 2,
    "很差": 1, "非常不满意": 1, "太差": 1, "极差": 1, "差劲": 1, "差评": 1,
    # spoken and dialect verdicts
    "好得很": 5, "没得说": 5, "没话说": 5, "顶呱呱": 5, "呱呱叫": 5, "真棒": 5, "蛮满意": 4, "蛮好": 4,
    "还算可以": 3, "不怎么好": 2, "不怎么地": 2, "服务不太好": 2, "做得不太好": 2, "干得不太好": 2,
    "差得很": 1, "太不像话": 1, "马虎": 2, "敷衍": 2, "不耐烦": 2, "不认真": 2,
    # northern 老/贼 before a verdict is 很
    "老满意": 5, "贼满意": 5, "贼好": 5, "老好了": 5,
    # round twenty-five: Cantonese 好 and Shandong 杠 before a verdict are 很; 很不满意 is the contract's 非常不满意
    "好满意": 5, "杠满意": 5, "杠好": 5, "很不满意": 1, "特别不满意": 1, "太不满意": 1, "十分不满意": 1,
}

# A verdict ("我很满意", "五星") outweighs praise met on the way ("挺好的"): words holding these.
SCORE_VERDICT_MARKS = ("满意", "星", "满分", "评", "差")  # 差: "打扫得很马虎 … 很差" is a 1

# ---------------------------------------------------------------- numbers

NUMERAL_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "幺": 1, "二": 2, "两": 2, "俩": 2, "三": 3, "仨": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
NUMERAL_UNITS = {"十": 10, "百": 100, "千": 1000}

# ---------------------------------------------------------------- dates

RELATIVE_DAYS = {
    "今天": 0, "今日": 0, "当天": 0, "明天": 1, "明日": 1, "后天": 2, "大后天": 3,
    "昨天": -1, "前天": -2,
    "听日": 1, "后日": 2, "大后日": 3, "琴日": -1, "明朝": 1,  # Cantonese; Wu 明朝; Gan 大后日
}

WEEK_WORDS = ("周", "星期", "礼拜")

WEEKDAY_NAMES = {
    "一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6,
    "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6,
}

# The bank's words a pinyin keyboard's wrong homophone is put back as (nlu/homophones.py): "打嫂" 打扫, "聊添" 聊天.
# Only words no everyday word sounds like with a character in common: not 买菜 (卖菜 is a word), not 帮助 (帮主),
# not 煤气 (没气: no breath), not 一般 (一板药, 一半), 一刻 (一颗药) or 挂号 (电话挂好了).
HOMOPHONE_TARGETS = frozenset({
    "打扫", "卫生", "保洁", "聊天", "理发", "剪头", "做饭", "送饭", "送餐", "饺子", "快递", "取药", "助浴", "洗澡",
    "陪诊", "复查", "预约", "菜单", "结束", "满意", "还行", "订阅", "退订", "广播", "群发",
    "注册", "取消", "余额", "积分", "签到", "签退", "接单", "转账", "明细", "时间币", "志愿者", "任务", "订单", "进度",
    "评价", "捐赠", "兑换", "算了", "星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期天", "星期日",
    "礼拜", "一氧化碳",
    "小时", "半小时", "半天", "超市",  # round thirty-three: "半小是", "一个办小时", "估计要办天", "去超是买袋大米"
    "起不来", "救命", "着火", "晕倒", "摔倒", "中风", "确认",  # round twenty-five: danger's own words ("起布来", "晕到")
})
# Runs that sound like a target but are meant as typed: "下午3点前到" arrives before three, it does not 签到; "群里发的"
# is sent in the group, not a haircut.
HOMOPHONE_KEPT = frozenset({"前到", "前退", "里发"})

# Prefix of a weekday -> how many Monday-based weeks ahead; None means "the
# next such day counting today" (contract rule for a bare 周X).
WEEK_PREFIXES = {
    "": None, "这": None, "这个": None, "本": None,
    "下": 1, "下个": 1, "下下": 2, "下下个": 2, "上": -1, "上个": -1,
}

MONTH_PREFIXES = {"下个月": 1, "下月": 1, "这个月": 0, "本月": 0}

# Festivals on a fixed day of the solar calendar -> (month, day), resolved like X月X号.
FESTIVALS = {"元旦": (1, 1), "劳动节": (5, 1), "五一节": (5, 1), "五一": (5, 1), "国庆节": (10, 1), "国庆": (10, 1),
             "平安夜": (12, 24), "圣诞节": (12, 25), "圣诞": (12, 25)}
# Round twenty-three: festivals of the lunar calendar (nlu/lunar.py) -> (lunar month, day); 除夕 is the year's last
# day (0). Read like the solar ones: the next one counting today, and giving way to a day said plainly.
LUNAR_FESTIVALS = {"春节": (1, 1), "大年初一": (1, 1), "元宵": (1, 15), "龙抬头": (2, 2), "二月二": (2, 2), "端午": (5, 5), "七夕": (7, 7),
                   "中秋": (8, 15), "重阳": (9, 9), "腊八": (12, 8), "除夕": (12, 0), "大年三十": (12, 0)}
# A lunar month by name, and the words that say a date is lunar ("农历八月十五", "腊月廿三", "二月初二").
LUNAR_MONTHS = {"正月": 1, "冬月": 11, "腊月": 12}
LUNAR_MARKERS = ("农历", "阴历", "老历", "旧历")
LUNAR_NEW_YEAR_WORDS = ("年后", "过了年", "过完年", "开年", "大年", "春节后", "正月里")
# 腊八粥, 腊八蒜 are food, not a day.
NOT_A_FESTIVAL_AFTER = ("粥", "蒜", "面", "饭")
# A day counted from a festival: "元旦前一天" is 12-31.
# Round twenty-seven: the solar terms elders name a day by -> (month, C of the 寿星 formula, 21st century): the day
# is floor(Y * 0.2422 + C) - floor(Y / 4), Y the year's last two digits ("清明那天想找个人陪我去公墓").
SOLAR_TERMS = {"清明": (4, 4.81), "冬至": (12, 21.94)}
FESTIVAL_OFFSETS = {"前一天": -1, "前一日": -1, "头一天": -1, "前两天": -2, "后一天": 1, "第二天": 1, "后两天": 2}
# Before a festival with no count is a deadline, not a day: "元旦前能来帮我家大扫除吗 31号上午" is the 31st.
FESTIVAL_DEADLINES = ("前", "之前", "以前", "期间", "前后", "左右")  # round twenty-seven: "五一期间", "中秋节前"
FESTIVAL_GREETINGS = ("快乐", "好", "安康", "愉快", "吉祥", "大吉")

# A place in a month -> its day (-1: the last day): "月底" is the month's last day, "下个月初" the 1st of
# the next. Unprefixed, it is this month's if not yet past, else the next month's (like X号).
MONTH_POSITIONS = {"月底": -1, "月末": -1, "月尾": -1, "月初": 1, "月头": 1, "月中": 15}

DAY_SUFFIXES = ("号", "日")

# "3号楼" is an address, "12号单" a task: not dates.
PLACE_NUMBER_AFTER = ("楼", "栋", "层", "单元", "房", "室", "床", "线", "门", "院", "路", "车", "位")
NOT_A_DATE_AFTER = PLACE_NUMBER_AFTER + ("单", "任务", "订单")
# Round twenty-seven: a count of things after a number ("一共4盒", "买了2箱牛奶"): no task; and someone's comings and
# goings after "N号" ("我女儿3号回来"): a day, not a task.
COUNTED_THINGS_AFTER = ("盒", "箱", "瓶", "袋", "包", "条", "件", "把", "支", "片", "粒", "次", "趟", "户", "人", "桶", "斤")
DAY_EVENTS_AFTER = ("回来", "回家", "回去", "出院", "住院", "过生日", "放假", "开学")
# Round nineteen: a house number on a road ("井冈山大道1号4栋"), not a day of the month.
NOT_A_DATE_BEFORE = ("路", "街", "大道", "巷", "弄", "村", "大街")

# ---------------------------------------------------------------- times

# Period word -> (how it moves an hour, the time it means alone).
# "as_is": 早上/上午 + h = h; "noon": 中午 + 1 or 2 = 13 or 14;
# "afternoon": 下午/晚上 + h = h + 12 when h < 12.
# A period followed by these describes how things are ("晚上黑乎乎的", "晚上睡不着"), not when to come.
PERIOD_DESCRIBES_BEFORE = ("黑", "睡不", "看不", "害怕", "起夜", "老是", "总是", "经常")

PERIODS = {
    "早上": ("as_is", "08:00"), "一早": ("as_is", "08:00"), "大早上": ("as_is", "08:00"),
    "上午": ("as_is", "09:00"),
    "上昼": ("as_is", "09:00"),  # Gan (Nanchang), round eighteen; 下昼 is 下午 once cleaned
    "中午": ("noon", "12:00"),
    "下午": ("afternoon", "14:00"),
    "傍晚": ("afternoon", "18:00"),
    "晚上": ("afternoon", "19:00"),
    "凌晨": ("as_is", "05:00"),
    "半夜": ("as_is", "00:00"),
    # northern dialect: 晌 is the middle of the day, 前晌/后晌 the halves around it; 擦黑 is dusk
    "前晌": ("as_is", "09:00"), "前半晌": ("as_is", "09:00"), "后半晌": ("afternoon", "14:00"), "上晌": ("as_is", "09:00"), "头午": ("as_is", "09:00"),
    "头晌": ("as_is", "09:00"), "头半晌": ("as_is", "09:00"), "晌后": ("afternoon", "14:00"),
    "晌午": ("noon", "12:00"), "后晌": ("afternoon", "14:00"), "下晌": ("afternoon", "14:00"),
    "过晌": ("afternoon", "14:00"), "傍黑": ("afternoon", "18:00"), "擦黑": ("afternoon", "18:00"),
    # the halves of the day (not 半天, half a day of service)
    "上半天": ("as_is", "09:00"), "下半天": ("afternoon", "14:00"),
}

# Elders tell the time by meals (and the nap): "after breakfast" is the morning, "after lunch" the
# afternoon, "after supper" the evening, each with that period's default time and rule ("晚饭后七点" = 19:00).
MEAL_PERIODS = {
    "早饭": "上午", "早餐": "上午",
    "午饭": "下午", "中饭": "下午", "中午饭": "下午", "午餐": "下午", "午觉": "下午",
    "晚饭": "晚上", "晚餐": "晚上",
}
MEAL_AFTER = ("后", "以后", "之后", "过后")
MEAL_EATEN = ("吃完", "吃过", "吃了")
MEAL_TIMES = {
    **{meal + after: period for meal, period in MEAL_PERIODS.items() for after in MEAL_AFTER},
    **{eaten + meal: period for meal, period in MEAL_PERIODS.items() for eaten in MEAL_EATEN},
}
PERIODS |= {said: PERIODS[period] for said, period in MEAL_TIMES.items()}
# A meal named as the time of day asks for no meal ("午饭后想请人帮我洗洗头" is bathing).
SERVICE_NEUTRAL_PHRASES += tuple(MEAL_TIMES)

# One-character periods, understood only just before a clock ("早6点", "晚7点"): alone they are
# other words (太晚了, 早就). So are speech recognition's 午 heard as 五 ("上五十点"): "上五楼" is a floor.
CLOCK_PERIODS = {"早": "早上", "晚": "晚上", "夜": "晚上", "早起": "早上", "上五": "上午", "下五": "下午"}

# Minute words after "X点".
MINUTE_WORDS = {"半": 30, "一刻": 15, "三刻": 45, "整": 0}

# ---------------------------------------------------------------- quantities

# "每人大概20分钟 一共40分钟吧": the total is the visit's length.
TOTAL_BEFORE_A_LENGTH = ("一共", "总共", "加起来", "合计", "总的")
# A length said of the way there ("我在杭州 开车回去要三个小时") is not the visit's; nor (round twenty-seven) one of
# something else in the story ("时差…十几个小时", "停水一整天", "在医院门口站了半个钟头", "咳了快半个月了").
OTHER_LENGTH_BEFORE = ("开车", "坐车", "路上", "回去要", "回来要", "过来要", "过去要", "赶回去", "赶过来", "坐高铁",
                       "坐飞机", "打车", "坐公交", "坐地铁", "走过去", "走过来", "路程",
                       "时差", "停水", "停电", "停气", "等了", "站了", "排了", "住了", "咳了", "疼了", "拉了", "睡了",
                       "们差", "相差",  # "孙子在美国跟我们差12个小时"
                       "响", "找了", "说了", "弄了", "折腾了", "忙了")  # "响半天就断了", "找了半天"
OTHER_LENGTH_AFTER = ("的车", "的路", "车程", "的公交", "的地铁", "的高铁", "路程", "的路程")  # round nineteen: "要坐一个多小时的车"
# "两点到四点都在家 两点来吧": a span of the clock the writer is free, not the visit's length (round twenty-seven)
FREE_AFTER_A_SPAN = ("都在家", "在家", "都有空", "有空", "都行", "都可以", "之间")
HOUR_WORDS = ("小时", "钟头", "hours", "hour", "hrs", "hr", "h")  # "2h", "1.5h", as phones abbreviate
# Between the two ends of a span of the clock ("四点半到六点半"): its length is the visit's.
# Round twenty-three: "从早上八点搞到十一点"; durations.py adds "3:30-5:00" and "9:00~11:30".
CLOCK_SPAN_JOINS = ("到", "至", "搞到", "做到", "弄到", "干到", "待到", "陪到", "一直到")
MINUTE_UNIT_WORDS = ("分钟", "minutes", "minute", "mins", "min")  # "30min"
# "一个上午" is taken as half a day, like the contract's 半天.
FIXED_DURATIONS = {
    "半天": 240, "半日": 240, "一刻钟": 15, "一个上午": 240, "一个下午": 240, "一整个上午": 240, "一整个下午": 240, "一整天": 480,
    # "一上午" is a length unless a weekday or date owns its "一" (durations.FIXED_DURATION's lookbehind)
    "一上午": 240, "一下午": 240,
    # spoken roughly: 个把/一个来 小时 is about one hour, 半拉 is half
    "个把小时": 60, "个把钟头": 60, "个把钟": 60,
    "半拉小时": 30, "半拉钟头": 30, "半拉钟": 30,
}
# Asking for the next page of something already shown (a statement, a list).
# Round eighteen: the time bank's words as a grandchild types them in English (nlu/english.py). Never a
# word of the emergency reader's English phrases ("no", "help", "tomorrow", "thanks"), which it reads as typed.
ENGLISH_WORDS = {
    "menu": "菜单", "cancel": "取消", "booking": "预约", "haircut": "理发", "hair cut": "理发", "cleaning": "打扫",
    "tmr": "明天", "tmrw": "明天", "today": "今天", "tonight": "今晚", "balance": "余额", "how many": "多少",
    "credits": "时间币", "time credits": "时间币", "register": "注册", "orders": "订单", "my orders": "我的订单",
    "check in": "签到", "check out": "签退",
    "redeem": "兑换", "record": "记录", "records": "记录",  # round thirty-five: "时间币可以redeem啥", "看下上个月的record"
    "bind": "绑定", "yes": "是的", "yep": "是的", "account": "账号",  # round twenty-five: "bind一下我爸的账号", "yes"
    # round twenty-two: returnees' English ("confirm done 单号112", "想sign up做volunteer", "transfer 45分钟 to …")
    # (not "volunteer", "sign up", "donate": the emergency reader's English holds them; VARIANTS has the first two in
    # Chinese company)
    "confirm done": "确认完成", "transfer": "转",  # "donate" is a cue of its own (INTENT_CUES): the same reason
    "order": "预约", "meal delivery": "送餐", "nearby": "附近", "one hour": "一小时", "an hour": "一小时",
    "half an hour": "半小时", "two hours": "两小时",
    "tasks": "任务", "stop sending": "别再发", "unsubscribe": "退订", "subscribe": "订阅", "morning": "上午",
    "afternoon": "下午", "noon": "中午", "evening": "晚上", "weekend": "周末", "this weekend": "这周末",
    # "sat", "this sat", "next mon": weekdays as the week words say them
    **{prefix + day: week + name for prefix, week in (("", "周"), ("this ", "这周"), ("next ", "下周"))
       for days, name in ((("mon", "monday"), "一"), (("tue", "tues", "tuesday"), "二"), (("wed", "wednesday"), "三"),
                          (("thu", "thur", "thurs", "thursday"), "四"), (("fri", "friday"), "五"),
                          (("sat", "saturday"), "六"), (("sun", "sunday"), "日"))
       for day in days},
}

NEXT_PAGE_WORDS = ("更多", "下一页", "再往前", "还有呢", "再看")

# What the writer has, said before an amount ("我算了算还有八个多小时"): not the amount to move.
HELD_BEFORE_AN_AMOUNT = ("还有", "还剩", "剩下", "只剩", "只有", "一共有", "总共有", "一共", "总共", "攒了", "共有",
                         "我有", "手上有", "账上有", "挣了", "赚了")  # round thirty-six: "我今天刚挣了3个 转2个给我妈"
COIN_WORDS = ("时间币", "个币", "币")
MINUTES_PER_COIN = 60

# ---------------------------------------------------------------- tasks

# "单号12", "任务12": a task word before the number.
TASK_WORDS_BEFORE = ("单号", "任务号", "任务", "订单号", "订单", "编号", "工单", "单子",
                     # said as a sentence: "单号是四十七"
                     "单号是", "任务号是", "订单号是", "编号是", "单子号是", "任务是",
                     "号码是",  # round twenty-five: "刚才那个陪诊单 号码是六十八 我来接"
                     "井号")  # round twenty-one: # said aloud to voice input ("签到 井号六十二")
# "12号单", "41号的单子": a task word after "N号".
TASK_WORDS_AFTER = ("单子", "单", "任务", "订单")
