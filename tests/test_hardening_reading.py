"""Reading never hangs and never ends in a traceback (issue 11: bounded reading).

Grouped by mechanism: the bounded reader (special files, size, bytes), the JSON guard
(depth, numbers), linear time (duplicate lines, bracket headers), history numbers, and
stored records checked on read. Where a real FIFO or device is needed the program runs in
a subprocess; its timeout is only a safety net, the assertions are on the outcome.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from helpers import flat
from kariersosial.catalog.load import check_catalog
from kariersosial.cli.app import app
from kariersosial.core.models import Catalog
from kariersosial.io import reading, safe_json
from kariersosial.io.batch import statement_id
from kariersosial.state import history, store

SAFETY = 60  # seconds; a hang fails the test instead of the whole run
POSIX = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs (POSIX)")
ANSWERS = "\n".join(
    f"p{i:02d}={d}" for i, d in enumerate("441354434352523215355231134513435254", 1)
)


def run_cli(args: list[str], stdin: Any = subprocess.DEVNULL) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "kariersosial", *args],
        stdin=stdin,
        capture_output=True,
        text=True,
        env=dict(os.environ),
        timeout=SAFETY,
        check=False,
    )


def refused(result: Result | subprocess.CompletedProcess[str], code: int = 2) -> str:
    """stderr of a run that failed cleanly with `code`, flattened."""
    code_got = result.exit_code if isinstance(result, Result) else result.returncode
    err = result.stderr
    assert code_got == code, err
    assert "Traceback" not in err and "Error" not in err.replace("Masalah", "")
    return flat(err)


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "pipa"
    os.mkfifo(path)
    return path


# --- the bounded reader: special files -----------------------------------------------------------


@POSIX
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--data", "{}", "roles"], "Masalah: {}: ini pipa bernama (FIFO), bukan berkas biasa"),
        (
            ["quiz", "--answers", "{}"],
            "Masalah: Berkas jawaban '{}' tidak bisa dipakai: ini pipa bernama (FIFO), bukan "
            "berkas biasa. Sebutkan berkas jawaban biasa, atau alirkan isinya lewat `--answers -`.",
        ),
        (
            ["score", "{}"],
            "Masalah: Berkas jawaban '{}' tidak bisa dipakai: ini pipa bernama (FIFO), bukan "
            "berkas biasa. Sebutkan berkas CSV biasa, atau alirkan isinya lewat "
            "`kariersosial score -`.",
        ),
    ],
    ids=["data", "answers", "score"],
)
def test_a_fifo_without_a_writer_is_refused_not_waited_for(
    fifo: Path, args: list[str], expected: str
) -> None:
    done = run_cli([a.format(fifo) for a in args])
    assert refused(done).startswith(expected.format(fifo))


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--data", "/dev/zero", "roles"], "Masalah: /dev/zero: ini perangkat, bukan berkas biasa"),
        (
            ["quiz", "--answers", "/dev/zero"],
            "Masalah: Berkas jawaban '/dev/zero' tidak bisa dipakai",
        ),
        (["score", "/dev/zero"], "Masalah: Berkas jawaban '/dev/zero' tidak bisa dipakai"),
    ],
    ids=["data", "answers", "score"],
)
def test_a_device_is_refused_by_name(args: list[str], expected: str) -> None:
    err = refused(run_cli(args))
    assert err.startswith(expected)
    assert "ini perangkat, bukan berkas biasa" in err


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_dev_zero_on_answers_stdin_ends_at_the_size_limit() -> None:
    with open("/dev/zero", "rb") as zero:
        err = refused(run_cli(["quiz", "--answers", "-"], stdin=zero))
    assert err.startswith(
        "Masalah: Jawaban yang dialirkan tidak bisa dipakai: lebih besar dari batas 256 KB."
    )


@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="needs /dev/zero")
def test_dev_zero_on_score_stdin_ends_at_the_line_cap() -> None:
    with open("/dev/zero", "rb") as zero:
        err = refused(run_cli(["score", "-"], stdin=zero))
    assert err.startswith(
        "Masalah: Baris 1 dari masukan yang dialirkan lebih panjang dari 1.048.576 karakter; "
        "penilaian dihentikan."
    )


def test_the_reader_refuses_a_folder_and_a_missing_file(tmp_path: Path) -> None:
    with pytest.raises(reading.ReadProblem) as folder:
        reading.read_text(tmp_path, 10)
    assert (folder.value.kind, folder.value.reason) == ("directory", "ini folder, bukan berkas")
    with pytest.raises(reading.ReadProblem) as missing:
        reading.read_text(tmp_path / "tidak-ada", 10)
    assert missing.value.reason == "berkas tidak ditemukan"


@POSIX
def test_the_reader_checks_the_open_descriptor_too(
    fifo: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # A FIFO put in place between the check and the open: the non-blocking open returns at
    # once and the descriptor is refused, rather than waiting for a writer.
    regular = os.stat(tmp_path)  # pretend the path checked out as something harmless
    fake = os.stat_result((stat.S_IFREG | 0o644, *tuple(regular)[1:]))
    monkeypatch.setattr(reading.os, "stat", lambda path: fake)
    with pytest.raises(reading.ReadProblem) as caught:
        reading.read_text(fifo, 10)
    assert caught.value.reason == "ini pipa bernama (FIFO), bukan berkas biasa"


# --- the bounded reader: size and bytes ----------------------------------------------------------


def test_a_100_mb_answers_file_ends_at_once_with_the_limit(
    runner: CliRunner, tmp_path: Path
) -> None:
    huge = tmp_path / "besar.txt"
    with huge.open("wb") as handle:
        handle.truncate(100 * 1024 * 1024)  # sparse: costs no disk
    err = refused(runner.invoke(app, ["quiz", "--answers", str(huge)]))
    assert err == (
        f"Masalah: Berkas jawaban '{huge}' tidak bisa dipakai: lebih besar dari batas 256 KB. "
        "Berkas jawaban cukup satu baris per pernyataan; periksa berkas yang dipilih."
    )


def test_a_catalogue_over_its_limit_is_one_problem(write_catalog: Callable[..., Path]) -> None:
    path = write_catalog(b" " * (reading.CATALOG_LIMIT + 1))
    assert check_catalog(path, "besar") == ["lebih besar dari batas 5 MB"]


def test_binary_bytes_on_answers_stdin_are_reported_with_their_position(
    runner: CliRunner,
) -> None:
    result = runner.invoke(app, ["quiz", "--answers", "-"], input=b"p01=\xff\xfe4\n")
    assert refused(result) == (
        "Masalah: Jawaban yang dialirkan tidak bisa dipakai: bukan teks UTF-8 (byte ke-5). "
        "Simpan ulang berkasnya sebagai teks UTF-8."
    )


def test_binary_bytes_in_an_answers_file_are_reported_with_their_position(
    runner: CliRunner, tmp_path: Path
) -> None:
    path = tmp_path / "jawaban.txt"
    path.write_bytes(b"\xef\xbb\xbfp01=4\np02=\x80\n")  # the BOM is skipped, not counted out
    err = refused(runner.invoke(app, ["quiz", "--answers", str(path)]))
    assert err.startswith(f"Masalah: Berkas jawaban '{path}' tidak bisa dipakai: bukan teks UTF-8")
    assert "(byte ke-14)" in err


# --- the JSON guard ------------------------------------------------------------------------------


DEEP = "[" * 100_000
LONG_NUMBER = '{"p01": ' + "1" * 5000 + "}"


@pytest.mark.parametrize(
    ("text", "reason"),
    [(DEEP, safe_json.TOO_DEEP), (LONG_NUMBER, safe_json.TOO_LONG_NUMBER)],
    ids=["deep", "number"],
)
def test_hostile_json_in_an_answers_file_is_a_usage_error(
    runner: CliRunner, tmp_path: Path, text: str, reason: str
) -> None:
    path = tmp_path / "jawaban.json"
    path.write_text(text, encoding="utf-8")
    err = refused(runner.invoke(app, ["quiz", "--answers", str(path)]))
    assert err.startswith(f"Masalah: Berkas jawaban '{path}' bukan JSON yang sah: {reason}.")


@pytest.mark.parametrize(
    ("text", "reason"),
    [(DEEP, safe_json.TOO_DEEP), (LONG_NUMBER, safe_json.TOO_LONG_NUMBER)],
    ids=["deep", "number"],
)
def test_hostile_json_on_stdin_is_a_usage_error(runner: CliRunner, text: str, reason: str) -> None:
    err = refused(runner.invoke(app, ["quiz", "--answers", "-"], input=text))
    assert err.startswith(
        f"Masalah: Berkas jawaban dari masukan yang dialirkan bukan JSON yang sah: {reason}."
    )


@pytest.mark.parametrize(
    "text",
    [
        DEEP,
        '{"schema": 1, "catalog_version": "x", "answers": {}, "asked": [], "n": '
        + "9" * 5000
        + "}",
    ],
    ids=["deep", "number"],
)
def test_hostile_json_in_the_progress_file_is_set_aside(
    isolated_env: Path, catalog: Catalog, text: str
) -> None:
    isolated_env.mkdir()
    store.progress_path().write_text(text, encoding="utf-8")
    loaded, notice = store.load_progress(catalog.version, {q.id for q in catalog.questions})
    assert loaded is None
    assert notice is not None and "rusak (bukan JSON yang sah)" in notice
    (moved,) = isolated_env.glob("kemajuan.json.rusak-*")
    assert moved.read_text(encoding="utf-8") == text


def test_the_depth_scan_ignores_brackets_inside_strings() -> None:
    assert safe_json.loads('{"a": "' + "[" * 1000 + '"}') == {"a": "[" * 1000}
    assert safe_json.too_deep("[" * 101) and not safe_json.too_deep("[" * 100 + "]" * 100)


def test_the_depth_scan_is_linear_on_escaped_quotes() -> None:
    # A naive string pattern retries from every quote to the end: quadratic in this text.
    text = '["' + '\\"' * 200_000 + "]"
    with pytest.raises(safe_json.JsonProblem) as caught:
        safe_json.loads(text)
    assert caught.value.reason.startswith("JSON rusak di baris 1")


def test_syntax_errors_keep_their_line_and_column() -> None:
    with pytest.raises(safe_json.JsonProblem) as caught:
        safe_json.loads('{\n  "p01": 4,\n}')
    assert (caught.value.line, caught.value.column) == (3, 1)
    assert caught.value.reason == (
        "JSON rusak di baris 3, kolom 1 (nama kunci harus dalam tanda kutip ganda)"
    )


# --- linear time ---------------------------------------------------------------------------------


def test_many_duplicate_lines_list_the_first_twenty_and_count_the_rest(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # a short name, so the first line is not wrapped
    Path("ganda.txt").write_text("p01=4\n" * 40_000, encoding="utf-8")  # under the size limit
    result = runner.invoke(app, ["quiz", "--answers", "ganda.txt"])
    refused(result)
    lines = result.stderr.splitlines()
    assert lines[0] == "Masalah: Berkas jawaban 'ganda.txt' punya 39999 masalah:"
    assert lines[1] == "  • baris 2: pernyataan 'p01' dijawab lebih dari sekali"
    assert lines[21] == "  … dan 39979 masalah lain"
    assert len(lines) == 23


def test_a_header_of_100000_brackets_is_read_in_linear_time(tmp_path: Path) -> None:
    path = tmp_path / "kurung.csv"
    # a title of brackets that never close: the old pattern retried from every one of them
    path.write_text("nama,p01," + "[" * 100_000 + "\nAni,4,\n", encoding="utf-8")
    done = run_cli(["score", str(path)])  # minutes before the fix; the timeout is a safety net
    assert done.returncode == 1, done.stderr
    assert "Dinilai: 0 responden. Dilewati: 1 baris." in flat(done.stderr)


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Seberapa setuju kamu? [p01 Saya senang]", "p01"),
        ("Judul [p02] ", "p02"),
        ("a [b [p03]", None),  # the grid text is "b [p03", as the pattern found it
        ("p04 [x] y]", "p04"),
        ("[" * 100_000, None),
        ("[" * 100_000 + "p05]", None),
    ],
)
def test_grid_titles_are_found_as_before(title: str, expected: str | None) -> None:
    ids = {f"p0{i}": f"p0{i}" for i in range(1, 6)}
    assert statement_id(title, ids) == expected


# --- history numbers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "args",
    [
        ["history", "show", "{}"],
        ["export", "{}"],
        ["history", "delete", "{}", "--yes"],
    ],
    ids=["show", "export", "delete"],
)
@pytest.mark.parametrize(
    "number", ["99999999999999999999", str(2**63), "1" * 5000], ids=["20-digits", "2^63", "5000"]
)
def test_a_number_past_sqlites_range_is_not_found(
    runner: CliRunner, tmp_path: Path, args: list[str], number: str
) -> None:
    answers = tmp_path / "jawaban.txt"
    answers.write_text(ANSWERS, encoding="utf-8")
    assert runner.invoke(app, ["quiz", "--answers", str(answers), "--json"]).exit_code == 0
    err = refused(runner.invoke(app, [a.format(number) for a in args]))
    shown = number if len(number) <= 30 else number[:20] + "…"
    assert err == (
        f"Masalah: Tidak ada hasil nomor {shown} di riwayat. "
        "Lihat nomor yang ada dengan `kariersosial history`."
    )


def test_the_largest_sqlite_number_is_looked_up(runner: CliRunner) -> None:
    err = refused(runner.invoke(app, ["history", "show", str(2**63 - 1)]))
    assert err.startswith(f"Masalah: Tidak ada hasil nomor {2**63 - 1} di riwayat.")


# --- stored records are checked on read ----------------------------------------------------------


def tamper(sql: str, *params: Any) -> None:
    with sqlite3.connect(history.db_path()) as conn:
        conn.execute("PRAGMA ignore_check_constraints = ON")
        conn.execute(sql, params)


@pytest.fixture
def one_saved(runner: CliRunner, tmp_path: Path) -> None:
    answers = tmp_path / "jawaban.txt"
    answers.write_text(ANSWERS, encoding="utf-8")
    assert runner.invoke(app, ["quiz", "--answers", str(answers), "--json"]).exit_code == 0


def _detail_with_text_fit() -> tuple[str, str]:
    detail = json.loads(_stored_detail())
    detail["ranking"][0]["fit"] = "tinggi"
    return json.dumps(detail), "detail.ranking[0].fit: harus berupa angka"


def _stored_detail() -> str:
    with sqlite3.connect(history.db_path()) as conn:
        text: str = conn.execute("SELECT detail FROM results WHERE id = 1").fetchone()[0]
        return text


@pytest.mark.usefixtures("one_saved")
@pytest.mark.parametrize(
    "sql",
    [
        "UPDATE ranking SET fit = 'tinggi' WHERE result_id = 1 AND rank = 1",
        "UPDATE results SET created = X'00ff' WHERE id = 1",
        "UPDATE ranking SET role_name = X'00' WHERE result_id = 1 AND rank = 1",
    ],
)
def test_a_tampered_row_is_listed_as_damaged_not_a_crash(runner: CliRunner, sql: str) -> None:
    tamper(sql)
    listed = runner.invoke(app, ["history"], env={"COLUMNS": "200"})
    assert listed.exit_code == 0, listed.output
    flat = " ".join(listed.stdout.split())
    assert "(catatan rusak; hapus dengan `kariersosial history delete 1`)" in flat
    as_json = runner.invoke(app, ["history", "--json"])
    assert as_json.exit_code == 0
    assert json.loads(as_json.stdout)["results"][0]["status"] == "damaged"


@pytest.mark.usefixtures("one_saved")
@pytest.mark.parametrize("fmt", ["md", "html", "json"])
def test_a_tampered_detail_is_a_damaged_record_not_a_crash(runner: CliRunner, fmt: str) -> None:
    detail, problem = _detail_with_text_fit()
    # an older catalogue version: the stored detail is what the report is built from
    tamper("UPDATE results SET detail = ?, catalog_version = '2000.1' WHERE id = 1", detail)
    err = refused(runner.invoke(app, ["export", "1", "--format", fmt]), code=1)
    assert err == (
        f"Masalah: Catatan riwayat nomor 1 rusak ({problem}). Hapus catatan itu dengan "
        "`kariersosial history delete 1`; hasil lain di riwayat tidak terpengaruh."
    )


@pytest.mark.usefixtures("one_saved")
@pytest.mark.parametrize(
    ("sql", "problem"),
    [
        ("UPDATE ranking SET fit = 'tinggi' WHERE result_id = 1 AND rank = 2", "ranking[1].fit"),
        ("UPDATE answers SET value = 9 WHERE result_id = 1 AND position = 3", "answers[2]"),
        ("UPDATE results SET mode = 'kilat' WHERE id = 1", "hasil.mode"),
        ("UPDATE results SET detail = '[1, 2]' WHERE id = 1", "detail: harus berupa objek"),
        ("UPDATE results SET detail = '" + "[" * 5000 + "' WHERE id = 1", "detail: JSON ber"),
    ],
    ids=["ranking-fit", "answer-9", "mode", "detail-list", "detail-deep"],
)
def test_every_stored_field_is_checked(runner: CliRunner, sql: str, problem: str) -> None:
    tamper(sql)
    for args in (["history", "show", "1"], ["export", "1", "--format", "json"]):
        err = refused(runner.invoke(app, args), code=1)
        assert err.startswith(f"Masalah: Catatan riwayat nomor 1 rusak ({problem}")


@pytest.mark.usefixtures("one_saved")
def test_a_damaged_record_can_still_be_deleted(runner: CliRunner) -> None:
    detail, _ = _detail_with_text_fit()
    tamper("UPDATE results SET detail = ? WHERE id = 1", detail)
    result = runner.invoke(app, ["history", "delete", "1", "--yes"])
    assert result.exit_code == 0, result.stderr
    assert "Hasil nomor 1 dihapus dari riwayat." in result.stdout
    assert history.entries() == []
