"""The `timebank` command: serve the bot, run the sandbox, chat with the bot, migrate the database."""

from __future__ import annotations

import argparse
import asyncio
import inspect
import os
import signal
import sys
from contextlib import asynccontextmanager
from typing import AsyncIterator

from aiohttp import web

from bot.config import Config, ConfigError, load_config, refuse_placeholders
from bot.embedded_redis import EmbeddedRedisError
from bot.observability import configure_logging, log_tag_key
from bot.redaction import Redactor
from bot.runtime import PRIVATE_UMASK, NotMigrated

DEFAULT_SANDBOX_PORT = 8081
DEV_OPENID = "o_dev_elder_wang"


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    os.umask(PRIVATE_UMASK)  # whatever a command creates (database, exports, keys) is the operator's alone
    try:
        config = load_config(args.config)
        # `timebank dev`: the terminal is the chat, so logs go to a file, never between the messages.
        configure_logging(config.log_level, Redactor(config.secrets()),
                          log_tag_key(config.log_key, config.privacy and config.privacy.lookup_key),
                          log_file=dev_log_file(config) if args.command == "dev" else None)
        outcome = args.run(config, args)
        return (asyncio.run(outcome) if inspect.iscoroutine(outcome) else outcome) or 0
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
                       help="N server processes on gunicorn sharing the port, each with its own runtime")
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
    dev.add_argument("--staff", action="store_true", help="the chat's member is made staff and admin once registered")
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
    staff = commands.add_parser("staff", help="staff rights: the first admin, and who has them").add_subparsers(
        dest="staff_command", required=True)
    add = staff.add_parser("add", help="make a registered member staff (or admin); idempotent, audited as system")
    add.add_argument("--config")
    add.add_argument("--openid", required=True, help="the member's OpenID (they register in chat first)")
    add.add_argument("--admin", action="store_true", help="also an admin: may appoint other staff")
    add.set_defaults(run=run_staff_add)
    listing = staff.add_parser("list", help="everyone with staff rights")
    listing.add_argument("--config")
    listing.set_defaults(run=run_staff_list)
    link = command("console-link", run_console_link, "print a one-time login link to the staff web console")
    link.add_argument("--openid", required=True, help="the staff member's OpenID (registered, staff or in [staff])")
    return parser


@asynccontextmanager
async def _site(app: web.Application, host: str, port: int) -> AsyncIterator[str]:
    """Serve `app`; yields its base URL (port 0 picks a free port)."""
    runner = web.AppRunner(app, handle_signals=False)
    await runner.setup()
    site = web.TCPSite(runner, host, port)
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


def run_serve(config: Config, args):
    refuse_placeholders(config)
    host, port = args.host or config.server.host, args.port or config.server.port
    if args.workers > 1:
        if not port:
            raise ConfigError("--workers", "needs a fixed --port: the processes share it")
        from bot.gunicorn_serving import serve_with_gunicorn

        return serve_with_gunicorn(config, host, port, args.workers, run_jobs=not args.no_jobs)
    return _serve_one(config, args, host, port)


async def _serve_one(config: Config, args, host: str, port: int) -> None:
    from bot.app import build_app
    from bot.runtime import open_runtime

    async with open_runtime(config) as runtime, \
            _site(build_app(runtime, run_jobs=not args.no_jobs), host, port) as url:
        print(f"timebank: serving WeChat at {url}{config.server.path} ({config.source})", flush=True)
        await _until_stopped()


async def run_job_worker(config: Config, args) -> None:
    from bot.runtime import open_runtime
    from bot.worker import JobWorker

    refuse_placeholders(config)
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


def _sandbox(config: Config):
    """A WeChat sandbox that knows this account's id and secret."""
    from bot.sandbox import build_sandbox

    return build_sandbox(config.wechat.app_id, config.wechat.app_secret.get_secret_value())


async def run_sandbox(config: Config, args) -> None:
    async with _site(_sandbox(config), args.host, args.port) as url:
        print(f"timebank: WeChat sandbox at {url} (set [wechat] api_base_url = \"{url}\")", flush=True)
        await _until_stopped()


async def run_chat_command(config: Config, args) -> int:
    from bot.chat import Unreachable, run_chat

    bot_url = args.bot or f"http://{config.server.host}:{config.server.port}{config.server.path}"
    try:
        await run_chat(config.wechat, bot_url, args.sandbox or config.wechat.api_base_url, args.openid)
    except Unreachable as error:
        print(f"timebank chat: {error} (start it with `timebank serve` / `timebank sandbox`, or use `timebank dev`)",
              file=sys.stderr)
        return 1
    return 0


def dev_log_file(config: Config):
    config.data_dir.mkdir(parents=True, exist_ok=True)
    return config.data_dir / "dev.log"


async def run_dev(config: Config, args) -> None:
    """The sandbox on a free port, the bot wired to it with a movable clock, and a chat in this terminal."""
    from dataclasses import replace

    from bot.app import build_app
    from bot.chat import run_chat
    from bot.dev_chat import DevChat
    from bot.runtime import open_runtime

    async with _site(_sandbox(config), "127.0.0.1", 0) as sandbox_url:
        config = replace(config.with_overrides(wechat={"api_base_url": sandbox_url}), movable_clock=True)
        async with open_runtime(config) as runtime, _site(build_app(runtime), "127.0.0.1", 0) as bot_url:
            print(f"timebank dev: bot {bot_url}{config.server.path}, sandbox {sandbox_url}, data in {config.data_dir}")
            print(f"timebank dev: logs in {dev_log_file(config)}; the clock moves with /clock (now "
                  f"{DevChat.local_now()})", flush=True)
            if args.staff:
                print(f"timebank dev: --staff: {args.openid} becomes staff and admin once registered (send 我要注册)")
            dev = DevChat(runtime, staff_openid=args.openid if args.staff else None)
            await run_chat(config.wechat, f"{bot_url}{config.server.path}", sandbox_url, args.openid,
                           name_of=dev.name_of, after_turn=dev.after_turn)


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
        # rewritten: keep the old key in the ring until they have gone out (minutes; days for held notices).
        changed = (await members.rotate(sessions, keyring) + await rotation.rotate(sessions, keyring)
                   + await free_text.rotate(sessions, keyring))
    print(f"timebank: {changed} value(s) re-encrypted under the current key")


async def run_ledger_verify(config: Config, args) -> int:
    from storage.ledger import verify
    from storage.tasks import payment_problems

    async with _migrated_database(config) as sessions:
        report = await verify(sessions, config.ledger_rules)
        problems = report.problems + await payment_problems(sessions, config.task_rules)
    for problem in problems:
        print(f"problem: {problem}")
    print(f"ledger verify: {len(problems)} problem(s)" if problems else "ledger verify: ok")
    return 1 if problems else 0


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
    """The call's result, or WeChat's refusal (or its silence) in one line."""
    import requests
    from wechatpy.exceptions import WeChatClientException

    try:
        return await call, None
    except WeChatClientException as error:
        return None, f"errcode {error.errcode} {error.errmsg}"
    except (requests.RequestException, TimeoutError) as error:
        return None, f"WeChat's API could not be reached ({type(error).__name__}); try again later"


async def run_console_link(config: Config, args) -> int:
    """For the first login, before anyone can send `登录后台`; uses the server's Redis, so run it beside `serve`."""
    from datetime import timedelta

    from bot.runtime import open_runtime
    from storage import console_access, members
    from storage.base import utcnow

    async with open_runtime(config) as runtime:
        await members.promote_configured_staff(runtime.sessions, config.staff_openids, config.staff_admins)
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


async def run_staff_add(config: Config, args) -> int:
    """The first admin has nobody to appoint them: the operator does, from the machine."""
    from storage import members

    async with _migrated_database(config) as sessions:
        appointed = await members.appoint(sessions, args.openid.strip(), admin=args.admin)
    if appointed is None:
        print("timebank: no active member has that OpenID (they register in chat first)", file=sys.stderr)
        return 1
    member, changed = appointed
    rights = "admin" if member.is_admin else "staff"
    print(f"timebank: member #{member.id} {'is now' if changed else 'was already'} {rights}")
    return 0


async def run_staff_list(config: Config, args) -> None:
    from storage import members

    async with _migrated_database(config) as sessions:
        staff = await members.staff_members(sessions)
    for member in staff:
        print(f"#{member.id}\t{member.openid or '-'}\t{'admin' if member.is_admin else 'staff'}\t{member.status}")
    print(f"{len(staff)} staff member(s)", file=sys.stderr)


if __name__ == "__main__":
    sys.exit(main())
