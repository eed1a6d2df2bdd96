"""`timebank chat`: talk to the bot from a terminal as if from WeChat.

Each line is one message. Lines starting with "/" are WeChat actions:
"/as OPENID" switches member, "/voice 文本" sends a voice message with that
recognition text ("/voice" alone: no recognition), "/location LAT LON 地点",
"/click KEY", "/follow [SCENE]", "/unfollow", "/image", "/help", "/quit".
Piped input works the same, one message per line.
"""

from __future__ import annotations

import asyncio
import sys
from typing import Awaitable, Callable, TextIO

import aiohttp

from bot.simulator import SandboxInbox, SimulatedWeChat

# How long to keep listening for pushed messages after a passive reply, and
# after `success` (the bot missed the deadline, its reply comes as a push).
PUSH_GRACE_S = 0.4
LATE_REPLY_WAIT_S = 8.0

USAGE = __doc__.split("\n\n", 1)[1]


class ChatSession:
    def __init__(self, wechat: SimulatedWeChat, inbox: SandboxInbox, openid: str, out: TextIO | None = None):
        self.wechat, self.inbox, self.openid, self.out = wechat, inbox, openid, out
        self.running = True

    def _actions(self) -> dict[str, Callable[[str], Awaitable[None]]]:
        return {
            "/as": self._switch_member,
            "/voice": lambda rest: self._send(self.wechat.voice(self.openid, rest or None)),
            "/location": self._send_location,
            "/click": lambda rest: self._send(self.wechat.event(self.openid, "CLICK", rest.strip())),
            "/follow": lambda rest: self._send(self.wechat.event(
                self.openid, "subscribe", f"qrscene_{rest.strip()}" if rest.strip() else "")),
            "/unfollow": lambda rest: self._send(self.wechat.event(self.openid, "unsubscribe")),
            "/image": lambda rest: self._send(self.wechat.image(self.openid)),
            "/help": self._show_usage,
            "/quit": self._quit,
        }

    async def handle_line(self, line: str) -> None:
        line = line.strip()
        if not line:
            return
        command, _, rest = line.partition(" ")
        action = self._actions().get(command) if command.startswith("/") else None
        if action is None and command.startswith("/"):
            return self.say(f"不认识的命令 {command}，发 /help 看用法")
        await (action(rest.strip()) if action else self._send(self.wechat.text(self.openid, line)))

    async def _send(self, xml: str) -> None:
        answer = await self.wechat.post(xml)
        if answer.status != 200:
            self.say(f"[HTTP {answer.status}] {answer.raw}")
        elif answer.text:
            self.say(f"机器人：{answer.text}")
        await self._show_pushes(LATE_REPLY_WAIT_S if answer.silent and self._expects_reply(xml) else PUSH_GRACE_S)

    @staticmethod
    def _expects_reply(xml: str) -> bool:
        return "<MsgType><![CDATA[event]]>" not in xml

    async def _show_pushes(self, wait_s: float) -> None:
        deadline = asyncio.get_running_loop().time() + wait_s
        while True:
            messages = await self.inbox.new_messages(self.openid)
            for message in messages:
                self.say(f"[推送] {message['text']}")
            if messages or asyncio.get_running_loop().time() >= deadline:
                return
            await asyncio.sleep(0.1)

    async def _send_location(self, rest: str) -> None:
        parts = rest.split(maxsplit=2)
        try:
            latitude, longitude = float(parts[0]), float(parts[1])
        except (IndexError, ValueError):
            return self.say("用法：/location 纬度 经度 地点名")
        await self._send(self.wechat.location(self.openid, latitude, longitude, parts[2] if len(parts) > 2 else ""))

    async def _switch_member(self, rest: str) -> None:
        if not rest:
            return self.say("用法：/as OPENID")
        self.openid = rest.split()[0]
        await self.inbox.skip_to_now(self.openid)
        self.say(f"（现在以 {self.openid} 的身份聊天）")

    async def _show_usage(self, rest: str) -> None:
        self.say(USAGE)

    async def _quit(self, rest: str) -> None:
        self.running = False

    def say(self, text: str) -> None:
        print(text, file=self.out, flush=True)


async def run_chat(wechat_config, bot_url: str, sandbox_url: str, openid: str, lines: TextIO | None = None) -> None:
    lines = lines or sys.stdin
    interactive = lines.isatty()
    async with aiohttp.ClientSession() as http:
        wechat = SimulatedWeChat(http, bot_url, wechat_config, sandbox_url)
        session = ChatSession(wechat, SandboxInbox(http, sandbox_url), openid)
        await session.inbox.skip_to_now(openid)
        if interactive:
            session.say(f"以 {openid} 的身份和机器人聊天。发 /help 看命令，/quit 退出。")
        while session.running:
            line = await asyncio.to_thread(_read_line, lines, interactive)
            if line is None:
                break
            await session.handle_line(line)


def _read_line(lines: TextIO, interactive: bool) -> str | None:
    try:
        return input("我：") if interactive else (lines.readline() or None)
    except EOFError:
        return None
