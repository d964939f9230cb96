"""Find, read and validate the role catalogue (the bundled one or a file the user names)."""

from __future__ import annotations

import json
import os
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path

from kariersosial.errors import CatalogError, os_reason
from kariersosial.models import Catalog
from kariersosial.validation import build_catalog

DATA_ENV = "KARIERSOSIAL_DATA"
BUNDLED_NAME = "data/roles.json"


def bundled_catalog_file() -> Traversable:
    """The catalogue shipped inside the wheel, or the repository's data/ in a source checkout."""
    packaged = resources.files("kariersosial") / "data" / "roles.json"
    if packaged.is_file():
        return packaged
    return Path(__file__).resolve().parents[2] / "data" / "roles.json"


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
    hint = (
        "Perbaiki berkas itu, atau periksa semua masalahnya dengan `kariersosial validate`."
        if user_file
        else "Katalog bawaan rusak; pasang ulang kariersosial."
    )
    if os.environ.get(DATA_ENV) and user_file:
        hint += f" Katalog ini dipilih lewat variabel {DATA_ENV}."
    raise CatalogError(name, problems, hint, user_file=user_file)


def check_catalog(file: Traversable, name: str, *, user_file: bool = True) -> Catalog | list[str]:
    """The catalogue in `file`, or every problem that keeps it from being used."""
    try:
        text = file.read_text(encoding="utf-8-sig")  # tolerate the BOM Windows editors add
    except FileNotFoundError:
        return ["berkas tidak ditemukan"]
    except IsADirectoryError:
        return ["ini folder, bukan berkas JSON"]
    except PermissionError:
        return ["tidak boleh dibaca (periksa izin berkas)"]
    except UnicodeDecodeError:
        return ["bukan teks UTF-8"]
    except OSError as exc:
        return [f"tidak bisa dibaca ({os_reason(exc)})"]
    try:
        raw = json.loads(text)
    except json.JSONDecodeError as exc:
        return [f"JSON rusak di baris {exc.lineno}, kolom {exc.colno} ({_json_reason(exc.msg)})"]
    except RecursionError:
        return ["JSON bersarang terlalu dalam untuk dibaca"]
    except ValueError:  # e.g. a number with thousands of digits
        return ["JSON berisi angka yang terlalu panjang"]

    def read_source(relative: str) -> str | None:
        source = _beside(file, relative)
        try:
            return source.read_text(encoding="utf-8")  # UnicodeDecodeError is the caller's
        except OSError:
            return None

    return build_catalog(raw, read_source)


def _beside(file: Traversable, relative: str) -> Traversable:
    """A file named relative to the catalogue's folder."""
    found = file.parent if isinstance(file, Path) else resources.files("kariersosial") / "data"
    for part in relative.split("/"):
        found = found / part
    return found


_JSON_REASONS = {
    "Expecting value": "nilai tidak ada atau tidak sah",
    "Expecting property name enclosed in double quotes": "nama kunci harus dalam tanda kutip ganda",
    "Expecting ',' delimiter": "kurang tanda koma",
    "Expecting ':' delimiter": "kurang tanda titik dua",
    "Unterminated string starting at": "teks tidak ditutup tanda kutip",
    "Extra data": "ada isi lebih setelah akhir JSON",
    "Invalid control character at": "ada karakter kontrol di dalam teks",
}


def _json_reason(message: str) -> str:
    return _JSON_REASONS.get(message, message)
