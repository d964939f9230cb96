"""What a person reads, rendered at real widths: the review table and the result screen."""

from __future__ import annotations

import csv
import html
import io
import json
import random
import re
from dataclasses import replace
from pathlib import Path

import pytest
from rich.console import Console

from helpers import flat
from kariersosial.core.fit import FITS_WELL
from kariersosial.core.models import Catalog
from kariersosial.core.scoring import score
from kariersosial.io import report, report_html
from kariersosial.io.answers import SCALE_LABELS
from kariersosial.ui.result_view import render_result
from kariersosial.ui.tables import answers_table
from kariersosial.words.messages import fit_label
from kariersosial.words.texts import undecided_text


def rendered(thing: object, width: int) -> str:
    console = Console(width=width, record=True, no_color=True, file=io.StringIO())
    console.print(thing)
    return console.export_text()


def words(text: str) -> list[str]:
    return text.split()


@pytest.mark.parametrize("width", [60, 80, 100, 140])
def test_the_review_table_shows_every_statement_whole_at_any_width(
    catalog: Catalog, width: int
) -> None:
    asked = [q.id for q in catalog.questions]
    answers: dict[str, int | None] = {
        qid: (None if n % 7 == 0 else n % 5 + 1) for n, qid in enumerate(asked)
    }
    screen = rendered(answers_table(catalog, asked, answers), width)

    lines = screen.splitlines()
    assert max(len(line) for line in lines) <= width
    assert "…" not in screen, "a statement or an answer was cut short"
    header = next(line for line in lines if "Pernyataan" in line)
    start, end = header.index("Pernyataan"), header.index("Jawaban")
    rows: list[str] = []
    for line in lines[lines.index(header) + 2 :]:
        if "STS =" in line:
            break  # the legend under the table
        if line[:start].strip().isdigit():
            rows.append("")
        if rows and line.strip():
            rows[-1] += " " + line[start:end]
    assert [" ".join(row.split()) for row in rows] == [
        " ".join(catalog.question(qid).text.split()) for qid in asked
    ]


def test_narrow_reviews_abbreviate_the_answers_and_explain_the_abbreviations(
    catalog: Catalog,
) -> None:
    asked = [q.id for q in catalog.questions[:5]]
    answers: dict[str, int | None] = dict(zip(asked, [1, 2, 3, 4, 5], strict=True))
    narrow = rendered(answers_table(catalog, asked, answers), 60)
    wide = rendered(answers_table(catalog, asked, answers), 120)

    assert "STS = sangat tidak setuju" in narrow and "SS = sangat setuju" in narrow
    for label in SCALE_LABELS.values():
        assert label in wide
    assert "STS =" not in wide


# --- the same result on screen and on paper, over many generated results -----------------------

FIT_ON_SCREEN = re.compile(r"(\d+) (sangat cocok|cukup cocok|kurang cocok|cocok)\b")


def generated_answers(catalog: Catalog, count: int = 48) -> list[dict[str, int | None]]:
    """Answers of many kinds: leaning to each role, random, agreeing with all, sparse, skipped."""
    rng = random.Random(20261202)
    roles = [r.id for r in catalog.roles]
    samples: list[dict[str, int | None]] = []
    for n in range(count):
        kind = n % 6
        role = roles[n % len(roles)]
        given: dict[str, int | None] = {}
        for q in catalog.questions:
            if kind == 0:
                value: int | None = rng.randint(1, 5)
            elif kind == 1:
                value = 5 if rng.random() < 0.8 else 4  # agrees with nearly everything
            else:
                lean = q.expected_of(role) + rng.gauss(0, 0.9) + (1 if kind == 3 else 0)
                value = min(5, max(1, round(lean)))
            if kind == 4 and rng.random() < 0.45:
                value = None  # many skips
            given[q.id] = value
        if kind == 5:  # a short quiz: a dozen statements answered
            given = dict(rng.sample(sorted(given.items()), 12))
        samples.append(given)
    return samples


@pytest.mark.parametrize("width", [60, 80, 120])
def test_screen_and_reports_tell_one_result_for_every_generated_answer_set(
    catalog: Catalog, width: int
) -> None:
    for given in generated_answers(catalog):
        mode = "quick" if len(given) < len(catalog.questions) else "full"
        res = score(catalog, given)
        rep = report.from_result(catalog, res, given, mode, "2026-12-02T10:00:00+07:00")
        data = rep.result
        screen = rendered(render_result(res, mode), width)
        lines = screen.splitlines()
        assert max(len(line) for line in lines) <= width
        md = flat(report.markdown(rep))
        page = flat(html.unescape(re.sub(r"<[^>]+>", " ", report_html.to_html(rep))))
        shown = flat(screen)
        if res.status != "ok":
            assert "terlalu sedikit untuk menilai kecocokan" in shown
            continue
        # the ranking: the same numbers with the same words, in the same order, everywhere
        ranking = [(str(f["fit"]), f["label"]) for f in data["ranking"]]
        tail = screen.rsplit("Peringkat kecocokan", 1)[1]
        assert FIT_ON_SCREEN.findall(tail)[: len(ranking)] == ranking
        assert [(str(f.fit), fit_label(f.fit)) for f in res.ranking] == ranking
        for f in data["ranking"]:
            assert f"| {f['rank']} | {f['role']['name']} | {f['fit']} |" in md
        # one verdict, word for word
        verdict = report.verdict_text(data)
        assert verdict is not None
        assert flat(verdict) in shown and flat(verdict) in md and flat(verdict) in page
        if res.nothing_fits or not res.decisive:
            assert "Paling cocok untukmu" not in shown + md + page
        else:  # "paling cocok" is never said of a role level with the next one
            assert res.ranking[0].fit > res.ranking[1].fit
        # the same roles explained, and only those
        for f in data["ranking"]:
            head = f"{f['rank']}. {f['role']['name']} — {f['fit']}/100"
            explained = f["rank"] <= report.EXPLAINED
            assert (head in shown, head in md, head in page) == (explained,) * 3, head
        for caution in data["cautions"]:
            assert flat(caution["message"]) in shown and flat(caution["message"]) in md


@pytest.mark.parametrize("width", [60, 80, 110])
def test_the_ranking_and_the_verdict_are_what_stays_on_a_24_line_screen(
    catalog: Catalog, width: int
) -> None:
    for given in generated_answers(catalog):
        res = score(catalog, given)
        if res.status != "ok":
            continue
        lines = rendered(render_result(res), width).rstrip("\n").splitlines()
        # two lines stay for the note that the result was saved, under the result itself
        last = lines[-(24 - 2) :]
        assert any(line.startswith("Peringkat kecocokan") for line in last), "\n".join(last)
        assert any(line.startswith("1. ") and FIT_ON_SCREEN.search(line) for line in last)
        verdict = flat(
            report.verdict_text(report.from_result(catalog, res, given, "full", "").result) or ""
        )
        assert verdict[:40] in flat("\n".join(last))


def test_a_role_that_fits_without_one_standout_trait_says_the_fit_is_in_the_whole_pattern(
    catalog: Catalog,
) -> None:
    given: dict[str, int | None] = {
        q.id: round(q.expected_of("koordinator-layanan-sosial")) for q in catalog.questions
    }
    res = score(catalog, given)
    top = res.ranking[0]
    assert top.fit >= FITS_WELL
    # the rare case (about 1 explained role in 900 simulated ones): no trait passes the bar
    bare = replace(res, ranking=(replace(top, matches=()), *res.ranking[1:]))
    rep = report.from_result(catalog, bare, given, "full", "2026-12-02T10:00:00+07:00")
    rep = replace(
        rep,
        result={
            **rep.result,
            "ranking": [{**rep.result["ranking"][0], "matches": []}, *rep.result["ranking"][1:]],
        },
    )
    for text in (
        flat(rendered(render_result(bare), 80)),
        flat(report.markdown(rep)),
        flat(html.unescape(report_html.to_html(rep))),
    ):
        section = text.split(f"1. {top.role.name} — {top.fit}/100", 1)[1].split("2. ", 1)[0]
        assert "pola jawabanmu secara keseluruhan" in section
        assert "belum ada ciri orang yang cocok untuk peran ini yang terlihat jelas" not in section


def test_screen_history_printout_and_class_scoring_give_the_same_numbers(
    catalog: Catalog, tmp_path: Path
) -> None:
    from typer.testing import CliRunner

    from kariersosial.cli.app import app

    runner = CliRunner()
    for number, given in enumerate(generated_answers(catalog, 6)[:4], start=1):
        answers = tmp_path / f"jawaban{number}.json"
        answers.write_text(json.dumps(given), encoding="utf-8")
        quiz = runner.invoke(app, ["quiz", "--full", "--answers", str(answers)])
        assert quiz.exit_code == 0, quiz.output
        data = json.loads(runner.invoke(app, ["history", "show", str(number), "--json"]).stdout)[
            "result"
        ]
        fits = [(f["role"]["name"], f["fit"], f["label"]) for f in data["ranking"]]
        on_screen = FIT_ON_SCREEN.findall(quiz.stdout.rsplit("Peringkat kecocokan", 1)[1])
        assert on_screen[:5] == [(str(fit), label) for _, fit, label in fits]
        again = runner.invoke(app, ["history", "show", str(number)]).stdout
        assert FIT_ON_SCREEN.findall(again.rsplit("Peringkat kecocokan", 1)[1])[:5] == on_screen[:5]
        paper = tmp_path / f"hasil{number}.md"
        assert runner.invoke(app, ["export", str(number), "-o", str(paper)]).exit_code == 0
        md = paper.read_text(encoding="utf-8")
        for rank, (name, fit, label) in enumerate(fits, start=1):
            assert re.search(
                rf"^\| {rank} \| {re.escape(name)} \| {fit} \| [^|]* \| {label} \|$", md, re.M
            )
        ids = [q.id for q in catalog.questions]
        sheet = tmp_path / f"kelas{number}.csv"
        sheet.write_text(
            "nama,"
            + ",".join(ids)
            + "\nsiswa,"
            + ",".join(str(given.get(q) or "") for q in ids)
            + "\n",
            encoding="utf-8",
        )
        scored = runner.invoke(app, ["score", str(sheet)])
        assert scored.exit_code == 0, scored.output
        row = next(csv.DictReader(io.StringIO(scored.stdout.lstrip("\ufeff"))))
        by_id = {f["role"]["id"]: f["fit"] for f in data["ranking"]}
        assert {rid: int(row[rid]) for rid in by_id} == by_id


def test_an_undecided_verdict_names_every_role_tied_at_the_top() -> None:
    ranking = [("A", 71), ("B", 71), ("C", 71), ("D", 60)]
    said = undecided_text(ranking, 46)
    assert said.startswith("Hasilnya belum tegas: A, B dan C sama-sama bernilai 71,")
    assert "selisih" not in said and "Pertimbangkan 3 peran itu." in said
    two = undecided_text([("A", 65), ("B", 65), ("C", 50)], 20)
    assert "A dan B sama-sama bernilai 65" in two and two.endswith("Pertimbangkan keduanya.")
    apart = undecided_text([("A", 66), ("B", 65)], 20)
    assert "A dan B berselisih 1 poin" in apart


def test_answering_everything_alike_is_never_a_clear_verdict(catalog: Catalog) -> None:
    for value in (1, 2, 3, 4, 5):
        res = score(catalog, {q.id: value for q in catalog.questions})
        if res.status == "ok" and not res.nothing_fits:
            assert not res.decisive or res.ranking[0].fit > res.ranking[1].fit


def test_agreeing_with_nearly_everything_is_named_as_a_caution(catalog: Catalog) -> None:
    agreeable = {q.id: 5 if n % 2 else 4 for n, q in enumerate(catalog.questions)}
    res = score(catalog, agreeable)
    kinds = [c.kind for c in res.cautions]
    assert "agrees_with_all" in kinds and "straight_lining" not in kinds
    shown = flat(rendered(render_result(res), 80))
    assert "Kamu setuju dengan hampir semua pernyataan" in shown
    lean = {q.id: round(q.expected_of("koordinator-layanan-sosial")) for q in catalog.questions}
    assert "agrees_with_all" not in [c.kind for c in score(catalog, lean).cautions]
