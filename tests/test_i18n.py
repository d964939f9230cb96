"""The text typer itself prints (help, usage errors) is Indonesian, with typer's exit codes."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from typing import Annotated

import pytest
import typer
from typer.testing import CliRunner, Result

from kariersosial.cli.app import app
from kariersosial.cli.typer_compat.i18n import translate_error

# Wide enough that no asserted phrase is wrapped inside a rich panel.
ENV: dict[str, str | None] = {"NO_COLOR": "1", "COLUMNS": "200", "KARIERSOSIAL_DATA": None}
ANSI = re.compile(r"\x1b\[[0-9;]*m")

ENGLISH_HELP = [
    "Usage",
    "[OPTIONS]",
    "COMMAND [ARGS]",
    "Options",
    "Arguments",
    "Commands",
    "Show this message",
    "Install completion",
    "Show completion",
    "env var",
    "required",
    "<bool>",
    "<file>",
    "<str>",
    "<path>",
]
ENGLISH_ERRORS = [
    "Usage",
    "Try ",
    "Error",
    "No such",
    "Missing",
    "Got unexpected",
    "Invalid value",
    "Possible options",
    "requires",
    "does not take",
]


def run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args), env=ENV)


def plain(text: str) -> str:
    # NO_COLOR drops colours only; bold and dim stay when a CI forces a terminal.
    return ANSI.sub("", text)


def assert_help(result: Result, *expected: str) -> None:
    out = plain(result.stdout)
    assert result.exit_code == 0, result.output
    for text in expected:
        assert text in out
    for text in ENGLISH_HELP:
        assert text not in out


def assert_usage_error(result: Result, *expected: str) -> None:
    err = plain(result.stderr)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    for text in expected:
        assert text in err
    for text in ENGLISH_ERRORS:
        assert text not in err


def test_top_level_help() -> None:
    assert_help(
        run("--help"),
        "Cara pakai: kariersosial [OPSI] PERINTAH [ARGUMEN]...",
        "─ Opsi ─",
        "─ Perintah ─",
        "Tampilkan bantuan ini lalu keluar.",
        "Pasang pelengkapan otomatis (tab) untuk shell yang kamu pakai.",
        "Tampilkan skrip pelengkapan otomatis untuk shell ini, untuk disalin atau diubah.",
        "[variabel lingkungan: KARIERSOSIAL_DATA]",
    )


def test_short_help_option_works_too() -> None:
    assert_help(run("-h"), "Cara pakai: kariersosial", "Tampilkan bantuan ini lalu keluar.")


def test_show_help() -> None:
    assert_help(
        run("show", "--help"),
        "Cara pakai: kariersosial show [OPSI] {PERAN}",
        "─ Argumen ─",
        "─ Opsi ─",
        "<teks>",
        "[wajib]",
        "Tampilkan bantuan ini lalu keluar.",
    )


def test_flags_show_no_value_placeholder() -> None:
    out = plain(run("show", "--help").stdout)
    line = next(line for line in out.splitlines() if "--json" in line)
    assert "<" not in line


def test_missing_argument() -> None:
    assert_usage_error(
        run("show"),
        "Cara pakai: kariersosial show [OPSI] {PERAN}",
        "Coba 'kariersosial show -h' untuk bantuan.",
        "─ Masalah ─",
        "Argumen 'PERAN' wajib diisi.",
    )


def test_unknown_option() -> None:
    assert_usage_error(run("--nope"), "Opsi tidak dikenal: --nope", "Cara pakai: kariersosial")


def test_unknown_option_with_suggestion() -> None:
    assert_usage_error(run("show", "--jsn"), "Opsi tidak dikenal: --jsn (mungkin maksudmu: --json)")


def test_unknown_command() -> None:
    assert_usage_error(run("nope"), "Perintah 'nope' tidak dikenal.")


def test_unknown_command_with_suggestion() -> None:
    result = run("shw", "layanan")
    assert_usage_error(result, "Perintah 'shw' tidak dikenal. Mungkin maksudmu 'show'?")
    assert "Did you mean" not in result.stderr


def test_extra_argument() -> None:
    assert_usage_error(run("show", "a", "b"), "Ada argumen berlebih: b")


def test_missing_command() -> None:
    assert_usage_error(run("--data", "katalog.json"), "Perintah wajib diisi.")


def test_option_without_its_value() -> None:
    assert_usage_error(run("--data"), "Opsi '--data' perlu diberi nilai.")


def test_flag_given_a_value() -> None:
    assert_usage_error(run("show", "x", "--json=3"), "Opsi '--json' tidak menerima nilai.")


def test_path_option(tmp_path: Path) -> None:
    # The patches are global, so a small app covers typer features the CLI does not use today.
    mini = typer.Typer()

    @mini.command()
    def main(catalog: Annotated[Path, typer.Option(dir_okay=False)]) -> None:
        """Baca katalog."""

    runner = CliRunner()
    assert_help(runner.invoke(mini, ["--help"], env=ENV), "--catalog", "<berkas>", "[wajib]")
    assert_usage_error(
        runner.invoke(mini, ["--catalog", str(tmp_path)], env=ENV),
        "Nilai tidak sah untuk '--catalog': ",
        "adalah folder, bukan berkas.",
    )
    assert_usage_error(runner.invoke(mini, [], env=ENV), "Opsi '--catalog' wajib diisi.")


@pytest.mark.parametrize(
    ("english", "indonesian"),
    [
        ("Missing option '--x'.", "Opsi '--x' wajib diisi."),
        ("Got unexpected extra arguments (a b)", "Ada argumen berlebih: a b"),
        (
            "Missing argument 'X'. Choose from:\n\ta",
            "Argumen 'X' wajib diisi. Pilih salah satu:\n\ta",
        ),
        ("Option '-n' requires an argument.", "Opsi '-n' perlu diberi nilai."),
        (
            "Invalid value for 'N': path 'x' is not readable.",
            "Nilai tidak sah untuk 'N': 'x' tidak bisa dibaca.",
        ),
        (
            "Invalid value for 'N': file 'x' does not exist.",
            "Nilai tidak sah untuk 'N': 'x' tidak ditemukan.",
        ),
        ("Peran 'x' tidak dikenal.", "Peran 'x' tidak dikenal."),
    ],
)
def test_translate_error(english: str, indonesian: str) -> None:
    assert translate_error(english) == indonesian


def test_usage_prefix_keeps_its_style() -> None:
    from rich.text import Text
    from typer import rich_utils

    text = rich_utils.highlighter(Text("Cara pakai: kariersosial [OPSI]"))
    assert any(span.style == "usage" and span.end == len("Cara pakai: ") for span in text.spans)


def test_localizing_does_not_load_rich() -> None:
    # Tab completion re-runs the program, so start-up must not pay for rich (~45 ms).
    code = (
        "import sys, typer; from kariersosial.cli.typer_compat.i18n import localize_typer; "
        "localize_typer(); "
        "loaded = [m for m in ('rich', 'typer.rich_utils') if m in sys.modules]; "
        "assert not loaded, loaded"
    )
    subprocess.run([sys.executable, "-c", code], check=True)


def test_fresh_process_is_localized_through_the_import_hook() -> None:
    # In a real run typer imports rich_utils only to print the error, after localize_typer().
    env = {**os.environ, "NO_COLOR": "1", "COLUMNS": "200"}
    done = subprocess.run(
        [sys.executable, "-m", "kariersosial", "show"], capture_output=True, text=True, env=env
    )
    assert done.returncode == 2
    assert done.stdout == ""
    assert "Cara pakai: " in done.stderr
    assert "─ Masalah ─" in done.stderr
    assert "Argumen 'PERAN' wajib diisi." in done.stderr


COMMANDS_WITH_LONG_HELP = (["export"], ["compare"], ["form"], ["score"], ["history"])


@pytest.mark.parametrize("words", COMMANDS_WITH_LONG_HELP)
def test_help_paragraphs_wrap_at_the_terminal_not_where_the_docstring_broke(
    words: list[str],
) -> None:
    runner = CliRunner()
    wide = runner.invoke(app, [*words, "--help"], env={"COLUMNS": "2000"})
    assert wide.exit_code == 0
    # at 2000 columns every paragraph fits on one line: a break inside one would show here
    top = [line.strip() for line in wide.stdout.split("╭", 1)[0].splitlines()]
    paragraphs = [p.strip("\n") for p in "\n".join(top).split("\n\n") if p.strip()]
    assert len(paragraphs) >= 3, "usage, the summary and at least one paragraph"
    assert all("\n" not in p for p in paragraphs), paragraphs
    narrow = runner.invoke(app, [*words, "--help"], env={"COLUMNS": "60"})
    lines = narrow.stdout.split("╭", 1)[0].splitlines()
    assert max(len(line) for line in lines) <= 60
