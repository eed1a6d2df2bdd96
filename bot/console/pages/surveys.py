"""Surveys: each survey's answers per community and overall, beside the field study's baseline (28/63/9),
the volunteer survey's counts per option, and, on an explicit POST that is audited, the words members added."""

from __future__ import annotations

from aiohttp import web

from bot.console import charts
from bot.console.pages.common import runtime_of, staff_actor, whole_number
from bot.console.render import render
from handlers.survey_words import RATING_LABELS, WISH_LABELS
from storage import surveys
from storage.base import utcnow

BASELINE_NAMES = ("本次问卷", "调研基线")
TITLES = {surveys.ELDER_SURVEY: "老人满意度", surveys.VOLUNTEER_SURVEY: "志愿者意见"}


def _compared(title: str, tally: surveys.Tally) -> charts.Chart:
    return charts.compared(title, [(RATING_LABELS[rating], tally.share(rating) or 0, surveys.BASELINE[rating])
                                   for rating in surveys.RATINGS], BASELINE_NAMES)


def _charts(found: surveys.Results) -> dict:
    if found.survey.kind == surveys.VOLUNTEER_SURVEY:
        return {"overall": charts.hbars("什么能让志愿者更多参加（人数）",
                                        [(WISH_LABELS[number], found.overall.wishes[number]) for number in WISH_LABELS]),
                "communities": {}}
    return {"overall": _compared("全部社区：满意度与调研基线（%）", found.overall) if found.overall.answered else None,
            "communities": {name: _compared(f"{name or '未填社区'}（%）", tally)
                            for name, tally in found.by_community.items()}}


async def _page(request: web.Request, notes: list[surveys.Note] | None = None) -> web.Response:
    runtime = runtime_of(request)
    listed = await surveys.surveys(runtime.sessions)
    wanted = whole_number(request.match_info.get("id") or request.query.get("id", 0), low=1)
    chosen = next((survey for survey in listed if survey.id == wanted), listed[0] if listed else None)
    if wanted and (chosen is None or chosen.id != wanted):
        chosen = await surveys.survey(runtime.sessions, wanted)
        if chosen is None:
            raise web.HTTPNotFound(text="没有这份问卷")
    found = await surveys.results(runtime.sessions, chosen) if chosen else None
    return render(request, "surveys.html", listed=listed, chosen=chosen, found=found, titles=TITLES,
                  charts=_charts(found) if found else {}, rating_labels=RATING_LABELS, wish_labels=WISH_LABELS,
                  baseline=surveys.BASELINE, notes=notes)


async def page(request: web.Request) -> web.Response:
    return await _page(request)


async def read_notes(request: web.Request) -> web.Response:
    """The words members added after their score, without names: opened on request, and the reading logged."""
    runtime = runtime_of(request)
    survey_id = whole_number(request.match_info["id"], low=1)
    if survey_id is None or await surveys.survey(runtime.sessions, survey_id) is None:
        raise web.HTTPNotFound(text="没有这份问卷")
    notes = await surveys.read_notes(runtime.sessions, survey_id, reader_id=staff_actor(request).member_id,
                                     now=utcnow())
    return await _page(request, notes)


ROUTES = (("GET", "/surveys", page), ("GET", "/surveys/{id}", page), ("POST", "/surveys/{id}/notes", read_notes))
