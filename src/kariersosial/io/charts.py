"""Bar charts as self-contained SVG for the printed reports, each with its text alternative.

Pure and stdlib only: a chart is a string, so an HTML page stays one file with no scripts.
Every text is escaped; a label too long for the drawing is shortened there, but the text
alternative (`<title>` and `<desc>`, read by screen readers) always carries it whole.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import count

WIDTH = 640
BAR_LEFT = 8
BAR_WIDTH = 470
ROW = 40  # a label line above each bar, then the bar
LABEL_CHARS = 80  # about as many characters as fit across the drawing at 13px
TONES = ("main", "muted", "mark")

_ids = count(1)


@dataclass(frozen=True)
class Bar:
    label: str
    value: float  # 0..scale
    text: str  # what is written after the bar, e.g. "54 · cukup cocok"
    tone: str = "main"  # main, muted (context) or mark (what the reader should notice)


@dataclass(frozen=True)
class Line:
    """A reference line across every bar, e.g. where "cocok" begins."""

    at: float
    label: str


def bar_chart(
    title: str,
    bars: Sequence[Bar],
    *,
    scale: float = 100.0,
    lines: Sequence[Line] = (),
    summary: str = "",
) -> str:
    """An SVG bar chart; `summary` opens its text alternative before the value of every bar."""
    e = html.escape
    uid = f"grafik-{next(_ids)}"
    top = 26 if lines else 8
    height = top + ROW * len(bars) + 6
    alt = " ".join(
        part for part in (summary, "; ".join(f"{b.label}: {b.text}" for b in bars)) if part
    )
    parts = [
        f'<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="100%" role="img" '
        f'aria-labelledby="{uid}-t {uid}-d">',
        f'<title id="{uid}-t">{e(title)}</title>',
        f'<desc id="{uid}-d">{e(alt)}.</desc>',
    ]
    for row, bar in enumerate(bars):
        y = top + ROW * row
        tone = bar.tone if bar.tone in TONES else "main"
        filled = BAR_WIDTH * _share(bar.value, scale)
        parts += [
            f'<text class="label" x="{BAR_LEFT}" y="{y + 13}">{e(_shorten(bar.label))}</text>',
            f'<rect class="track" x="{BAR_LEFT}" y="{y + 18}" width="{BAR_WIDTH}" height="14"/>',
            f'<rect class="{tone}" x="{BAR_LEFT}" y="{y + 18}" width="{filled:.1f}" height="14"/>',
            f'<text class="value" x="{BAR_LEFT + BAR_WIDTH + 8}" y="{y + 30}">{e(bar.text)}</text>',
        ]
    for line in lines:
        x = BAR_LEFT + BAR_WIDTH * _share(line.at, scale)
        parts.append(
            f'<text class="ref" x="{x:.1f}" y="{top - 8}" text-anchor="middle">'
            f"{e(line.label)}</text>"
        )
        # over the bars (drawn after them) and through them only, never across a label
        parts += [
            f'<line class="ref" x1="{x:.1f}" y1="{top + ROW * row + 16}" x2="{x:.1f}" '
            f'y2="{top + ROW * row + 34}"/>'
            for row in range(len(bars))
        ]
    parts.append("</svg>")
    return "\n".join(parts)


def _share(value: float, scale: float) -> float:
    if not scale or value != value:  # NaN draws as empty
        return 0.0
    return max(0.0, min(1.0, value / scale))


def _shorten(label: str) -> str:
    label = " ".join(label.split())
    return label if len(label) <= LABEL_CHARS else label[: LABEL_CHARS - 1] + "…"


CSS = """
svg.chart { display: block; max-width: 40rem; margin: .4em 0 .2em; font-size: 13px; }
svg.chart text { font-family: inherit; fill: #1b1b1b; }
svg.chart text.ref { font-size: 11px; fill: #555; }
svg.chart line.ref { stroke: #777; stroke-width: 1; stroke-dasharray: 3 3; }
svg.chart rect.track { fill: #eeeeee; }
svg.chart rect.main { fill: #8fb8de; }
svg.chart rect.muted { fill: #c9c9c9; }
svg.chart rect.mark { fill: #e0a33a; }
svg.chart rect { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
""".strip()
