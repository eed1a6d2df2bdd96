"""The `timebank` command: serve the bot, run the sandbox, chat with the bot, migrate the database."""

from __future__ import annotations

import argparse
import asyncio
import signal
import sys
from contextlib import asynccontextmanager
from typing import AsyncIterator

from aiohttp import web

from bot.config import Config, ConfigError, load_config
from bot.embedded_redis import EmbeddedRedisError
from bot.observability import configure_logging
from bot.runtime import NotMigrated

DEFAULT_SANDBOX_PORT = 8081
DEV_OPENID = "o_dev_elder_wang"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    try:
        config = load_config(args.config)
        configure_logging(config.log_level if args.command != "dev" else "WARNING")
        return asyncio.run(args.run(config, args)) or 0
    except (ConfigError, NotMigrated, EmbeddedRedisError) as error:
        print(f"timebank: {error}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="timebank", description="A WeChat time bank bot for mutual-aid elder care")
    commands = parser.add_subparsers(dest="command", required=True)

    def command(name: str, run, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text)
        sub.add_argument("--config", help="TOML file (default: ./config.toml if present, else embedded defaults)")
        sub.set_defaults(run=run)
        return sub

    serve = command("serve", run_serve, "run the WeChat webhook server")
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--no-jobs", action="store_true",
                       help="do not run a job worker in this process (run `timebank worker` separately)")
    serve.add_argument("--workers", type=int, default=1, metavar="N",
                       help="N server processes sharing the port (SO_REUSEPORT), each with its own runtime")
    serve.add_argument("--in-group", action="store_true", help=argparse.SUPPRESS)  # a child of --workers
    command("worker", run_job_worker, "run a job worker: reminders, sweeps, broadcasts (several may run at once)")
    command("migrate", run_migrate, "upgrade the database schema in place")
    sandbox = command("sandbox", run_sandbox, "run the local WeChat API sandbox")
    sandbox.add_argument("--host", default="127.0.0.1")
    sandbox.add_argument("--port", type=int, default=DEFAULT_SANDBOX_PORT)
    chat = command("chat", run_chat_command, "chat with a running bot as a WeChat member")
    chat.add_argument("--as", dest="openid", default=DEV_OPENID, help="the member's OpenID")
    chat.add_argument("--bot", help="the bot's webhook URL (default: from [server])")
    chat.add_argument("--sandbox", help="the sandbox URL (default: [wechat] api_base_url)")
    dev = command("dev", run_dev, "bot + sandbox + chat in one terminal, on embedded defaults")
    dev.add_argument("--as", dest="openid", default=DEV_OPENID, help="the member's OpenID")
    keys = commands.add_parser("keys", help="encryption keys for personal data")
    keys.add_argument("--config")
    keys.add_argument("action", nargs="?", choices=("new", "rotate"), default="new",
                      help="new: print a fresh [privacy] section; rotate: re-encrypt all data under the current key")
    keys.set_defaults(run=run_keys)
    ledger = commands.add_parser("ledger", help="audit the time ledger").add_subparsers(dest="ledger_command",
                                                                                       required=True)
    verify = ledger.add_parser("verify", help="recompute every balance from the transfers; exit 1 on any problem")
    verify.add_argument("--config")
    verify.set_defaults(run=run_ledger_verify)
    export = ledger.add_parser("export", help="write a CSV statement for auditors")
    export.add_argument("--config")
    export.add_argument("--account", type=int, help="one account's statement, with its running balance")
    export.add_argument("--out", help="file to write (default: standard output)")
    export.set_defaults(run=run_ledger_export)
    menu = commands.add_parser("menu", help="the account's custom menu").add_subparsers(dest="menu_command",
                                                                                        required=True)
    push = menu.add_parser("push", help="create the custom menu from [menu] in the config")
    push.add_argument("--config")
    push.set_defaults(run=run_menu_push)
    qrcode = command("qrcode", run_qrcode, "create a permanent QR code for a community's posters")
    qrcode.add_argument("--community", required=True, help="the community's name, e.g. 青山湖社区")
    link = command("console-link", run_console_link, "print a one-time login link to the staff web console")
    link.add_argument("--openid", required=True, help="the staff member's OpenID (registered, staff or in [staff])")
    return parser


@asynccontextmanager
async def _site(app: web.Application, host: str, port: int, *, reuse_port: bool = False) -> AsyncIterator[str]:
    """Serve `app`; yields its base URL (port 0 picks a free port)."""
    runner = web.AppRunner(app, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, host, port, reuse_port=reuse_port or None)
    await site.start()
    bound_host, bound_port = runner.addresses[0][:2]
    try:
        yield f"http://{bound_host}:{bound_port}"
    finally:
        await runner.cleanup()


async def _until_stopped() -> None:
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(signum, stop.set)
    await stop.wait()


async def run_serve(config: Config, args) -> None:
    from bot.app import build_app
    from bot.runtime import open_runtime

    host, port = args.host or config.server.host, args.port or config.server.port
    if args.workers > 1:
        return await _serve_group(config, args, host, port)
    async with open_runtime(config, migrate_default=not args.in_group) as runtime, \
            _site(build_app(runtime, run_jobs=not args.no_jobs), host, port, reuse_port=args.in_group) as url:
        print(f"timebank: serving WeChat at {url}{config.server.path} ({config.source})", flush=True)
        await _until_stopped()


async def _serve_group(config: Config, args, host: str, port: int) -> None:
    """N `serve` processes on one port; the kernel spreads connections among them (SO_REUSEPORT).

    Each child is a whole bot with its own runtime; what they must share lives in Redis and the
    database. With no Redis configured, the embedded one is started here, once, for all of them.
    A child that dies is started again.
    """
    from bot.worker_group import WorkerGroup

    if not port:
        raise ConfigError("--workers", "needs a fixed --port: the processes share it")
    group = WorkerGroup(config, args.config, host, port, args.workers, run_jobs=not args.no_jobs)
    async with group.shared_stores():
        await group.start()
        print(f"timebank: serving WeChat at http://{host}:{port}{config.server.path} with {args.workers} processes "
              f"({config.source})", flush=True)
        stopped = asyncio.create_task(_until_stopped())
        await group.supervise(stopped)


async def run_job_worker(config: Config, args) -> None:
    from bot.runtime import open_runtime
    from bot.worker import JobWorker

    async with open_runtime(config) as runtime:
        worker = JobWorker(runtime)
        running = asyncio.create_task(worker.run())
        print(f"timebank: job worker running ({config.source})", flush=True)
        await _until_stopped()
        worker.stop()
        await running


async def run_migrate(config: Config, args) -> None:
    from bot.keys import development_keyring
    from storage.migrate import upgrade

    await upgrade(config.database_url, keyring=config.privacy or development_keyring(config.data_dir))
    print(f"timebank: database is up to date ({config.source})")


async def run_sandbox(config: Config, args) -> None:
    from bot.sandbox import build_sandbox

    async with _site(build_sandbox(config.wechat.app_id, config.wechat.app_secret), args.host, args.port) as url:
        print(f"timebank: WeChat sandbox at {url} (set [wechat] api_base_url = \"{url}\")", flush=True)
        await _until_stopped()


async def run_chat_command(config: Config, args) -> None:
    from bot.chat import run_chat

    bot_url = args.bot or f"http://{config.server.host}:{config.server.port}{config.server.path}"
    await run_chat(config.wechat, bot_url, args.sandbox or config.wechat.api_base_url, args.openid)


async def run_dev(config: Config, args) -> None:
    """The sandbox on a free port, the bot wired to it, and a chat in this terminal."""
    from bot.app import build_app
    from bot.chat import run_chat
    from bot.runtime import open_runtime
    from bot.sandbox import build_sandbox

    async with _site(build_sandbox(config.wechat.app_id, config.wechat.app_secret), "127.0.0.1", 0) as sandbox_url:
        config = config.with_overrides(wechat={"api_base_url": sandbox_url})
        async with open_runtime(config) as runtime, _site(build_app(runtime), "127.0.0.1", 0) as bot_url:
            print(f"timebank dev: bot {bot_url}{config.server.path}, sandbox {sandbox_url}, data in {config.data_dir}")
            await run_chat(config.wechat, f"{bot_url}{config.server.path}", sandbox_url, args.openid)


@asynccontextmanager
async def _migrated_database(config: Config):
    """Sessions on the configured database, which must already be migrated (the audit never migrates)."""
    from storage.db import create_engine, session_factory
    from storage.migrate import is_up_to_date

    if not await is_up_to_date(config.database_url):
        raise NotMigrated("the database schema is not up to date: run `timebank migrate` first")
    from bot.keys import development_keyring

    engine = create_engine(config.database_url, keyring=config.privacy or development_keyring(config.data_dir))
    try:
        yield session_factory(engine)
    finally:
        await engine.dispose()


async def run_keys(config: Config, args) -> None:
    from bot.keys import development_keyring, new_keys_toml
    from storage import free_text, members
    from storage.tasks import rotation

    if args.action == "new":
        print(new_keys_toml(), end="")
        return
    keyring = config.privacy or development_keyring(config.data_dir)
    async with _migrated_database(config) as sessions:
        # Members first, then what requests keep sealed; messages still waiting in the outbox are not
        # rewritten: keep the old key in the ring until they have gone out (minutes).
        changed = (await members.rotate(sessions, keyring) + await rotation.rotate(sessions, keyring)
                   + await free_text.rotate(sessions, keyring))
    print(f"timebank: {changed} value(s) re-encrypted under the current key")


async def run_ledger_verify(config: Config, args) -> int:
    from storage.ledger import verify

    async with _migrated_database(config) as sessions:
        report = await verify(sessions, config.ledger_rules)
    for problem in report.problems:
        print(f"problem: {problem}")
    print("ledger verify: ok" if report.ok else f"ledger verify: {len(report.problems)} problem(s)")
    return 0 if report.ok else 1


async def run_ledger_export(config: Config, args) -> None:
    from storage.ledger import export_csv

    async with _migrated_database(config) as sessions:
        if args.out:
            with open(args.out, "w", newline="", encoding="utf-8") as out:
                rows = await export_csv(sessions, out, account=args.account)
            print(f"ledger export: {rows} transfer(s) written to {args.out}", file=sys.stderr)
        else:
            await export_csv(sessions, sys.stdout, account=args.account)


async def run_menu_push(config: Config, args) -> int:
    from bot.menu import push_menu
    from bot.runtime import open_runtime

    async with open_runtime(config) as runtime:
        _, error = await _through_wechat(push_menu(runtime.wechat, config.menu))
    if error:
        print(f"timebank: WeChat refused the menu: {error}", file=sys.stderr)
        return 1
    print(f"timebank: menu pushed ({len(config.menu)} buttons); followers see it within minutes")
    return 0


async def run_qrcode(config: Config, args) -> int:
    """A permanent code whose scene is the community's name: a follow through it lands in that community."""
    from wechatpy.client.api import WeChatQRCode

    from bot.runtime import open_runtime
    from handlers.welcome import community_in

    community = args.community.strip()
    if community_in(community) != community:
        raise ConfigError("--community", "must be a community's name in Chinese, at most 32 characters")
    async with open_runtime(config) as runtime:
        ticket, error = await _through_wechat(runtime.wechat.create_permanent_qrcode(community))
    if error:
        print(f"timebank: WeChat refused the QR code: {error}", file=sys.stderr)
        return 1
    print(f"ticket URL: {WeChatQRCode.get_url(ticket)}")
    print(f"scene: {community}")
    return 0


async def _through_wechat(call) -> tuple[object, str | None]:
    """The call's result, or WeChat's refusal in one line."""
    from wechatpy.exceptions import WeChatClientException

    try:
        return await call, None
    except WeChatClientException as error:
        return None, f"errcode {error.errcode} {error.errmsg}"

async def run_console_link(config: Config, args) -> int:
    """For the first login, before anyone can send `登录后台`; uses the server's Redis, so run it beside `serve`."""
    from datetime import timedelta

    from bot.runtime import open_runtime
    from storage import console_access, members
    from storage.base import utcnow

    async with open_runtime(config) as runtime:
        await members.promote_configured_staff(runtime.sessions, config.staff_openids)
        member = await members.member_by_openid(runtime.sessions, args.openid)
        if member is None or not member.is_active or not member.is_staff:
            print("timebank: that OpenID is not an active staff member (register in chat, and list it in "
                  "[staff] openids)", file=sys.stderr)
            return 1
        ttl = timedelta(minutes=config.console.link_minutes)
        link = await console_access.create_login_link(runtime.redis, member.id, now=utcnow(), ttl=ttl)
    print(f"{config.console.base_url}/console/login/{link.token}")
    print(f"(one use, valid for {config.console.link_minutes} minutes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
