"""`timebank chat`: talk to the bot from a terminal as if from WeChat.

Each line is one message. Lines starting with "/" are WeChat actions:
"/as OPENID" switches member, "/voice 文本" sends a voice message with that
recognition text ("/voice" alone: no recognition), "/location LAT LON 地点",
"/click KEY", "/follow [SCENE]", "/unfollow", "/image", "/help", "/quit".
"/clock +2h", "/clock +1d", "/clock 2026-12-05 08:50" (Beijing time) move the
bot's clock, when it runs with [dev] movable_clock (`timebank dev` does).
Pushes to every member are shown, each labelled with who received it.
Piped input works the same, one message per line.
"""

from __future__ import annotations

import asyncio
import re
import sys
from datetime import datetime
from typing import Awaitable, Callable, TextIO
from urllib.parse import urlsplit

import aiohttp

from bot.simulator import SandboxInbox, SimulatedWeChat
from handlers.context import LOCAL_TIME as BEIJING

# How long to keep listening for pushed messages after a passive reply, and
# after `success` (the bot missed the deadline, its reply comes as a push).
PUSH_GRACE_S = 0.4
LATE_REPLY_WAIT_S = 8.0
# What a clock move or the last line of a script set off goes out through the
# outbox, seconds later on a busy machine: give it time to arrive.
LATE_PUSH_WAIT_S = 3.0

CLOCK_STEP = re.compile(r"^\+(\d{1,6})\s*([smhd])$", re.IGNORECASE)
STEP_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
CLOCK_ANSWERS = {404: "（机器人的时钟不能拨：它没有打开 [dev] movable_clock）",
                 403: "（时钟只能在机器人所在的电脑上拨）",
                 400: "（时钟没有拨动：只能往前拨，时间写成 2026-12-05 08:50）"}

NameOf = Callable[[str], Awaitable[str]]  # OpenID → how a push's receiver is labelled, e.g. 王*

USAGE = __doc__.split("\n\n", 1)[1]


async def _openid_label(openid: str) -> str:
    return openid


class ChatSession:
    def __init__(self, wechat: SimulatedWeChat, inbox: SandboxInbox, openid: str, out: TextIO | None = None, *,
                 name_of: NameOf = _openid_label, after_turn: Callable[[str], Awaitable[str | None]] | None = None):
        self.wechat, self.inbox, self.openid, self.out = wechat, inbox, openid, out
        self.name_of, self.after_turn = name_of, after_turn
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
            "/clock": self._move_clock,
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
        try:
            await (action(rest.strip()) if action else self._send(self.wechat.text(self.openid, line)))
        except aiohttp.ClientError as error:
            return self.say(f"（连不上机器人或沙盒：{type(error).__name__}）")
        if self.after_turn is not None and (note := await self.after_turn(self.openid)):
            self.say(note)

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

    async def _show_pushes(self, wait_s: float) -> int:
        """Every member's new pushes, labelled with who got them; waits up to `wait_s` for the first."""
        deadline = asyncio.get_running_loop().time() + wait_s
        while True:
            messages = await self.inbox.new_messages(None)
            for message in messages:
                self.say(f"[推送 → {await self.name_of(message['openid'])}] {message['text']}")
            if messages or asyncio.get_running_loop().time() >= deadline:
                return len(messages)
            await asyncio.sleep(0.1)

    async def _move_clock(self, rest: str) -> None:
        body = clock_request(rest)
        if body is None:
            return self.say("用法：/clock +2h、/clock +1d 或 /clock 2026-12-05 08:50")
        async with self.wechat.http.post(clock_url(self.wechat.bot_url), json=body) as response:
            answer = await response.json() if response.status == 200 else await response.text()
        if response.status != 200:
            return self.say(CLOCK_ANSWERS.get(response.status, f"（时钟没有拨动：HTTP {response.status}）"))
        now = datetime.fromisoformat(answer["now"]).astimezone(BEIJING)
        self.say(f"（时钟拨到 {now:%Y-%m-%d %H:%M}，北京时间）")
        await self.show_late_pushes()

    async def show_late_pushes(self) -> None:
        if await self._show_pushes(LATE_PUSH_WAIT_S):
            while await self._show_pushes(PUSH_GRACE_S):
                pass

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
        self.say(f"（现在以 {self.openid} 的身份聊天）")

    async def _show_usage(self, rest: str) -> None:
        self.say(USAGE)

    async def _quit(self, rest: str) -> None:
        self.running = False

    def say(self, text: str) -> None:
        print(text, file=self.out, flush=True)


def clock_request(words: str) -> dict | None:
    """`+2h`, `+1d`, `+30m` or a Beijing time `2026-12-05 08:50` → the body POST /dev/clock takes."""
    words = words.strip()
    if step := CLOCK_STEP.match(words):
        return {"advance_s": int(step.group(1)) * STEP_SECONDS[step.group(2).lower()]}
    try:
        when = datetime.strptime(words, "%Y-%m-%d %H:%M")
    except ValueError:
        return None
    return {"set": when.replace(tzinfo=BEIJING).isoformat()}


def clock_url(bot_url: str) -> str:
    parts = urlsplit(bot_url)
    return f"{parts.scheme}://{parts.netloc}/dev/clock"


class Unreachable(Exception):
    """The bot or the sandbox does not answer: said in one line, not a traceback."""


async def _check_reachable(http: aiohttp.ClientSession, what: str, url: str) -> None:
    try:
        async with http.get(url, timeout=aiohttp.ClientTimeout(total=5)):
            pass
    except (aiohttp.ClientError, TimeoutError, ValueError):
        raise Unreachable(f"cannot reach the {what} at {url}") from None


async def run_chat(wechat_config, bot_url: str, sandbox_url: str, openid: str, lines: TextIO | None = None, *,
                   name_of: NameOf = _openid_label, after_turn=None) -> None:
    """Raises Unreachable when the bot or the sandbox is not there."""
    lines = lines or sys.stdin
    interactive = lines.isatty()
    async with aiohttp.ClientSession() as http:
        await _check_reachable(http, "bot", bot_url)
        await _check_reachable(http, "sandbox", f"{sandbox_url.rstrip('/')}/sandbox/messages?after=0")
        wechat = SimulatedWeChat(http, bot_url, wechat_config, sandbox_url)
        session = ChatSession(wechat, SandboxInbox(http, sandbox_url), openid, name_of=name_of, after_turn=after_turn)
        await session.inbox.skip_to_now(None)
        if interactive:
            session.say(f"以 {openid} 的身份和机器人聊天。发 /help 看命令，/quit 退出。")
        while session.running:
            line = await asyncio.to_thread(_read_line, lines, interactive)
            if line is None:
                await session.show_late_pushes()  # a piped script ends before the outbox has sent what it set off
                break
            await session.handle_line(line)


def _read_line(lines: TextIO, interactive: bool) -> str | None:
    try:
        return input("我：") if interactive else (lines.readline() or None)
    except EOFError:
        return None
