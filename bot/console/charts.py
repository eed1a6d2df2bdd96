"""The geometry of the dashboard's charts; small jinja templates turn it into inline SVG.

Everything is computed here, in one viewBox of fixed units, so the templates
only place shapes and the browser scales the picture to the phone's width.
"""

from __future__ import annotations

from dataclasses import dataclass

WIDTH = 320
LABEL_W = 84  # room on the left of horizontal bars for their label
BAR_H, GAP = 18, 8
PLOT_H = 120
COLOURS = ("#2f6f4f", "#d08a2c", "#b3413a", "#3f6fb0")
COMPARED = (COLOURS[3], "#8c8c8c")  # this, and the reference it is read against
REFERENCE_LABEL = "基线"


@dataclass(frozen=True)
class Bar:
    label: str
    value: int
    text: str  # what is written at the end of a horizontal bar
    x: float
    y: float
    width: float
    height: float
    colour: str


@dataclass(frozen=True)
class Chart:
    title: str
    height: int
    bars: tuple[Bar, ...] = ()
    legend: tuple[tuple[str, str], ...] = ()  # (name, colour)
    axis: tuple[tuple[float, str, str], ...] = ()  # (x, label, text-anchor) under a chart over time
    line: str = ""  # polyline points
    empty: bool = False
    width: int = WIDTH
    label_width: int = LABEL_W
    line_colour: str = COLOURS[3]


def hbars(title: str, items: list[tuple[str, int]], *, text=str) -> Chart:
    """One horizontal bar per item, the largest across the full width."""
    top = max((value for _, value in items), default=0) or 1
    room = WIDTH - LABEL_W - 44
    bars = tuple(Bar(label, value, text(value), LABEL_W, index * (BAR_H + GAP), max(room * value / top, 1), BAR_H,
                     COLOURS[index % len(COLOURS)]) for index, (label, value) in enumerate(items))
    return Chart(title, max(len(items), 1) * (BAR_H + GAP), bars, empty=not any(value for _, value in items))


def compared(title: str, rows: list[tuple[str, int, int]], names: tuple[str, str]) -> Chart:
    """Two bars per row, this and a reference (a survey's shares beside the field study's baseline), in percent,
    each series in its own colour; the row's label on its first bar, "基线" on the reference's."""
    room = WIDTH - LABEL_W - 44
    bars = tuple(Bar(label if series == 0 else REFERENCE_LABEL, value, f"{value}%", LABEL_W, (2 * index + series) * (BAR_H + GAP / 2)
                     + index * GAP, max(room * value / 100, 1), BAR_H, COMPARED[series])
                 for index, (label, *values) in enumerate(rows) for series, value in enumerate(values))
    return Chart(title, max(len(rows), 1) * (2 * BAR_H + 2 * GAP), bars,
                 legend=tuple(zip(names, COMPARED)), empty=not rows)


def columns(title: str, labels: list[str], series: list[tuple[str, list[int]]]) -> Chart:
    """Grouped columns per day (posted, done, cancelled), zero at the bottom of the plot."""
    top = max((value for _, values in series for value in values), default=0) or 1
    slot = WIDTH / max(len(labels), 1)
    width = slot / (len(series) + 1)
    bars = tuple(Bar(labels[day], value, str(value), day * slot + (index + 0.5) * width,
                     PLOT_H - PLOT_H * value / top, width, PLOT_H * value / top, COLOURS[index])
                 for index, (_, values) in enumerate(series) for day, value in enumerate(values) if value)
    legend = tuple((name, COLOURS[index]) for index, (name, _) in enumerate(series))
    return Chart(title, PLOT_H + 16, bars, legend, _axis(labels, slot), empty=not bars)


def line_over_columns(title: str, labels: list[str], line_name: str, line: list[int], column_name: str,
                      values: list[int]) -> Chart:
    """A running total as a line (the pool's balance) over what was added each day as columns (issuance)."""
    low, high = min(line + values + [0]), max(line + values + [0])
    span = (high - low) or 1
    slot = WIDTH / max(len(labels), 1)

    def y(value: int) -> float:
        return PLOT_H - PLOT_H * (value - low) / span

    bars = tuple(Bar(labels[day], value, str(value), day * slot + slot * 0.2, min(y(value), y(0)), slot * 0.6,
                     abs(y(0) - y(value)), COLOURS[1]) for day, value in enumerate(values) if value)
    points = " ".join(f"{day * slot + slot / 2:.1f},{y(value):.1f}" for day, value in enumerate(line))
    return Chart(title, PLOT_H + 16, bars, ((line_name, COLOURS[3]), (column_name, COLOURS[1])),
                 _axis(labels, slot), points, empty=not any(line) and not any(values))


def _axis(labels: list[str], slot: float) -> tuple[tuple[float, str, str], ...]:
    """A few dates under the plot: the first, the last, and evenly between, never crowded."""
    if not labels:
        return ()
    step = max(1, len(labels) // 4)
    picked = sorted(set(range(0, len(labels), step)) | {len(labels) - 1})
    if len(picked) > 1 and picked[-1] - picked[-2] < step / 2:
        picked.pop(-2)
    # The first and last dates are anchored at their ends, so that neither is cut off by the edge.
    anchors = {picked[0]: "start", picked[-1]: "end"} if len(picked) > 1 else {}
    return tuple((0 if anchors.get(i) == "start" else WIDTH if anchors.get(i) == "end" else i * slot + slot / 2,
                  labels[i], anchors.get(i, "middle")) for i in picked)
