"""A stacked bar chart drawn by the server as SVG shapes.

The template only places what is computed here; colours come from CSS classes
(``series-0`` …) in ``static/inquiries/admin.css``. No script, no inline style:
the admin's CSP allows neither.
"""

from dataclasses import dataclass

from .selectors import WeeklySeries

WIDTH, HEIGHT = 720, 280
LEFT, RIGHT, TOP, BOTTOM = 40, 10, 10, 40


@dataclass
class Bar:
    x: float
    y: float
    width: float
    height: float
    series: int
    title: str


def nice_ceiling(value: int) -> int:
    """The smallest 1, 2 or 5 × 10^n at or above ``value`` (at least 1)."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def stacked_bars(data: WeeklySeries) -> dict:
    weeks = len(data.weeks)
    totals = [sum(values[i] for __, values in data.series) for i in range(weeks)]
    top = nice_ceiling(max(totals, default=0))
    plot_width, plot_height = WIDTH - LEFT - RIGHT, HEIGHT - TOP - BOTTOM
    slot = plot_width / max(weeks, 1)
    bar_width = round(slot * 0.7, 1)
    bars, labels = [], []
    for index, monday in enumerate(data.weeks):
        x = round(LEFT + index * slot + (slot - bar_width) / 2, 1)
        base = TOP + plot_height
        for series_index, (label, values) in enumerate(data.series):
            if not values[index]:
                continue
            height = round(values[index] / top * plot_height, 1)
            base -= height
            bars.append(
                Bar(
                    x=x,
                    y=round(base, 1),
                    width=bar_width,
                    height=height,
                    series=series_index,
                    title=f"{label}, week of {monday:%d %b}: {values[index]}",
                )
            )
        labels.append({"x": round(x + bar_width / 2, 1), "text": f"{monday:%d %b}"})
    ticks = [
        {"value": value, "y": round(TOP + plot_height - value / top * plot_height, 1)}
        for value in sorted({0, top // 2, top})
    ]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "left": LEFT,
        "right": WIDTH - RIGHT,
        "baseline": TOP + plot_height,
        "label_y": HEIGHT - BOTTOM + 18,
        "bars": bars,
        "labels": labels,
        "ticks": ticks,
        "legend": [(index, label) for index, (label, __) in enumerate(data.series)],
        "table": [
            {"week": monday, "counts": [values[i] for __, values in data.series]}
            for i, monday in enumerate(data.weeks)
        ],
    }
