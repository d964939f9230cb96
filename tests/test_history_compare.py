"""`history compare N M`: what changed between two saved results of one person."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from helpers import flat, ok
from kariersosial.cli.app import app
from kariersosial.core.models import Catalog
from kariersosial.core.scoring import score
from kariersosial.io.answers import SCALE_LABELS

FIRST = {"p01": 5, "p02": 1, "p03": 4, "p04": 2, "p05": 5, "p06": 3, "p07": 4, "p08": 2}


def full_answers(catalog: Catalog, changes: dict[str, int]) -> dict[str, int]:
    given = {q.id: 1 + i % 5 for i, q in enumerate(catalog.questions)}
    return {**given, **FIRST, **changes}


def save(runner: CliRunner, tmp_path: Path, answers: dict[str, int], name: str) -> None:
    path = tmp_path / name
    path.write_text("\n".join(f"{k}={v}" for k, v in answers.items()) + "\n", encoding="utf-8")
    ok(runner.invoke(app, ["quiz", "--full", "--answers", str(path), "--json"]))


@pytest.fixture
def two_results(
    runner: CliRunner, tmp_path: Path, catalog: Catalog
) -> tuple[dict[str, int], dict[str, int]]:
    before = full_answers(catalog, {})
    after = full_answers(catalog, {"p01": 1, "p02": 4, "p03": 5})
    save(runner, tmp_path, before, "a.txt")
    save(runner, tmp_path, after, "b.txt")
    return before, after


def test_compare_shows_ranking_fits_verdicts_and_the_answers_that_moved(
    runner: CliRunner, catalog: Catalog, two_results: tuple[dict[str, int], dict[str, int]]
) -> None:
    before, after = two_results
    out = flat(ok(runner.invoke(app, ["history", "compare", "1", "2"])).stdout)
    assert out.startswith("Hasil nomor 1 (")
    old, new = score(catalog, before), score(catalog, after)
    for fit in new.ranking:
        was = next(f for f in old.ranking if f.role.id == fit.role.id)
        assert fit.role.name in out
        assert f"{was.rank}. {was.fit} · " in out and f"{fit.rank}. {fit.fit} · " in out
    if old.ranking[0].role.id == new.ranking[0].role.id:
        assert f"Peran teratas tetap sama: {new.ranking[0].role.name}." in out
    else:
        assert (
            f"Peran teratas berubah: {old.ranking[0].role.name} → {new.ranking[0].role.name}."
        ) in out
    assert "Sebelum: " in out and "Sesudah: " in out
    count = len(catalog.questions)
    assert f"Jawaban yang paling berubah (3 dari {count} pernyataan yang dijawab di keduanya" in out
    labels = SCALE_LABELS
    p01 = catalog.question("p01").text
    assert f"p01 {p01} {labels[5]} → {labels[1]} (-4)" in out
    # the biggest move comes first
    assert out.index("p01 ") < out.index("p02 ") < out.index("p03 ")
    assert "dua hasil dari orang yang sama" in out


def test_compare_json_speaks_the_vocabulary_of_history_show(
    runner: CliRunner, catalog: Catalog, two_results: tuple[dict[str, int], dict[str, int]]
) -> None:
    data = json.loads(ok(runner.invoke(app, ["history", "compare", "1", "2", "--json"])).stdout)
    show = json.loads(ok(runner.invoke(app, ["history", "show", "2", "--json"])).stdout)
    assert data["after"]["number"] == show["number"] == 2
    assert data["after"]["created"] == show["created"]
    assert data["after"]["mode"] == show["mode"]
    top = show["result"]["ranking"][0]
    assert data["after"]["top"] == {"role": top["role"], "fit": top["fit"], "label": top["label"]}
    row = next(r for r in data["ranking"] if r["role"]["id"] == top["role"]["id"])
    assert row["after"] == {"rank": 1, "fit": top["fit"], "label": top["label"]}
    assert row["change"] == round(row["after"]["fit"] - row["before"]["fit"], 1)
    first = data["answers"][0]
    shown = next(a for a in show["answers"] if a["id"] == "p01")
    assert first == {
        "id": "p01",
        "statement": shown["statement"],
        "before": {"answer": 5, "label": "Sangat setuju"},
        "after": {"answer": shown["answer"], "label": shown["label"]},
        "change": -4,
    }
    assert (data["moved"], data["answered_in_both"]) == (3, len(catalog.questions))
    assert len(data["answers"]) == len(catalog.questions)


def test_compare_an_unknown_number_like_history_show(
    runner: CliRunner, two_results: tuple[dict[str, int], dict[str, int]]
) -> None:
    shown = runner.invoke(app, ["history", "show", "9"])
    compared = runner.invoke(app, ["history", "compare", "1", "9"])
    assert compared.exit_code == shown.exit_code == 2
    assert compared.stderr == shown.stderr
    assert "Tidak ada hasil nomor 9 di riwayat." in compared.stderr


def test_compare_needs_two_different_numbers(runner: CliRunner) -> None:
    result = runner.invoke(app, ["history", "compare", "3", "3"])
    assert result.exit_code == 2
    assert flat(result.stderr) == (
        "Masalah: Kedua nomor sama (3); tidak ada yang bisa dibandingkan. Sebutkan dua nomor "
        "yang berbeda, misalnya `kariersosial history compare 1 2`."
    )
    bad = runner.invoke(app, ["history", "compare", "1", "x"])
    assert bad.exit_code == 2 and "'x' bukan nomor hasil." in bad.stderr


def test_compare_help_says_it_is_for_one_person(runner: CliRunner) -> None:
    out = flat(ok(runner.invoke(app, ["history", "compare", "--help"])).stdout)
    assert "dua hasil dari orang yang sama" in out
    assert "tidak bisa memeriksa" in out
