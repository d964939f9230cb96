"""Finished quizzes kept in a SQLite database in the user data folder. No typer or rich here.

The schema is versioned with `PRAGMA user_version`: `MIGRATIONS[i]` takes a database from
version i to i + 1, so a new (or empty, version 0) file is built by running them all. WAL mode
and a busy timeout let two terminals that finish a quiz at the same moment both save.
"""

from __future__ import annotations

import json
import os
import sqlite3
import stat
from collections.abc import Iterator, Mapping
from contextlib import closing, contextmanager, suppress
from pathlib import Path
from typing import Any

from kariersosial.core.errors import Fact, StateError, UsageError
from kariersosial.core.saved import Answer, Entry, Fit, Record
from kariersosial.state import store

DB_FILE = "riwayat.sqlite3"
BUSY_TIMEOUT = 5.0  # seconds to wait for another terminal's write before giving up
SIDE_FILES = ("-wal", "-shm")  # WAL mode's companions; set aside with the database
MAX_NUMBER = 2**63 - 1  # SQLite's largest integer; a larger number cannot be a result
NEARLY_FULL = 1 << 20  # bytes free below which an I/O error is taken to be a full disk

# Each migration is a list of statements run in one transaction (no executescript: it commits).
MIGRATIONS: list[tuple[str, ...]] = [
    (  # 0 -> 1: results, their answers and their ranking
        """
        CREATE TABLE results (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            created TEXT NOT NULL,
            mode TEXT NOT NULL CHECK (mode IN ('quick', 'full')),
            catalog_version TEXT NOT NULL,
            status TEXT NOT NULL,
            detail TEXT NOT NULL
        )
        """,
        """
        CREATE TABLE answers (
            result_id INTEGER NOT NULL REFERENCES results (id) ON DELETE CASCADE,
            position INTEGER NOT NULL,
            question_id TEXT NOT NULL,
            statement TEXT NOT NULL,
            value INTEGER CHECK (value BETWEEN 1 AND 5),
            PRIMARY KEY (result_id, question_id)
        )
        """,
        """
        CREATE TABLE ranking (
            result_id INTEGER NOT NULL REFERENCES results (id) ON DELETE CASCADE,
            rank INTEGER NOT NULL,
            role_id TEXT NOT NULL,
            role_name TEXT NOT NULL,
            fit REAL NOT NULL,
            PRIMARY KEY (result_id, rank)
        )
        """,
    ),
]


def schema_version() -> int:
    return len(MIGRATIONS)


class HistoryError(StateError):
    """The history database cannot be used; `reason` says why, in a few words."""

    def __init__(self, kind: str, /, *, set_aside: Path | None = None, **facts: Fact) -> None:
        super().__init__(kind, **facts)
        self.set_aside = set_aside


class DamagedRecord(StateError):
    """A stored result whose fields have the wrong types; it can still be deleted."""

    def __init__(self, number: int, problems: list[str]) -> None:
        super().__init__("damaged_record", number=number, problems=tuple(problems))
        self.number = number
        self.problems = problems


def db_path() -> Path:
    return store.data_dir() / DB_FILE


# --- opening -----------------------------------------------------------------------------------


@contextmanager
def opened(create: bool = True) -> Iterator[sqlite3.Connection | None]:
    """A migrated connection, or None when there is no database and `create` is False.

    Every failure becomes a HistoryError; a file that is not a usable database is set aside
    (never overwritten), so the next run starts a fresh one.
    """
    path = db_path()
    exists = _probe(path)
    if not create and not exists:
        yield None
        return
    try:
        from kariersosial.state.store import make_private_dir

        make_private_dir(path.parent)
    except OSError as exc:
        raise HistoryError(
            "history_folder_unmade", folder=str(path.parent), errno=exc.errno
        ) from None
    conn: sqlite3.Connection | None = None
    try:
        conn = sqlite3.connect(path, timeout=BUSY_TIMEOUT, isolation_level=None)
        _prepare(conn)
        yield conn
    except sqlite3.Error as exc:
        if conn is not None:
            conn.close()
            conn = None
        raise _explain(exc, path) from None
    finally:
        if conn is not None:
            conn.close()


def _probe(path: Path) -> bool:
    """Whether the database file is there; a name the system cannot use is explained first."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except (FileNotFoundError, NotADirectoryError):
        return False
    except OSError as exc:  # e.g. a data folder whose name is too long
        raise HistoryError("history_unopenable", path=str(path), errno=exc.errno) from None


def _prepare(conn: sqlite3.Connection) -> None:
    conn.execute(f"PRAGMA busy_timeout = {int(BUSY_TIMEOUT * 1000)}")
    conn.execute("PRAGMA foreign_keys = ON")
    version = _user_version(conn)  # reads the header: a file that is no database fails here
    if version > schema_version():
        raise HistoryError(
            "history_newer", path=str(db_path()), version=version, known=schema_version()
        )
    # A file system without WAL support keeps the rollback journal; saving still works.
    conn.execute("PRAGMA journal_mode = WAL")
    if version < schema_version():
        migrate(conn)


def _user_version(conn: sqlite3.Connection) -> int:
    value: int = conn.execute("PRAGMA user_version").fetchone()[0]
    return value


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the database up to `schema_version()`; safe when two processes race to do it."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        version = _user_version(conn)  # again, now that we hold the write lock
        for number in range(version, schema_version()):
            for statement in MIGRATIONS[number]:
                conn.execute(statement)
            conn.execute(f"PRAGMA user_version = {number + 1}")
        conn.execute("COMMIT")
    except BaseException:
        _rollback(conn)
        raise
    return _user_version(conn)


def _rollback(conn: sqlite3.Connection) -> None:
    """Undo an unfinished transaction without hiding why it failed.

    SQLite rolls back by itself after some failures (a full disk among them); a second
    ROLLBACK then fails with "no transaction is active" and would replace the real cause.
    """
    if conn.in_transaction:
        with suppress(sqlite3.Error):
            conn.execute("ROLLBACK")


def _explain(exc: sqlite3.Error, path: Path) -> HistoryError:
    """The SQLite failure in plain Indonesian; a broken file is moved out of the way."""
    name = getattr(exc, "sqlite_errorname", "") or ""
    if name.startswith(("SQLITE_NOTADB", "SQLITE_CORRUPT")):
        moved = _set_aside(path)
        return HistoryError("history_damaged", set_aside=moved, moved=moved.name)
    if name.startswith(("SQLITE_BUSY", "SQLITE_LOCKED")):
        return HistoryError("history_busy", seconds=f"{BUSY_TIMEOUT:g}")
    # SQLite reports a full disk as an I/O error when the WAL index cannot grow.
    if name.startswith("SQLITE_FULL") or (name.startswith("SQLITE_IOERR") and _disk_full(path)):
        return HistoryError("history_disk_full")
    if name.startswith(("SQLITE_READONLY", "SQLITE_PERM", "SQLITE_AUTH")):
        return HistoryError("history_read_only", path=str(path))
    if name.startswith("SQLITE_CANTOPEN"):
        return HistoryError("history_cannot_open", path=str(path))
    if name.startswith("SQLITE_IOERR"):
        return HistoryError("history_io", path=str(path))
    if name.startswith("SQLITE_NOMEM"):
        return HistoryError("history_no_memory")
    if name.startswith(("SQLITE_TOOBIG", "SQLITE_RANGE", "SQLITE_MISMATCH", "SQLITE_CONSTRAINT")):
        return HistoryError("history_mismatch", path=str(path), name=name)
    # Anything else, e.g. "no such table: ranking" in a file another program changed: the
    # structure is not ours any more, so it is set aside like a damaged file (never deleted).
    if name in ("SQLITE_ERROR", "SQLITE_SCHEMA") and _schema_broken(exc):
        moved = _set_aside(path)
        return HistoryError("history_incomplete", set_aside=moved, moved=moved.name)
    return HistoryError("history_database", path=str(path), name=name or type(exc).__name__)


def _disk_full(path: Path) -> bool:
    import shutil

    try:
        return shutil.disk_usage(path.parent).free < NEARLY_FULL
    except OSError:
        return False


def _schema_broken(exc: sqlite3.Error) -> bool:
    text = str(exc)
    return text.startswith(("no such table", "no such column", "table ")) or "has no column" in text


def _set_aside(path: Path) -> Path:
    moved = store.set_aside(path, "rusak")
    for suffix in SIDE_FILES:  # a stale WAL must never be replayed into the fresh database
        side = path.with_name(path.name + suffix)
        if side.exists():
            try:
                side.replace(moved.with_name(moved.name.replace(path.name, side.name, 1)))
            except OSError:
                side.unlink(missing_ok=True)
    return moved


# --- reading and writing -----------------------------------------------------------------------


def save(
    *,
    created: str,
    mode: str,
    catalog_version: str,
    detail: Mapping[str, Any],
    answers: list[Answer],
    ranking: list[Fit],
) -> int:
    """Store one finished quiz; returns its number."""
    with opened() as conn:
        assert conn is not None
        conn.execute("BEGIN IMMEDIATE")
        try:
            cursor = conn.execute(
                "INSERT INTO results (created, mode, catalog_version, status, detail) "
                "VALUES (?, ?, ?, ?, ?)",
                (
                    created,
                    mode,
                    catalog_version,
                    str(detail.get("status", "ok")),
                    json.dumps(detail, ensure_ascii=False),
                ),
            )
            number = cursor.lastrowid
            assert number is not None
            conn.executemany(
                "INSERT INTO answers (result_id, position, question_id, statement, value) "
                "VALUES (?, ?, ?, ?, ?)",
                [
                    (number, i, a.question_id, a.statement, a.value)
                    for i, a in enumerate(answers, start=1)
                ],
            )
            conn.executemany(
                "INSERT INTO ranking (result_id, rank, role_id, role_name, fit) "
                "VALUES (?, ?, ?, ?, ?)",
                [(number, f.rank, f.role_id, f.role_name, f.fit) for f in ranking],
            )
            conn.execute("COMMIT")
        except BaseException:
            _rollback(conn)
            raise
        return number


_ENTRY_SQL = """
    SELECT r.id, r.created, r.mode, r.catalog_version, r.status,
           k.rank, k.role_id, k.role_name, k.fit
    FROM results AS r LEFT JOIN ranking AS k ON k.result_id = r.id AND k.rank = 1
"""


DAMAGED = "damaged"  # the status a listed row gets when its stored fields have the wrong types


def _entry(row: tuple[Any, ...]) -> Entry:
    """A listed row; one another program has tampered with is listed as damaged, not a crash."""
    number, created, mode, version, status, rank, role_id, role_name, fit = row
    texts_ok = all(isinstance(v, str) for v in (created, mode, version, status))
    top_ok = rank is None or (
        isinstance(rank, int)
        and isinstance(role_id, str)
        and isinstance(role_name, str)
        and isinstance(fit, int | float)
        and not isinstance(fit, bool)
    )
    if not (texts_ok and top_ok):
        text = [v if isinstance(v, str) else "" for v in (created, mode, version)]
        return Entry(number, text[0], text[1], text[2], DAMAGED, None)
    top = Fit(rank, role_id, role_name, float(fit)) if rank is not None else None
    return Entry(number, created, mode, version, status, top)


def entries() -> list[Entry]:
    """Every saved result, oldest first."""
    with opened(create=False) as conn:
        if conn is None:
            return []
        return [_entry(row) for row in conn.execute(_ENTRY_SQL + " ORDER BY r.id")]


def get(number: int) -> Record:
    """One saved result in full; UsageError when there is no such number, DamagedRecord when
    its stored fields have the wrong types."""
    if not 1 <= number <= MAX_NUMBER:  # SQLite would raise OverflowError
        raise _missing(number)
    with opened(create=False) as conn:
        found = None
        if conn is not None:
            found = conn.execute(_ENTRY_SQL + " WHERE r.id = ?", (number,)).fetchone()
        if conn is None or found is None:
            raise _missing(number)
        ranking_rows = conn.execute(
            "SELECT rank, role_id, role_name, fit FROM ranking WHERE result_id = ? ORDER BY rank",
            (number,),
        ).fetchall()
        answer_rows = conn.execute(
            "SELECT question_id, statement, value FROM answers WHERE result_id = ? "
            "ORDER BY position",
            (number,),
        ).fetchall()
        (detail_text,) = conn.execute(
            "SELECT detail FROM results WHERE id = ?", (number,)
        ).fetchone()
    detail, problems = _checked(found, ranking_rows, answer_rows, detail_text)
    if problems:
        raise DamagedRecord(number, problems)
    entry = _entry(found)
    return Record(
        entry.id,
        entry.created,
        entry.mode,
        entry.catalog_version,
        entry.status,
        entry.top,
        tuple(Fit(*row) for row in ranking_rows),
        tuple(Answer(*row) for row in answer_rows),
        detail,
    )


def _checked(
    found: tuple[Any, ...], ranking: list[Any], answers: list[Any], detail_text: Any
) -> tuple[dict[str, Any], list[str]]:
    """The stored detail, and every field of the row that has the wrong type."""
    from kariersosial.core import record_check as check
    from kariersosial.io.safe_json import JsonProblem, loads
    from kariersosial.words.record_words import problem_texts

    created, mode, version, status = found[1:5]
    problems = problem_texts(
        check.problems(
            {"created": created, "catalog_version": version, "status": status},
            {"created": str, "catalog_version": str, "status": str},
            "hasil",
        )
    )
    if mode not in check.MODES:
        problems.append(f"hasil.mode: jenis kuis tidak dikenal: {mode!r}"[:200])
    problems += problem_texts(check.ranking_problems(ranking, "ranking"))
    problems += problem_texts(check.answer_problems(answers, "answers"))
    detail: Any = {}
    if not isinstance(detail_text, str):
        problems.append("detail: harus berupa teks JSON")
    else:
        try:
            detail = check.upgraded(loads(detail_text))
        except JsonProblem as exc:
            problems.append(f"detail: {exc.reason}")
        problems += problem_texts(check.problems(detail, check.DETAIL, "detail"))
    return (detail if isinstance(detail, dict) else {}), problems


def delete(number: int) -> None:
    if not 1 <= number <= MAX_NUMBER:
        raise _missing(number)
    with opened(create=False) as conn:
        if conn is None:
            raise _missing(number)
        with closing(conn.execute("DELETE FROM results WHERE id = ?", (number,))) as cursor:
            if cursor.rowcount == 0:
                raise _missing(number)


def clear() -> list[int]:
    """Delete every saved result; returns their numbers. Numbers are never reused."""
    with opened(create=False) as conn:
        if conn is None:
            return []
        with closing(conn.execute("SELECT id FROM results ORDER BY id")) as cursor:
            numbers = [int(row[0]) for row in cursor]
        conn.execute("DELETE FROM results").close()
        return numbers


def _missing(number: int) -> UsageError:
    return UsageError("no_such_result", number=str(number))
