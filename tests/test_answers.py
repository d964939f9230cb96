"""Answers files: the formats people write, every mistake reported at once, and the CLI."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from kariersosial.cli.app import app
from kariersosial.core.errors import EXIT_USAGE, UsageError
from kariersosial.core.models import Catalog
from kariersosial.io.answers import SCALE_LABELS, SKIP_LABEL, parse_answer, parse_answers
from kariersosial.words.messages import words

ENV = {"NO_COLOR": "1", "COLUMNS": "100"}


def parse(text: str, catalog: Catalog) -> dict[str, int | None]:
    return parse_answers(text, catalog, "'jawaban.txt'")


def problems_of(text: str, catalog: Catalog) -> UsageError:
    with pytest.raises(UsageError) as caught:
        parse(text, catalog)
    assert caught.value.exit_code == EXIT_USAGE == 2
    return caught.value


@pytest.fixture(scope="module")
def ids(catalog: Catalog) -> list[str]:
    return [q.id for q in catalog.questions]


@pytest.fixture(scope="module")
def full(ids: list[str]) -> dict[str, int]:
    """A complete, varied set of answers."""
    return {qid: 1 + (i * 3) % 5 for i, qid in enumerate(ids)}


# --- formats -----------------------------------------------------------------------------


def test_json_object(catalog: Catalog, full: dict[str, int]) -> None:
    assert parse(json.dumps(full), catalog) == full


def test_saved_form_with_an_answers_object(catalog: Catalog, full: dict[str, int]) -> None:
    saved = {"version": 1, "mode": "full", "answers": full}
    assert parse(json.dumps(saved, indent=2), catalog) == full


def test_json_values_numbers_labels_and_skips(catalog: Catalog, ids: list[str]) -> None:
    raw: dict[str, Any] = {
        ids[0]: 5,
        ids[1]: "4",
        ids[2]: "Setuju",
        ids[3]: "sangat tidak setuju",
        ids[4]: None,
        ids[5]: "",
        ids[6]: "-",
        ids[7]: "Lewati",
        ids[8]: 2.0,
        ids[9]: "  Ragu-ragu ",
    }
    got = parse(json.dumps(raw), catalog)
    assert [got[i] for i in ids[:10]] == [5, 4, 4, 1, None, None, None, None, 2, 3]


def test_text_lines_with_comments_blank_lines_and_colons(catalog: Catalog, ids: list[str]) -> None:
    text = "\n".join(
        [
            "# jawaban kuis kariersosial",
            "",
            f"{ids[0]}=5",
            f"{ids[1]} = 4   # saya cukup setuju",
            f"{ids[2]}: 3",
            "   ",
            f"{ids[3]}=Setuju",
            f"{ids[4]} = sangat tidak setuju",
            f"{ids[5]}: Sangat Setuju",
            f"{ids[6]}=",
            f"{ids[7]} = null",
            f"{ids[8]}=-",
            f"{ids[9]}=lewati",
            f"{ids[10]}=tidak setuju",
            "# selesai",
        ]
    )
    got = parse(text, catalog)
    assert [got[i] for i in ids[:11]] == [5, 4, 3, 4, 1, 5, None, None, None, None, 2]


def test_missing_statements_become_none(catalog: Catalog, ids: list[str]) -> None:
    got = parse(f"{ids[0]}=4\n{ids[-1]}=2\n", catalog)
    assert set(got) == set(ids)
    assert got[ids[0]] == 4
    assert got[ids[-1]] == 2
    assert all(got[i] is None for i in ids[1:-1])


def test_an_empty_file_skips_everything(catalog: Catalog, ids: list[str]) -> None:
    assert parse("", catalog) == dict.fromkeys(ids)
    assert parse("{}", catalog) == dict.fromkeys(ids)


@pytest.mark.parametrize("form", ["json", "text"])
def test_a_byte_order_mark_is_tolerated(catalog: Catalog, full: dict[str, int], form: str) -> None:
    body = json.dumps(full) if form == "json" else "\n".join(f"{k}={v}" for k, v in full.items())
    assert parse("\ufeff" + body, catalog) == full


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (1, (1, True)),
        (5, (5, True)),
        ("3", (3, True)),
        (" 2 ", (2, True)),
        (4.0, (4, True)),
        ("SETUJU", (4, True)),
        ("Sangat   tidak  setuju", (1, True)),
        (None, (None, True)),
        ("lewati", (None, True)),
        ("skip", (None, True)),
        (0, (None, False)),
        (6, (None, False)),
        ("x", (None, False)),
        (True, (None, False)),
        (False, (None, False)),
        (2.5, (None, False)),
        ("²", (None, False)),  # str.isdigit() is True for it, int() is not
        ("9" * 5000, (None, False)),  # longer than int() converts
        ([4], (None, False)),
        ({"a": 4}, (None, False)),
    ],
)
def test_parse_answer(value: object, expected: tuple[int | None, bool]) -> None:
    assert parse_answer(value) == expected


# --- mistakes ----------------------------------------------------------------------------


def test_every_bad_text_entry_is_listed_in_one_error(catalog: Catalog, ids: list[str]) -> None:
    text = "\n".join(
        [
            f"{ids[0]}=4",  # fine
            "p999=3",  # unknown id
            f"{ids[1]}=0",
            f"{ids[2]}=6",
            f"{ids[3]}=x",
            f"{ids[4]}=true",
            f"{ids[0]}=5",  # duplicate
            "ini bukan jawaban",  # no '=' and no ':'
        ]
    )
    error = problems_of(text, catalog)
    message = words(error).message
    assert "7 masalah" in message
    for line in range(2, 9):
        assert f"baris {line}:" in message
    assert "baris 1:" not in message
    assert "'p999'" in message and "tidak dikenal" in message
    for bad in ('"0"', '"6"', '"x"', '"true"'):
        assert bad in message
    assert f"'{ids[0]}' dijawab lebih dari sekali" in message
    assert "id=jawaban" in message
    assert words(error).hint


def test_every_bad_json_entry_is_listed_in_one_error(catalog: Catalog, ids: list[str]) -> None:
    raw = {ids[0]: 4, "p999": 3, ids[1]: 0, ids[2]: 6, ids[3]: "x", ids[4]: True, ids[5]: 2.5}
    error = problems_of(json.dumps(raw), catalog)
    assert "6 masalah" in words(error).message
    assert "'p999'" in words(error).message
    for qid in ids[1:6]:
        assert f"'{qid}'" in words(error).message
    for bad in ("0", "6", '"x"', "true", "2.5"):
        assert f"jawaban {bad} untuk" in words(error).message


def test_json_keys_that_clash_after_trimming_are_duplicates(
    catalog: Catalog, ids: list[str]
) -> None:
    error = problems_of(json.dumps({ids[0]: 4, f" {ids[0]} ": 5}), catalog)
    assert "dijawab lebih dari sekali" in words(error).message


def test_json_duplicate_keys_are_reported(catalog: Catalog, ids: list[str]) -> None:
    text = f'{{"{ids[0]}": 4, "{ids[1]}": 2, "{ids[0]}": 5}}'
    error = problems_of(text, catalog)
    assert f"'{ids[0]}' dijawab lebih dari sekali" in words(error).message
    assert "1 masalah" in words(error).message


def test_json_duplicate_keys_inside_the_saved_form_are_reported(
    catalog: Catalog, ids: list[str]
) -> None:
    text = f'{{"mode": "full", "answers": {{"{ids[0]}": 4, "{ids[0]}": 4}}}}'
    error = problems_of(text, catalog)
    assert "dijawab lebih dari sekali" in words(error).message


def test_broken_json_names_line_and_column(catalog: Catalog, ids: list[str]) -> None:
    error = problems_of(f'{{\n  "{ids[0]}": 4,\n  "{ids[1]}": \n}}', catalog)
    assert "bukan JSON yang sah" in words(error).message
    assert "baris 4" in words(error).message
    assert "kolom 1" in words(error).message


@pytest.mark.parametrize("text", ["[1, 2, 3]", '["p01", 4]', "[]", '[{"p01": 4}]'])
def test_a_json_list_is_refused(catalog: Catalog, text: str) -> None:
    error = problems_of(text, catalog)
    assert "objek JSON" in words(error).message


def test_an_answers_field_that_is_not_an_object_is_refused(catalog: Catalog) -> None:
    error = problems_of('{"answers": [4, 5]}', catalog)
    assert "answers" in words(error).message


# --- the command line --------------------------------------------------------------------


def invoke(runner: CliRunner, args: list[str], input: str | None = None) -> Any:
    return runner.invoke(app, args, input=input, env=ENV, catch_exceptions=False)


@pytest.fixture
def answers_file(tmp_path: Path, full: dict[str, int]) -> Path:
    path = tmp_path / "jawaban.txt"
    path.write_text("\n".join(f"{k}={v}" for k, v in full.items()) + "\n", encoding="utf-8")
    return path


def test_quiz_from_a_file_shows_the_ranking(
    runner: CliRunner, catalog: Catalog, answers_file: Path
) -> None:
    result = invoke(runner, ["quiz", "--answers", str(answers_file)])
    assert result.exit_code == 0, result.stderr
    for role in catalog.roles:
        assert role.name in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_quiz_json_has_stable_fields(
    runner: CliRunner, catalog: Catalog, answers_file: Path, full: dict[str, int]
) -> None:
    result = invoke(runner, ["quiz", "--answers", str(answers_file), "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    for field in ("status", "ranking", "misconception", "adjacent", "cautions", "profile"):
        assert field in data
    assert data["status"] == "ok"
    assert {row["id"]: row["answer"] for row in data["answers"]} == full
    assert [row["id"] for row in data["answers"]] == [q.id for q in catalog.questions]
    for row, q in zip(data["answers"], catalog.questions, strict=True):
        assert row == {
            "id": q.id,
            "statement": q.text,
            "answer": full[q.id],
            "label": SCALE_LABELS[full[q.id]],
        }
    ranking = data["ranking"]
    assert [r["rank"] for r in ranking] == list(range(1, len(catalog.roles) + 1))
    assert {r["role"]["id"] for r in ranking} == {r.id for r in catalog.roles}
    for row in ranking:
        assert set(row) >= {"rank", "role", "fit", "label", "matches", "warnings"}
        assert set(row["role"]) >= {"id", "name"}
        assert 0 <= row["fit"] <= 100
        assert isinstance(row["label"], str)
        for evidence in row["matches"] + row["warnings"]:
            assert set(evidence) >= {"trait", "quote", "sentence"}
    if data["misconception"] is not None:
        assert data["misconception"]["role"] == ranking[0]["role"]


def test_quiz_reads_answers_from_stdin(
    runner: CliRunner, catalog: Catalog, full: dict[str, int]
) -> None:
    result = invoke(runner, ["quiz", "--answers", "-", "--json"], input=json.dumps(full))
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert {row["id"]: row["answer"] for row in data["answers"]} == full
    assert len(data["ranking"]) == len(catalog.roles)


def test_a_bad_answers_file_lists_every_problem_on_stderr(
    runner: CliRunner, tmp_path: Path, ids: list[str]
) -> None:
    path = tmp_path / "salah.txt"
    path.write_text(f"{ids[0]}=4\np999=3\n{ids[1]}=0\n{ids[2]}=x\ntanpa tanda\n", encoding="utf-8")
    result = invoke(runner, ["quiz", "--answers", str(path)])
    assert result.exit_code == 2
    assert result.stdout == ""
    err = result.stderr
    assert "4 masalah" in err
    for line in (2, 3, 4, 5):
        assert f"baris {line}" in err
    assert "p999" in err
    assert "Traceback" not in err


def test_a_bad_value_that_looks_like_a_digit_is_a_usage_error(
    runner: CliRunner, tmp_path: Path, ids: list[str]
) -> None:
    path = tmp_path / "pangkat.txt"
    path.write_text(f"{ids[0]}=²\n", encoding="utf-8")
    result = invoke(runner, ["quiz", "--answers", str(path)])
    assert result.exit_code == 2
    assert "Traceback" not in result.stderr


def test_broken_json_on_stdin_is_a_usage_error(runner: CliRunner) -> None:
    result = invoke(runner, ["quiz", "--answers", "-"], input='{"p01": 4,')
    assert result.exit_code == 2
    assert "baris 1" in result.stderr
    assert "Traceback" not in result.stderr


def test_a_missing_answers_file_is_a_usage_error(runner: CliRunner, tmp_path: Path) -> None:
    missing = tmp_path / "tidak-ada.txt"
    result = invoke(runner, ["quiz", "--answers", str(missing)])
    assert result.exit_code == 2
    assert "tidak ditemukan" in result.stderr
    assert "Traceback" not in result.stderr


def test_resume_and_restart_together_is_a_usage_error(runner: CliRunner) -> None:
    result = invoke(runner, ["quiz", "--resume", "--restart"])
    assert result.exit_code == 2
    assert "--resume" in result.stderr and "--restart" in result.stderr


def test_questions_lists_every_statement_id(runner: CliRunner, catalog: Catalog) -> None:
    result = invoke(runner, ["questions"])
    assert result.exit_code == 0, result.stderr
    for q in catalog.questions:
        assert q.id in result.stdout


def test_questions_json_lists_every_statement(runner: CliRunner, catalog: Catalog) -> None:
    result = invoke(runner, ["questions", "--json"])
    assert result.exit_code == 0, result.stderr
    data = json.loads(result.stdout)
    assert [q["id"] for q in data["questions"]] == [q.id for q in catalog.questions]
    assert [q["text"] for q in data["questions"]] == [q.text for q in catalog.questions]
    assert data["scale"] == {str(k): v for k, v in SCALE_LABELS.items()}
    assert SKIP_LABEL == "Lewati"


def test_a_json_result_is_itself_an_answers_file(
    runner: CliRunner, answers_file: Path, tmp_path: Path
) -> None:
    first = invoke(runner, ["quiz", "--answers", str(answers_file), "--json", "--no-save"])
    saved = tmp_path / "hasil.json"
    saved.write_text(first.stdout, encoding="utf-8")
    again = invoke(runner, ["quiz", "--answers", str(saved), "--json", "--no-save"])
    assert again.exit_code == 0, again.stderr
    assert json.loads(again.stdout)["answers"] == json.loads(first.stdout)["answers"]
    assert json.loads(again.stdout)["ranking"] == json.loads(first.stdout)["ranking"]


def test_a_list_of_answers_without_ids_is_refused(runner: CliRunner, tmp_path: Path) -> None:
    path = tmp_path / "daftar.json"
    path.write_text('{"answers": [4, 5]}', encoding="utf-8")
    result = invoke(runner, ["quiz", "--answers", str(path), "--json", "--no-save"])
    assert result.exit_code == EXIT_USAGE
    assert "Traceback" not in result.stderr and result.stdout == ""
