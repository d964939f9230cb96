"""Hardening, writing: every output goes through one writer, and system errors are Indonesian.

Grouped by mechanism: the atomic writer (no partial file, permissions), what it refuses to
overwrite, full disks, stdout at the edge, long and unusual names, and the operating system's
and SQLite's messages.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import sqlite3
import stat
import subprocess
import sys
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from helpers import flat, ok, refused, squash
from kariersosial.cli.app import app
from kariersosial.core.errors import UsageError
from kariersosial.core.models import Catalog
from kariersosial.state import history
from kariersosial.words.history_words import history_reason
from kariersosial.words.messages import words
from kariersosial.words.os_words import os_reason

LINUX = sys.platform.startswith("linux")
FULL = Path("/dev/full")
LONG = "a" * 300  # one path component over the usual 255-byte limit
TOO_LONG = "(nama berkas atau foldernya terlalu panjang)"
ANSWERS = "441354434352523215355231134513435254"


def cli(*args: str, home: Path, **kw: Any) -> subprocess.CompletedProcess[str]:
    """The installed entry point in a real process, for real file descriptors."""
    env = {**os.environ, "KARIERSOSIAL_HOME": str(home), "NO_COLOR": "1", "COLUMNS": "100"}
    kw.setdefault("stdout", subprocess.PIPE)
    return subprocess.run(
        [sys.executable, "-m", "kariersosial", *args],
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        timeout=120,  # a safety net only
        check=False,
        **kw,
    )


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    path = tmp_path / "jawaban.txt"
    path.write_text("".join(f"p{i:02d}={d}\n" for i, d in enumerate(ANSWERS, 1)), "utf-8")
    return path


@pytest.fixture
def class_file(tmp_path: Path, catalog: Catalog) -> Path:
    ids = [q.id for q in catalog.questions]
    rows = ["nama," + ",".join(ids)]
    rows += [f"s{n}," + ",".join(str(1 + (n + i) % 5) for i in range(len(ids))) for n in range(40)]
    path = tmp_path / "kelas.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def saved(runner: CliRunner, answers_file: Path) -> int:
    ok(runner.invoke(app, ["quiz", "--answers", str(answers_file), "--json"]))
    return 1


@pytest.fixture
def umask_022() -> Iterator[None]:
    old = os.umask(0o022)
    yield
    os.umask(old)


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


# --- the atomic writer: whole or nothing, usual permissions --------------------------------------


def test_an_interrupted_score_leaves_no_partial_file(
    runner: CliRunner, class_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from kariersosial.io import batch

    rows = batch.Responses.__iter__

    def interrupted(self: batch.Responses) -> Iterator[object]:
        for count, item in enumerate(rows(self)):
            if count == 5:
                raise KeyboardInterrupt
            yield item

    monkeypatch.setattr(batch.Responses, "__iter__", interrupted)
    out = tmp_path / "hasil" / "kelas-hasil.csv"
    out.parent.mkdir()
    result = refused(runner.invoke(app, ["score", str(class_file), "-o", str(out)]), 130)
    # the column notes come first (which column was read as what), then only this
    assert result.stderr.strip().splitlines()[-1] == "Dihentikan."
    assert list(out.parent.iterdir()) == []  # neither the result nor a temporary file


def file_size_limit(size: int) -> Callable[[], None]:
    """For a child process: files cannot grow past `size` bytes, like a nearly full disk."""

    def limit() -> None:
        import resource

        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    return limit


@pytest.mark.skipif(not LINUX, reason="RLIMIT_FSIZE as a small real disk limit (Linux)")
def test_score_past_a_file_size_limit_leaves_no_partial_file(
    class_file: Path, tmp_path: Path
) -> None:
    limit = file_size_limit(2048)

    out_dir = tmp_path / "keluar"
    out_dir.mkdir()
    done = cli(
        "score", str(class_file), "-o", str(out_dir / "h.csv"), home=tmp_path, preexec_fn=limit
    )
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert (
        f"Masalah: Tidak bisa menulis {out_dir / 'h.csv'} (berkasnya melebihi batas ukuran)."
        in flat(done.stderr)
    )
    assert list(out_dir.iterdir()) == []


def test_a_new_report_gets_the_usual_permissions(
    runner: CliRunner, saved: int, tmp_path: Path, answers_file: Path, umask_022: None
) -> None:
    report = tmp_path / "hasil.html"
    ok(runner.invoke(app, ["export", "1", "-o", str(report)]))
    assert stat.S_IMODE(report.stat().st_mode) == 0o644  # 0666 less the umask, not 0600
    quiz_report = tmp_path / "kuis.md"
    ok(runner.invoke(app, ["quiz", "--answers", str(answers_file), "--export", str(quiz_report)]))
    assert stat.S_IMODE(quiz_report.stat().st_mode) == 0o644


def test_a_replaced_file_keeps_its_permissions(
    runner: CliRunner, saved: int, tmp_path: Path, umask_022: None
) -> None:
    shared = tmp_path / "dibagikan.md"
    shared.write_text("lama\n", encoding="utf-8")
    shared.chmod(0o644)
    ok(runner.invoke(app, ["export", "1", "-o", str(shared), "--force"]))
    assert stat.S_IMODE(shared.stat().st_mode) == 0o644  # was 0600 after --force
    private = tmp_path / "pribadi.md"
    private.write_text("lama\n", encoding="utf-8")
    private.chmod(0o600)
    ok(runner.invoke(app, ["export", "1", "-o", str(private), "--force"]))
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert private.read_text(encoding="utf-8").startswith("# Hasil kuis kariersosial")


def test_a_file_that_appears_while_writing_is_not_clobbered(tmp_path: Path) -> None:
    from kariersosial.io.writing import check_target, open_target

    path = tmp_path / "hasil.md"
    target = check_target(path, force=False)
    refusal = pytest.raises(UsageError)
    with refusal as caught, open_target(target) as out:
        out.write("baru\n")
        path.write_text("dibuat program lain\n", encoding="utf-8")
    assert "sudah ada; kariersosial tidak menimpanya" in words(caught.value).message
    assert path.read_text(encoding="utf-8") == "dibuat program lain\n"
    assert leftovers(tmp_path) == []


# --- what is never overwritten ------------------------------------------------------------------


@pytest.mark.parametrize("command", ["score", "form"])
def test_output_does_not_overwrite_without_force(
    runner: CliRunner, class_file: Path, tmp_path: Path, command: str
) -> None:
    target = tmp_path / "ada.csv"
    target.write_text("catatan penting\n", encoding="utf-8")
    args = [command, *([str(class_file)] if command == "score" else []), "-o", str(target)]
    result = refused(runner.invoke(app, args), 2)
    assert flat(result.stderr) == (
        f"Masalah: Berkas {target} sudah ada; kariersosial tidak menimpanya. "
        "Pakai --force untuk menimpanya, atau pilih nama berkas lain."
    )
    assert target.read_text(encoding="utf-8") == "catatan penting\n"
    ok(runner.invoke(app, [*args, "--force"]))
    assert target.read_bytes().startswith(b"\xef\xbb\xbf")  # the CSV, with its mark


def test_force_needs_an_output(runner: CliRunner) -> None:
    result = refused(runner.invoke(app, ["form", "--force"]), 2)
    assert "--force hanya berlaku bersama --output BERKAS." in result.stderr


def test_score_never_writes_over_a_hard_link_to_its_input(
    runner: CliRunner, class_file: Path, tmp_path: Path
) -> None:
    link = tmp_path / "tautan.csv"
    os.link(class_file, link)
    before = class_file.read_bytes()
    result = refused(runner.invoke(app, ["score", str(class_file), "-o", str(link), "--force"]), 2)
    assert f"Berkas hasil '{link}' sama dengan berkas jawaban; jawabannya akan tertimpa." in flat(
        result.stderr
    )
    assert class_file.read_bytes() == before


def test_score_never_writes_over_the_file_stdin_comes_from(
    class_file: Path, tmp_path: Path
) -> None:
    before = class_file.read_bytes()
    with class_file.open("rb") as stdin:
        done = cli("score", "-", "-o", str(class_file), "--force", home=tmp_path, stdin=stdin)
    assert done.returncode == 2, done.stderr
    assert "sama dengan berkas jawaban; jawabannya akan tertimpa." in flat(done.stderr)
    assert class_file.read_bytes() == before


def test_quiz_export_never_writes_over_its_answers_or_the_history(
    runner: CliRunner, answers_file: Path, saved: int
) -> None:
    before = answers_file.read_bytes()
    args = ["quiz", "--answers", str(answers_file), "--export", str(answers_file)]
    result = refused(runner.invoke(app, [*args, "--format", "md", "--force"]), 2)
    assert "sama dengan berkas jawaban; jawabannya akan tertimpa." in flat(result.stderr)
    assert answers_file.read_bytes() == before
    database = history.db_path()
    result = refused(
        runner.invoke(app, ["export", "1", "-o", str(database), "-f", "md", "--force"]), 2
    )
    assert "sama dengan riwayat hasil; riwayatnya akan tertimpa." in flat(result.stderr)
    assert len(history.entries()) == 1


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_force_never_replaces_a_fifo(runner: CliRunner, saved: int, tmp_path: Path) -> None:
    fifo = tmp_path / "pipa"
    os.mkfifo(fifo)
    result = refused(runner.invoke(app, ["export", "1", "-o", str(fifo), "-f", "md", "--force"]), 1)
    assert "tidak ada yang membaca di ujung lainnya" in flat(result.stderr)  # and no wait
    assert stat.S_ISFIFO(fifo.lstat().st_mode)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()), daemon=True)
    reader.start()
    for _ in range(10_000):  # until the reader has the pipe open; each failed try is instant
        done = runner.invoke(app, ["export", "1", "-o", str(fifo), "-f", "md", "--force"])
        if done.exit_code == 0:
            break
    reader.join(timeout=60)
    assert done.exit_code == 0, done.output
    assert b"# Hasil kuis kariersosial" in received[0]
    assert stat.S_ISFIFO(fifo.lstat().st_mode)


@pytest.mark.skipif(not LINUX or os.geteuid() != 0, reason="making a device node needs root")
def test_force_never_replaces_a_device_node(runner: CliRunner, saved: int, tmp_path: Path) -> None:
    node = tmp_path / "null"
    os.mknod(node, stat.S_IFCHR | 0o666, os.makedev(1, 3))  # a second /dev/null
    ok(runner.invoke(app, ["export", "1", "-o", str(node), "-f", "md", "--force"]))
    assert stat.S_ISCHR(node.lstat().st_mode)  # written into, not replaced by a regular file


@pytest.mark.skipif(not Path("/dev/stdout").exists(), reason="needs /dev/stdout")
def test_dev_stdout_is_written_into_not_replaced(tmp_path: Path) -> None:
    log = tmp_path / "log.md"
    log.write_text("catatan\n", encoding="utf-8")
    with log.open("a") as out:  # `>> log.md`: what the shell opened is kept and continued
        done = cli("form", "-o", "/dev/stdout", home=tmp_path, stdout=out)
    assert done.returncode == 0, done.stderr
    assert log.read_text(encoding="utf-8").startswith("catatan\n# ")


def test_a_directory_is_refused_even_with_force(runner: CliRunner, tmp_path: Path) -> None:
    result = refused(runner.invoke(app, ["form", "-o", str(tmp_path), "--force"]), 2)
    assert f"{tmp_path} adalah folder, bukan berkas." in flat(result.stderr)


# --- full disks ---------------------------------------------------------------------------------


@pytest.mark.skipif(not FULL.exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("command", ["score", "form"])
def test_output_to_a_full_device_is_a_clear_failure(
    class_file: Path, tmp_path: Path, command: str
) -> None:
    args = [command, *([str(class_file)] if command == "score" else []), "-o", str(FULL)]
    done = cli(*args, home=tmp_path)
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert flat(done.stderr).endswith(
        "Masalah: Tidak bisa menulis /dev/full (disk penuh). Kosongkan sebagian ruang disk atau "
        "tulis ke tempat lain, lalu coba lagi."
    )
    assert stat.S_ISCHR(FULL.stat().st_mode)


@pytest.fixture
def small_disk(tmp_path: Path) -> Iterator[Path]:
    """A real 64 KiB file system (tmpfs), when this test may mount one."""
    folder = tmp_path / "kecil"
    folder.mkdir()
    if not LINUX or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs needs root on Linux")
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", str(folder)], check=False)


def fill(disk: Path, leave: int) -> None:
    with (disk / "isi").open("wb") as f, contextlib.suppress(OSError):
        f.write(b"\0" * (64 * 1024 - leave))


def test_score_on_a_full_file_system_leaves_no_partial_file(
    class_file: Path, small_disk: Path
) -> None:
    fill(small_disk, 8 * 1024)
    done = cli("score", str(class_file), "-o", str(small_disk / "h.csv"), home=small_disk)
    assert done.returncode == 1, done.stderr
    assert f"Tidak bisa menulis {small_disk / 'h.csv'} (disk penuh)." in flat(done.stderr)
    assert sorted(p.name for p in small_disk.iterdir()) == ["isi"]


def test_a_full_disk_while_the_history_is_created_says_so(
    answers_file: Path, small_disk: Path
) -> None:
    fill(small_disk, 40 * 1024)  # room for the file, not for the tables
    home = small_disk / "data"
    done = cli("quiz", "--answers", str(answers_file), home=home)
    assert done.returncode == 0, done.stderr  # the result is on screen
    assert "Hasilmu tidak disimpan ke riwayat: disk penuh." in flat(done.stderr)
    assert "rollback" not in done.stderr


def test_a_failed_migration_reports_its_own_cause(tmp_path: Path) -> None:
    """SQLite rolls back by itself on a full disk; the second ROLLBACK must not hide why."""

    class FullDisk(sqlite3.Connection):
        def execute(self, sql: str, *args: Any) -> sqlite3.Cursor:
            if "CREATE TABLE ranking" in sql:
                super().execute("ROLLBACK")  # what SQLite does itself on SQLITE_FULL
                error = sqlite3.OperationalError("database or disk is full")
                error.sqlite_errorname = "SQLITE_FULL"  # type: ignore[attr-defined]
                raise error
            return super().execute(sql, *args)

    conn = sqlite3.connect(tmp_path / "r.sqlite3", factory=FullDisk, isolation_level=None)
    with pytest.raises(sqlite3.OperationalError, match="database or disk is full") as caught:
        history.migrate(conn)
    conn.close()
    assert history_reason(history._explain(caught.value, tmp_path / "r.sqlite3")) == "disk penuh"


# --- stdout at the edge -------------------------------------------------------------------------


@pytest.mark.skipif(not FULL.exists(), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize(
    "args",
    [
        ["export", "1"],
        ["export", "1", "-f", "json"],
        ["history"],
        ["history", "show", "1"],
        ["form"],
        ["validate"],
        ["score", "KELAS"],
    ],
)
def test_every_command_reports_a_full_stdout_once(
    args: list[str], runner: CliRunner, tmp_path: Path, answers_file: Path, class_file: Path
) -> None:
    # the saved result only sets the stage (in-process); the full stdout needs a real process
    home = {"KARIERSOSIAL_HOME": str(tmp_path)}
    ok(runner.invoke(app, ["quiz", "--answers", str(answers_file)], env=home))
    args = [str(class_file) if a == "KELAS" else a for a in args]
    with FULL.open("w") as full:
        done = cli(*args, home=tmp_path, stdout=full)
    assert done.returncode == 1, done.stderr
    assert done.stderr.strip().splitlines()[-1] == (
        "Masalah: keluaran tidak bisa ditulis (disk penuh). Kosongkan ruang disk atau tulis ke "
        "tempat lain, lalu coba lagi."
    )
    assert "Traceback" not in done.stderr


def test_a_quiz_whose_screen_is_a_full_disk_still_keeps_its_result(
    runner: CliRunner, tmp_path: Path, answers_file: Path
) -> None:
    with FULL.open("w") as full:
        done = cli("quiz", "--answers", str(answers_file), home=tmp_path, stdout=full)
    assert done.returncode == 1, done.stderr
    assert "keluaran tidak bisa ditulis (disk penuh)" in done.stderr
    listed = ok(runner.invoke(app, ["history", "--json"], env={"KARIERSOSIAL_HOME": str(tmp_path)}))
    assert [r["number"] for r in json.loads(listed.stdout)["results"]] == [1]


# --- long and unusual names ---------------------------------------------------------------------


def test_validate_a_file_name_too_long(runner: CliRunner, tmp_path: Path) -> None:
    name = tmp_path / f"{LONG}.json"
    result = refused(runner.invoke(app, ["validate", str(name)]), 1)
    assert f"tidak bisa dibaca {TOO_LONG}" in flat(result.stderr)


def test_export_to_a_file_name_too_long(runner: CliRunner, saved: int, tmp_path: Path) -> None:
    name = tmp_path / f"{LONG}.html"
    result = refused(runner.invoke(app, ["export", "1", "-o", str(name)]), 2)
    assert squash(result.stderr).startswith(
        squash(f"Masalah: Tidak bisa menulis {name} {TOO_LONG}.")
    )


@pytest.mark.parametrize("command", ["score", "form"])
def test_output_to_a_file_name_too_long(
    runner: CliRunner, class_file: Path, tmp_path: Path, command: str
) -> None:
    name = tmp_path / f"{LONG}.csv"
    args = [command, *([str(class_file)] if command == "score" else []), "-o", str(name)]
    result = refused(runner.invoke(app, args), 2)
    assert squash(f"Tidak bisa menulis {name} {TOO_LONG}.") in squash(result.stderr)


@pytest.mark.parametrize("args", [["history"], ["history", "show", "1"], ["history", "clear"]])
def test_a_data_folder_name_too_long(
    runner: CliRunner, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    home = tmp_path / LONG
    monkeypatch.setenv("KARIERSOSIAL_HOME", str(home))
    result = refused(runner.invoke(app, args), 1)
    assert squash(
        f"Riwayat hasil tidak bisa dipakai: berkas riwayat {home / 'riwayat.sqlite3'} tidak bisa "
        f"dibuka {TOO_LONG}."
    ) in squash(result.stderr)


def test_quiz_with_a_data_folder_name_too_long_still_shows_the_result(
    runner: CliRunner, answers_file: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("KARIERSOSIAL_HOME", str(tmp_path / LONG))
    result = ok(runner.invoke(app, ["quiz", "--answers", str(answers_file)]))
    assert "Peringkat kecocokan" in result.stdout
    assert TOO_LONG in flat(result.stderr)
    assert "File name too long" not in result.stderr


@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symbolic links")
def test_a_symbolic_link_loop_is_explained(runner: CliRunner, saved: int, tmp_path: Path) -> None:
    loop = tmp_path / "putar.md"
    loop.symlink_to(loop)
    result = refused(runner.invoke(app, ["export", "1", "-o", str(loop), "--force"]), 2)
    assert "terlalu banyak tautan simbolik berantai" in flat(result.stderr)
    assert loop.is_symlink()  # not replaced by a regular file
    read = refused(runner.invoke(app, ["--data", str(loop), "roles"]), 2)
    assert "Too many levels" not in read.stderr
    assert "terlalu banyak tautan simbolik berantai" in flat(read.stderr)


# --- the operating system's and SQLite's messages, in Indonesian ----------------------------------


SYSTEM_ERRORS = [
    "ELOOP",
    "ENAMETOOLONG",
    "EIO",
    "EMFILE",
    "ENFILE",
    "EBUSY",
    "ETXTBSY",
    "EFBIG",
    "EDQUOT",
    "EXDEV",
    "ENXIO",
    "ENODEV",
    "EAGAIN",
    "EINVAL",
    "ENOTEMPTY",
    "ENOSPC",
    "EROFS",
    "EPIPE",
]


@pytest.mark.parametrize("name", [n for n in SYSTEM_ERRORS if hasattr(errno, n)])
def test_every_system_error_the_program_meets_is_in_indonesian(name: str) -> None:
    number = getattr(errno, name)
    reason = os_reason(OSError(number, os.strerror(number)))
    assert reason != os.strerror(number)
    assert not reason.startswith("kesalahan sistem")  # named, not only numbered


def test_an_unlisted_system_error_is_still_not_english() -> None:
    number = errno.EHOSTDOWN
    assert os_reason(OSError(number, os.strerror(number))) == "kesalahan sistem (EHOSTDOWN)"
    assert os_reason(OSError("no errno at all")) == "kesalahan sistem"


def test_write_errors_name_a_full_disk_and_say_what_to_do() -> None:
    from kariersosial.io.writing import WriteError, write_error

    full = write_error("hasil.csv", OSError(errno.ENOSPC, "No space left on device"))
    assert isinstance(full, WriteError) and full.exit_code == 1
    assert words(full).message == "Tidak bisa menulis hasil.csv (disk penuh)."
    assert (
        words(full).hint
        == "Kosongkan sebagian ruang disk atau tulis ke tempat lain, lalu coba lagi."
    )


@pytest.mark.skipif(not LINUX, reason="RLIMIT_FSIZE as a small real disk limit (Linux)")
def test_a_disk_io_error_in_the_history_is_in_indonesian(
    answers_file: Path, tmp_path: Path
) -> None:
    limit = file_size_limit(4096)

    done = cli("quiz", "--answers", str(answers_file), home=tmp_path / "data", preexec_fn=limit)
    assert done.returncode == 0, done.stderr  # the result is still shown
    assert "disk I/O error" not in done.stderr
    assert (
        "Hasilmu tidak disimpan ke riwayat: perangkat penyimpanannya gagal membaca atau menulis"
        in flat(done.stderr)
    )


def test_a_history_missing_a_table_is_set_aside_in_indonesian(
    runner: CliRunner, saved: int
) -> None:
    with sqlite3.connect(history.db_path()) as conn:
        conn.execute("DROP TABLE ranking")
    result = refused(runner.invoke(app, ["history"]), 1)
    assert "no such table" not in result.stderr
    assert (
        "susunan berkas riwayat tidak lengkap; berkas itu disisihkan sebagai riwayat.sqlite3.rusak-"
        in flat(result.stderr)
    )
    assert "Belum ada hasil kuis yang tersimpan." in ok(runner.invoke(app, ["history"])).stdout


@pytest.mark.parametrize(
    ("name", "english", "indonesian"),
    [
        (
            "SQLITE_IOERR_WRITE",
            "disk I/O error",
            "perangkat penyimpanannya gagal membaca atau menulis",
        ),
        ("SQLITE_BUSY", "database is locked", "dikunci program lain"),
        ("SQLITE_CORRUPT", "database disk image is malformed", "berkas riwayat rusak"),
        ("SQLITE_READONLY", "attempt to write a readonly database", "tidak ada izin menulis"),
        ("SQLITE_FULL", "database or disk is full", "disk penuh"),
        ("SQLITE_NOMEM", "out of memory", "memori tidak cukup"),
        ("SQLITE_MISUSE", "bad parameter or other API misuse", "masalah basis data"),
    ],
)
def test_sqlite_messages_are_in_indonesian(
    name: str, english: str, indonesian: str, isolated_env: Path
) -> None:
    isolated_env.mkdir(parents=True, exist_ok=True)
    history.db_path().write_bytes(b"")  # something to set aside for SQLITE_CORRUPT
    error = sqlite3.OperationalError(english)
    error.sqlite_errorname = name  # type: ignore[attr-defined]
    reason = history_reason(history._explain(error, history.db_path()))
    assert indonesian in reason
    assert english not in reason


def test_the_data_folder_is_readable_by_its_owner_only(tmp_path: Path, answers_file: Path) -> None:
    # answers are personal: on a shared school computer another account must not read them
    home = tmp_path / "data"
    done = cli("quiz", "--answers", str(answers_file), home=home)
    assert done.returncode == 0, done.stderr
    assert stat.S_IMODE(home.stat().st_mode) == 0o700
    assert (home / "riwayat.sqlite3").is_file()
