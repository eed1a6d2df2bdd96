"""The dashboard: members, requests, rates, hours, satisfaction and the pool, as charts with their numbers."""

from __future__ import annotations

from collections import defaultdict

from aiohttp import web

from bot.console import charts, labels
from bot.console.pages.common import runtime_of, today, whole_number
from bot.console.render import hours, render
from storage import dashboard

PERIODS = (7, 30, 90)


async def page(request: web.Request) -> web.Response:
    runtime = runtime_of(request)
    days = whole_number(request.query.get("days", 30), low=1, high=366) or 30
    board = await dashboard.dashboard(runtime.sessions, dashboard.Window.ending(today(), days))
    return render(request, "dashboard.html", board=board, days=days, periods=PERIODS, service_names=_names(runtime),
                  charts=_charts(board, runtime.config.catalogue), communities=_communities(board))


def _communities(board: dashboard.Dashboard) -> list[tuple[str, dict[str, int], int]]:
    """(community, count per role, total) rows of the members table."""
    table: dict[str, dict[str, int]] = defaultdict(dict)
    for row in board.members:
        table[row.community or "未填社区"][row.role] = row.count
    return [(name, roles, sum(roles.values())) for name, roles in table.items()]


def _charts(board: dashboard.Dashboard, catalogue) -> dict[str, charts.Chart]:
    days = [day.strftime("%m-%d") for day in board.window.days()]
    per_day = board.requests_per_day
    by_role = defaultdict(int)
    for row in board.members:
        by_role[row.role] += row.count
    service_name = lambda code: catalogue[code].name if code in catalogue else code  # noqa: E731
    return {
        "members": charts.hbars("会员（按角色）", [(labels.ROLES.get(role, role), by_role.get(role, 0))
                                                   for role in labels.ROLES]),
        "requests": charts.columns("每天的需求", days, [
            ("发布", [d.posted for d in per_day]), ("完成", [d.done for d in per_day]),
            ("取消", [d.cancelled for d in per_day])]),
        "hours": charts.hbars("各项服务时长（小时）",
                              [(service_name(s.service_code), s.minutes) for s in board.hours_by_service],
                              text=hours),
        "satisfaction": charts.hbars("满意度", [(labels.SATISFACTION[key], board.satisfaction[key])
                                                for key in dashboard.SATISFACTION_ORDER]),
        "pool": charts.line_over_columns("互助池余额与发行（分钟）", days, "互助池余额",
                                         [d.pool_balance_min for d in board.pool], "当天发行",
                                         [d.issued_min for d in board.pool]),
    }



def _names(runtime) -> dict[str, str]:
    return {code: service.name for code, service in runtime.config.catalogue.services.items()}


ROUTES = (("GET", "/", page),)
