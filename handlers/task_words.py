"""How a request is said in chat: "12月3日(周四) 下午3:00 陪诊就医 约2小时", and its status in plain words."""

from __future__ import annotations

from datetime import datetime

from handlers.context import Context
from storage import tasks
from storage.exchange import format_minutes

WEEKDAYS = "一二三四五六日"
# The first hour of each part of the day, as people say it.
PERIODS = ((0, "凌晨"), (6, "早上"), (9, "上午"), (12, "中午"), (13, "下午"), (19, "晚上"))
STATUS_NAMES = {
    tasks.OPEN: "等人接单",
    tasks.ACCEPTED: "已有人接单",
    tasks.IN_SERVICE: "服务中",
    tasks.DONE: "已完成",
    tasks.DISPUTED: "有问题，工作人员在处理",
    tasks.CANCELLED: "已取消",
    tasks.EXPIRED: "没人接，已过期",
}


def clock(moment: datetime) -> str:
    period = next(name for start, name in reversed(PERIODS) if moment.hour >= start)
    hour = moment.hour - 12 if moment.hour > 12 else moment.hour
    return f"{period}{hour}:{moment.minute:02d}"


def day(moment: datetime) -> str:
    return f"{moment.month}月{moment.day}日(周{WEEKDAYS[moment.weekday()]})"


def when(moment: datetime, ctx: Context) -> str:
    local = ctx.local(moment)
    return f"{day(local)} {clock(local)}"


def service_name(code: str, ctx: Context) -> str:
    return ctx.bank.catalogue[code].name


def describe(task: tasks.Task, ctx: Context) -> str:
    return f"{when(task.starts_at, ctx)} {service_name(task.service_code, ctx)} 约{format_minutes(task.duration_min)}"


def numbered(task: tasks.Task, ctx: Context) -> str:
    return f"#{task.id} {describe(task, ctx)}"


def with_status(task: tasks.Task, ctx: Context) -> str:
    return f"{numbered(task, ctx)}【{STATUS_NAMES[task.status]}】"
