"""Bar charts as inline SVG: the geometry is worked out here, the markup is reports/charts/*.svg.

No JavaScript and no library; the templates escape every label.
"""

from dataclasses import dataclass

from django.template.loader import render_to_string
from django.utils.translation import gettext as _

from documents.content import Chart, Table

FONT = "Liberation Serif, Times New Roman, DejaVu Serif, serif"
NAVY = "#12355b"
RED = "#a4161a"
GREEN = "#2e7d32"
GREY = "#6c757d"
MAX_BARS = 20
ROW_HEIGHT = 22
LABEL_WIDTH = 260


@dataclass(frozen=True)
class Bar:
    label: str
    text: str  # the number printed beside the bar
    y: int  # top of the row
    x: int
    length: int
    text_x: int
    color: str


def _label(text, limit: int = 42) -> str:
    text = str(text)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _number(value) -> str:
    return f"{value:,}".replace(",", ".") if isinstance(value, int) else str(value)


def _svg(template: str, *, title: str, width: int, height: int, bars: list[Bar], **extra) -> str:
    return render_to_string(
        f"reports/charts/{template}",
        {
            "title": title,
            "width": width,
            "height": height,
            "bars": bars,
            "font": FONT,
            "grey": GREY,
            "label_x": LABEL_WIDTH - 6,
            **extra,
        },
    )


def bar_chart(items: list[tuple[str, int]], *, title: str = "", color: str = NAVY) -> str:
    """Horizontal bars, one per (label, value), longest first as given."""
    items = items[:MAX_BARS]
    bar_w, top = 290, 8
    peak = max((v for _, v in items), default=0) or 1
    bars = []
    for i, (label, value) in enumerate(items):
        length = round(bar_w * value / peak) if value else 0
        bars.append(
            Bar(
                _label(label),
                _number(value),
                top + i * ROW_HEIGHT,
                LABEL_WIDTH,
                length,
                LABEL_WIDTH + length + 4,
                color,
            )
        )
    return _svg(
        "bar.svg",
        title=title,
        width=LABEL_WIDTH + bar_w + 60,
        height=top + ROW_HEIGHT * max(len(items), 1) + 8,
        bars=bars,
        empty=_("Chưa có số liệu."),
    )


def change_chart(items: list[tuple[str, int]], *, title: str = "") -> str:
    """Diverging bars of rank changes: places gained to the right (green), lost to the left (red)."""
    items = items[:MAX_BARS]
    half, top = 140, 24
    height = top + ROW_HEIGHT * max(len(items), 1) + 8
    peak = max((abs(v) for _, v in items), default=0) or 1
    axis = LABEL_WIDTH + half
    bars = []
    for i, (label, delta) in enumerate(items):
        length = round(half * abs(delta) / peak)
        gained = delta >= 0
        # Losses print their number right of the axis so it never runs into the unit's name.
        bars.append(
            Bar(
                _label(label),
                f"+{delta}" if delta > 0 else str(delta),
                top + i * ROW_HEIGHT,
                axis if gained else axis - length,
                length,
                axis + length + 4 if gained else axis + 4,
                GREEN if gained else RED,
            )
        )
    return _svg(
        "change.svg",
        title=title,
        width=LABEL_WIDTH + 2 * half + 40,
        height=height,
        bars=bars,
        axis=axis,
        top=top,
        red=RED,
        green=GREEN,
        empty=_("Chưa có số liệu của hai năm để so sánh."),
    )


def chart(title: str, items: list[tuple[str, int]], *, label: str, value: str, change: bool = False) -> Chart:
    """A chart of a report: the SVG for the PDF and, for the Word file, its figures as a two-column table
    (`label` and `value` head the columns)."""
    items = items[:MAX_BARS]
    svg = change_chart(items, title=title) if change else bar_chart(items, title=title)
    figures = Table(key="", title=title, columns=[label, value], rows=[list(i) for i in items], caption=False)
    return Chart(title, svg, table=figures)
