"""Every word a member or staff member types is sealed: a phone number and a name planted in each free-text
input the bot and the console accept are found nowhere in the clear, not in any text or blob column of any
table (found by reflection), the SQLite file and its WAL, Redis, or the logs. An erased member's words go."""

from __future__ import annotations

import itertools
import logging
from datetime import timedelta
from pathlib import Path

from sqlalchemy import JSON, LargeBinary, String, Text, inspect, select, table, column
from sqlalchemy.engine import make_url

from bot.console.render import LOCAL_TIME
from handlers import emergency
from storage import alerts, audit, tasks
from storage.base import utcnow
from storage.free_text import ERASED
from tests.service_requests.conftest import Community

TEXT_TYPES = (String, Text, JSON, LargeBinary)


class Plants:
    """A unique phone number and name for each input, so a hit names the input that leaked."""

    SURNAMES = "赵钱孙李周吴郑冯陈褚卫蒋沈韩杨朱秦尤许何"

    def __init__(self):
        self._numbers = itertools.count(1)
        self.planted: dict[str, tuple[str, str]] = {}

    def __call__(self, where: str, *, with_phone: bool = True) -> str:
        n = next(self._numbers)
        phone, name = f"1396666{n:04d}", f"{self.SURNAMES[n]}秘{'甲乙丙丁戊己庚辛壬癸'[n % 10]}"
        self.planted[where] = (phone, name) if with_phone else (name,)
        return f"{name}电话{phone}" if with_phone else f"{name}家"

    def found_in(self, haystack: str) -> list[str]:
        return [f"{where}: {secret}" for where, pair in self.planted.items() for secret in pair if secret in haystack]


async def _every_text_column(sessions) -> str:
    async with sessions() as session:
        def reflect(sync):
            inspector = inspect(sync.connection())
            return {name: [c["name"] for c in inspector.get_columns(name) if isinstance(c["type"], TEXT_TYPES)]
                    for name in inspector.get_table_names()}
        columns = await session.run_sync(reflect)
        values = []
        for name, texts in columns.items():
            if texts:
                rows = (await session.execute(select(*(column(c) for c in texts)).select_from(table(name)))).all()
                values += [repr(tuple(row)) for row in rows]
    assert "task_events" in columns and "reason" in columns["task_events"]  # reflection saw the tables
    return "\n".join(values)


def _database_files(database_url: str) -> str:
    url = make_url(database_url)
    if url.get_backend_name() != "sqlite":
        return ""
    files = [Path(url.database), Path(f"{url.database}-wal")]
    return "\n".join(path.read_bytes().decode("utf-8", "replace") for path in files if path.exists())


async def _everything_in_redis(redis) -> str:
    readers = {"string": redis.get, "hash": redis.hgetall, "list": lambda key: redis.lrange(key, 0, -1),
               "set": redis.smembers, "zset": lambda key: redis.zrange(key, 0, -1, withscores=True),
               "stream": lambda key: redis.xrange(key)}
    values = []
    async for key in redis.scan_iter():
        kind = await redis.type(key)
        try:
            values.append(f"{key}={await readers[kind](key)!r}" if kind in readers else key)
        except UnicodeDecodeError:  # a pickled job: read it as bytes
            values.append(repr(await redis.dump(key)))
    return "\n".join(values)


async def _redis_files(redis) -> str:
    """What Redis writes to disk: a fresh snapshot, uncompressed so a plaintext would show, and any AOF."""
    directory = Path((await redis.config_get("dir"))["dir"])
    compression = (await redis.config_get("rdbcompression"))["rdbcompression"]
    await redis.config_set("rdbcompression", "no")
    try:
        await redis.save()
    finally:
        await redis.config_set("rdbcompression", compression)
    files = [directory / (await redis.config_get("dbfilename"))["dbfilename"], *directory.glob("appendonlydir/*")]
    assert files[0].exists()  # a server on another machine cannot be read here: run this story on a local one
    return "\n".join(path.read_bytes().decode("utf-8", "replace") for path in files if path.is_file())


def _nonce(page: str) -> str:
    return page.split('name="nonce" value="', 1)[1].split('"', 1)[0]


async def test_a_phone_and_a_name_typed_anywhere_are_nowhere_in_the_clear_and_go_with_erasure(
        admin, staff, console, member_chat, runtime, database_url, redis, caplog):
    caplog.set_level(logging.INFO)  # what the bot logs when it runs
    plant, community = Plants(), Community(runtime)
    elder = await community.elder()
    await community.grant(elder, 600)
    volunteer = await community.volunteer("o_vol_zhang")

    # The bot: a request's place and notes, a dispute, a staff decision.
    wang = member_chat("o_elder_wang")
    await wang.says("后天上午9点找人帮我打扫卫生，3个小时")
    await wang.says("2")
    await wang.says("幸福路88号" + plant("request place", with_phone=False))  # an address holds no phone
    await wang.says("钥匙在鞋柜" + plant("request notes"))
    assert "单号" in await wang.says("是")
    (task,) = await tasks.tasks_of(runtime.sessions, elder.id)
    zhang = member_chat("o_vol_zhang")
    assert "接单成功" in await zhang.says(f"接单 {task.id}")
    await zhang.says("签到", at=task.starts_at)
    await zhang.says("签退", at=task.ends_at)
    assert "已告诉工作人员" in await wang.says("有问题 态度很差，" + plant("dispute"))

    # The console: a reveal's and a suspension's reason, a ledger reason, a broadcast draft (an alert's note below).
    zhao, qian = await console("o_staff_zhao"), await console("o_admin_qian")
    await zhao.get(f"/console/members/{elder.id}")
    await zhao.post(f"/console/members/{elder.id}/reveal", [("field", "phone"), ("reason", plant("reveal reason"))])
    _, page = await qian.get(f"/console/ledger?member={volunteer.id}")
    form = {"member": str(volunteer.id), "minutes": "30", "reason": plant("grant reason"), "nonce": _nonce(page)}
    assert "发放已完成" in (await qian.post("/console/ledger/grant", form))[1]
    tomorrow = (utcnow() + timedelta(days=1)).astimezone(LOCAL_TIME).strftime("%Y-%m-%dT09:00")
    await zhao.get("/console/broadcasts")
    draft = {"content": "感谢" + plant("broadcast draft"), "audience": "volunteer", "send_at": tomorrow}
    _, page = await zhao.post("/console/broadcasts/preview", draft)
    await zhao.post("/console/broadcasts/send", {**draft, "nonce": _nonce(page)})
    assert "已处理" in await member_chat("o_staff_zhao").says(f"处理 {task.id} 部分 1小时 " + plant("staff decision"))
    assert "谢谢" in await zhang.says(f"评价 {task.id} 2星 老人不太和气，" + plant("rating comment"))
    (low,) = [a for a in await alerts.open_alerts(runtime.sessions) if a.kind == alerts.LOW_RATING]
    await zhao.get("/console/alerts")
    _, page = await zhao.post(f"/console/alerts/{low.id}/handle", {"note": "已回访" + plant("alert note")})
    assert "告警已处理" in page
    await wang.says("救命 我摔倒了，" + plant("sos words"))
    await emergency.settle()  # the alerting runs after the reply
    (sos,) = [a for a in await alerts.open_alerts(runtime.sessions) if a.kind == alerts.SOS]
    await member_chat("o_staff_zhao").says(f"处理警报 {sos.id} 已上门，" + plant("chat alert note"))
    assert (await alerts.alert(runtime.sessions, sos.id)).status == alerts.HANDLED
    assert "故事" in await member_chat("o_staff_zhao").says("添加故事 邻里互助｜" + plant("story"))
    await zhao.get(f"/console/members/{volunteer.id}")
    await zhao.post(f"/console/members/{volunteer.id}/suspend", {"reason": plant("suspension reason")})

    # Nothing of it in the clear, wherever it rests.
    assert await audit.entries(runtime.sessions, action="resolve_dispute")  # the words did reach storage
    assert plant.found_in(await _every_text_column(runtime.sessions)) == []
    assert plant.found_in(_database_files(database_url)) == []
    assert plant.found_in(await _everything_in_redis(redis)) == []
    assert plant.found_in(await _redis_files(redis)) == []
    assert plant.found_in("\n".join(record.getMessage() for record in caplog.records)) == []

    # The elder erases her data: her words give way to （已删除）.
    assert "确定要删除吗" in await wang.says("删除我的信息")
    assert "已删除" in await wang.says("是")
    about_her = [entry.reason for entry in await audit.entries(runtime.sessions, subject=elder.id) if entry.reason]
    assert about_her and set(about_her) == {ERASED}
    events = [event.reason for event in await tasks.history(runtime.sessions, task.id) if event.reason]
    assert events and set(events) == {ERASED}
    async with runtime.sessions() as session:
        comments = (await session.execute(select(column("comment_enc")).select_from(table("task_ratings")))).all()
        notes = (await session.execute(select(column("notes_enc"), column("place_enc"))
                                       .select_from(table("service_requests")))).all()
    assert comments == [(None,)] and notes == [(None, None)]  # a rating of her visit, her notes and place
