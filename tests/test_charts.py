"""SVG bar charts and the pictures of a result: drawn from the data, escaped, described in text."""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from typing import Any

from kariersosial.core.models import Catalog
from kariersosial.core.scoring import score
from kariersosial.io import report_picture
from kariersosial.io.charts import LABEL_CHARS, Bar, Line, bar_chart
from kariersosial.io.serialize import STRESSED, result

SVG = ""  # inline SVG in HTML needs no namespace


def parse(svg: str) -> ET.Element:
    return ET.fromstring(svg)  # well-formed XML, or this raises


def widths(svg: ET.Element, tone: str) -> list[float]:
    return [float(r.get("width", "0")) for r in svg.iter(f"{SVG}rect") if r.get("class") == tone]


def test_bars_are_as_long_as_their_values_and_clamped_to_the_scale() -> None:
    bars = [Bar("a", 100, "100"), Bar("b", 50, "50"), Bar("c", 150, "150"), Bar("d", -5, "-5")]
    svg = parse(bar_chart("Judul", bars))
    track = widths(svg, "track")[0]
    assert widths(svg, "main") == [track, track / 2, track, 0.0]


def test_a_value_that_is_not_a_number_draws_an_empty_bar() -> None:
    svg = parse(bar_chart("Judul", [Bar("a", math.nan, "?")]))
    assert widths(svg, "main") == [0.0]


def test_every_text_is_escaped_and_the_text_alternative_carries_it_whole() -> None:
    hostile = "<script>alert('x')</script> & " + "panjang " * 20
    svg_text = bar_chart("Judul <b>", [Bar(hostile, 40, "40 & <i>")], summary="Ringkas <u>")
    assert "<script" not in svg_text and "<b>" not in svg_text and "<i>" not in svg_text
    svg = parse(svg_text)
    desc = svg.find(f"{SVG}desc")
    assert desc is not None and desc.text is not None
    assert desc.text.startswith("Ringkas <u> ")
    assert hostile in desc.text and "40 & <i>" in desc.text
    drawn = [t.text or "" for t in svg.iter(f"{SVG}text") if t.get("class") == "label"]
    assert len(drawn[0]) == LABEL_CHARS and drawn[0].endswith("…")
    title = svg.find(f"{SVG}title")
    assert title is not None and title.text == "Judul <b>"


def test_the_chart_names_its_title_and_description_for_screen_readers() -> None:
    first, second = bar_chart("A", [Bar("a", 1, "1")]), bar_chart("B", [Bar("b", 1, "1")])
    ids = []
    for svg_text in (first, second):
        svg = parse(svg_text)
        assert svg.get("role") == "img"
        labelled = (svg.get("aria-labelledby") or "").split()
        found = {e.get("id") for e in svg.iter() if e.get("id")}
        assert set(labelled) == found and len(found) == 2
        ids += labelled
    assert len(set(ids)) == 4, "two charts on one page must not share ids"


def test_reference_lines_sit_at_their_values_and_never_cross_a_label() -> None:
    svg = parse(bar_chart("J", [Bar("a", 10, "10"), Bar("b", 20, "20")], lines=[Line(50, "x")]))
    track = svg.find(f"{SVG}rect")
    assert track is not None
    left, full = float(track.get("x", "0")), float(track.get("width", "0"))
    segments = list(svg.iter(f"{SVG}line"))
    assert len(segments) == 2
    label_ys = [float(t.get("y", "0")) for t in svg.iter(f"{SVG}text") if t.get("class") == "label"]
    for seg in segments:
        assert float(seg.get("x1", "0")) == left + full / 2
        low, high = float(seg.get("y1", "0")), float(seg.get("y2", "0"))
        assert not any(low <= y <= high for y in label_ys)


def scored(catalog: Catalog, role: str) -> dict[str, Any]:
    answers = {q.id: round(q.expected_of(role)) for q in catalog.questions}
    return result(catalog, score(catalog, answers), answers)


def test_the_profile_picture_marks_the_areas_the_top_roles_text_stresses(
    catalog: Catalog,
) -> None:
    res = scored(catalog, "koordinator-layanan-sosial")
    top = catalog.role(res["ranking"][0]["role"]["id"])
    bars = report_picture.profile_bars(res)
    values = [b.value for b in bars]
    assert values == sorted(values, reverse=True)
    marked = {b.label for b in bars if b.tone == "mark"}
    assert marked == {
        d.name
        for d in catalog.dimensions
        if top.weight_of(d.id) >= STRESSED and d.id in res["profile"]
    }
    assert marked, "every role's text stresses some dimension"
    assert top.name in report_picture.profile_summary(res)


def test_the_fit_picture_marks_the_top_role_unless_nothing_fits(catalog: Catalog) -> None:
    res = scored(catalog, "manajer-kebijakan-sosial")
    bars = report_picture.fit_bars(res)
    assert [b.label for b in bars] == [f["role"]["name"] for f in res["ranking"]]
    assert [b.text for b in bars] == [f"{f['fit']} · {f['label']}" for f in res["ranking"]]
    assert [b.tone for b in bars] == ["mark"] + ["main"] * (len(bars) - 1)
    nobody = {q.id: 1 for q in catalog.questions}
    cold = result(catalog, score(catalog, nobody), nobody)
    assert cold["nothing_fits"]
    assert {b.tone for b in report_picture.fit_bars(cold)} == {"main"}


def test_text_bars_use_eighths_of_a_cell() -> None:
    assert report_picture.text_bar(100, width=4) == "████"
    assert report_picture.text_bar(0, width=4) == ""
    assert report_picture.text_bar(50, width=3) == "█▌"
    assert report_picture.text_bar(250, width=2) == "██"
    assert re.fullmatch(r"█*[▏▎▍▌▋▊▉]?", report_picture.text_bar(37, width=20))
