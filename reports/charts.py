"""Bar charts as inline SVG, written in Python: no JavaScript, no library, every label escaped."""

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

FONT = "Liberation Serif, Times New Roman, DejaVu Serif, serif"
NAVY = "#12355b"
RED = "#a4161a"
GREEN = "#2e7d32"
GREY = "#6c757d"


def _label(text: str, limit: int = 42) -> str:
    text = str(text)
    return escape(text if len(text) <= limit else text[: limit - 1] + "…")


def _number(value) -> str:
    return f"{value:,}".replace(",", ".") if isinstance(value, int) else str(value)


def bar_chart(items: list[tuple[str, int]], *, title: str = "", color: str = NAVY) -> SafeString:
    """Horizontal bars, one per (label, value), longest first as given."""
    items = items[:20]
    label_w, bar_w, row_h, top = 260, 290, 22, 8
    width = label_w + bar_w + 60
    height = top + row_h * max(len(items), 1) + 8
    peak = max((v for _, v in items), default=0) or 1
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" font-family="{FONT}" font-size="13">',
        f"<title>{escape(title)}</title>",
    ]
    if not items:
        parts.append(f'<text x="0" y="20" fill="{GREY}">Chưa có số liệu.</text>')
    for i, (label, value) in enumerate(items):
        y = top + i * row_h
        length = round(bar_w * value / peak) if value else 0
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" fill="#212529">{_label(label)}</text>'
        )
        parts.append(
            f'<rect x="{label_w}" y="{y + 3}" width="{length}" height="{row_h - 6}" fill="{color}"/>'
        )
        parts.append(f'<text x="{label_w + length + 4}" y="{y + 15}" fill="#212529">{_number(value)}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text node above is escaped


def change_chart(items: list[tuple[str, int]], *, title: str = "") -> SafeString:
    """Diverging bars of rank changes: places gained to the right (green), lost to the left (red)."""
    items = items[:20]
    label_w, half, row_h, top = 260, 140, 22, 24
    width = label_w + 2 * half + 40
    height = top + row_h * max(len(items), 1) + 8
    peak = max((abs(v) for _, v in items), default=0) or 1
    axis = label_w + half
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart" role="img" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" font-family="{FONT}" font-size="13">',
        f"<title>{escape(title)}</title>",
        f'<text x="{axis - 6}" y="12" text-anchor="end" fill="{RED}">tụt hạng</text>',
        f'<text x="{axis + 6}" y="12" fill="{GREEN}">tăng hạng</text>',
        f'<line x1="{axis}" y1="{top - 4}" x2="{axis}" y2="{height - 4}" stroke="{GREY}" stroke-width="1"/>',
    ]
    if not items:
        parts.append(
            f'<text x="0" y="{top + 14}" fill="{GREY}">Chưa có số liệu của hai năm để so sánh.</text>'
        )
    for i, (label, delta) in enumerate(items):
        y = top + i * row_h
        length = round(half * abs(delta) / peak)
        x = axis if delta >= 0 else axis - length
        color = GREEN if delta >= 0 else RED
        sign = "+" if delta > 0 else ""
        # Losses print their number right of the axis so it never runs into the unit's name.
        text_x = axis + length + 4 if delta >= 0 else axis + 4
        parts.append(
            f'<text x="{label_w - 6}" y="{y + 15}" text-anchor="end" fill="#212529">{_label(label)}</text>'
        )
        parts.append(f'<rect x="{x}" y="{y + 3}" width="{length}" height="{row_h - 6}" fill="{color}"/>')
        parts.append(f'<text x="{text_x}" y="{y + 15}" fill="#212529">{sign}{delta}</text>')
    parts.append("</svg>")
    return mark_safe("".join(parts))  # noqa: S308 - every text node above is escaped
