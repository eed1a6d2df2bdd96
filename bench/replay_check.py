"""What the replay check adds to each WeChat request: one script call to Redis (SET NX, else GET and compare).

    .venv/bin/python bench/replay_check.py [--requests 20000] [--redis URL]

Against a private embedded redis-server on a unix socket (the default deployment) unless --redis names one.
It prints the wall time and the client's CPU time per check, in microseconds, for first deliveries and for
resends (the GET path); the CPU figure varies far less between runs on a shared machine than the wall time.
"""

from __future__ import annotations

import argparse
import asyncio
import secrets
import tempfile
import time
from pathlib import Path

import redis.asyncio as aioredis

from bot.embedded_redis import EmbeddedRedis
from storage.replay import ReplayGuard

BODY = ("<xml><ToUserName><![CDATA[gh_bank]]></ToUserName><FromUserName><![CDATA[o_elder_wang]]></FromUserName>"
        "<CreateTime>1764800000</CreateTime><MsgType><![CDATA[text]]></MsgType>"
        "<Content><![CDATA[我想查一下时间币余额]]></Content><MsgId>24567890123456789</MsgId></xml>")


async def measure(url: str, requests: int) -> None:
    client = aioredis.from_url(url, decode_responses=True)
    guard = ReplayGuard(client, window_s=300)
    stamp = str(int(time.time()))
    nonces = [secrets.token_hex(8) for _ in range(requests)]
    await guard.claim(stamp, "warm-up", BODY)
    for label in ("first delivery", "resend"):
        wall, cpu = time.perf_counter(), time.process_time()
        for nonce in nonces:
            await guard.claim(stamp, nonce, BODY)
        wall, cpu = time.perf_counter() - wall, time.process_time() - cpu
        print(f"{label:>15}: {wall / requests * 1e6:7.1f} µs wall, {cpu / requests * 1e6:7.1f} µs client CPU "
              f"per check ({requests} checks)")
    await client.aclose()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=20000)
    parser.add_argument("--redis", help="a Redis URL (default: a private embedded redis-server)")
    args = parser.parse_args()
    if args.redis:
        asyncio.run(measure(args.redis, args.requests))
        return
    with tempfile.TemporaryDirectory() as directory, EmbeddedRedis(Path(directory), persistent=False) as server:
        asyncio.run(measure(server.url, args.requests))


if __name__ == "__main__":
    main()
