"""The embedded redis-server: real, private to its data directory, and persistent across restarts."""

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


def test_a_server_left_behind_by_a_killed_bot_is_replaced(tmp_path):
    orphan = EmbeddedRedis(tmp_path).start()
    redis.Redis.from_url(orphan.url).set("k", "v")
    with EmbeddedRedis(tmp_path) as server:  # as if the bot restarted without having stopped it
        assert redis.Redis.from_url(server.url).get("k") == b"v"
    orphan.stop()
