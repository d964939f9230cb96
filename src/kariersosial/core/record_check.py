"""Check a stored result before anything is built from it, as the catalogue is checked.

A history row or a kept result file can be edited by hand or damaged; the reports index into
it (`f["role"]["name"]`, `f"{fit:.0f}"`), so wrong types would crash them half-way. Every
problem is data: its path (`detail.ranking[0].fit`) and its kind; `words.record_words` says
it in words. No typer, rich or sqlite here.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from typing import Any, NamedTuple

MODES = ("quick", "full")


class Problem(NamedTuple):
    """What is wrong where: `kind` is one of KINDS; `expected` names the type for "not_type"."""

    path: str
    kind: str
    expected: str = ""


# not an object / missing / not a list / not of the `expected` type / answer row ids or text
# not text / answer not 1..5 or empty
KINDS = ("not_object", "missing", "not_list", "not_type", "answer_ids", "answer_value")


class _Number:
    """A finite int or float (not a bool)."""


class _Maybe:
    def __init__(self, shape: Any) -> None:
        self.shape = shape


NUMBER = _Number()
ANY = object()  # anything at all (checked elsewhere)


def maybe(shape: Any) -> _Maybe:
    """The shape, or null."""
    return _Maybe(shape)


# What the reports read from a stored result (serialize.result without the answers).
# A key ending in "?" may be missing.
_QUOTE = {"quote": str}
_EVIDENCE = {"label": str, "quote": str}
_ROLE = {"id": str, "name": str}
_FIT = {
    "rank": int,
    "role": _ROLE,
    "fit": NUMBER,
    "label": str,
    "matches?": [_EVIDENCE],
    "warnings?": [_EVIDENCE],
}
DETAIL = {
    "status?": str,
    "answered?": int,
    "skipped?": int,
    "decisive?": maybe(bool),
    "nothing_fits?": bool,
    "ranking?": [_FIT],
    "misconception?": maybe({"myth": _QUOTE, "reality": [_QUOTE]}),
    "adjacent?": [
        {"profession": {"name": str}, "role": {"id": str, "name": str}, "quotes": [_QUOTE]}
    ],
    "cautions?": [{"message": str}],
}


def upgraded(detail: Any) -> Any:
    """A stored result in today's shape: results kept by earlier versions name the role in
    `misconception` and `adjacent` by its bare id, and give a profession's fit and each
    dimension's interest a decimal. Anything else is left as it is, for the check to name."""
    if not isinstance(detail, dict):
        return detail
    ranking = detail.get("ranking")
    names = {
        f["role"]["id"]: f["role"]["name"]
        for f in (ranking if isinstance(ranking, list) else [])
        if isinstance(f, dict)
        and isinstance(f.get("role"), dict)
        and isinstance(f["role"].get("id"), str)
        and isinstance(f["role"].get("name"), str)
    }

    def with_role(item: Any) -> Any:
        if not isinstance(item, dict) or not isinstance(item.get("role"), str):
            return item
        return {**item, "role": {"id": item["role"], "name": names.get(item["role"], item["role"])}}

    found = dict(detail)
    if "misconception" in found:
        found["misconception"] = with_role(found["misconception"])
    if isinstance(found.get("adjacent"), list):
        found["adjacent"] = [_round(with_role(a), "fit") for a in found["adjacent"]]
    if isinstance(found.get("profile"), dict):
        found["profile"] = {k: _round(v, "interest") for k, v in found["profile"].items()}
    return found


def _round(item: Any, key: str) -> Any:
    """`item` with `item[key]` a whole number, if it was a finite decimal."""
    if isinstance(item, dict) and type(item.get(key)) is float and math.isfinite(item[key]):
        return {**item, key: round(item[key])}
    return item


def problems(value: Any, shape: Any, path: str) -> list[Problem]:
    """Every place where `value` does not have `shape`."""
    found: list[Problem] = []
    _check(value, shape, path, found)
    return found


def _check(value: Any, shape: Any, path: str, found: list[Problem]) -> None:
    if shape is ANY:
        return
    if isinstance(shape, _Maybe):
        if value is not None:
            _check(value, shape.shape, path, found)
    elif isinstance(shape, dict):
        if not isinstance(value, Mapping):
            found.append(Problem(path, "not_object"))
            return
        for key, inner in shape.items():
            name = key.rstrip("?")
            if name in value:
                _check(value[name], inner, f"{path}.{name}", found)
            elif not key.endswith("?"):
                found.append(Problem(f"{path}.{name}", "missing"))
    elif isinstance(shape, list):
        if isinstance(value, str) or not isinstance(value, Sequence):
            found.append(Problem(path, "not_list"))
            return
        for index, item in enumerate(value):
            _check(item, shape[0], f"{path}[{index}]", found)
    elif not _is(value, shape):
        found.append(Problem(path, "not_type", _NAMES.get(shape, "other")))


def _is(value: Any, shape: Any) -> bool:
    if shape is NUMBER:
        return type(value) in (int, float) and math.isfinite(value)
    if shape is int:
        return type(value) is int
    return isinstance(value, shape)


_NAMES: dict[Any, str] = {str: "text", int: "int", bool: "bool", NUMBER: "number"}


def answer_problems(values: Sequence[tuple[Any, Any, Any]], path: str) -> list[Problem]:
    """(statement id, statement text, answer) rows: texts, and an answer 1..5 or null."""
    found: list[Problem] = []
    for index, (qid, text, value) in enumerate(values):
        where = f"{path}[{index}]"
        if not isinstance(qid, str) or not isinstance(text, str):
            found.append(Problem(where, "answer_ids"))
        if value is not None and not (type(value) is int and 1 <= value <= 5):
            found.append(Problem(where, "answer_value"))
    return found


def ranking_problems(rows: Sequence[tuple[Any, Any, Any, Any]], path: str) -> list[Problem]:
    """(rank, role id, role name, fit) rows."""
    found: list[Problem] = []
    for index, (rank, role_id, name, fit) in enumerate(rows):
        found += problems(
            {"rank": rank, "role": {"id": role_id, "name": name}, "fit": fit},
            {"rank": int, "role": {"id": str, "name": str}, "fit": NUMBER},
            f"{path}[{index}]",
        )
    return found
