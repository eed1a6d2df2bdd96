"""What a handler may know about the world besides the message itself."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

from handlers.texts import say
from storage.redis_state import DialogueStore

LOCAL_TIME = ZoneInfo("Asia/Shanghai")


@dataclass(frozen=True)
class Community:
    name: str
    hotline: str


@dataclass(frozen=True)
class Context:
    community: Community
    dialogue: DialogueStore

    @staticmethod
    def local(moment: datetime) -> datetime:
        return moment.astimezone(LOCAL_TIME)

    def text(self, key: str, **values: str) -> str:
        return say(key, community=self.community.name, hotline=self.community.hotline, **values)
