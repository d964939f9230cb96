"""Answers files for the non-interactive quiz: a JSON object or `id=jawaban` lines."""

from __future__ import annotations

import json

from kariersosial.core.errors import UsageError
from kariersosial.core.models import Catalog

SCALE_LABELS = {
    1: "Sangat tidak setuju",
    2: "Tidak setuju",
    3: "Ragu-ragu",
    4: "Setuju",
    5: "Sangat setuju",
}
SKIP_LABEL = "Lewati"  # the choice in the quiz: what to do
SKIPPED_LABEL = "Dilewati"  # an answer shown in a review or a report: what was done
_SKIP_WORDS = {"", "-", "null", "lewati", "dilewati", "skip"}
SHOWN_PROBLEMS = 20  # listed one by one; the rest are counted
_LABEL_VALUES = {label.casefold(): value for value, label in SCALE_LABELS.items()}


def parse_answer(value: object) -> tuple[int | None, bool]:
    """(answer, ok): a number 1..5, an Indonesian label, or a skip; ok False when unusable."""
    if value is None:
        return None, True
    if isinstance(value, bool):
        return None, False
    if isinstance(value, int):
        return (value, True) if value in SCALE_LABELS else (None, False)
    if isinstance(value, float) and value.is_integer():
        return parse_answer(int(value))
    if isinstance(value, str):
        text = " ".join(value.split()).casefold()
        if text in _SKIP_WORDS:
            return None, True
        if text.isdecimal() and len(text) <= 9:  # isdigit() lets '²' through to int()
            return parse_answer(int(text))
        if text in _LABEL_VALUES:
            return _LABEL_VALUES[text], True
    return None, False


def parse_answers(text: str, catalog: Catalog, source: str) -> dict[str, int | None]:
    """Every statement id mapped to 1..5 or None (skipped); all bad entries reported at once."""
    stripped = text.lstrip("\ufeff").strip()
    problems: list[str] = []
    if stripped.startswith(("{", "[")):
        entries = _json_entries(stripped, source)
    else:
        entries = _line_entries(stripped)
    known = {q.id for q in catalog.questions}
    answers: dict[str, int | None] = dict.fromkeys(sorted(known))
    seen: set[str] = set()
    for where, qid, value in entries:
        answer, ok = parse_answer(value)
        if value is _MALFORMED:
            problems.append(f"{where}: tulis dalam bentuk id=jawaban, misalnya p01=4")
            continue
        if qid not in known:
            problems.append(f"{where}: pernyataan '{qid}' tidak dikenal")
        elif qid in seen:
            problems.append(f"{where}: pernyataan '{qid}' dijawab lebih dari sekali")
        elif not ok:
            problems.append(
                f"{where}: jawaban {json.dumps(value, ensure_ascii=False)} untuk '{qid}' tidak sah "
                "(pakai 1-5, label seperti 'Setuju', atau kosongkan untuk melewati; di JSON: null)"
            )
        else:
            answers[qid] = answer
        seen.add(qid)
    if problems:
        shown = tuple(problems[:SHOWN_PROBLEMS])  # the rest are counted
        raise UsageError("answers_problems", source=source, count=len(problems), shown=shown)
    return answers


def _json_entries(text: str, source: str) -> list[tuple[str, str, object]]:
    from kariersosial.io.safe_json import JsonProblem, loads

    try:
        raw = loads(text, object_pairs_hook=_keep_duplicates)
    except JsonProblem as exc:
        raise UsageError(
            "answers_not_json", source=source, line=exc.line, column=exc.column, why=exc.reason
        ) from None
    if isinstance(raw, _Pairs) and isinstance(raw.get("answers"), _Pairs):
        raw = raw["answers"]  # also accept the saved form {"answers": {...}}
    elif isinstance(raw, _Pairs) and isinstance(listed := raw.get("answers"), list):
        rows = _answer_rows(listed)  # the output of `quiz --json` or `history show --json`
        if rows is not None:
            return rows
    if not isinstance(raw, _Pairs):
        raise UsageError("answers_not_object", source=source)
    return [(f"'{key}'", key.strip(), value) for key, value in raw.pairs]


def _answer_rows(rows: list[object]) -> list[tuple[str, str, object]] | None:
    """The answers of a `--json` document ([{"id": "p01", "answer": 4}, ...]); None otherwise."""
    found = []
    for row in rows:
        if not (isinstance(row, dict) and isinstance(row.get("id"), str) and "answer" in row):
            return None
        found.append((f"'{row['id']}'", row["id"].strip(), row["answer"]))
    return found


_MALFORMED = object()  # a line that is not `id=answer`; reported in line order with the rest


def _line_entries(text: str) -> list[tuple[str, str, object]]:
    entries: list[tuple[str, str, object]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        content = line.split("#", 1)[0].strip()
        if not content:
            continue
        key, sep, value = content.partition("=")
        if not sep:
            key, sep, value = content.partition(":")
        where = f"baris {number}"
        if not sep or not key.strip():
            entries.append((where, content, _MALFORMED))
            continue
        entries.append((where, key.strip(), value.strip()))
    return entries


class _Pairs(dict[str, object]):
    """A JSON object that remembers every key, so a statement answered twice is reported."""

    pairs: list[tuple[str, object]]


def _keep_duplicates(pairs: list[tuple[str, object]]) -> _Pairs:
    obj = _Pairs(pairs)
    obj.pairs = pairs
    return obj
