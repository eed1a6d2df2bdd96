"""Encryption keys for personal data: the development key ring, and fresh keys for operators."""

from __future__ import annotations

import json
import os
from pathlib import Path

from storage.privacy import KeyRing

DEVELOPMENT_KEYS_FILE = "privacy-dev-keys.json"


def development_keyring(data_dir: Path) -> KeyRing:
    """Keys for the embedded defaults, made once and kept beside the data they protect."""
    path = Path(data_dir) / DEVELOPMENT_KEYS_FILE
    if path.exists():
        return KeyRing.from_config(json.loads(path.read_text()))
    keyring = KeyRing.generate()
    path.parent.mkdir(parents=True, exist_ok=True)
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(descriptor, "w") as handle:
        json.dump(keyring.to_config(), handle)
    return keyring


def new_keys_toml(key_id: str = "k1") -> str:
    config = KeyRing.generate(key_id).to_config()
    return (f'[privacy]\ncurrent_key_id = "{key_id}"\n'
            f'keys = {{ {key_id} = "{config["keys"][key_id]}" }}\n'
            f'lookup_key = "{config["lookup_key"]}"\n')
