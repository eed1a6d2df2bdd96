"""The `timebank` command as an operator uses it: real processes, real files."""

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request

import pytest

from storage.privacy import KeyRing

TIMEBANK = [sys.executable, "-m", "bot.cli"]


def run(args, cwd, **kwargs):
    return subprocess.run([*TIMEBANK, *args], cwd=cwd, capture_output=True, text=True, timeout=120,
                          env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}, **kwargs)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def operator_config(tmp_path, port: int) -> str:
    keys = KeyRing.generate().to_config()
    path = tmp_path / "timebank.toml"
    path.write_text(f"""
[server]
port = {port}
[wechat]
app_id = "wx_operator"
app_secret = "operator-secret"
token = "operatortoken"
[database]
url = "sqlite:///{tmp_path / 'bank.sqlite3'}"
[privacy]
current_key_id = "k1"
keys = {{ k1 = "{keys['keys']['k1']}" }}
lookup_key = "{keys['lookup_key']}"
""")
    return str(path)


def test_a_config_mistake_stops_start_up_with_one_line_naming_the_key(tmp_path):
    (tmp_path / "bad.toml").write_text('[wechat]\napp_id = "wx1"\napp_secret = "s"\n')
    result = run(["serve", "--config", "bad.toml"], cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().count("\n") == 0
    assert "wechat.token" in result.stderr and "Traceback" not in result.stderr


def test_serving_a_new_database_asks_for_migrate_first(tmp_path):
    result = run(["serve", "--config", operator_config(tmp_path, free_port())], cwd=tmp_path)
    assert result.returncode == 2
    assert "timebank migrate" in result.stderr and "Traceback" not in result.stderr


def test_after_migrate_the_bot_serves_and_stops_cleanly(tmp_path):
    port = free_port()
    config = operator_config(tmp_path, port)
    assert run(["migrate", "--config", config], cwd=tmp_path).returncode == 0
    server = subprocess.Popen([*TIMEBANK, "serve", "--config", config], cwd=tmp_path, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    try:
        health = wait_for_health(port)
        assert '"status": "ok"' in health and '"redis": "ok"' in health
    finally:
        server.send_signal(signal.SIGTERM)
        assert server.wait(timeout=30) == 0
    assert (tmp_path / "var" / "redis" / "appendonlydir").exists()  # the embedded Redis kept its data


def wait_for_health(port: int, timeout_s: float = 30) -> str:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2) as response:
                return response.read().decode()
        except OSError:
            time.sleep(0.2)
    pytest.fail("the bot did not answer /healthz")


def test_the_readme_run_command_chats_with_the_bot_on_embedded_defaults(tmp_path):
    result = run(["dev", "--as", "o_newcomer"], cwd=tmp_path, input="你好\n什么是时间银行\n")
    assert result.returncode == 0, result.stderr
    assert "我是" in result.stdout
    assert "时间银行是什么" in result.stdout
    assert (tmp_path / "var" / "timebank.sqlite3").exists()


def test_ledger_verify_passes_a_sound_ledger_and_fails_a_tampered_one(tmp_path):
    import sqlite3

    config = operator_config(tmp_path, free_port())
    assert run(["migrate", "--config", config], cwd=tmp_path).returncode == 0
    seed = (
        "import asyncio\n"
        "from bot.config import load_config\n"
        "from storage.db import create_engine, session_factory\n"
        "from storage import ledger\n"
        "async def main():\n"
        f"    keyring = load_config({str(config)!r}, environ={{}}).privacy  # the reasons are sealed with it\n"
        f"    sessions = session_factory(create_engine('sqlite+aiosqlite:///{tmp_path / 'bank.sqlite3'}', keyring=keyring))\n"
        "    volunteer = await ledger.open_member_account(sessions, 'member:1')\n"
        "    issuance = await ledger.system_account(sessions, ledger.ISSUANCE)\n"
        "    await ledger.transfer(sessions, ledger.TransferRequest(issuance.id, volunteer.id, 90, ledger.GRANT,\n"
        "                                                            'grant-1', 'staff:1', reason='opening grant'))\n"
        "asyncio.run(main())\n"
    )
    subprocess.run([sys.executable, "-c", seed], check=True, cwd=tmp_path,
                   env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    verified = run(["ledger", "verify", "--config", config], cwd=tmp_path)
    assert verified.returncode == 0 and "ledger verify: ok" in verified.stdout
    exported = run(["ledger", "export", "--config", config], cwd=tmp_path)
    assert "grant-1" in exported.stdout and "opening grant" in exported.stdout

    with sqlite3.connect(tmp_path / "bank.sqlite3") as database:  # a balance row edited behind the ledger's back
        database.execute("UPDATE ledger_accounts SET credits_posted = credits_posted + 60 WHERE owner_ref = 'member:1'")
    tampered = run(["ledger", "verify", "--config", config], cwd=tmp_path)
    assert tampered.returncode == 1 and "problem:" in tampered.stdout


def test_timebank_keys_prints_a_privacy_section_a_config_accepts(tmp_path):
    printed = run(["keys"], cwd=tmp_path)
    assert printed.returncode == 0
    (tmp_path / "fresh.toml").write_text('[wechat]\napp_id = "wx1"\napp_secret = "s"\ntoken = "tok3n"\n' + printed.stdout)
    assert run(["migrate", "--config", "fresh.toml"], cwd=tmp_path).returncode == 0
    assert run(["keys", "rotate", "--config", "fresh.toml"], cwd=tmp_path).returncode == 0


def test_dev_runs_twice_on_the_same_data_with_a_movable_clock_and_no_traceback_in_the_chat(tmp_path):
    first = run(["dev", "--staff"], cwd=tmp_path, input="你好\n/clock +1d\n")
    second = run(["dev"], cwd=tmp_path, input="你好\n/clock 2030-01-01 09:00\n")
    for result in (first, second):
        assert result.returncode == 0, result.stderr
        assert f"logs in {tmp_path / 'var' / 'dev.log'}" in result.stdout
        assert "Traceback" not in result.stdout + result.stderr
    assert "时钟拨到" in first.stdout and "（时钟拨到 2030-01-01 09:00，北京时间）" in second.stdout
    assert "movable clock is ON" in (tmp_path / "var" / "dev.log").read_text(encoding="utf-8")


def test_chat_without_a_bot_or_a_sandbox_says_so_in_one_line(tmp_path):
    nowhere = f"http://127.0.0.1:{free_port()}"
    result = run(["chat", "--bot", f"{nowhere}/wechat", "--sandbox", nowhere], cwd=tmp_path, input="你好\n")
    assert result.returncode == 1
    assert result.stderr.strip().count("\n") == 0 and "cannot reach the bot" in result.stderr
    assert "Traceback" not in result.stderr


def test_serve_refuses_a_movable_clock_with_wechat_itself(tmp_path):
    result = subprocess.run([*TIMEBANK, "serve"], cwd=tmp_path, capture_output=True, text=True, timeout=120,
                            env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path),
                                 "TIMEBANK_DEV_MOVABLE_CLOCK": "true"})
    assert result.returncode == 2
    assert "dev.movable_clock" in result.stderr and "loopback" in result.stderr and "Traceback" not in result.stderr
