"""The embedded redis-server: real, private to its data directory, and persistent across restarts."""

import os
import signal
import time

import redis

from bot.embedded_redis import EmbeddedRedis


def test_what_the_bot_stored_survives_a_restart(tmp_path):
    with EmbeddedRedis(tmp_path) as server:
        redis.Redis.from_url(server.url).set("dialogue:o_elder", "asked for a date")
    with EmbeddedRedis(tmp_path) as server:
        assert redis.Redis.from_url(server.url).get("dialogue:o_elder") == b"asked for a date"


def test_it_listens_on_a_unix_socket_only(tmp_path):
    with EmbeddedRedis(tmp_path) as server:
        config = redis.Redis.from_url(server.url).config_get("port")
        assert config["port"] == "0"
        assert server.socket.exists()
    assert not server.socket.exists()


def test_a_second_user_of_the_directory_uses_the_running_server_and_never_stops_it(tmp_path):
    with EmbeddedRedis(tmp_path) as owner:
        redis.Redis.from_url(owner.url).set("k", "v")
        with EmbeddedRedis(tmp_path) as visitor:  # e.g. `timebank console-link` beside `serve`
            assert not visitor.owner and redis.Redis.from_url(visitor.url).get("k") == b"v"
        assert redis.Redis.from_url(owner.url).ping()


def test_a_server_whose_owner_died_is_adopted(tmp_path):
    orphan = EmbeddedRedis(tmp_path).start()
    redis.Redis.from_url(orphan.url).set("k", "v")
    orphan._stopping.set()
    orphan._release()  # as when the owning bot is killed: its lock goes, its redis-server runs on
    with EmbeddedRedis(tmp_path) as server:
        assert server.owner and redis.Redis.from_url(server.url).get("k") == b"v"
    assert not server.socket.exists()


def test_the_owner_restarts_a_killed_server_from_its_aof(tmp_path):
    with EmbeddedRedis(tmp_path, watch_every_s=0.1) as server:
        client = redis.Redis.from_url(server.url)
        client.set("dialogue:o_elder", "asked for a date")
        client.execute_command("BGREWRITEAOF")
        _wait(lambda: client.info("persistence")["aof_rewrite_in_progress"] == 0)
        os.kill(int((tmp_path / "redis.pid").read_text()), signal.SIGKILL)
        _wait(lambda: server.restarts >= 1)
        assert redis.Redis.from_url(server.url).get("dialogue:o_elder") == b"asked for a date"


def _wait(condition, timeout_s: float = 20.0) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except redis.RedisError:
            pass
        time.sleep(0.02)
    raise AssertionError("timed out")
