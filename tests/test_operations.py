"""What an operator watches: health and metrics."""


async def test_health_reports_database_and_redis(aiohttp_client, bot_server):
    client = await aiohttp_client(bot_server)
    response = await client.get("/healthz")
    assert response.status == 200
    assert await response.json() == {"status": "ok", "database": "ok", "redis": "ok"}


async def test_metrics_count_messages_by_type_and_result(aiohttp_client, bot_server, wechat):
    await wechat.post(wechat.text("o_counted", "你好"))
    xml = wechat.text("o_counted", "什么是时间银行")
    await wechat.post(xml)
    await wechat.post(xml)
    client = await aiohttp_client(bot_server)
    page = await (await client.get("/metrics")).text()
    assert 'timebank_messages_total{result="replied",type="text"} 2.0' in page
    assert "timebank_duplicates_dropped_total 1.0" in page
    assert "timebank_message_seconds_bucket" in page
