"""Finished results the history could not take yet, kept in files until it can.

When the history cannot be used (locked, corrupt, full disk) or the save is interrupted, the
result goes to $KARIERSOSIAL_HOME/hasil-belum-tersimpan/<waktu>.json, written atomically and
private (0600). The next `kariersosial history`, or the next quiz that saves, stores every such
file in the history and deletes it. No typer or rich here.
"""

from __future__ import annotations

import contextlib
import json
import os
import tempfile
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from kariersosial.core.errors import StateError
from kariersosial.state import store
from kariersosial.words.messages import words

PENDING_DIR = "hasil-belum-tersimpan"
SCHEMA = 1


@dataclass(frozen=True)
class Finished:
    """Everything `history.save` needs; answers are (id, statement, value), ranking rows
    (rank, role id, role name, fit)."""

    created: str
    mode: str
    catalog_version: str
    detail: Mapping[str, Any]
    answers: tuple[tuple[str, str, int | None], ...]
    ranking: tuple[tuple[int, str, str, float], ...]

    def to_json(self) -> dict[str, Any]:
        return {
            "schema": SCHEMA,
            "created": self.created,
            "mode": self.mode,
            "catalog_version": self.catalog_version,
            "detail": dict(self.detail),
            "answers": [list(a) for a in self.answers],
            "ranking": [list(f) for f in self.ranking],
        }


def pending_dir() -> Path:
    return store.data_dir() / PENDING_DIR


def save(finished: Finished) -> int:
    """Store in the history; returns the number (HistoryError when it cannot)."""
    from kariersosial.core.saved import Answer, Fit
    from kariersosial.state import history

    return history.save(
        created=finished.created,
        mode=finished.mode,
        catalog_version=finished.catalog_version,
        detail=finished.detail,
        answers=[Answer(*a) for a in finished.answers],
        ranking=[Fit(*f) for f in finished.ranking],
    )


def keep(finished: Finished) -> Path:
    """Write the result to its own file, atomically; StateError when even that fails."""
    folder = pending_dir()
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    text = json.dumps(finished.to_json(), ensure_ascii=False, indent=2)
    try:
        store.make_private_dir(folder.parent)
        store.make_private_dir(folder)
        fd, tmp = tempfile.mkstemp(prefix=".", suffix=".tmp", dir=folder)  # 0600
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
            target = folder / f"{stamp}-{Path(tmp).stem.lstrip('.')}.json"  # unique: mkstemp's
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise StateError("result_not_kept", folder=str(folder), errno=exc.errno) from None
    return target


def waiting() -> list[Path]:
    """The kept results, oldest first."""
    try:
        return sorted(p for p in pending_dir().glob("*.json") if not p.name.startswith("."))
    except OSError:
        return []


def store_all() -> tuple[list[int], list[str]]:
    """Move every kept result into the history: the numbers given, and a note per bad file.

    Each file is claimed by renaming it first, so two runs at once never store it twice.
    A HistoryError stops here and leaves the rest (and the claimed file) as they were.
    """
    numbers: list[int] = []
    notes: list[str] = []
    for path in waiting():
        claimed = path.with_name(f".{path.name}.{os.getpid()}")
        try:
            path.replace(claimed)
        except OSError:  # another run has it, or it is gone
            continue
        finished, problem = _load(claimed)
        if finished is None:
            claimed.replace(path)
            try:
                moved = store.set_aside(path, "rusak")
            except StateError as exc:
                notes.append(words(exc).message)
                continue
            notes.append(
                f"Hasil tertunda {path.name} rusak ({problem}); disisihkan sebagai {moved.name}."
            )
            continue
        try:
            numbers.append(save(finished))
        except BaseException:
            claimed.replace(path)
            raise
        claimed.unlink(missing_ok=True)
    _tidy()
    return numbers, notes


def _tidy() -> None:
    """Remove the folder once it is empty, so it is there only while something waits."""
    with contextlib.suppress(OSError):
        pending_dir().rmdir()


def _load(path: Path) -> tuple[Finished | None, str]:
    from kariersosial.core import record_check as check
    from kariersosial.io import reading
    from kariersosial.io.safe_json import JsonProblem, loads
    from kariersosial.words.record_words import problem_texts

    try:
        raw = loads(reading.read_text(path, reading.PENDING_LIMIT))
    except (reading.ReadProblem, JsonProblem) as exc:
        return None, exc.reason
    if isinstance(raw, dict) and "detail" in raw:
        raw = {**raw, "detail": check.upgraded(raw["detail"])}
    shape = {
        "schema": int,
        "created": str,
        "mode": str,
        "catalog_version": str,
        "detail": check.DETAIL,
        "answers": [[check.ANY]],
        "ranking": [[check.ANY]],
    }
    problems = problem_texts(check.problems(raw, shape, "berkas"))
    if not problems:
        if raw["schema"] != SCHEMA or raw["mode"] not in check.MODES:
            problems.append("berkas: versi atau jenis kuis tidak dikenal")
        answers = [tuple(a) for a in raw["answers"]]
        ranking = [tuple(f) for f in raw["ranking"]]
        if any(len(a) != 3 for a in answers) or any(len(f) != 4 for f in ranking):
            problems.append("berkas: baris jawaban atau peringkat tidak lengkap")
        else:
            problems += problem_texts(check.answer_problems(answers, "answers"))
            problems += problem_texts(check.ranking_problems(ranking, "ranking"))
    if problems:
        return None, problems[0]
    return (
        Finished(
            raw["created"],
            raw["mode"],
            raw["catalog_version"],
            raw["detail"],
            tuple(answers),
            tuple(ranking),
        ),
        "",
    )
