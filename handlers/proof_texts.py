"""The sentences of proofs of service hours (handlers/proof.py): the chat's, and the words on the picture."""

PROOF_TEXTS = {
    "proof_ready": (
        "您的志愿服务证明开好了，图片马上发给您。\n"
        "证明编号：{code}\n"
        "别人扫图上的二维码，或打开下面的网址，就能查验真假：\n{url}"
    ),
    "proof_no_service": (
        "{period}还没有记上的服务时长，所以先开不了证明。\n"
        "帮老人服务完成、对方确认后，时长会自动记上。发“有什么任务”看看谁需要帮忙。"
    ),
    "proof_no_service_ever": "您",
    "proof_no_service_year": "您{year}年",
    "proof_unavailable": (
        "抱歉，现在暂时开不了证明图片。\n"
        "需要证明的话，请打社区电话 {hotline}，或到社区找工作人员开。"
    ),
    "proof_bad_year": "请这样发：“开证明”（全部服务），或者“开证明 {last}”（只算{last}年）。年份要在{first}到{last}之间。",
    # ---- the words on the picture ----
    "proof_title": "志愿服务证明",
    "proof_line_name": "姓名：{name}",
    "proof_line_period_all": "服务期间：截至{date}的全部服务",
    "proof_line_period_year": "服务期间：{year}年",
    "proof_line_service": "· {service}：{hours}",
    "proof_line_total": "服务时长合计：{hours}",
    "proof_line_stars": "星级：{stars}",
    "proof_stars": "{marks}（{level}星志愿者）",
    "proof_no_stars": "未满一星（满{first}小时为一星）",
    "proof_footer_issuer": "出具单位：{issuer}",
    "proof_footer_date": "出具日期：{date}",
    "proof_footer_code": "证明编号：{code}",
    "proof_qr_caption": "扫码查验真伪",
    "proof_name_unknown": "（本人已注销）",
    # ---- staff: 撤销证明 CODE ----
    "proof_revoke_usage": "请这样发：撤销证明 证明编号（12位字母和数字，在证明图片的下方）。",
    "proof_revoked": "已撤销证明 {code}。别人再查验，会看到“已撤销”。",
    "proof_revoke_not_found": "没有找到编号为 {code} 的证明，请核对后再发。",
    "proof_revoke_already": "证明 {code} 之前已经撤销了。",
    "proof_revoke_own": "不能撤销自己的证明，请另一位工作人员来办。",
}
