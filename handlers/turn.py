"""One message as every handler receives it: what was said, the world, who said it and what was read in it."""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from typing import Any, Mapping

from handlers.context import Context
from handlers.types import Incoming
from storage import members
from storage.db import Sessions
from storage.members import Member


class Sender:
    """The sender's record, read from the database at most once per message, and only if a handler asks.

    Most messages need it, but small talk, an SOS, a menu of choices or a follow need not pay the query.
    A handler that changes the sender's own record (registering, erasing, promoting) says so
    (`Turn.sender_changed`), and the next ask reads it anew.
    """

    def __init__(self, openid: str, sessions: Sessions):
        self.openid, self.sessions = openid, sessions
        self.read: bool = False
        self.known: Member | None = None

    async def member(self) -> Member | None:
        if not self.read:
            member = await members.member_by_openid(self.sessions, self.openid)
            self.read, self.known = True, member if member is not None and member.is_active else None
        return self.known

    def forget(self) -> None:
        self.read, self.known = False, None


@dataclass(frozen=True)
class Turn:
    """Built once per message by the router; a handler gets a copy with what it was called for.

    `slots`: what the parser read alongside an intent, or, in a flow's steps, the answers so far.
    `argument`: the words after a command's name (its pattern's first group).
    """

    incoming: Incoming
    ctx: Context
    sender: Sender
    slots: Mapping[str, Any] = field(default_factory=dict)
    argument: str = ""

    @classmethod
    def of(cls, incoming: Incoming, ctx: Context) -> Turn:
        return cls(incoming, ctx, Sender(incoming.openid, ctx.bank.sessions))

    async def member(self) -> Member | None:
        """The sender's active member record; None for someone not registered (or suspended, or gone)."""
        return await self.sender.member()

    def sender_changed(self) -> None:
        """After changing the sender's own record, so that the rest of the message reads it anew."""
        self.sender.forget()

    def with_slots(self, slots: Mapping[str, Any]) -> Turn:
        return replace(self, slots=slots)

    def with_argument(self, argument: str) -> Turn:
        return replace(self, argument=argument)

    def saying(self, incoming: Incoming) -> Turn:
        """The same sender with another message: a held command's words, or the first of an SOS doubt."""
        return replace(self, incoming=incoming)
