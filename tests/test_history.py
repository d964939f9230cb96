"""The history database: save and read back, migrations, concurrent writers, broken files."""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from kariersosial.core.errors import UsageError
from kariersosial.core.saved import Answer, Fit
from kariersosial.state import history
from kariersosial.state.history import HistoryError
from kariersosial.words.history_words import history_reason
from kariersosial.words.messages import words


def save_one(tag: str = "a", mode: str = "full") -> int:
    return history.save(
        created="2026-03-05T14:07:00+07:00",
        mode=mode,
        catalog_version="2026.11.1",
        detail={"status": "ok", "tag": tag},
        answers=[Answer("p01", "Saya suka data.", 4), Answer("p02", "Saya suka rapat.", None)],
        ranking=[Fit(1, "peran-a", f"Peran A {tag}", 71.25), Fit(2, "peran-b", "Peran B", 40.0)],
    )


def table_names(path: Path) -> set[str]:
    with sqlite3.connect(path) as conn:
        return {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}


def user_version(path: Path) -> int:
    conn = sqlite3.connect(path)
    try:
        value: int = conn.execute("PRAGMA user_version").fetchone()[0]
        return value
    finally:
        conn.close()


# --- saving and reading back ---------------------------------------------------------------


def test_a_saved_result_reads_back_whole(isolated_env: Path) -> None:
    number = save_one("x", mode="quick")
    assert number == 1
    assert history.db_path() == isolated_env / "riwayat.sqlite3"

    record = history.get(1)
    assert (record.id, record.created, record.mode) == (1, "2026-03-05T14:07:00+07:00", "quick")
    assert record.catalog_version == "2026.11.1"
    assert record.status == "ok"
    assert record.top == Fit(1, "peran-a", "Peran A x", 71.25)
    assert record.ranking == (
        Fit(1, "peran-a", "Peran A x", 71.25),
        Fit(2, "peran-b", "Peran B", 40.0),
    )
    assert record.answers == (
        Answer("p01", "Saya suka data.", 4),
        Answer("p02", "Saya suka rapat.", None),
    )
    assert record.answer_map() == {"p01": 4, "p02": None}
    assert record.detail == {"status": "ok", "tag": "x"}


def test_entries_list_oldest_first_with_the_top_role() -> None:
    for tag in "abc":
        save_one(tag)
    found = history.entries()
    assert [e.id for e in found] == [1, 2, 3]
    assert [e.top.role_name if e.top else None for e in found] == [
        "Peran A a",
        "Peran A b",
        "Peran A c",
    ]


def test_a_result_without_ranking_lists_without_a_top_role() -> None:
    history.save(
        created="2026-03-05T14:07:00+07:00",
        mode="quick",
        catalog_version="v",
        detail={"status": "not_enough_answers"},
        answers=[Answer("p01", "x", 3)],
        ranking=[],
    )
    (entry,) = history.entries()
    assert entry.top is None
    assert entry.status == "not_enough_answers"


def test_reading_an_absent_history_creates_nothing(isolated_env: Path) -> None:
    assert history.entries() == []
    assert history.clear() == []
    with pytest.raises(UsageError) as caught:
        history.get(1)
    assert words(caught.value).message == "Tidak ada hasil nomor 1 di riwayat."
    assert not isolated_env.exists()


def test_delete_removes_the_answers_and_ranking_too_and_numbers_are_not_reused() -> None:
    save_one("a")
    save_one("b")
    history.delete(1)
    with pytest.raises(UsageError) as missing:
        history.get(1)
    assert "nomor 1" in words(missing.value).message
    with pytest.raises(UsageError) as missing:
        history.delete(1)
    assert "nomor 1" in words(missing.value).message
    with sqlite3.connect(history.db_path()) as conn:
        assert conn.execute("SELECT COUNT(*) FROM answers WHERE result_id = 1").fetchone() == (0,)
        assert conn.execute("SELECT COUNT(*) FROM ranking WHERE result_id = 1").fetchone() == (0,)
    assert len(history.clear()) == 1
    assert history.entries() == []
    assert save_one("c") == 3  # a number someone wrote down never points at another result


# --- migrations ------------------------------------------------------------------------------


def test_a_new_database_is_at_the_current_schema_in_wal_mode() -> None:
    save_one()
    path = history.db_path()
    assert user_version(path) == history.schema_version() == 1
    assert {"results", "answers", "ranking"} <= table_names(path)
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_an_empty_file_is_migrated_from_version_0(isolated_env: Path) -> None:
    isolated_env.mkdir()
    history.db_path().write_bytes(b"")
    assert history.entries() == []
    assert user_version(history.db_path()) == 1
    assert save_one() == 1


def test_a_version_0_database_with_other_tables_is_migrated_and_keeps_them(
    isolated_env: Path,
) -> None:
    isolated_env.mkdir()
    with sqlite3.connect(history.db_path()) as conn:
        conn.execute("CREATE TABLE catatan (isi TEXT)")
        conn.execute("INSERT INTO catatan VALUES ('tetap ada')")
    assert user_version(history.db_path()) == 0

    assert save_one() == 1
    assert user_version(history.db_path()) == 1
    with sqlite3.connect(history.db_path()) as conn:
        assert conn.execute("SELECT isi FROM catatan").fetchall() == [("tetap ada",)]


def test_migrations_run_in_order_from_the_stored_version(monkeypatch: pytest.MonkeyPatch) -> None:
    save_one("lama")
    later = [
        *history.MIGRATIONS,
        ("ALTER TABLE results ADD COLUMN catatan TEXT", "UPDATE results SET catatan = 'v2'"),
    ]
    monkeypatch.setattr(history, "MIGRATIONS", later)

    record = history.get(1)  # opening migrates 1 -> 2 and keeps the row
    assert record.top is not None and record.top.role_name == "Peran A lama"
    assert user_version(history.db_path()) == 2
    with sqlite3.connect(history.db_path()) as conn:
        assert conn.execute("SELECT catatan FROM results").fetchall() == [("v2",)]


def test_a_failed_migration_leaves_the_database_as_it_was(monkeypatch: pytest.MonkeyPatch) -> None:
    save_one()
    broken = [*history.MIGRATIONS, ("ALTER TABLE results ADD COLUMN x TEXT", "BUKAN SQL")]
    monkeypatch.setattr(history, "MIGRATIONS", broken)
    with pytest.raises(HistoryError):
        history.entries()
    assert user_version(history.db_path()) == 1
    with sqlite3.connect(history.db_path()) as conn:
        columns = [r[1] for r in conn.execute("PRAGMA table_info(results)")]
    assert "x" not in columns
    assert history.db_path().exists()  # not set aside: the file itself is fine


def test_a_database_from_a_newer_version_is_refused_and_left_alone(isolated_env: Path) -> None:
    isolated_env.mkdir()
    with sqlite3.connect(history.db_path()) as conn:
        conn.execute("PRAGMA user_version = 7")
    with pytest.raises(HistoryError) as caught:
        save_one()
    assert "versi kariersosial yang lebih baru" in history_reason(caught.value)
    assert user_version(history.db_path()) == 7
    assert [p.name for p in isolated_env.iterdir()] == ["riwayat.sqlite3"]


# --- two terminals at once ---------------------------------------------------------------------


def test_many_threads_saving_at_once_all_save() -> None:
    save_one("first")  # the schema exists; the writers only race on inserts
    start = threading.Barrier(8)
    numbers: list[int] = []
    errors: list[BaseException] = []

    def writer(tag: str) -> None:
        start.wait()
        try:
            numbers.append(save_one(tag))
        except BaseException as exc:  # pragma: no cover - reported below
            errors.append(exc)

    threads = [threading.Thread(target=writer, args=(str(i),)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    assert sorted(numbers) == list(range(2, 10))
    assert len(history.entries()) == 9


SAVE_SCRIPT = """
import sys
from kariersosial.state import history
from kariersosial.core.saved import Answer, Fit
print(history.save(created="2026-01-01T00:00:00+00:00", mode="full", catalog_version="v",
    detail={}, answers=[Answer("p01", "x", 5)], ranking=[Fit(1, "r", sys.argv[1], 50.0)]))
"""


@pytest.mark.slow
def test_two_processes_finishing_while_the_database_is_busy_both_save(
    isolated_env: Path,
) -> None:
    """The busy timeout makes a writer wait for another's lock instead of failing."""
    save_one("first")
    holder = sqlite3.connect(history.db_path(), isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # another terminal in the middle of a write
    holder.execute(
        "INSERT INTO results (created, mode, catalog_version, status, detail) "
        "VALUES ('t', 'full', 'v', 'ok', '{}')"
    )
    env = {**os.environ, "KARIERSOSIAL_HOME": str(isolated_env)}
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", SAVE_SCRIPT, name],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for name in ("terminal-1", "terminal-2")
    ]
    try:
        with pytest.raises(subprocess.TimeoutExpired):
            procs[0].wait(timeout=0.6)  # still waiting for the lock
    finally:
        holder.execute("COMMIT")
        holder.close()
    outputs = [p.communicate(timeout=30) for p in procs]
    assert [p.returncode for p in procs] == [0, 0], outputs
    names = {e.top.role_name for e in history.entries() if e.top}
    assert {"terminal-1", "terminal-2"} <= names
    assert len(history.entries()) == 4


def test_a_lock_held_too_long_is_reported_not_waited_out(monkeypatch: pytest.MonkeyPatch) -> None:
    save_one()
    monkeypatch.setattr(history, "BUSY_TIMEOUT", 0.2)
    holder = sqlite3.connect(history.db_path(), isolation_level=None)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(HistoryError) as caught:
            save_one("b")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "dikunci program lain" in history_reason(caught.value)
    assert words(caught.value).hint is not None and "terminal lain" in words(caught.value).hint
    assert len(history.entries()) == 1


# --- files that cannot be used -----------------------------------------------------------------


def test_a_corrupt_file_is_set_aside_and_the_next_save_starts_fresh(isolated_env: Path) -> None:
    isolated_env.mkdir()
    garbage = os.urandom(8192)
    history.db_path().write_bytes(garbage)
    (isolated_env / "riwayat.sqlite3-wal").write_bytes(b"wal lama")

    with pytest.raises(HistoryError) as caught:
        save_one()
    moved = caught.value.set_aside
    assert moved is not None and moved.name.startswith("riwayat.sqlite3.rusak-")
    assert moved.read_bytes() == garbage  # kept as it was, not overwritten
    assert "rusak" in history_reason(caught.value) and moved.name in history_reason(caught.value)
    assert not history.db_path().exists()
    # A stale WAL must never be replayed into the fresh database (SQLite may remove it itself).
    assert not (isolated_env / "riwayat.sqlite3-wal").exists()

    assert save_one() == 1
    assert len(history.entries()) == 1


def test_reading_a_corrupt_file_also_sets_it_aside(isolated_env: Path) -> None:
    isolated_env.mkdir()
    history.db_path().write_bytes(b"SQLite format 3\x00" + os.urandom(4000))
    with pytest.raises(HistoryError) as caught:
        history.entries()
    assert "rusak" in words(caught.value).message
    assert len(list(isolated_env.glob("riwayat.sqlite3.rusak-*"))) == 1
    assert history.entries() == []


def test_a_data_folder_that_cannot_be_made_is_explained(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "berkas-biasa"
    blocker.write_text("bukan folder\n", encoding="utf-8")
    monkeypatch.setenv("KARIERSOSIAL_HOME", str(blocker / "kariersosial"))
    with pytest.raises(HistoryError) as caught:
        save_one()
    assert "tidak bisa dibuat" in history_reason(caught.value)
    assert "bukan folder" in history_reason(caught.value)
    assert words(caught.value).hint is not None and "KARIERSOSIAL_HOME" in words(caught.value).hint
    assert blocker.read_text(encoding="utf-8") == "bukan folder\n"
