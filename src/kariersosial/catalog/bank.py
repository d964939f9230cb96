"""The question bank of a catalogue: statements, their loadings and traits, the answers
expected of each role, and the pairs of statements that cannot both be agreed with."""

from __future__ import annotations

from typing import Any, cast

from kariersosial.catalog.checker import Checker, read_quote, unknown
from kariersosial.core.models import (
    FORMS,
    Form,
    Loading,
    Opposite,
    Question,
    Sentence,
    TraitKey,
)


def read_questions(
    c: Checker,
    root: dict[str, Any],
    dim_ids: dict[str, str],
    trait_ids: dict[str, str],
    sentences: dict[str, Sentence],
) -> tuple[Question, ...]:
    found = []
    seen: dict[str, str] = {}
    for qpath, qobj in c.items(root, "questions", ""):
        qid = c.get(qobj, "id", str, qpath)
        text = c.get(qobj, "text", str, qpath)
        c.unique(seen, qid, f"{qpath}.id")
        source = read_quote(c, qobj, "source", qpath, sentences)
        loadings = []
        for lpath, lobj in c.items(qobj, "measures", qpath):
            dim = c.get(lobj, "dimension", str, lpath)
            direction = read_direction(c, lobj, lpath)
            weight = c.get(lobj, "weight", float, lpath)
            c.weight(weight, f"{lpath}.weight", allow_zero=False)
            if dim is not None and dim not in dim_ids:
                c.fail(f"{lpath}.dimension", unknown("dimensi", dim))
            elif dim and direction and weight:
                loadings.append(Loading(dim, direction, weight))
        keys = []
        for kpath, kobj in c.items(qobj, "traits", qpath):
            trait = c.get(kobj, "trait", str, kpath)
            direction = read_direction(c, kobj, kpath)
            if trait is not None and trait not in trait_ids:
                c.fail(f"{kpath}.trait", unknown("sifat", trait))
            elif trait and direction:
                keys.append(TraitKey(trait, direction))
        if qid and text and not loadings and not any(p.startswith(f"{qpath}.") for p in c.problems):
            c.fail(f"{qpath}.measures", "pernyataan harus mengukur paling sedikit satu dimensi")
        form = "single"
        if "form" in qobj:
            form = c.typed(qobj["form"], str, f"{qpath}.form") or "single"
            if form not in FORMS:
                c.fail(f"{qpath}.form", f"harus salah satu dari: {', '.join(FORMS)}")
                form = "single"
        expected = _expected(c, qobj, qpath)
        reason = ""
        if "expected_reason" in qobj:
            reason = c.typed(qobj["expected_reason"], str, f"{qpath}.expected_reason") or ""
        if qid and text and source:
            found.append(
                Question(
                    qid,
                    text,
                    source,
                    tuple(loadings),
                    tuple(keys),
                    cast(Form, form),
                    expected,
                    reason,
                )
            )
    return tuple(found)


def _expected(c: Checker, qobj: dict[str, Any], qpath: str) -> tuple[tuple[str, float], ...]:
    """Optional: the expected answer (1..5) per role or profession id."""
    if "expected" not in qobj:
        return ()
    raw = c.typed(qobj["expected"], dict, f"{qpath}.expected")
    found = []
    for key, value in (raw or {}).items():
        number = c.typed(value, float, f"{qpath}.expected.{key}")
        if number is not None and not 1 <= number <= 5:
            c.fail(f"{qpath}.expected.{key}", f"jawaban {number:g} di luar skala 1–5")
        elif number is not None:
            found.append((key, number))
    return tuple(found)


def check_expected(c: Checker, questions: tuple[Question, ...], profiles: list[str]) -> None:
    """Expected answers are all or nothing: every statement, every role and profession."""
    if not any(q.expected for q in questions):
        return
    if any(p.startswith(("roles", "professions")) for p in c.problems):
        return  # the ids are not known reliably; those problems are reported already
    for i, q in enumerate(questions):
        have = {k for k, _ in q.expected}
        for pid in sorted(have - set(profiles)):
            c.fail(f"questions[{i}].expected.{pid}", unknown("peran atau profesi", pid))
        missing = [pid for pid in profiles if pid not in have]
        if missing:
            c.fail(f"questions[{i}].expected", f"tidak ada jawaban untuk: {', '.join(missing)}")


def read_opposites(c: Checker, root: dict[str, Any], known: set[str]) -> tuple[Opposite, ...]:
    """Curated pairs of statements that contradict each other (optional)."""
    if "opposites" not in root:
        return ()
    found = []
    seen: set[frozenset[str]] = set()
    for opath, oobj in c.items(root, "opposites", ""):
        pair = c.get(oobj, "pair", list, opath)
        reason = c.get(oobj, "reason", str, opath)
        if pair is None:
            continue
        ids = [c.typed(v, str, f"{opath}.pair[{i}]") for i, v in enumerate(pair)]
        if len(ids) != 2 or None in ids:
            if len(ids) != 2:
                c.fail(f"{opath}.pair", "harus berisi tepat dua id pernyataan")
            continue
        first, second = cast(list[str], ids)
        for i, qid in enumerate((first, second)):
            if qid not in known:
                c.fail(f"{opath}.pair[{i}]", unknown("pernyataan", qid))
        if first == second:
            c.fail(f"{opath}.pair", "dua pernyataan harus berbeda")
        elif frozenset((first, second)) in seen:
            c.fail(f"{opath}.pair", "pasangan ini sudah tercantum")
        seen.add(frozenset((first, second)))
        if reason and first in known and second in known and first != second:
            found.append(Opposite(first, second, reason))
    return tuple(found)


def read_direction(c: Checker, obj: dict[str, Any], path: str) -> int | None:
    value = c.get(obj, "direction", int, path)
    if value is not None and value not in (1, -1):
        c.fail(f"{path}.direction", "harus 1 atau -1")
        return None
    return value
