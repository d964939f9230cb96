"""The history and export commands, and saving after `quiz`, as a person runs them."""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from helpers import flat, ok, refused
from kariersosial.cli import history as cli_history
from kariersosial.cli.app import app
from kariersosial.core.models import Catalog
from kariersosial.state import history, store
from kariersosial.ui import screen
from kariersosial.words.texts import DISCLAIMER

BANK = len(
    json.loads(
        (Path(__file__).resolve().parents[1] / "data" / "roles.json").read_text(encoding="utf-8")
    )["questions"]
)  # statements in the bundled bank

RICH_ANSWERS = "441354434352523215355231134513435254"  # warnings, myth and a look-alike
OTHER_ANSWERS = "5" * 12 + "1" * 12 + "4" * 12


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    path = tmp_path / "jawaban.txt"
    path.write_text(
        "\n".join(f"p{i:02d}={d}" for i, d in enumerate(RICH_ANSWERS, start=1)) + "\n",
        encoding="utf-8",
    )
    return path


@pytest.fixture
def other_file(tmp_path: Path) -> Path:
    path = tmp_path / "jawaban-lain.txt"
    path.write_text(
        "\n".join(f"p{i:02d}={d}" for i, d in enumerate(OTHER_ANSWERS, start=1)) + "\n",
        encoding="utf-8",
    )
    return path


def run_quiz(runner: CliRunner, answers: Path, *extra: str) -> Result:
    return runner.invoke(app, ["quiz", "--answers", str(answers), *extra])


def saved(runner: CliRunner, answers: Path, times: int = 1) -> None:
    for _ in range(times):
        ok(run_quiz(runner, answers, "--json"))


def db_rows() -> int:
    with sqlite3.connect(history.db_path()) as conn:
        count: int = conn.execute("SELECT COUNT(*) FROM results").fetchone()[0]
        return count


# --- quiz saves -------------------------------------------------------------------------------


def test_a_finished_quiz_is_saved_and_the_footer_says_its_number(
    runner: CliRunner, answers_file: Path, catalog: Catalog
) -> None:
    result = ok(run_quiz(runner, answers_file))
    assert result.stderr == ""
    out = flat(result.stdout)
    assert "Peringkat kecocokan" in out
    assert out.endswith(
        "Hasil disimpan sebagai nomor 1; lihat lagi dengan `kariersosial history show 1`."
    )
    record = history.get(1)
    assert record.mode == "full"
    assert record.catalog_version == catalog.version
    assert len(record.answers) == BANK
    assert record.answers[0].statement == catalog.question("p01").text
    assert [f.rank for f in record.ranking] == [1, 2, 3, 4, 5]

    second = ok(run_quiz(runner, answers_file, "--quick"))
    assert "nomor 2" in flat(second.stdout)
    assert history.get(2).mode == "quick"


def test_quiz_json_carries_the_history_id_and_stays_pure_json(
    runner: CliRunner, answers_file: Path
) -> None:
    first = json.loads(ok(run_quiz(runner, answers_file, "--json")).stdout)
    assert first["number"] == 1
    result = ok(run_quiz(runner, answers_file, "--json"))
    assert json.loads(result.stdout)["number"] == 2
    assert result.stderr == ""


def test_no_save_leaves_the_history_untouched(
    runner: CliRunner, answers_file: Path, isolated_env: Path
) -> None:
    result = ok(run_quiz(runner, answers_file, "--no-save"))
    assert "disimpan" not in result.stdout
    assert not isolated_env.exists() or not history.db_path().exists()

    saved(runner, answers_file)
    before = {p.name: p.read_bytes() for p in isolated_env.iterdir()}
    data = json.loads(ok(run_quiz(runner, answers_file, "--no-save", "--json")).stdout)
    assert data["number"] is None
    assert {p.name: p.read_bytes() for p in isolated_env.iterdir()} == before
    assert db_rows() == 1


# --- a history that cannot be used never loses the result -------------------------------------


def test_a_corrupt_database_is_set_aside_and_the_result_still_shown(
    runner: CliRunner, answers_file: Path, isolated_env: Path
) -> None:
    isolated_env.mkdir()
    garbage = os.urandom(8192)
    history.db_path().write_bytes(garbage)

    result = ok(run_quiz(runner, answers_file))
    assert "Peringkat kecocokan" in result.stdout
    assert "Hasil disimpan" not in result.stdout
    err = flat(result.stderr)
    assert "Hasilmu tidak disimpan ke riwayat: berkas riwayat rusak" in err
    assert "--export BERKAS" in err
    (moved,) = isolated_env.glob("riwayat.sqlite3.rusak-*")
    assert moved.read_bytes() == garbage
    assert moved.name in err

    again = ok(run_quiz(runner, answers_file))  # a fresh database next time
    assert "Hasil disimpan sebagai nomor 1" in flat(again.stdout)
    assert again.stderr == ""


def test_a_corrupt_database_with_json_warns_on_stderr_only(
    runner: CliRunner, answers_file: Path, isolated_env: Path
) -> None:
    isolated_env.mkdir()
    history.db_path().write_bytes(os.urandom(4096))
    result = ok(run_quiz(runner, answers_file, "--json"))
    assert json.loads(result.stdout)["number"] is None
    assert "tidak disimpan" in result.stderr


def test_an_unwritable_data_folder_still_shows_the_result(
    runner: CliRunner, answers_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if os.geteuid() == 0:  # root writes through chmod; a path under a file fails for root too
        blocker = tmp_path / "berkas-biasa"
        blocker.write_text("bukan folder\n", encoding="utf-8")
        monkeypatch.setenv("KARIERSOSIAL_HOME", str(blocker / "kariersosial"))
        why = "tidak bisa dibuat"
    else:  # pragma: no cover - depends on who runs the tests
        home = tmp_path / "hanya-baca"
        home.mkdir()
        home.chmod(0o555)
        monkeypatch.setenv("KARIERSOSIAL_HOME", str(home))
        why = "tidak bisa dibuka atau dibuat"
    try:
        result = ok(run_quiz(runner, answers_file))
    finally:
        if (tmp_path / "hanya-baca").exists():
            (tmp_path / "hanya-baca").chmod(0o755)
    assert "Peringkat kecocokan" in result.stdout
    err = flat(result.stderr)
    assert "Hasilmu tidak disimpan ke riwayat" in err and why in err
    assert "KARIERSOSIAL_HOME" in err
    assert "--export BERKAS" in err


def test_a_database_locked_too_long_still_shows_the_result(
    runner: CliRunner, answers_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved(runner, answers_file)
    monkeypatch.setattr(history, "BUSY_TIMEOUT", 0.2)
    holder = sqlite3.connect(history.db_path(), isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        result = ok(run_quiz(runner, answers_file))
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "Peringkat kecocokan" in result.stdout
    assert "dikunci program lain" in flat(result.stderr)
    assert db_rows() == 1


def test_in_a_terminal_a_failed_save_offers_an_export(
    runner: CliRunner,
    answers_file: Path,
    isolated_env: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    isolated_env.mkdir()
    history.db_path().write_bytes(os.urandom(4096))
    target = tmp_path / "laporan" / "hasilku.html"
    asked: list[str] = []
    monkeypatch.setattr(screen, "interactive", lambda: True)
    monkeypatch.setattr(screen, "ask_yes_no", lambda q, default: asked.append(q) or True)
    monkeypatch.setattr(screen, "ask_path", lambda q, default, check: str(target))

    result = ok(run_quiz(runner, answers_file))
    assert asked == ["Simpan hasil ini sebagai berkas laporan?"]
    assert f"Laporan disimpan di {target}." in flat(result.stdout)
    assert "--export BERKAS" not in result.stderr
    assert target.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_declining_the_offered_export_writes_nothing(
    runner: CliRunner, answers_file: Path, isolated_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    isolated_env.mkdir()
    history.db_path().write_bytes(os.urandom(4096))
    monkeypatch.setattr(screen, "interactive", lambda: True)
    monkeypatch.setattr(screen, "ask_yes_no", lambda q, default: False)

    def must_not_ask(question: str, default: str, check: object) -> str:
        raise AssertionError("asked for a path after a no")

    monkeypatch.setattr(screen, "ask_path", must_not_ask)
    result = ok(run_quiz(runner, answers_file))
    assert "Laporan disimpan" not in result.stdout


# --- history list / show ----------------------------------------------------------------------


def test_history_lists_numbers_dates_modes_top_roles_and_fits(
    runner: CliRunner, answers_file: Path, other_file: Path
) -> None:
    saved(runner, answers_file)
    ok(run_quiz(runner, other_file, "--quick", "--json"))
    for args in (["history"], ["history", "list"]):
        result = ok(runner.invoke(app, args))
        out = flat(result.stdout)
        assert "Riwayat hasil kuis (2)" in out
        for entry in history.entries():
            assert entry.top is not None
            assert entry.top.role_name in out
            assert f"{entry.top.fit:.0f} ·" in out
        assert "lengkap" in out and "singkat" in out
        assert "kariersosial history show <nomor>" in out


def test_history_json(runner: CliRunner, answers_file: Path) -> None:
    saved(runner, answers_file, times=2)
    for args in (["history", "--json"], ["history", "list", "--json"]):
        data = json.loads(ok(runner.invoke(app, args)).stdout)
        assert [r["number"] for r in data["results"]] == [1, 2]
        first = data["results"][0]
        assert first["mode"] == "full"
        assert set(first["top"]) == {"role", "fit", "label"}
        assert first["created"] == history.get(1).created


def test_an_empty_history_says_how_to_fill_it(runner: CliRunner, isolated_env: Path) -> None:
    result = ok(runner.invoke(app, ["history"]))
    assert "Belum ada hasil kuis yang tersimpan" in flat(result.stdout)
    assert json.loads(ok(runner.invoke(app, ["history", "--json"])).stdout) == {"results": []}
    assert not isolated_env.exists()  # looking does not create anything


def test_history_show_renders_the_result_again_in_full(
    runner: CliRunner, answers_file: Path
) -> None:
    shown = ok(run_quiz(runner, answers_file))
    again = ok(runner.invoke(app, ["history", "show", "1"]))
    out = flat(again.stdout)
    assert out.startswith("Hasil nomor 1 ·")
    assert "kuis lengkap" in out
    # The same screen as right after the quiz, re-rendered from the stored answers.
    before = flat(shown.stdout).split(" Hasil disimpan sebagai")[0]
    assert before in out
    assert "kariersosial export 1 --output kariersosial-hasil-1.html" in out


def test_history_show_json(runner: CliRunner, answers_file: Path, catalog: Catalog) -> None:
    quiz_data = json.loads(ok(run_quiz(runner, answers_file, "--json")).stdout)
    data = json.loads(ok(runner.invoke(app, ["history", "show", "1", "--json"])).stdout)
    assert data["number"] == 1
    assert data["catalog_changed"] is False
    assert data["result"]["ranking"] == quiz_data["ranking"]
    assert data["answers"][0]["statement"] == catalog.question("p01").text
    assert data["disclaimer"] == DISCLAIMER


def test_history_show_after_the_catalogue_changed_shows_the_stored_ranking(
    runner: CliRunner,
    answers_file: Path,
    raw_catalog: dict[str, Any],
    write_catalog: Any,
    catalog: Catalog,
) -> None:
    saved(runner, answers_file)
    raw_catalog["version"] = "2099.1.1"
    newer = write_catalog(raw_catalog)
    result = ok(runner.invoke(app, ["--data", str(newer), "history", "show", "1"]))
    out = flat(result.stdout)
    assert f"katalog peran versi {catalog.version}" in out
    assert "katalog yang sekarang versi 2099.1.1" in out
    assert "Peringkat kecocokan yang tersimpan" in out
    for fit in history.get(1).ranking:
        assert fit.role_name in out
    data = json.loads(
        ok(runner.invoke(app, ["--data", str(newer), "history", "show", "1", "--json"])).stdout
    )
    assert data["catalog_changed"] is True
    assert "2099.1.1" in data["note"]


@pytest.mark.parametrize("command", ["show", "delete"])
def test_an_unknown_number_is_a_usage_error(runner: CliRunner, command: str) -> None:
    yes = ["--yes"] if command == "delete" else []
    result = refused(runner.invoke(app, ["history", command, "9", *yes]))
    assert "Tidak ada hasil nomor 9 di riwayat." in result.stderr
    assert "kariersosial history" in result.stderr
    result = refused(runner.invoke(app, ["history", command, "dua"]))
    assert "'dua' bukan nomor hasil." in result.stderr


# --- delete / clear ---------------------------------------------------------------------------


def test_delete_without_a_terminal_and_without_yes_is_refused(
    runner: CliRunner, answers_file: Path
) -> None:
    saved(runner, answers_file)
    result = refused(runner.invoke(app, ["history", "delete", "1"]))
    err = flat(result.stderr)
    assert "Menghapus hasil nomor 1 perlu konfirmasi" in err and "bukan terminal" in err
    assert "`kariersosial history delete 1 --yes`" in err
    assert result.stdout == ""
    assert db_rows() == 1


def test_delete_with_yes(runner: CliRunner, answers_file: Path) -> None:
    saved(runner, answers_file, times=2)
    result = ok(runner.invoke(app, ["history", "delete", "1", "--yes"]))
    assert "Hasil nomor 1 dihapus dari riwayat." in result.stdout
    data = json.loads(ok(runner.invoke(app, ["history", "delete", "2", "-y", "--json"])).stdout)
    assert data == {"deleted": [2]}
    assert db_rows() == 0


def test_delete_asks_in_a_terminal(
    runner: CliRunner, answers_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved(runner, answers_file)
    questions: list[str] = []
    replies = iter([False, True])
    monkeypatch.setattr(cli_history, "interactive", lambda: True)
    monkeypatch.setattr(
        cli_history, "ask_yes_no", lambda q, default: questions.append(q) or next(replies)
    )
    declined = ok(runner.invoke(app, ["history", "delete", "1"]))
    assert "Dibatalkan; tidak ada yang dihapus." in declined.stdout
    assert db_rows() == 1
    ok(runner.invoke(app, ["history", "delete", "1"]))
    assert db_rows() == 0
    assert questions[0].startswith("Hapus hasil nomor 1 (")
    assert history.entries() == []


def test_clear_needs_yes_without_a_terminal(runner: CliRunner, answers_file: Path) -> None:
    saved(runner, answers_file, times=3)
    result = refused(runner.invoke(app, ["history", "clear"]))
    assert "Menghapus semua riwayat perlu konfirmasi" in flat(result.stderr)
    assert "kariersosial history clear --yes" in flat(result.stderr)
    assert db_rows() == 3
    refused(runner.invoke(app, ["history", "clear", "--json"]))
    assert db_rows() == 3

    result = ok(runner.invoke(app, ["history", "clear", "--yes"]))
    assert "3 hasil dihapus dari riwayat." in result.stdout
    assert db_rows() == 0
    again = ok(runner.invoke(app, ["history", "clear"]))  # nothing to confirm
    assert "Riwayat sudah kosong" in again.stdout


def test_clear_json_and_in_a_terminal(
    runner: CliRunner, answers_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved(runner, answers_file, times=2)
    monkeypatch.setattr(cli_history, "interactive", lambda: True)
    monkeypatch.setattr(cli_history, "ask_yes_no", lambda q, default: False)
    declined = ok(runner.invoke(app, ["history", "clear", "--json"]))
    assert json.loads(declined.stdout) == {"deleted": []}
    assert "Dibatalkan" in declined.stderr
    assert db_rows() == 2
    data = json.loads(ok(runner.invoke(app, ["history", "clear", "--yes", "--json"])).stdout)
    assert data == {"deleted": [1, 2]}


# --- export -----------------------------------------------------------------------------------


def test_export_md_prints_to_stdout_without_output(
    runner: CliRunner,
    answers_file: Path,
    catalog: Catalog,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    saved(runner, answers_file)
    monkeypatch.chdir(tmp_path)
    before = sorted(tmp_path.iterdir())
    result = ok(runner.invoke(app, ["export", "1", "--format", "md"]))
    md = result.stdout
    assert md.startswith("# Hasil kuis kariersosial")
    assert "**Nomor di riwayat:** 1" in md
    record = history.get(1)
    assert record.top is not None
    assert f"| 1 | {record.top.role_name} |" in md
    assert catalog.question("p01").text in md
    assert DISCLAIMER in md
    assert sorted(tmp_path.iterdir()) == before
    assert ok(runner.invoke(app, ["export", "1"])).stdout == md  # md is the default


def test_export_html_without_output_writes_a_named_file_here(
    runner: CliRunner, answers_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved(runner, answers_file)
    monkeypatch.chdir(tmp_path)
    result = ok(runner.invoke(app, ["export", "1", "--format", "html"]))
    assert flat(result.stdout) == "Laporan disimpan di kariersosial-hasil-1.html."
    page = (tmp_path / "kariersosial-hasil-1.html").read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>")
    assert "size: A4" in page
    assert "--format" in flat(runner.invoke(app, ["export", "--help"]).stdout)
    assert "kariersosial-hasil-NOMOR.html" in flat(runner.invoke(app, ["export", "-h"]).stdout)


def test_export_json_to_a_file_takes_the_format_from_the_extension(
    runner: CliRunner, answers_file: Path, tmp_path: Path
) -> None:
    saved(runner, answers_file)
    target = tmp_path / "hasil.json"
    ok(runner.invoke(app, ["export", "1", "-o", str(target)]))
    data = json.loads(target.read_text(encoding="utf-8"))
    assert data["number"] == 1
    assert data["disclaimer"] == DISCLAIMER
    unknown = refused(runner.invoke(app, ["export", "1", "-o", str(tmp_path / "hasil.txt")]))
    assert "tidak bisa ditebak" in flat(unknown.stderr) and "--format" in unknown.stderr
    forced = ok(runner.invoke(app, ["export", "1", "-o", str(tmp_path / "x.txt"), "-f", "md"]))
    assert "Laporan disimpan" in forced.stdout
    assert (tmp_path / "x.txt").read_text(encoding="utf-8").startswith("# Hasil")
    bad = refused(runner.invoke(app, ["export", "1", "--format", "pdf"]))
    assert "Format laporan 'pdf' tidak dikenal." in bad.stderr


def test_export_does_not_overwrite_without_force(
    runner: CliRunner, answers_file: Path, tmp_path: Path
) -> None:
    saved(runner, answers_file)
    target = tmp_path / "hasil.md"
    target.write_text("catatan penting\n", encoding="utf-8")
    result = refused(runner.invoke(app, ["export", "1", "--output", str(target)]))
    assert f"Berkas {target} sudah ada" in flat(result.stderr)
    assert "--force" in result.stderr
    assert target.read_text(encoding="utf-8") == "catatan penting\n"

    ok(runner.invoke(app, ["export", "1", "--output", str(target), "--force"]))
    assert target.read_text(encoding="utf-8").startswith("# Hasil kuis kariersosial")


def test_export_writes_atomically(
    runner: CliRunner, answers_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    saved(runner, answers_file)
    target = tmp_path / "out" / "hasil.html"
    target.parent.mkdir()
    target.write_text("versi lama\n", encoding="utf-8")

    def no_rename(src: Any, dst: Any) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store.os, "replace", no_rename)
    result = refused(runner.invoke(app, ["export", "1", "-o", str(target), "--force"]), 1)
    assert f"Tidak bisa menulis {target}" in flat(result.stderr)
    assert target.read_text(encoding="utf-8") == "versi lama\n"  # never half a file
    assert [p.name for p in target.parent.iterdir()] == ["hasil.html"]  # no temp file left


def test_export_of_an_unknown_number(runner: CliRunner) -> None:
    result = refused(runner.invoke(app, ["export", "4"]))
    assert "Tidak ada hasil nomor 4 di riwayat." in result.stderr


# --- quiz --export ----------------------------------------------------------------------------


def test_quiz_export_html(runner: CliRunner, answers_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "out.html"
    result = ok(run_quiz(runner, answers_file, "--export", str(target)))
    out = flat(result.stdout)
    assert "Peringkat kecocokan" in out
    assert "Hasil disimpan sebagai nomor 1" in out
    assert f"Laporan disimpan di {target}." in out
    page = target.read_text(encoding="utf-8")
    assert "<dt>Nomor di riwayat</dt><dd>1</dd>" in page
    assert DISCLAIMER in page


def test_quiz_export_with_json_keeps_stdout_pure(
    runner: CliRunner, answers_file: Path, tmp_path: Path
) -> None:
    target = tmp_path / "laporan.dat"
    result = ok(run_quiz(runner, answers_file, "--json", "--export", str(target), "--format", "md"))
    assert json.loads(result.stdout)["number"] == 1
    assert "Laporan disimpan" in result.stderr
    assert target.read_text(encoding="utf-8").startswith("# Hasil kuis kariersosial")


def test_quiz_export_problems_are_caught_before_the_quiz(
    runner: CliRunner, answers_file: Path, tmp_path: Path, isolated_env: Path
) -> None:
    existing = tmp_path / "ada.html"
    existing.write_text("lama\n", encoding="utf-8")
    result = refused(run_quiz(runner, answers_file, "--export", str(existing)))
    assert "sudah ada" in result.stderr and "--force" in result.stderr
    assert result.stdout == ""
    assert existing.read_text(encoding="utf-8") == "lama\n"

    refused(run_quiz(runner, answers_file, "--export", str(tmp_path / "hasil.pdf")))
    lone = refused(run_quiz(runner, answers_file, "--format", "md"))
    assert "hanya berlaku bersama --export" in lone.stderr
    assert not isolated_env.exists()  # nothing was saved by the refused runs

    ok(run_quiz(runner, answers_file, "--export", str(existing), "--force"))
    assert existing.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def test_no_save_with_export_still_writes_the_report(
    runner: CliRunner, answers_file: Path, tmp_path: Path, isolated_env: Path
) -> None:
    target = tmp_path / "hasil.md"
    result = ok(run_quiz(runner, answers_file, "--no-save", "--export", str(target)))
    assert "Hasil disimpan" not in result.stdout
    assert "Nomor di riwayat" not in target.read_text(encoding="utf-8")
    assert not history.db_path().exists()
