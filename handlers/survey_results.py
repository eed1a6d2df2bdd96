"""A survey's results in words for staff: `问卷结果` in chat, and the daily report's line."""

from __future__ import annotations

from datetime import datetime

from handlers.context import Context
from handlers.survey_texts import KIND_KEYS
from handlers.survey_words import WISH_LABELS
from storage import surveys
from storage.surveys import ELDER_SURVEY, MODERATE, NOT_SATISFIED, VERY

SHOWN = 3  # surveys in `问卷结果`: the latest few


def _share(tally: surveys.Tally, rating: str, ctx: Context) -> str:
    return ctx.text("survey_share", count=str(tally.ratings[rating]), percent=f"{tally.share(rating)}%")


def _percents(tally: surveys.Tally) -> dict[str, str]:
    return {"very": f"{tally.share(VERY)}%", "moderate": f"{tally.share(MODERATE)}%",
            "not": f"{tally.share(NOT_SATISFIED)}%"}


def _counts(tally: surveys.Tally) -> str:
    return "，".join(f"{label}{tally.wishes[number]}" for number, label in WISH_LABELS.items())


def _day(moment: datetime, ctx: Context) -> str:
    local = ctx.local(moment)
    return f"{local.month}月{local.day}日"


def results_lines(found: surveys.Results, ctx: Context) -> str:
    survey, overall = found.survey, found.overall
    values = dict(id=str(survey.id), title=ctx.text(KIND_KEYS[survey.kind]["title"]),
                  audience=ctx.text(KIND_KEYS[survey.kind]["audience"],
                                    where=survey.community or ctx.text("survey_everywhere"), days=str(survey.days)),
                  day=_day(survey.created_at, ctx), reached=str(found.reached), answered=str(overall.answered))
    if survey.kind == ELDER_SURVEY:
        shares = ctx.text("survey_shares", **{key: _share(overall, rating, ctx) for key, rating in
                                              (("very", VERY), ("moderate", MODERATE), ("not", NOT_SATISFIED))}) \
            if overall.answered else ""
        return ctx.text("survey_results_elder", shares=shares, **values)
    counts = ctx.text("survey_counts", counts=_counts(overall)) if overall.answered else ""
    return ctx.text("survey_results_volunteer", counts=counts, **values)


async def latest_results(ctx: Context) -> str:
    found = await surveys.surveys(ctx.bank.sessions, limit=SHOWN)
    if not found:
        return ctx.text("survey_results_none")
    lines = [results_lines(await surveys.results(ctx.bank.sessions, survey), ctx) for survey in found]
    return "\n".join([ctx.text("survey_results_head"), *lines])


async def survey_section(start: datetime, end: datetime, ctx: Context) -> str:
    """The daily report's lines: each survey open during the day, its answers as of the day's end; "" when none."""
    found = [survey for survey in await surveys.surveys(ctx.bank.sessions, until=end)
             if survey.closes_at > start]
    return "\n".join([_report_line(await surveys.results(ctx.bank.sessions, survey, until=end), ctx)
                      for survey in found])


def _report_line(found: surveys.Results, ctx: Context) -> str:
    overall, values = found.overall, dict(id=str(found.survey.id), reached=str(found.reached),
                                          answered=str(found.overall.answered))
    if found.survey.kind == ELDER_SURVEY:
        shares = ctx.text("survey_report_shares", **_percents(overall)) if overall.answered else ""
        return ctx.text("survey_report_elder", shares=shares, **values)
    counts = ctx.text("survey_report_counts", counts=_counts(overall)) if overall.answered else ""
    return ctx.text("survey_report_volunteer", counts=counts, **values)


