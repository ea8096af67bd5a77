"""Horizontal bars drawn by the server as SVG (no script, no inline style)."""

from dataclasses import dataclass

WIDTH, ROW, LABEL = 640, 28, 170


@dataclass
class HBar:
    label: str
    count: int
    y: int
    width: float
    text_x: float
    note: str


def path_bars(items, *, shares=True) -> dict:
    """``items``: (label, count) pairs. With ``shares`` each bar also shows its
    share of the first (the path from received onwards)."""
    items = [(str(label), int(count)) for label, count in items]
    top = max((count for __, count in items), default=0) or 1
    first = items[0][1] if items and items[0][1] else 1
    room = WIDTH - LABEL - 60
    bars = []
    for index, (label, count) in enumerate(items):
        width = round(count / top * room, 1)
        note = f"{count} ({round(100 * count / first)}%)" if shares else str(count)
        bars.append(
            HBar(
                label=label,
                count=count,
                y=index * ROW,
                width=max(width, 1 if count else 0),
                text_x=LABEL + width + 6,
                note=note,
            )
        )
    return {
        "width": WIDTH,
        "height": max(len(items), 1) * ROW,
        "label_width": LABEL,
        "bars": bars,
    }
