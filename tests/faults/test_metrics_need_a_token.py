"""/metrics, and which store /healthz finds down, are for the operator: a bearer token from [server] metrics_token.

Without a token configured, only this machine may look (tests/test_operations.py reads them over loopback).
"""

from __future__ import annotations

import pytest

TOKEN = "m3trics-t0ken-for-the-operator"


@pytest.fixture
def bot_config(bot_config):
    return bot_config.with_overrides(server={"metrics_token": TOKEN})


async def test_metrics_are_refused_without_the_token_and_served_with_it(aiohttp_client, bot_server):
    client = await aiohttp_client(bot_server)
    assert (await client.get("/metrics")).status == 401
    assert (await client.get("/metrics", headers={"Authorization": "Bearer wrong"})).status == 401
    served = await client.get("/metrics", headers={"Authorization": f"Bearer {TOKEN}"})
    assert served.status == 200 and "timebank_messages" in await served.text()


async def test_health_tells_anyone_up_or_down_and_only_the_operator_which_store(aiohttp_client, bot_server):
    client = await aiohttp_client(bot_server)
    assert await (await client.get("/healthz")).json() == {"status": "ok"}
    detailed = await client.get("/healthz", headers={"Authorization": f"Bearer {TOKEN}"})
    assert await detailed.json() == {"status": "ok", "database": "ok", "redis": "ok"}
