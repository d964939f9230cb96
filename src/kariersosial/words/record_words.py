"""The words for a stored result that cannot be read (`core.record_check` finds the problems)."""

from __future__ import annotations

from collections.abc import Iterable

from kariersosial.core.record_check import Problem

_TYPES = {"text": "teks", "int": "bilangan bulat", "bool": "true/false", "number": "angka"}
_SAID = {
    "not_object": "harus berupa objek",
    "missing": "tidak ada",
    "not_list": "harus berupa daftar",
    "answer_ids": "ID dan teks pernyataan harus berupa teks",
    "answer_value": "jawaban harus 1 sampai 5 atau kosong",
}


def problem_text(problem: Problem) -> str:
    """'path: what is wrong', e.g. 'detail.ranking[0].fit: harus berupa angka'."""
    if problem.kind == "not_type":
        what = f"harus berupa {_TYPES.get(problem.expected, 'nilai lain')}"
    else:
        what = _SAID.get(problem.kind, "tidak sah")
    return f"{problem.path}: {what}"


def problem_texts(problems: Iterable[Problem]) -> list[str]:
    return [problem_text(p) for p in problems]
