"""What `timebank dev` adds to the terminal chat: receivers' masked names, and a staff member on request."""

from __future__ import annotations

from bot.runtime import Runtime
from handlers.context import LOCAL_TIME
from storage import members
from storage.clock import CLOCK
from storage.members import SYSTEM

STAFF_NOTE = "（开发模式：你现在是员工和管理员，发“帮助”看员工指令）"


class DevChat:
    def __init__(self, runtime: Runtime, *, staff_openid: str | None = None):
        self._runtime, self._staff_openid = runtime, staff_openid

    @staticmethod
    def local_now() -> str:
        return f"{CLOCK.now().astimezone(LOCAL_TIME):%Y-%m-%d %H:%M} 北京时间"

    async def name_of(self, openid: str) -> str:
        """A push's receiver as staff would see them: the masked name (王*), else the OpenID."""
        member = await members.member_by_openid(self._runtime.sessions, openid)
        if member is None:
            return openid
        profile = await members.masked_profile(self._runtime.sessions, self._runtime.keyring, member.id)
        return profile.real_name or openid

    async def after_turn(self, openid: str) -> str | None:
        """With --staff: the chat's own member becomes staff and admin as soon as they have registered."""
        if openid != self._staff_openid:
            return None
        member = await members.member_by_openid(self._runtime.sessions, openid)
        if member is None or not member.is_active or (member.is_staff and member.is_admin):
            return None
        await members.make_staff(self._runtime.sessions, member.id, SYSTEM, admin=True)
        return STAFF_NOTE
