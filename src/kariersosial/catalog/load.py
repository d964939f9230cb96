"""Find, read and validate the role catalogue (the bundled one or a file the user names)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from kariersosial.catalog.validation import build_catalog
from kariersosial.core.errors import CatalogError
from kariersosial.core.models import Catalog

if TYPE_CHECKING:
    from importlib.resources.abc import Traversable

DATA_ENV = "KARIERSOSIAL_DATA"
BUNDLED_NAME = "data/roles.json"


def bundled_catalog_file() -> Traversable:
    """The catalogue shipped inside the wheel, or the repository's data/ in a source checkout."""
    package = Path(__file__).resolve().parents[1]
    for folder in (package, package.parents[1]):  # kariersosial/data, else the checkout's data/
        if (folder / "data" / "roles.json").is_file():
            return folder / "data" / "roles.json"
    # installed as a zip: only importlib.resources can reach it (it costs ~3 ms of start-up)
    from importlib import resources

    return resources.files("kariersosial") / "data" / "roles.json"


def load_catalog(path: str | os.PathLike[str] | None = None) -> Catalog:
    """The catalogue at `path`, else at $KARIERSOSIAL_DATA, else the bundled one."""
    if path is None and os.environ.get(DATA_ENV):
        path = os.environ[DATA_ENV]
    if path is None:
        return read_catalog(bundled_catalog_file(), BUNDLED_NAME, user_file=False)
    return read_catalog(Path(path), str(path), user_file=True)


def read_catalog(file: Traversable, name: str, *, user_file: bool) -> Catalog:
    problems = check_catalog(file, name, user_file=user_file)
    if isinstance(problems, Catalog):
        return problems
    env = DATA_ENV if os.environ.get(DATA_ENV) and user_file else None
    raise CatalogError(name, problems, user_file=user_file, env=env)


def check_catalog(file: Traversable, name: str, *, user_file: bool = True) -> Catalog | list[str]:
    """The catalogue in `file`, or every problem that keeps it from being used."""
    from kariersosial.io import reading

    try:
        text = _read(file, reading.CATALOG_LIMIT)
    except reading.ReadProblem as exc:
        return [_CATALOG_WORDING.get(exc.kind, exc.reason)]
    raw = _parse(text, trusted=not user_file)
    if isinstance(raw, _Unparsable):
        return [raw.reason]

    def read_source(relative: str) -> str | None:
        source = _beside(file, relative)
        try:
            data = _read_bytes(source, reading.SOURCE_LIMIT)
        except (OSError, reading.ReadProblem):
            return None
        return data.decode("utf-8")  # UnicodeDecodeError is the caller's

    return build_catalog(raw, read_source)


class _Unparsable(NamedTuple):
    reason: str


def _parse(text: str, *, trusted: bool) -> object:
    """The bundled catalogue skips the depth and number pre-scan (~3 ms); if it was damaged
    after installation, the guarded parser says what is wrong, as for any file."""
    if trusted:
        import json

        try:
            return json.loads(text)
        except (ValueError, RecursionError):
            pass
    from kariersosial.io import safe_json

    try:
        return safe_json.loads(text)
    except safe_json.JsonProblem as exc:
        return _Unparsable(exc.reason)


def _beside(file: Traversable, relative: str) -> Traversable:
    """A file named relative to the catalogue's folder."""
    if isinstance(file, Path):
        found: Traversable = file.parent
    else:
        from importlib import resources

        found = resources.files("kariersosial") / "data"
    for part in relative.split("/"):
        found = found / part
    return found


# The catalogue's own wording for the reader's problems (the rest read as the reader says).
_CATALOG_WORDING = {
    "missing": "berkas tidak ditemukan",
    "directory": "ini folder, bukan berkas JSON",
    "denied": "tidak boleh dibaca (periksa izin berkas)",
}


def _read(file: Traversable, limit: int) -> str:
    from kariersosial.io import reading

    return reading.decode(_read_bytes(file, limit))


def _read_bytes(file: Traversable, limit: int) -> bytes:
    """A file the user named goes through the bounded reader; the bundled one is trusted."""
    from kariersosial.io import reading

    if isinstance(file, Path):
        return reading.read_bytes(file, limit)
    try:
        return file.read_bytes()
    except OSError as exc:
        from kariersosial.words.os_words import os_reason

        raise reading.ReadProblem("os", f"tidak bisa dibaca ({os_reason(exc)})") from None
