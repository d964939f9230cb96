"""Results kept by earlier versions are read in today's shape, and the reports draw them."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from helpers import ok
from kariersosial.cli.app import app
from kariersosial.core import record_check
from kariersosial.state import history

KLS = {"id": "koordinator-layanan-sosial", "name": "Koordinator Layanan Sosial"}
QUOTE = {"sentence": "kls-01", "quote": "kutipan"}


def new_detail() -> dict[str, Any]:
    return {
        "status": "ok",
        "ranking": [{"rank": 1, "role": KLS, "fit": 72, "label": "cocok"}],
        "misconception": {"role": KLS, "myth": QUOTE, "reality": [QUOTE]},
        "adjacent": [
            {
                "profession": {"id": "pekerja-sosial", "name": "Pekerja sosial"},
                "fit": 64,
                "role": KLS,
                "quotes": [QUOTE],
            }
        ],
        "profile": {"lapangan": {"name": "Lapangan", "interest": 75, "stressed_by": []}},
    }


def old_form(detail: dict[str, Any]) -> dict[str, Any]:
    """The same result as earlier versions kept it: bare role ids, decimal figures."""
    old = json.loads(json.dumps(detail))
    if old.get("misconception"):
        old["misconception"]["role"] = old["misconception"]["role"]["id"]
    for a in old.get("adjacent") or []:
        a["role"], a["fit"] = a["role"]["id"], a["fit"] + 0.4
    for area in (old.get("profile") or {}).values():
        area["interest"] = float(area["interest"])
    return old


def test_an_old_result_reads_as_a_new_one() -> None:
    assert record_check.upgraded(old_form(new_detail())) == new_detail()


def test_a_new_result_is_left_as_it_is() -> None:
    assert record_check.upgraded(new_detail()) == new_detail()


def test_a_role_missing_from_the_ranking_keeps_its_id_as_its_name() -> None:
    old = old_form(new_detail())
    old["ranking"] = []
    assert record_check.upgraded(old)["misconception"]["role"] == {
        "id": KLS["id"],
        "name": KLS["id"],
    }


@pytest.mark.parametrize(
    "detail",
    [
        None,
        [],
        "teks",
        {"misconception": None},
        {"adjacent": "x"},
        {"adjacent": [3, None]},
        {"profile": {"a": 3}},
        {"ranking": "x", "misconception": {"role": 5}},
        {"adjacent": [{"fit": float("nan"), "role": 1}]},
    ],
)
def test_damage_is_left_for_the_check_to_name(detail: Any) -> None:
    before = json.dumps(detail)
    upgraded = record_check.upgraded(detail)
    assert json.dumps(detail) == before  # nothing changed in place
    if not isinstance(detail, dict):
        assert upgraded is detail


def test_the_check_takes_the_upgraded_shape_and_refuses_the_old_one() -> None:
    assert record_check.problems(new_detail(), record_check.DETAIL, "detail") == []
    assert record_check.problems(old_form(new_detail()), record_check.DETAIL, "detail") == [
        record_check.Problem("detail.adjacent[0].role", "not_object")
    ]


@pytest.fixture
def saved(runner: CliRunner, tmp_path: Path, catalog: Any) -> dict[str, Any]:
    answers = tmp_path / "jawaban.txt"
    answers.write_text("\n".join(f"{q.id}={i % 5 + 1}" for i, q in enumerate(catalog.questions)))
    ok(runner.invoke(app, ["quiz", "--answers", str(answers), "--json"]))
    shown: dict[str, Any] = json.loads(
        ok(runner.invoke(app, ["history", "show", "1", "--json"])).stdout
    )
    return shown


def test_a_result_kept_in_the_old_shape_is_shown_and_exported_as_today(
    runner: CliRunner, saved: dict[str, Any], tmp_path: Path
) -> None:
    detail = {**saved["result"], **{k: v for k, v in new_detail().items() if k == "adjacent"}}
    # kept under another catalogue version, the stored detail is shown (not scored again)
    with sqlite3.connect(history.db_path()) as conn:
        conn.execute(
            "UPDATE results SET detail = ?, catalog_version = '2020.1.1' WHERE id = 1",
            (json.dumps(old_form(detail)),),
        )
    shown = json.loads(ok(runner.invoke(app, ["history", "show", "1", "--json"])).stdout)
    assert shown["catalog_changed"]
    assert shown["result"] == detail
    for fmt in ("md", "html"):
        target = tmp_path / f"hasil.{fmt}"
        ok(runner.invoke(app, ["export", "1", "--output", str(target)]))
        assert "Koordinator Layanan Sosial" in target.read_text(encoding="utf-8")


def test_every_problem_the_check_finds_has_words() -> None:
    from kariersosial.words.record_words import problem_text

    for kind in record_check.KINDS:
        text = problem_text(record_check.Problem("detail.x", kind, "text"))
        assert text.startswith("detail.x: ") and "tidak sah" not in text, kind
    names = {
        problem_text(record_check.Problem("x", "not_type", t)) for t in record_check._NAMES.values()
    }
    assert len(names) == len(record_check._NAMES) and not any("nilai lain" in n for n in names)
