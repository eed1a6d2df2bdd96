"""Stories of a satisfaction survey: staff send it to the elders served lately, elders answer once, in
numbers or words, with sealed notes; the daily report and `问卷结果` count it beside the baseline."""

import asyncio

from sqlalchemy import text

from storage import members, surveys
from storage.base import utcnow
from tests.surveys.conftest import HOME, STAFF, answers, received, recipients, work_the_queue

QUESTION = "您对最近的服务满意吗？"


async def _town(served, helper):
    """王 served 10 days ago, 李 60 days ago, 陈 10 days ago in another community; all lately in touch."""
    wang = await served.person(members.ELDER, "o_wang", "王秀英")
    li = await served.person(members.ELDER, "o_li", "李桂兰")
    chen = await served.person(members.ELDER, "o_chen", "陈玉梅", community="八一社区")
    await served.visit(wang, helper, days_ago=10)
    await served.visit(li, helper, days_ago=60)
    await served.visit(chen, helper, days_ago=10)
    await served.wrote_to_us("o_wang", "o_li", "o_chen", "o_vol_liu", STAFF)
    return wang, li, chen


async def _survey_sent(zhao, runtime, command="发问卷 30") -> str:
    summary = await zhao.says(command)
    done = await zhao.says("是")
    await work_the_queue(runtime)
    return summary + "\n" + done


async def test_a_survey_reaches_only_the_elders_served_in_the_window_of_the_staff_members_community(
        runtime, served, helper, zhao, wechat_state):
    await _town(served, helper)

    summary = await zhao.says("发问卷 30")
    assert "老人满意度" in summary and f"{HOME}最近30天服务过的老人（1人）" in summary and "回复“是”" in summary
    done = await zhao.says("是")
    assert "问卷 #1 已记下" in done and "群发 #1 开始发送" in done
    await work_the_queue(runtime)

    assert [message for message in received(wechat_state, "o_wang") if QUESTION in message]
    assert received(wechat_state, "o_li") == [] and received(wechat_state, "o_chen") == []
    assert received(wechat_state, "o_vol_liu") == []
    assert await recipients(runtime) == {"o_wang": "sent"}
    assert any(QUESTION in message for message in received(wechat_state, STAFF))  # the preview


async def test_an_answer_is_counted_once_and_its_words_are_sealed(runtime, served, helper, zhao, member_chat):
    await _town(served, helper)
    await _survey_sent(zhao, runtime)
    wang = member_chat("o_wang")

    assert (await wang.says("1")).startswith("记下了，谢谢您！\n还有什么建议？")
    assert (await wang.says("送菜的小刘很耐心，我女儿电话13944443333")).startswith("谢谢您！")
    assert "已经回答过了" in await wang.says("3")
    assert "已经回答过了" in await wang.says("问卷")

    [answer] = await answers(runtime)
    assert (answer.rating, answer.note) == ("very", "送菜的小刘很耐心，我女儿电话13944443333")
    async with runtime.sessions() as session:
        [stored] = (await session.execute(text("SELECT note FROM survey_answers"))).scalars().all()
    assert stored.startswith("k1:") and "13944443333" not in stored and "小刘" not in stored


async def test_bad_answers_are_asked_again_politely(runtime, served, helper, zhao, member_chat):
    await _town(served, helper)
    await _survey_sent(zhao, runtime)
    wang = member_chat("o_wang")

    for said in ("4", "满意吗", " "):
        again = await wang.says(said)
        assert QUESTION in again and "1. 很满意" in again and "抱歉，系统" not in again, (said, again)
    assert await answers(runtime) == []
    assert "还有什么建议" in await wang.says("还行")
    assert "谢谢您" in await wang.says("没有")
    [answer] = await answers(runtime)
    assert (answer.rating, answer.note, answer.noted_at is not None) == ("moderate", None, True)


async def test_an_elder_who_ignores_the_survey_and_asks_for_help_is_served_and_answers_later(
        runtime, served, helper, zhao, member_chat):
    await _town(served, helper)
    await _survey_sent(zhao, runtime)
    wang = member_chat("o_wang")

    asked = await wang.says("我要找人帮忙买菜")
    assert "问卷" not in asked and QUESTION not in asked
    assert "不办了" not in await wang.says("明天上午9点")  # the request goes on, question by question
    await wang.says("不办了")
    assert QUESTION in await wang.says("回答问卷")
    assert "还有什么建议" in await wang.says("很满意")
    assert [answer.rating for answer in await answers(runtime)] == ["very"]


async def test_racing_answers_on_real_connections_record_one(runtime, served, helper, zhao, member_chat):
    wang, *_ = await _town(served, helper)
    await _survey_sent(zhao, runtime)
    [survey] = await surveys.surveys(runtime.sessions)

    recorded = await asyncio.gather(*(surveys.record(runtime.sessions, survey.id, wang.id, now=utcnow(),
                                                     rating=rating) for rating in ("very", "not") * 5))
    assert recorded.count(True) == 1 and len(await answers(runtime)) == 1

    chat = member_chat("o_wang")
    await asyncio.gather(chat.says("2"), chat.says("3"))  # a second answer, racing: the first stands
    assert len(await answers(runtime)) == 1


async def test_the_volunteer_survey_counts_each_option_picked(runtime, served, helper, zhao, member_chat,
                                                             wechat_state):
    await _town(served, helper)
    summary = await _survey_sent(zhao, runtime, "发志愿者问卷")
    assert "志愿者意见" in summary
    assert any("可多选" in message for message in received(wechat_state, "o_vol_liu"))
    assert received(wechat_state, "o_wang") == []
    liu = member_chat("o_vol_liu")

    assert "1到5" in await liu.says("1 6")
    assert "还有什么建议" in await liu.says("1 3")
    assert "谢谢您" in await liu.says("希望周末也有活动")
    assert "时间更方便1，更多培训0，更多表彰1，离家更近0，其他0" in await zhao.says("问卷结果")


async def test_results_in_chat_and_the_daily_report_stand_beside_the_baseline(runtime, served, helper, zhao,
                                                                              member_chat):
    await _town(served, helper)
    await _survey_sent(zhao, runtime)
    await member_chat("o_wang").says("2")

    results = await zhao.says("问卷结果")
    assert "发出1人，回答1人" in results and "比较满意1人（100%）" in results and "比较满意63%" in results
    report = await zhao.says("日报")
    assert "问卷 #1 满意度：回答1/1人；很满意0%，比较满意100%，不满意0%（调研基线28%/63%/9%）" in report


async def test_only_staff_send_surveys_and_a_window_nobody_was_served_in_sends_nothing(
        runtime, served, helper, zhao, member_chat):
    await _town(served, helper)
    assert "工作人员" in await member_chat("o_wang").says("发问卷")
    assert "没有服务过" in await zhao.says("发问卷 5")
    assert "格式" in await zhao.says("发问卷 很多天")
    assert await surveys.surveys(runtime.sessions) == []
