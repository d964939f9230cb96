"""Reports to keep or share: Markdown, HTML and JSON built from a result."""

from __future__ import annotations

import html
import json
import re
from pathlib import Path
from typing import Any

import pytest

from kariersosial.catalog.load import load_catalog
from kariersosial.core.models import Catalog
from kariersosial.core.saved import Answer, Fit, Record
from kariersosial.core.scoring import Result, score
from kariersosial.io import charts, report, report_formats, report_html
from kariersosial.io.answers import SCALE_LABELS, SKIPPED_LABEL
from kariersosial.io.report import Report
from kariersosial.words.messages import caution_text, fit_label
from kariersosial.words.texts import DISCLAIMER, SHOWN_TRAITS, adjacent_heading

# Answers (p01..p46) whose result has matches, warnings, a misconception and a look-alike.
RICH_ANSWERS = "4553532454234344443444443434355444245344432324"
CREATED = "2026-03-05T14:07:00+07:00"
SCRIPT = "<script>alert('x')</script>"


def answers_from(digits: str) -> dict[str, int | None]:
    return {f"p{i:02d}": int(d) for i, d in enumerate(digits, start=1)}


@pytest.fixture(scope="module")
def rich_result(catalog: Catalog) -> tuple[Result, dict[str, int | None]]:
    given = answers_from(RICH_ANSWERS)
    given["p46"] = None  # one skipped statement (the last)
    res = score(catalog, given)
    assert any(f.warnings for f in res.ranking)
    assert res.misconception is not None and res.adjacent
    return res, given


@pytest.fixture
def rep(catalog: Catalog, rich_result: tuple[Result, dict[str, int | None]]) -> Report:
    res, given = rich_result
    return report.from_result(catalog, res, given, "full", CREATED, number=7)


def expected_quotes(res: Result) -> list[str]:
    explained = res.ranking[: report.EXPLAINED]  # the roles the screen explains too
    quotes = [
        e.trait.source.text
        for f in explained
        for e in (*f.matches[:SHOWN_TRAITS], *f.warnings[:SHOWN_TRAITS])
    ]
    assert res.misconception is not None
    quotes.append(res.misconception.myth.text)
    quotes += [q.text for q in res.misconception.reality]
    quotes += [q.text for a in res.adjacent for q in a.quotes]
    return quotes


# --- small pieces --------------------------------------------------------------------------------


def test_dates_read_as_indonesian_in_the_local_time_of_the_quiz() -> None:
    assert report.date_text(CREATED) == "5 Maret 2026, pukul 14.07"
    assert report.date_text("2026-12-31T09:05:00+00:00") == "31 Desember 2026, pukul 09.05"
    assert report.short_date(CREATED) == "05-03-2026 14.07"
    assert report.date_text("bukan tanggal") == "bukan tanggal"


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("hasil.md", "md"),
        ("Hasil.HTML", "html"),
        ("a/b/hasil.htm", "html"),
        ("hasil.json", "json"),
        ("hasil.markdown", "md"),
        ("hasil.txt", None),
        ("hasil", None),
    ],
)
def test_the_format_follows_the_extension(name: str, fmt: str | None) -> None:
    assert report_formats.format_for(name) == fmt


# --- Markdown -----------------------------------------------------------------------------------


def test_markdown_has_ranking_quotes_answers_date_and_disclaimer(
    rep: Report, catalog: Catalog, rich_result: tuple[Result, dict[str, int | None]]
) -> None:
    res, given = rich_result
    md = report.markdown(rep)
    assert md.startswith("# Hasil kuis kariersosial\n")
    assert "5 Maret 2026, pukul 14.07" in md
    assert "**Nomor di riwayat:** 7" in md
    assert "kuis lengkap" in md
    assert "45 dari 46 pernyataan (1 dilewati)" in md
    for fit in res.ranking:
        assert f"| {fit.rank} | {fit.role.name} | {fit.fit:.0f} |" in md
    for quote in expected_quotes(res):
        assert f"“{quote}”" in md  # verbatim, in quotation marks
    for fit in res.ranking[: report.EXPLAINED]:
        for e in (*fit.matches[:SHOWN_TRAITS], *fit.warnings[:SHOWN_TRAITS]):
            assert e.trait.label in md
        for rest in (len(fit.matches), len(fit.warnings)):  # the rest counted, as on screen
            if rest > SHOWN_TRAITS:
                assert f"… dan {rest - SHOWN_TRAITS} ciri lain" in md
    assert "Anggapan keliru yang perlu dibuang" in md
    assert "✗ Anggapan keliru" in md and "✓ Kenyataannya" in md
    assert adjacent_heading(res.adjacent[0].profession.name) in md
    for caution in res.cautions:
        assert caution_text(caution) in md
    for number, (qid, value) in enumerate(given.items(), start=1):
        label = SKIPPED_LABEL if value is None else SCALE_LABELS[value]
        assert f"| {number} | {catalog.question(qid).text} | {label} |" in md
    assert md.rstrip().endswith(f"_{DISCLAIMER}_")


def test_markdown_escapes_markup_in_text() -> None:
    rep = Report(CREATED, "quick", "v", {"status": "ok", "ranking": []}, (("p01", SCRIPT, 3),))
    md = report.markdown(rep)
    assert "<script>" not in md
    assert r"\<script\>alert('x')\</script\>" in md
    assert report.md_escape("a*b_c|d[e]`f\\") == r"a\*b\_c\|d\[e\]\`f\\"


# --- HTML ---------------------------------------------------------------------------------------


def test_html_has_the_same_content(
    rep: Report, catalog: Catalog, rich_result: tuple[Result, dict[str, int | None]]
) -> None:
    res, given = rich_result
    page = report_html.to_html(rep)
    assert page.startswith('<!DOCTYPE html>\n<html lang="id">')
    assert '<meta charset="utf-8">' in page
    assert "5 Maret 2026, pukul 14.07" in page
    for fit in res.ranking:
        assert f"<td>{fit.role.name}</td>" in page
    for quote in expected_quotes(res):
        assert f"<q>{quote}</q>" in page
    for qid, value in given.items():
        label = SKIPPED_LABEL if value is None else SCALE_LABELS[value]
        assert f"<td>{catalog.question(qid).text}</td><td>{label}</td>" in page
    assert DISCLAIMER in page
    assert page.rstrip().endswith("</html>")


def test_html_is_self_contained_and_prints_on_a4(rep: Report) -> None:
    page = report_html.to_html(rep)
    for external in ("http://", "https://", "<link", "<script", "src=", "@import", "url("):
        assert external not in page
    css = page.split("<style>", 1)[1].split("</style>", 1)[0]
    assert re.search(r"@page\s*\{[^}]*size:\s*A4;[^}]*margin:", css)
    # a point and its quote never split across pages; a long role block itself may
    assert re.search(r"\.role li, \.role p\s*\{[^}]*break-inside:\s*avoid", css)
    assert page.count('<section class="role">') >= 2


def luminance(hex_colour: str) -> float:
    r, g, b = (int(hex_colour[i : i + 2], 16) / 255 for i in (0, 2, 4))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def test_html_has_no_dark_backgrounds() -> None:
    css = report_html.CSS + charts.CSS
    backgrounds = re.findall(r"background(?:-color)?:\s*#([0-9a-fA-F]{6})", css)
    backgrounds += re.findall(r"rect[.\w]*\s*\{\s*fill:\s*#([0-9a-fA-F]{6})", css)  # chart bars
    assert len(backgrounds) >= 4
    for colour in backgrounds:
        assert luminance(colour) > 0.6, colour
    assert "background: #fff" in report_html.CSS


def hostile_report() -> Report:
    fit: dict[str, Any] = {
        "rank": 1,
        "role": {"id": "r", "name": f"Peran {SCRIPT}"},
        "fit": 70.0,
        "label": "cocok",
        "matches": [{"label": f"Sifat {SCRIPT}", "quote": f"kutipan {SCRIPT}"}],
        "warnings": [{"label": "<b>tebal</b>", "quote": "a & b"}],
    }
    result = {
        "status": "ok",
        "answered": 1,
        "skipped": 0,
        "decisive": True,
        "ranking": [fit],
        "misconception": {
            "role": {"id": "r", "name": SCRIPT},
            "myth": {"sentence": "s", "quote": f"mitos {SCRIPT}"},
            "reality": [{"sentence": "s", "quote": f"realita {SCRIPT}"}],
        },
        "adjacent": [
            {
                "profession": {"id": "p", "name": SCRIPT},
                "role": {"id": "r", "name": SCRIPT},
                "quotes": [{"quote": SCRIPT}],
            }
        ],
        "cautions": [{"kind": "x", "message": f"awas {SCRIPT}"}],
    }
    return Report(CREATED, "full", SCRIPT, result, (("p01", f'"{SCRIPT}"', 4),), 1, SCRIPT)


def test_html_escapes_every_text_it_includes() -> None:
    page = report_html.to_html(hostile_report())
    assert "<script" not in page
    assert "<b>" not in page
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in page
    assert "a &amp; b" in page
    assert "&quot;&lt;script&gt;" in page


def test_html_escapes_text_from_a_custom_catalogue(
    raw_catalog: dict[str, Any], write_catalog: Any
) -> None:
    raw_catalog["questions"][0]["text"] = f"Saya {SCRIPT} suka data"
    for role in raw_catalog["roles"]:
        role["name"] += f" {SCRIPT}"
        for trait in role["traits"]:
            trait["label"] = f"{SCRIPT} {trait['label']}"
    custom = load_catalog(write_catalog(raw_catalog))
    given = answers_from(RICH_ANSWERS)
    rep = report.from_result(custom, score(custom, given), given, "full", CREATED)
    page = report_html.to_html(rep)
    assert "<script" not in page
    assert html.escape(f"Saya {SCRIPT} suka data") in page
    assert re.search(r"(?<!\\)<", report.markdown(rep)) is None  # every < is backslashed


# --- JSON ---------------------------------------------------------------------------------------


def test_json_report_is_data_with_answers_and_disclaimer(
    rep: Report, catalog: Catalog, rich_result: tuple[Result, dict[str, int | None]]
) -> None:
    res, given = rich_result
    data = json.loads(report.to_json(rep))
    assert data["number"] == 7
    assert data["created"] == CREATED
    assert data["mode"] == "full"
    assert data["catalog_version"] == catalog.version
    assert data["note"] is None
    assert data["disclaimer"] == DISCLAIMER
    assert [f["role"]["id"] for f in data["result"]["ranking"]] == [f.role.id for f in res.ranking]
    assert data["result"]["misconception"]["myth"]["quote"] == res.misconception.myth.text  # type: ignore[union-attr]
    assert "answers" not in data["result"]
    assert data["answers"][0] == {
        "id": "p01",
        "statement": catalog.question("p01").text,
        "answer": given["p01"],
        "label": SCALE_LABELS[given["p01"]],  # type: ignore[index]
    }
    assert data["answers"][-1]["label"] == SKIPPED_LABEL
    assert report_formats.build(rep, "json") == report.to_json(rep)


# --- too few answers, and results read back from the history ------------------------------------


def test_a_result_with_too_few_answers_still_reports_the_answers(catalog: Catalog) -> None:
    given: dict[str, int | None] = {"p01": 4, "p02": None}
    rep = report.from_result(catalog, score(catalog, given), given, "quick", CREATED)
    for text in (report.markdown(rep), report_html.to_html(rep)):
        assert "terlalu sedikit" in text
        assert catalog.question("p01").text in text
        assert DISCLAIMER in text
        assert "Peringkat kecocokan" not in text


def record_for(catalog: Catalog, version: str, detail: dict[str, Any]) -> Record:
    given = answers_from(RICH_ANSWERS)
    res = score(catalog, given)
    return Record(
        3,
        CREATED,
        "full",
        version,
        "ok",
        Fit(1, res.ranking[0].role.id, res.ranking[0].role.name, res.ranking[0].fit),
        tuple(Fit(f.rank, f.role.id, f.role.name, f.fit) for f in res.ranking),
        tuple(Answer(q, f"Teks lama {q}", v) for q, v in given.items()),
        detail,
    )


def test_a_record_from_the_same_catalogue_is_scored_again(catalog: Catalog) -> None:
    rep = report.from_record(record_for(catalog, catalog.version, {}), catalog)
    assert rep.note is None
    assert rep.number == 3
    assert rep.result["ranking"][0]["matches"]  # explanations rebuilt from the answers
    assert rep.answers[0] == ("p01", "Teks lama p01", 4)  # the statement as it was asked


def test_a_record_from_another_catalogue_shows_what_was_stored(catalog: Catalog) -> None:
    stored = {
        "status": "ok",
        "ranking": [
            {
                "rank": 1,
                "role": {"id": "lama", "name": "Peran Lama"},
                "fit": 80.0,
                "label": "sangat cocok",
            }
        ],
    }
    rep = report.from_record(record_for(catalog, "2020.1", stored), catalog)
    assert rep.note is not None
    assert "versi 2020.1" in rep.note and f"versi {catalog.version}" in rep.note
    assert "Peran Lama" in report.markdown(rep)

    bare = report.from_record(record_for(catalog, "2020.1", {}), catalog)  # detail unreadable
    assert [f["role"]["name"] for f in bare.result["ranking"]] == [
        f.role_name for f in record_for(catalog, "2020.1", {}).ranking
    ]


def test_reports_are_plain_strings_written_by_the_caller(rep: Report, tmp_path: Path) -> None:
    for fmt in report_formats.FORMATS:
        text = report_formats.build(rep, fmt)
        assert isinstance(text, str) and text.endswith("\n")
    assert list(tmp_path.iterdir()) == []


def test_the_screen_and_the_printout_give_the_same_verdict_and_numbers(catalog: Catalog) -> None:
    import random

    from rich.console import Console

    from kariersosial.ui.result_view import render_result

    kinds = set()
    for seed in range(40):
        rng = random.Random(seed)
        given: dict[str, int | None] = {q.id: rng.randint(1, 5) for q in catalog.questions}
        res = score(catalog, given)
        console = Console(width=300, record=True, color_system=None)
        console.print(render_result(res))
        screen = " ".join(console.export_text().split())
        rep = report.from_result(catalog, res, given, "full", CREATED)
        md_lines = report.markdown(rep).splitlines()
        md = " ".join(" ".join(md_lines).split())
        verdict = report.verdict_text(rep.result)
        assert verdict is not None and verdict in md
        assert verdict in screen
        for fit in res.ranking:  # each number rounded once, the same everywhere
            assert f"| {fit.rank} | {fit.role.name} | {fit.fit} |" in md  # one row per role
            assert f"{fit.rank}. {fit.role.name}" in screen
            # the same roles are explained on screen and on paper: the top two
            explained = f"{fit.rank}. {fit.role.name} — {fit.fit}/100"
            assert (explained in screen) == (fit.rank <= report.EXPLAINED), explained
            assert (f"### {explained}" in md_lines) == (fit.rank <= report.EXPLAINED), explained
        kinds.add("nothing" if res.nothing_fits else "undecided" if not res.decisive else "clear")
    assert {"undecided", "clear"} <= kinds


@pytest.mark.parametrize("profession", ["pekerja-sosial", "manajer-program-sosial"])
def test_a_look_alike_note_says_whose_text_draws_the_line(
    catalog: Catalog, profession: str
) -> None:
    from conftest import clear_archetype
    from kariersosial.core.scoring import Scorer
    from kariersosial.words.texts import adjacent_lead

    given = dict(clear_archetype(Scorer(catalog), profession))
    res = score(catalog, given)
    found = next((a for a in res.adjacent if a.profession.id == profession), None)
    assert found is not None, [f.role.id for f in res.ranking]
    top = res.ranking[0].role
    assert profession in [d.profession for d in found.role.differences]
    md = report.markdown(report.from_result(catalog, res, given, "full", CREATED))
    lead = adjacent_lead(found.role.name, found.role.id == top.id)
    assert lead in md
    own = found.role.id == top.id
    assert lead.startswith("Bedanya") == own
    assert (found.role.name in lead) == (not own)


# --- pictures ------------------------------------------------------------------------------------


def test_html_draws_the_fit_and_the_interest_per_work_area_with_text_alternatives(
    rep: Report, rich_result: tuple[Result, dict[str, int | None]]
) -> None:
    res, _ = rich_result
    page = report_html.to_html(rep)
    figures = re.findall(r"<figure>(.*?)</figure>", page, re.DOTALL)
    assert len(figures) == 2
    fit_desc = html.unescape(re.search(r"<desc[^>]*>(.*?)</desc>", figures[0]).group(1))
    for f in res.ranking:  # every role with the very number and label of the ranking
        assert f"{f.role.name}: {f.fit} · {fit_label(f.fit)}" in fit_desc
    area_desc = html.unescape(re.search(r"<desc[^>]*>(.*?)</desc>", figures[1]).group(1))
    for name, value in ((d["name"], d["interest"]) for d in rep.result["profile"].values()):
        assert f"{name}: {value:.0f}" in area_desc
    assert all("<figcaption>" in f for f in figures)


def test_markdown_draws_the_same_pictures_as_text_bars(rep: Report) -> None:
    page = report.markdown(rep)
    rows = re.findall(r"^\| (\d) \| (.+?) \| (\d+) \| (█*[▏▎▍▌▋▊▉]?) \| (.+?) \|$", page, re.M)
    ranking = rep.result["ranking"]
    assert [(int(r[0]), r[2]) for r in rows] == [(f["rank"], str(f["fit"])) for f in ranking]
    for *_, bar, _label in rows:
        assert bar  # every role reaches past 0 with these answers
    areas = page.split("## Gambaran minatmu", 1)[1].split("## ", 1)[0]
    top = ranking[0]["role"]
    starred = {
        line.split(" ★")[0].lstrip("| ").replace("\\", "")  # as read, without md escapes
        for line in areas.splitlines()
        if "★ |" in line
    }
    assert starred == {
        d["name"] for d in rep.result["profile"].values() if top["id"] in d["stressed_by"]
    }


def test_reports_name_the_opposite_statements_a_caution_is_about(catalog: Catalog) -> None:
    given: dict[str, int | None] = {q.id: (i % 3) + 2 for i, q in enumerate(catalog.questions)}
    given.update({"p30": 5, "p38": 5, "p17": 5})
    res = score(catalog, given)
    caution = next(c for c in res.cautions if c.pairs)
    rep = report.from_result(catalog, res, given, "full", CREATED)
    md = report.markdown(rep)
    page = html.unescape(report_html.to_html(rep))
    for a, b in caution.pairs:
        assert f"“{report.md_escape(a.text)}” ↔ “{report.md_escape(b.text)}”" in md
        assert f"<q>{a.text}</q> ↔ <q>{b.text}</q>" in page
