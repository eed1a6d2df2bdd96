"""A first conversation with the bot, through the real webhook, Redis and SQL, as WeChat posts it."""

import pytest

pytestmark = pytest.mark.parametrize("wechat_mode", ["plaintext", "safe"], indirect=True)


async def test_a_newcomer_who_says_hello_learns_what_the_bot_can_do(wechat):
    answer = await wechat.post(wechat.text("o_newcomer", "你好"))
    assert answer.status == 200
    assert "我是" in answer.text
    assert "陪我去医院" in answer.text


async def test_someone_asking_what_a_time_bank_is_gets_the_explanation(wechat):
    answer = await wechat.post(wechat.text("o_curious", "什么是时间银行"))
    assert "时间银行是什么" in answer.text
    assert "不换现金" in answer.text


async def test_a_new_follower_is_welcomed_with_what_to_send_next(wechat):
    answer = await wechat.post(wechat.event("o_follower", "subscribe"))
    assert "欢迎关注" in answer.text and "什么是时间银行" in answer.text


async def test_a_follow_through_a_community_qr_code_is_welcomed_too(wechat):
    answer = await wechat.post(wechat.event("o_scanner", "subscribe", "qrscene_community_7"))
    assert "欢迎关注" in answer.text


async def test_unfollowing_and_menu_views_need_no_answer(wechat):
    assert (await wechat.post(wechat.event("o_leaver", "unsubscribe"))).silent
    assert (await wechat.post(wechat.event("o_viewer", "VIEW", "http://example.invalid/"))).silent


async def test_an_elder_who_speaks_is_understood_through_recognition(wechat):
    answer = await wechat.post(wechat.voice("o_speaker", "什么是时间银行"))
    assert "时间银行是什么" in answer.text


async def test_a_voice_message_without_recognition_gets_a_polite_request_to_type(wechat):
    answer = await wechat.post(wechat.voice("o_speaker", None))
    assert "没听清" in answer.text


async def test_a_photo_gets_a_polite_answer_about_what_the_bot_understands(wechat):
    answer = await wechat.post(wechat.image("o_photographer"))
    assert "文字和语音" in answer.text


async def test_a_menu_button_does_what_the_same_words_do(wechat):
    answer = await wechat.post(wechat.event("o_clicker", "CLICK", "about"))
    assert "时间银行是什么" in answer.text
    unknown = await wechat.post(wechat.event("o_clicker", "CLICK", "NO_SUCH_BUTTON"))
    assert "菜单" in unknown.text


async def test_a_cry_for_help_gets_the_emergency_numbers_at_once(wechat):
    answer = await wechat.post(wechat.text("o_fallen", "救命 我摔倒了"))
    assert "120" in answer.text


async def test_a_location_alone_is_acknowledged(wechat):
    answer = await wechat.post(wechat.location("o_walker", 28.68, 115.89, "南昌市青山湖区"))
    assert "位置" in answer.text
