"""JSON from files the user controls, with a depth and a number guard. Standard library only.

`json.loads` recurses once per level (100,000 `[` end in RecursionError) and `int()` refuses
more than 4,300 digits (ValueError). A linear pre-scan counts bracket depth outside strings,
and the number hooks refuse absurd digit counts, so both become a JsonProblem with a reason
in Indonesian. Syntax errors are a JsonProblem too, with line and column.
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

MAX_DEPTH = 100  # the catalogue nests 7 deep, a stored result about 6
MAX_NUMBER_CHARS = 100  # digits, sign, point and exponent of one number

TOO_DEEP = "JSON bersarang terlalu dalam untuk dibaca"
TOO_LONG_NUMBER = "JSON berisi angka yang terlalu panjang"

# A string, up to its closing quote or the end of the text: every attempt that starts at a
# quote succeeds (possessive, nothing to retry), so removing the strings stays linear even in
# an unterminated string full of escaped quotes.
_STRING = re.compile(r'"(?:[^"\\]++|\\.)*+(?:"|\\?\Z)', re.DOTALL)
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_STEP = {"[": 1, "{": 1, "]": -1, "}": -1}


class JsonProblem(ValueError):
    """JSON that cannot be used; `reason` is a phrase for after "berkas X: "."""

    def __init__(self, reason: str, line: int | None = None, column: int | None = None) -> None:
        super().__init__(reason)
        self.reason = reason
        self.line = line
        self.column = column


_REASONS = {
    "Expecting value": "nilai tidak ada atau tidak sah",
    "Expecting property name enclosed in double quotes": "nama kunci harus dalam tanda kutip ganda",
    "Expecting ',' delimiter": "kurang tanda koma",
    "Expecting ':' delimiter": "kurang tanda titik dua",
    "Unterminated string starting at": "teks tidak ditutup tanda kutip",
    "Extra data": "ada isi lebih setelah akhir JSON",
    "Invalid control character at": "ada karakter kontrol di dalam teks",
    "Invalid \\escape": "ada garis miring terbalik (\\) yang tidak sah",
}


def loads(text: str, **hooks: Any) -> Any:
    """`json.loads` that raises only JsonProblem; `hooks` go to json.loads (object_pairs_hook)."""
    if too_deep(text):
        raise JsonProblem(TOO_DEEP)
    try:
        return json.loads(text, parse_int=_int, parse_float=_float, **hooks)
    except JsonProblem:
        raise
    except json.JSONDecodeError as exc:
        reason = _REASONS.get(exc.msg, exc.msg)
        raise JsonProblem(
            f"JSON rusak di baris {exc.lineno}, kolom {exc.colno} ({reason})", exc.lineno, exc.colno
        ) from None
    except RecursionError:  # a host with a tiny recursion limit
        raise JsonProblem(TOO_DEEP) from None
    except ValueError:
        raise JsonProblem(TOO_LONG_NUMBER) from None


def too_deep(text: str, limit: int = MAX_DEPTH) -> bool:
    """Brackets nest deeper than `limit` outside strings; linear, and in C for the most part."""
    if text.count("[") + text.count("{") <= limit:
        return False
    brackets = _NOT_BRACKET.sub("", _STRING.sub("", text))
    return max(accumulate(map(_STEP.__getitem__, brackets)), default=0) > limit


def _int(text: str) -> int:
    if len(text) > MAX_NUMBER_CHARS:
        raise JsonProblem(TOO_LONG_NUMBER)
    return int(text)


def _float(text: str) -> float:
    if len(text) > MAX_NUMBER_CHARS:
        raise JsonProblem(TOO_LONG_NUMBER)
    return float(text)
