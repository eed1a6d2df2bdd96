"""Configuration: embedded defaults, a file, secrets from the environment, one clear line per mistake."""

from pathlib import Path

import pytest

from bot.config import ConfigError, load_config
from storage.privacy import KeyRing

KEYS = KeyRing.generate().to_config()
MINIMAL = f"""
[wechat]
app_id = "wx1234567890abcdef"
app_secret = "s3cret"
token = "tok3n"
[privacy]
current_key_id = "k1"
keys = {{ k1 = "{KEYS['keys']['k1']}" }}
lookup_key = "{KEYS['lookup_key']}"
"""


def test_with_no_file_the_embedded_development_defaults_apply(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = load_config(environ={})
    assert config.source == "embedded defaults"
    assert config.server.path == "/wechat"
    assert config.uses_embedded_redis and config.uses_default_database
    assert config.database_url.startswith("sqlite+aiosqlite:///") and str(tmp_path / "var") in config.database_url


def test_a_config_toml_in_the_working_directory_is_found(tmp_path, monkeypatch, config_file):
    config_file(MINIMAL)
    monkeypatch.chdir(tmp_path)
    assert load_config(environ={}).wechat.app_id == "wx1234567890abcdef"


def test_secrets_can_come_from_the_environment_instead_of_the_file(config_file):
    path = config_file('[wechat]\napp_id = "wx1"\n' + MINIMAL[MINIMAL.index("[privacy]"):])
    config = load_config(path, environ={"TIMEBANK_WECHAT_APP_SECRET": "from-env", "TIMEBANK_WECHAT_TOKEN": "envtoken",
                                        "TIMEBANK_DATABASE_URL": "postgresql://u@db/timebank",
                                        "TIMEBANK_STAFF_OPENIDS": "o_a, o_b"})
    assert config.wechat.app_secret.get_secret_value() == "from-env"
    assert config.wechat.token.get_secret_value() == "envtoken"
    assert config.database_url == "postgresql+asyncpg://u@db/timebank"
    assert config.staff_openids == ("o_a", "o_b")


def test_relative_data_directories_are_relative_to_the_config_file(tmp_path, config_file):
    path = config_file(MINIMAL + '[data]\ndir = "state"\n')
    assert load_config(path, environ={}).data_dir == tmp_path / "state"


@pytest.mark.parametrize("toml, key", [
    ('[wechat]\napp_id = "wx1"\ntoken = "tok3n"\n', "wechat.app_secret"),
    (MINIMAL.replace('"tok3n"', '"no spaces allowed"'), "wechat.token"),
    (MINIMAL.replace('token = "tok3n"', 'token = "tok3n"\nencoding_aes_key = "short"'), "wechat.encoding_aes_key"),
    (MINIMAL.replace('token = "tok3n"', 'token = "tok3n"\napi_base_url = "ftp://x"'), "wechat.api_base_url"),
    (MINIMAL + '[server]\nport = 70000\n', "server.port"),
    (MINIMAL + '[server]\npath = "wechat"\n', "server.path"),
    (MINIMAL + '[database]\nurl = "mysql://x/y"\n', "database.url"),
    (MINIMAL + '[redis]\nurl = "localhost:6379"\n', "redis.url"),
    (MINIMAL + '[staff]\nopenids = "o_1"\n', "staff.openids"),
    (MINIMAL + '[sever]\nport = 1\n', "sever"),
    (MINIMAL.replace('token = "tok3n"', 'token = "tok3n"\napp_secert = "typo"'), "wechat.app_secert"),
    (MINIMAL.replace('current_key_id = "k1"', 'current_key_id = "k9"'), "privacy.current_key_id"),
    (MINIMAL.split("[privacy]")[0], "privacy"),
    (MINIMAL + '[corrections]\ngrant_by = "everyone"\n', "corrections.grant_by"),
    (MINIMAL + '[corrections]\nmax_per_act_hours = 0\n', "corrections.max_per_act_hours"),
    (MINIMAL + '[tasks]\ncheck_in_late_minutes = 1000\n', "tasks.check_in_late_minutes"),
])
def test_a_missing_or_invalid_key_is_named(config_file, toml, key):
    with pytest.raises(ConfigError) as error:
        load_config(config_file(toml), environ={})
    assert error.value.key == key
    assert "\n" not in str(error.value)


EXAMPLE = Path(__file__).parent.parent / "config.example.toml"


def test_the_example_config_is_valid_once_real_keys_are_given():
    keys = KeyRing.generate("k7").to_config()
    config = load_config(EXAMPLE, environ={"TIMEBANK_PRIVACY_KEYS": f"k7={keys['keys']['k7']}",
                                           "TIMEBANK_PRIVACY_CURRENT_KEY_ID": "k7",
                                           "TIMEBANK_PRIVACY_LOOKUP_KEY": keys["lookup_key"]})
    assert config.server.path == "/wechat" and config.privacy.current_key_id == "k7"


def test_the_example_placeholder_keys_are_refused():
    with pytest.raises(ConfigError) as error:
        load_config(EXAMPLE, environ={})
    assert error.value.key == "privacy"


def test_serve_refuses_the_examples_placeholder_app_id_secret_and_token(capsys):
    from bot.cli import main

    keys = KeyRing.generate("k7").to_config()
    environ = {"TIMEBANK_PRIVACY_KEYS": f"k7={keys['keys']['k7']}", "TIMEBANK_PRIVACY_CURRENT_KEY_ID": "k7",
               "TIMEBANK_PRIVACY_LOOKUP_KEY": keys["lookup_key"]}
    with pytest.MonkeyPatch.context() as patch:
        for name, value in environ.items():
            patch.setenv(name, value)
        assert main(["serve", "--config", str(EXAMPLE)]) == 2
    assert "placeholder" in capsys.readouterr().err


def test_a_message_mode_other_than_plaintext_needs_a_key(config_file):
    with pytest.raises(ConfigError) as error:
        load_config(config_file(MINIMAL.replace('token = "tok3n"', 'token = "tok3n"\nmessage_mode = "safe"')),
                    environ={})
    assert error.value.key == "wechat.message_mode"


def test_the_embedded_defaults_ship_a_demo_partner_catalogue_and_a_file_does_not(config_file, tmp_path,
                                                                                    monkeypatch):
    monkeypatch.chdir((tmp_path / "no_config_here").mkdir() or tmp_path / "no_config_here")
    demo = load_config(None, environ={}).partner_items
    assert demo and all("（演示）" in item.partner_name and "（演示）" in item.name for item in demo)
    path = config_file(MINIMAL)
    assert load_config(path, environ={}).partner_items == ()


def test_service_windows_and_corrections_come_from_the_config(config_file):
    config = load_config(config_file(MINIMAL + '[tasks]\ncheck_in_early_minutes = 15\npay_tolerance_minutes = 10\n'
                                     '[corrections]\ngrant_by = "staff"\napproval_over_hours = 5\n'), environ={})
    assert (config.task_rules.check_in_early_min, config.task_rules.pay_tolerance_min) == (15, 10)
    assert (config.corrections.grant_by, config.corrections.approval_over_min) == ("staff", 300)
    assert config.corrections.reverse_by == "admin"


def test_a_misspelt_key_is_refused_by_its_name_not_ignored(config_file):
    with pytest.raises(ConfigError) as error:
        load_config(config_file(MINIMAL + '[tasks]\nmatch_top = 5\n'), environ={})
    assert str(error.value) == "config error: tasks.match_top: unknown key"


def test_a_value_out_of_its_range_is_refused_with_the_range(config_file):
    with pytest.raises(ConfigError) as error:
        load_config(config_file(MINIMAL + '[server]\nreply_deadline = 6.0\n'), environ={})
    assert str(error.value) == "config error: server.reply_deadline: must be at most 4.5"


def test_an_environment_override_is_typed_and_checked_like_the_file(config_file):
    path = config_file(MINIMAL)
    config = load_config(path, environ={"TIMEBANK_SERVER_REPLY_DEADLINE": "3", "TIMEBANK_SERVER_PORT": "9090",
                                        "TIMEBANK_DEV_MOVABLE_CLOCK": "yes",
                                        "TIMEBANK_WECHAT_API_BASE_URL": "http://127.0.0.1:8081/"})
    assert (config.server.reply_deadline, config.server.port, config.movable_clock) == (3.0, 9090, True)
    assert config.wechat.api_base_url == "http://127.0.0.1:8081"
    with pytest.raises(ConfigError) as error:
        load_config(path, environ={"TIMEBANK_SERVER_PORT": "eighty"})
    assert str(error.value) == "config error: server.port: must be a whole number"


def test_secrets_stay_out_of_the_configs_repr_and_its_errors(config_file):
    environ = {"TIMEBANK_DATABASE_URL": "postgresql://bank:pg-pass-7@db/timebank",
               "TIMEBANK_SERVER_METRICS_TOKEN": "metrics-token-7"}
    config = load_config(config_file(MINIMAL), environ=environ)
    shown = repr(config)
    for secret in ("s3cret", "tok3n", "pg-pass-7", "metrics-token-7", KEYS["lookup_key"], KEYS["keys"]["k1"]):
        assert secret not in shown
    assert {"s3cret", "tok3n", "pg-pass-7", "metrics-token-7"} <= set(config.secrets())
    with pytest.raises(ConfigError) as error:
        load_config(config_file(MINIMAL.replace('"tok3n"', '"tok 3n secret"')), environ={})
    assert error.value.key == "wechat.token" and "tok 3n" not in str(error.value)


def test_an_override_made_in_code_is_checked_as_the_file_is(config_file):
    config = load_config(config_file(MINIMAL), environ={})
    assert config.with_overrides(server={"port": "9091"}).server.port == 9091
    with pytest.raises(ConfigError) as error:
        config.with_overrides(wechat={"message_mode": "safe"})
    assert error.value.key == "wechat.message_mode"


def test_a_blank_variable_is_as_good_as_unset(config_file):
    """Compose files write ${VAR:-}: a blank never refuses start-up nor wipes what the file says."""
    path = config_file(MINIMAL)
    blanks = {f"TIMEBANK_{name}": "" for name in ("PRIVACY_KEYS", "PRIVACY_LOOKUP_KEY", "PRIVACY_CURRENT_KEY_ID",
                                                  "STAFF_OPENIDS", "NOTIFICATIONS_TEMPLATES", "DEV_MOVABLE_CLOCK")}
    assert load_config(path, environ=blanks).staff_openids == load_config(path, environ={}).staff_openids


def test_dev_keeps_its_own_key_ring_whatever_privacy_keys_the_shell_exports(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    config = load_config(None, environ={"TIMEBANK_PRIVACY_LOG_KEY": KEYS["keys"]["k1"]})
    assert config.source == "embedded defaults"


def test_wechat_needs_an_api_url_and_a_key_pasted_as_an_id_is_not_printed(config_file):
    with pytest.raises(ConfigError) as error:
        load_config(config_file(MINIMAL), environ={"TIMEBANK_WECHAT_API_BASE_URL": " "})
    assert error.value.key == "wechat.api_base_url"
    pasted = KEYS["keys"]["k1"]
    with pytest.raises(ConfigError) as error:
        load_config(config_file(MINIMAL), environ={"TIMEBANK_PRIVACY_KEYS": pasted})
    assert pasted[:12] not in str(error.value)
