"""Read raw JSON values of a catalogue, noting each problem as `path: message`, and check
that a quote is verbatim in its source sentence (shared by the roles and the question bank)."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any, TypeVar, cast

from kariersosial.core.models import Quote, Sentence

T = TypeVar("T")
SourceReader = Callable[[str], str | None]

# A lone surrogate ("\udc80" in the JSON) cannot be written to any terminal or file, and a
# control character (other than a newline or tab) would move the cursor or clear the screen.
_UNSHOWABLE = "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]"


def unshowable(text: str) -> re.Match[str] | None:
    """The first character of `text` no terminal can show, if any. A printable text (the usual
    case) has none; compiling the pattern costs more than a start-up's worth of checks (~1 ms)."""
    return None if text.isprintable() else re.search(_UNSHOWABLE, text)


_TYPE_NAMES = {str: "teks", int: "bilangan bulat", float: "angka", list: "daftar", dict: "objek"}


class Checker:
    """Reads raw JSON values, noting each problem as `path: message`."""

    def __init__(self) -> None:
        self.problems: list[str] = []

    def fail(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}")

    def get(self, obj: dict[str, Any], key: str, kind: type[T], path: str) -> T | None:
        if key not in obj:
            self.fail(f"{path}.{key}" if path else key, "wajib ada")
            return None
        return self.typed(obj[key], kind, f"{path}.{key}" if path else key)

    def typed(self, value: Any, kind: type[T], path: str) -> T | None:
        # the usual case first, in few steps: every start-up reads some 2,500 values
        if type(value) is kind and kind is not bool:
            plain: Any = value
            if kind is not str or (plain.strip() and unshowable(plain) is None):
                return cast(T, plain)
        ok = isinstance(value, kind) and not isinstance(value, bool)
        if kind is float and isinstance(value, int) and not isinstance(value, bool):
            return cast(T, float(value))
        if not ok or (kind is str and not cast(str, value).strip()):
            empty = kind is str and isinstance(value, str)
            self.fail(path, "tidak boleh kosong" if empty else f"harus berupa {_TYPE_NAMES[kind]}")
            return None
        if kind is str:
            bad = unshowable(value)
            if bad is not None:
                code = f"U+{ord(bad.group()):04X}"
                self.fail(path, f"berisi karakter yang tidak bisa ditampilkan ({code}); hapus itu")
                return None
        return cast(T, value)

    def items(self, obj: dict[str, Any], key: str, path: str) -> list[tuple[str, dict[str, Any]]]:
        """The objects of a list field, each with its path; wrong entries are reported."""
        values = self.get(obj, key, list, path) or []
        where = f"{path}.{key}" if path else key
        found = []
        for i, value in enumerate(values):
            item = self.typed(value, dict, f"{where}[{i}]")
            if item is not None:
                found.append((f"{where}[{i}]", item))
        return found

    def unique(self, seen: dict[str, str], value: str | None, path: str) -> None:
        if value is None:
            return
        if value in seen:
            self.fail(path, f"id ganda '{value}' (sudah dipakai di {seen[value]})")
        else:
            seen[value] = path

    def weight(self, value: float | None, path: str, *, allow_zero: bool) -> None:
        low_ok = value is not None and (value >= 0 if allow_zero else value > 0)
        if value is not None and not (low_ok and value <= 1):
            bound = "antara 0 dan 1" if allow_zero else "lebih dari 0 dan paling besar 1"
            self.fail(path, f"bobot {value:g} di luar rentang (harus {bound})")


def unknown(kind: str, value: str) -> str:
    return f"{kind} tidak dikenal: '{value}'"


def read_quotes(
    c: Checker, obj: dict[str, Any], key: str, path: str, sentences: dict[str, Sentence]
) -> tuple[Quote, ...]:
    """A non-empty list of quotes; empty when any of them is wrong."""
    entries = c.items(obj, key, path)
    if not entries and key in obj and isinstance(obj[key], list):
        c.fail(f"{path}.{key}", "harus berisi paling sedikit satu kutipan")
    found = [read_source_quote(c, src, where, sentences) for where, src in entries]
    return tuple(q for q in found if q) if all(found) else ()


def read_quote(
    c: Checker, obj: dict[str, Any], key: str, path: str, sentences: dict[str, Sentence]
) -> Quote | None:
    src = c.get(obj, key, dict, path)
    return None if src is None else read_source_quote(c, src, f"{path}.{key}", sentences)


def read_source_quote(
    c: Checker, src: dict[str, Any], where: str, sentences: dict[str, Sentence]
) -> Quote | None:
    sid = c.get(src, "sentence", str, where)
    text = c.get(src, "quote", str, where)
    if sid is None or text is None:
        return None
    if sid not in sentences:
        c.fail(f"{where}.sentence", unknown("kalimat", sid))
        return None
    if text not in sentences[sid].text:
        c.fail(where, "kutipan tidak ditemukan di teks sumber")
        return None
    return Quote(sid, text)
