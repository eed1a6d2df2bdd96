"""The custom menu: read from the config's [menu], held to WeChat's limits, pushed by `timebank menu push`.

A CLICK button's key is an intent name (handlers/router.py, menu_click), so a
button does exactly what the same words would; a VIEW button opens a web page.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

# WeChat's limits on menu/create.
MAX_BUTTONS, MAX_SUB_BUTTONS = 3, 5
MAX_NAME_BYTES = {"top": 16, "sub": 60}  # about 5 and 20 Chinese characters
MAX_URL_BYTES = 1024
NOT_A_BUTTON = ("unknown", "affirm", "deny")  # intents that mean nothing without a question before them


class MenuError(ValueError):
    def __init__(self, key: str, problem: str):
        super().__init__(f"{key}: {problem}")
        self.key, self.problem = key, problem


@dataclass(frozen=True)
class MenuButton:
    name: str
    intent: str | None = None  # a CLICK button
    url: str | None = None  # a VIEW button
    sub_buttons: tuple[MenuButton, ...] = ()

    def as_wechat(self) -> dict[str, Any]:
        if self.sub_buttons:
            return {"name": self.name, "sub_button": [button.as_wechat() for button in self.sub_buttons]}
        if self.url:
            return {"type": "view", "name": self.name, "url": self.url}
        return {"type": "click", "name": self.name, "key": self.intent}


def wechat_menu(buttons: tuple[MenuButton, ...]) -> dict[str, Any]:
    """The body of menu/create."""
    return {"button": [button.as_wechat() for button in buttons]}


async def push_menu(wechat, buttons: tuple[MenuButton, ...]) -> None:
    """Replace the account's menu (WeChat shows it to followers within minutes)."""
    await wechat.create_menu(wechat_menu(buttons))


def parse_menu(value: Any, key: str = "menu.buttons") -> tuple[MenuButton, ...]:
    """[menu] buttons from the config; MenuError names the first thing WeChat would refuse."""
    if not isinstance(value, list) or not 1 <= len(value) <= MAX_BUTTONS:
        raise MenuError(key, f"must be 1 to {MAX_BUTTONS} buttons")
    return tuple(_button(item, f"{key}[{number}]", "top") for number, item in enumerate(value, 1))


def _button(item: Any, key: str, level: str) -> MenuButton:
    if not isinstance(item, dict):
        raise MenuError(key, "must be a table with a name")
    unknown = set(item) - {"name", "intent", "url", "sub_buttons"}
    if unknown:
        raise MenuError(key, f"unknown key {sorted(unknown)[0]}")
    name = item.get("name")
    if not isinstance(name, str) or not name.strip() or len(name.strip().encode()) > MAX_NAME_BYTES[level]:
        raise MenuError(f"{key}.name", f"must be 1 to {MAX_NAME_BYTES[level]} bytes (UTF-8)")
    actions = [action for action in ("intent", "url", "sub_buttons") if action in item]
    if len(actions) != 1 or (level == "sub" and actions == ["sub_buttons"]):
        allowed = "intent or url" if level == "sub" else "intent, url or sub_buttons"
        raise MenuError(key, f"needs exactly one of {allowed}")
    if actions == ["sub_buttons"]:
        subs = item["sub_buttons"]
        if not isinstance(subs, list) or not 1 <= len(subs) <= MAX_SUB_BUTTONS:
            raise MenuError(f"{key}.sub_buttons", f"must be 1 to {MAX_SUB_BUTTONS} buttons")
        return MenuButton(name.strip(), sub_buttons=tuple(
            _button(sub, f"{key}.sub_buttons[{number}]", "sub") for number, sub in enumerate(subs, 1)))
    if actions == ["url"]:
        return MenuButton(name.strip(), url=_url(item["url"], f"{key}.url"))
    return MenuButton(name.strip(), intent=_intent(item["intent"], f"{key}.intent"))


def _intent(value: Any, key: str) -> str:
    from nlu.schema import INTENTS  # the contract's names; imported here to keep config loading light

    if value not in INTENTS or value in NOT_A_BUTTON:
        raise MenuError(key, f"{value!r} is not an intent a button can start")
    return value


def _url(value: Any, key: str) -> str:
    if not isinstance(value, str) or not value.startswith(("http://", "https://")) \
            or len(value.encode()) > MAX_URL_BYTES:
        raise MenuError(key, f"must be an http(s) URL of at most {MAX_URL_BYTES} bytes")
    return value
