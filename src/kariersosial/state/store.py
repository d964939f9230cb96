"""Where the user's data lives, and the quiz progress saved after every answer."""

from __future__ import annotations

import errno
import json
import os
from contextlib import suppress
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from kariersosial.core.errors import StateError
from kariersosial.core.progress import Progress

HOME_ENV = "KARIERSOSIAL_HOME"
PROGRESS_FILE = "kemajuan.json"
PROGRESS_SCHEMA = 1


def data_dir() -> Path:
    """$KARIERSOSIAL_HOME, else the platform's user data folder."""
    override = os.environ.get(HOME_ENV)
    if override:
        return Path(override).expanduser()
    from platformdirs import user_data_dir

    return Path(user_data_dir("kariersosial", appauthor=False))


def make_private_dir(folder: Path) -> None:
    """Create a folder of our own data readable by this user only (answers are personal).

    Folders above it get the usual permissions; an existing folder keeps its own.
    """
    try:
        folder.mkdir(mode=0o700)
    except FileExistsError:
        if not folder.is_dir():
            raise NotADirectoryError(errno.ENOTDIR, "not a directory", str(folder)) from None
    except FileNotFoundError:
        folder.parent.mkdir(parents=True, exist_ok=True)
        folder.mkdir(mode=0o700, exist_ok=True)


def now() -> str:
    return datetime.now(UTC).astimezone().isoformat(timespec="seconds")


def write_atomic(path: Path, text: str) -> None:
    """Our own data file, whole or not at all, through the one writer (`writing`)."""
    from kariersosial.io.writing import Target, WriteError, open_target

    with suppress(OSError):  # the writer below reports a folder that cannot be made
        make_private_dir(path.parent)
    try:
        with open_target(Target(path, str(path), force=True)) as out:
            out.write(text)
    except WriteError as exc:
        raise StateError("data_unwritable", env=HOME_ENV, **exc.facts) from None


def set_aside(path: Path, reason: str) -> Path:
    """Move a file we cannot use out of the way (never delete the user's data)."""
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.name}.{reason}-{stamp}")
    count = 1
    while target.exists() or target.is_symlink():  # replace() would overwrite an older one
        count += 1
        target = path.with_name(f"{path.name}.{reason}-{stamp}-{count}")
    try:
        path.replace(target)
    except OSError as exc:
        raise StateError(
            "set_aside_failed", path=str(path), errno=exc.errno, env=HOME_ENV
        ) from None
    return target


def progress_json(progress: Progress) -> dict[str, Any]:
    """The progress file's content."""
    return {
        "schema": PROGRESS_SCHEMA,
        "catalog_version": progress.catalog_version,
        "mode": progress.mode,
        "asked": list(progress.asked),
        "answers": progress.answers,
        "updated": progress.updated or now(),
    }


def progress_path() -> Path:
    return data_dir() / PROGRESS_FILE


def save_progress(progress: Progress) -> None:
    write_atomic(progress_path(), json.dumps(progress_json(progress), ensure_ascii=False, indent=2))


def clear_progress() -> None:
    try:
        progress_path().unlink(missing_ok=True)
    except NotADirectoryError:  # the data folder is under a file: there is no progress file
        pass
    except OSError as exc:
        raise StateError(
            "progress_not_deleted", path=str(progress_path()), errno=exc.errno
        ) from None


def load_progress(catalog_version: str, known: set[str]) -> tuple[Progress | None, str | None]:
    """The saved progress, or None; a file we cannot use is set aside and explained."""
    from kariersosial.io import reading

    path = progress_path()
    try:
        text = reading.read_text(path, reading.PROGRESS_LIMIT)
    except reading.ReadProblem as exc:
        if exc.kind == "missing" or (exc.kind == "os" and not path.parent.is_dir()):
            return None, None  # no file there (or no such folder)
        moved = set_aside(path, "rusak")
        why = exc.reason
        return None, f"Kemajuan kuis tidak bisa dibaca ({why}); disimpan sebagai {moved.name}."
    raw, problem = _progress_problem(text, catalog_version, known)
    if problem:
        kind, why = problem
        moved = set_aside(path, kind)
        return None, f"Kemajuan kuis yang tersimpan {why}; disisihkan sebagai {moved.name}."
    progress = Progress(
        raw["catalog_version"],
        raw.get("mode", "full"),
        dict(raw["answers"]),
        tuple(raw["asked"]),
        raw.get("updated", ""),
    )
    return progress, None


MODES = ("quick", "full")


def _progress_problem(
    text: str, version: str, known: set[str]
) -> tuple[Any, tuple[str, str] | None]:
    """The parsed file and what is wrong with it, if anything: every field is checked."""
    from kariersosial.io.safe_json import JsonProblem, loads

    try:
        raw = loads(text)
    except JsonProblem:
        return None, ("rusak", "rusak (bukan JSON yang sah)")
    ok_shape = (
        isinstance(raw, dict)
        and raw.get("schema") == PROGRESS_SCHEMA
        and type(raw.get("schema")) is int
        and isinstance(raw.get("catalog_version"), str)
        and raw.get("mode", "full") in MODES
        and isinstance(raw.get("updated", ""), str)
        and isinstance(raw.get("answers"), dict)
        and isinstance(raw.get("asked"), list)
        and all(v is None or (type(v) is int and 1 <= v <= 5) for v in raw["answers"].values())
        and all(isinstance(a, str) for a in raw["asked"])
        and len(set(raw["asked"])) == len(raw["asked"])
    )
    if not ok_shape:
        return raw, ("rusak", "rusak (isinya tidak sesuai format)")
    if raw["catalog_version"] != version or not set(raw["answers"]) | set(raw["asked"]) <= known:
        return raw, ("usang", "dibuat untuk versi daftar pernyataan yang lain")
    return raw, None
