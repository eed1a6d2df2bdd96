"""Requests and tasks: filtered lists, and one task's whole history."""

from __future__ import annotations

from datetime import timedelta

from aiohttp import web

from bot.console.pages.common import local_day, local_midnight, runtime_of, whole_number
from bot.console.render import render
from handlers.people import named
from storage import console_queries, tasks


async def task_list(request: web.Request) -> web.Response:
    runtime = runtime_of(request)
    query = request.query
    first, last = local_day(query.get("from")), local_day(query.get("to"))
    where = console_queries.TaskFilter(
        status=query.get("status") if query.get("status") in tasks.STATUSES else None,
        service_code=query.get("service") or None, community=query.get("community") or None,
        since=first and local_midnight(first), until=last and local_midnight(last + timedelta(days=1)))
    found = await console_queries.find_tasks(runtime.sessions, where)
    return render(request, "tasks.html", found=found, query=query, services=runtime.config.catalogue.services,
                  communities=await console_queries.communities(runtime.sessions))


async def task_page(request: web.Request) -> web.Response:
    runtime = runtime_of(request)
    request_id = whole_number(request.match_info["request_id"])
    try:
        task = await tasks.task(runtime.sessions, request_id or 0)
    except tasks.TaskNotFound:
        raise web.HTTPNotFound(text="没有这个需求") from None
    people = await console_queries.member_lines(runtime.sessions, runtime.keyring,
                                                [i for i in (task.requester_id, task.volunteer_id) if i])
    history = await tasks.history(runtime.sessions, task.id)
    actors = await named(runtime.sessions, runtime.keyring, [task.posted_by] + [event.actor for event in history])
    return render(request, "task.html", task=task, history=history, people=people, actors=actors,
                  services=runtime.config.catalogue.services)


ROUTES = (("GET", "/tasks", task_list), ("GET", "/tasks/{request_id}", task_page))
