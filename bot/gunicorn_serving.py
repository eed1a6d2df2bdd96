"""`timebank serve --workers N` on gunicorn, with aiohttp's GunicornWebWorker.

gunicorn's master binds the port, forks N workers and starts another when one
dies; each worker opens its own runtime (database pool, Redis clients, WeChat
client) in an app factory, after the fork, and closes it at shutdown.

What the workers must share is set up once in the master before any fork: the
embedded database migrated, and the embedded Redis started. The master then
hands the Redis over: it lets go of the owner lock (a master that forks must
not run a watcher thread), the first worker adopts the running server, every
worker watches it, and a worker that exits lets go without stopping it (a
worker's exit is routine under gunicorn). When gunicorn has stopped, the
master takes the server back and stops it with a save.
"""

from __future__ import annotations

import asyncio
import logging
from contextlib import AsyncExitStack

from aiohttp import web
from gunicorn.app.base import BaseApplication

from bot.config import Config
from bot.embedded_redis import EmbeddedRedis
from bot.observability import LOG_FORMAT
from bot.redaction import RedactingFormatter, Redactor

log = logging.getLogger("timebank.workers")

GRACEFUL_TIMEOUT_S = 20  # turns in flight finish, the outbox and job workers stop (bot/app.py)


class TimebankGunicorn(BaseApplication):
    def __init__(self, config: Config, host: str, port: int, workers: int, *, run_jobs: bool):
        self._config = config
        self._options = {"bind": f"{host}:{port}", "workers": workers, "worker_class": "aiohttp.GunicornWebWorker",
                         "graceful_timeout": GRACEFUL_TIMEOUT_S, "timeout": 60, "accesslog": None,
                         "loglevel": config.log_level.lower()}
        self._run_jobs = run_jobs
        super().__init__()

    def load_config(self) -> None:
        for key, value in self._options.items():
            self.cfg.set(key, value)

    def load(self):
        config, run_jobs = self._config, self._run_jobs

        async def app_factory() -> web.Application:
            from bot.app import build_app
            from bot.runtime import open_runtime

            _redact_gunicorn_logs(config)
            stack = AsyncExitStack()
            runtime = await stack.enter_async_context(
                open_runtime(config, migrate_default=False, keep_embedded_redis=True))
            app = build_app(runtime, run_jobs=run_jobs)
            app.on_cleanup.append(lambda _app: stack.aclose())
            return app

        return app_factory


def _redact_gunicorn_logs(config: Config) -> None:
    """gunicorn's own loggers do not propagate to ours: a worker's traceback goes through them."""
    redactor = Redactor(config.secrets())
    for name in ("gunicorn.error", "gunicorn.access"):
        for handler in logging.getLogger(name).handlers:
            handler.setFormatter(RedactingFormatter(LOG_FORMAT, redactor))


def serve_with_gunicorn(config: Config, host: str, port: int, workers: int, *, run_jobs: bool) -> None:
    from bot.keys import development_keyring
    from bot.runtime import secure_data_dir
    from storage import migrate

    secure_data_dir(config.data_dir)
    if config.uses_default_database:  # the key ring: the migration seals free text already stored
        asyncio.run(migrate.upgrade(config.database_url,
                                    keyring=config.privacy or development_keyring(config.data_dir)))
    redis_dir = config.data_dir / "redis"
    if config.uses_embedded_redis:
        EmbeddedRedis(redis_dir).start().stop(keep_running=True)  # started here, once; adopted by a worker
    print(f"timebank: serving WeChat at http://{host}:{port}{config.server.path} with {workers} gunicorn workers "
          f"({config.source})", flush=True)
    try:
        TimebankGunicorn(config, host, port, workers, run_jobs=run_jobs).run()
    finally:
        if config.uses_embedded_redis:
            EmbeddedRedis(redis_dir).start().stop()  # the workers are gone: take it back and stop it with a save
