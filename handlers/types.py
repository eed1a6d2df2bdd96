"""What a handler receives and what it answers: plain data, no HTTP, no XML."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from typing import Any, Mapping


class Kind(str, Enum):
    TEXT = "text"
    VOICE = "voice"  # `text` holds WeChat's speech recognition, or is empty
    LOCATION = "location"
    MENU_CLICK = "menu_click"
    FOLLOW = "follow"  # subscribe, possibly through a community's QR code
    SCAN = "scan"  # an existing follower scanned a QR code
    UNFOLLOW = "unfollow"
    MEDIA = "media"  # image, video, link, file: nothing the bot can read
    SILENT_EVENT = "silent_event"  # reports that need no answer (view, template sent, location report)
    MASS_SEND_FINISHED = "mass_send_finished"  # MASSSENDJOBFINISH: WeChat's counts for a mass send, in `report`


@dataclass(frozen=True)
class Location:
    latitude: float
    longitude: float
    label: str = ""


@dataclass(frozen=True)
class Incoming:
    openid: str
    kind: Kind
    received_at: datetime
    text: str = ""
    menu_key: str = ""
    scene: str = ""  # the QR code scene of a follow or scan
    location: Location | None = None
    report: Mapping[str, int] | None = None  # a mass send's result: msg_id, status, total, filter, sent, error
    danger_settled: bool = False  # the member said they are not in danger: read the text for what it asks


@dataclass(frozen=True)
class Article:
    title: str
    description: str
    url: str
    image: str = ""


@dataclass(frozen=True)
class Reply:
    text: str = ""
    article: Article | None = None  # WeChat shows one article per news reply


@dataclass(frozen=True)
class Choice:
    """One numbered option: what picking it means, the words shown, and other words that name it."""

    value: Any
    label: str
    words: tuple[str, ...] = ()


@dataclass(frozen=True)
class Outcome:
    """A reply (None: nothing to say) and the intent it answered, for logs and metrics.

    `choices`: the numbered options the reply shows, when they are things to do next ("1" after the help
    menu): each value an intent name or {"intent": …, "slots": {…}}. The next message may pick one.
    """

    reply: Reply | None
    intent: str
    choices: tuple[Choice, ...] = ()
