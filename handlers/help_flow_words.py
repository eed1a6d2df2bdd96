"""How long help takes, in words for staff: the daily report's section on the last days' requests."""

from __future__ import annotations

from datetime import datetime, timedelta

from handlers.context import Context
from storage import help_flow
from storage.exchange import format_minutes

REPORT_DAYS = 7  # a single day has too few requests per community and service to say anything


async def help_flow_section(end: datetime, ctx: Context) -> str:
    flows = await help_flow.help_flow(ctx.bank.sessions, end - timedelta(days=REPORT_DAYS), end)
    lines = "\n".join(flow_line(flow, ctx) for flow in flows) or ctx.text("desk_none")
    return ctx.text("flow_report", days=str(REPORT_DAYS), lines=lines)


def flow_line(flow: help_flow.HelpFlow, ctx: Context) -> str:
    service = ctx.bank.catalogue[flow.service_code].name if flow.service_code in ctx.bank.catalogue \
        else flow.service_code
    waits = ctx.text("flow_waits", median=_minutes(flow.median_to_accept_min), p90=_minutes(flow.p90_to_accept_min)) \
        if flow.accepted else ""
    return ctx.text("flow_line", area=flow.community or ctx.community.name, service=service,
                    posted=str(flow.posted), accepted=str(flow.accepted), waits=waits,
                    staff=str(flow.needed_staff), expired=str(flow.expired))


def _minutes(value: float) -> str:
    return format_minutes(max(1, round(value)))
