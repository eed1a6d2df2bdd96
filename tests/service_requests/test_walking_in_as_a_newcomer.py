"""What a walk through the bot as newcomers found: an elder with no credits yet, asking for help."""

async def test_an_elder_with_no_credits_yet_hears_where_credits_come_from_and_how_to_leave(community, member_chat):
    # 76: old enough to spend on herself, too young for the community pool to pay, and nothing earned yet
    await community.elder("o_elder_zhou", "周桂兰", born=1950)
    grandma = member_chat("o_elder_zhou")
    await grandma.says("明天下午三点找人陪我聊天")
    refusal = await grandma.says("两个小时")
    assert "还没有时间币" in refusal and "少约一点时间" not in refusal  # booking less cannot help with nothing
    assert "0791" in refusal or "社区电话" in refusal  # someone to ask
    assert "不办了" in refusal  # and the way out
    assert "先不办了" in await grandma.says("不办了")
