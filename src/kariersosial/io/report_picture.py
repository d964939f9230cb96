"""The pictures of a result on paper: the fit of every role, and interest per dimension.

Built from the result as plain data (what `serialize.result` gives), so a fresh result and
one read back from the history draw alike. Pure: the HTML report turns these into SVG
(`charts`), the Markdown report into text bars.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from kariersosial.core.fit import FITS_WELL, NOTHING_FITS_BELOW, VERY_WELL
from kariersosial.io.charts import Bar, Line
from kariersosial.words.messages import fit_label

FIT_TITLE = "Gambaran kecocokan tiap peran (0–100)"
# Each line is named by the label a fit at that threshold gets: one source for the words.
FIT_LINES = tuple(Line(at, fit_label(at)) for at in (NOTHING_FITS_BELOW, FITS_WELL, VERY_WELL))
PROFILE_TITLE = "Minatmu pada tiap dimensi minat (0–100, 50 = netral)"
BLOCKS = " ▏▎▍▌▋▊▉█"


def fit_bars(res: Mapping[str, Any]) -> list[Bar]:
    """One bar per role in ranking order; the top role marked unless nothing fits."""
    bars = []
    for f in res.get("ranking") or []:
        top = f["rank"] == 1 and not res.get("nothing_fits")
        text = f"{f['fit']:.0f} · {f['label']}"
        bars.append(Bar(f["role"]["name"], float(f["fit"]), text, "mark" if top else "main"))
    return bars


FIT_SUMMARY = (
    "Garis putus-putus menandai batas cukup cocok, cocok dan sangat cocok. "
    "Nilai tiap peran, dari yang tertinggi"
)


def top_role(res: Mapping[str, Any]) -> Mapping[str, Any] | None:
    ranking = res.get("ranking") or []
    return ranking[0]["role"] if ranking else None


def profile_bars(res: Mapping[str, Any]) -> list[Bar]:
    """Dimensions from the most liked; those the top role's text stresses are marked."""
    top = top_role(res)
    rows = []
    for area in (res.get("profile") or {}).values():
        stressed = top is not None and top["id"] in (area.get("stressed_by") or ())
        value = float(area["interest"])
        rows.append(Bar(area["name"], value, f"{value:.0f}", "mark" if stressed else "main"))
    return sorted(rows, key=lambda bar: -bar.value)


def profile_summary(res: Mapping[str, Any]) -> str:
    top = top_role(res)
    lead = "Seberapa kuat jawabanmu condong ke tiap dimensi minat."
    if top is None:
        return lead
    return f"{lead} Batang jingga: dimensi yang ditekankan teks peran {top['name']}"


def text_bar(value: float, width: int = 20, scale: float = 100.0) -> str:
    """A bar of block characters, eighths of a cell, as on the screen."""
    share = max(0.0, min(1.0, value / scale)) if scale else 0.0
    eighths = round(share * width * 8)
    full, rest = divmod(eighths, 8)
    return "█" * full + (BLOCKS[rest] if rest else "")
