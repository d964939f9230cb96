"""A finished result is never lost (issue 11): it stays on disk until the history has it.

The progress file stays until the result is stored (or kept in a file); a result the history
cannot take is kept in hasil-belum-tersimpan/, also when the person presses Ctrl-C at the
export offer or while a locked history is waited for; the next `kariersosial history` (or
the next quiz that saves) stores it. A progress file is checked field by field on read.
"""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import stat
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner, Result

from helpers import flat, squash
from kariersosial.cli import quiz as cli_quiz
from kariersosial.cli.app import app
from kariersosial.core.models import Catalog
from kariersosial.core.progress import Progress
from kariersosial.flows import session
from kariersosial.state import history, pending, store
from kariersosial.ui import screen

DIGITS = "441354434352523215355231134513435254"


@pytest.fixture
def answers_file(tmp_path: Path) -> Path:
    path = tmp_path / "jawaban.txt"
    path.write_text(
        "\n".join(f"p{i:02d}={d}" for i, d in enumerate(DIGITS, start=1)), encoding="utf-8"
    )
    return path


def quiz(runner: CliRunner, answers: Path, *extra: str) -> Result:
    return runner.invoke(app, ["quiz", "--answers", str(answers), *extra])


def kept_files() -> list[Path]:
    return sorted(pending.pending_dir().glob("*.json"))


def corrupt_history(home: Path) -> None:
    home.mkdir(exist_ok=True)
    history.db_path().write_bytes(os.urandom(4096))


def stored_answers(number: int) -> dict[str, int | None]:
    return history.get(number).answer_map()


def file_answers(catalog: Catalog) -> dict[str, int | None]:
    """What the answers file says, statement by statement (the rest skipped)."""
    given = {f"p{i:02d}": int(d) for i, d in enumerate(DIGITS, start=1)}
    return {q.id: given.get(q.id) for q in catalog.questions}


# --- Ctrl-C at the export offer ----------------------------------------------------------------


def test_ctrl_c_at_the_export_offer_keeps_the_result_and_history_stores_it(
    runner: CliRunner,
    answers_file: Path,
    isolated_env: Path,
    monkeypatch: pytest.MonkeyPatch,
    catalog: Catalog,
) -> None:
    corrupt_history(isolated_env)
    monkeypatch.setattr(screen, "interactive", lambda: True)

    def ctrl_c(question: str, default: bool) -> bool:
        raise KeyboardInterrupt

    monkeypatch.setattr(screen, "ask_yes_no", ctrl_c)
    result = quiz(runner, answers_file)
    assert result.exit_code == 130, result.output
    (kept,) = kept_files()
    err = squash(result.stderr)
    assert squash(f"Hasilmu disimpan sementara di {kept};") in err
    assert err.endswith(
        squash(
            f"Dihentikan. Hasilmu tetap disimpan sementara di {kept}. Jalankan `kariersosial "
            "history` begitu riwayat bisa dipakai lagi; hasil itu akan masuk ke riwayat."
        )
    )
    data = json.loads(kept.read_text(encoding="utf-8"))
    assert data["mode"] == "full"
    assert {a[0]: a[2] for a in data["answers"]} == file_answers(catalog)

    listed = runner.invoke(app, ["history"])
    assert listed.exit_code == 0, listed.output
    assert "1 hasil yang sebelumnya belum tersimpan kini masuk riwayat (nomor 1)." in flat(
        listed.stdout
    )
    assert "Riwayat hasil kuis (1)" in flat(listed.stdout)
    assert stored_answers(1) == file_answers(catalog)
    assert history.get(1).created == data["created"]
    assert not pending.pending_dir().exists()  # stored, so nothing waits any more


def test_ctrl_c_at_the_file_name_prompt_keeps_the_result_too(
    runner: CliRunner, answers_file: Path, isolated_env: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    corrupt_history(isolated_env)
    monkeypatch.setattr(screen, "interactive", lambda: True)
    monkeypatch.setattr(screen, "ask_yes_no", lambda q, default: True)

    def ctrl_c(question: str, default: str, check: object) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(screen, "ask_path", ctrl_c)
    result = quiz(runner, answers_file)
    assert result.exit_code == 130
    (kept,) = kept_files()
    assert squash(f"Dihentikan. Hasilmu tetap disimpan sementara di {kept}.") in squash(
        result.stderr
    )


def test_without_a_terminal_the_message_names_the_kept_file(
    runner: CliRunner, answers_file: Path, isolated_env: Path
) -> None:
    corrupt_history(isolated_env)
    result = quiz(runner, answers_file)
    assert result.exit_code == 0
    (kept,) = kept_files()
    assert squash(
        f"Hasilmu disimpan sementara di {kept}; `kariersosial history` memasukkannya ke riwayat "
        "begitu riwayat bisa dipakai lagi."
    ) in squash(result.stderr)
    if os.name == "posix":
        assert stat.S_IMODE(kept.stat().st_mode) == 0o600  # private state


# --- the progress file stays until the history has the result ---------------------------------


@pytest.fixture
def finished_quiz(catalog: Catalog, monkeypatch: pytest.MonkeyPatch) -> Progress:
    """`kariersosial quiz` in a terminal, answered to the end (the progress file is on disk)."""
    ids = [f"p{i:02d}" for i in range(1, len(DIGITS) + 1)]
    answers: dict[str, int | None] = dict(zip(ids, map(int, DIGITS), strict=True))
    done = Progress(catalog.version, "full", answers, tuple(ids))

    def answered(cat: Catalog, **kwargs: Any) -> Progress:
        store.save_progress(done)
        return done

    monkeypatch.setattr(cli_quiz, "interactive", lambda: True)
    monkeypatch.setattr(session, "interactive_quiz", answered)
    return done


def test_the_progress_file_stays_until_the_result_is_saved(
    runner: CliRunner, finished_quiz: Progress, monkeypatch: pytest.MonkeyPatch
) -> None:
    seen: list[bool] = []
    real_save = history.save

    def spy(**fields: Any) -> int:
        seen.append(store.progress_path().exists())
        return real_save(**fields)

    monkeypatch.setattr(history, "save", spy)
    result = runner.invoke(app, ["quiz"])
    assert result.exit_code == 0, result.output
    assert seen == [True]  # still there while the history was written
    assert not store.progress_path().exists()  # and gone once it was
    assert stored_answers(1) == finished_quiz.answers


def test_ctrl_c_while_a_locked_history_is_waited_for_keeps_the_result(
    runner: CliRunner, finished_quiz: Progress, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_save = history.save

    def waiting_then_ctrl_c(**fields: Any) -> int:
        assert store.progress_path().exists()
        raise KeyboardInterrupt  # what Ctrl-C does during the up-to-5 s busy wait

    monkeypatch.setattr(history, "save", waiting_then_ctrl_c)
    result = runner.invoke(app, ["quiz"])
    assert result.exit_code == 130, result.output
    (kept,) = kept_files()
    assert squash(result.stderr).startswith(
        squash(f"Dihentikan. Hasilmu tetap disimpan sementara di {kept}.")
    )
    assert not store.progress_path().exists()  # the kept file has it now: no double result
    monkeypatch.setattr(history, "save", real_save)  # the history works again
    listed = runner.invoke(app, ["history", "--json"])
    assert listed.exit_code == 0, listed.output
    assert [r["number"] for r in json.loads(listed.stdout)["results"]] == [1]
    assert stored_answers(1) == finished_quiz.answers


def test_when_nothing_can_be_written_the_progress_file_is_left(
    runner: CliRunner, finished_quiz: Progress, monkeypatch: pytest.MonkeyPatch
) -> None:
    def locked(**fields: Any) -> int:
        raise history.HistoryError("history_busy", seconds="5")

    def disk_full(finished: pending.Finished) -> Path:
        raise store.StateError("result_not_kept", folder="x", errno=errno.ENOSPC)

    monkeypatch.setattr(history, "save", locked)
    monkeypatch.setattr(pending, "keep", disk_full)
    result = runner.invoke(app, ["quiz"])
    assert result.exit_code == 0, result.output
    assert "Hasilmu juga tidak bisa disimpan sementara di x (disk penuh)." in flat(result.stderr)
    assert store.progress_path().exists()  # the answers are still there to resume


def test_a_locked_history_keeps_the_result_and_the_next_quiz_stores_it(
    runner: CliRunner, answers_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert quiz(runner, answers_file, "--json").exit_code == 0  # number 1
    monkeypatch.setattr(history, "BUSY_TIMEOUT", 0.2)
    holder = sqlite3.connect(history.db_path(), isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        locked = quiz(runner, answers_file, "--quick")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert locked.exit_code == 0
    assert "dikunci program lain" in flat(locked.stderr)
    (kept,) = kept_files()

    again = quiz(runner, answers_file)
    assert again.exit_code == 0, again.output
    out = flat(again.stdout)
    assert "Hasil disimpan sebagai nomor 2" in out
    assert "1 hasil yang sebelumnya belum tersimpan kini masuk riwayat (nomor 3)." in out
    assert history.get(3).mode == "quick"
    assert not kept.exists()


def test_no_save_keeps_nothing(runner: CliRunner, answers_file: Path, isolated_env: Path) -> None:
    corrupt_history(isolated_env)
    assert quiz(runner, answers_file, "--no-save").exit_code == 0
    assert kept_files() == []


# --- kept files are checked before they are stored ----------------------------------------------


def test_a_damaged_kept_file_is_set_aside_and_the_others_stored(
    runner: CliRunner, answers_file: Path, isolated_env: Path
) -> None:
    corrupt_history(isolated_env)
    assert quiz(runner, answers_file).exit_code == 0
    (good,) = kept_files()
    bad = good.with_name("00000000-000000-rusak.json")
    data = json.loads(good.read_text(encoding="utf-8"))
    data["ranking"][0][3] = "tinggi"
    bad.write_text(json.dumps(data), encoding="utf-8")

    listed = runner.invoke(app, ["history"])
    assert listed.exit_code == 0, listed.output
    err = squash(listed.stderr)
    assert err.startswith(
        squash(
            f"Hasil tertunda {bad.name} rusak (ranking[0].fit: harus berupa angka); disisihkan "
            f"sebagai {bad.name}.rusak-"
        )
    )
    assert "1 hasil yang sebelumnya belum tersimpan kini masuk riwayat (nomor 1)." in flat(
        listed.stdout
    )
    assert kept_files() == []


def test_a_file_another_run_has_claimed_is_left_to_it(isolated_env: Path) -> None:
    folder = pending.pending_dir()
    folder.mkdir(parents=True)
    (folder / ".20260101-000000-x.json.4242").write_text("{}", encoding="utf-8")
    assert pending.store_all() == ([], [])
    assert not history.db_path().exists()


# --- the progress file is checked field by field ------------------------------------------------


@pytest.mark.parametrize(
    ("field", "value"),
    [("mode", "kilat"), ("mode", None), ("updated", 5), ("schema", True), ("asked", ["p01"] * 2)],
    ids=["mode-unknown", "mode-null", "updated-number", "schema-true", "asked-twice"],
)
def test_a_progress_file_with_a_bad_field_is_set_aside(
    isolated_env: Path, catalog: Catalog, field: str, value: Any
) -> None:
    raw = {
        "schema": 1,
        "catalog_version": catalog.version,
        "mode": "full",
        "asked": ["p01"],
        "answers": {"p01": 4},
        "updated": "",
        field: value,
    }
    isolated_env.mkdir()
    store.progress_path().write_text(json.dumps(raw), encoding="utf-8")
    loaded, notice = store.load_progress(catalog.version, {q.id for q in catalog.questions})
    assert loaded is None
    assert notice is not None and "rusak (isinya tidak sesuai format)" in notice
    (moved,) = isolated_env.glob("kemajuan.json.rusak-*")
    assert json.loads(moved.read_text(encoding="utf-8")) == raw
