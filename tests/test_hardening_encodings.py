"""Terminals and encodings: what the program prints on a stream that is not UTF-8, with control
characters in echoed text, and at widths that make no sense.

The encoding tests run the real program in a subprocess: the stream's encoding is fixed when
the interpreter starts (PYTHONIOENCODING, the locale), which CliRunner cannot imitate.
"""

from __future__ import annotations

import copy
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from prompt_toolkit.input import create_pipe_input
from prompt_toolkit.output import DummyOutput
from typer.testing import CliRunner

from conftest import SOURCES_DIR, WriteCatalog, isolate
from helpers import answers_file
from kariersosial.cli.app import app
from kariersosial.core.models import Catalog
from kariersosial.ui import prompts as quiz

# Windows consoles on a legacy code page (cp437, cp1252) behave as these do. Each case is a real
# process; the fast set keeps ASCII, the strictest, and CI runs them all.
NOT_UTF8 = [
    "ascii",
    *(pytest.param(e, marks=pytest.mark.slow) for e in ("latin-1", "cp437", "cp1252")),
]
TIMEOUT = 60  # a safety net only: every run here ends in about a second


def run(
    home: Path, *args: str, encoding: str = "utf-8", stdin: str | None = None, **env: str
) -> subprocess.CompletedProcess[bytes]:
    environ = {**os.environ, "KARIERSOSIAL_HOME": str(home), "PYTHONIOENCODING": encoding, **env}
    return subprocess.run(
        [sys.executable, "-m", "kariersosial", *args],
        input=None if stdin is None else stdin.encode("ascii"),
        capture_output=True,
        env=environ,
        timeout=TIMEOUT,
        check=False,
    )


def decoded(data: bytes, encoding: str) -> str:
    return data.decode(encoding)  # strict: what the terminal gets must be valid in its encoding


def on(encoding: str, char: str, fallback: str) -> str:
    """`char` where the encoding has it (cp1252 has “ and •, cp437 has █), else its stand-in."""
    try:
        char.encode(encoding)
    except UnicodeEncodeError:
        return fallback
    return char


# --- a stream that is not UTF-8 -------------------------------------------------------------


@pytest.mark.parametrize("encoding", NOT_UTF8)
def test_show_falls_back_to_ascii_quotes(encoding: str, isolated_env: Path) -> None:
    done = run(isolated_env, "show", "layanan", encoding=encoding)
    err = decoded(done.stderr, encoding)
    assert done.returncode == 0, err
    assert "Traceback" not in err
    out = decoded(done.stdout, encoding)
    assert on(encoding, "“", '"') + "Sebagai Koordinator Layanan" in out
    assert f"Cocok untukmu jika{on(encoding, '…', '...')}" in out
    assert "v Kenyataannya:" in out and "x Anggapan keliru:" in out  # ✓ ✗ are in none of them


@pytest.mark.parametrize("encoding", NOT_UTF8)
def test_compare_draws_its_bars_in_ascii(encoding: str, isolated_env: Path) -> None:
    done = run(isolated_env, "compare", "layanan", "manajer", encoding=encoding)
    assert done.returncode == 0, done.stderr
    out = decoded(done.stdout, encoding)
    assert "Dimensi minat yang paling membedakan" in out
    assert on(encoding, "█", "#") * 3 in out  # the bars
    assert "Traceback" not in decoded(done.stderr, encoding)


@pytest.mark.parametrize("encoding", NOT_UTF8)
def test_quiz_from_a_file_shows_its_result(
    encoding: str, isolated_env: Path, tmp_path: Path, catalog: Catalog
) -> None:
    done = run(
        isolated_env, "quiz", "--answers", str(answers_file(tmp_path, catalog)), encoding=encoding
    )
    err = decoded(done.stderr, encoding)
    assert done.returncode == 0, err
    assert "Traceback" not in err
    out = decoded(done.stdout, encoding)
    assert f"Peringkat kecocokan (0{on(encoding, '–', '-')}100)" in out
    assert "Hasil disimpan sebagai nomor 1" in out + err


@pytest.mark.slow
@pytest.mark.parametrize("encoding", NOT_UTF8)
def test_history_list_and_show(
    encoding: str, isolated_env: Path, tmp_path: Path, catalog: Catalog
) -> None:
    saved = run(isolated_env, "quiz", "--answers", str(answers_file(tmp_path, catalog)))
    assert saved.returncode == 0, saved.stderr
    listing = run(isolated_env, "history", encoding=encoding)
    assert listing.returncode == 0, listing.stderr
    dot = on(encoding, "·", "-")
    assert f"kariersosial history show <nomor> {dot} simpan" in decoded(listing.stdout, encoding)
    shown = run(isolated_env, "history", "show", "1", encoding=encoding)
    assert shown.returncode == 0, shown.stderr
    assert f"Hasil nomor 1 {dot} " in decoded(shown.stdout, encoding)


@pytest.mark.parametrize("encoding", NOT_UTF8)
def test_an_error_message_keeps_its_bullets(encoding: str, isolated_env: Path) -> None:
    done = run(isolated_env, "show", "zzz", encoding=encoding)
    assert done.returncode == 2
    err = decoded(done.stderr, encoding)
    bullet = on(encoding, "•", "*")
    assert err.startswith(
        f"Masalah: Peran 'zzz' tidak dikenal.\nPeran yang paling mirip:\n  {bullet} "
    )
    assert "\\u2022" not in err  # not Python's backslash escape of •


def typographic(raw: dict[str, Any]) -> dict[str, Any]:
    """The bundled catalogue (plain ASCII) with the typography a custom one may well have."""
    for role in raw["roles"]:
        role["name"] = f"{role['name']} — “Ñ” …"
        role["summary"] = f"• {role['summary']} ✓ → ‘é’"
    return raw


@pytest.fixture
def typographic_catalog(raw_catalog: dict[str, Any], write_catalog: WriteCatalog) -> Path:
    return write_catalog(typographic(raw_catalog))


READ_ONLY_JSON = [
    ["roles", "--json"],
    ["show", "layanan", "--json"],
    ["compare", "layanan", "manajer", "--json"],
]


@pytest.fixture(scope="module")
def utf8_json(
    tmp_path_factory: pytest.TempPathFactory, bundled_json: dict[str, Any]
) -> tuple[Path, dict[str, subprocess.CompletedProcess[bytes]]]:
    """The typographic catalogue and each read-only command's JSON on a UTF-8 stream, run once
    for all the encodings compared with it (the commands write nothing, so the run is shared)."""
    folder = tmp_path_factory.mktemp("typografi")
    shutil.copytree(SOURCES_DIR, folder / "sources")
    catalogue = folder / "roles.json"
    text = json.dumps(typographic(copy.deepcopy(bundled_json)), ensure_ascii=False, indent=2)
    catalogue.write_text(text, encoding="utf-8")
    home = folder / "kariersosial-home"
    with pytest.MonkeyPatch.context() as monkeypatch:
        isolate(monkeypatch, home)  # the environment each test's own run has
        runs = {
            " ".join(args): run(home, "--data", str(catalogue), *args) for args in READ_ONLY_JSON
        }
    return catalogue, runs


@pytest.mark.parametrize("encoding", NOT_UTF8)
@pytest.mark.parametrize("args", READ_ONLY_JSON)
def test_json_is_escaped_not_replaced(
    encoding: str,
    args: list[str],
    isolated_env: Path,
    utf8_json: tuple[Path, dict[str, subprocess.CompletedProcess[bytes]]],
) -> None:
    typographic_catalog, utf8_runs = utf8_json
    data = str(typographic_catalog)
    utf8 = utf8_runs[" ".join(args)]
    assert utf8.returncode == 0
    assert "— “Ñ” …" in utf8.stdout.decode("utf-8")
    done = run(isolated_env, "--data", data, *args, encoding=encoding)
    assert done.returncode == 0, done.stderr
    text = decoded(done.stdout, encoding)
    assert text.isascii()  # \u escapes, so every character survives
    assert json.loads(text) == json.loads(utf8.stdout.decode("utf-8"))


@pytest.mark.parametrize("encoding", ["ascii", pytest.param("latin-1", marks=pytest.mark.slow)])
def test_quiz_json_and_export_json_stay_json(
    encoding: str, isolated_env: Path, tmp_path: Path, catalog: Catalog, typographic_catalog: Path
) -> None:
    answers = str(answers_file(tmp_path, catalog))
    data = str(typographic_catalog)
    done = run(isolated_env, "--data", data, "quiz", "-a", answers, "--json", encoding=encoding)
    assert done.returncode == 0, done.stderr
    result = json.loads(decoded(done.stdout, encoding))
    assert result["number"] == 1
    assert result["ranking"][0]["role"]["name"].endswith(" — “Ñ” …")
    exported = run(isolated_env, "--data", data, "export", "1", "-f", "json", encoding=encoding)
    assert exported.returncode == 0, exported.stderr
    report = json.loads(decoded(exported.stdout, encoding))
    assert report["result"]["ranking"][0]["role"]["name"].endswith(" — “Ñ” …")


def test_score_json_on_an_ascii_stream_keeps_names(isolated_env: Path, catalog: Catalog) -> None:
    ids = [q.id for q in catalog.questions]
    rows = ["nama," + ",".join(ids), "Ñoman “Dwi” Ayu," + ",".join("3" for _ in ids)]
    csv_file = isolated_env.parent / "kelas.csv"
    csv_file.write_text("\n".join(rows) + "\n", encoding="utf-8")
    done = run(isolated_env, "score", str(csv_file), "--format", "json", encoding="ascii")
    assert done.returncode == 0, done.stderr
    data = json.loads(decoded(done.stdout, "ascii"))
    assert data["respondents"][0]["name"] == "Ñoman “Dwi” Ayu"


def test_a_c_locale_without_utf8_mode_is_ascii(isolated_env: Path) -> None:
    # LANG=C with UTF-8 mode and locale coercion off: Python's streams are plain ASCII
    environ = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"}
    env = {k: v for k, v in os.environ.items() if k != "PYTHONIOENCODING"}
    done = subprocess.run(
        [sys.executable, "-m", "kariersosial", "show", "layanan"],
        capture_output=True,
        env={**env, **environ, "KARIERSOSIAL_HOME": str(isolated_env)},
        timeout=TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert '"Sebagai Koordinator Layanan' in decoded(done.stdout, "ascii")


def test_letters_with_marks_keep_their_letter_on_ascii(isolated_env: Path) -> None:
    done = run(isolated_env, "show", "Ñoman", encoding="ascii")
    assert done.returncode == 2
    assert decoded(done.stderr, "ascii").startswith("Masalah: Peran 'Noman' tidak dikenal.")


# --- control characters in echoed text --------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["show", "\x1b[2J"],
        ["compare", "layanan", "\x1b[2J"],
        ["history", "show", "\x1b[2J"],
        ["export", "\x1b[2J"],
    ],
)
def test_escape_sequences_in_an_argument_are_shown_escaped(
    runner: CliRunner, args: list[str]
) -> None:
    result = runner.invoke(app, args)
    assert result.exit_code == 2
    assert "\x1b" not in result.stderr
    assert "'\\x1b[2J'" in result.stderr


def test_direction_overrides_and_bells_are_shown_escaped(runner: CliRunner) -> None:
    result = runner.invoke(app, ["show", "ab\u202ecd\x07"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Masalah: Peran 'ab\\u202ecd\\x07' tidak dikenal.")


def test_a_respondent_name_is_shown_escaped(
    runner: CliRunner, tmp_path: Path, catalog: Catalog
) -> None:
    ids = [q.id for q in catalog.questions]
    rows = [
        "nama," + ",".join(ids),
        "\x1b[2JAni\x1b]0;judul\x07," + ",".join("" for _ in ids),  # nothing answered: a problem
        "Budi," + ",".join("4" for _ in ids),
    ]
    csv_file = tmp_path / "kelas.csv"
    csv_file.write_text("\n".join(rows) + "\n", encoding="utf-8")
    result = runner.invoke(app, ["score", str(csv_file), "--output", str(tmp_path / "hasil.csv")])
    assert result.exit_code == 0, result.output
    assert "\x1b" not in result.stderr and "\x07" not in result.stderr
    assert "baris 2 (\\x1b[2JAni\\x1b]0;judul\\x07): tidak ada jawaban" in result.stderr


def test_a_file_name_with_an_escape_sequence_is_shown_escaped(runner: CliRunner) -> None:
    result = runner.invoke(app, ["validate", "\x1b[2Jkatalog.json"])
    assert result.exit_code == 2
    assert result.stderr.startswith("Masalah: Berkas '\\x1b[2Jkatalog.json' tidak ditemukan.")


# --- narrow and nonsense widths -----------------------------------------------------------------


@pytest.mark.parametrize("columns", ["0", "abc", "-5", ""])
def test_a_width_that_is_not_one_is_treated_as_unset(
    runner: CliRunner, monkeypatch: pytest.MonkeyPatch, columns: str
) -> None:
    monkeypatch.delenv("COLUMNS")
    unset = runner.invoke(app, ["show", "layanan"])
    monkeypatch.setenv("COLUMNS", columns)
    from kariersosial.ui import render

    render.stdout.cache_clear()
    result = runner.invoke(app, ["show", "layanan"])
    assert result.exit_code == 0
    assert result.stdout == unset.stdout
    assert "Koordinator Layanan Sosial" in result.stdout


def test_a_tiny_width_wraps_whole_words(runner: CliRunner, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("COLUMNS", "8")
    result = runner.invoke(app, ["show", "layanan"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert max(len(line) for line in lines) <= 20  # as if 20 wide: the narrowest that reads
    words = " ".join(lines)
    assert "mengorganisasi," in words and "dilayani." in words


@pytest.mark.parametrize("columns", [24, 28])
def test_quiz_statements_wrap_below_32_columns(
    catalog: Catalog, monkeypatch: pytest.MonkeyPatch, columns: int
) -> None:
    monkeypatch.setenv("COLUMNS", str(columns))
    shown: list[str] = []
    real_select = quiz.questionary.select

    def select(message: str, **kwargs: object) -> object:
        shown.append(message)
        return real_select(message, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(quiz.questionary, "select", select)
    question = catalog.question("p01")
    with create_pipe_input() as inp:
        inp.send_text("4")
        answer = quiz.ask_statement(
            question, "Pernyataan 1", quiz.NEW, True, quiz.Terminal(inp, DummyOutput())
        )
    assert answer == 4
    lines = shown[0].splitlines()
    assert max(len(line) for line in lines) <= columns
    assert " ".join(" ".join(lines[1:]).split()).startswith(question.text)


@pytest.mark.parametrize("columns", ["0", "abc", "-5"])
def test_help_is_shown_whatever_columns_says(columns: str, isolated_env: Path) -> None:
    # typer draws --help on its own console, which reads COLUMNS itself: only main() can help
    done = run(isolated_env, "--help", COLUMNS=columns, NO_COLOR="1")
    assert done.returncode == 0, done.stderr
    out = decoded(done.stdout, "utf-8")
    assert "Kuis kecocokan karier" in out
    assert "Perintah" in out
