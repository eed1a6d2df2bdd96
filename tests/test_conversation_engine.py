"""Multi-turn conversations through the real webhook, NLU and Redis, with a flow declared here.

The flow is a small "book a helper" conversation, shaped like the product's
request flow, so these stories exercise the engine rather than any one feature.
"""

import asyncio

import pytest

from handlers.flow import Choice, Flow, Slot
from handlers.router import ROUTES, make_respond
from handlers.types import Outcome, Reply

SERVICES = (Choice("medical_escort", "陪诊"), Choice("shopping", "买菜"), Choice("cleaning", "打扫"))


async def at_least_half_an_hour(minutes, turn):
    return None if minutes >= 30 else "时间太短了，至少半小时。"


async def book(turn):
    slots = turn.slots
    return Outcome(Reply(f"已记下：{slots['service']} {slots['date']} {slots['time']} {slots['duration_min']}分钟"),
                   "post_request")


async def repeat_the_request(turn):
    slots = turn.slots
    return f"您要找人{slots['service']}，{slots['date']} {slots['time']}，约{slots['duration_min']}分钟。"


BOOKING = Flow(
    name="post_request",
    title="找人帮忙",
    slots=(
        Slot("service", "您需要什么帮助？", expecting="service", choices=SERVICES),
        Slot("date", "哪一天？比如“明天”", expecting="date"),
        Slot("time", "几点开始？比如“下午三点”", expecting="time"),
        Slot("duration_min", "大概要多长时间？比如“两个小时”", expecting="duration", check=at_least_half_an_hour),
    ),
    confirm=repeat_the_request,
    finish=book,
)


@pytest.fixture
def responder():
    return make_respond((*ROUTES, BOOKING))  # the bot as shipped, its request flow replaced by this one



@pytest.fixture
def elder(member_chat):
    return member_chat("o_elder_li")


async def test_an_elder_books_help_over_several_short_messages(elder):
    assert "1. 陪诊\n2. 买菜\n3. 打扫" in await elder.says("我想找人帮忙")
    assert "哪一天" in await elder.says("2")
    confirmation = await elder.says("明天下午，两个小时")  # two slots at once
    assert "shopping" in confirmation and "14:00" in confirmation and "120分钟" in confirmation
    assert "回复“是”" in confirmation
    assert (await elder.says("好的")).startswith("已记下：shopping")


async def test_what_is_said_up_front_is_not_asked_again(elder):
    reply = await elder.says("明天下午三点想找人陪我去医院")
    assert "多长时间" in reply
    assert "medical_escort" in await elder.says("一个半小时")


async def test_saying_never_mind_leaves_the_conversation(elder, redis):
    await elder.says("我想找人帮忙")
    assert "不办了" in await elder.says("算了")
    assert await redis.get("dialogue:o_elder_li") is None
    assert "没太明白" in await elder.says("2")  # the question is gone with the flow


@pytest.mark.parametrize("undo", ["点错了", "返回", "退出吧"])
async def test_a_menu_key_tapped_by_mistake_is_undone_in_a_newcomers_words(elder, redis, undo):
    await elder.says("我想找人帮忙")
    assert "不办了" in await elder.says(undo)
    assert await redis.get("dialogue:o_elder_li") is None


@pytest.mark.parametrize("withdrawal", ["不用不用 不麻烦你们了", "算了算了，谢谢你们！", "哎 那就算了"])
async def test_a_polite_withdrawal_leaves_the_flow(elder, redis, withdrawal):
    await elder.says("我想找人帮忙")
    await elder.says("买菜")
    assert "不办了" in await elder.says(withdrawal)
    assert await redis.get("dialogue:o_elder_li") is None


@pytest.mark.parametrize("answer", ["不用", "谢谢"])
async def test_a_soft_no_alone_does_not_leave(elder, redis, answer):
    await elder.says("我想找人帮忙")
    await elder.says("买菜")
    assert "不办了" not in await elder.says(answer)
    assert await redis.get("dialogue:o_elder_li") is not None


async def test_asking_for_help_mid_way_explains_where_you_are(elder):
    await elder.says("我想找人帮忙")
    await elder.says("买菜")
    reply = await elder.says("帮助")
    assert "您正在办：找人帮忙" in reply and "哪一天" in reply and "不办了" in reply


async def test_a_new_request_mid_way_asks_before_dropping_the_old_one(elder):
    await elder.says("我想找人帮忙")
    assert "要先放下它，改为“了解时间银行”吗" in await elder.says("什么是时间银行")
    assert "时间银行是什么" in await elder.says("是")


async def test_declining_the_switch_carries_on_where_we_were(elder):
    await elder.says("我想找人帮忙")
    await elder.says("打扫")
    await elder.says("什么是时间银行")
    reply = await elder.says("不")
    assert "我们接着办“找人帮忙”" in reply and "哪一天" in reply


async def test_a_leaving_word_to_the_offer_declines_it_and_a_second_leaves(elder, redis):
    await elder.says("我想找人帮忙")
    await elder.says("打扫")
    await elder.says("什么是时间银行")
    assert "我们接着办“找人帮忙”" in await elder.says("不办了")
    assert "不办了" in await elder.says("不办了")
    assert await redis.get("dialogue:o_elder_li") is None


async def test_calling_off_in_words_an_offered_new_flow_only_declines_the_offer(elder):
    await elder.says("我想找人帮忙")
    await elder.says("打扫")
    assert "改为" in await elder.says("给我老伴转两个小时")
    reply = await elder.says("转时间币的事先取消 以后再说")
    assert "我们接着办“找人帮忙”" in reply and "哪一天" in reply


async def test_a_wrong_value_is_explained_and_asked_again(elder):
    await elder.says("明天上午九点找人打扫")
    reply = await elder.says("十分钟")
    assert "至少半小时" in reply and "多长时间" in reply


async def test_misunderstandings_in_a_conversation_ask_again_and_keep_it(elder):
    await elder.says("我想找人帮忙")
    await elder.says("买菜")
    assert "没明白" in await elder.says("呃呃呃")
    again = await elder.says("嗯嗯那个")
    assert "还是没明白" in again and "哪一天" in again and "0791-12345678" in again and "不办了" in again
    assert "哪一天" in await elder.says("那个那个那个")
    assert "几点" in await elder.says("明天")  # the service chosen before is still there


async def test_two_misunderstandings_outside_a_conversation_bring_the_numbered_menu_and_the_hotline(elder):
    assert "没太明白" in await elder.says("呃呃呃")
    menu = await elder.says("嗯嗯那个")
    assert "1. 了解时间银行" in menu and "0791-12345678" in menu
    assert "时间银行是什么" in await elder.says("1")


async def test_a_menu_line_can_be_named_in_words(elder):
    await elder.says("呃呃呃")
    await elder.says("嗯嗯那个")
    assert "时间银行是什么" in await elder.says("了解时间银行")


async def test_a_cry_for_help_is_answered_at_once_even_mid_way(elder):
    await elder.says("我想找人帮忙")
    assert "120" in await elder.says("救命")
    assert "哪一天" in await elder.says("买菜")  # and the conversation is still there


async def test_a_conversation_left_idle_is_forgotten(elder, redis):
    await elder.says("我想找人帮忙")
    assert 590 <= await redis.ttl("dialogue:o_elder_li") <= 600
    await redis.pexpire("dialogue:o_elder_li", 50)
    await asyncio.sleep(0.1)
    assert "没太明白" in await elder.says("2")


async def test_a_menu_button_mid_way_starts_afresh(elder, wechat):
    await elder.says("我想找人帮忙")
    await elder.says("买菜")
    answer = await wechat.post(wechat.event("o_elder_li", "CLICK", "post_request"))
    assert "您需要什么帮助" in answer.text


async def test_unfollowing_forgets_the_conversation(elder, wechat, redis):
    await elder.says("我想找人帮忙")
    await wechat.post(wechat.event("o_elder_li", "unsubscribe"))
    assert await redis.get("dialogue:o_elder_li") is None


async def test_a_number_past_the_end_of_a_list_keeps_the_list_open(member_chat):
    grandma = member_chat("o_menu_slip")
    await grandma.says("帮助")
    slip = await grandma.says("9")
    assert "没有这一项" in slip and "1到4" in slip
    assert "哪一种" in await grandma.says("2")  # the list's own second line: joining


async def test_a_number_past_the_end_of_a_flows_list_is_a_slip_not_a_misunderstanding(elder):
    await elder.says("我想找人帮忙")
    for _ in range(3):  # never counted towards giving up: the list stays, however often the finger slips
        slip = await elder.says("9")
        assert "没有这一项" in slip and "1到3" in slip and "买菜" in slip
    assert "哪一天" in await elder.says("2")
